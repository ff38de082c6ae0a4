// The registrations at a glance, for the organisers' console: totals by country, by stakeholder category and
// by day of registration (the date in the event's zone, which is how organisers count their days).
import { DateTime } from 'luxon';
import type { Registration } from '../registration/registration.ts';

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface RegistrationsSummary {
  total: number;
  /** Attendees who get at least one reminder. */
  withReminders: number;
  byCountry: Count[];
  byCategory: Count[];
  /** Oldest day first (a time series); the others largest first. */
  byDay: Count[];
}

function tally(items: { key: string; label: string }[]): Count[] {
  const counts = new Map<string, Count>();
  for (const { key, label } of items) {
    const c = counts.get(key) ?? { key, label, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()];
}

const largestFirst = (a: Count, b: Count) => b.count - a.count || a.label.localeCompare(b.label);

export function summariseRegistrations(regs: Registration[], timeZone: string): RegistrationsSummary {
  const day = (r: Registration) => DateTime.fromISO(r.createdAt, { zone: timeZone }).toISODate() ?? r.createdAt.slice(0, 10);
  return {
    total: regs.length,
    withReminders: regs.filter((r) => r.reminders === 'all' || (r.reminders === 'choose' && r.followedSessionIds.length > 0)).length,
    byCountry: tally(regs.map((r) => ({ key: r.country.code, label: r.country.name }))).sort(largestFirst),
    byCategory: tally(regs.map((r) => ({ key: r.category, label: r.category }))).sort(largestFirst),
    byDay: tally(regs.map((r) => ({ key: day(r), label: day(r) }))).sort((a, b) => a.key.localeCompare(b.key)),
  };
}
