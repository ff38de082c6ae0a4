// The built-in Direct Line's conversations, kept in the bot's store (SQLite or Redis), so a restart or another
// instance serves the same conversation: what the bot sent while the client was away (replies, reminders,
// announcements) waits there under its watermark. One entry per conversation holds its last activities; every
// change is an atomic read-modify-write, so watermarks stay in order whichever instance appends. A conversation
// with no activity for `idleMs` expires with its entry (a TTL); a browser's latest conversation is remembered for
// its user, so a reload resumes it.
import { randomBytes } from 'node:crypto';
import { newestWithinBudget } from './activityLimits.ts';
import type { KeyValueStore } from '../../storage/keyValueStore.ts';

export type StoredActivity = Record<string, unknown> & { id: string };

export interface Conversation {
  id: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
  /** Watermark of the next activity: activities[i] has watermark `next - activities.length + i`. */
  next: number;
  activities: StoredActivity[];
  /** True once the bot has been told the user joined (conversationUpdate). */
  started: boolean;
}

export interface ConversationLimits {
  /** Activities kept per conversation (the oldest go first): the history a reload shows and a reconnect catches up on. */
  maxActivitiesPerConversation: number;
  /** A conversation with no activity for this long is forgotten. */
  idleMs: number;
}

export const defaultLimits: ConversationLimits = { maxActivitiesPerConversation: 100, idleMs: 14 * 24 * 60 * 60 * 1000 };

const CONVERSATION = 'directline:conversation:';
const USER = 'directline:user:';
/** A read (poll, socket message) extends the conversation's life at most this often: a write per poll would cost more than the poll. */
const TOUCH_EVERY_MS = 60_000;

export class ConversationStore {
  constructor(
    private readonly store: KeyValueStore,
    readonly limits: ConversationLimits = defaultLimits,
    private readonly now: () => number = Date.now,
  ) {}

  static newId(): string {
    return randomBytes(18).toString('base64url');
  }

  get(id: string): Promise<Conversation | undefined> {
    return this.store.get<Conversation>(CONVERSATION + id);
  }

  /** The conversation, created when the token's conversation does not exist yet; `created` for the one caller that made it. */
  async open(id: string, userId: string): Promise<{ conversation: Conversation; created: boolean }> {
    let created = false;
    const t = this.now();
    const conversation = (await this.store.update<Conversation>(
      CONVERSATION + id,
      (current) => {
        created = !current;
        return current ? undefined : { id, userId, createdAt: t, lastActiveAt: t, next: 0, activities: [], started: false };
      },
      this.limits.idleMs,
    ))!;
    await this.store.set(USER + userId, id, this.limits.idleMs);
    return { conversation, created };
  }

  /** Marks the conversation started; true for the one caller (of any instance) that should greet the user. */
  async markStarted(id: string): Promise<boolean> {
    let won = false;
    await this.store.update<Conversation>(
      CONVERSATION + id,
      (current) => {
        won = Boolean(current && !current.started);
        return won ? { ...current!, started: true } : undefined;
      },
      this.limits.idleMs,
    );
    return won;
  }

  /**
   * Stores an activity under the next watermark, with an id and timestamp; undefined when the conversation has
   * ended. `keepId` delivers an update of an earlier activity: a new watermark carrying the original id.
   */
  async append(id: string, activity: Record<string, unknown>, keepId?: string): Promise<StoredActivity | undefined> {
    let stored: StoredActivity | undefined;
    await this.store.update<Conversation>(
      CONVERSATION + id,
      (current) => {
        if (!current) return (stored = undefined);
        const t = this.now();
        const watermark = current.next;
        stored = { ...activity, id: keepId ?? activityId(id, watermark), timestamp: new Date(t).toISOString() };
        // The newest activities within the conversation's byte budget (issue 19 finding 4), at most the count cap.
        const activities = newestWithinBudget([...current.activities, stored], this.limits.maxActivitiesPerConversation);
        return { ...current, next: watermark + 1, activities, lastActiveAt: t };
      },
      this.limits.idleMs,
    );
    return stored;
  }

  /** Activities after a watermark (the last one the client has), and the new watermark. */
  since(c: Conversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: string | undefined } {
    const first = c.next - c.activities.length;
    const after = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) + 1 : first;
    const from = Math.max(after, first) - first;
    return { activities: c.activities.slice(from), watermark: c.next > 0 ? String(c.next - 1) : undefined };
  }

  find(c: Conversation, activityId: string): StoredActivity | undefined {
    return c.activities.find((a) => a.id === activityId);
  }

  /** Keeps a conversation someone is reading alive (at most one write a minute). */
  async touch(c: Conversation): Promise<void> {
    const t = this.now();
    if (t - c.lastActiveAt < TOUCH_EVERY_MS) return;
    c.lastActiveAt = t;
    await this.store.update<Conversation>(CONVERSATION + c.id, (current) => (current ? { ...current, lastActiveAt: t } : undefined), this.limits.idleMs);
  }

  /** The browser user's latest conversation, while it lasts (a reload resumes it). */
  async latestOf(userId: string): Promise<string | undefined> {
    const id = await this.store.get<string>(USER + userId);
    return id && (await this.get(id)) ? id : undefined;
  }

  /** Drops a conversation and its activities (evicted to make room, see capacity.ts). */
  async remove(id: string): Promise<void> {
    await this.store.delete(CONVERSATION + id);
  }

  /** Forgets which conversation is the user's ("Sign out of this browser"); the conversation itself expires. */
  async forgetUser(userId: string): Promise<void> {
    await this.store.delete(USER + userId);
  }
}

export const activityId = (conversationId: string, watermark: number) => `${conversationId}|${String(watermark).padStart(7, '0')}`;
