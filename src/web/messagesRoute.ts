// POST /api/messages, the door channels (Teams, Azure Bot Service, the Emulator) send activities through: rate
// limit, shape check, local mode's loopback rules, then the bot. The Bot Framework side (authentication, the
// adapter, the turn) is a function passed in (src/bot/channelActivities.ts), so this file imports no botbuilder.
import type { Request, Response, Server } from 'restify';
import type { Settings } from '../config.ts';
import type { Logger } from '../logger.ts';
import { describeActivityProblem } from './activityShape.ts';
import { clientAddress } from './clientAddress.ts';
import { isLoopbackAddress, isLoopbackUrl } from './loopback.ts';
import { RateLimiter } from './rateLimiter.ts';
import { sendError } from './server.ts';

/** What became of one activity handed to the bot. */
export type ActivityOutcome =
  /** The turn ran; an invoke activity's response, if any, is answered as is. */
  | { ok: true; status?: number; body?: unknown }
  /** Refused before the turn (bad token, signing keys unreachable), or the turn failed past the bot's own handler. */
  | { ok: false; reason: 'unauthenticated' | 'turn-failed'; errorName: string };

/** Hands one activity, with the request's Authorization header, to the bot. */
export type ProcessActivity = (authorization: string, activity: Record<string, unknown>) => Promise<ActivityOutcome>;

export interface MessagesRouteOptions {
  settings: Settings;
  process: ProcessActivity;
  log: Logger;
  /** Wraps a turn so the app's stop() waits for it. */
  track?: (work: () => Promise<void>) => Promise<void>;
}

export function mountMessagesRoute(server: Server, { settings, process, log, track = (work) => work() }: MessagesRouteOptions): void {
  // In local mode nobody is authenticated, so each client address gets a budget; with auth, the channel is trusted.
  const messageLimiter = settings.localMode ? new RateLimiter(settings.MESSAGES_PER_MINUTE_PER_CLIENT, 60_000) : undefined;
  server.post('/api/messages', async (req: Request, res: Response) => {
    const client = clientAddress(req, settings.TRUST_PROXY_HOPS);
    const wait = messageLimiter?.hit(client) ?? 0;
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      return sendError(res, 429, 'TooManyRequests', 'Too many messages; please slow down.');
    }
    const problem = describeActivityProblem(req.body);
    if (problem) return sendError(res, 400, 'BadRequest', `Not a valid activity: ${problem}`);
    // (describeActivityProblem has checked the fields read here)
    const activity = req.body as Record<string, unknown> & { serviceUrl: string; conversation: { id: string } };
    // Local mode authenticates no channel: only this machine may speak as one (Emulator, local tools), and the
    // bot replies only to a connector on this machine, never to a URL a stranger names.
    if (settings.localMode && !isLoopbackAddress(client))
      return sendError(res, 403, 'Forbidden', 'Without Bot Framework authentication (MicrosoftAppId) this endpoint takes activities from this machine only.');
    if (settings.localMode && !isLoopbackUrl(activity.serviceUrl))
      return sendError(res, 403, 'Forbidden', 'Without Bot Framework authentication (MicrosoftAppId) the bot replies only to a connector on this machine (serviceUrl on 127.0.0.1 or localhost).');
    await track(async () => {
      const authorization = req.headers.authorization;
      const outcome = await process(typeof authorization === 'string' ? authorization : '', activity);
      if (outcome.ok) {
        res.status(outcome.status ?? 200);
        if (outcome.body) res.send(outcome.body);
        res.end();
        return;
      }
      const status = outcome.reason === 'unauthenticated' ? 401 : 500;
      log.warn({ err: outcome.errorName, status, conversationId: activity.conversation.id }, 'activity not processed');
      if (!res.headersSent) sendError(res, status, status === 401 ? 'Unauthorized' : 'InternalError', status === 401 ? 'The request could not be authenticated.' : 'The turn failed.');
    });
  });
  // GET tells a visitor (and tools waiting for the bot) that this is a bot endpoint.
  server.get('/api/messages', async (_req: Request, res: Response) => sendError(res, 405, 'MethodNotAllowed', 'POST Bot Framework activities here.'));
}
