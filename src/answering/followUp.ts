// A terse follow-up changes one slot of the question before it. The dialogue state says what was just asked
// (memory.last: its intent and day) and about what (the session, speaker, list, report, topic or announcement
// in memory); the follow-up's own words say which slot changes:
//   - an aspect ("how long?", "which department?", "link?", "what year?", "créé quand ?"): the classifier's
//     reading of the words, turned into that aspect of the thing discussed;
//   - a day ("and on the 31st?", "et celle du 31 ?"): the same question about that day.
// It applies only where the words name no subject of their own and the reading decided is not about the thing
// discussed (a fallback, a "did you mean", the event's own dates or page): a question that names something, or
// that the rules already tied to the thing discussed, is answered as decided.
import type { DialogueMemory } from '../conversation/types.ts';
import type { Agenda, Session } from '../event/agenda.ts';
import type { EventData, Report, Speaker, Topic } from '../event/schema.ts';
import type { Decision, Resolved } from '../understanding/decision.ts';
import type { Normalised } from '../understanding/normalise.ts';
import type { RecognizerResult } from '../understanding/nlu/recognizer.ts';
import { decisionFor } from '../understanding/nlu/decisionFromIntent.ts';

/** What is asked of the thing discussed. */
type Aspect = 'when' | 'duration' | 'who' | 'organisation' | 'title' | 'link' | 'about' | 'count' | 'contact';

/** The classifier's intents read as the aspect they ask for, whatever they ask it of. */
const ASPECT: Record<string, Aspect> = {
  'session.when': 'when',
  'speaker.when': 'when',
  'fact.dates': 'when',
  hours: 'when',
  'session.duration': 'duration',
  'count.hours': 'duration',
  'session.who': 'who',
  'speaker.organisation': 'organisation',
  'fact.organisers': 'organisation',
  'speakers.organisation': 'organisation',
  'speaker.title': 'title',
  'fact.name': 'title',
  reports: 'link',
  'session.reports': 'link',
  'fact.page': 'link',
  'fact.source': 'link',
  'session.about': 'about',
  'topic': 'about',
  'fact.objectives': 'about',
  'count.speakers': 'count',
  'count.sessions': 'count',
  'count.reports': 'count',
  'speaker.contact': 'contact',
};

/** What was just discussed, as the last question's intent says. */
type Focus =
  | { kind: 'session'; session: Session }
  | { kind: 'speaker'; speaker: Speaker }
  | { kind: 'speakers'; speakers: Speaker[]; all: boolean }
  | { kind: 'reports'; reports: Report[] }
  | { kind: 'announcement' }
  | { kind: 'topic'; topic: Topic }
  | { kind: 'event' };

/** Questions whose answer depends on the day asked: "and on day 2?" asks the same of that day. */
const BY_DAY = new Set(['agenda', 'hours', 'breaks', 'reports', 'count.sessions', 'count.speakers', 'count.reports', 'count.breaks', 'count.hours', 'extreme']);

