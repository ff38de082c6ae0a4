// The understanding + answering engine: text in, reply out, as a pure function of the question, the
// conversation memory, the event and the clock. Everything it knows comes from the event file; the
// indexes are built once here and only read per turn.
//
// One question goes through: normalise → recognise entities → resolve (memory, pronouns, ordinals:
// resolve.ts) → decide the intent (understanding/intents.ts) → compose the reply (compose/*). Around that:
// messages that hold more than one question (messageParts.ts), two sessions compared (compose/comparison.ts),
// "is X covered?" checked against the objectives (coverage.ts), yes/no questions led by their verdict
// (compose/polar.ts), and what the conversation remembers (memory.ts).
import { say } from '../language/messages.ts';
import type { DialogueMemory, TurnInput, Understood } from '../conversation/types.ts';
import { Agenda, type Session } from '../event/agenda.ts';
import type { EventData } from '../event/schema.ts';
import { EntityRecogniser, type Entities } from '../understanding/entities.ts';
import type { PlaceMention } from '../understanding/places.ts';
import { decide } from '../understanding/intents.ts';
import type { Decided } from '../understanding/decision.ts';
import { IntentRecognizer, NLU_DIR, type Recognizer } from '../understanding/nlu/recognizer.ts';
import { Readings } from '../understanding/nlu/readings.ts';
import type { ModelCache } from '../understanding/nlu/modelCache.ts';
import { choose, type Confidence } from '../understanding/nlu/choose.ts';
import { entityTags } from '../understanding/nlu/entityTags.ts';
import { normalise, type Normalised } from '../understanding/normalise.ts';
import { Vocabulary, wordsOf } from '../understanding/vocabulary.ts';
import { STOPWORDS } from '../understanding/stopwords.ts';
import { isZone } from '../understanding/zonedTime.ts';
import { buildAcronyms } from '../understanding/acronyms.ts';
import { AnswerContext } from './context.ts';
import { CoverageCheck } from './coverage.ts';
import { correctionOf, withDay, withPlace } from './corrections.ts';
import { memoryAfter, sanitiseMemory } from './memory.ts';
import { afterCourtesy, buriedQuestions, combineAnswers, MAX_INPUT, MAX_STORY, splitQuestions, withoutZoneClause } from './messageParts.ts';
import { Resolver } from './resolve.ts';
import { FollowUps } from './followUp.ts';
import { composeAgenda, composeAt, composeDiscussion, composePartOfDay, composeBreaks, composeHours, composeNowNext } from './compose/agenda.ts';
import { composeCommand } from './compose/commands.ts';
import { composeComparison } from './compose/comparison.ts';
import { comparisonAsked } from '../understanding/comparison.ts';
import { composeCount, composeCountByDay, composeExtreme } from './compose/counts.ts';
import { composeAcronym, composeDetail, composeFact } from './compose/facts.ts';
import { composeReportSessions, composeReports } from './compose/reports.ts';
import { composeSession, composeSessionsFor, composeUnstaffedSessions } from './compose/sessions.ts';
import { composeAck, composeBye, composeClarify, composeFallback, composeRefusal, composeGreeting, composeHelp, composeThanks } from './compose/smalltalk.ts';
import { composeAdjacentSpeaker, composeAllSpeakers, composeOrganisation, composeOrganisationSpeakers, composeSpeaker, composeUnknownOrganisation, composeUnknownSpeaker } from './compose/speakers.ts';
import { composeTopic } from './compose/topics.ts';
import { withVerdict } from './compose/polar.ts';
import { SlotFiller } from '../understanding/slots.ts';
import { splitExclusion } from '../understanding/exclusion.ts';
import { withSlots } from '../understanding/refine.ts';
import { intentIdOf } from '../understanding/nlu/labels.ts';
import { composeClock, composeConvert, composeDayCheck, composeSetZone, composeZoneInfo } from './compose/timezones.ts';
import type { Answer } from './compose/types.ts';
import { localiseEvent } from '../event/translations.ts';
import { FrenchCanonical } from '../language/frenchCanonical.ts';
import { frenchPlaceName } from '../language/placeNames.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { loadUtterances } from '../understanding/nlu/trainingData.ts';
import { twelveHour } from './timeFormat.ts';
import { carryLead, mapReplyText } from './replyText.ts';

