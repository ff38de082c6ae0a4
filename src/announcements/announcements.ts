// Organiser announcements: stored once with the list of attendees registered at that moment, then delivered
// by the reminder dispatcher through the same claims, rate limits and retries. Status is read back from
// the delivery ledger, so it is the same whichever instance answers.
import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';
import type { DeliveryLedger } from '../reminders/deliveryLedger.ts';
import type { Occurrence } from '../reminders/schedule.ts';

export const MAX_ANNOUNCEMENT_CHARS = 4000;
/** How long delivery of an announcement keeps being attempted. */
export const ANNOUNCEMENT_WINDOW_MS = 24 * 60 * 60_000;
const PREFIX = 'announcement:';

/** Who an announcement is for: every registered attendee, or those following one session. */
export type AnnouncementAudience = { kind: 'everyone' } | { kind: 'session'; sessionId: string; title: string };

export interface Announcement {
  id: string;
  text: string;
  createdAt: string;
  /** Registration references of the attendees it goes to. */
  recipients: string[];
  /** Absent on announcements stored before audiences existed: everyone. */
  audience?: AnnouncementAudience;
}

export interface AnnouncementStatus {
  id: string;
  createdAt: string;
  audience: AnnouncementAudience;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  /** True once nothing is pending. */
  done: boolean;
  failures: Record<string, number>;
}

/** The text (and the session whose followers it is for, if any) if acceptable, else the reason it is not. */
export function validateAnnouncement(body: unknown): { text: string; sessionId?: string } | { problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: 'Send a JSON object: {"text": "...", "sessionId": "optional"}.' };
  const { text, sessionId } = body as Record<string, unknown>;
  if (typeof text !== 'string') return { problem: '"text" must be a string.' };
  const trimmed = text.trim();
  if (!trimmed) return { problem: '"text" must not be empty.' };
  if (trimmed.length > MAX_ANNOUNCEMENT_CHARS) return { problem: `"text" must be at most ${MAX_ANNOUNCEMENT_CHARS} characters (it has ${trimmed.length}).` };
  if (sessionId === undefined || sessionId === null || sessionId === '') return { text: trimmed };
  if (typeof sessionId !== 'string' || sessionId.length > 200) return { problem: '"sessionId" must be a session id from the programme.' };
  return { text: trimmed, sessionId };
}

export const announcementOccurrence = (a: Announcement): Occurrence => {
  const at = Date.parse(a.createdAt);
  return { id: `announcement:${a.id}`, kind: 'announcement', announcementId: a.id, dueAt: at, closesAt: at + ANNOUNCEMENT_WINDOW_MS };
};

export class AnnouncementStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly ledger: DeliveryLedger,
  ) {}

  async create(text: string, recipients: string[], now: Date, audience: AnnouncementAudience = { kind: 'everyone' }): Promise<Announcement> {
    const announcement: Announcement = { id: randomUUID(), text, createdAt: now.toISOString(), recipients, audience };
    await this.store.set(PREFIX + announcement.id, announcement);
    return announcement;
  }

  get(id: string): Promise<Announcement | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return Promise.resolve(undefined);
    return this.store.get<Announcement>(PREFIX + id);
  }

  /** Announcements still inside their delivery window. */
  async open(now: number): Promise<Announcement[]> {
    const rows = await this.store.list<Announcement>(PREFIX);
    return rows.map((r) => r.value).filter((a) => now < Date.parse(a.createdAt) + ANNOUNCEMENT_WINDOW_MS);
  }

  async status(id: string): Promise<AnnouncementStatus | undefined> {
    const a = await this.get(id);
    if (!a) return undefined;
    const records = await this.ledger.ofOccurrence(announcementOccurrence(a).id);
    let sent = 0;
    let failed = 0;
    const failures: Record<string, number> = {};
    for (const attendee of a.recipients) {
      const r = records.get(attendee);
      if (r?.state === 'sent') sent++;
      else if (r?.state === 'failed') {
        failed++;
        const reason = r.reason ?? 'unknown';
        failures[reason] = (failures[reason] ?? 0) + 1;
      }
    }
    const pending = a.recipients.length - sent - failed;
    return { id: a.id, createdAt: a.createdAt, audience: a.audience ?? { kind: 'everyone' }, total: a.recipients.length, sent, failed, pending, done: pending === 0, failures };
  }
}
