// The words of reminders, digests and subscription replies: pure functions of the agenda, the attendee's
// zone and the instant. Times are shown in the event's zone and, when it differs, the attendee's.
import { DateTime, IANAZone } from 'luxon';
import type { Reply } from '../conversation/types.ts';
import type { Agenda, Session } from '../event/agenda.ts';
import { followedSessions } from './schedule.ts';
import type { Registration } from '../registration/registration.ts';

const fmt = (t: DateTime, zone: string) => t.setZone(zone).toFormat('HH:mm');
const dayFmt = (t: DateTime, zone: string) => t.setZone(zone).toFormat('ccc d LLL');

/** "10:20–11:50 EAT", plus "(09:20–10:50 your time, Europe/London)" when the attendee's zone differs. */
export function timeRange(session: Session, agenda: Agenda, userZone?: string): string {
  const eventPart = `${fmt(session.startsAt, agenda.zone)}–${fmt(session.endsAt, agenda.zone)} ${agenda.event.timeZoneLabel}`;
  if (!userZone || !IANAZone.isValidZone(userZone)) return eventPart;
  const sameClock = session.startsAt.setZone(userZone).offset === session.startsAt.setZone(agenda.zone).offset;
  if (sameClock) return eventPart;
  const differentDay = dayFmt(session.startsAt, userZone) !== dayFmt(session.startsAt, agenda.zone);
  return `${eventPart} (${differentDay ? `${dayFmt(session.startsAt, userZone)} ` : ''}${fmt(session.startsAt, userZone)}–${fmt(session.endsAt, userZone)} your time, ${userZone})`;
}

export function joinLink(agenda: Agenda, joinUrl?: string): { url: string; isJoin: boolean } {
  const url = joinUrl ?? agenda.event.joinUrl;
  return url ? { url, isJoin: true } : { url: agenda.event.eventPage, isJoin: false };
}

function speakersLine(session: Session, agenda: Agenda): string | undefined {
  const people = agenda.speakersOf(session).filter((s) => s.speaker);
  if (!people.length) return undefined;
  return `Speakers: ${people.map(({ speaker, talkTitle }) => `${speaker.name}${speaker.organisation ? ` (${speaker.organisation})` : ''}${talkTitle ? ` – "${talkTitle}"` : ''}`).join('; ')}`;
}

export function reminderReply(session: Session, agenda: Agenda, opts: { now: number; userZone?: string; joinUrl?: string }): Reply {
  const minutes = Math.max(0, Math.round((session.startsAt.toMillis() - opts.now) / 60_000));
  const join = joinLink(agenda, opts.joinUrl);
  const lines = [
    `⏰ Starting ${minutes === 0 ? 'now' : `in ${minutes} minute${minutes === 1 ? '' : 's'}`}: **${session.title}**`,
    `Day ${session.day}, ${timeRange(session, agenda, opts.userZone)}`,
    speakersLine(session, agenda),
    join.isJoin ? `Join: ${join.url}` : `Joining details: ${join.url}`,
  ].filter(Boolean);
  return { text: lines.join('\n\n'), suggestions: ['Which reminders do I have?', 'Stop reminders'] };
}

export function digestReply(day: number, sessions: Session[], agenda: Agenda, opts: { userZone?: string; joinUrl?: string }): Reply {
  const join = joinLink(agenda, opts.joinUrl);
  const lines = [
    `📅 Today, day ${day} of ${agenda.event.title}: your sessions`,
    ...sessions.map((s) => `- ${timeRange(s, agenda, opts.userZone)}: ${s.title}`),
    `I'll remind you before each one. ${join.isJoin ? 'Join' : 'Joining details'}: ${join.url}`,
  ];
  return { text: lines.join('\n'), suggestions: ['Stop reminders'] };
}

export function announcementReply(text: string, agenda: Agenda): Reply {
  return { text: `📣 Announcement from the organisers of ${agenda.event.title}:\n\n${text}` };
}

export function listRemindersReply(reg: Registration, agenda: Agenda, opts: { now: number; userZone?: string; leadMinutes: number }): Reply {
  const sessions = followedSessions(reg, agenda).filter((s) => s.startsAt.toMillis() > opts.now);
  if (reg.reminders === 'none' || !sessions.length) {
    const why = reg.reminders === 'none' ? "You don't have any reminders." : "You have no reminders for sessions still to come.";
    return { text: `${why} Say "remind me about day 1" or "remind me about all sessions" to get them.`, suggestions: ['Remind me about all sessions'] };
  }
  const head =
    reg.reminders === 'all'
      ? `You get a reminder ${opts.leadMinutes} minutes before every session. Coming up:`
      : `You get a reminder ${opts.leadMinutes} minutes before these sessions:`;
  return {
    text: [head, ...sessions.map((s) => `- Day ${s.day}, ${timeRange(s, agenda, opts.userZone)}: ${s.title}`)].join('\n'),
    suggestions: ['Stop reminders'],
  };
}
