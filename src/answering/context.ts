// What every composer needs for one turn: the event, its agenda, the clock, and which zones to show.
import { DateTime } from 'luxon';
import type { Agenda, ResolvedDay, Session } from '../event/agenda.ts';
import type { EventData } from '../event/schema.ts';
import type { DialogueMemory } from '../conversation/types.ts';
import { longDate, span, type ExtraZone } from './timeFormat.ts';

export class AnswerContext {
  readonly extras: ExtraZone[] = [];

  constructor(
    readonly event: EventData,
    readonly agenda: Agenda,
    readonly now: DateTime,
    readonly memory: DialogueMemory,
    readonly userZone?: string,
    target?: { zone: string; label: string },
  ) {
    const at = agenda.startsAt;
    const sameAsEvent = (z: string) => at.setZone(z).offset === at.offset && DateTime.fromMillis(agenda.endsAt.toMillis(), { zone: z }).offset === agenda.endsAt.offset;
    if (target && target.zone !== event.timeZone) this.extras.push({ zone: target.zone, name: `in ${target.label}` });
    if (userZone && userZone !== event.timeZone && userZone !== target?.zone && !sameAsEvent(userZone)) this.extras.push({ zone: userZone, name: 'your time' });
  }

  get label() {
    return this.event.timeZoneLabel;
  }
  /** "10:20–11:50 EAT (09:20–10:50 your time, Europe/Berlin UTC+1)". */
  span(start: DateTime, end?: DateTime) {
    return span(start, end, this.label, this.extras);
  }
  sessionTime(s: Session) {
    return this.span(s.startsAt, s.endsAt);
  }
  /** "Day 1, Wed 30 March 2022". */
  dayLabel(day: ResolvedDay | number) {
    const d = typeof day === 'number' ? this.agenda.day(day)! : day;
    return this.agenda.days.length > 1 ? `Day ${d.day}, ${longDate(d.startsAt)}` : longDate(d.startsAt);
  }
  sessionWhen(s: Session) {
    return `${this.dayLabel(s.day)}, ${this.sessionTime(s)}`;
  }
  speakerNames(s: Session) {
    return this.agenda.speakersOf(s).map((x) => x.speaker.name);
  }
}
