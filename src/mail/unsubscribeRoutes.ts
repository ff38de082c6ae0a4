// GET /email/unsubscribe?r=…&s=… shows a page with one button; POST to the same address turns e-mail off
// (also RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click"). A GET never changes anything,
// because mail scanners open links before people do. No sign-in: the signature is the permission.
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.ts';
import type { RegistrationStore } from '../registration/registrationStore.ts';
import type { EmailLinks } from './emailLinks.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: Response, status: number, title: string, body: string) {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  res.setHeader('Cache-Control', 'no-store');
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`);
}

export function mountUnsubscribeRoutes(server: Server, deps: { links: EmailLinks; registrations: RegistrationStore; eventTitle: () => string; now: () => Date; log: Logger }) {
  const { links, registrations, log } = deps;
  const invalid = (res: Response) => page(res, 400, 'This link is not valid', '<p>It may have been cut short by your mail program. Open the link from the e-mail again, or say <em>stop e-mails</em> to the event assistant in the chat.</p>');

  server.get('/email/unsubscribe', async (req: Request, res: Response) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const reference = links.verify(query.r, query.s);
    if (!reference) return invalid(res);
    const action = `/email/unsubscribe?r=${encodeURIComponent(reference)}&s=${encodeURIComponent(String(query.s))}`;
    page(res, 200, `Stop e-mails from ${deps.eventTitle()}?`, `<p>You'll no longer get reminders and announcements by e-mail for registration <strong>${escapeHtml(reference)}</strong>. The chat keeps sending them where it can reach you, and your registration stays as it is.</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">Stop e-mails</button></form>`);
  });

  server.post('/email/unsubscribe', async (req: Request, res: Response) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const reference = links.verify(query.r, query.s);
    if (!reference) return invalid(res);
    const updated = await registrations.updateByReference(reference, () => ({ emailReminders: false }), deps.now());
    log.info({ reference, found: Boolean(updated) }, 'e-mail unsubscribed by link');
    // The same answer whether or not the registration still exists: nothing to learn from the link.
    page(res, 200, 'E-mails stopped', `<p>Reminders and announcements for ${escapeHtml(deps.eventTitle())} no longer come by e-mail. Changed your mind? Say <em>also send my reminders by e-mail</em> to the event assistant.</p>`);
  });
}
