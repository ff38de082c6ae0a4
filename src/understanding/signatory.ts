// The person who signed the event's announcement ("who is Chaesub Lee?"): named in the event's text but in no
// session, so a question about them is not about an unknown person. Names match word by word, a typo allowed.
import type { EventData } from '../event/schema.ts';
import { editDistance } from './distance.ts';
import { wordsOf } from './vocabulary.ts';

/** A word of a name as typed: the same, or one typo away when both are long enough to tell. */
function sameNameWord(typed: string, part: string): boolean {
  return typed === part || (typed.length >= 4 && part.length >= 4 && editDistance(typed, part, 1) <= 1);
}

/** Whether a name asked about is the announcement's signatory: every word of it in the name, allowing a typo each. */
export function isSignatory(event: EventData, name: string): boolean {
  const signed = event.signedBy ? wordsOf(event.signedBy.name) : [];
  const asked = wordsOf(name);
  return signed.length > 0 && asked.length > 0 && asked.every((w) => signed.some((part) => sameNameWord(w, part)));
}

/** "is Chaesub Lee one of the speakers?": the signatory's full name somewhere in the words. */
export function namesSignatory(event: EventData, words: string[]): boolean {
  const signed = event.signedBy ? wordsOf(event.signedBy.name) : [];
  return signed.length >= 2 && signed.every((part) => words.some((w) => sameNameWord(w, part)));
}
