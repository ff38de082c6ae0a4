// The bot edge of proactive delivery (ProactiveSender): continueConversationAsync on the app's CloudAdapter.
// The connector client's own retry policy is removed for these sends: it would retry 429/5xx three times
// behind our back, outside the rate limiter. Our dispatcher retries instead, with backoff and Retry-After.
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Reply } from '../conversation/types.ts';
import type { ProactiveSender } from '../proactive/proactiveSender.ts';
import type { StoredReference } from '../proactive/references.ts';
import { classifyStatus, type SendOutcome } from '../proactive/retry.ts';
import { toActivity } from './toActivity.ts';

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
}

export class BotProactiveSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async send(reference: StoredReference, reply: Reply): Promise<SendOutcome> {
    const ref: Partial<ConversationReference> = {
      channelId: reference.channelId,
      serviceUrl: reference.serviceUrl,
      conversation: { ...reference.conversation, isGroup: reference.conversation.isGroup ?? false, conversationType: reference.conversation.conversationType ?? '', name: '' },
      user: { id: reference.user.id, name: '', ...(reference.user.aadObjectId ? { aadObjectId: reference.user.aadObjectId } : {}) },
      bot: { id: reference.bot.id, name: reference.bot.name ?? '' },
      locale: reference.locale,
    };
    // The send's error is caught inside the turn: the adapter's onTurnError would otherwise swallow it.
    let failure: unknown;
    let sent = false;
    try {
      await this.adapter.continueConversationAsync(this.appId, ref, async (context) => {
        const client = context.turnState.get(this.adapter.ConnectorClientKey) as { client?: { pipeline?: PipelineLike } } | undefined;
        client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
        try {
          await context.sendActivity(toActivity(reply, { channelId: reference.channelId }));
          sent = true;
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure ??= err;
    }
    if (sent && failure === undefined) return { ok: true };
    const e = (failure ?? {}) as { statusCode?: number; response?: { status?: number; headers?: { get?(name: string): string | undefined } } };
    return classifyStatus(e.statusCode ?? e.response?.status, e.response?.headers?.get?.('retry-after'));
  }
}
