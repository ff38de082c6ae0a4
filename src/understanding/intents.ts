// Decides what a question asks for, from its words and the entities found in it. Rules run in order,
// most specific first; each names a KIND of question (never a sentence), so new wordings of the same
// kind land in the same place.
// The rules live in ./rules/, one file per concept; `decide` below lists them in the order they run,
// earlier rules winning. The types of what is decided are in ./decision.ts.
import type { DialogueMemory } from '../conversation/types.ts';
import type { Normalised } from './normalise.ts';
import type { Decision, Resolved } from './decision.ts';
import { question, type Question } from './rules/question.ts';
import * as clock from './rules/clock.ts';
import * as commands from './rules/commands.ts';
import * as counts from './rules/counts.ts';
import * as facts from './rules/facts.ts';
import * as hours from './rules/hours.ts';
import * as people from './rules/people.ts';
import * as programme from './rules/programme.ts';
import * as reports from './rules/reports.ts';
import * as sessions from './rules/sessions.ts';
import * as smallTalk from './rules/smallTalk.ts';
import * as zones from './rules/zones.ts';

export type { CountSubject, Decision, DetailKind, FactKind, Resolved, SessionAspect, SpeakerAspect, StatusCheck } from './decision.ts';
export { POLAR, TAG_QUESTION } from './rules/words.ts';
export { detailAsked } from './rules/facts.ts';
export { refusalAsked } from './rules/smallTalk.ts';

/** The rules in the order they run, earlier winning; each with the id logged when it decides. */
const RULES: readonly [id: string, rule: (q: Question) => Decision | undefined][] = [
  ['zoneSet', zones.zoneSet], // "I'm joining from Nairobi", "set my time zone to EAT"
  ['eachDay', hours.eachDay], // "how long does each day last?"
  ['datesChecked', facts.datesChecked], // "the clinic is 30-31 Mar, correct?"
  ['bareTime', hours.bareTime], // "time?", "timings"
  ['command', commands.command], // "register me", "remind me about day 2", "cancel"
  ['smallTalk', smallTalk.smallTalk], // "thanks", "ok", "bye", "what can you do?"
  ['announcement', facts.announcement], // "who signed the circular?", "is the programme final?"
  ['clockChange', facts.clockChange], // "do the clocks change during the forum?"
  ['refuse', smallTalk.refuse], // "write me an SS7 exploit", "write me a poem"
  ['offTopic', smallTalk.offTopic], // "the weather in Nairobi tomorrow"
  ['clock', clock.clock], // "what time is it in Nairobi now?"
  ['discussion', sessions.discussion], // "is there a Q&A?"
  ['practicalDetail', facts.practicalDetail], // "is it free?", "will it be recorded?"
  ['eventStatus', clock.eventStatus], // "has it started?", "can I still join?"
  ['againstTheClock', clock.againstTheClock], // "how long until it starts?", "what did I miss?"
  ['dayCheck', clock.dayCheck], // "is that before lunch for me?", "will I have to get up early?"
  ['room', facts.room], // "what room is the SS7 session in?"
  ['countByDay', counts.countByDay], // "which day has more reports?"
  ['countListed', counts.countListed], // "how many?" after a list
  ['count', counts.count], // "how many speakers?"
  ['extremes', counts.extremes], // "which session is the longest?"
  ['acronym', facts.acronym], // "what does EACO stand for?"
  ['unknownNames', people.unknownNames], // "is Bill Gates speaking?", "anyone from Safaricom?"
  ['nowOrNext', clock.nowOrNext], // "what's on now?", "what's next?"
  ['zoneInfo', zones.zoneInfo], // "are the times in EAT?"
  ['zoneToZone', zones.zoneToZone], // "what is EAT in GMT?"
  ['edgeChecked', hours.edgeChecked], // "does the clinic end at 1pm?"
  ['zoneFollowUp', zones.zoneFollowUp], // "what about in New York?"
  ['atTime', programme.atTime], // "what's on at 10:30?", "what is 3pm EAT in London?"
  ['period', programme.period], // "what's on in the afternoon?"
  ['organisationSpeakers', people.organisationSpeakers], // "who is from EACO?"
  ['reportSessions', reports.reportSessions], // "which session is the SS7 report presented in?"
  ['talkSpeakers', people.talkSpeakers], // "who does the introduction to the security lab?"
  ['speakerAdjacent', people.speakerAdjacent], // "who speaks right after Mauree?"
  ['unstaffed', people.unstaffed], // "which session has no speaker?"
  ['speaker', people.speaker], // a speaker named: "when does Mauree speak?"
  ['reports', reports.reports], // "which reports are there?"
  ['speakerList', people.speakerList], // "who are the speakers?"
  ['eventName', facts.eventName], // "what is the clinic called?"
  ['sessionsForAudience', people.sessionsForAudience], // "which sessions are most relevant for a regulator like me?"
  ['strongFact', facts.strongFact], // "how do I register?", "who is it for?", "is it online?"
  ['eventTopic', programme.eventTopic], // "when was the security lab set up?"
  ['dayNotInProgramme', programme.dayNotInProgramme], // "will there be a day 3?", "anything tomorrow?" on the last day
  ['breaks', programme.breaks], // "when's the coffee break?"
  ['namedSession', sessions.namedSession], // a session by name, ordinal or pronoun
  ['dayHours', hours.dayHours], // "when does day 2 end?"
  ['agenda', programme.agenda], // "what's on day 1?", "the agenda"
  ['organisers', facts.organisers], // "who is organising it, is it just ITU?"
  ['organisation', people.organisation], // "what is EACO?"
  ['objectives', facts.objectives], // "what is the clinic?"
  ['weakSessionWhen', sessions.weakSessionWhen], // "when will they talk about databases?"
  ['weakFact', facts.weakFact], // "who organises it?", "what is it about?", "when is it?"
  ['anyOrganisation', people.anyOrganisation], // an organisation, whatever else was said
  ['speakerListLoose', people.speakerListLoose], // "speakers?"
  ['weakSession', sessions.weakSession], // words of a session's description
  ['zoneAgain', zones.zoneAgain], // "and in Paris?"
  ['greet', smallTalk.greet], // "hello"
];

/** What the rules decided, and which rule decided it ('none': nothing matched, a fallback). */
export interface RuleDecision {
  decision: Decision;
  rule: string;
}

export function decide(n: Normalised, r: Resolved, memory: DialogueMemory): RuleDecision {
  const q = question(n, r, memory);
  for (const [rule, decideBy] of RULES) {
    const decision = decideBy(q);
    if (decision) return { decision, rule };
  }
  return { decision: { intent: 'fallback' }, rule: 'none' };
}
