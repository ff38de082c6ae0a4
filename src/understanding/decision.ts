// What the rules decide a question asks for (a Decision), and what they decide it from (Resolved: the
// recognisers' entities and what memory filled in). The answering side composes a reply for each Decision.
import type { Session } from '../event/agenda.ts';
import type { Report, Speaker, Topic } from '../event/schema.ts';
import type { CommandIntent } from '../conversation/types.ts';
import type { Entities } from './entities.ts';
import type { Organisation } from './organisations.ts';
import type { DayCheck, PartOfDay } from './times.ts';
import type { QuestionSlots } from './slots.ts';

/** 'status': where it stands against the clock ("how long until …?", "did I miss …?", "is … still on?"). */
export type StatusCheck = 'missed' | 'on' | 'started';
export type SessionAspect = 'when' | 'who' | 'moderator' | 'duration' | 'about' | 'reports' | 'details' | 'status';
/** 'absent': the sessions they are not in ("which sessions does Mauree NOT speak in?"). */
export type SpeakerAspect = 'profile' | 'when' | 'talks' | 'organisation' | 'title' | 'others' | 'reports' | 'member' | 'contact' | 'absent';
export type FactKind = 'dates' | 'format' | 'attend' | 'registration' | 'organisers' | 'contact' | 'page' | 'audience' | 'objectives' | 'name' | 'signatory' | 'programme-status' | 'source' | 'clock-change' | 'privacy';

/** What "how many …?" counts. */
export type CountSubject = 'speakers' | 'organisations' | 'sessions' | 'breaks' | 'reports' | 'days' | 'hours';

/** Practical details attendees ask about that an event's announcement often leaves out. */
export type DetailKind = 'fee' | 'deadline' | 'recording' | 'slides' | 'certificate' | 'language' | 'dress' | 'catering' | 'wifi' | 'parking' | 'accommodation' | 'bandwidth';

export type Decision =
  | { intent: 'greeting' | 'thanks' | 'ack' | 'help' | 'bye' | 'fallback' }
  /** Two readings were close and neither sure: "Did you mean … or …?", each reading as the question it would answer. */
  | { intent: 'clarify'; readings: string[] }
  /** A request to do something the assistant must not or cannot: write code, attack someone ("write me an SS7 exploit"). */
  | { intent: 'refuse'; harmful: boolean; sessions: Session[] }
  | { intent: 'command'; command: CommandIntent; sessions?: Session[]; day?: number; field?: string; value?: string }
  | { intent: 'timezone.set'; zone?: string; label?: string; assumed?: boolean }
  | { intent: 'timezone.info' }
  | { intent: 'timezone.convert' }
  | { intent: 'acronym'; word: string; expansion?: string }
  | { intent: 'fact'; fact: FactKind }
  | { intent: 'detail'; detail: DetailKind }
  | { intent: 'count'; what: CountSubject; day?: number; organisation?: Organisation; session?: Session; withoutOpening?: boolean }
  /** "which day has more reports?": a count per day, and which day has more (or fewer). */
  | { intent: 'count.byDay'; what: 'sessions' | 'speakers' | 'reports' | 'breaks'; fewer: boolean }
  /** `among`: the sessions of the list just shown ("which of them is the longest?" after a speaker's sessions). */
  | { intent: 'extreme'; which: 'longest' | 'shortest'; what: 'session' | 'day'; includeBreaks: boolean; day?: number; withoutOpening?: boolean; among?: string[] }
  | { intent: 'topic'; topic: Topic }
  | { intent: 'organisation'; organisation: Organisation }
  | { intent: 'agenda'; day?: number }
  | { intent: 'hours'; day?: number; edge: 'start' | 'end' | 'both' }
  | { intent: 'breaks'; day?: number; aspect: 'when' | 'duration' | 'next'; around?: { session: Session; after: boolean } }
  | { intent: 'at'; day?: number }
  /** "what time is it in Nairobi now?": the clock, in a place's zone (else the attendee's, else the event's). */
  | { intent: 'clock' }
  /** "is there a Q&A?": the sessions meant for discussion (interactive, panels, open floor), if the programme has any. */
  | { intent: 'discussion' }
  /** "what about the afternoon?": what is on in a part of a day (the day asked, else the one discussed). */
  | { intent: 'period'; period: PartOfDay; day?: number }
  /**
   * `today`: what is left of today ("anything left today?"), not only the next item; nothing left: the next day's first.
   * `over`: whether today's programme is over is what is checked ("are we done for the day?").
   */
  | { intent: 'now' | 'next' | 'earlier' | 'ending'; today?: boolean; over?: boolean }
  /**
   * "is that before lunch for me?", "will I have to get up early?": whether the sessions (none: the event's days) fall in
   * that part of the attendee's own day, by their zone.
   */
  | { intent: 'dayCheck'; check: DayCheck; sessions: Session[]; day?: number }
  /** `check`: the yes/no a status question asks ("did I miss it?", "is it still on?", "has it started?"). */
  | { intent: 'session'; sessions: Session[]; aspect: SessionAspect; speaker?: Speaker; check?: StatusCheck }
  | { intent: 'speaker'; speakers: Speaker[]; aspect: SpeakerAspect; first?: boolean; session?: Session; day?: number; nth?: number }
  | { intent: 'speakers.all'; everyDay?: boolean }
  /** "who speaks right after Mauree on day 2?": the speakers of the item next to theirs. */
  | { intent: 'speaker.adjacent'; speaker: Speaker; after: boolean; day?: number }
  /** "which session has no speaker listed?" */
  | { intent: 'sessions.unstaffed' }
  /** "I'm a regulator — which sessions are most relevant for me?": the sessions whose own words name that group. */
  | { intent: 'sessions.for'; group: string }
  /** An organisation no speaker is with ("is there anyone from Safaricom?"). */
  | { intent: 'organisation.unknown'; name: string }
  /** A person the question names who is not in the programme ("is Bill Gates speaking?"). */
  | { intent: 'speaker.unknown'; name: string }
  /** "who is from EACO?"; "the ITU person in the USSD session": only that session's. */
  | { intent: 'speakers.organisation'; organisation: Organisation; session?: Session }
  /** Reports named, a session's, a day's sessions' ("reports for day 1?"), or all of them. */
  | { intent: 'reports'; reports?: Report[]; sessions?: Session[]; day?: number }
  | { intent: 'report.sessions'; reports: Report[] };

