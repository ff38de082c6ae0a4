// The words of reminders, digests and subscription replies: pure functions of the agenda, the attendee's
// zone, the instant and the attendee's language (Registration.language). Times are shown in the event's zone and,
// when it differs, the attendee's; in French as French writes them ("10 h 20", "mer. 30 mars").
import { IANAZone } from 'luxon';
import type { Reply } from '../conversation/types.ts';
import type { Agenda, Session } from '../event/agenda.ts';
import { wallClock } from '../language/dateTime.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';
import { followedSessions } from './schedule.ts';
import type { Registration } from '../registration/registration.ts';

const hm = (ms: number, zone: string, language: Language) => wallClock(ms, zone, language).hm;
const day = (ms: number, zone: string, language: Language) => wallClock(ms, zone, language).shortDate;

/** "10:20–11:50 EAT", plus "(09:20–10:50 your time, Europe/London)" when the attendee's zone differs; "10 h 20–11 h 50 EAT" in French. */
export function timeRange(session: Session, agenda: Agenda, userZone?: string, language: Language = DEFAULT_LANGUAGE): string {
  const start = session.startsAt.toMillis();
  const end = session.endsAt.toMillis();
  const eventPart = `${hm(start, agenda.zone, language)}–${hm(end, agenda.zone, language)} ${agenda.event.timeZoneLabel}`;
  if (!userZone || !IANAZone.isValidZone(userZone)) return eventPart;
  const sameClock = session.startsAt.setZone(userZone).offset === session.startsAt.setZone(agenda.zone).offset;
  if (sameClock) return eventPart;
  const differentDay = day(start, userZone, language) !== day(start, agenda.zone, language);
  const yours = `${differentDay ? `${day(start, userZone, language)} ` : ''}${hm(start, userZone, language)}–${hm(end, userZone, language)}`;
  return say(language, 'rem.yourTime', { event: eventPart, yours, zone: userZone });
}

/** A session's title in `language`: the organisers' translation in the event file, else as published. */
export function sessionTitle(session: Session, agenda: Agenda, language: Language = DEFAULT_LANGUAGE): string {
  if (language === DEFAULT_LANGUAGE) return session.title;
  return agenda.event.translations?.[language]?.programme?.[session.id]?.title ?? session.title;
}

/** The event's title in `language` (its translation, else as published). */
export function eventTitle(agenda: Agenda, language: Language = DEFAULT_LANGUAGE): string {
  return (language === DEFAULT_LANGUAGE ? undefined : agenda.event.translations?.[language]?.title) ?? agenda.event.title;
}

export function joinLink(agenda: Agenda, joinUrl?: string): { url: string; isJoin: boolean } {
  const url = joinUrl ?? agenda.event.joinUrl;
  return url ? { url, isJoin: true } : { url: agenda.event.eventPage, isJoin: false };
}

function speakersLine(session: Session, agenda: Agenda, language: Language): string | undefined {
  const people = agenda.speakersOf(session).filter((s) => s.speaker);
  if (!people.length) return undefined;
  const one = ({ speaker, talkTitle }: (typeof people)[number]) =>
    `${speaker!.name}${speaker!.organisation ? ` (${speaker!.organisation})` : ''}${talkTitle ? ` – ${say(language, 'rem.talk', { talk: talkTitle })}` : ''}`;
  return say(language, 'rem.speakers', { list: people.map(one).join('; ') });
}

const joinLine = (agenda: Agenda, joinUrl: string | undefined, language: Language) => {
  const join = joinLink(agenda, joinUrl);
  return say(language, join.isJoin ? 'rem.join' : 'rem.joiningDetails', { url: join.url });
};

export function reminderReply(session: Session, agenda: Agenda, opts: { now: number; userZone?: string; joinUrl?: string; language?: Language }): Reply {
  const language = opts.language ?? DEFAULT_LANGUAGE;
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  const minutes = Math.max(0, Math.round((session.startsAt.toMillis() - opts.now) / 60_000));
  const title = sessionTitle(session, agenda, language);
  const lines = [
    minutes === 0 ? s('rem.startingNow', { title }) : s(minutes === 1 ? 'rem.startingIn.one' : 'rem.startingIn.many', { n: minutes, title }),
    s('rem.dayLine', { day: session.day, range: timeRange(session, agenda, opts.userZone, language) }),
    speakersLine(session, agenda, language),
    joinLine(agenda, opts.joinUrl, language),
  ].filter(Boolean);
  return { text: lines.join('\n\n'), suggestions: [s('rem.s.which'), s('rem.s.stop')] };
}

export function digestReply(dayNumber: number, sessions: Session[], agenda: Agenda, opts: { userZone?: string; joinUrl?: string; language?: Language }): Reply {
  const language = opts.language ?? DEFAULT_LANGUAGE;
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  const lines = [
    s('rem.digest.head', { day: dayNumber, title: eventTitle(agenda, language) }),
    ...sessions.map((x) => s('rem.item', { range: timeRange(x, agenda, opts.userZone, language), title: sessionTitle(x, agenda, language) })),
    s('rem.digest.tail', { join: joinLine(agenda, opts.joinUrl, language) }),
  ];
  return { text: lines.join('\n'), suggestions: [s('rem.s.stop')] };
}

/** The organisers' text under the bot's heading, in the language the text is written in. */
export function announcementReply(text: string, agenda: Agenda, language: Language = DEFAULT_LANGUAGE): Reply {
  return { text: `${say(language, 'rem.announcement', { title: eventTitle(agenda, language) })}\n\n${text}` };
}

export function listRemindersReply(reg: Registration, agenda: Agenda, opts: { now: number; userZone?: string; leadMinutes: number; language?: Language }): Reply {
  const language = opts.language ?? DEFAULT_LANGUAGE;
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  const sessions = followedSessions(reg, agenda).filter((x) => x.startsAt.toMillis() > opts.now);
  if (reg.reminders === 'none' || !sessions.length) {
    const why = reg.reminders === 'none' ? s('rem.list.none') : s('rem.list.noneLeft');
    return { text: s('rem.list.empty', { why }), suggestions: [s('rem.s.all')] };
  }
  const head = reg.reminders === 'all' ? s('rem.list.all', { n: opts.leadMinutes }) : s('rem.list.these', { n: opts.leadMinutes });
  return {
    text: [head, ...sessions.map((x) => s('rem.listItem', { day: x.day, range: timeRange(x, agenda, opts.userZone, language), title: sessionTitle(x, agenda, language) }))].join('\n'),
    suggestions: [s('rem.s.stop')],
  };
}
