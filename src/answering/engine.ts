// The understanding + answering engine: text in, reply out, as a pure function of the question, the
// conversation memory, the event and the clock. Everything it knows comes from the event file; the
// indexes are built once here and only read per turn.
import type { DialogueMemory, TurnInput, Understood } from '../conversation/types.ts';
import { Agenda, type Session } from '../event/agenda.ts';
import type { EventData, Speaker } from '../event/schema.ts';
import { EntityRecogniser, type Entities } from '../understanding/entities.ts';
import { decide, POLAR, TAG_QUESTION, type Decision, type Resolved } from '../understanding/intents.ts';
import { normalise, type Normalised } from '../understanding/normalise.ts';
import { Vocabulary, wordsOf } from '../understanding/vocabulary.ts';
import { STOPWORDS } from '../understanding/stopwords.ts';
import { isWith } from '../understanding/organisations.ts';
import { editDistance } from '../understanding/distance.ts';
import { stem } from '../understanding/catalogue.ts';
import { isZone } from '../understanding/zonedTime.ts';
import { buildAcronyms, type Acronyms } from '../understanding/acronyms.ts';
import { commonEnglish } from '../understanding/vocabulary.ts';
import { AnswerContext } from './context.ts';
import { duration } from './timeFormat.ts';
import { composeAgenda, composeAt, composeBreaks, composeHours, composeNowNext } from './compose/agenda.ts';
import { composeCommand } from './compose/commands.ts';
import { composeCount, composeExtreme } from './compose/counts.ts';
import { composeAcronym, composeDetail, composeFact } from './compose/facts.ts';
import { composeReportSessions, composeReports } from './compose/reports.ts';
import { composeSession, titleInSentence } from './compose/sessions.ts';
import { composeBye, composeFallback, composeGreeting, composeHelp, composeThanks } from './compose/smalltalk.ts';
import { composeAllSpeakers, composeOrganisation, composeOrganisationSpeakers, composeSpeaker, composeUnknownSpeaker } from './compose/speakers.ts';
import { composeTopic } from './compose/topics.ts';
import { polarVerdict } from './compose/polar.ts';
import { composeConvert, composeSetZone, composeZoneInfo } from './compose/timezones.ts';
import type { Answer } from './compose/types.ts';

const MAX_INPUT = 500;

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
];
/** Words that are not names even when the event's text never uses them. */
const NOT_NAMES = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|yesterday|tonight|you|yourself|me|myself|everyone|anyone|somebody|someone|anybody|everybody|nobody|speaking|presenting|talking|here|there|next|first|last|second|this|that|it|they|them|he|she|him|her)$/;

/** Words that ask who organises or hosts the event. */
const ORGANISE = /\b(organi[sz](e|es|ed|er|ers|ing)|host|hosts|hosted|hosting|hosted by|convene[sd]?|convening|run by|behind)\b|\bwho (is |are )?(running|runs)\b/;
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9 };
const NOUN_KIND: Record<string, 'speaker' | 'session' | 'report'> = {
  speaker: 'speaker', person: 'speaker', presenter: 'speaker', guy: 'speaker', name: 'speaker',
  session: 'session', talk: 'session', item: 'session', presentation: 'session', slot: 'session',
  report: 'report', document: 'report', publication: 'report', paper: 'report', link: 'report',
};
const LIST_ORDINAL = new RegExp(
  `\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|[1-9])\\s+(one|ones|${Object.keys(NOUN_KIND).join('|')})\\b|\\b(?:the|and|number|no)\\s+(first|second|third|fourth|fifth|sixth|seventh|last)\\s*$`,
);
/** "and the next one?", "what comes after that", "the one before". */
const NEXT_ONE = /\b(the )?next one\b|^(and )?(the )?next( one)?$|^and (the )?next (session|talk|item)$|\bthe one (after|before)\b|\b(after|before) (that|it|this)( one)?\b|\bwhat comes (right |just |immediately |directly )?(next|after|before)\b|\b(previous|preceding|earlier) (one|session|talk)\b/;

/** "there", "in that city", "their time": the place of the previous question. */
const THERE = /\bthere\b|\b(that|the same) (city|place|country|zone|time ?zone|timezone)\b|\btheir (local )?time\b/;
/** "is there anything about X?", "does the clinic cover X?", "is X discussed?". */
const COVERAGE = /\b(is there )?anything (about|on|regarding|related to)\b|\b(does|will|do) (it|the (clinic|event|programme|program|agenda|webinar|workshop|forum|conference)|they|you|any (session|talk)s?) (cover|address|discuss|talk about|deal with|include|touch on|mention)\b|\b(is|are|will) [a-z0-9 ]{1,30} (be )?(covered|discussed|addressed|included|mentioned)\b|\bany (sessions?|talks?) (about|on)\b/;
/** Answers about the clock, the calendar or practical matters, which a coverage check must leave alone. */
const NOT_ABOUT_CONTENT = new Set(['command', 'now', 'next', 'earlier', 'breaks', 'hours', 'at', 'detail', 'fact', 'timezone.set', 'timezone.info', 'timezone.convert', 'greeting', 'thanks', 'help', 'bye']);
/** Words of such a question that are not its subject. */
const COVERAGE_WORDS = new Set(['anything', 'about', 'regarding', 'related', 'cover', 'covered', 'covers', 'address', 'addressed', 'discuss', 'discussed', 'talk', 'talks', 'deal', 'include', 'included', 'touch', 'mention', 'mentioned', 'session', 'sessions', 'clinic', 'event', 'programme', 'program', 'agenda', 'will', 'there', 'any']);
/** A sentence that asks without a question mark: "For that note I need the EACO official who opens …". */
const REQUEST_SENTENCE = /\b(i need|i'd like|i would like|i want to know|i am looking for|i'm looking for|what i need is|please (tell|send|let|give)|could you|can you|would you)\b/i;
/**
 * The question sentences of a long message (over 30 words) that also tells a story around them; undefined when
 * the message is short, or all question, or has none.
 */
