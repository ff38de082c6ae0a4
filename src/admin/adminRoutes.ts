// The organisers' HTTP API. GET /api/admin/registrations: JSON, or CSV with ?format=csv or Accept: text/csv;
// GET /api/admin/registrations/summary: the totals the console charts.
import type { Request, Response, Server } from 'restify';
import type { EventData } from '../event/schema.ts';
import type { Logger } from '../logger.ts';
import type { RegistrationStore } from '../registration/registrationStore.ts';
import { sendError } from '../web/server.ts';
import type { AdminGuard } from './adminAuth.ts';
import { exportRegistration, registrationsCsv } from './registrationsExport.ts';
import { summariseRegistrations } from './registrationsSummary.ts';

export interface AdminRoutesDeps {
  /** The Bearer token, or the console's session cookie (+ CSRF token for changes). */
  guard: AdminGuard;
  event: EventData;
  registrations: RegistrationStore;
  log: Logger;
}

export function wantsCsv(req: Request): boolean {
  const format = (req.query as Record<string, unknown> | undefined)?.format;
  if (typeof format === 'string' && format) return format.toLowerCase() === 'csv';
  return /\btext\/csv\b/i.test(String(req.headers.accept ?? ''));
}

export function mountAdminRoutes(server: Server, deps: AdminRoutesDeps) {
  server.get('/api/admin/registrations', async (req: Request, res: Response) => {
    if (!(await deps.guard(req, res))) return;
    const format = (req.query as Record<string, unknown> | undefined)?.format;
    if (typeof format === 'string' && format && !['csv', 'json'].includes(format.toLowerCase()))
      return sendError(res, 400, 'BadRequest', 'format must be csv or json.');
    const regs = await deps.registrations.all();
    deps.log.info({ count: regs.length, format: wantsCsv(req) ? 'csv' : 'json' }, 'registrations exported');
    res.setHeader('Cache-Control', 'no-store');
    if (wantsCsv(req)) {
      const body = '\uFEFF' + registrationsCsv(regs); // the BOM makes Excel read UTF-8 (accents in names, Côte d’Ivoire)
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="registrations-${deps.event.id}.csv"`,
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    res.json({ event: deps.event.id, count: regs.length, registrations: regs.map(exportRegistration) });
  });

  // Totals by country, category and day of registration (the event's zone), for the console's charts.
  server.get('/api/admin/registrations/summary', async (req: Request, res: Response) => {
    if (!(await deps.guard(req, res))) return;
    res.json({ event: deps.event.id, timeZone: deps.event.timeZone, ...summariseRegistrations(await deps.registrations.all(), deps.event.timeZone) });
  });
}
