// How many conversations the built-in Direct Line holds (issue 19 finding 8): a flood of new conversations must
// never push out an attendee who is using the chat. One store entry (so every instance on a shared Redis sees the
// same list) maps each conversation to when a client last showed it was there: a message, a poll, a resume, or a
// WebSocket open on it (its keep-alive reports every tick). A new conversation takes a free place, else the place
// of the conversation idle longest, if idle at least EVICTABLE_AFTER_MS; when every place is held by an active
// conversation, the new one is refused and nobody is evicted.
//
// Reports and admissions are batched into one read-modify-write of that entry at a time per process, at most one
// every WRITE_GAP_MS: a flood of requests becomes two writes a second instead of a pile of conflicting ones (the
// list is ~90 KB at 2,000 conversations; rewritten per request, the flood filled SQLite's WAL with hundreds of MB,
// and the checkpoints that flush it stall every turn). A new conversation waits at most that long for its place.
import type { KeyValueStore } from '../../storage/keyValueStore.ts';

export const EVICTABLE_AFTER_MS = 15 * 60_000;
/** A conversation's activity is written to the list at most this often (the 15-minute rule needs no finer grain). */
const REPORT_EVERY_MS = 60_000;
const INDEX = 'directline:capacity';
const WRITE_GAP_MS = 500;

/** Conversation id → last activity (ms since the epoch). */
type Index = Record<string, number>;

interface Admission {
  id: string;
  resolve: (admitted: boolean) => void;
  reject: (err: unknown) => void;
}

export class ConversationCapacity {
  private pendingSeen = new Map<string, number>();
  private pendingAdmits: Admission[] = [];
  private draining?: Promise<void>;
  /** When this process last reported each conversation (to report at most once a minute). */
  private readonly reported = new Map<string, number>();
  /**
   * Found full of active conversations: none can become evictable before this instant (every later change, here or
   * on another instance, only adds newer entries or makes them newer), so until then a new one is refused without
   * reading the list: a flood against a full chat costs no store work.
   */
  private fullUntil = -Infinity;
  private lastWrite = -Infinity;

  constructor(
    private readonly store: KeyValueStore,
    readonly max: number,
    /** Conversations with no activity for this long have expired anyway (their store entry's TTL). */
    private readonly expiredAfterMs: number,
    /** Removes an evicted conversation (its activities) from the store. */
    private readonly evict: (id: string) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A client showed the conversation is in use. Never waits, never throws: a lost report costs nothing but precision. */
  seen(id: string): void {
    const t = this.now();
    if (t - (this.reported.get(id) ?? -Infinity) < REPORT_EVERY_MS) return;
    if (this.reported.size >= 20_000) for (const [k, at] of this.reported) if (t - at >= REPORT_EVERY_MS) this.reported.delete(k);
    this.reported.set(id, t);
    this.pendingSeen.set(id, t);
    this.kick();
  }

  /** A place for a conversation that does not exist yet: true when it has one (perhaps an idle conversation's), false when full of active ones. */
  admit(id: string): Promise<boolean> {
    if (this.now() < this.fullUntil) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      this.pendingAdmits.push({ id, resolve, reject });
      this.kick();
    });
  }

  /** The list as stored (tests, diagnostics). */
  async snapshot(): Promise<Index> {
    return (await this.store.get<Index>(INDEX)) ?? {};
  }

  private kick() {
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
      if (this.pendingSeen.size || this.pendingAdmits.length) this.kick();
    });
  }

  private async drain() {
    while (this.pendingSeen.size || this.pendingAdmits.length) {
      // Real time, whatever the clock: this paces writes to the store.
      const gap = this.lastWrite + WRITE_GAP_MS - Date.now();
      if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
      this.lastWrite = Date.now();
      const seen = this.pendingSeen;
      const admits = this.pendingAdmits;
      this.pendingSeen = new Map();
      this.pendingAdmits = [];
      let admitted: boolean[] = [];
      let evicted: string[] = [];
      try {
        await this.store.update<Index>(INDEX, (current) => {
          const index = { ...(current ?? {}) };
          ({ admitted, evicted } = this.apply(index, seen, admits));
          return index;
        });
      } catch (err) {
        for (const a of admits) a.reject(err);
        continue;
      }
      admits.forEach((a, i) => a.resolve(admitted[i]));
      for (const id of evicted) {
        this.reported.delete(id);
        await this.evict(id).catch(() => {});
      }
    }
  }

  /** One pass over the list (changed in place): forget the expired, note the seen, place the admitted (evicting the idle if need be). */
  private apply(index: Index, seen: Map<string, number>, admits: Admission[]): { admitted: boolean[]; evicted: string[] } {
    const t = this.now();
    let size = 0;
    for (const [id, at] of Object.entries(index)) {
      if (t - at >= this.expiredAfterMs) delete index[id];
      else size++;
    }
    for (const [id, at] of seen) {
      if (id in index) index[id] = Math.max(index[id], at);
      else if (size < this.max) (index[id] = at), size++; // a conversation from before the list existed
    }
    // The idle ones, longest idle first: the only conversations that may give way.
    const idle = Object.entries(index)
      .filter(([, at]) => t - at >= EVICTABLE_AFTER_MS)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    const evicted: string[] = [];
    const admitted = admits.map(({ id }) => {
      if (id in index) return (index[id] = t), true;
      if (size >= this.max) {
        const victim = idle.shift();
        if (victim === undefined) {
          this.fullUntil = Math.min(...Object.values(index)) + EVICTABLE_AFTER_MS;
          return false;
        }
        delete index[victim];
        evicted.push(victim);
        size--;
      }
      index[id] = t;
      this.reported.set(id, t); // admitted is seen: no second write for the same minute
      size++;
      return true;
    });
    return { admitted, evicted };
  }
}
