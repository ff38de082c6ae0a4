// POST /api/admin/announce {text, textFr?, sessionId?} -> 202 {id, recipients, audience}; GET /api/admin/announce/:id -> sent/failed/pending;
// GET /api/admin/announcements -> every announcement, newest first, with its text and status by channel.
// Both behind the admin Bearer token (the check itself lives with the admin API).
import type { Request, Response, Server } from 'restify';
import type { ReminderService } from './reminderService.ts';
import { sendError } from '../web/server.ts';
import { announcementReply } from './messages.ts';
import { validateAnnouncement } from './announcements.ts';

/** Answers 401/503 itself and returns false when the request may not go on. */
export type AdminGuard = (req: Request, res: Response) => boolean | Promise<boolean>;

export function mountAnnouncementRoutes(server: Server, service: ReminderService, guard: AdminGuard) {
  server.post('/api/admin/announce', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const checked = validateAnnouncement(req.body);
    if ('problem' in checked) return sendError(res, 400, 'BadRequest', checked.problem);
    const a = await service.announce(checked.text, checked.sessionId, checked.textFr);
    if (!a) return sendError(res, 400, 'BadRequest', '"sessionId" names no session in the programme that has reminders (see GET /api/admin/reminders).');
    res.header('Location', `/api/admin/announce/${a.id}`);
    res.status(202);
    res.json({ id: a.id, recipients: a.recipients.length, audience: a.audience, status: `/api/admin/announce/${a.id}` });
  });

  // What attendees will see (the heading the bot adds, then the text), for the console's preview. Sends nothing.
  server.post('/api/admin/announce/preview', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const checked = validateAnnouncement(req.body);
    if ('problem' in checked) return sendError(res, 400, 'BadRequest', checked.problem);
    // French-speaking attendees see the French text when there is one, else the English.
    res.json({ reply: announcementReply(checked.text, service.agenda), ...(checked.textFr ? { replyFr: announcementReply(checked.textFr, service.agenda, 'fr') } : {}) });
  });

  server.get('/api/admin/announcements', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    res.json({ announcements: await service.announcementHistory() });
  });

  server.get('/api/admin/announce/:id', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const status = await service.announcementStatus(String(req.params.id ?? ''));
    if (!status) return sendError(res, 404, 'NotFound', 'No announcement with that id.');
    res.json(status);
  });
}
