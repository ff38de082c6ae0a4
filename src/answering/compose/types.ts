import type { DialogueMemory, Reply } from '../../conversation/types.ts';

/** A composed answer and what the conversation should now remember. */
export interface Answer {
  reply: Reply;
  memory?: DialogueMemory;
  /** A command the bot cannot act on now (registration closed, the event over): the reply is the whole answer. */
  declined?: boolean;
  /** Said before a command is acted on ("how do I register?": the route and deadline, then the form). */
  preface?: Reply;
}
