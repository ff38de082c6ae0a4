// Wall-clock facts about an instant in a zone, memoised. luxon's zone maths goes through Intl, whose
// objects make garbage collection slow; the bot shows the same few instants (session starts and
// ends) in the same few zones over and over, so each pair is computed once.
import { DateTime, IANAZone } from 'luxon';

export interface Zoned {
  /** "10:20" */
  hm: string;
  /** "2022-03-30" */
  isoDate: string;
  /** Minutes east of UTC. */
  offset: number;
  /** "Wed 30 Mar" */
  shortDate: string;
  /** "Wed 30 March 2022" */
  longDate: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const MAX = 20000;

/** A bounded memo of a pure function of one string: cleared when full, since keys may come from clients. */
function memoised<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

const zonedByKey = memoised((key): Zoned => {
  const bar = key.indexOf('|');
  const dt = DateTime.fromMillis(Number(key.slice(bar + 1)), { zone: key.slice(0, bar), locale: 'en-GB' });
  return { hm: dt.toFormat('HH:mm'), isoDate: dt.toISODate()!, offset: dt.offset, shortDate: dt.toFormat('ccc d LLL'), longDate: dt.toFormat('ccc d LLLL yyyy'), weekday: dt.weekday };
}, MAX);

export function zoned(ms: number, zone: string): Zoned {
  return zonedByKey(`${zone}|${ms}`);
}

/** Whether luxon accepts the zone (IANA name or fixed offset such as "UTC+2"), memoised. */
export const isZone = memoised((zone) => IANAZone.isValidZone(zone) || DateTime.fromMillis(0, { zone }).isValid, MAX);

/**
 * luxon's IANAZone.isValidZone, memoised: each call builds an Intl.DateTimeFormat (~0.1 ms), and the bot
 * checks the channel's zone on every turn. Bounded, since the zone name comes from the client.
 */
export const isIanaZone = memoised((zone) => IANAZone.isValidZone(zone), 1000);

/** "UTC+3", "UTC+5:30", "UTC". */
export function offsetLabel(offset: number): string {
  if (offset === 0) return 'UTC';
  const a = Math.abs(offset);
  return `UTC${offset > 0 ? '+' : '-'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}
