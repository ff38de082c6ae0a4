// What the organisers' console shows about reminders: per session, who follows it and how its reminder went,
// read from the delivery ledger (the same records that make each delivery happen once), so every instance
// reports the same figures.
import type { Registration } from '../registration/registration.ts';
import type { DeliveryLedger } from './deliveryLedger.ts';
import { follows, nextDueAfter, type Occurrence } from './schedule.ts';
import type { Agenda } from '../event/agenda.ts';

export type ReminderState = 'scheduled' | 'sending' | 'closed';

export interface SessionReminderReport {
  sessionId: string;
  title: string;
  day: number;
  startsAt: string;
  /** When its reminder falls due. */
  dueAt: string;
  /** scheduled: not yet due; sending: due and before the session starts; closed: the session has started. */
  state: ReminderState;
  followers: number;
  sent: number;
  failed: number;
  /** Failure reasons (e.g. "blocked (403)") and how many attendees each. */
  failures: Record<string, number>;
  /** Followers not reached yet while the reminder can still go out. */
  pending: number;
  /** Followers never reached before the session started (e.g. no conversation to write to). */
  missed: number;
}

export interface RemindersReport {
  leadMinutes: number;
  /** The next time anything (a reminder or a day's digest) falls due, if anything is left. */
  nextDueAt?: string;
  sessions: SessionReminderReport[];
}

export async function reminderReport(input: { agenda: Agenda; occurrences: readonly Occurrence[]; ledger: DeliveryLedger; registrations: Registration[]; now: number; leadMinutes: number }): Promise<RemindersReport> {
  const { agenda, occurrences, ledger, registrations, now } = input;
  const records = await ledger.byOccurrence('reminder:');
  const sessions: SessionReminderReport[] = [];
  for (const o of occurrences) {
    if (o.kind !== 'reminder') continue;
    const session = agenda.session(o.sessionId!);
    if (!session) continue;
    const followers = registrations.filter((r) => follows(r, session));
    const ofThis = records.get(o.id) ?? new Map();
    let sent = 0;
    let failed = 0;
    const failures: Record<string, number> = {};
    for (const r of ofThis.values()) {
      if (r.state === 'sent') sent++;
      else if (r.state === 'failed') {
        failed++;
        const reason = r.reason ?? 'unknown';
        failures[reason] = (failures[reason] ?? 0) + 1;
      }
    }
    const unreached = followers.filter((f) => {
      const r = ofThis.get(f.reference);
      return !r || r.state === 'sending';
    }).length;
    const state: ReminderState = now >= o.closesAt ? 'closed' : now >= o.dueAt ? 'sending' : 'scheduled';
    sessions.push({
      sessionId: session.id,
      title: session.title,
      day: session.day,
      startsAt: new Date(o.closesAt).toISOString(),
      dueAt: new Date(o.dueAt).toISOString(),
      state,
      followers: followers.length,
      sent,
      failed,
      failures,
      pending: state === 'closed' ? 0 : unreached,
      missed: state === 'closed' ? unreached : 0,
    });
  }
  const next = nextDueAfter([...occurrences], now);
  return { leadMinutes: input.leadMinutes, nextDueAt: next === undefined ? undefined : new Date(next).toISOString(), sessions };
}
