// GET /api/admin/reminders: per session, followers and how its reminder went (sent, failed with reasons,
// pending), and when the next reminder falls due. Behind the admin guard.
import type { Request, Response, Server } from 'restify';
import type { AdminGuard } from './announcementRoutes.ts';
import type { Clock } from '../clock.ts';
import type { RegistrationStore } from '../registration/registrationStore.ts';
import type { ReminderService } from './reminderService.ts';
import { reminderReport } from './reminderReport.ts';

export function mountReminderReportRoutes(server: Server, deps: { service: ReminderService; registrations: RegistrationStore; clock: Clock; guard: AdminGuard }) {
  server.get('/api/admin/reminders', async (req: Request, res: Response) => {
    if (!(await deps.guard(req, res))) return;
    const { service } = deps;
    res.json(
      await reminderReport({
        agenda: service.agenda,
        occurrences: service.occurrences,
        ledger: service.ledger,
        registrations: await deps.registrations.all(),
        now: deps.clock.now().getTime(),
        leadMinutes: service.options.leadMinutes,
      }),
    );
  });
}
