// The slot filler: what a question's words say besides its intent and its entities — whether it is a yes/no
// question, a premise it states to be checked ("one hour long, yes?", "registration is optional, right?"), which
// edge or aspect it asks for ("when does it end", "how long"), the format wanted ("in 12-hour format"), and what
// it leaves out ("not counting the breaks"). Filled once per question, in the understanding stage, and handed on
// with the decision: the composers read these slots, never the text.
import type { EventData } from '../event/schema.ts';
import type { Normalised } from './normalise.ts';
import { POLAR, TAG_QUESTION } from './rules/words.ts';
import { STOPWORDS } from './stopwords.ts';
import { wordsOf } from './vocabulary.ts';
import type { Exclusion } from './exclusion.ts';

export interface QuestionSlots {
  /** A yes/no question ("is Mauree speaking on day 2?") or a statement with a question tag ("…, isn't he?"). */
  polar: boolean;
  /** The times wanted in 12-hour form ("in 12-hour format", "with am/pm"). */
  twelveHour: boolean;
  /** Parts of the programme to leave out ("not counting the breaks"): exclusion.ts. */
  exclude: Exclusion;
  /** Which edge of a span is asked for: "when does it start / end", "is it over". */
  edge: { start: boolean; end: boolean };
  /** "how long", "how many days", "duration", "how much time" (about the event's dates). */
  asksLength: boolean;
  /** The question denies what it asks about ("which sessions is Mauree NOT in?"); a setting-aside clause ("not counting …") is not a denial. */
  negated: boolean;
  /** "how do I …?", "what's the procedure to …", "where can I …": how something is done, not a request to do it. */
  asksHow: boolean;
  /** "which sessions", "what talks", "sessions …": what is asked for is a list of the programme's items. */
  asksSessions: boolean;
  /** "what day of the week", "which day". */
  asksWeekday: boolean;
  /** "how many": a count of what the answer lists. */
  asksCount: boolean;
  /** "is there …", "are there …", "any …". */
  existential: boolean;
  /** The question opens with its verb ("is it in Nairobi?", "will it …", "does it …"): it checks what follows. */
  checks: boolean;
  /** "is Vijay Mauree speaking?", "does the contact person present?": whether someone speaks is what is asked. */
  asksIfSpeaks: boolean;
  /** "is the clinic on 30 March?", "is there anything in April?": whether something is on a day. */
  asksIfOn: boolean;
  /** "the event", "the clinic", "it": the event itself is what the question is about. */
  refersToEvent: boolean;
  /** Premises the question states, checked against the event's data before answering. */
  premise: Premise;
  /** "is it too late to register?", "can I still sign up?" */
  stillTime: boolean;
  /** What a question about a topic (a lab, an initiative) asks: where it is in the programme, when it was set up, what it does, where its page is. */
  topic: { programme: boolean; when: boolean; does: boolean; where: boolean };
  /** "is there anything about X?", "does the clinic cover X?": a question whether the event covers a subject, and that subject. */
  coverage: { asked: boolean; isThereSession: boolean; yesNo: boolean; content: string[]; typed: string[] };
}

export interface Premise {
  /** A length stated ("one hour", "90 minutes", "an hour and a half"), in minutes. */
  minutes?: number;
  /** Words about length ("long", "lasts", "minutes"). */
  lengthWords: boolean;
  /** Words relating to another moment ("after", "before", "until", "from", "in"): a stated number is then not a length. */
  relationWords: boolean;
  /** A clock time compared: "does it start before noon?" / "after 10?" / at it. */
  relation: 'before' | 'after' | 'at';
  /** "after/before/at/from/until/by/around" followed by a number. */
  timeRelation: boolean;
  /** A number of days stated ("it runs for three days, doesn't it?"). */
  days?: number;
  /** A month the question puts the event in ("is it in April?"), lowercase. */
  month?: string;
  /** "more than once", "twice", "several". */
  moreThanOnce: boolean;
  /** A place in the day put on someone: "Kibuuka opens day 2, doesn't he?" / "… closes the clinic". */
  position?: 'opens' | 'closes';
  /** The speaker titles of the event the question names word for word ("the executive secretary of EACO"). */
  titles: string[];
  /** Words that put a speaker with an organisation ("official", "from", "works for"). */
  affiliation: boolean;
  /** Words of speaking ("speaks", "a speaker", "on the panel"). */
  speaks: boolean;
  /** Words asking whether someone is welcome ("for", "open", "eligible", "attend"). */
  audience: boolean;
  /** A word of one of the event's audience groups ("regulators", "banks"). */
  audienceGroup: boolean;
  /** The format put forward: online, in person (both or neither: not settled by the words). */
  online: boolean;
  inPerson: boolean;
  /** About registration: "without registering", "skip"; "required", "mandatory", "need to". */
  registrationWithout: boolean;
  registrationRequired: boolean;
  /** A claim about registration to correct: that it is optional; that it is mandatory (put as a statement). */
  claimsOptional: boolean;
  claimsMandatory: boolean;
}

/** Speaker title → the words of it that tell it apart ("executive", "secretary"), worked out once per event. */
export type TitleWords = ReadonlyMap<string, string[]>;

