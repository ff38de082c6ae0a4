// "who is John Smith?", "is Bill Gates speaking?": a person asked about who is no speaker, organisation,
// topic or place of the event. The name is returned as typed, so the reply can say whom it does not know.
import type { EventData } from '../event/schema.ts';
import type { Entities } from './entities.ts';
import type { Normalised } from './normalise.ts';
import { isSignatory } from './signatory.ts';
import { STOPWORDS } from './stopwords.ts';
import type { Vocabulary } from './vocabulary.ts';

/** "who is John Smith", "is Bill Gates speaking?", "when does Elon Musk talk": where a person's name sits. */
const TITLE = '(?:(?:mr|mrs|ms|miss|dr|prof|professor|sir|madam) )?';
const NAME = '([a-z][a-z-]+(?: [a-z][a-z-]+){0,2})';
/** "… from Safaricom": where a person named in a question works, which is not part of the name. */
const FROM_ORG = '(?: (?:from|of|at|with) [a-z][a-z-]+(?: [a-z][a-z-]+){0,2})?';
const PERSON_QUESTION = [
  new RegExp(`^(?:and |so |ok |okay )?(?:who is|whos|who s|who was|tell me about|tell me more about|info on|information on|information about|what do you know about|do you know) ${TITLE}${NAME}$`),
  new RegExp(`^(?:and |so )?(?:is|will|does|did|has) ${TITLE}${NAME}${FROM_ORG} (?:speaking|presenting|talking|speak|present|talk|a speaker|on the (?:programme|program|agenda|panel|list)|among the speakers|in the (?:programme|program|line ?up|agenda)|attending|participating|giving|going to (?:speak|present|talk))\\b`),
  new RegExp(`^(?:and |so )?(?:when|what time|at what time) (?:does|is|will|do) ${TITLE}${NAME}${FROM_ORG} (?:speak|speaking|talk|talking|present|presenting|on|give|giving)\\b`),
  new RegExp(`^(?:and |so )?what (?:does|is|will) ${TITLE}${NAME}${FROM_ORG} (?:talk|talking|speak|speaking|present|presenting) (?:about|on)\\b`),
  // "what time is Bill Gates' keynote", "when is Elon Musk's talk"
  new RegExp(`^(?:and |so )?(?:when|what time|at what time|what day) (?:is|will be|was) ${TITLE}${NAME}(?: s)? (?:keynote|talk|session|speech|presentation|address|lecture|panel|slot|remarks)\\b`),
];
/** Words that are not names even when the event's text never uses them. */
const NOT_NAMES = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|yesterday|tonight|you|yourself|me|myself|everyone|anyone|somebody|someone|anybody|everybody|nobody|speaking|presenting|talking|here|there|next|first|last|second|this|that|it|they|them|he|she|him|her)$/;

/** What the event's own text says, which a name asked about must not be. */
export interface KnownWords {
  event: EventData;
  vocab: Vocabulary;
  /** The event's distinctive title words ("clinic", "dfs"). */
  titleWords: Set<string>;
}

/** A name the question asks about as a person that is no speaker, organisation, topic or place of the event. */
export function unknownPersonAsked(n: Normalised, e: Entities, known: KnownWords): string | undefined {
  if (e.speakers.length || e.organisations.length || e.topics.length || e.reports.length || e.target || e.source || e.day || e.time) return undefined;
  const t = n.plain.join(' ');
  for (const re of PERSON_QUESTION) {
    const m = t.match(re);
    if (!m) continue;
    const words = m[1].split(' ');
    // The announcement's signatory is named in the event's own text, so its words are not "unknown".
    if (isSignatory(known.event, m[1])) return known.event.signedBy!.name;
    if (words.some((w) => STOPWORDS.has(w) || NOT_NAMES.test(w) || known.vocab.has(w) || known.titleWords.has(w))) return undefined;
    // One word is a name only when typed as one ("who is Musk"), not "who is speaking".
    const typed = n.raw.split(/[^\p{L}-]+/u).filter(Boolean);
    const asTyped = words.map((w) => typed.find((x) => x.toLowerCase() === w) ?? w);
    if (words.length === 1 && !/^\p{Lu}/u.test(asTyped[0])) return undefined;
    return asTyped.map((w) => (/^\p{Ll}/u.test(w) ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
  }
  return undefined;
}

/** "is there anyone from Safaricom?": an organisation asked about that no speaker or organiser of the event is with. */
const FROM_ORGANISATION = /\b(?:anyone|anybody|someone|somebody|any speakers?|speakers?|people|presenters?|representatives?) (?:from|of|at|representing|with|working for) ([a-z][a-z&-]+(?: [a-z][a-z&-]+){0,2})$/;

export function unknownOrganisationAsked(n: Normalised, e: Entities, known: KnownWords): string | undefined {
  if (e.speakers.length || e.organisations.length || e.target || e.source || e.day || e.time) return undefined;
  const m = n.plain.join(' ').replace(/\b(speaking|presenting|on the (programme|program|agenda)|in the (programme|program|line ?up))$/, '').trim().match(FROM_ORGANISATION);
  if (!m) return undefined;
  const words = m[1].split(' ');
  if (words.some((w) => STOPWORDS.has(w) || NOT_NAMES.test(w) || known.vocab.has(w) || known.titleWords.has(w))) return undefined;
  const typed = n.raw.split(/[^\p{L}&-]+/u).filter(Boolean);
  return words.map((w) => typed.find((x) => x.toLowerCase() === w) ?? w[0].toUpperCase() + w.slice(1)).join(' ');
}
