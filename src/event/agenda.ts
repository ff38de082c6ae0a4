// The programme resolved to real instants. Built once per event file; every time the bot shows or
// schedules is computed from here, in UTC, with the event's IANA zone (luxon handles DST).
import { DateTime } from 'luxon';
import type { EventData, EventDay, ProgrammeItem, Report, Speaker } from './schema.ts';

export interface Session extends ProgrammeItem {
  /** Start and end as instants (UTC millis inside luxon). */
  startsAt: DateTime;
  endsAt: DateTime;
  date: string;
  durationMinutes: number;
}

export interface ResolvedDay extends EventDay {
  startsAt: DateTime;
  endsAt: DateTime;
  sessions: Session[];
}

export class Agenda {
  readonly sessions: Session[];
  readonly days: ResolvedDay[];
  private readonly speakersById: Map<string, Speaker>;
  private readonly reportsById: Map<string, Report>;
  private readonly sessionsById: Map<string, Session>;

  constructor(readonly event: EventData) {
    const zone = event.timeZone;
    const dateOf = new Map(event.days.map((d) => [d.day, d.date]));
    const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone });
    this.sessions = event.programme
      .map((p) => {
        const date = dateOf.get(p.day)!;
        const startsAt = at(date, p.start);
        const endsAt = at(date, p.end);
        return { ...p, date, startsAt, endsAt, durationMinutes: Math.round(endsAt.diff(startsAt, 'minutes').minutes) };
      })
      .sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis());
    this.days = event.days.map((d) => ({
      ...d,
      startsAt: at(d.date, d.start),
      endsAt: at(d.date, d.end),
      sessions: this.sessions.filter((s) => s.day === d.day),
    }));
    this.speakersById = new Map(event.speakers.map((s) => [s.id, s]));
    this.reportsById = new Map(event.reports.map((r) => [r.id, r]));
    this.sessionsById = new Map(this.sessions.map((s) => [s.id, s]));
  }

  get zone() {
    return this.event.timeZone;
  }
  get startsAt() {
    return this.days[0].startsAt;
  }
  get endsAt() {
    return this.days[this.days.length - 1].endsAt;
  }

  session(id: string) {
    return this.sessionsById.get(id);
  }
  speaker(id: string) {
    return this.speakersById.get(id);
  }
  report(id: string) {
    return this.reportsById.get(id);
  }
  day(n: number) {
    return this.days.find((d) => d.day === n);
  }
  dayOnDate(isoDate: string) {
    return this.days.find((d) => d.date === isoDate);
  }

  speakersOf(session: Session): { speaker: Speaker; talkTitle?: string }[] {
    return session.speakers.map((s) => ({ speaker: this.speakersById.get(s.speakerId)!, talkTitle: s.talkTitle }));
  }
  reportsOf(session: Session): Report[] {
    return session.reports.map((r) => this.reportsById.get(r)!);
  }
  sessionsOfSpeaker(speakerId: string): Session[] {
    return this.sessions.filter((s) => s.speakers.some((x) => x.speakerId === speakerId));
  }
  sessionsWithReport(reportId: string): Session[] {
    return this.sessions.filter((s) => s.reports.includes(reportId));
  }

  /** Sessions running at an instant (start inclusive, end exclusive). */
  sessionsAt(instant: DateTime): Session[] {
    const t = instant.toMillis();
    return this.sessions.filter((s) => s.startsAt.toMillis() <= t && t < s.endsAt.toMillis());
  }
  /** The first session starting strictly after an instant. */
  nextSessionAfter(instant: DateTime, includeBreaks = false): Session | undefined {
    const t = instant.toMillis();
    return this.sessions.find((s) => s.startsAt.toMillis() > t && (includeBreaks || s.kind !== 'break'));
  }
}
