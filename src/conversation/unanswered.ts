// Which engine results count as "the bot could not answer this", for the organisers' list of unanswered
// questions: the fallback reply, and any reading the classifier was unsure of (a "did you mean … or …?", a
// low-scored answer), so organisers see the questions worth teaching.
import type { Understood } from './types.ts';

export function isUnanswered(result: Understood): boolean {
  return !result.command && (result.intent === 'fallback' || result.understanding?.lowConfidence === true);
}
