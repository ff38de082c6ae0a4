// What is due when: pure functions of the agenda, the registrations and the lead time. No clocks, no I/O.
// Every due time is an instant computed from the event's local times in the event's IANA zone (see
// event/agenda.ts), so DST changes in the event zone are handled by luxon, not here.
import type { Agenda, Session } from '../event/agenda.ts';
import type { Registration } from '../registration/registration.ts';

export type OccurrenceKind = 'reminder' | 'digest' | 'announcement';

/** One thing to deliver to a set of attendees: a session reminder, a day's digest or an announcement. */
export interface Occurrence {
  /** Stable id, part of every delivery key. Includes the start instant: a moved session is a new reminder. */
  id: string;
  kind: OccurrenceKind;
  /** UTC millis: delivery starts at dueAt and is only attempted before closesAt (the session's start). */
  dueAt: number;
  closesAt: number;
  sessionId?: string;
  day?: number;
  announcementId?: string;
}

export interface ScheduleOptions {
  leadMinutes: number;
  /** Minutes before a day's first session that its digest goes out; 0 disables digests. */
  digestLeadMinutes: number;
}

/** Sessions that get reminders: everything but breaks. */
export const remindable = (s: Session) => s.kind !== 'break';

/** Every reminder and digest the agenda implies, sorted by due time. */
export function occurrences(agenda: Agenda, options: ScheduleOptions): Occurrence[] {
  const out: Occurrence[] = [];
  for (const s of agenda.sessions.filter(remindable)) {
    const startsAt = s.startsAt.toMillis();
    out.push({
      id: `reminder:${s.id}:${startsAt}`,
      kind: 'reminder',
      sessionId: s.id,
      dueAt: s.startsAt.minus({ minutes: options.leadMinutes }).toMillis(),
      closesAt: startsAt,
    });
  }
  if (options.digestLeadMinutes > 0) {
    for (const d of agenda.days) {
      const first = d.sessions.find(remindable);
      if (!first) continue;
      const startsAt = first.startsAt.toMillis();
      // The digest goes before the day's first reminder, so it never arrives after it.
      const lead = Math.max(options.digestLeadMinutes, options.leadMinutes + 1);
      out.push({ id: `digest:${d.day}:${startsAt}`, kind: 'digest', day: d.day, dueAt: startsAt - lead * 60_000, closesAt: startsAt });
    }
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

/** Occurrences whose window [dueAt, closesAt) contains `now`: what may be delivered now. */
export function openAt(all: Occurrence[], now: number): Occurrence[] {
  return all.filter((o) => o.dueAt <= now && now < o.closesAt);
}

/** The next instant after `now` at which an occurrence falls due (undefined when none is left). */
export function nextDueAfter(all: Occurrence[], now: number): number | undefined {
  let next: number | undefined;
  for (const o of all) if (o.dueAt > now && (next === undefined || o.dueAt < next)) next = o.dueAt;
  return next;
}

/** The sessions a registration follows for reminders. */
export function followedSessions(reg: Pick<Registration, 'reminders' | 'followedSessionIds'>, agenda: Agenda): Session[] {
  if (reg.reminders === 'none') return [];
  if (reg.reminders === 'all') return agenda.sessions.filter(remindable);
  const ids = new Set(reg.followedSessionIds ?? []);
  return agenda.sessions.filter((s) => remindable(s) && ids.has(s.id));
}

export function follows(reg: Pick<Registration, 'reminders' | 'followedSessionIds'>, session: Session): boolean {
  if (!remindable(session) || reg.reminders === 'none') return false;
  return reg.reminders === 'all' || (reg.followedSessionIds ?? []).includes(session.id);
}

/** Who receives an occurrence. Announcements go to every registered attendee. */
export function recipientsOf(occurrence: Occurrence, registrations: Registration[], agenda: Agenda): Registration[] {
  if (occurrence.kind === 'announcement') return registrations;
  if (occurrence.kind === 'reminder') {
    const session = agenda.session(occurrence.sessionId!);
    return session ? registrations.filter((r) => follows(r, session)) : [];
  }
  const day = agenda.day(occurrence.day!);
  if (!day) return [];
  return registrations.filter((r) => day.sessions.some((s) => follows(r, s)));
}
