// Organisers' console sessions, kept in the shared store (not in memory) so that any instance behind the load
// balancer accepts a cookie another one issued, and a sign-out on one is a sign-out everywhere.
//
// The cookie carries a random 256-bit id; the store holds only its SHA-256 (a leaked database dump cannot be
// replayed as a cookie) with the session's CSRF token and its expiry, as a TTL entry.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';

const PREFIX = 'admin-session:';

export interface AdminSession {
  /** Sent back with every state-changing request (header or form field); tied to this session. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

const hashOf = (id: string) => createHash('sha256').update(id, 'utf8').digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url');
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export class AdminSessions {
  constructor(
    private readonly store: KeyValueStore,
    readonly lifetimeMs: number,
  ) {}

  /** A new session: the id goes into the cookie, the session (with its CSRF token) stays here. */
  async create(now: Date): Promise<{ id: string; session: AdminSession }> {
    const id = randomToken();
    const session: AdminSession = { csrfToken: randomToken(), createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + this.lifetimeMs).toISOString() };
    await this.store.set(PREFIX + hashOf(id), session, this.lifetimeMs);
    return { id, session };
  }

  /** The live session for a cookie value, if any (anything malformed is simply no session). */
  async get(id: string | undefined): Promise<AdminSession | undefined> {
    if (!id || !SESSION_ID.test(id)) return undefined;
    return this.store.get<AdminSession>(PREFIX + hashOf(id));
  }

  async end(id: string | undefined): Promise<void> {
    if (id && SESSION_ID.test(id)) await this.store.delete(PREFIX + hashOf(id));
  }
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(session: AdminSession, presented: unknown): boolean {
  if (typeof presented !== 'string' || !presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(session.csrfToken).digest();
  return timingSafeEqual(a, b);
}
