// The delivery queue: takes (occurrence, attendee, channel) tasks, rate-limits them, claims each in the ledger,
// sends along the task's route (a chat conversation, an e-mail address), retries transient failures with
// backoff, and records the outcome. One dispatcher per channel and process; several processes on one store
// coordinate through the ledger's claims.
import type { Logger } from '../logger.ts';
import type { DeliveryLedger } from './deliveryLedger.ts';
import { PerKeyLimiter, TokenBucket, teamsConversationWindows } from './rateLimiter.ts';
import { backoffMs, type BackoffOptions, type SendOutcome } from './retry.ts';
import type { Occurrence } from './schedule.ts';

/** One way to reach the attendee, resolved when the task runs. */
export interface DeliveryRoute {
  /** Key of the per-destination rate limit (a conversation id); undefined: none. */
  limitKey?: string;
  /** Composes the message now (so "starts in N minutes" is true when it arrives) and sends it. */
  send(now: number): Promise<SendOutcome>;
  /** The destination refused for good (403/404, SMTP 550): stop using it. */
  unreachable?(status: number, at: Date): Promise<void>;
}

export interface DeliveryTask {
  key: string;
  occurrence: Occurrence;
  /** The registration reference of the attendee. */
  attendee: string;
  /** False once the occurrence is gone from the schedule (its session moved or was removed). */
  valid?(): boolean;
  /** Where to send (undefined: nowhere usable yet, e.g. no conversation reference). */
  route(): DeliveryRoute | undefined;
}

export interface DispatcherOptions {
  ratePerSecond: number;
  ratePerConversation: number;
  /** Attempts per claim before the lease is released for a later scan to pick up. */
  maxAttempts: number;
  backoff: BackoffOptions;
  maxInFlight: number;
}

export interface DispatcherStats {
  attempts: number;
  sent: number;
  failed: number;
  retries: number;
  /** Tasks another process had already claimed or finished. */
  claimedElsewhere: number;
  /** Tasks dropped because their session had started. */
  tooLate: number;
  /** Leases released after maxAttempts transient failures (a later scan retries). */
  released: number;
  unreachable: number;
}

interface Queued {
  task: DeliveryTask;
  attempts: number;
  holdsLease: boolean;
  /** Times we found another process's lease on it. */
  polls: number;
}

const MAX_POLLS = 12;

export class Dispatcher {
  readonly stats: DispatcherStats = { attempts: 0, sent: 0, failed: 0, retries: 0, claimedElsewhere: 0, tooLate: 0, released: 0, unreachable: 0 };
  private readonly queue: Queued[] = [];
  private head = 0;
  /** Keys queued, delayed or in flight here. */
  private readonly active = new Set<string>();
  /** Keys finished (sent or failed) as far as this process knows: skipped by later scans without a store read. */
  private readonly finished = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pumpTimer?: NodeJS.Timeout;
  private inFlight = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private readonly global: TokenBucket;
  private readonly perConversation: PerKeyLimiter;

  constructor(
    private readonly deps: { ledger: DeliveryLedger; now: () => number; log: Logger },
    private readonly options: DispatcherOptions,
  ) {
    this.global = new TokenBucket(options.ratePerSecond);
    this.perConversation = new PerKeyLimiter(teamsConversationWindows(options.ratePerConversation));
  }

  /** False when the key is already being handled or known finished here. */
  enqueue(task: DeliveryTask): boolean {
    if (this.stopped || this.active.has(task.key) || this.finished.has(task.key)) return false;
    this.active.add(task.key);
    this.queue.push({ task, attempts: 0, holdsLease: false, polls: 0 });
    this.pump();
    return true;
  }

  isFinished(key: string) {
    return this.finished.has(key);
  }

  get pending() {
    return this.active.size;
  }

