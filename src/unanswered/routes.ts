// GET /api/admin/unanswered -> {enabled, retentionDays, groups}; POST /api/admin/unanswered/handled {ids} ->
// {handled}. Behind the admin guard (Bearer token, or the console's session cookie + CSRF token).
import type { Request, Response, Server } from 'restify';
import type { AdminGuard } from '../admin/adminAuth.ts';
import type { Clock } from '../clock.ts';
import { sendError } from '../web/server.ts';
import type { UnansweredQuestions } from './unansweredQuestions.ts';

const MAX_IDS = 1000;

export function mountUnansweredRoutes(server: Server, deps: { questions?: UnansweredQuestions; retentionDays: number; clock: Clock; guard: AdminGuard }) {
  const { questions, guard } = deps;
  server.get('/api/admin/unanswered', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const groups = questions ? await questions.groups(deps.clock.now()) : [];
    res.json({ enabled: Boolean(questions), retentionDays: deps.retentionDays, groups });
  });

  server.post('/api/admin/unanswered/handled', async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const ids = (req.body as { ids?: unknown } | undefined)?.ids;
    if (!Array.isArray(ids) || !ids.length || ids.length > MAX_IDS || !ids.every((i) => typeof i === 'string'))
      return sendError(res, 400, 'BadRequest', `Send {"ids": [...]}: the ids of the group's questions (1 to ${MAX_IDS}).`);
    if (!questions) return sendError(res, 409, 'Disabled', 'Unanswered questions are not being kept (UNANSWERED_QUESTIONS=off).');
    const handled = await questions.markHandled(ids as string[], deps.clock.now());
    res.json({ handled });
  });
}
