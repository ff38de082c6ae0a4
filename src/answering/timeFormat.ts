// Every time the bot shows: 24-hour, with the zone named, in the event's zone first and then in the
// zones the attendee cares about (their own, or a place they asked about). luxon does the DST maths.
import { DateTime } from 'luxon';

/** A zone to show times in besides the event's: the user's own or a place they asked about. */
export interface ExtraZone {
  zone: string;
  /** "your time" or "in Paris". */
  name: string;
}

export const hm = (dt: DateTime) => dt.toFormat('HH:mm');

/** "UTC+3", "UTC+5:30", "UTC". */
export function utcOffset(dt: DateTime): string {
  const o = dt.offset;
  if (o === 0) return 'UTC';
  const sign = o > 0 ? '+' : '-';
  const a = Math.abs(o);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

/** "Wed 30 March 2022". */
export const longDate = (dt: DateTime) => dt.setLocale('en-GB').toFormat('ccc d LLLL yyyy');
/** "Wed 30 Mar". */
export const shortDate = (dt: DateTime) => dt.setLocale('en-GB').toFormat('ccc d LLL');

/** "1 hour", "2 hours", "35 min", "90 min". */
export function duration(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} min`;
}

/** The event's zone label with a time ("10:20–11:50 EAT"), then the same span in each extra zone. */
export function span(start: DateTime, end: DateTime | undefined, eventLabel: string, extras: ExtraZone[]): string {
  const main = `${hm(start)}${end ? `–${hm(end)}` : ''} ${eventLabel}`;
  const more = extras.map((x) => {
    const s = start.setZone(x.zone);
    const e = end?.setZone(x.zone);
    const otherDay = s.toISODate() !== start.toISODate() ? ` on ${shortDate(s)}` : '';
    const fixed = /^(UTC|Etc\/)/.test(x.zone);
    return `${hm(s)}${e ? `–${hm(e)}` : ''}${otherDay} ${x.name}${fixed ? '' : `, ${x.zone} ${utcOffset(s)}`}`;
  });
  return more.length ? `${main} (${more.join('; ')})` : main;
}
