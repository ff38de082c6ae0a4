// POST /api/admin/announce {text} -> 202 {id, recipients}; GET /api/admin/announce/:id -> sent/failed/pending.
// Both behind the admin Bearer token (the check itself lives with the admin API).
import type { Request, Response, Server } from 'restify';
import type { ReminderService } from '../reminders/reminderService.ts';
import { sendError } from '../web/server.ts';
import { validateAnnouncement } from './announcements.ts';

/** Answers 401/503 itself and returns false when the request may not go on. */
export type AdminGuard = (req: Request, res: Response) => boolean | Promise<boolean>;

export function mountAnnouncementRoutes(server: Server, service: ReminderService, guard: AdminGuard) {
  server.post('/api/admin/announce', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const checked = validateAnnouncement(req.body);
    if ('problem' in checked) return sendError(res, 400, 'BadRequest', checked.problem);
    const a = await service.announce(checked.text);
    res.header('Location', `/api/admin/announce/${a.id}`);
    res.status(202);
    res.json({ id: a.id, recipients: a.recipients.length, status: `/api/admin/announce/${a.id}` });
  });

  server.get('/api/admin/announce/:id', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const status = await service.announcementStatus(String(req.params.id ?? ''));
    if (!status) return sendError(res, 404, 'NotFound', 'No announcement with that id.');
    res.json(status);
  });
}
