// Which engine results count as "the bot could not answer this", for the organisers' list of unanswered
// questions. Today: the fallback reply. The classifier's low-confidence flag joins here when it exists.
import type { Understood } from './types.ts';

export function isUnanswered(result: Understood): boolean {
  return !result.command && result.intent === 'fallback';
}
