// The Bot Framework side of POST /api/messages (src/web/messagesRoute.ts): the SDK's activity checks, the
// channel's authentication and the turn on the app's CloudAdapter, reported as an outcome the route answers with.
import { AuthenticationError } from 'botframework-connector';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import type { Activity, TurnContext } from 'botbuilder';
import type { BotAdapter } from './botAdapter.ts';
import type { ActivityOutcome, ProcessActivity } from '../web/messagesRoute.ts';

export function channelActivities(adapter: BotAdapter, bot: { run(context: TurnContext): Promise<void> }): ProcessActivity {
  return async (authorization, body): Promise<ActivityOutcome> => {
    let turnStarted = false;
    try {
      const activity = validateAndFixActivity(body as unknown as Activity);
      const invokeResponse = await adapter.processHttpActivity(authorization, activity, (context) => {
        turnStarted = true;
        return bot.run(context);
      });
      return { ok: true, status: invokeResponse?.status, body: invokeResponse?.body };
    } catch (err) {
      // Before the turn starts, a failure can only mean the caller was not authenticated (a bad token, or the
      // signing keys unreachable). After it, the turn itself failed past onTurnError.
      const reason = err instanceof AuthenticationError || !turnStarted ? 'unauthenticated' : 'turn-failed';
      return { ok: false, reason, errorName: (err as Error).name };
    }
  };
}
