// CloudAdapter with its turn entry point open to the /api/messages route. CloudAdapter.process would first
// re-validate the activity with zod schemas it builds on every call (~10 % of a question turn's CPU, see
// BENCHMARKS.md) and console.error any failure with its message; the route checks the activity itself
// (web/activityShape.ts) and logs failures through the redacting logger, so it calls processActivity.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

export class BotAdapter extends CloudAdapter {
  /** One turn for an already-validated activity; resolves with the invoke (or expectReplies) response, if any. */
  processHttpActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