export function buriedQuestions(text: string): string | undefined {
  if (text.split(/\s+/).length <= 30) return undefined;
  const sentences = text.match(/[^.!?]+[.!?]*/g)?.map((x) => x.trim()).filter(Boolean) ?? [];
  const asked = sentences.filter((x) => /\?$/.test(x) || REQUEST_SENTENCE.test(x));
  return asked.length && asked.length < sentences.length ? asked.join(' ') : undefined;
}

const QUESTION_WORD = '(?:what|when|where|who|whom|which|how|why|is|are|was|were|do|does|did|can|could|will|would|should|has|have)';
/** Where a compound message divides: ", and" / "and" / "," right before a question word. */
const BEFORE_NEXT_QUESTION = new RegExp(`\\s*(?:,\\s*(?:and|also|plus)?|\\s(?:and|also|plus))\\s+(?=${QUESTION_WORD}\\b)`, 'i');
const STARTS_AS_QUESTION = new RegExp(`^${QUESTION_WORD}\\b`, 'i');
/**
 * The separate questions of a compound message: split at "?" and at ", and"/"and"/"," before a question word
 * ("… day 2 start and who speaks first?"). One part when the message is a single question.
 */
export function splitQuestions(text: string): string[] {
  const bySign = text.split(/\?+/).map((p) => p.trim()).filter(Boolean);
  const parts = bySign.flatMap((p) => p.split(BEFORE_NEXT_QUESTION));
  const questions = parts.map((p) => p.replace(/^(and|also|plus|so|then)\s+/i, '').trim()).filter((p) => p.split(/\s+/).length >= 3);
  // Every part a question in its own right ("I'm in Tokyo, when is …" is one question with a zone, not two).
  return questions.length > 1 && questions.length <= 4 && questions.every((q) => STARTS_AS_QUESTION.test(q)) ? questions : [text];
}

/** A word of a name as typed: the same, or one typo away when both are long enough to tell. */
function sameNameWord(typed: string, part: string): boolean {
  return typed === part || (typed.length >= 4 && part.length >= 4 && editDistance(typed, part, 1) <= 1);
}

/** "is there", "there are": not a place. */
const EXISTENTIAL_THERE = /\b(is|are|was|were|will|would|be|any|anything|anyone) there\b|\bthere (is|are|was|were|will|would|be|s)\b/g;
/** "and when does it end?" right after a question about a day: that day's hours. */
const DAY_EDGE_FOLLOW_UP = /\b(when|what time) (does|do|will|did) (it|that day|this day|the day) (start|begin|end|finish|close|open|wrap up|kick off)\b/;
/** A break asked about next to a session: "a break after/before/between ...". */
const AROUND_BREAK = /\b(breaks?|coffee|tea|pause|recess|intermission)\b.*\b(after|following|before|preceding|between)\b/;
const BREAK_WORDS = /\b((coffee|tea|lunch|short) )?(breaks?|pause|recess|intermission)\b|\bcoffee\b/g;

/** Words that say where in the programme ("opens", "closes"), used as verbs. */
const STRUCTURAL = new Set(['open', 'opens', 'opening', 'close', 'closes', 'closing', 'kick', 'kicks', 'wrap', 'wraps', 'end', 'ends', 'start', 'starts', 'begin', 'begins']);
const STRUCTURAL_VERB = /\b(opens|closes|kicks off|wraps up)\b|\b(what|who|which (session|talk|item|one)) (open|opens|close|closes|starts|begins|ends|kicks|wraps)\b/;
/** Words between "I'm" and the place in "I'm based in Lagos, ...": dropped with the place. */
const ZONE_CLAUSE = new Set(['i', 'im', 'am', 'in', 'at', 'from', 'based', 'located', 'currently', 'now', 'living', 'staying', 'working', 'sitting', 'live', 'stay', 'work', 'reside', 'joining', 'attending', 'connecting', 'dialling', 'dialing', 'calling', 'participating', 'if', 'since', 'as', 'because', 'and', 'so', 'but', 'will', 'be', 'll', 'm']);

export class AnsweringEngine {
  readonly agenda: Agenda;
  private readonly vocab: Vocabulary;
  private readonly recogniser: EntityRecogniser;
  /** "East Africa Time": the long name of the event's zone (Intl is slow, so once). */
  private readonly zoneLongName: string;
  /** The event's distinctive title words ("clinic", "dfs"): mentioning one means the event. */
  private readonly titleWords: Set<string>;
  /** Every word (stemmed) the programme uses: sessions, talks, speakers, organisations, topics, reports. */
  private readonly programmeStems: Set<string>;
  /** Acronyms the event's text uses and their expansions from the same text ("DFS", "EACO"). */
  private readonly acronyms: Acronyms;
  /** Head nouns of the audience groups ("regulator", "bank"): "can central banks attend?". */
  private readonly audienceWords: Set<string>;
  /** Each talk's distinctive title words (stemmed; not the event's title or organisers' words) and its speakers. */
  private readonly talks: { words: string[]; speakerIds: string[]; sessionWords: Set<string> }[] = [];