/** The words of a follow-up that says nothing but another day ("and what about day 2?", "et celle du 31 ?", read as English). */
const DAY_ONLY = new Set(['and', 'so', 'ok', 'okay', 'what', 'how', 'about', 'then', 'the', 'on', 'of', 'for', 'in', 'one', 'ones', 'day', 'same', 'also', 'too', 'following', 'next', 'after', 'before', 'previous', 'other', 'first', 'second', 'last', 'march', 'mar', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tomorrow', 'today', 'please']);

/** A follow-up is a few words: more, and it is a question of its own. */
const TERSE = 8;
/** A classifier reading this unlikely is not taken as the aspect asked. */
const PLAUSIBLE = 0.05;

export class FollowUps {
  constructor(
    private readonly event: EventData,
    private readonly agenda: Agenda,
  ) {}

  /**
   * The decision a terse follow-up asks for, or undefined when the question stands on its own (or the decision
   * already is about the thing discussed).
   */
  decide(n: Normalised, r: Resolved, memory: DialogueMemory, decided: Decision, recognized: RecognizerResult): Decision | undefined {
    const last = memory.last;
    const e = r.entities;
    if (!last || n.tokens.length > TERSE || r.fromList || r.relative) return undefined;
    const ownSubject = e.speakers.length || e.sessions.some((s) => s.strong) || e.reports.length || e.organisations.length || e.topics.length || e.time || r.unknownPerson || r.acronym?.explicit || r.aboutEvent;
    if (ownSubject) return undefined;
    // "and on the 31st?": the same question, that day
    if (e.day?.day) {
      // (a question of its own that names a day — "what time does day 2 start?" — is answered as asked)
      const onlyTheDay = n.tokens.every((w) => DAY_ONLY.has(w) || /^\d+(st|nd|rd|th)?$/.test(w));
      if (!(decided.intent === 'fallback' || decided.intent === 'clarify' || (onlyTheDay && (decided.intent === 'agenda' || decided.intent === 'hours')))) return undefined;
      if (!BY_DAY.has(last.intent) || e.day.day === last.day) return undefined;
      return decisionFor(last.intent, r, n.tokens);
    }
    const focus = this.focusOf(memory);
    if (!focus) return undefined;
    // ("its published title?", "its link?" after a report: "its" is the report, not the session it belongs to;
    // "when is it discussed?" is that session's)
    const itIsTheFocus = decided.intent === 'session' && !r.sessionsNamed && focus.kind === 'reports';
    if (!generic(decided, r) && !itIsTheFocus) return undefined;
    // (a question about the event after one about the event is the classifier's and the rules' to read)
    if (focus.kind === 'event' && decided.intent !== 'fallback' && decided.intent !== 'clarify') return undefined;
    // The likeliest reading that asks for an aspect says which.
    const reading = recognized.intents.slice(0, 3).find((x) => x.score >= PLAUSIBLE && ASPECT[x.intent]);
    const aspect = reading && ASPECT[reading.intent]!;
    if (!aspect || (itIsTheFocus && aspect !== 'title' && aspect !== 'link')) return undefined;
    return asked(focus, aspect);
  }

  private focusOf(memory: DialogueMemory): Focus | undefined {
    const last = memory.last!.intent;
    const listed = memory.listed;
    if (last === 'reports' || last === 'session.reports' || last === 'speaker.reports' || last === 'report.sessions') {
      const ids = listed?.kind === 'report' ? listed.ids : memory.reportId ? [memory.reportId] : [];
      const reports = ids.map((id) => this.agenda.report(id)).filter((x): x is Report => !!x);
      return reports.length ? { kind: 'reports', reports } : undefined;
    }
    if (last === 'fact.source' || last === 'fact.signatory') return { kind: 'announcement' };
    if (last === 'topic') {
      const topic = this.event.topics.find((t) => t.id === memory.topicId);
      return topic && { kind: 'topic', topic };
    }
    if (last === 'speakers.all' || last === 'speakers.organisation') {
      const speakers = listed?.kind === 'speaker' ? listed.ids.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x) : [];
      return speakers.length ? { kind: 'speakers', speakers, all: last === 'speakers.all' } : undefined;
    }
    if (last.startsWith('speaker.')) {
      const speaker = memory.speakerId ? this.agenda.speaker(memory.speakerId) : undefined;
      return speaker && { kind: 'speaker', speaker };
    }
    if (last.startsWith('session.') || last === 'breaks' || last === 'at' || last === 'now' || last === 'next') {
      const session = memory.sessionId ? this.agenda.session(memory.sessionId) : undefined;
      return session && { kind: 'session', session };
    }
    if (last.startsWith('fact.')) return { kind: 'event' };
    return undefined;
  }
}

/** The aspect asked of the thing discussed, as a decision; undefined when that thing has no such aspect. */
function asked(focus: Focus, aspect: Aspect): Decision | undefined {
  switch (focus.kind) {
    case 'session': {
      const sessions = [focus.session];
      if (aspect === 'when' || aspect === 'duration' || aspect === 'who' || aspect === 'about') return { intent: 'session', sessions, aspect };
      if (aspect === 'link') return { intent: 'reports', sessions };
      return undefined;
    }
    case 'speaker': {
      const speakers = [focus.speaker];
      if (aspect === 'when' || aspect === 'organisation' || aspect === 'title' || aspect === 'contact') return { intent: 'speaker', speakers, aspect };
      if (aspect === 'about') return { intent: 'speaker', speakers, aspect: 'talks' };
      if (aspect === 'link') return { intent: 'speaker', speakers, aspect: 'reports' };
      return undefined;
    }
    case 'speakers':
      if (aspect === 'count' && focus.all) return { intent: 'count', what: 'speakers' };
      if (aspect === 'organisation' || aspect === 'title' || aspect === 'when') return { intent: 'speaker', speakers: focus.speakers, aspect };
      return undefined;
    case 'reports':
      return aspect === 'link' || aspect === 'when' || aspect === 'title' || aspect === 'about' ? { intent: 'reports', reports: focus.reports } : undefined;
    case 'announcement':
      return aspect === 'when' || aspect === 'link' || aspect === 'title' ? { intent: 'fact', fact: 'source' } : undefined;
    case 'topic':
      return aspect === 'when' || aspect === 'about' ? { intent: 'topic', topic: focus.topic } : undefined;
    case 'event':
      return aspect === 'when' ? { intent: 'fact', fact: 'dates' } : undefined;
  }
}

/** A reading that is not about anything discussed: the event's own facts, its hours, a fallback, a "did you mean". */
function generic(d: Decision, r: Resolved): boolean {
  switch (d.intent) {
    case 'fallback':
    case 'clarify':
      return true;
    case 'fact':
      // (what an aspect word alone reads as: "how long?", "when?" → the event's dates, "link?" → its page)
      return d.fact === 'dates' || d.fact === 'page' || d.fact === 'name';
    case 'hours':
    case 'agenda':
      return true;
    case 'timezone.convert':
      return !r.entities.target || r.entities.ownTime;
    default:
      return false;
  }
}
