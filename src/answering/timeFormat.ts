// Every time the bot shows: 24-hour, with the zone named, in the event's zone first and then in the
// zones the attendee cares about (their own, or a place they asked about). Instants are epoch millis;
// the zone maths (DST included) is luxon's, memoised in zonedTime.
import { offsetLabel, zoned } from '../understanding/zonedTime.ts';
import { wallClock } from '../language/dateTime.ts';
import { say } from '../language/messages.ts';
import type { Language } from '../language/languages.ts';

/** A zone to show times in besides the event's: the user's own or a place they asked about. */
export interface ExtraZone {
  zone: string;
  /** "your time" or "in Paris". */
  name: string;
}

/** "1 hour", "2 hours", "35 min", "90 min". */
export function duration(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} min`;
}

/** "10:20–11:50 EAT (09:20–10:50 your time, Europe/Berlin UTC+2)". */
export function span(start: number, end: number | undefined, eventZone: string, eventLabel: string, extras: ExtraZone[], language: Language = 'en'): string {
  if (language !== 'en') return spanIn(language, start, end, eventZone, eventLabel, extras);
  const s0 = zoned(start, eventZone);
  const main = `${s0.hm}${end !== undefined ? `–${zoned(end, eventZone).hm}` : ''} ${eventLabel}`;
  const more = extras.map((x) => {
    const s = zoned(start, x.zone);
    const otherDay = s.isoDate !== s0.isoDate ? ` on ${s.shortDate}` : '';
    const fixed = /^(UTC|Etc\/)/.test(x.zone);
    return `${s.hm}${end !== undefined ? `–${zoned(end, x.zone).hm}` : ''}${otherDay} ${x.name}${fixed ? '' : `, ${x.zone} ${offsetLabel(s.offset)}`}`;
  });
  return more.length ? `${main} (${more.join('; ')})` : main;
}

/** span() in another language: "10 h 20–11 h 50 EAT (9 h 20–10 h 50 votre heure, Europe/Paris UTC+2)". */
function spanIn(language: Language, start: number, end: number | undefined, eventZone: string, eventLabel: string, extras: ExtraZone[]): string {
  const at = (ms: number, zone: string) => wallClock(ms, zone, language).hm;
  const s0 = zoned(start, eventZone);
  const main = `${at(start, eventZone)}${end !== undefined ? `–${at(end, eventZone)}` : ''} ${eventLabel}`;
  const more = extras.map((x) => {
    const s = zoned(start, x.zone);
    const otherDay = s.isoDate !== s0.isoDate ? say(language, 'time.onDate', { date: wallClock(start, x.zone, language).shortDate }) : '';
    const fixed = /^(UTC|Etc\/)/.test(x.zone);
    return `${at(start, x.zone)}${end !== undefined ? `–${at(end, x.zone)}` : ''}${otherDay} ${x.name}${fixed ? '' : `, ${x.zone} ${offsetLabel(s.offset)}`}`;
  });
  return more.length ? `${main} (${more.join(say(language, 'word.semicolon'))})` : main;
}

/** "in 5 min", "in 2 hours", "in 1 hour 30 min", "in 3 days": how far off an instant is, for countdowns. */
export function fromNowLabel(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `in ${h} hour${h === 1 ? '' : 's'}${m ? ` ${m} min` : ''}`;
  }
  return `in ${Math.round(minutes / (24 * 60))} days`;
}

/** The reply's 24-hour times as 12-hour ones ("13:00" → "1:00 PM"), for an attendee who asked for that. */
export function twelveHour(text: string): string {
  return text.replace(/\b([01]\d|2[0-3]):([0-5]\d)\b/g, (_, h: string, m: string) => {
    const hour = Number(h);
    return `${hour % 12 === 0 ? 12 : hour % 12}:${m} ${hour < 12 ? 'AM' : 'PM'}`;
  });
}
