// The organisers' console: GET /admin (the sign-in form, or the console for a signed-in organiser),
// POST /admin/sign-in (the admin token -> a session cookie), POST /admin/sign-out. The console's data comes
// from the JSON API (/api/admin/*), which accepts the session cookie with the CSRF token as well as the token.
import type { Request, Response, Server } from 'restify';
import type { EventData } from '../../event/schema.ts';
import type { Logger } from '../../logger.ts';
import { BASE_CSP, commonPageHeaders, cspHeader } from '../../web/pages/securityHeaders.ts';
import type { AdminAuth } from '../adminAuth.ts';
import { csrfMatches } from '../adminSessions.ts';
import { renderConsole, renderConsoleOff, renderSignIn, type SignInPageOptions } from './consolePage.ts';

export interface ConsoleDeps {
  auth: AdminAuth;
  event: EventData;
  log: Logger;
  publicUrl?: string;
  unansweredEnabled: boolean;
  retentionDays: number;
}

/** A form post (application/x-www-form-urlencoded) or a JSON body, as plain fields. */
function fieldsOf(req: Request): Record<string, string> {
  const body = req.body as unknown;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  }
  const raw = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
  return Object.fromEntries(new URLSearchParams(raw));
}

export function mountAdminConsole(server: Server, deps: ConsoleDeps) {
  const { auth } = deps;
  const html = (res: Response, status: number, body: string) => {
    commonPageHeaders(res, deps.publicUrl);
    res.setHeader('Content-Security-Policy', cspHeader({ ...BASE_CSP, 'connect-src': "'self'", 'frame-ancestors': "'none'" }));
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.writeHead(status);
    res.end(body);
  };
  const redirect = (res: Response, location: string, cookie?: string) => {
    res.setHeader('Cache-Control', 'no-store');
    if (cookie) res.setHeader('Set-Cookie', cookie);
    res.setHeader('Location', location);
    res.writeHead(303);
    res.end();
  };
  const signIn = (res: Response, status: number, options?: SignInPageOptions) => html(res, status, renderSignIn(deps.event, options));

  server.get('/admin', async (req: Request, res: Response) => {
    if (!auth.enabled) return html(res, 503, renderConsoleOff());
    const session = await auth.session(req);
    const signedOut = Object.prototype.hasOwnProperty.call(req.query ?? {}, 'signed-out');
    if (!session) return signIn(res, 200, signedOut ? { message: { kind: 'info', text: 'You are signed out.' } } : undefined);
    html(res, 200, renderConsole(deps.event, { csrfToken: session.csrfToken, expiresAt: session.expiresAt, unansweredEnabled: deps.unansweredEnabled, retentionDays: deps.retentionDays }));
  });

  server.post('/admin/sign-in', async (req: Request, res: Response) => {
    if (!auth.enabled) return html(res, 503, renderConsoleOff());
    // A browser names the page a form was posted from; one on another site may not sign anyone in here.
    if (req.headers.origin && !auth.sameOrigin(req)) return signIn(res, 403, { message: { kind: 'error', text: 'Sign in from this page.' } });
    const checked = await auth.checkToken(req, fieldsOf(req).token);
    if (!checked.ok) {
      if (checked.retryAfter) {
        res.setHeader('Retry-After', String(checked.retryAfter));
        deps.log.warn({ part: 'admin' }, 'admin sign-in refused: too many wrong tokens');
        return signIn(res, 429, { message: { kind: 'error', text: `Too many wrong tokens. Try again in ${Math.ceil(checked.retryAfter / 60)} minute(s).` } });
      }
      deps.log.warn({ part: 'admin' }, 'admin sign-in with a wrong token');
      return signIn(res, 401, { message: { kind: 'error', text: 'That is not the admin token.' } });
    }
    // Sessions run on real time (not the bot's event clock, which demos and tests move).
    const { id } = await auth.sessions.create(new Date());
    deps.log.info({ part: 'admin' }, 'organiser signed in to the console');
    redirect(res, '/admin', auth.cookieFor(req, id));
  });

  server.post('/admin/sign-out', async (req: Request, res: Response) => {
    if (!auth.enabled) return html(res, 503, renderConsoleOff());
    const session = await auth.session(req);
    if (session) {
      if (!auth.sameOrigin(req) || !csrfMatches(session, fieldsOf(req).csrf ?? req.headers['x-csrf-token']))
        return signIn(res, 403, { message: { kind: 'error', text: 'That sign-out did not come from the console; you are still signed in.' } });
      await auth.sessions.end(auth.sessionIdOf(req));
    }
    redirect(res, '/admin?signed-out', auth.cookieFor(req, undefined));
  });
}
