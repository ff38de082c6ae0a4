// Organisers' authentication, for the JSON API and the console alike. Two ways in:
// - `Authorization: Bearer <ADMIN_TOKEN>` (scripts, curl): the token is compared in constant time (timingSafeEqual
//   on SHA-256 digests, so lengths leak nothing either);
// - the console's session cookie (see adminSessions.ts). A cookie is sent by the browser on its own, so a request
//   that changes something must also prove it comes from our page: its Origin is ours, and it carries the
//   session's CSRF token (X-CSRF-Token header, or a csrf form field).
// Wrong tokens are counted per client address (signInAttempts.ts). Without an ADMIN_TOKEN setting all of it is off
// and says so (503), rather than being open.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Request, Response } from 'restify';
import { sendError } from '../web/server.ts';
import { clientAddress } from '../web/clientAddress.ts';
import { csrfMatches, type AdminSession, type AdminSessions } from './adminSessions.ts';
import type { SignInAttempts } from './signInAttempts.ts';

export type AdminCheck = { ok: true } | { ok: false; status: 401 | 503; error: string; message: string };

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** True when `presented` is the admin token (constant time). */
export function tokenMatches(presented: unknown, adminToken: string): boolean {
  return typeof presented === 'string' && presented.length > 0 && timingSafeEqual(digest(presented), digest(adminToken));
}

/** Checks an Authorization header value against the configured token. Pure; usable outside restify. */
export function checkAdminAuthorization(header: string | string[] | undefined, adminToken: string | undefined): AdminCheck {
  if (!adminToken) return { ok: false, status: 503, error: 'AdminApiDisabled', message: 'The admin API is off: set ADMIN_TOKEN (at least 16 characters) to enable it.' };
  const value = Array.isArray(header) ? header[0] : header;
  const match = typeof value === 'string' ? value.match(/^Bearer\s+(\S+)\s*$/i) : null;
  if (!match) return { ok: false, status: 401, error: 'Unauthorized', message: 'Send Authorization: Bearer <ADMIN_TOKEN>, or sign in at /admin.' };
  if (!tokenMatches(match[1], adminToken)) return { ok: false, status: 401, error: 'Unauthorized', message: 'The admin token is not valid.' };
  return { ok: true };
}

/** Answers 401/403/429/503 itself and returns false when the request may not go on. */
export type AdminGuard = (req: Request, res: Response) => boolean | Promise<boolean>;

export const SESSION_COOKIE = 'admin-session';
/** Over https the cookie is `__Host-`: Secure, Path=/, no Domain, so no sibling host can plant or read it. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);


export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of String(Array.isArray(header) ? header.join(';') : (header ?? '')).split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export interface AdminAuthOptions {
  adminToken: string | undefined;
  sessions: AdminSessions;
  attempts: SignInAttempts;
  /** The bot's public address: its origin is accepted, and https there means Secure cookies. */
  publicUrl?: string;
  /** TRUST_PROXY_HOPS: wrong tokens are counted against the client address behind our proxies. */
  trustedProxyHops?: number;
}

export class AdminAuth {
  constructor(private readonly options: AdminAuthOptions) {}

  get enabled(): boolean {
    return Boolean(this.options.adminToken);
  }

  get sessions(): AdminSessions {
    return this.options.sessions;
  }

  get attempts(): SignInAttempts {
    return this.options.attempts;
  }

  /** Checks a token typed at sign-in (or sent as Bearer), counting a wrong one. */
  async checkToken(req: Request, presented: unknown): Promise<{ ok: true } | { ok: false; retryAfter?: number }> {
    const retryAfter = await this.options.attempts.retryAfter(clientAddress(req, this.options.trustedProxyHops ?? 0));
    if (retryAfter > 0) return { ok: false, retryAfter };
    if (this.options.adminToken && tokenMatches(presented, this.options.adminToken)) return { ok: true };
    await this.options.attempts.recordFailure(clientAddress(req, this.options.trustedProxyHops ?? 0));
    return { ok: false };
  }