const significant = (title: string) => wordsOf(title).filter((w) => w.length > 2 && !['the', 'and', 'for', 'department'].includes(w));

/** The significant words of every speaker title of the event. */
export function speakerTitleWords(event: EventData): TitleWords {
  const words = new Map<string, string[]>();
  for (const sp of event.speakers) if (sp.title && !words.has(sp.title)) words.set(sp.title, significant(sp.title));
  return words;
}

/** "in 12-hour format", "with am/pm". */
const TWELVE_HOUR = /\b12[- ]?h(ou)?r?\b|\bam\s*\/\s*pm\b|\bam and pm\b|\ba\.m\.\s*\/\s*p\.m\.|\bampm\b/;
const SPEAKS = /\b(speak|speaks|speaking|present|presents|presenting|talk|talks|talking|a speaker|on the (programme|program|agenda|panel)|among the speakers|giving|give|participat\w*|involved)\b/;
const MORE_THAN_ONCE = /\b(more than (once|one)|twice|several|multiple|many times|again|two (talks|sessions|times))\b/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const LENGTH_NUMBER: Record<string, number> = { one: 1, an: 1, a: 1, two: 2, three: 3, half: 0.5 };

/** "is there anything about X?", "does the clinic cover X?", "is X discussed?". */
const COVERAGE = /\b(is there )?anything (about|on|regarding|related to)\b|\b(does|will|do) (it|the (clinic|event|programme|program|agenda|webinar|workshop|forum|conference)|they|you|any (session|talk)s?) (cover|address|discuss|talk about|deal with|include|touch on|mention)\b|\b(is|are|will) [a-z0-9 ]{1,30} (be )?(covered|discussed|addressed|included|mentioned)\b|\bany (sessions?|talks?) (about|on)\b/;
/** "is there an SS7 session?", "is there a talk on X?". */
const IS_THERE_SESSION = /\b(is|are) there (a|an|any) ([a-z0-9]+ ){0,3}(sessions?|talks?|presentations?|panels?|workshops?|modules?)\b/;
/** Words of a coverage question that are not its subject. */
const COVERAGE_WORDS = new Set(['anywhere', 'somewhere', 'all', 'presentation', 'presentations', 'panel', 'panels', 'workshop', 'workshops', 'module', 'modules', 'anything', 'about', 'regarding', 'related', 'cover', 'covered', 'covers', 'address', 'addressed', 'discuss', 'discussed', 'talk', 'talks', 'deal', 'include', 'included', 'touch', 'mention', 'mentioned', 'session', 'sessions', 'clinic', 'event', 'programme', 'program', 'agenda', 'will', 'there', 'any', 'point', 'stage', 'moment', 'some', 'something', 'later', 'somewhere']);

export class SlotFiller {
  private readonly audienceWords: string[];

  constructor(
    event: EventData,
    /** The event's distinctive title words ("clinic", "dfs"): naming the event is not naming a subject. */
    private readonly titleWords: ReadonlySet<string>,
    private readonly titles: TitleWords = speakerTitleWords(event),
  ) {
    this.audienceWords = event.audience.groups.flatMap((g) => g.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length > 3);
  }

