// The event's lifecycle, from its data and the bot's clock: whether registration is open (it opens and closes as
// the event file says, else it is open until the event ends), whether the event is upcoming, running or over, and
// the one route attendees register by (this chat, or the external page the file names). Every answer, the dialog's
// gate and the event page read it from here, so they never disagree.
import { DateTime } from 'luxon';

/** What the lifecycle reads of an event (structural, so the schema can check a file with it). */
export interface LifecycleEvent {
  timeZone: string;
  days: { date: string; start: string; end: string }[];
  registration: { via?: 'bot' | 'page'; url?: string; opens?: string; closes?: string; deadline?: string };
}

export type RegistrationRoute = { via: 'bot' } | { via: 'page'; url: string };

/** upcoming: before the first day starts; running: from then until the last day ends; ended: after. */
export type EventPhase = 'upcoming' | 'running' | 'ended';

/** not-yet: before `opens`; open; closed: after `closes` (or the event's end, whichever is first). */
export type RegistrationState = 'not-yet' | 'open' | 'closed';

export interface Lifecycle {
  phase: EventPhase;
  registration: RegistrationState;
  route: RegistrationRoute;
  startsAt: DateTime;
  endsAt: DateTime;
  /** When registration opens, where the event file says. */
  opensAt?: DateTime;
  /** When registration closes: the file's deadline, else the event's end. */
  closesAt: DateTime;
  /** Whether `closesAt` is a deadline the event file gives (rather than the event's end). */
  deadlineGiven: boolean;
}

/** The route every answer gives: the bot's own dialog unless the file names an external page. */
export function registrationRoute(event: LifecycleEvent): RegistrationRoute {
  const r = event.registration;
  return r.via === 'page' && r.url ? { via: 'page', url: r.url } : { via: 'bot' };
}

function eventSpan(event: LifecycleEvent): { startsAt: DateTime; endsAt: DateTime } {
  const zone = event.timeZone;
  const first = event.days[0];
  const last = event.days[event.days.length - 1];
  return { startsAt: DateTime.fromISO(`${first.date}T${first.start}`, { zone }), endsAt: DateTime.fromISO(`${last.date}T${last.end}`, { zone }) };
}

/** A date (its start, or its end for a closing) or a local date-time, in the event's zone. */
function instant(value: string, zone: string, edge: 'start' | 'end'): DateTime {
  const t = DateTime.fromISO(value, { zone });
  return value.includes('T') ? t : edge === 'start' ? t.startOf('day') : t.endOf('day');
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The date an announced deadline names ("Registration closes on 26 March 2027."), as YYYY-MM-DD, for a file that
 * states its deadline only as the announcement's words; `registration.closes` wins over it.
 */
export function dateInText(text: string | undefined): string | undefined {
  const m = text?.match(/\b(\d{1,2}) (january|february|march|april|may|june|july|august|september|october|november|december) (\d{4})\b/i);
  if (!m) return undefined;
  const d = DateTime.fromObject({ year: +m[3], month: MONTHS.indexOf(m[2].toLowerCase()) + 1, day: +m[1] });
  return d.isValid ? d.toISODate()! : undefined;
}

/** The registration window as instants: it never stays open after the event has ended. */
export function registrationWindow(event: LifecycleEvent): { opensAt?: DateTime; closesAt: DateTime; deadlineGiven: boolean } {
  const { endsAt } = eventSpan(event);
  const r = event.registration;
  const opensAt = r.opens ? instant(r.opens, event.timeZone, 'start') : undefined;
  const closes = r.closes ?? dateInText(r.deadline);
  const deadline = closes ? instant(closes, event.timeZone, 'end') : undefined;
  const given = deadline !== undefined && deadline < endsAt;
  return { opensAt, closesAt: given ? deadline : endsAt, deadlineGiven: given };
}

/** Where the event and its registration stand at `now` (epoch millis or a Date). */
export function lifecycleAt(event: LifecycleEvent, now: number | Date): Lifecycle {
  const t = +now;
  const { startsAt, endsAt } = eventSpan(event);
  const { opensAt, closesAt, deadlineGiven } = registrationWindow(event);
  const phase: EventPhase = t >= +endsAt ? 'ended' : t >= +startsAt ? 'running' : 'upcoming';
  const registration: RegistrationState = t >= +closesAt ? 'closed' : opensAt && t < +opensAt ? 'not-yet' : 'open';
  return { phase, registration, route: registrationRoute(event), startsAt, endsAt, opensAt, closesAt, deadlineGiven };
}

/** Whether the bot's own registration dialog may start now: the file routes registration through the bot, and it is open. */
export function botRegistersNow(lc: Lifecycle): boolean {
  return lc.route.via === 'bot' && lc.registration === 'open';
}

/** Whether joining details may be offered: not once the event is over. */
export function joinDetailsOffered(lc: Lifecycle): boolean {
  return lc.phase !== 'ended';
}

/** Problems with a file's registration window, for the schema (paths under the event). */
export function registrationWindowProblems(event: LifecycleEvent): { path: (string | number)[]; message: string }[] {
  const r = event.registration;
  if (!event.days.length || !DateTime.fromISO(event.days[0].date).isValid) return [];
  const { endsAt } = eventSpan(event);
  const out: { path: (string | number)[]; message: string }[] = [];
  const opens = r.opens && DateTime.fromISO(r.opens).isValid ? instant(r.opens, event.timeZone, 'start') : undefined;
  const closes = r.closes && DateTime.fromISO(r.closes).isValid ? instant(r.closes, event.timeZone, 'end') : undefined;
  if (opens && closes && opens >= closes) out.push({ path: ['registration', 'closes'], message: 'must be after registration opens' });
  if (opens && opens >= endsAt) out.push({ path: ['registration', 'opens'], message: 'must be before the event ends' });
  // A date closes at its end: the last day itself is fine (registration then closes when the event ends).
  if (closes && DateTime.fromISO(r.closes!, { zone: event.timeZone }) > endsAt) out.push({ path: ['registration', 'closes'], message: 'must not be after the event ends' });
  return out;
}