  /** Resolves when nothing is queued, delayed or in flight. */
  idle(): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking work and waits (up to 5 s) for sends in flight to be recorded; queued work stays unclaimed. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    this.queue.length = 0;
    this.head = 0;
    // A send hanging on the network must not hold up shutdown for long: its lease expires and it is retried.
    const giveUpAt = Date.now() + 5000;
    while (this.inFlight > 0 && Date.now() < giveUpAt) await new Promise((r) => setTimeout(r, 5));
  }

  private pump() {
    if (this.stopped || this.pumpTimer) return;
    while (this.head < this.queue.length && this.inFlight < this.options.maxInFlight) {
      const wait = this.global.tryTake();
      if (wait > 0) {
        this.pumpTimer = setTimeout(() => {
          this.pumpTimer = undefined;
          this.pump();
        }, wait);
        return;
      }
      const item = this.queue[this.head++];
      this.inFlight++;
      void this.run(item).finally(() => {
        this.inFlight--;
        this.pump();
        this.checkIdle();
      });
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private later(item: Queued, ms: number) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.stopped) return;
      this.queue.push(item);
      this.pump();
    }, ms);
    this.timers.add(timer);
  }

  private settle(key: string, finished: boolean) {
    this.active.delete(key);
    if (finished) this.finished.add(key);
  }

  private checkIdle() {
    if (this.active.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  private async run(item: Queued): Promise<void> {
    const { task } = item;
    const { ledger } = this.deps;
    try {
      const now = this.deps.now();
      if (now >= task.occurrence.closesAt) {
        // Too late: its session has started. A lease we hold is closed as failed; an unclaimed task is just dropped
        // (every process drops it the same way).
        this.global.refund();
        this.stats.tooLate++;
        if (item.holdsLease) await ledger.markFailed(task.key, new Date(now), 'session-started', undefined, item.attempts);
        return this.settle(task.key, true);
      }
      if (task.valid && !task.valid()) {
        this.global.refund();
        if (item.holdsLease) await ledger.markFailed(task.key, new Date(now), 'rescheduled', undefined, item.attempts);
        return this.settle(task.key, true);
      }
      const target = task.route();
      if (target?.limitKey !== undefined) {
        const wait = this.perConversation.tryTake(target.limitKey);
        if (wait > 0) {
          this.global.refund();
          return this.later(item, wait);
        }
      }
      const ours = item.holdsLease ? await ledger.renew(task.key, new Date(now), item.attempts + 1) : await ledger.claim(task.key, new Date(now), item.attempts + 1);
      if (!ours) {
        this.global.refund();
        this.stats.claimedElsewhere++;
        const record = await ledger.get(task.key);
        if (record?.state === 'sending' && item.polls < MAX_POLLS) {
          // Another process holds it (or held it and died): look again soon, and at the latest when its lease ends.
          const leaseLeft = Date.parse(record.at) + ledger.leaseMs - now;
          item.polls++;
          return this.later(item, Math.max(20, Math.min(100 * 2 ** (item.polls - 1), leaseLeft + 50)));
        }
        return this.settle(task.key, record?.state === 'sent' || record?.state === 'failed');
      }
      item.holdsLease = true;
      if (!target) {
        // No conversation to write to (yet): nothing was sent, so the claim goes back and a later scan (while the
        // session has not started) tries again, e.g. once the attendee's first turn has stored where to reach them.
        this.global.refund();
        this.stats.failed++;
        await ledger.release(task.key);
        return this.settle(task.key, true);
      }
      item.attempts++;
      this.stats.attempts++;
      const outcome = await target.send(now);
      const at = new Date(this.deps.now());
      if (outcome.ok) {
        // The message is out: recording it matters most (a lost "sent" means a second copy after the lease).
        await persist(() => ledger.markSent(task.key, at, item.attempts));
        this.stats.sent++;
        return this.settle(task.key, true);
      }
      if (outcome.kind === 'unreachable') {
        this.stats.unreachable++;
        this.stats.failed++;
        await target.unreachable?.(outcome.status, at);
        await ledger.markFailed(task.key, at, 'unreachable', outcome.status, item.attempts);
        this.deps.log.info({ key: task.key, status: outcome.status }, 'destination unreachable: not used again until the attendee changes it');
        return this.settle(task.key, true);
      }
      if (outcome.kind === 'rejected') {
        this.stats.failed++;
        await ledger.markFailed(task.key, at, 'rejected', outcome.status, item.attempts);
        this.deps.log.warn({ key: task.key, status: outcome.status }, 'proactive message rejected');
        return this.settle(task.key, true);
      }
      if (item.attempts >= this.options.maxAttempts) {
        // Let the lease run out quickly: a later scan (here or in another process) claims it afresh.
        this.stats.released++;
        await ledger.renew(task.key, at, item.attempts, 1);
        this.deps.log.warn({ key: task.key, status: outcome.status, attempts: item.attempts }, 'send kept failing; released for a later retry');
        return this.settle(task.key, false);
      }
      const delay = backoffMs(item.attempts, this.options.backoff, outcome.retryAfterMs);
      // Keep the lease over the wait, so no other process takes it meanwhile.
      if (!(await ledger.renew(task.key, at, item.attempts, delay + ledger.leaseMs))) return this.settle(task.key, false);
      this.stats.retries++;
      this.later(item, delay);
    } catch (err) {
      // Storage trouble: nothing is lost; the lease (if any) expires and a later scan retries.
      this.deps.log.warn({ key: task.key, err: (err as Error).message }, 'delivery step failed');
      this.settle(task.key, false);
    }
  }
}

/** Retries a storage write briefly (100, 200, 400 ms) before giving up. */
async function persist(write: () => Promise<void>, tries = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 100 * 2 ** (i - 1)));
    }
  }
}
