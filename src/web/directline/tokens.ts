// Short-lived Direct Line tokens for the built-in Direct Line: HMAC-SHA256 signed, bound to one user and one
// conversation. Compact like a JWT (payload.signature, base64url) but only ever read by this process.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../../storage/keyValueStore.ts';

export interface TokenClaims {
  /** The conversation the token opens, and only that one. */
  conversationId: string;
  userId: string;
  /** Issued at / expires, seconds since the epoch. */
  iat: number;
  exp: number;
  /** This token's own id (revoked when it is refreshed); tokens from before it existed go by their signature. */
  jti: string;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

export class TokenIssuer {
  private readonly key: Buffer;

  constructor(
    secret: string | undefined,
    /** Seconds a token lives; the page refreshes it before then. */
    readonly lifetimeSeconds = 30 * 60,
    private readonly now: () => number = Date.now,
  ) {
    // Without a configured secret each process has its own: tokens die with the process, like its conversations.
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(conversationId: string, userId: string): { token: string; expiresIn: number; claims: TokenClaims } {
    const iat = Math.floor(this.now() / 1000);
    const claims: TokenClaims = { conversationId, userId, iat, exp: iat + this.lifetimeSeconds, jti: randomBytes(12).toString('base64url') };
    const payload = Buffer.from(JSON.stringify({ v: 1, ...claims }), 'utf8').toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: this.lifetimeSeconds, claims };
  }

  verify(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const parts = token.split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 2048) return { ok: false, reason: 'malformed' };
    const [payload, signature] = parts;
    const expected = Buffer.from(this.sign(payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
    let claims: TokenClaims & { v?: number };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.v !== 1 || typeof claims.conversationId !== 'string' || typeof claims.userId !== 'string' || typeof claims.exp !== 'number')
      return { ok: false, reason: 'malformed' };
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    const jti = typeof claims.jti === 'string' && claims.jti ? claims.jti : signature;
    return { ok: true, claims: { conversationId: claims.conversationId, userId: claims.userId, iat: claims.iat, exp: claims.exp, jti } };
  }

  /** A stable derived value (e.g. the connector path key), so one secret configures everything. */
  derive(label: string): string {
    return createHmac('sha256', this.key).update(`derive:${label}`).digest('base64url').slice(0, 32);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/**
 * Tokens given up for fresh ones (POST /tokens/refresh): kept in the store until they would have expired, so
 * a refreshed token opens nothing on any instance, and one token is refreshed once (a stolen one cannot be
 * multiplied).
 */
export class TokenRevocations {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Revokes the token; true for the one caller that did (false: it was already revoked). */
  revoke(claims: TokenClaims): Promise<boolean> {
    return this.store.claim(REVOKED + claims.jti, 1, Math.max(1000, claims.exp * 1000 - this.now()));
  }

  async isRevoked(claims: TokenClaims): Promise<boolean> {
    return (await this.store.get(REVOKED + claims.jti)) !== undefined;
  }
}

const REVOKED = 'directline:revoked:';

/** The token in an `Authorization: Bearer …` header. */
export function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const m = value?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}
