// How proactive messages (reminders, announcements) leave the bot: one message into a conversation we were
// spoken to in before. The bot edge implements it (src/bot/botProactiveSender.ts); tests bring their own.
import type { Reply } from '../conversation/types.ts';
import type { StoredReference } from './references.ts';
import type { SendOutcome } from './retry.ts';

export interface ProactiveSender {
  /** Sends `reply` into the stored conversation; never throws, the outcome says whether to retry. */
  send(reference: StoredReference, reply: Reply): Promise<SendOutcome>;
}