/** A message of more words than this whose statements come with one question is read as story and question. */
const SHORT_STORY = 12;

/** How much of a question is kept for a correction next turn ("sorry, I meant day 2"). */
const MAX_QUESTION_KEPT = 200;

export class AnsweringEngine {
  readonly agenda: Agenda;
  private readonly vocab: Vocabulary;
  private readonly recogniser: EntityRecogniser;
  private readonly resolver: Resolver;
  /** A terse follow-up read as one slot of the question before changed (followUp.ts). */
  private readonly followUps: FollowUps;
  private readonly coverage: CoverageCheck;
  /** "East Africa Time": the long name of the event's zone (Intl is slow, so once). */
  private readonly zoneLongName: string;
  /** What a question's words say besides intent and entities: polarity, premises, format, exclusions (slots.ts). */
  private readonly slots: SlotFiller;
  /** The intent classifier trained on nlu/en/ filled with this event's data. */
  readonly recognizer: Recognizer;
  private readonly readings: Readings;

  /** The language this engine understands and answers in; turns in another are handed to that language's engine. */
  readonly language: Language;
  /** French read in the recognisers' canonical form (src/language/frenchCanonical.ts); undefined in English. */
  private readonly canonical?: FrenchCanonical;
  private readonly others = new Map<Language, AnsweringEngine>();
  /**
   * How sure the classifier must be to answer where the rules found nothing firm. The rules are written in English, so
   * in French the classifier decides nearly every question, from fewer examples (lower, more spread scores).
   */
  private readonly confidence?: Confidence;
  /** How sure the classifier must be to overrule a firm rule with another kind of answer (choose.ts); French only. */
  private readonly overrule?: Confidence;