  /** Whether this request arrived over https (directly, or as the proxy in front says). */
  isSecure(req: Request): boolean {
    if (this.options.publicUrl?.startsWith('https://')) return true;
    if (String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https') return true;
    return Boolean((req.socket as TLSSocket).encrypted);
  }

  sessionIdOf(req: Request): string | undefined {
    const cookies = parseCookies(req.headers.cookie);
    return cookies.get(SECURE_SESSION_COOKIE) ?? (this.isSecure(req) ? undefined : cookies.get(SESSION_COOKIE));
  }

  /** The signed-in organiser's session, if the request carries a live one. */
  session(req: Request): Promise<AdminSession | undefined> {
    return this.options.sessions.get(this.sessionIdOf(req));
  }

  /** Set-Cookie for a new session (or, with no id, one that clears it). */
  cookieFor(req: Request, id: string | undefined): string {
    const secure = this.isSecure(req);
    const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
    const lifetime = id ? Math.floor(this.options.sessions.lifetimeMs / 1000) : 0;
    return `${name}=${id ?? ''}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${lifetime}${secure ? '; Secure' : ''}`;
  }

  /**
   * True when the request comes from one of our own pages: its Origin (else Referer) is this server's origin.
   * A browser always sends Origin on a cross-site POST, and a page cannot forge it.
   */
  sameOrigin(req: Request): boolean {
    if (String(req.headers['sec-fetch-site'] ?? '') === 'cross-site') return false;
    let origin = String(req.headers.origin ?? '');
    if (!origin || origin === 'null') {
      try {
        origin = req.headers.referer ? new URL(String(req.headers.referer)).origin : '';
      } catch {
        origin = '';
      }
    }
    if (!origin) return false;
    const allowed = new Set<string>();
    if (this.options.publicUrl) allowed.add(new URL(this.options.publicUrl).origin);
    const hosts = [req.headers.host, String(req.headers['x-forwarded-host'] ?? '').split(',')[0].trim()].filter((h): h is string => typeof h === 'string' && h.length > 0);
    for (const host of hosts) for (const proto of ['http', 'https']) allowed.add(`${proto}://${host}`);
    return allowed.has(origin);
  }

  /** For restify handlers: `if (!(await auth.guard(req, res))) return;` */
  readonly guard: AdminGuard = async (req, res) => {
    const refuse = (status: number, error: string, message: string) => {
      res.setHeader('Cache-Control', 'no-store');
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="admin"');
      sendError(res, status, error, message);
      return false;
    };
    res.setHeader('Cache-Control', 'no-store');
    if (!this.options.adminToken) {
      const off = checkAdminAuthorization(undefined, undefined) as Extract<AdminCheck, { ok: false }>;
      return refuse(off.status, off.error, off.message);
    }
    const authorization = req.headers.authorization;
    if (authorization) {
      const match = String(authorization).match(/^Bearer\s+(\S+)\s*$/i);
      if (!match) return refuse(401, 'Unauthorized', 'Send Authorization: Bearer <ADMIN_TOKEN>, or sign in at /admin.');
      const checked = await this.checkToken(req, match[1]);
      if (checked.ok) return true;
      if (checked.retryAfter) {
        res.setHeader('Retry-After', String(checked.retryAfter));
        return refuse(429, 'TooManyRequests', 'Too many wrong admin tokens from this address; try again later.');
      }
      return refuse(401, 'Unauthorized', 'The admin token is not valid.');
    }
    const session = await this.session(req);
    if (!session) return refuse(401, 'Unauthorized', 'Send Authorization: Bearer <ADMIN_TOKEN>, or sign in at /admin.');
    if (SAFE_METHODS.has(req.method ?? 'GET')) return true;
    if (!this.sameOrigin(req)) return refuse(403, 'Forbidden', 'This request did not come from the console page.');
    if (!csrfMatches(session, req.headers['x-csrf-token'])) return refuse(403, 'Forbidden', 'The CSRF token is missing or not this session’s; reload the console.');
    return true;
  };
}
