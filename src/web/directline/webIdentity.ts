// The browser's attendee id for the built-in Direct Line: a random opaque id in a signed, HttpOnly, SameSite
// cookie, so a reload or a new tab in the same browser is the same Web Chat user (the same registration,
// reminders and follow-up memory). The page never sees it as a secret: the token route reads the cookie and
// binds the Direct Line token to that id. Over https (directly, or as a TLS-terminating proxy says) the cookie
// is `__Host-`-prefixed and Secure. "Sign out of this browser" clears it; the next visit is a new attendee.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { parse, serialize } from 'cookie';
import type { Request } from 'restify';

export const IDENTITY_COOKIE = 'webchat-user';
export const SECURE_IDENTITY_COOKIE = `__Host-${IDENTITY_COOKIE}`;
/** Long enough to span an event's run-up and its days; browsers cap cookies at about 400 days anyway. */
const LIFETIME_SECONDS = 180 * 24 * 60 * 60;
const USER_ID = /^dl_[A-Za-z0-9_-]{22}$/;

export class WebIdentity {
  constructor(
    /** A key derived from the Direct Line signing key, so every instance (and a restart) reads the same cookie. */
    private readonly key: string,
    private readonly publicUrl?: string,
  ) {}

  static newUserId(): string {
    return `dl_${randomBytes(16).toString('base64url')}`;
  }

  /** Whether this request arrived over https (directly, or as the proxy in front says). */
  isSecure(req: Request): boolean {
    if (this.publicUrl?.startsWith('https://')) return true;
    if (String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https') return true;
    return Boolean((req.socket as TLSSocket).encrypted);
  }

  /** The user id the request's cookie vouches for; undefined when there is none or it was not signed here. */
  userOf(req: Request): string | undefined {
    const header = req.headers.cookie;
    if (typeof header !== 'string' || header.length > 8192) return undefined;
    let cookies: Record<string, string | undefined>;
    try {
      cookies = parse(header);
    } catch {
      return undefined;
    }
    const value = cookies[SECURE_IDENTITY_COOKIE] ?? (this.isSecure(req) ? undefined : cookies[IDENTITY_COOKIE]);
    if (!value) return undefined;
    const dot = value.lastIndexOf('.');
    const userId = value.slice(0, dot);
    if (dot <= 0 || !USER_ID.test(userId)) return undefined;
    const given = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(this.sign(userId));
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
  }

  /** Set-Cookie that keeps `userId` for this browser (sent on each token, so an active visitor never expires). */
  cookieFor(req: Request, userId: string): string {
    const secure = this.isSecure(req);
    return serialize(secure ? SECURE_IDENTITY_COOKIE : IDENTITY_COOKIE, `${userId}.${this.sign(userId)}`, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure,
      maxAge: LIFETIME_SECONDS,
    });
  }

  /** Set-Cookie headers that forget the browser's id (both names: the page may have been served both ways). */
  clearing(req: Request): string[] {
    const secure = this.isSecure(req);
    const gone = { path: '/', httpOnly: true, sameSite: 'strict' as const, maxAge: 0 };
    return [serialize(IDENTITY_COOKIE, '', gone), ...(secure ? [serialize(SECURE_IDENTITY_COOKIE, '', { ...gone, secure: true })] : [])];
  }

  private sign(userId: string): string {
    return createHmac('sha256', this.key).update(`web-user:${userId}`).digest('base64url');
  }
}