  constructor(readonly event: EventData) {
    this.agenda = new Agenda(event);
    this.vocab = new Vocabulary(event);
    this.recogniser = new EntityRecogniser(event, this.agenda);
    this.titleWords = new Set(wordsOf(event.title).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
    const programmeText = [
      ...event.programme.flatMap((p) => [p.title, p.description ?? '', ...p.keywords, ...p.speakers.map((x) => x.talkTitle ?? '')]),
      ...event.speakers.flatMap((sp) => [sp.name, sp.title ?? '', sp.organisation]),
      ...event.topics.flatMap((t) => [t.name, ...t.aliases, t.summary, ...t.objectives]),
      ...event.reports.map((r) => r.title),
    ];
    this.programmeStems = new Set(programmeText.flatMap(wordsOf).map(stem));
    this.zoneLongName = [...new Set(this.agenda.days.map((d) => d.startsAt.setLocale('en-US').offsetNameLong ?? ''))].filter(Boolean).join(' / ');
    this.acronyms = buildAcronyms(event, this.zoneLongName);
    this.audienceWords = new Set(event.audience.groups.map((g) => wordsOf(g).pop()!).filter((w) => w && !STOPWORDS.has(w)));
    const common = new Set([...this.titleWords, ...event.organisers.flatMap((o) => wordsOf(`${o.name} ${o.shortName ?? ''}`))].map(stem));
    for (const s of this.agenda.sessions) {
      const byTitle = new Map<string, string[]>();
      for (const x of s.speakers) if (x.talkTitle) byTitle.set(x.talkTitle, [...(byTitle.get(x.talkTitle) ?? []), x.speakerId]);
      for (const [title, speakerIds] of byTitle) {
        const words = [...new Set(wordsOf(title).filter((w) => w.length > 2 && !STOPWORDS.has(w)).map(stem))].filter((w) => !common.has(w));
        if (words.length) this.talks.push({ words, speakerIds, sessionWords: new Set([...wordsOf(s.title), ...s.keywords.flatMap(wordsOf)].map(stem)) });
      }
    }
  }

  understand(input: TurnInput): Understood {
    // "thanks! and on day 2?": the thanks is manners; the rest is the question.
    const polite = (input.text ?? '').match(/^\s*(?:thanks|thank you|thank u|thx|ty|cheers|great|perfect|ok|okay|cool|nice)(?: (?:a lot|so much|very much))?[\s!.,]+(.+)$/i);
    if (polite && polite[1].trim().split(/\s+/).length >= 2) {
      const u = this.understand({ ...input, text: polite[1] });
      if (u.reply && u.isEventQuestion) return u;
    }
    // A paragraph of context with the question in the middle: answer the question, if that reads as one.
    const asked = buriedQuestions((input.text ?? '').slice(0, MAX_INPUT));
    if (asked) {
      const u = this.understandMessage({ ...input, text: asked });
      if (u.reply && (u.isEventQuestion || u.command)) return u;
    }
    return this.understandMessage(input);
  }

  private understandMessage(input: TurnInput): Understood {
    // "What are the dates, is it online, and do I need to register?": each question answered, in order.
    const parts = splitQuestions((input.text ?? '').slice(0, MAX_INPUT));
    if (parts.length > 1) {
      const outs: Understood[] = [];
      let memory = input.memory;
      let userTimeZone = input.userTimeZone;
      for (const text of parts) {
        const u = this.understandText({ ...input, text, memory, userTimeZone });
        // A command is the router's to act on: the message is then taken whole. A part the engine cannot answer on
        // its own ("do I actually have to") is left to the parts around it, which usually carry it.
        if (u.command) return this.understandText(input);
        if (!u.reply || !u.isEventQuestion) continue;
        outs.push(u);
        memory = u.memory;
        userTimeZone = u.rememberTimeZone ?? userTimeZone;
      }
      if (outs.length > 1 && new Set(outs.map((o) => o.intent)).size === outs.length) {
        const last = outs[outs.length - 1];
        return {
          ...last,
          intent: outs[0].intent,
          memory,
          rememberTimeZone: outs.find((o) => o.rememberTimeZone)?.rememberTimeZone,
          reply: { text: outs.map((o) => o.reply!.text).join('\n\n'), card: outs.find((o) => o.reply!.card)?.reply!.card, suggestions: last.reply!.suggestions },
        };
      }
    }
    return this.understandText(input);
  }

  private understandText(input: TurnInput): Understood {
    const n = normalise((input.text ?? '').slice(0, MAX_INPUT), this.vocab);
    const first = this.understandOne(input, n);
    // "I'm in Tokyo, when is the SS7 session?": remember the zone AND answer the rest in it.
    const place = first.target;
    if (first.out.intent !== 'timezone.set' || !first.out.rememberTimeZone || !place || place.at < 0) return first.out;
    let start = place.at;
    while (start > 0 && ZONE_CLAUSE.has(n.plain[start - 1])) start--;
    const rest = [...n.plain.slice(0, start), ...n.plain.slice(place.end)];
    if (rest.length < 2) return first.out;
    const zone = first.out.rememberTimeZone;
    const second = this.understandOne({ ...input, userTimeZone: zone }, normalise(rest.join(' '), this.vocab));
    if (['fallback', 'greeting', 'thanks', 'help', 'bye', 'timezone.set'].includes(second.out.intent) || !second.out.reply) return first.out;
    const ack = `Got it — I'll show times for ${place.label} (${zone}) too.`;
    return { ...second.out, reply: { ...second.out.reply, text: `${ack}\n${second.out.reply.text ?? ''}` }, rememberTimeZone: zone };
  }

  private understandOne(input: TurnInput, n: Normalised): { out: Understood; target?: Entities['target'] } {
    const memory = sanitiseMemory(input.memory ?? {}, this.agenda, this.event);
    const compared = this.compareSessions(n, input, memory);
    if (compared) return { out: compared };
    const entities = this.recogniser.recognise(n, input.now);
    // "and when does it end there?": the place asked about last.
    const placeFromMemory = !entities.target && memory.place && THERE.test(n.text.replace(EXISTENTIAL_THERE, ' '));
    if (placeFromMemory) entities.target = { zone: memory.place!.zone, label: memory.place!.label, kind: 'city', at: -1, end: -1 };
    // "is there a coffee break after the SS7 session?": the break's own name outscores the session the
    // question places it by, so look for that session without the break's words.
    if (AROUND_BREAK.test(n.text) && entities.sessions.length && entities.sessions.every((s) => s.session.kind === 'break')) {
      const rest = normalise(n.text.replace(BREAK_WORDS, ' '), this.vocab);
      const others = this.recogniser.recognise(rest, input.now).sessions.filter((s) => s.strong && s.session.kind !== 'break');
      const current = memory.sessionId ? this.agenda.session(memory.sessionId) : undefined;
      // "is there a break after it?": the session just discussed.
      if (!others.length && current && current.kind !== 'break' && /\b(it|that|this|that session|this session|the session|the talk)$/.test(n.text.replace(/\s+(please|then|too)$/, '')))
        others.push({ session: current, score: entities.sessions[0].score, terms: [], strong: true });
      if (others.length) entities.sessions = [...others, ...entities.sessions];
    }
    const resolved = this.resolve(n, entities, memory);
    const decision = decide(n, resolved, memory);
    const userZone = decision.intent === 'timezone.set' && decision.zone ? decision.zone : validZone(input.userTimeZone);
    // "9am my time": the user's zone, once we know it.
    if (entities.time?.mine && userZone) entities.time = { ...entities.time, zone: userZone, zoneLabel: 'your time' };
    const ctx = new AnswerContext(this.event, this.agenda, input.now.getTime(), memory, userZone, entities.target);
    const answer = this.compose(ctx, decision, entities, n);
    // "is there anything about SIM swaps?": the event's stated objectives may cover what no session title does.
    // Only when the programme itself does not name the subject: then the objectives, or a plain "nothing mentions it".
    if (COVERAGE.test(n.text) && !entities.day && !entities.time && !NOT_ABOUT_CONTENT.has(decision.intent)) {
      const { subject, content, mention } = this.objectiveMentioning(n);
      if (subject && !content.every((w) => this.programmeStems.has(w))) {
        if (!mention) answer.reply = { text: `Nothing in the ${this.event.title} programme or its objectives mentions ${subject}.`, suggestions: ['Show the agenda', 'What are the objectives?'] };
        else if (decision.intent === 'fallback' || decision.intent === 'agenda' || !answer.reply?.text) answer.reply = { text: `Yes — ${this.event.title}'s objectives mention it: “${mention}”`, suggestions: ['Show the agenda', 'What are the objectives?'] };
        else answer.reply = { ...answer.reply, text: `${this.event.title}'s objectives mention it: “${mention}”\nThe closest session: ${answer.reply.text}` };
      }
    }
    if ((POLAR.test(n.text) || TAG_QUESTION.test(n.text)) && answer.reply?.text) {
      const verdict = polarVerdict(ctx, decision, entities, n.text);
      if (verdict && !/^(yes|no)\b/i.test(answer.reply.text)) {
        // The verdict may repeat the answer's own first line ("Yes — it is fully virtual." / "It is fully virtual."): say it once.
        const [first, ...rest] = answer.reply.text.split('\n');
        const same = verdict.replace(/^(yes|no) — /i, '').toLowerCase() === first.toLowerCase();
        answer.reply = { ...answer.reply, text: same ? [verdict, ...rest].join('\n') : `${verdict}\n${answer.reply.text}` };
      }
    }
    const nextMemory = { ...(answer.memory ?? memory) };
    // The place stays referable ("there") until another is named; telling us where you are is not asking about a place.
    if (entities.target && decision.intent !== 'timezone.set') nextMemory.place = { zone: entities.target.zone, label: entities.target.label };
    else if (memory.place) nextMemory.place = memory.place;
    // A list stays referable ("the second one") while the talk is about it: the turn that showed it,
    // and turns that picked from it. Anything else makes "the second one" ambiguous, so it is dropped.
    // (a thanks or a hello in between keeps it)
    const smallTalk = decision.intent === 'thanks' || decision.intent === 'greeting';
    if (!smallTalk && !(nextMemory.listed && (nextMemory.listed !== memory.listed || resolved.fromList))) delete nextMemory.listed;
    const out: Understood = {
      intent: decision.intent === 'command' ? `command.${decision.command}` : decision.intent === 'fact' ? `fact.${decision.fact}` : decision.intent,
      memory: nextMemory,
      isEventQuestion: !['greeting', 'thanks', 'help', 'bye', 'fallback'].includes(decision.intent),
      reply: answer.reply,
    };
    if (decision.intent === 'command') {
      out.command = { intent: decision.command };
      if (decision.sessions?.length) out.command.sessionIds = decision.sessions.map((s) => s.id);
      if (decision.day) out.command.day = decision.day;
      if (decision.field) out.command.field = decision.field;
      if (decision.value) out.command.value = decision.value;
    }
    if (decision.intent === 'timezone.set' && decision.zone) out.rememberTimeZone = decision.zone;
    return { out, target: entities.target };
  }

  /** Entities plus what memory, ordinals and pronouns add: "it", "he", "they", "the first session", "the second one". */
  private resolve(n: Normalised, e: Entities, memory: DialogueMemory): Resolved {
    const t = n.text;
    let speakers: Speaker[] = e.speakers.map((m) => m.speaker);
    let speakerFromPronoun = false;
    let fromList = false;
    let relative = false;
    // "the organisers", "who is hosting it": "it" is the event, not the last session.
    // "who runs it?" right after a session: who leads that session, not who organises the event.
    const aboutOrganisers = ORGANISE.test(t) && !(memory.sessionId && /\b(runs|leads|chairs|moderates|facilitates|running|leading|chairing|moderating|facilitating) (it|that|this)( session| one)?\b/.test(t));
    if (!speakers.length && memory.speakerId && /\b(he|him|his|she|her|hers)\b/.test(t)) {
      const sp = this.agenda.speaker(memory.speakerId);
      if (sp) {
        speakers = [sp];
        speakerFromPronoun = true;
      }
    }
    // "what opens day 1", "who closes the forum": the verb says which item, it does not name one
    // ("Open floor and closing" is not meant by "opens").
    if (STRUCTURAL_VERB.test(t)) e.sessions = e.sessions.filter((s) => !s.terms.every((w) => STRUCTURAL.has(w)));
    // Description-only or prefix-only matches are weak: used only when nothing else fits.
    let sessions: Session[] = e.sessions.filter((s) => s.strong).map((s) => s.session);
    const weakSessions = sessions.length ? [] : e.sessions.map((s) => s.session);
    const sessionsNamed = sessions.length > 0;
    // "what about the next day?": relative to the day just discussed.
    if (!e.day && memory.day) {
      const m = t.match(/\b(next|following|other|previous|preceding) day\b|\bthe day (after|before)\b/);
      if (m) {
        const other = this.agenda.day(memory.day + (/previous|preceding|before/.test(m[0]) ? -1 : m[1] === 'other' && memory.day > 1 && !this.agenda.day(memory.day + 1) ? -1 : 1));
        if (other) e.day = { day: other.day };
      }
    }
    if (!e.day && memory.day && !memory.sessionId && !sessionsNamed && !e.speakers.length && DAY_EDGE_FOLLOW_UP.test(t)) e.day = { day: memory.day };
    const day = e.day?.day ?? memory.day;
    const inDay = (list: Session[]) => (day ? list.filter((s) => s.day === day) : list);
    if (sessionsNamed && e.day?.day) {
      // "the break on day 2": prefer the named day's match.
      const onDay = sessions.filter((s) => s.day === e.day!.day);
      if (onDay.length) sessions = [...onDay, ...sessions.filter((s) => s.day !== e.day!.day)];
    }
    // "the second one", "and the last one?", "the 3rd speaker": an item of the list just shown.
    const listed = memory.listed;
    // "which one of them is from EACO?": the listed speakers of that organisation.
    if (!speakers.length && listed?.kind === 'speaker' && e.organisations.length && /\b(which|who)\b.*\b(them|one|ones|of those|of these)\b/.test(t)) {
      const org = e.organisations[0].organisation;
      const picked = listed.ids.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x && isWith(x, org));
      if (picked.length) {
        speakers = picked;
        fromList = true;
      }
    }
    if (listed && !sessionsNamed && !e.speakers.length && !e.day) {
      const m = t.match(LIST_ORDINAL);
      const word = m ? (m[1] ?? m[3]) : undefined;
      const noun = m?.[2];
      const fits = !noun || noun === 'one' || noun === 'ones' || NOUN_KIND[noun] === listed.kind;
      if (word && fits) {
        const i = word === 'last' || word === 'final' ? listed.ids.length - 1 : (ORDINAL[word] ?? 0) - 1;
        const id = listed.ids[i];
        if (id !== undefined) {
          fromList = true;
          if (listed.kind === 'speaker') {
            const sp = this.agenda.speaker(id);
            if (sp) speakers = [sp];
          } else if (listed.kind === 'session') {
            const s = this.agenda.session(id);
            if (s) sessions = [s];
          } else {
            const r = this.agenda.report(id);
            if (r) e.reports = [{ report: r, score: 1 }];
          }
        }
      }
    }
    // "when do they speak?" right after a list of speakers: those speakers.
    if (!fromList && !speakers.length && listed?.kind === 'speaker' && /\b(they|them|their|these|those)\b/.test(t) && !aboutOrganisers) {
      speakers = listed.ids.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x);
      speakerFromPronoun = true;
      fromList = true;
    }
    // Singular "they" for the one speaker just discussed: "and where do they work?"
    if (!speakers.length && !fromList && memory.speakerId && listed?.kind !== 'speaker' && /\b(they|them|their)\b/.test(t) && /\b(work|works|organi[sz]ation|company|employer|from|title|role|job|speak|speaks|talk|talks|present|presents|session|sessions)\b/.test(t) && !aboutOrganisers) {
      const sp = this.agenda.speaker(memory.speakerId);
      if (sp) {
        speakers = [sp];
        speakerFromPronoun = true;
      }
    }
    if (!sessionsNamed && !fromList) {
      const items = this.agenda.sessions.filter((s) => s.kind !== 'break');
      // ("who speaks first?" is the first item too)
      const ord = t.match(/\b(first|opening|1st|last|final|closing|next)\s+(session|talk|item|presentation|speaker|one|thing|slot|part)\b|\b(second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(session|talk|item|presentation|slot)\b|\bwho (?:speaks|presents|talks|goes|is on|is speaking) (first|last)\b/);
      const current = memory.sessionId ? this.agenda.session(memory.sessionId) : undefined;
      const after = current && t.match(NEXT_ONE);
      if (after) {
        // "and the next one?": relative to the session just discussed, not to the clock.
        const all = this.agenda.sessions;
        const i = all.indexOf(current);
        const forward = !/\b(previous|before|preceding|earlier)\b/.test(after[0]);
        const pool = forward ? all.slice(i + 1) : all.slice(0, i).reverse();
        const pick = pool.find((s) => s.kind !== 'break') ?? pool[0];
        if (pick) {
          sessions = [pick];
          relative = true;
        }
      } else if (ord) {
        const pool = inDay(items);
        // "the second session (of day 2)": counted in the programme's order, breaks left out.
        const word = ord[1] ?? ord[3] ?? ord[5];
        const nth = ORDINAL[word.replace(/^(\d+)(st|nd|rd|th)$/, '$1')] ?? 1;
        const pick = word === 'last' || word === 'final' || word === 'closing' ? pool[pool.length - 1] : pool[nth - 1];
        if (pick) sessions = [pick];
      } else if (/\b(opens|open|opening|welcome|kick off|kicks off|welcoming)\b|\bwho (will |is going to )?(starts?|begins?|launch(es)?)\b/.test(t) && !/\bopen to\b/.test(t)) {
        // "what opens the second day": that day's opening, else its first item.
        sessions = inDay(items.filter((s) => s.kind === 'opening')).slice(0, 1);
        if (!sessions.length && e.day?.day) sessions = inDay(items).slice(0, 1);
        if (!sessions.length) sessions = items.filter((s) => s.kind === 'opening').slice(0, 1);
      } else if (/\b(closes|closing|wrap up|wraps up|ends the|how does .* end|finale)\b/.test(t)) {
        const closing = inDay(items.filter((s) => s.kind === 'closing'));
        sessions = closing.length ? closing.slice(-1) : inDay(items).slice(-1);
      } else if (
        current &&
        !speakers.length &&
        !aboutOrganisers &&
        !/\b(this|the|that) (event|clinic|forum|conference|webinar|summit)\b/.test(t) &&
        (/\b(it|its|that|this|the session|the talk|that session|this session|there|the speakers|the presenters|they|them|their)\b/.test(t) ||
          // a bare "who's presenting?" right after a session: that session's speakers
          /^(and |so |ok |okay )?who (is|are) (presenting|speaking|talking|giving it|leading it)$|^(and |so )?who (presents|speaks|talks|leads)$/.test(t))
      ) {
        sessions = [current];
      }
    }
    // "what's after the coffee break?", "what comes before the audit session?"
    // (only when asked what comes then: "I'd like to read up before the USSD session" names that session)
    const rel = sessionsNamed && /\b(what|which|who|anything|something)\b|\b(comes|come|is|happens|right|just|immediately|straight) (after|before)\b|\bthe (one|session|talk|item) (right |just )?(after|before)\b/.test(t) && t.match(/\b(after|following|follows|before|precedes|preceding)\b/);
    if (rel) {
      // "the one after the break" on the day being discussed: that day's break.
      const onDay = sessions.filter((s) => s.day === day);
      if (day && onDay.length && onDay.length < sessions.length) sessions = onDay;
      const i = this.agenda.sessions.indexOf(sessions[0]);
      const other = /after|follow/.test(rel[1]) ? this.agenda.sessions[i + 1] : this.agenda.sessions[i - 1];
      if (other && other.day === sessions[0].day) sessions = [other];
    }
    if (speakerFromPronoun && !sessionsNamed) sessions = [];
    const aboutEvent = n.tokens.some((w) => this.titleWords.has(w)) || /\b(event|conference|webinar|forum|clinic|summit|workshop|meeting)\b/.test(t);
    const audienceGroup = n.tokens.some((w) => this.audienceWords.has(w) || this.audienceWords.has(w.replace(/s$/, '')));
    const talkSpeakers = speakers.length ? undefined : this.talkSpeakers(n);
    let unknownPerson = !speakers.length && !sessionsNamed && !relative && !fromList ? this.unknownPerson(n, e) : undefined;
    // Not in the programme, but in the announcement: the person who signed it.
    const signatoryNamed = !speakers.length && ((unknownPerson !== undefined && this.isSignatory(unknownPerson)) || this.namesSignatory(n.plain));
    if (signatoryNamed) unknownPerson = undefined;
    return { entities: e, sessions, weakSessions, speakers, sessionsNamed: sessionsNamed || relative, speakerFromPronoun, aboutEvent, fromList, relative, audienceGroup, acronym: this.acronymAsked(n), unknownPerson, signatoryNamed, talkSpeakers };
  }

