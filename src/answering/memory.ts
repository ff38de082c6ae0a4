// What a conversation remembers between turns (DialogueMemory): checked when it comes back from storage,
// and updated after each answer so that "there", "the second one", "he" still resolve next turn.
import type { DialogueMemory } from '../conversation/types.ts';
import type { Agenda } from '../event/agenda.ts';
import type { EventData } from '../event/schema.ts';
import type { Entities } from '../understanding/entities.ts';
import type { Decided, Resolved } from '../understanding/decision.ts';
import { isZone } from '../understanding/zonedTime.ts';
import { intentIdOf } from '../understanding/nlu/labels.ts';

/** Turns that answer no question about the event: the frame of the last one that did stays. */
const NOT_ASKED = new Set(['greeting', 'thanks', 'ack', 'help', 'bye', 'fallback', 'refuse', 'clarify', 'command']);

/** Memory may come from storage written for another event file: drop ids this event does not have. */
export function sanitiseMemory(m: DialogueMemory, agenda: Agenda, event: EventData): DialogueMemory {
  const out: DialogueMemory = {};
  if (m.speakerId && agenda.speaker(m.speakerId)) out.speakerId = m.speakerId;
  if (m.sessionId && agenda.session(m.sessionId)) out.sessionId = m.sessionId;
  if (m.day && agenda.day(m.day)) out.day = m.day;
  if (m.reportId && agenda.report(m.reportId)) out.reportId = m.reportId;
  if (m.topicId && event.topics.some((t) => t.id === m.topicId)) out.topicId = m.topicId;
  // Stored state comes back from storage: only a zone luxon knows, with a short label, is used.
  if (m.place && typeof m.place.label === 'string' && m.place.label.length <= 80 && typeof m.place.zone === 'string' && isZone(m.place.zone)) out.place = { zone: m.place.zone, label: m.place.label };
  const t = m.time;
  if (t && Number.isInteger(t.minutes) && t.minutes >= 0 && t.minutes < 24 * 60 && typeof t.zone === 'string' && isZone(t.zone) && (t.zoneLabel === undefined || (typeof t.zoneLabel === 'string' && t.zoneLabel.length <= 80)))
    out.time = { minutes: t.minutes, zone: t.zone, ...(t.zoneLabel ? { zoneLabel: t.zoneLabel } : {}) };
  if (m.person === 'signatory') out.person = 'signatory';
  if (typeof m.lastQuestion === 'string' && m.lastQuestion.length <= 200) out.lastQuestion = m.lastQuestion;
  if (m.last && typeof m.last.intent === 'string' && /^[a-z][a-z.-]{0,40}$/.test(m.last.intent))
    out.last = { intent: m.last.intent, ...(m.last.day && agenda.day(m.last.day) ? { day: m.last.day } : {}) };
  if (m.listed && Array.isArray(m.listed.ids)) {
    const has = m.listed.kind === 'speaker' ? agenda.speaker.bind(agenda) : m.listed.kind === 'session' ? agenda.session.bind(agenda) : m.listed.kind === 'report' ? agenda.report.bind(agenda) : m.listed.kind === 'day' ? (id: string) => agenda.day(Number(id)) : undefined;
    if (has && m.listed.ids.every((id) => typeof id === 'string' && has(id))) out.listed = { kind: m.listed.kind, ids: [...m.listed.ids], ...(m.listed.day && agenda.day(m.listed.day) ? { day: m.listed.day } : {}) };
  }
  return out;
}

/**
 * What the conversation remembers after a turn: what the answer set (else what it remembered before), plus the
 * place and the list shown, while they can still be referred to.
 */
export function memoryAfter(memory: DialogueMemory, answered: DialogueMemory | undefined, decision: Decided, r: Resolved): DialogueMemory {
  const { intent } = decision;
  const { target, time, day } = r.entities;
  const next = { ...(answered ?? memory) };
  // The person discussed: the one talk's speaker the words named ("who gives the Android, USSD and STK tests?"),
  // or the announcement's signatory, whose title "his title?" then asks for.
  if (r.talkNamed?.length === 1 && next.speakerId === memory.speakerId && intent !== 'speaker') next.speakerId = r.talkNamed[0]!.id;
  if (decision.intent === 'fact' && decision.fact === 'signatory') {
    next.person = 'signatory';
    delete next.speakerId;
  } else if (next.speakerId && next.speakerId !== memory.speakerId) delete next.person;
  // A new list shown for a day keeps that day: "which of them is the longest?" asks about that day's items.
  if (next.listed && next.listed !== memory.listed && day?.day && !next.listed.day) next.listed = { ...next.listed, day: day.day };
  // Likewise the clock time, until another is named ("and at the same time on day 2?").
  if (time) next.time = { minutes: time.minutes, zone: time.zone, ...(time.zoneLabel ? { zoneLabel: time.zoneLabel } : {}) };
  else if (memory.time) next.time = memory.time;
  // The place stays referable ("there") until another is named; telling us where you are is not asking about a place.
  if (target && intent !== 'timezone.set') next.place = { zone: target.zone, label: target.label };
  else if (memory.place) next.place = memory.place;
  // A list stays referable ("the second one") while the talk is about it: the turn that showed it,
  // and turns that picked from it. Anything else makes "the second one" ambiguous, so it is dropped.
  // (a thanks, an "ok" or a hello in between keeps it)
  const smallTalk = intent === 'thanks' || intent === 'greeting' || intent === 'ack';
  if (!smallTalk && !(next.listed && (next.listed !== memory.listed || r.fromList || r.listReference))) delete next.listed;
  // What was asked, for a terse follow-up to change one slot of ("how long?", "and on day 2?").
  if (!NOT_ASKED.has(intent)) {
    const askedDay = ('day' in decision && typeof decision.day === 'number' ? decision.day : undefined) ?? day?.day;
    next.last = { intent: intentIdOf(decision), ...(askedDay ? { day: askedDay } : {}) };
  } else if (memory.last) next.last = memory.last;
  return next;
}
