// The built-in Direct Line's memory: conversations with their activities (user messages echoed, bot replies)
// in watermark order, and the WebSockets listening to each. Bounded: a cap on conversations (the least
// recently active is dropped first), on activities kept per conversation, and idle conversations expire.
import { randomBytes } from 'node:crypto';

export type StoredActivity = Record<string, unknown> & { id: string };

export interface Listener {
  send(payload: { activities: StoredActivity[]; watermark: string }): void;
  close(code: number, reason: string): void;
}

export interface Conversation {
  id: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
  /** Watermark of the next activity: activities[i] has watermark `next - activities.length + i`. */
  next: number;
  activities: StoredActivity[];
  listeners: Set<Listener>;
  /** True once the bot has been told the user joined (conversationUpdate). */
  started: boolean;
}

export interface ConversationLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  /** A conversation with no activity for this long is forgotten. */
  idleMs: number;
}

export const defaultLimits: ConversationLimits = { maxConversations: 2000, maxActivitiesPerConversation: 500, idleMs: 60 * 60 * 1000 };

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    readonly limits: ConversationLimits = defaultLimits,
    private readonly now: () => number = Date.now,
  ) {}

  static newId(): string {
    return randomBytes(18).toString('base64url');
  }

  get size() {
    return this.conversations.size;
  }

  get(id: string): Conversation | undefined {
    const c = this.conversations.get(id);
    if (c && this.now() - c.lastActiveAt > this.limits.idleMs) {
      this.drop(c, 'expired');
      return undefined;
    }
    return c;
  }

  /** The conversation, created when the token's conversation does not exist yet. */
  open(id: string, userId: string): Conversation {
    const existing = this.get(id);
    if (existing) return existing;
    while (this.conversations.size >= this.limits.maxConversations) {
      // Map keeps insertion order and touch() re-inserts, so the first entry is the least recently active.
      const oldest = this.conversations.values().next().value as Conversation;
      this.drop(oldest, 'evicted');
    }
    const t = this.now();
    const c: Conversation = { id, userId, createdAt: t, lastActiveAt: t, next: 0, activities: [], listeners: new Set(), started: false };
    this.conversations.set(id, c);
    return c;
  }

  /** Stores an activity, gives it an id and timestamp, pushes it to open sockets; returns it. */
  append(c: Conversation, activity: Record<string, unknown>): StoredActivity {
    const watermark = c.next++;
    const stored: StoredActivity = {
      ...activity,
      id: `${c.id}|${String(watermark).padStart(7, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
    };
    c.activities.push(stored);
    if (c.activities.length > this.limits.maxActivitiesPerConversation) c.activities.splice(0, c.activities.length - this.limits.maxActivitiesPerConversation);
    this.touch(c);
    for (const l of c.listeners) {
      try {
        l.send({ activities: [stored], watermark: String(watermark) });
      } catch {
        c.listeners.delete(l);
      }
    }
    return stored;
  }

  /** Activities after a watermark (the last one the client has), and the new watermark. */
  since(c: Conversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: string | undefined } {
    const first = c.next - c.activities.length;
    const after = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) + 1 : first;
    const from = Math.max(after, first) - first;
    const activities = c.activities.slice(from);
    return { activities, watermark: c.next > 0 ? String(c.next - 1) : undefined };
  }

  find(c: Conversation, activityId: string): StoredActivity | undefined {
    return c.activities.find((a) => a.id === activityId);
  }

  touch(c: Conversation) {
    c.lastActiveAt = this.now();
    this.conversations.delete(c.id);
    this.conversations.set(c.id, c);
  }

  /** Forgets idle conversations; call periodically. */
  sweep() {
    const t = this.now();
    for (const c of [...this.conversations.values()]) if (t - c.lastActiveAt > this.limits.idleMs) this.drop(c, 'expired');
  }

  closeAll() {
    for (const c of [...this.conversations.values()]) this.drop(c, 'server stopping');
  }

  private drop(c: Conversation, reason: string) {
    this.conversations.delete(c.id);
    for (const l of c.listeners) {
      try {
        l.close(1000, reason);
      } catch {}
    }
    c.listeners.clear();
  }
}
