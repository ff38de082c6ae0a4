// "sorry, I meant day 2", "no — make that London time", "is it the same on Thursday?": the previous question again,
// changed. The previous
// question is asked again with that part replaced, so the answer is the one the attendee meant to ask for.
// A correction that names something else entirely ("no, I meant the EACO person") is a question of its own.

/** The replacement a correction offers: "sorry, I meant day 2" → "day 2". */
const CORRECTION = /^(?:(?:sorry|oops|no|nope|wait|actually|correction|my bad|my mistake|apologies|err|erm)\b[\s,.!-]*)*(?:i (?:meant|mean)(?: to (?:say|ask|write))?|make (?:that|it)|change (?:that|it) to|(?:it )?should (?:be|have been)|i was asking about)\s+(.+?)[\s.!?]*$/i;
/** "no, day 2", "actually London": a bare fragment after a word of correction. */
const BARE_CORRECTION = /^(?:sorry|no|nope|actually|oops|correction)[\s,.!-]+((?:\S+\s*){1,4}?)[\s.!?]*$/i;

/** "is it the same on Thursday?": the previous question again, for another day (or place). */
const SAME_FOR = /^(?:and |so )?(?:is it|is that|will it be|would it be|it is|same) (?:the )?(?:same )?(?:on|for|in) (.+?)[\s.!?]*$/i;

export function correctionOf(text: string): string | undefined {
  const m = text.trim().match(CORRECTION) ?? text.trim().match(BARE_CORRECTION) ?? text.trim().match(SAME_FOR);
  return m?.[1]?.replace(/^(?:for|on|in|at|about|the one (?:on|in|at|for))\s+/i, '').trim() || undefined;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
/** A day as the previous question may have named it: "on day 1", "the first day", "Wednesday", "30 March", "today". */
const DAY_PHRASE = new RegExp(
  `\\b(?:on |for |of |in )?(?:(?:the )?(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th) day|day (?:\\d+|one|two|three|four)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|yesterday|(?:the )?\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?)\\b`,
  'gi',
);

/** The previous question with its day replaced by `day` (or the day added when it named none). */
export function withDay(previous: string, day: string): string {
  const bare = previous.replace(/[?.!\s]+$/, '');
  return DAY_PHRASE.test(bare) ? bare.replace(DAY_PHRASE, ` on ${day}`).replace(/\s+/g, ' ').trim() : `${bare} on ${day}`;
}

/** The previous question's words without the place it named (`at`–`end` in its plain words), then in `place`. */
export function withPlace(previousWords: string[], at: number, end: number, place: string): string {
  let start = at;
  if (start > 0 && ['in', 'for', 'at', 'to'].includes(previousWords[start - 1])) start--;
  const rest = at < 0 ? previousWords : [...previousWords.slice(0, start), ...previousWords.slice(end)];
  return `${rest.join(' ')} in ${place}`;
}
