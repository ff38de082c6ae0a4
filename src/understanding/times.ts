// Finds a clock time in a question: "11:30", "10am", "10.30", "half past ten", "quarter to twelve",
// "noon", "at 11". Returns minutes after midnight; the zone it is meant in is decided by the caller.
export interface TimeMention {
  minutes: number;
  /** Character offset just after the time in the text, to see what follows ("EAT", "my time"). */
  end: number;
}

const WORD_HOURS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const hourOf = (h: string) => (/\d/.test(h) ? Number(h) : WORD_HOURS[h]);
const HOUR = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

function withMeridiem(h: number, mer: string | undefined, bare: boolean): number {
  if (mer?.startsWith('p') && h < 12) return h + 12;
  if (mer?.startsWith('a') && h === 12) return 0;
  // "at 1" at an event means 13:00, not 01:00 in the night.
  if (!mer && bare && h >= 1 && h <= 7) return h + 12;
  return h;
}

export function recogniseTime(lower: string): TimeMention | undefined {
  // ("GMT+5:30" is an offset, not a time)
  let m = lower.match(/(?<!(?:utc|gmt)\s*[+-]\s*)\b(\d{1,2})[:.h](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?/);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) {
    return { minutes: withMeridiem(Number(m[1]), m[3], false) * 60 + Number(m[2]), end: m.index! + m[0].length };
  }
  m = lower.match(new RegExp(`\\b(half|quarter)\\s+(past|to)\\s+${HOUR}\\b\\s*(am|pm)?`));
  if (m) {
    const h = withMeridiem(hourOf(m[3]), m[4], true);
    const delta = m[1] === 'half' ? 30 : 15;
    return { minutes: h * 60 + (m[2] === 'past' ? delta : -delta), end: m.index! + m[0].length };
  }
  m = lower.match(/\b(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.|o'?clock)(?![a-z])/);
  if (m && Number(m[1]) <= 12) {
    const mer = m[2].includes('clock') ? undefined : m[2];
    return { minutes: withMeridiem(Number(m[1]), mer, !mer) * 60, end: m.index! + m[0].length };
  }
  m = lower.match(/\b(noon|midday|midnight)\b/);
  if (m) return { minutes: m[1] === 'midnight' ? 0 : 12 * 60, end: m.index! + m[0].length };
  m = lower.match(/\b(?:at|around|by|from)\s+(\d{1,2})\b(?![:.\/]|\s*(?:st|nd|rd|th|march|april|may|june|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|day|min|hour))/);
  if (m && Number(m[1]) <= 23) return { minutes: withMeridiem(Number(m[1]), undefined, true) * 60, end: m.index! + m[0].length };
  return undefined;
}

/** A part of the day ("in the afternoon", "tomorrow morning"): minutes after midnight, from inclusive, to exclusive. */
export interface PartOfDay {
  name: 'morning' | 'afternoon' | 'evening';
  from: number;
  to: number;
}

const PARTS: Record<string, PartOfDay> = {
  morning: { name: 'morning', from: 5 * 60, to: 12 * 60 },
  afternoon: { name: 'afternoon', from: 12 * 60, to: 17 * 60 },
  evening: { name: 'evening', from: 17 * 60, to: 22 * 60 },
  tonight: { name: 'evening', from: 17 * 60, to: 22 * 60 },
};

/** "what about the afternoon?", "anything this evening?" — not a greeting ("good morning"). */
export function recognisePartOfDay(lower: string): PartOfDay | undefined {
  const m = lower.match(/(?<!\bgood )\b(morning|afternoon|evening|tonight)s?\b/);
  return m ? PARTS[m[1]] : undefined;
}

/**
 * Where in someone's day a time is asked to fall: "is that before lunch for me?", "in the morning for me?", "will I
 * have to get up early?", "do I have to stay up late?", "during office hours?". Checked against the attendee's own
 * clock (their zone), so "before lunch" is their lunch.
 */
export type DayCheck = 'morning' | 'afternoon' | 'evening' | 'night' | 'beforeNoon' | 'afterNoon' | 'lunch' | 'early' | 'late' | 'workHours' | 'afterWork';

const DAY_CHECKS: [RegExp, DayCheck][] = [
  [/\bbefore (the |my )?(lunch|lunchtime|noon|midday)\b/, 'beforeNoon'],
  [/\b(after|past) (the |my )?(lunch|lunchtime|noon|midday)\b/, 'afterNoon'],
  [/\b(clash|clashes|conflict|conflicts|overlap|overlaps|interfere|interferes) with (my |the )?lunch\b|\b(during|over|at) (my |the )?lunch( ?time| hour| break)?\b/, 'lunch'],
  [/\bafter (work|office|my work ?day|the work ?day|hours)\b|\boutside (my )?(working|work|office|business) hours\b/, 'afterWork'],
  [/\b(get|getting|wake|waking|be|being) up early\b|\bearly (start|riser|morning|wake up)\b|\b(too |very |really |that |so )?early (for me|for us|here|where i am)\b|\b(get|wake) up (at dawn|before dawn|very early)\b/, 'early'],
  [/\b(stay|staying|be|being|sit|sitting) up (late|all night)\b|\b(too |very |really |that |so )?late (for me|for us|here|where i am|at night|in the (day|evening))\b|\blate night\b/, 'late'],
  [/\b(middle of the night|at night|in the night|overnight|night time|nighttime)\b/, 'night'],
  [/\b(working|work|office|business) hours\b|\b(during|in) (my |the )?(work ?day|working day)\b/, 'workHours'],
  [/(?<!\bgood )\bmorning\b/, 'morning'],
  [/(?<!\bgood )\bafternoon\b/, 'afternoon'],
  [/(?<!\bgood )\b(evening|tonight)\b/, 'evening'],
];

export function recogniseDayCheck(text: string): DayCheck | undefined {
  return DAY_CHECKS.find(([re]) => re.test(text))?.[1];
}