  /**
   * `modelCache`: where trained intent models are kept between starts (none: trained in this process only).
   * `language`: 'en' by default; another language's engine reads the event's translation (localiseEvent) and is
   * built the first time a turn in that language comes, so English turns pay nothing for it.
   */
  constructor(readonly event: EventData, private readonly options: { modelCache?: ModelCache; language?: Language } = {}) {
    this.language = options.language ?? DEFAULT_LANGUAGE;
    if (this.language === 'fr') {
      this.canonical = new FrenchCanonical(NLU_DIR);
      this.confidence = { score: 0.3, margin: 0.12 };
      this.overrule = { score: 0.6, margin: 0.4 };
    }
    this.agenda = new Agenda(event);
    // A language's own words (its training utterances) are never "corrected" into the event's English ones.
    this.vocab = new Vocabulary(event, this.language === DEFAULT_LANGUAGE ? [] : ownWords(this.language, (t) => this.canonical?.read(t) ?? t));
    this.recogniser = new EntityRecogniser(event, this.agenda);
    // The event's distinctive title words ("clinic", "dfs"): mentioning one means the event.
    const titleWords = new Set(wordsOf(event.title).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
    this.coverage = new CoverageCheck(event, this.language);
    this.zoneLongName = [...new Set(this.agenda.days.map((d) => d.startsAt.setLocale('en-US').offsetNameLong ?? ''))].filter(Boolean).join(' / ');
    // Acronyms the event's text uses and their expansions from the same text ("DFS", "EACO").
    const acronyms = buildAcronyms(event, this.zoneLongName);
    this.resolver = new Resolver(event, this.agenda, this.vocab, this.recogniser, titleWords, acronyms, this.language !== DEFAULT_LANGUAGE);
    this.slots = new SlotFiller(event, titleWords);
    this.followUps = new FollowUps(event, this.agenda);
    // Training examples are read like questions on the event's first day (for "today", "tomorrow").
    const firstDay = this.agenda.days[0]!.startsAt.toJSDate();
    this.recognizer = IntentRecognizer.forEvent(event, this.language, (text) => this.classifierInput(text, firstDay), { cache: options.modelCache });
    this.readings = new Readings(NLU_DIR, this.language);
  }

  /** A text as the classifier reads it: normalised against this event's vocabulary, with the kinds of entity in it. */
  classifierInput(text: string, now: Date): { text: string; tags: string[] } {
    const n = this.read(text.slice(0, MAX_INPUT));
    return { text: n.text, tags: entityTags(this.recogniser.recognise(n, now)) };
  }

  /** A text normalised as this language reads it. */
  private read(text: string): Normalised {
    return normalise(this.canonical ? this.canonical.read(text) : text, this.vocab);
  }

  /** The engine for another language, over the event's translation into it. */
  private inLanguage(language: Language): AnsweringEngine {
    let engine = this.others.get(language);
    if (!engine) this.others.set(language, (engine = new AnsweringEngine(localiseEvent(this.event, language), { ...this.options, language })));
    return engine;
  }

  understand(input: TurnInput): Understood {
    if (input.language && input.language !== this.language) return this.inLanguage(input.language).understand(input);
    const { u, asked } = this.understandTurn(input);
    // The question stays in memory (briefly) for a correction next turn: "sorry, I meant day 2".
    if (u.isEventQuestion && u.reply && !u.command) u.memory = { ...u.memory, lastQuestion: asked.slice(0, MAX_QUESTION_KEPT) };
    else if (u.memory.lastQuestion && u.intent !== 'thanks' && u.intent !== 'greeting' && u.intent !== 'ack') u.memory = { ...u.memory, lastQuestion: undefined };
    return u;
  }

  /** One message understood, and the question it asked (the corrected one, for a correction). */
  private understandTurn(input: TurnInput): { u: Understood; asked: string } {
    const text = input.text ?? '';
    // "sorry, I meant day 2": the previous question again, with the day (or the place) replaced.
    const previous = input.memory?.lastQuestion;
    const fix = previous ? correctionOf(text) : undefined;
    const again = previous && fix ? this.corrected(previous, fix, input.now) : undefined;
    if (again) {
      const u = this.understandTurn({ ...input, text: again }).u;
      if (u.reply && u.isEventQuestion) return { u, asked: again };
    }
    // "thanks! and on day 2?": the thanks is manners; the rest is the question.
    const rest = afterCourtesy(text);
    if (rest !== undefined) {
      const polite = this.understandTurn({ ...input, text: rest });
      if (polite.u.reply && polite.u.isEventQuestion) return polite;
    }
    // A paragraph of context with the question in the middle: answer the question, if that reads as one.
    // (a shorter one too — "I'm at a regulator and we want to audit apps. Which report covers …?" — when its
    // statements say nothing the question needs beyond a session or speaker: no place, day or time)
    const buried = buriedQuestions(text.slice(0, MAX_STORY)) ?? buriedQuestions(text.slice(0, MAX_INPUT), SHORT_STORY);
    if (buried) {
      const asked = buried.asked.slice(0, MAX_INPUT);
      // The one session (or speaker) the story names is what the question's "it", "which talk" is about: the
      // dialogue state the question is read in, as if the story had been asked first.
      const memory = this.storyMemory(buried.story.slice(0, MAX_INPUT), input, text.split(/\s+/).length <= 30);
      const u = memory && this.understandMessage({ ...input, text: asked, memory });
      if (u?.reply && (u.isEventQuestion || u.command)) return { u, asked };
    }
    return { u: this.understandMessage(input), asked: text };
  }

  private understandMessage(input: TurnInput): Understood {
    // "What are the dates, is it online, and do I need to register?": each question answered, in order.
    const parts = splitQuestions((input.text ?? '').slice(0, MAX_INPUT));
    if (parts.length > 1) {
      const outs: Understood[] = [];
      let memory = input.memory;
      let userTimeZone = input.userTimeZone;
      let command = false;
      for (const text of parts) {
        const u = this.understandText({ ...input, text, memory, userTimeZone });
        // A part the engine cannot answer on its own ("do I actually have to") is left to the parts around it.
        if (u.command) command = true;
        if (u.command || !u.reply || !u.isEventQuestion) continue;
        outs.push(u);
        memory = u.memory;
        userTimeZone = u.rememberTimeZone ?? userTimeZone;
      }
      // A command is the router's to act on, read from the whole message; the other questions' answers go first.
      if (command) {
        const whole = this.understandText(input);
        const answers = combineAnswers(outs, memory) ?? outs[0];
        return whole.command && answers?.reply ? { ...whole, preface: answers.reply } : whole;
      }
      const combined = combineAnswers(outs, memory);
      if (combined) return combined;
    }
    return this.understandText(input);
  }

  private understandText(input: TurnInput): Understood {
    const n = this.read((input.text ?? '').slice(0, MAX_INPUT));
    const first = this.understandOne(input, n);
    // "I'm in Tokyo, when is the SS7 session?": remember the zone AND answer the rest in it.
    const place = first.target;
    if (first.out.intent !== 'timezone.set' || !first.out.rememberTimeZone || !place || place.at < 0) return first.out;
    const rest = withoutZoneClause(n.plain, place);
    if (rest.length < 2) return first.out;
    const zone = first.out.rememberTimeZone;
    const second = this.understandOne({ ...input, userTimeZone: zone }, this.read(rest.join(' ')));
    if (['fallback', 'greeting', 'thanks', 'ack', 'help', 'bye', 'timezone.set'].includes(second.out.intent) || !second.out.reply) return first.out;
    const ack = say(this.language, 'zone.set', { name: `${place.label} (${zone})`, note: '' });
    return { ...second.out, reply: carryLead(second.out.reply, { ...second.out.reply, text: `${ack}\n${second.out.reply.text ?? ''}` }), rememberTimeZone: zone };
  }

  /** One question: understood, answered, and what the conversation should remember after it. */
  private understandOne(input: TurnInput, typed: Normalised): { out: Understood; target?: Entities['target'] } {
    // "… not counting the breaks": the clause is a slot, and the rest is what the intent is decided from.
    const { n, exclude } = splitExclusion(typed, (words) => this.strongSession(words, input.now));
    const memory = sanitiseMemory(input.memory ?? {}, this.agenda, this.event);
    const current = memory.sessionId ? this.agenda.session(memory.sessionId) : undefined;
    const compared = comparisonAsked(n.text, (words) => this.sessionNamed(words, input.now), current, this.agenda.sessions);
    if (compared) {
      const answer = composeComparison(this.context(input, memory, validZone(input.userTimeZone)), compared);
      const understanding = { intent: 'session.compare', score: 1, lowConfidence: false, source: 'rule:comparison' };
      return { out: { intent: 'session', isEventQuestion: true, memory: answer.memory!, reply: answer.reply, understanding } };
    }
    const entities = this.recogniser.recognise(n, input.now);
    if (this.canonical) this.namePlacesInFrench(entities, input.text ?? '');
    // (the last question as the resolver reads words: in French, read as French is read)
    const asked = this.canonical && memory.lastQuestion ? { ...memory, lastQuestion: this.canonical.read(memory.lastQuestion) } : memory;
    const resolved = this.resolver.resolve(n, entities, asked, input.now);
    const ruled = decide(n, resolved, memory);
    const recognized = this.recognizer.recognize(n.text, entityTags(entities));
    const read = choose(ruled, recognized, resolved, n.tokens, (d) => this.readings.of(d), this.confidence, this.overrule);
    // "how long?", "which department?", "and on the 31st?": one slot of the question before, changed.
    const followed = this.followUps.decide(n, resolved, memory, read.decision, recognized);
    const chosen = followed ? { decision: followed, trace: { intent: intentIdOf(followed), score: read.trace.score, lowConfidence: false, source: `followup:${memory.last!.intent}` } } : read;
    const slots = this.slots.fill(typed, exclude);
    const refined = withSlots(chosen.decision, slots, resolved);
    const decision: Decided = { ...refined, slots };
    // (the trace names the decision answered: one the slots completed says so)
    const trace = refined === chosen.decision ? chosen.trace : { ...chosen.trace, intent: intentIdOf(refined), source: `${chosen.trace.source}+slots` };
    const userZone = decision.intent === 'timezone.set' && decision.zone ? decision.zone : validZone(input.userTimeZone);
    // "9am my time": the user's zone, once we know it.
    if (entities.time?.mine && userZone) entities.time = { ...entities.time, zone: userZone, zoneLabel: 'your time' };
    const ctx = this.context(input, memory, userZone, entities.target);
    const answer = this.compose(ctx, decision, entities);
    const composed = answer.reply;
    answer.reply = this.coverage.reply(decision, entities, answer.reply);
    answer.reply = withVerdict(ctx, decision, entities, answer.reply);
    answer.reply = carryLead(composed, answer.reply)!;
    // "… in 12-hour format please", "with am/pm": the times as asked.
    if (answer.reply && decision.slots.twelveHour) answer.reply = mapReplyText(answer.reply, twelveHour);
    const out: Understood = {
      intent: decision.intent === 'command' ? `command.${decision.command}` : decision.intent === 'fact' ? `fact.${decision.fact}` : decision.intent,
      memory: memoryAfter(memory, answer.memory, decision, resolved),
      isEventQuestion: !['greeting', 'thanks', 'ack', 'help', 'bye', 'fallback', 'refuse', 'clarify'].includes(decision.intent),
      reply: answer.reply,
      understanding: trace,
    };
    if (decision.intent === 'command' && !answer.declined) {
      out.command = { intent: decision.command };
      if (answer.preface) out.preface = answer.preface;
      if (decision.sessions?.length) out.command.sessionIds = decision.sessions.map((s) => s.id);
      if (decision.day) out.command.day = decision.day;
      if (decision.field) out.command.field = decision.field;
      if (decision.value) out.command.value = decision.value;
    }
    if (decision.intent === 'timezone.set' && decision.zone) out.rememberTimeZone = decision.zone;
    return { out, target: entities.target };
  }

  /** The places a French question names, named back as French speakers write them ("Londres", "Genève", "l'Inde"). */
  private namePlacesInFrench(entities: Entities, typed: string): void {
    const canonical = this.canonical!;
    const name = (p: PlaceMention) => frenchPlaceName(p, typed, (english) => canonical.frenchFor(english));
    const time = entities.time;
    // (the zone of a time: "10 h heure de Londres")
    if (time?.zonePlace) entities.time = { ...time, zoneLabel: name(time.zonePlace) };
    if (entities.target) entities.target = { ...entities.target, label: name(entities.target) };
    if (entities.source) entities.source = { ...entities.source, label: name(entities.source) };
  }

  /**
   * The previous question corrected by a fragment that names only a day or only a place; undefined when the
   * fragment names more (a speaker, a session: then it is a question of its own).
   */
  private corrected(previous: string, fix: string, now: Date): string | undefined {
    const f = this.recogniser.recognise(this.read(fix), now);
    if (f.speakers.length || f.organisations.length || f.sessions.some((s) => s.strong) || f.reports.length || f.time) return undefined;
    if (f.day?.day && !f.target) return withDay(previous, fix);
    if (f.target && !f.day) {
      const p = this.read(previous);
      const old = this.recogniser.recognise(p, now).target;
      return withPlace(p.plain, old?.at ?? -1, old?.end ?? -1, fix);
    }
    return undefined;
  }

  /** What the composers see of one turn: the event, the clock, the memory, and the zones to show times in. */
  private context(input: TurnInput, memory: DialogueMemory, userZone: string | undefined, target?: Entities['target']): AnswerContext {
    return new AnswerContext(this.event, this.agenda, input.now.getTime(), memory, userZone, target, this.language);
  }

  /** The memory a long message's story leaves: the one session, or else the one speaker, it names firmly. */
  private storyMemory(story: string, input: TurnInput, short: boolean): DialogueMemory | undefined {
    const memory = input.memory ?? {};
    const found = this.recogniser.recognise(this.read(story), input.now);
    if (short && (found.target || found.day || found.time)) return undefined;
    const sessions = [...new Set(found.sessions.filter((x) => x.strong && x.session.kind !== 'break').map((x) => x.session))];
    if (sessions.length === 1) return { ...memory, sessionId: sessions[0].id, day: sessions[0].day, listed: undefined };
    const speakers = [...new Set(found.speakers.map((x) => x.speaker))];
    if (speakers.length === 1) return { ...memory, speakerId: speakers[0].id, listed: undefined };
    return memory;
  }

  /** The session some words name firmly on their own ("the SS7 session"), if any. */
  private strongSession(words: string, now: Date): Session | undefined {
    return this.recogniser.recognise(this.read(words), now).sessions.find((x) => x.strong)?.session;
  }

  /** The session some words name on their own ("the SS7 session"): the best strong match, else the best. */
  private sessionNamed(words: string, now: Date): Session | undefined {
    const found = this.recogniser.recognise(this.read(words), now).sessions;
    return (found.find((x) => x.strong) ?? found[0])?.session;
  }

  private compose(ctx: AnswerContext, d: Decided, e: Entities): Answer {
    switch (d.intent) {
      case 'greeting':
        return composeGreeting(ctx);
      case 'thanks':
        return composeThanks(ctx);
      case 'ack':
        return composeAck(ctx);
      case 'help':
        return composeHelp(ctx);
      case 'bye':
        return composeBye(ctx);
      case 'fallback':
        return composeFallback(ctx);
      case 'clarify':
        return composeClarify(d.readings, this.language);
      case 'refuse':
        return composeRefusal(ctx, d.harmful, d.sessions);
      case 'command':
        return composeCommand(ctx, d.command, d.sessions, d.day, d.slots.asksHow);
      case 'timezone.set':
        return composeSetZone(ctx, d.zone, d.label, d.assumed);
      case 'timezone.info':
        return composeZoneInfo(ctx, e, this.zoneLongName);
      case 'timezone.convert':
        return composeConvert(ctx, e, this.zoneLongName);
      case 'fact':
        return composeFact(ctx, d.fact, d.slots, e.target?.label);
      case 'detail':
        return composeDetail(ctx, d.detail, d.slots);
      case 'count':
        return composeCount(ctx, d.what, { day: d.day, organisation: d.organisation, session: d.session, withoutOpening: d.withoutOpening || !!d.slots.exclude.opening, withoutBreaks: d.slots.exclude.breaks, without: d.slots.exclude.sessions });
      case 'count.byDay':
        return composeCountByDay(ctx, d.what, d.fewer);
      case 'extreme':
        return composeExtreme(ctx, d.which, d.what, d.includeBreaks, d.day, d.withoutOpening || !!d.slots.exclude.opening, d.among);
      case 'acronym':
        return composeAcronym(ctx, d.word, d.expansion);
      case 'topic':
        return composeTopic(ctx, d.topic, d.slots);
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
      case 'clock':
        return composeClock(ctx, e);
      case 'dayCheck':
        return composeDayCheck(ctx, d.check, d.sessions, d.day, e.target);
      case 'discussion':
        return composeDiscussion(ctx);
      case 'period':
        return composePartOfDay(ctx, e, d.period, d.day);
      case 'now':
      case 'next':
      case 'earlier':
      case 'ending':
        return composeNowNext(ctx, d.intent, d.today);
      case 'session':
        return composeSession(ctx, d.sessions, d.aspect, d.check);
      case 'speaker':
        return composeSpeaker(ctx, d.speakers, d.aspect, d.first, d.session, d.day, d.nth);
      case 'speaker.adjacent':
        return composeAdjacentSpeaker(ctx, d.speaker, d.after, d.day);
      case 'sessions.unstaffed':
        return composeUnstaffedSessions(ctx);
      case 'sessions.for':
        return composeSessionsFor(ctx, d.group);
      case 'speakers.all':
        return composeAllSpeakers(ctx, d.everyDay);
      case 'organisation.unknown':
        return composeUnknownOrganisation(ctx, d.name);
      case 'speaker.unknown':
        return composeUnknownSpeaker(ctx, d.name);
      case 'speakers.organisation':
        return composeOrganisationSpeakers(ctx, d.organisation, d.session);
      case 'reports':
        return composeReports(ctx, d.reports, d.sessions, d.day);
      case 'report.sessions':
        return composeReportSessions(ctx, d.reports);
    }
  }
}

function validZone(zone?: string): string | undefined {
  return zone && isZone(zone) ? zone : undefined;
}

/** Every word of a language's training utterances, read as that language is read. */
function ownWords(language: Language, read: (text: string) => string): string[] {
  const set = loadUtterances(NLU_DIR, language);
  return [...new Set(Object.values(set.intents).flat().flatMap((u) => wordsOf(read(u.replace(/\{\w+\}/g, ' ')))))];
}
