// Organisers' API authentication: `Authorization: Bearer <ADMIN_TOKEN>`. The token is compared in
// constant time (timingSafeEqual on SHA-256 digests, so lengths leak nothing either). Without an
// ADMIN_TOKEN setting the admin API is off and says so (503), rather than being open.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import { sendError } from '../web/server.ts';

export type AdminCheck = { ok: true } | { ok: false; status: 401 | 503; error: string; message: string };

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Checks an Authorization header value against the configured token. Pure; usable outside restify. */
export function checkAdminAuthorization(header: string | string[] | undefined, adminToken: string | undefined): AdminCheck {
  if (!adminToken) return { ok: false, status: 503, error: 'AdminApiDisabled', message: 'The admin API is off: set ADMIN_TOKEN (at least 16 characters) to enable it.' };
  const value = Array.isArray(header) ? header[0] : header;
  const match = typeof value === 'string' ? value.match(/^Bearer\s+(\S+)\s*$/i) : null;
  if (!match) return { ok: false, status: 401, error: 'Unauthorized', message: 'Send Authorization: Bearer <ADMIN_TOKEN>.' };
  if (!timingSafeEqual(digest(match[1]), digest(adminToken))) return { ok: false, status: 401, error: 'Unauthorized', message: 'The admin token is not valid.' };
  return { ok: true };
}

/**
 * For a restify handler: true when the request may proceed; otherwise the 401/503 has been sent.
 *   if (!requireAdmin(req, res, settings.ADMIN_TOKEN)) return;
 */
export function requireAdmin(req: Request, res: Response, adminToken: string | undefined): boolean {
  const check = checkAdminAuthorization(req.headers.authorization, adminToken);
  if (check.ok) return true;
  res.setHeader('Cache-Control', 'no-store');
  if (check.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="admin"');
  sendError(res, check.status, check.error, check.message);
  return false;
}
