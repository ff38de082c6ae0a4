// Organiser announcements: stored once with the list of attendees registered at that moment, then delivered
// by the reminder dispatcher through the same claims, rate limits and retries. Status is read back from
// the delivery ledger, so it is the same whichever instance answers.
import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';
import { EMAIL_SUFFIX, type DeliveryLedger, type DeliveryRecord } from './deliveryLedger.ts';
import type { Occurrence } from './schedule.ts';

export const MAX_ANNOUNCEMENT_CHARS = 4000;
/** How long delivery of an announcement keeps being attempted. */
export const ANNOUNCEMENT_WINDOW_MS = 24 * 60 * 60_000;
const PREFIX = 'announcement:';

/** Who an announcement is for: every registered attendee, or those following one session. */
export type AnnouncementAudience = { kind: 'everyone' } | { kind: 'session'; sessionId: string; title: string };

export interface Announcement {
  id: string;
  text: string;
  /** The same announcement in French, when the organisers gave one: French-speaking attendees get it; others (and French speakers without it) get `text`. */
  textFr?: string;
  createdAt: string;
  /** Registration references of the attendees it goes to. */
  recipients: string[];
  /** Absent on announcements stored before audiences existed: everyone. */
  audience?: AnnouncementAudience;
}

/** How one channel did for one attendee. */
export interface ChannelOutcome {
  /**
   * sent; failed (for good: `reason`, and the channel's `status` code); pending (queued, retrying, or waiting for a
   * reachable chat); off (e-mail the attendee turned off); none (no chat to write to: never wrote from one the bot
   * can reach, or the chat blocked the bot: `reason`).
   */
  state: 'sent' | 'failed' | 'pending' | 'off' | 'none';
  reason?: string;
  status?: number;
}

export type Reached = 'chat' | 'email' | 'both' | 'neither' | 'pending';

export interface AnnouncementStatus {
  id: string;
  createdAt: string;
  audience: AnnouncementAudience;
  total: number;
  /** Attendees reached by at least one channel. */
  sent: number;
  /** Attendees reached by none, with nothing left to try. */
  failed: number;
  pending: number;
  /** True once nothing is pending. */
  done: boolean;
  /** Why channels failed, counted per channel delivery ("unreachable", "rejected", "no-conversation", …). */
  failures: Record<string, number>;
  /** How attendees were reached. */
  reached: Record<Reached, number>;
  /** Per channel, how many attendees' deliveries are in each state (chat and e-mail are counted apart). */
  byChannel: Record<'chat' | 'email', Record<ChannelOutcome['state'], number>>;
  /** Per attendee, by registration reference (never names or addresses). */
  attendees: { reference: string; reached: Reached; chat: ChannelOutcome; email: ChannelOutcome }[];
}

/** An announcement as the history lists it: its text and status, without the per-attendee rows. */
export type AnnouncementSummary = Omit<AnnouncementStatus, 'attendees'> & { text: string };

/** What the attendee's registration says about reaching them now (undefined: the registration is gone). */
export type Reachability = (reference: string, dueAt: number) => { chat: 'ok' | 'no-conversation' | 'blocked'; email: boolean } | undefined;

