// Finds which event day a question is about: "day 2", "the second day", "31 March", "march 31st",
// "Thursday", "today"/"tomorrow" (from the clock, in the event's zone), "the last day".
import { zoned } from './zonedTime.ts';
import type { Agenda } from '../event/agenda.ts';

export interface DayMention {
  /** The event day meant, when it is one of the event's days. */
  day?: number;
  /** The calendar date meant (YYYY-MM-DD) when it is not an event day, or the day number asked for. */
  missing?: { date?: string; day?: number; label: string };
  /** Said by the clock ("today", "tomorrow"): which, for an answer that says it back. */
  relative?: 'today' | 'tomorrow' | 'yesterday';
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

// Compiled once: this runs on every turn.
const DAY_N = /\bday\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/;
const NTH_DAY = /\b(first|second|third|fourth|fifth|sixth|seventh|[1-5])\s+day\b/;
const DOM_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH_RE}\\b`);
const MONTH_DOM = new RegExp(`\\b${MONTH_RE}\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)`);
const WEEKDAY_RES = WEEKDAYS.map((w) => new RegExp(`\\b${w.slice(0, 3)}(?:${w.slice(3)})?\\b`));

export function recogniseDay(text: string, agenda: Agenda, now: Date): DayMention | undefined {
  const byNumber = (n: number, label: string): DayMention =>
    agenda.day(n) ? { day: n } : { missing: { day: n, label } };
  const byDate = (month: number, dom: number, label: string): DayMention => {
    const hit = agenda.days.find((d) => Number(d.date.slice(5, 7)) === month && Number(d.date.slice(8, 10)) === dom);
    if (hit) return { day: hit.day };
    const year = agenda.days[0].date.slice(0, 4);
    return { missing: { date: `${year}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`, label } };
  };
  let m = text.match(DAY_N);
  if (m) {
    const n = /\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
    return byNumber(n, `day ${n}`);
  }
  m = text.match(NTH_DAY);
  if (m) return byNumber(ORDINALS[m[1]], `day ${ORDINALS[m[1]]}`);
  if (/\b(last|final|closing)\s+day\b/.test(text)) return { day: agenda.days[agenda.days.length - 1].day };
  if (/\bopening\s+day\b/.test(text)) return { day: agenda.days[0].day };
  m = text.match(DOM_MONTH);
  if (m) return byDate(monthOf(m[2]), Number(m[1]), m[0]);
  m = text.match(MONTH_DOM);
  if (m) return byDate(monthOf(m[1]), Number(m[2]), m[0]);
  // "on the 31st", "on 31st": a day of the month alone, when one of the event's days falls on it ("the 2nd session" is not a date).
  m = text.match(/\b(?:(?:on )?the|on|of) (\d{1,2})(?:st|nd|rd|th)\b(?! (session|sessions|talk|talks|one|ones|speaker|speakers|day|break|item|report|presentation|slot))/);
  if (m) {
    const hits = agenda.days.filter((d) => Number(d.date.slice(8, 10)) === Number(m![1]));
    if (hits.length === 1) return { day: hits[0].day };
  }
  // "on the 31", "du 31" (French read as "on 31"): a bare day of the month, when one of the event's days falls on it and
  // no unit follows ("of 30 minutes", "the 2 sessions", "at 10 h" are not dates).
  m = text.match(/\b(?:on the|on|the|of) (\d{1,2})\b(?!\s*(?:st|nd|rd|th|h|hr|hrs|hours?|min|mins|minutes?|am|pm|a m|p m|o clock|%|[:.,h]\s*\d|session|sessions|talk|talks|one|ones|speaker|speakers|days?|breaks?|items?|reports?|presentations?|slots?|people|persons|countries|questions?)\b)/);
  if (m) {
    const hits = agenda.days.filter((d) => Number(d.date.slice(8, 10)) === Number(m![1]));
    if (hits.length === 1) return { day: hits[0].day };
  }
  m = text.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  if (m) return byDate(Number(m[2]), Number(m[3]), m[0]);
  m = text.match(/\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dm = byDate(b, a, m[0]);
    return dm.day ? dm : byDate(a, b, m[0]).day ? byDate(a, b, m[0]) : dm;
  }
  const wd = WEEKDAY_RES.findIndex((re) => re.test(text));
  if (wd >= 0) {
    const hit = agenda.days.find((d) => zoned(+d.startsAt, agenda.zone).weekday === wd + 1);
    return hit ? { day: hit.day } : { missing: { label: WEEKDAYS[wd][0].toUpperCase() + WEEKDAYS[wd].slice(1) } };
  }
  // "this afternoon" is today too
  const rel = text.match(/\b(the day after tomorrow|the day before yesterday|today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening))\b/);
  if (rel) {
    const shift = rel[1] === 'the day after tomorrow' ? 2 : rel[1] === 'the day before yesterday' ? -2 : rel[1] === 'tomorrow' ? 1 : rel[1] === 'yesterday' ? -1 : 0;
    const date = zoned(now.getTime() + shift * 86_400_000, agenda.zone).isoDate;
    const hit = agenda.dayOnDate(date);
    const relative = rel[1] === 'tomorrow' || rel[1] === 'yesterday' ? rel[1] : rel[1].startsWith('the day') ? undefined : 'today';
    return hit ? { day: hit.day, ...(relative ? { relative } : {}) } : { missing: { date, label: rel[1].startsWith('this') ? 'today' : rel[1].replace(/^the /, '') } };
  }
  return undefined;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}
