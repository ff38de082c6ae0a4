// The security headers every HTML page of this origin sends (event page, Teams tab, organisers' console): one
// place, so a page added later gets the same policy. Scripts are same-origin files only (no inline script);
// styles may be inline because Web Chat and Adaptive Cards set them at runtime.
import type { Response } from 'restify';

export const BASE_CSP: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  // Web Chat and Adaptive Cards set styles at runtime (CSS-in-JS); scripts stay same-origin only.
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'media-src': "'self' data: blob:",
  'base-uri': "'none'",
  'form-action': "'self'",
  'object-src': "'none'",
};

export const cspHeader = (parts: Record<string, string>) =>
  Object.entries(parts)
    .map(([k, v]) => `${k} ${v}`.trim())
    .join('; ');

export function commonPageHeaders(res: Response, publicUrl: string | undefined) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Permissions-Policy', 'camera=(), geolocation=(), microphone=(), payment=(), usb=()');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  if (publicUrl?.startsWith('https://')) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
}