/** The text (its French version, and the session whose followers it is for, if any) if acceptable, else the reason it is not. */
export function validateAnnouncement(body: unknown): { text: string; textFr?: string; sessionId?: string } | { problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: 'Send a JSON object: {"text": "...", "textFr": "optional", "sessionId": "optional"}.' };
  const { text, textFr, sessionId } = body as Record<string, unknown>;
  if (typeof text !== 'string') return { problem: '"text" must be a string.' };
  const trimmed = text.trim();
  if (!trimmed) return { problem: '"text" must not be empty.' };
  if (trimmed.length > MAX_ANNOUNCEMENT_CHARS) return { problem: `"text" must be at most ${MAX_ANNOUNCEMENT_CHARS} characters (it has ${trimmed.length}).` };
  // The French text is optional; given, it is held to the same rules as the English.
  let french: string | undefined;
  if (textFr !== undefined && textFr !== null && textFr !== '') {
    if (typeof textFr !== 'string') return { problem: '"textFr" must be a string.' };
    french = textFr.trim() || undefined;
    if (french && french.length > MAX_ANNOUNCEMENT_CHARS) return { problem: `"textFr" must be at most ${MAX_ANNOUNCEMENT_CHARS} characters (it has ${french.length}).` };
  }
  const out = { text: trimmed, ...(french ? { textFr: french } : {}) };
  if (sessionId === undefined || sessionId === null || sessionId === '') return out;
  if (typeof sessionId !== 'string' || sessionId.length > 200) return { problem: '"sessionId" must be a session id from the programme.' };
  return { ...out, sessionId };
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

  async create(text: string, recipients: string[], now: Date, audience: AnnouncementAudience = { kind: 'everyone' }, textFr?: string): Promise<Announcement> {
    const announcement: Announcement = { id: randomUUID(), text, ...(textFr ? { textFr } : {}), createdAt: now.toISOString(), recipients, audience };
    await this.store.set(PREFIX + announcement.id, announcement);
    return announcement;
  }

  get(id: string): Promise<Announcement | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return Promise.resolve(undefined);
    return this.store.get<Announcement>(PREFIX + id);
  }

  /** Every stored announcement, newest first (the console's history). */
  async all(): Promise<Announcement[]> {
    const rows = await this.store.list<Announcement>(PREFIX);
    return rows.map((r) => r.value).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  /** Announcements still inside their delivery window. */
  async open(now: number): Promise<Announcement[]> {
    const rows = await this.store.list<Announcement>(PREFIX);
    return rows.map((r) => r.value).filter((a) => now < Date.parse(a.createdAt) + ANNOUNCEMENT_WINDOW_MS);
  }

  async status(id: string, reach: Reachability): Promise<AnnouncementStatus | undefined> {
    const a = await this.get(id);
    if (!a) return undefined;
    const records = await this.ledger.ofOccurrence(announcementOccurrence(a).id);
    const failures: Record<string, number> = {};
    const reached: Record<Reached, number> = { chat: 0, email: 0, both: 0, neither: 0, pending: 0 };
    const attendees: AnnouncementStatus['attendees'] = [];
    const noOutcomes = (): Record<ChannelOutcome['state'], number> => ({ sent: 0, failed: 0, pending: 0, off: 0, none: 0 });
    const byChannel: AnnouncementStatus['byChannel'] = { chat: noOutcomes(), email: noOutcomes() };
    const outcome = (record: DeliveryRecord | undefined, otherwise: ChannelOutcome): ChannelOutcome => {
      if (record?.state === 'sent') return { state: 'sent' };
      if (record?.state === 'failed') return { state: 'failed', reason: record.reason ?? 'unknown', ...(record.status ? { status: record.status } : {}) };
      return otherwise;
    };
    for (const reference of a.recipients) {
      const now = reach(reference, Date.parse(a.createdAt));
      const chat = outcome(
        records.get(reference),
        !now ? { state: 'none', reason: 'registration-deleted' } : now.chat === 'ok' ? { state: 'pending' } : { state: 'none', reason: now.chat },
      );
      const email = outcome(records.get(reference + EMAIL_SUFFIX), !now ? { state: 'none', reason: 'registration-deleted' } : now.email ? { state: 'pending' } : { state: 'off' });
      for (const c of [chat, email]) if (c.state === 'failed' || (c.state === 'none' && c.reason)) failures[c.reason!] = (failures[c.reason!] ?? 0) + 1;
      const how: Reached =
        chat.state === 'sent' && email.state === 'sent' ? 'both'
        : chat.state === 'pending' || email.state === 'pending' ? 'pending'
        : chat.state === 'sent' ? 'chat'
        : email.state === 'sent' ? 'email'
        : 'neither';
      reached[how]++;
      byChannel.chat[chat.state]++;
      byChannel.email[email.state]++;
      attendees.push({ reference, reached: how, chat, email });
    }
    const sent = reached.chat + reached.email + reached.both;
    return {
      id: a.id,
      createdAt: a.createdAt,
      audience: a.audience ?? { kind: 'everyone' },
      total: a.recipients.length,
      sent,
      failed: reached.neither,
      pending: reached.pending,
      done: reached.pending === 0,
      failures,
      reached,
      byChannel,
      attendees,
    };
  }

}
