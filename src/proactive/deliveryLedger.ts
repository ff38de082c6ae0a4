// The record that makes each delivery happen once: one key per (occurrence, attendee), e.g.
// "delivery:reminder:<sessionId>:<startMillis>:<registrationRef>".
//
//   absent ──claim (atomic SET-if-absent with a TTL: the lease)──► sending ──send ok──► sent (no expiry)
//                                                                   │  └──403/404/4xx──► failed (no expiry)
//                                                                   └── crash / retries exhausted: the lease
//                                                                       expires and the next scan claims it again
//
// The claim uses the backend's own atomic operation (conditional SQL on SQLite, Lua on Redis) via
// KeyValueStore.claim, so two processes on one store never both win. The one window left is a crash after
// the channel accepted a message and before "sent" is written: that message is sent again (at-least-once).
import type { KeyValueStore } from '../storage/keyValueStore.ts';

export type DeliveryState = 'sending' | 'sent' | 'failed';

export interface DeliveryRecord {
  state: DeliveryState;
  owner?: string;
  attempts?: number;
  at: string;
  reason?: string;
  status?: number;
}

export const DELIVERY_PREFIX = 'delivery:';
export const deliveryKey = (occurrenceId: string, attendee: string) => `${DELIVERY_PREFIX}${occurrenceId}:${attendee}`;
/** The same delivery by e-mail: its own record, so each channel gets the item exactly once. */
export const EMAIL_SUFFIX = ':email';
export const emailDeliveryKey = (occurrenceId: string, attendee: string) => deliveryKey(occurrenceId, attendee) + EMAIL_SUFFIX;

export class DeliveryLedger {
  constructor(
    private readonly store: KeyValueStore,
    readonly owner: string,
    readonly leaseMs: number,
  ) {}

  /** True when this process now holds the lease for `key`. */
  claim(key: string, at: Date, attempts = 1): Promise<boolean> {
    return this.store.claim<DeliveryRecord>(key, { state: 'sending', owner: this.owner, attempts, at: at.toISOString() }, this.leaseMs);
  }

  /** Extends our lease (before a retry); false if the lease was lost to someone else or is finished. */
  async renew(key: string, at: Date, attempts: number, leaseMs = this.leaseMs): Promise<boolean> {
    let ours = false;
    await this.store.update<DeliveryRecord>(
      key,
      (current) => {
        ours = current?.state === 'sending' && current.owner === this.owner;
        return ours ? { ...current!, attempts, at: at.toISOString() } : undefined;
      },
      leaseMs,
    );
    return ours;
  }

  markSent(key: string, at: Date, attempts: number): Promise<void> {
    return this.store.set<DeliveryRecord>(key, { state: 'sent', at: at.toISOString(), attempts });
  }

  /** Gives the claim back at once, so the next scan may try again (nothing was sent). */
  async release(key: string): Promise<void> {
    await this.store.delete(key);
  }

  markFailed(key: string, at: Date, reason: string, status?: number, attempts?: number): Promise<void> {
    return this.store.set<DeliveryRecord>(key, { state: 'failed', at: at.toISOString(), reason, status, attempts });
  }

  get(key: string) {
    return this.store.get<DeliveryRecord>(key);
  }

  /** Every record of one occurrence, keyed by attendee. */
  async ofOccurrence(occurrenceId: string): Promise<Map<string, DeliveryRecord>> {
    const prefix = `${DELIVERY_PREFIX}${occurrenceId}:`;
    const rows = await this.store.list<DeliveryRecord>(prefix);
    return new Map(rows.map((r) => [r.key.slice(prefix.length), r.value]));
  }

  /** Every record whose occurrence id starts with `occurrencePrefix` ("reminder:"), by occurrence, then attendee. One scan. */
  async byOccurrence(occurrencePrefix: string): Promise<Map<string, Map<string, DeliveryRecord>>> {
    const rows = await this.store.list<DeliveryRecord>(DELIVERY_PREFIX + occurrencePrefix);
    const out = new Map<string, Map<string, DeliveryRecord>>();
    for (const { key, value } of rows) {
      // Attendees are registration references (no colon), so the occurrence id is everything before the last one.
      const rest = key.slice(DELIVERY_PREFIX.length);
      const cut = rest.lastIndexOf(':');
      const occurrenceId = rest.slice(0, cut);
      if (!out.has(occurrenceId)) out.set(occurrenceId, new Map());
      out.get(occurrenceId)!.set(rest.slice(cut + 1), value);
    }
    return out;
  }
}
