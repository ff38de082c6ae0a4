// Channel-neutral shapes shared by the understanding/answering engine and the bot edge.
// No botbuilder types here: the edge turns a Reply into an Activity (src/render/ decides text, card, actions).
import type { ReplyContent } from './content.ts';
import type { Language } from '../language/languages.ts';

/** What the bot says back, before any channel formatting. */
export interface Reply {
  /** The whole answer as plain text (light markdown allowed). The first line carries the answer itself. */
  text: string;
  /**
   * The structured part of the answer (agenda, list, profile, summary). Channels that render cards get `lead`
   * and a card made from it; the others get `lead` and the same content as markdown text. Never both.
   */
  content?: ReplyContent;
  /** With `content`: the one line said before it (the answer itself). Defaults to the first line of `text`. */
  lead?: string;
  /** Likely next questions, shown as suggested actions (imBack). */
  suggestions?: string[];
}

/** What one conversation remembers between turns so that follow-ups ("when does he speak?") resolve. */
export interface DialogueMemory {
  speakerId?: string;
  sessionId?: string;
  day?: number;
  reportId?: string;
  topicId?: string;
  /**
   * The items of the last list shown ("who is from X?", an agenda, the days), so "the second one" resolves; `day`:
   * the day the list was drawn from, kept by "which of them is the longest?".
   */
  listed?: { kind: 'speaker' | 'session' | 'report' | 'day'; ids: string[]; day?: number };
  /** The person just discussed is not a speaker but the one who signed the announcement ("his title?" is theirs). */
  person?: 'signatory';
  /** The last place a time was asked in ("… in London?"), so "and when does it end there?" resolves. */
  place?: { zone: string; label: string };
  /** The last clock time asked about ("at 11:30"), so "and at the same time on day 2?" resolves. */
  time?: { minutes: number; zone: string; zoneLabel?: string };
  /** The last question answered (at most 200 characters), so "sorry, I meant day 2" can ask it again corrected. */
  lastQuestion?: string;
  /**
   * What the last question answered asked (its intent id: "session.when", "speaker.title", "reports", "fact.source")
   * and the day it was asked for: the frame a terse follow-up changes one slot of ("how long?", "which department?",
   * "link?", "and on the 31st?").
   */
  last?: { intent: string; day?: number };
}

/** Things only the bot edge can do (dialogs, stores); the engine recognises them, the router acts. */
export type CommandIntent =
  | 'register'
  | 'join'
  | 'registration-status'
  | 'update-registration'
  | 'cancel-registration'
  | 'remind'
  | 'stop-reminders'
  | 'list-reminders'
  /** Reminders and announcements by e-mail too (field 'on') or not (field 'off'). */
  | 'email-reminders'
  | 'calendar'
  | 'cancel';

export interface TurnInput {
  text: string;
  /** The instant the bot's clock says it is. */
  now: Date;
  memory: DialogueMemory;
  /** The attendee's IANA zone: remembered from an earlier "I'm in Lagos", else activity.localTimezone. */
  userTimeZone?: string;
  /** The language to answer in (src/language: detected, asked for, remembered, or the channel's locale). */
  language?: Language;
}

export interface Understood {
  /** A question answered from the event data, or a command for the router. */
  reply?: Reply;
  command?: { intent: CommandIntent; sessionIds?: string[]; day?: number; field?: string; value?: string };
  intent: string;
  memory: DialogueMemory;
  /** Set when the attendee told us their zone ("I'm in Lagos", "set my time zone to UTC"). */
  rememberTimeZone?: string;
  /** False for small talk and fallbacks: lets a running dialog decide whether the text was an answer to its prompt. */
  isEventQuestion: boolean;
  /** With a command: the answers to the message's other questions ("who is it for, and how do I join?"), to send first. */
  preface?: Reply;
  /** How the question was understood, for logs and the organisers' console: ids and scores, never the text. */
  understanding?: UnderstandingTrace;
}

export interface UnderstandingTrace {
  /** The intent id decided ("session.when", "fact.dates", "clarify"). */
  intent: string;
  /** The classifier's score for that intent (0–1). */
  score: number;
  /** Whether the reading was uncertain (a low score, or two close readings: the bot asked which was meant). */
  lowConfidence: boolean;
  /** What decided it: a rule's id ("rule:namedSession") or the model's ("linear-en-<hash>"). */
  source: string;
}
