// Where each user can be reached proactively: the latest conversation reference per channel identity
// ("<channelId>:<userId>") and the user's time zone. Written on every turn, but only when something changed
// (a small in-process cache of what was last written keeps the hot path to zero storage writes).
// Plain data only: the bot edge converts to and from botbuilder's ConversationReference.
import type { KeyValueStore } from '../storage/keyValueStore.ts';

/** The parts of a Bot Framework ConversationReference needed to continue a conversation later. */
export interface StoredReference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  user: { id: string; aadObjectId?: string };
  bot: { id: string; name?: string };
  locale?: string;
}

export interface ReferenceRecord {
  reference: StoredReference;
  timeZone?: string;
  updatedAt: string;
  /** The user's last turn, to within a day (refreshed at most daily): idle identities are forgotten after a while. */
  seenAt?: string;
  /** Set when the channel answered 403/404 (blocked, uninstalled): nothing is sent until the user writes again. */
  stale?: { at: string; status: number };
}

export const REFERENCE_PREFIX = 'convref:';

const CACHE_MAX = 50_000;
const CACHE_TTL_MS = 10 * 60_000;
/** How stale a record's seenAt may get before a turn refreshes it: one write per user per day at most. */
const SEEN_REFRESH_MS = 24 * 60 * 60_000;

/** When the identity last wrote to the bot (to within a day). */
export const lastSeen = (record: ReferenceRecord) => Date.parse(record.seenAt ?? record.updatedAt);

const fingerprint = (reference: StoredReference, timeZone: string | undefined) => JSON.stringify([reference, timeZone ?? null]);

export class ReferenceStore {
  /** identity -> fingerprint last known to be stored (and when we checked). */
  private readonly written = new Map<string, { fp: string; at: number }>();
  /** Counts for tests and the bench: how many turns caused a write. */
  writes = 0;

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps the latest reference; writes only when it (or the zone, or a stale mark) changed. */
  async remember(identity: string, reference: StoredReference, timeZone: string | undefined, at = new Date()): Promise<boolean> {
    const fp = fingerprint(reference, timeZone);
    const cached = this.written.get(identity);
    if (cached && cached.fp === fp && this.now() - cached.at < CACHE_TTL_MS) return false;
    const current = await this.store.get<ReferenceRecord>(REFERENCE_PREFIX + identity);
    if (current && !current.stale && fingerprint(current.reference, current.timeZone) === fp) {
      this.cache(identity, fp);
      if (at.getTime() - lastSeen(current) < SEEN_REFRESH_MS) return false;
      await this.store.set<ReferenceRecord>(REFERENCE_PREFIX + identity, { ...current, seenAt: at.toISOString() });
      return false;
    }
    await this.store.set<ReferenceRecord>(REFERENCE_PREFIX + identity, { reference, timeZone, updatedAt: at.toISOString(), seenAt: at.toISOString() });
    this.writes++;
    this.cache(identity, fp);
    return true;
  }

  get(identity: string): Promise<ReferenceRecord | undefined> {
    return this.store.get<ReferenceRecord>(REFERENCE_PREFIX + identity);
  }

  /** Every stored reference by identity: one scan, for building a delivery batch. */
  async all(): Promise<Map<string, ReferenceRecord>> {
    const rows = await this.store.list<ReferenceRecord>(REFERENCE_PREFIX);
    return new Map(rows.map((r) => [r.key.slice(REFERENCE_PREFIX.length), r.value]));
  }

  /** Forgets an identity's reference (its registration was deleted). */
  async forget(identity: string): Promise<void> {
    this.written.delete(identity);
    await this.store.delete(REFERENCE_PREFIX + identity);
  }

  /** The channel refused (403/404): stop sending to this identity until it writes to the bot again. */
  async markStale(identity: string, status: number, at = new Date()): Promise<void> {
    this.written.delete(identity);
    await this.store.update<ReferenceRecord>(REFERENCE_PREFIX + identity, (current) =>
      current && !current.stale ? { ...current, stale: { at: at.toISOString(), status } } : undefined,
    );
  }

  private cache(identity: string, fp: string) {
    if (this.written.size >= CACHE_MAX) {
      // Drop the oldest tenth: Map iterates in insertion order.
      let n = Math.ceil(CACHE_MAX / 10);
      for (const key of this.written.keys()) {
        this.written.delete(key);
        if (--n === 0) break;
      }
    }
    this.written.delete(identity);
    this.written.set(identity, { fp, at: this.now() });
  }
}

/** Of a registration's identities, the reference to use: the most recently updated one that is not stale. */
export function bestReference(identities: string[], refs: Map<string, ReferenceRecord>): { identity: string; record: ReferenceRecord } | undefined {
  let best: { identity: string; record: ReferenceRecord } | undefined;
  for (const identity of identities) {
    const record = refs.get(identity);
    if (!record || record.stale) continue;
    if (!best || record.updatedAt > best.record.updatedAt) best = { identity, record };
  }
  return best;
}