  /** `n`: the question as typed (normalised); `exclude`: what it sets aside (exclusion.ts). */
  fill(n: Normalised, exclude: Exclusion = { breaks: false }): QuestionSlots {
    const t = n.text;
    const words = new Set(t.split(' '));
    // (a statement asked by its question mark, as French asks: "c'est demain la clinique ?" → "it is tomorrow the clinic ?")
    const intonation = /\?\s*$/.test(n.raw) && /^(it is|this is|that is|it s|that s|the [a-z ]+ it is|(the|this|that) [a-z]+ (is|are))\b/.test(t) && !/\b(what|which|who|whom|when|where|how|why)\b/.test(t.replace(/\bwhere (i|we) (am|are|live)\b/g, ''));
    const polar = POLAR.test(t) || TAG_QUESTION.test(t) || intonation;
    const days = t.match(/\b(one|two|three|four|five|six|seven|[1-9]) (full )?days?\b/);
    const subject = n.tokens.filter((w) => w.length > 2 && !STOPWORDS.has(w) && !this.titleWords.has(w) && !COVERAGE_WORDS.has(w));
    return {
      polar,
      twelveHour: TWELVE_HOUR.test(n.lower),
      exclude,
      edge: { start: /\b(start|starts|begin|begins)\b/.test(t), end: /\b(end|ends|ending|finish|finishes|over|close|closes)\b/.test(t) },
      asksLength: /\b(how long|how many (days|hours|minutes)|duration|how much( \w+){0,2} (time|content|programme|program)|total( \w+){0,2} time|time in total)\b/.test(t),
      negated: /\b(not|never)\b(?! (counting|including|incl)\b)/.test(t.replace(/\bbut not\b/g, '')) && !TAG_QUESTION.test(t),
      asksHow: /\bhow (do|can|could|should|would|does) (i|we|one|you|someone|people)\b|\b(procedure|process|steps?|way|instructions) (to|for)\b|\bwhere (do|can|could|should) (i|we)\b|\bwhat do i (need to|have to) do\b/.test(t),
      asksSessions: /\b(sessions?|talks?|items|presentations?|slots|panels?|workshops?)\b/.test(t),
      asksWeekday: /\b(day of the week|weekday|which day|what day)\b/.test(t),
      asksCount: /\bhow many\b/.test(t),
      existential: /\b(is there|are there|any)\b/.test(t),
      checks: /^(is|will|does)\b/.test(t),
      asksIfSpeaks: /^(is|are|does|do)\b.*\b(speak\w*|present\w*|talk\w*)\b/.test(t),
      // ("is the clinic tomorrow?": a day said by the clock asks the same)
      asksIfOn: /^(and |so )?(is|are|will|does|do)\b.*\b(on|in|today|tomorrow)\b/.test(t) || (intonation && /\b(on|in|today|tomorrow)\b/.test(t)),
      refersToEvent: /\b(it|the (event|clinic|webinar|workshop|forum|conference))\b/.test(t),
      stillTime: /\b(too late|still (register|sign up|join)|can i still)\b/.test(t),
      topic: {
        programme: /\b(introduc\w*|present\w*|talk|talks|session|sessions|discuss\w*|cover\w*|by whom|who|speak\w*|programme|agenda)\b/.test(t),
        when: /\b(when|set up|established|founded|created|launched|started|since|year|how old|begin|began)\b/.test(t),
        does: /\b(objectives?|goals?|aims?|purpose|does|do|doing|role|tasks?|mission|for|remit|mandate|responsibilit\w*|functions?|job|work)\b/.test(t),
        where: /\b(where|link|url|page|site|website|reports?|find)\b/.test(t),
      },
      coverage: {
        asked: COVERAGE.test(t),
        isThereSession: IS_THERE_SESSION.test(t),
        yesNo: /^(is|are|does|do|will|can|could|has|have)\b/.test(t),
        content: subject,
        // the subject as it was typed ("SS7", not "ss7")
        typed: subject.map((w) => n.raw.split(/[^\p{L}\p{N}-]+/u).find((x) => x.toLowerCase() === w) ?? w),
      },
      premise: {
        minutes: statedMinutes(t),
        lengthWords: /\b(long|last|lasts|minutes?|mins?|hours?)\b/.test(t),
        relationWords: /\b(after|before|until|till|from|in)\b/.test(t),
        relation: /\b(before|by|earlier than)\b/.test(t) ? 'before' : /\b(after|later than)\b/.test(t) ? 'after' : 'at',
        timeRelation: /\b(after|before|at|from|until|till|by|around) \d/.test(t),
        days: days ? (NUMBER_WORDS[days[1]!] ?? Number(days[1])) : undefined,
        month: MONTHS.find((m) => new RegExp(`\\b(in|on|during) ${m}\\b`).test(t)),
        moreThanOnce: MORE_THAN_ONCE.test(t),
        position: /\b(opens|open(?! to\b)|kicks? off|is the first speaker|speaks? first|goes first|is first up)\b/.test(t) ? 'opens' : /\b(closes|close|wraps? up|is the last speaker|speaks? last|goes last)\b/.test(t) ? 'closes' : undefined,
        titles: [...this.titles].filter(([, its]) => its.length >= 2 && its.every((w) => words.has(w))).map(([title]) => title),
        affiliation: /\b(official|staff|employee|representative|member|person|guy|lady|from|with|works? (for|at))\b/.test(t),
        speaks: SPEAKS.test(t),
        audience: /\b(for|aimed|open|allowed|eligible|welcome|relevant|suitable|invited|attend|join|participate)\b/.test(t),
        audienceGroup: t.split(' ').some((w) => this.audienceWords.includes(w) || this.audienceWords.includes(w.replace(/s$/, ''))),
        online: /\b(virtual|online|remote|remotely|zoom|from home)\b/.test(t),
        inPerson: /\b(in person|physical|physically|on site|onsite|face to face|venue|travel)\b/.test(t),
        registrationWithout: /\bwithout\b|\bskip\b/.test(t),
        registrationRequired: /\b(required|require|requires|mandatory|necessary|need|needed|must|have to|compulsory|obligatory)\b/.test(t),
        claimsOptional: /\b(optional|not (required|mandatory|needed|necessary|compulsory))\b/.test(t),
        claimsMandatory: /\b(mandatory|compulsory|required|obligatory)\b/.test(t) && /^(is|so|and)\b|\b(right|correct|isn t it|is it not)$/.test(t),
      },
    };
  }
}

/** A length the question states ("one hour", "90 minutes", "1.5 hours", "an hour and a half"), in minutes. */
function statedMinutes(t: string): number | undefined {
  const m = t.match(/\b(\d+(?:\.\d+)?|one|an|a|two|three|half) (hours?|hrs?|h|minutes?|mins?)\b( and a half)?/);
  if (!m) return undefined;
  const n = LENGTH_NUMBER[m[1]!] ?? Number(m[1]);
  return Math.round((m[2]!.startsWith('h') ? n * 60 : n) + (m[3] ? 30 : 0));
}