/** A decision with the slots the question's words filled (slots.ts): all a composer reads of the question. */
export type Decided = Decision & { slots: QuestionSlots };

/** What the recognisers and memory resolved, handed to the rules. */
export interface Resolved {
  entities: Entities;
  /** Sessions by name, ordinal ("the first session") or pronoun ("it"). */
  sessions: Session[];
  /** Sessions matched only weakly (by description words): a last resort before giving up. */
  weakSessions: Session[];
  speakers: Speaker[];
  /** The person the question names is the one who signed the announcement ("who is Chaesub Lee?"). */
  signatoryNamed?: boolean;
  /** Whether `sessions` came from the words themselves (not from memory or an ordinal). */
  sessionsNamed: boolean;
  speakerFromPronoun: boolean;
  /** The sessions of the speakers named, in programme order ("remind me about Kibuuka"). */
  speakerSessions: Session[];
  /** The words name the event itself ("the clinic", "the event", its title). */
  aboutEvent: boolean;
  /** The speakers or sessions were picked from the list shown last ("the second one"). */
  fromList?: boolean;
  /** The words refer to the list shown last as a whole ("which of them …?", "among those"): the kind of its items. */
  listReference?: 'speaker' | 'session' | 'report' | 'day';
  /** "send me the link" after a question about a report: the report in memory is the one meant. */
  reportLink?: boolean;
  /** The session is the one after/before the last one discussed ("and the next one?"). */
  relative?: boolean;
  /** An audience group is named ("central banks", "regulators"). */
  audienceGroup?: boolean;
  /** An organisation named that nobody in the programme is with ("anyone from Safaricom?"). */
  unknownOrganisation?: string;
  /** The audience group's word the question used ("regulator"), when it used one. */
  audienceWord?: string;
  /** An acronym of the event's text is asked about ("what is DFS?"), with its expansion if the data gives one. */
  acronym?: { word: string; expansion?: string; explicit: boolean };
  /** A person's name asked about that matches no speaker ("who is John Smith"), as typed. */
  unknownPerson?: string;
  /** The speakers of the one talk whose own title the words name ("who gives the introduction to the lab"). */
  talkSpeakers?: Speaker[];
  /** The speakers of the talk the words name, within the one session resolved (the person discussed next turn). */
  talkNamed?: Speaker[];
}