  /** The one talk whose distinctive title words the question mostly names (at least half of them). */
  private talkSpeakers(n: Normalised): Speaker[] | undefined {
    const asked = new Set(n.tokens.map(stem));
    let best: { score: number; speakerIds: string[] } | undefined;
    let tie = false;
    for (const talk of this.talks) {
      const hits = talk.words.filter((w) => asked.has(w));
      const score = hits.length / talk.words.length;
      // Words the session's own title or keywords share name the session, not one of its talks.
      if (!hits.length || score < 0.5 || hits.every((w) => talk.sessionWords.has(w))) continue;
      if (!best || score > best.score) {
        best = { score, speakerIds: talk.speakerIds };
        tie = false;
      } else if (score === best.score && talk.speakerIds.join() !== best.speakerIds.join()) tie = true;
    }
    if (!best || tie) return undefined;
    return best.speakerIds.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x);
  }

  /**
   * Two sessions set against each other: "is the SS7 session before the coffee break?", "is the assurance
   * framework session longer than the audit one?", "what comes between the SS7 session and the USSD session?".
   * Each side is recognised on its own words, so the better-known name does not drown the other.
   */
  private compareSessions(n: Normalised, input: TurnInput, memory: DialogueMemory): Understood | undefined {
    const t = n.text;
    // ("is there a break between …/after …?" is the breaks rule's: it answers whether a break is there)
    if (/^(is|are) there\b/.test(t)) return undefined;
    const between = t.match(/^(?:what|which)\b.*\bbetween (?:the )?(.+?) and (?:the )?(.+?)$/);
    const versus = between ? undefined : t.match(/^(?:is|does|do|will|was|are) (?:the )?(.+?) (?:session |talk )?(?:start |starts |come |comes |happen |take place |run |end |go |on )?(before|after|earlier than|later than|longer than|shorter than) (?:the )?(.+?)$/);
    const sides = between ? [between[1], between[2]] : versus ? [versus[1], versus[3]] : undefined;
    if (!sides) return undefined;
    const sessionOf = (words: string) => {
      const found = this.recogniser.recognise(normalise(words, this.vocab), input.now).sessions;
      return (found.find((x) => x.strong) ?? found[0])?.session;
    };
    const [a, b] = sides.map(sessionOf);
    if (!a || !b || a === b) return undefined;
    const zone = validZone(input.userTimeZone);
    const ctx = new AnswerContext(this.event, this.agenda, input.now.getTime(), memory, zone);
    const label = (s: Session) => `${titleInSentence(s.title)} (${ctx.sessionWhen(s)})`;
    let text: string;
    if (between) {
      const [first, second] = +a.startsAt <= +b.startsAt ? [a, b] : [b, a];
      const inside = this.agenda.sessions.filter((s) => +s.startsAt >= +first.endsAt && +s.endsAt <= +second.startsAt && s.day === first.day);
      text =
        first.day !== second.day
          ? `They are on different days: ${label(first)}; ${label(second)}.`
          : inside.length
            ? `Between ${titleInSentence(first.title)} and ${titleInSentence(second.title)}: ${inside.map((s) => `${s.title} (${ctx.sessionTime(s)})`).join('; ')}.`
            : `Nothing: ${titleInSentence(second.title)} follows ${titleInSentence(first.title)} directly (${ctx.sessionTime(second)}).`;
    } else {
      const how = versus![2];
      const ok = how === 'before' || how === 'earlier than' ? +a.startsAt < +b.startsAt : how === 'after' || how === 'later than' ? +a.startsAt > +b.startsAt : how === 'longer than' ? a.durationMinutes > b.durationMinutes : a.durationMinutes < b.durationMinutes;
      const facts = how.endsWith('than') && /long|short/.test(how) ? `${titleInSentence(a.title)} lasts ${duration(a.durationMinutes)} (${ctx.sessionTime(a)}), ${titleInSentence(b.title)} ${duration(b.durationMinutes)} (${ctx.sessionTime(b)})` : `${titleInSentence(a.title)} is ${ctx.sessionWhen(a)}; ${titleInSentence(b.title)} is ${ctx.sessionWhen(b)}`;
      text = `${ok ? 'Yes' : 'No'} — ${facts}.`;
    }
    return { intent: 'session', isEventQuestion: true, memory: { ...memory, sessionId: a.id, day: a.day }, reply: { text, suggestions: ['Show the agenda'] } };
  }

  /** The objective sentence that names every content word of the question ("sim", "swap"), if one does. */
  private objectiveMentioning(n: Normalised): { subject?: string; content: string[]; mention?: string } {
    const words = n.tokens.filter((w) => w.length > 2 && !STOPWORDS.has(w) && !this.titleWords.has(w) && !COVERAGE_WORDS.has(w));
    if (!words.length) return { content: [] };
    const content = [...new Set(words.map(stem))];
    const sentences = this.event.objectives.flatMap((o) => o.split(/(?<=\.)\s+/));
    const mention = sentences.find((sentence) => {
      const inSentence = new Set(wordsOf(sentence).map(stem));
      return content.every((w) => inSentence.has(w));
    });
    return { subject: words.join(' '), content, mention };
  }

  /** Whether a name asked about is the announcement's signatory: every word of it in the name, allowing a typo each. */
  private isSignatory(name: string): boolean {
    const signed = this.event.signedBy ? wordsOf(this.event.signedBy.name) : [];
    const asked = wordsOf(name);
    return signed.length > 0 && asked.length > 0 && asked.every((w) => signed.some((part) => sameNameWord(w, part)));
  }

  /** "is Chaesub Lee one of the speakers?": the signatory's full name somewhere in the words. */
  private namesSignatory(words: string[]): boolean {
    const signed = this.event.signedBy ? wordsOf(this.event.signedBy.name) : [];
    return signed.length >= 2 && signed.every((part) => words.some((w) => sameNameWord(w, part)));
  }

  /** A name the question asks about as a person that is no speaker, organisation, topic or place of the event. */
  private unknownPerson(n: Normalised, e: Entities): string | undefined {
    if (e.speakers.length || e.organisations.length || e.topics.length || e.reports.length || e.target || e.source || e.day || e.time) return undefined;
    const t = n.plain.join(' ');
    for (const re of PERSON_QUESTION) {
      const m = t.match(re);
      if (!m) continue;
      const words = m[1].split(' ');
      // The announcement's signatory is named in the event's own text, so its words are not "unknown".
      if (this.isSignatory(m[1])) return this.event.signedBy!.name;
      if (words.some((w) => STOPWORDS.has(w) || NOT_NAMES.test(w) || this.vocab.has(w) || this.titleWords.has(w))) return undefined;
      // One word is a name only when typed as one ("who is Musk"), not "who is speaking".
      const typed = n.raw.split(/[^\p{L}-]+/u).filter(Boolean);
      const asTyped = words.map((w) => typed.find((x) => x.toLowerCase() === w) ?? w);
      if (words.length === 1 && !/^\p{Lu}/u.test(asTyped[0])) return undefined;
      return asTyped.map((w) => (/^\p{Ll}/u.test(w) ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
    }
    return undefined;
  }

  /** "what is DFS?", "what does EACO stand for": an acronym of the event's text, asked about. */
  private acronymAsked(n: Normalised): Resolved['acronym'] {
    const t = n.text;
    const explicit = /\b(stand|stands|standing) for\b|\bmeaning( of)?\b|\bdefinition\b|\bmean(s)?\b|\babbreviation\b|\bacronym\b|\bshort for\b|\bfull (form|name) of\b|\babbreviated\b/.test(t);
    const bare = /^(what is|what are|what s|define|definition of|meaning of)?\s*(the |an |a )?(\w+)$/.exec(t);
    if (!explicit && !bare) return undefined;
    const english = commonEnglish();
    const capitals = new Set(n.raw.split(/[^A-Za-z]+/).filter((w) => w.length > 1 && w === w.toUpperCase()).map((w) => w.toLowerCase()));
    for (const w of explicit ? n.tokens : [bare![3]]) {
      if (!this.acronyms.expansions.has(w)) continue;
      if (!capitals.has(w) && (english.get(w) ?? Infinity) < 5000) continue;
      return { word: w.toUpperCase(), expansion: this.acronyms.expansions.get(w), explicit };
    }
    return undefined;
  }

  private compose(ctx: AnswerContext, d: Decision, e: Entities, n: Normalised): Answer {
    switch (d.intent) {
      case 'greeting':
        return composeGreeting(ctx);
      case 'thanks':
        return composeThanks(ctx);
      case 'help':
        return composeHelp(ctx);
      case 'bye':
        return composeBye(ctx);
      case 'fallback':
        return composeFallback(ctx);
      case 'command':
        return composeCommand(ctx, d.command, d.sessions, d.day);
      case 'timezone.set':
        return composeSetZone(ctx, d.zone, d.label, d.assumed);
      case 'timezone.info':
        return composeZoneInfo(ctx, e, this.zoneLongName);
      case 'timezone.convert':
        return composeConvert(ctx, e, this.zoneLongName);
      case 'fact':
        return composeFact(ctx, d.fact, n.text);
      case 'detail':
        return composeDetail(ctx, d.detail);
      case 'count':
        return composeCount(ctx, d.what, { day: d.day, organisation: d.organisation, session: d.session, withoutOpening: d.withoutOpening });
      case 'extreme':
        return composeExtreme(ctx, d.which, d.what, d.includeBreaks, d.day, d.withoutOpening);
      case 'acronym':
        return composeAcronym(ctx, d.word, d.expansion);
      case 'topic':
        return composeTopic(ctx, d.topic, n.text);
      case 'organisation':
        return composeOrganisation(ctx, d.organisation);
      case 'agenda':
        return composeAgenda(ctx, e, d.day);
      case 'hours':
        return composeHours(ctx, e, d.day, d.edge);
      case 'breaks':
        return composeBreaks(ctx, e, d.day, d.aspect, d.around);
      case 'at':
        return composeAt(ctx, e, d.day);
      case 'now':
      case 'next':
      case 'earlier':
      case 'ending':
        return composeNowNext(ctx, d.intent);
      case 'session':
        return composeSession(ctx, d.sessions, d.aspect);
      case 'speaker':
        return composeSpeaker(ctx, d.speakers, d.aspect, d.first, d.session);
      case 'speakers.all':
        return composeAllSpeakers(ctx, d.everyDay);
      case 'speaker.unknown':
        return composeUnknownSpeaker(ctx, d.name);
      case 'speakers.organisation':
        return composeOrganisationSpeakers(ctx, d.organisation);
      case 'reports':
        return composeReports(ctx, d.reports, d.sessions);
      case 'report.sessions':
        return composeReportSessions(ctx, d.reports);
    }
  }
}

function validZone(zone?: string): string | undefined {
  return zone && isZone(zone) ? zone : undefined;
}

/** Memory may come from storage written for another event file: drop ids this event does not have. */
function sanitiseMemory(m: DialogueMemory, agenda: Agenda, event: EventData): DialogueMemory {
  const out: DialogueMemory = {};
  if (m.speakerId && agenda.speaker(m.speakerId)) out.speakerId = m.speakerId;
  if (m.sessionId && agenda.session(m.sessionId)) out.sessionId = m.sessionId;
  if (m.day && agenda.day(m.day)) out.day = m.day;
  if (m.reportId && agenda.report(m.reportId)) out.reportId = m.reportId;
  if (m.topicId && event.topics.some((t) => t.id === m.topicId)) out.topicId = m.topicId;
  // Stored state comes back from storage: only a zone luxon knows, with a short label, is used.
  if (m.place && typeof m.place.label === 'string' && m.place.label.length <= 80 && typeof m.place.zone === 'string' && isZone(m.place.zone)) out.place = { zone: m.place.zone, label: m.place.label };
  if (m.listed && Array.isArray(m.listed.ids)) {
    const has = m.listed.kind === 'speaker' ? agenda.speaker.bind(agenda) : m.listed.kind === 'session' ? agenda.session.bind(agenda) : m.listed.kind === 'report' ? agenda.report.bind(agenda) : undefined;
    if (has && m.listed.ids.every((id) => typeof id === 'string' && has(id))) out.listed = { kind: m.listed.kind, ids: [...m.listed.ids] };
  }
  return out;
}
