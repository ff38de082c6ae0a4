// The organisers' HTTP API. GET /api/admin/registrations: JSON, or CSV with ?format=csv or Accept: text/csv.
import type { Request, Response, Server } from 'restify';
import type { EventData } from '../event/schema.ts';
import type { Logger } from '../logger.ts';
import type { RegistrationStore } from '../registration/registrationStore.ts';
import { sendError } from '../web/server.ts';
import { requireAdmin } from './adminAuth.ts';
import { exportRegistration, registrationsCsv } from './registrationsExport.ts';

export interface AdminRoutesDeps {
  adminToken: string | undefined;
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
    if (!requireAdmin(req, res, deps.adminToken)) return;
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
}
