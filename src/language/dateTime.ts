// Clock times and dates as each language writes them: "10:20" and "Wed 30 March 2022" in English; "10 h 20" and
// "mercredi 30 mars 2022" in French (day and month names from luxon's setLocale). Memoised like zonedTime: the bot
// shows the same few instants over and over.
import { DateTime } from 'luxon';
import type { Language } from './languages.ts';

export interface LocalWallClock {
  /** "10:20" / "10 h 20", "10 h" */
  hm: string;
  /** "Wed 30 Mar" / "mer. 30 mars" */
  shortDate: string;
  /** "Wed 30 March 2022" / "mercredi 30 mars 2022" */
  longDate: string;
  /** "Wednesday" / "mercredi" */
  weekday: string;
}

const cache = new Map<string, LocalWallClock>();

export function wallClock(ms: number, zone: string, language: Language): LocalWallClock {
  const key = `${language}|${zone}|${ms}`;
  let v = cache.get(key);
  if (!v) {
    const dt = DateTime.fromMillis(ms, { zone }).setLocale(language === 'fr' ? 'fr' : 'en-GB');
    v =
      language === 'fr'
        ? { hm: frenchTime(dt.hour, dt.minute), shortDate: dt.toFormat('ccc d LLL'), longDate: dt.toFormat('cccc d LLLL yyyy'), weekday: dt.toFormat('cccc') }
        : { hm: dt.toFormat('HH:mm'), shortDate: dt.toFormat('ccc d LLL'), longDate: dt.toFormat('ccc d LLLL yyyy'), weekday: dt.toFormat('cccc') };
    if (cache.size >= 20000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

/** "10 h 20", "10 h" (a no-break space inside, so a time never breaks across lines). */
export function frenchTime(hour: number, minute: number): string {
  return `${hour}\u00a0h${minute ? `\u00a0${String(minute).padStart(2, '0')}` : ''}`;
}

/** "1 hour", "90 min" / "1 heure", "1 h 30", "35 min". */
export function durationIn(language: Language, minutes: number): string {
  if (language !== 'fr') return minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} min`;
  if (minutes < 60) return `${minutes}\u00a0min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? frenchTime(h, m) : `${h}\u00a0heure${h > 1 ? 's' : ''}`;
}

/** "in 5 min", "in 1 h 30" as French writes them: "dans 5 min", "dans 1 h 30", "dans 3 jours". */
export function fromNowIn(language: Language, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `dans ${minutes}\u00a0min`;
  if (minutes < 48 * 60) return `dans ${frenchTime(Math.floor(minutes / 60), minutes % 60)}`;
  return `dans ${Math.round(minutes / (24 * 60))}\u00a0jours`;
}
