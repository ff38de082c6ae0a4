// Messages that are more than one plain question: a thanks before the question ("thanks! and on day 2?"),
// a long story with the question buried in it, several questions in one message, a place told before the
// question ("I'm in Tokyo, when is …"). These find the parts; the engine answers each and puts them together.
import type { Understood } from '../conversation/types.ts';

/** How much of a message is read: the rest of a longer one is ignored. */
export const MAX_INPUT = 500;

/** "thanks! and on day 2?": manners first, then the question. */
// (and in French: "ok merci.", "d'accord, merci beaucoup !", "parfait.")
const COURTESY_WORD = "(?:thanks|thank you|thank u|thx|ty|cheers|great|perfect|ok|okay|cool|nice|merci|d['’]accord|super|parfait|g[ée]nial|tr[èe]s bien)";
const COURTESY_FIRST = new RegExp(`^\\s*${COURTESY_WORD}(?:[\\s,]+${COURTESY_WORD})?(?: (?:a lot|so much|very much|beaucoup|bien))?[\\s!.,]+(.+)$`, 'i');

/** The question after a thanks or an "ok", when there is one of at least two words. */
export function afterCourtesy(text: string): string | undefined {
  const polite = text.match(COURTESY_FIRST);
  return polite && polite[1].trim().split(/\s+/).length >= 2 ? polite[1] : undefined;
}

/** A sentence that asks without a question mark: "For that note I need the EACO official who opens …". */
const REQUEST_SENTENCE = /\b(i need|i'd like|i would like|i want to know|i am looking for|i'm looking for|what i need is|please (tell|send|let|give)|could you|can you|would you)\b/i;
/**
 * The question sentences of a long message (over 30 words) that also tells a story around them; undefined when
 * the message is short, or all question, or has none.
 */
export function buriedQuestions(text: string, minWords = 30): { asked: string; story: string } | undefined {
  if (text.split(/\s+/).length <= minWords) return undefined;
  const sentences = text.match(/[^.!?]+[.!?]*/g)?.map((x) => x.trim()).filter(Boolean) ?? [];
  const isAsked = (x: string) => /\?$/.test(x) || REQUEST_SENTENCE.test(x);
  const asked = sentences.filter(isAsked);
  // (the story around the question is kept: what it names is what "it" in the question may mean)
  return asked.length && asked.length < sentences.length ? { asked: asked.join(' '), story: sentences.filter((x) => !isAsked(x)).join(' ') } : undefined;
}

/** How much of a long message is searched for its buried question (the question often comes last). */
export const MAX_STORY = 4 * MAX_INPUT;

const QUESTION_WORD = '(?:what|when|where|who|whom|which|how|why|is|are|was|were|do|does|did|can|could|will|would|should|has|have)';
/** Where a compound message divides: ", and" / "and" / "," right before a question word. */
const BEFORE_NEXT_QUESTION = new RegExp(`\\s*(?:,\\s*(?:and|also|plus)?|\\s(?:and|also|plus))\\s+(?=${QUESTION_WORD}\\b)`, 'i');
/** A greeting sentence before the questions: "Hello there.", "Hi all,", "Good morning!". */
const GREETING_FIRST = /^\s*(?:hi|hello|hey|hiya|greetings|dear [a-z]+|good (?:morning|afternoon|evening|day)|bonjour|bonsoir|salut|coucou)(?:[\s,]+(?:there|all|everyone|team|bot|[àa] tous|tout le monde))?\s*[.!,]+\s*(.+)$/is;
const STARTS_AS_QUESTION = new RegExp(`^${QUESTION_WORD}\\b`, 'i');
/**
 * The separate questions of a compound message: split at "?" and at ", and"/"and"/"," before a question word
 * ("… day 2 start and who speaks first?"). One part when the message is a single question.
 */
export function splitQuestions(text: string): string[] {
  // "Hello,there.Is it recorded?Also when is …": the greeting is not one of the questions.
  const greeted = text.match(GREETING_FIRST);
  if (greeted && greeted[1].split(/\s+/).length >= 3) text = greeted[1];
  const bySign = text.split(/\?+/).map((p) => p.trim()).filter(Boolean);
  const parts = bySign.flatMap((p) => p.split(BEFORE_NEXT_QUESTION));
  const questions = parts.map((p) => p.replace(/^(and|also|plus|so|then)\s+/i, '').trim()).filter((p) => p.split(/\s+/).length >= 3);
  // Every part a question in its own right ("I'm in Tokyo, when is …" is one question with a zone, not two).
  return questions.length > 1 && questions.length <= 4 && questions.every((q) => STARTS_AS_QUESTION.test(q)) ? questions : [text];
}

/**
 * The answers to the parts of a compound message as one reply, in order; undefined unless at least two say
 * different things (a part answered exactly as another is one question read twice, and is left out).
 * `memory` is what the conversation remembers after the last part.
 */
export function combineAnswers(parts: Understood[], memory: Understood['memory']): Understood | undefined {
  const outs = parts.filter((o, i) => parts.findIndex((p) => p.reply!.text === o.reply!.text) === i);
  if (outs.length < 2) return undefined;
  const last = outs[outs.length - 1];
  return {
    ...last,
    intent: outs[0].intent,
    // the first part's reading, uncertain if any part was
    understanding: outs[0].understanding && { ...outs[0].understanding, lowConfidence: outs.some((o) => o.understanding?.lowConfidence) },
    memory,
    rememberTimeZone: outs.find((o) => o.rememberTimeZone)?.rememberTimeZone,
    // One text with every answer: a card would show one part's content a second time.
    reply: { text: outs.map((o) => o.reply!.text).join('\n\n'), suggestions: last.reply!.suggestions },
  };
}

/** Words between "I'm" and the place in "I'm based in Lagos, ...": dropped with the place. */
const ZONE_CLAUSE = new Set(['i', 'im', 'am', 'in', 'at', 'from', 'based', 'located', 'currently', 'now', 'living', 'staying', 'working', 'sitting', 'live', 'stay', 'work', 'reside', 'joining', 'attending', 'connecting', 'dialling', 'dialing', 'calling', 'participating', 'if', 'since', 'as', 'because', 'and', 'so', 'but', 'will', 'be', 'll', 'm']);

/** "I'm based in Lagos, when is the SS7 session?": the words left once the clause telling the place is taken out. */
export function withoutZoneClause(words: string[], place: { at: number; end: number }): string[] {
  let start = place.at;
  while (start > 0 && ZONE_CLAUSE.has(words[start - 1])) start--;
  return [...words.slice(0, start), ...words.slice(place.end)];
}
