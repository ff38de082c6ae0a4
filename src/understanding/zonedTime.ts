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
const cache = new Map<string, Zoned>();

export function zoned(ms: number, zone: string): Zoned {
  const key = `${zone}|${ms}`;
  let z = cache.get(key);
  if (!z) {
    const dt = DateTime.fromMillis(ms, { zone, locale: 'en-GB' });
    z = { hm: dt.toFormat('HH:mm'), isoDate: dt.toISODate()!, offset: dt.offset, shortDate: dt.toFormat('ccc d LLL'), longDate: dt.toFormat('ccc d LLLL yyyy'), weekday: dt.weekday };
    if (cache.size >= MAX) cache.clear();
    cache.set(key, z);
  }
  return z;
}

const validity = new Map<string, boolean>();
/** Whether luxon accepts the zone (IANA name or fixed offset such as "UTC+2"), memoised. */
export function isZone(zone: string): boolean {
  let ok = validity.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone) || DateTime.fromMillis(0, { zone }).isValid;
    if (validity.size >= MAX) validity.clear();
    validity.set(zone, ok);
  }
  return ok;
}

const ianaValidity = new Map<string, boolean>();
/**
 * luxon's IANAZone.isValidZone, memoised: each call builds an Intl.DateTimeFormat (~0.1 ms), and the bot
 * checks the channel's zone on every turn. Bounded, since the zone name comes from the client.
 */
export function isIanaZone(zone: string): boolean {
  let ok = ianaValidity.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    if (ianaValidity.size >= 1000) ianaValidity.clear();
    ianaValidity.set(zone, ok);
  }
  return ok;
}

/** "UTC+3", "UTC+5:30", "UTC". */
export function offsetLabel(offset: number): string {
  if (offset === 0) return 'UTC';
  const a = Math.abs(offset);
  return `UTC${offset > 0 ? '+' : '-'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}
