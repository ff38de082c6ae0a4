import type { DialogueMemory, Reply } from '../../conversation/types.ts';

/** A composed answer and what the conversation should now remember. */
export interface Answer {
  reply: Reply;
  memory?: DialogueMemory;
}
