// Decides what a question asks for, from its words and the entities found in it. Rules run in order,
// most specific first; each names a KIND of question (never a sentence), so new wordings of the same
// kind land in the same place.
// The rules live in ./rules/, one file per concept; `decide` below lists them in the order they run,
// earlier rules winning. The types of what is decided are in ./decision.ts.
import type { DialogueMemory } from '../conversation/types.ts';
import type { Normalised } from './normalise.ts';
import type { Decision, Resolved } from './decision.ts';
import { question } from './rules/question.ts';
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

export function decide(n: Normalised, r: Resolved, memory: DialogueMemory): Decision {
  const q = question(n, r, memory);
  return (
    zones.zoneSet(q) ?? //                    "I'm joining from Nairobi", "set my time zone to EAT"
    hours.eachDay(q) ?? //                    "how long does each day last?"
    facts.datesChecked(q) ?? //               "the clinic is 30-31 Mar, correct?"
    hours.bareTime(q) ?? //                   "time?", "timings"
    commands.command(q) ?? //                 "register me", "remind me about day 2", "cancel"
    smallTalk.smallTalk(q) ?? //              "thanks", "ok", "bye", "what can you do?"
    facts.announcement(q) ?? //               "who signed the circular?", "is the programme final?"
    facts.clockChange(q) ?? //                "do the clocks change during the forum?"
    smallTalk.refuse(q) ?? //                 "write me an SS7 exploit", "write me a poem"
    smallTalk.offTopic(q) ?? //               "the weather in Nairobi tomorrow"
    clock.clock(q) ?? //                      "what time is it in Nairobi now?"
    sessions.discussion(q) ?? //              "is there a Q&A?"
    facts.practicalDetail(q) ?? //                     "is it free?", "will it be recorded?"
    clock.eventStatus(q) ?? //                "has it started?", "can I still join?"
    clock.againstTheClock(q) ?? //            "how long until it starts?", "what did I miss?"
    facts.room(q) ?? //                       "what room is the SS7 session in?"
    counts.countByDay(q) ?? //                "which day has more reports?"
    counts.countListed(q) ?? //               "how many?" after a list
    counts.count(q) ?? //                     "how many speakers?"
    counts.extremes(q) ?? //                   "which session is the longest?"
    facts.acronym(q) ?? //                    "what does EACO stand for?"
    people.unknownNames(q) ?? //              "is Bill Gates speaking?", "anyone from Safaricom?"
    clock.nowOrNext(q) ?? //                  "what's on now?", "what's next?"
    zones.zoneInfo(q) ?? //                   "are the times in EAT?"
    zones.zoneToZone(q) ?? //                 "what is EAT in GMT?"
    hours.edgeChecked(q) ?? //                "does the clinic end at 1pm?"
    zones.zoneFollowUp(q) ?? //               "what about in New York?"
    programme.atTime(q) ?? //                 "what's on at 10:30?", "what is 3pm EAT in London?"
    programme.period(q) ?? //                 "what's on in the afternoon?"
    people.organisationSpeakers(q) ?? //      "who is from EACO?"
    reports.reportSessions(q) ?? //           "which session is the SS7 report presented in?"
    people.talkSpeakers(q) ?? //              "who does the introduction to the security lab?"
    people.speakerAdjacent(q) ?? //           "who speaks right after Mauree?"
    people.unstaffed(q) ?? //                 "which session has no speaker?"
    people.speaker(q) ?? //                   a speaker named: "when does Mauree speak?"
    reports.reports(q) ?? //                  "which reports are there?"
    people.speakerList(q) ?? //               "who are the speakers?"
    facts.eventName(q) ?? //                  "what is the clinic called?"
    people.sessionsForAudience(q) ?? //       "which sessions are most relevant for a regulator like me?"
    facts.strongFact(q) ?? //                 "how do I register?", "who is it for?", "is it online?"
    programme.eventTopic(q) ?? //                  "when was the security lab set up?"
    programme.dayNotInProgramme(q) ?? //      "will there be a day 3?", "anything tomorrow?" on the last day
    programme.breaks(q) ?? //                 "when's the coffee break?"
    sessions.namedSession(q) ?? //            a session by name, ordinal or pronoun
    hours.dayHours(q) ?? //                   "when does day 2 end?"
    programme.agenda(q) ?? //                 "what's on day 1?", "the agenda"
    facts.organisers(q) ?? //                 "who is organising it, is it just ITU?"
    people.organisation(q) ?? //              "what is EACO?"
    facts.objectives(q) ?? //                 "what is the clinic?"
    sessions.weakSessionWhen(q) ?? //         "when will they talk about databases?"
    facts.weakFact(q) ?? //                   "who organises it?", "what is it about?", "when is it?"
    people.anyOrganisation(q) ?? //           an organisation, whatever else was said
    people.speakerListLoose(q) ?? //          "speakers?"
    sessions.weakSession(q) ?? //             words of a session's description
    zones.zoneAgain(q) ?? //                  "and in Paris?"
    smallTalk.greet(q) ?? //                  "hello"
    { intent: 'fallback' }
  );
}
