// Outgoing rate limits. A global token bucket (OUTBOUND_RATE_PER_SECOND, per process) and, per conversation,
// sliding windows shaped like Teams' documented per-bot-per-conversation limits (7 in 1 s, 8 in 2 s, 60 in
// 30 s, 1800 in 1 h), scaled to OUTBOUND_RATE_PER_CONVERSATION. Time is real time (monotonic), not the
// bot's clock: these limits protect the channel, whatever BOT_NOW says.
import { performance } from 'node:perf_hooks';

export type Now = () => number;
const monotonic: Now = () => performance.now();

/** Classic token bucket: `ratePerSecond` refill, `burst` capacity (defaults to one second's worth). */
export class TokenBucket {
  private tokens: number;
  private last: number;
  readonly burst: number;

  constructor(
    readonly ratePerSecond: number,
    burst?: number,
    private readonly now: Now = monotonic,
  ) {
    this.burst = Math.max(1, burst ?? ratePerSecond);
    this.tokens = this.burst;
    this.last = now();
  }

  private refill() {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
  }

  /** Takes a token if one is there; else returns the milliseconds until one will be. */
  tryTake(): number {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** Gives back a token taken for a send that did not happen (e.g. another instance had claimed it). */
  refund() {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }
}

export interface Window {
  count: number;
  ms: number;
}

/** Teams' per-conversation limits for a bot, scaled so the 1-second window allows `perSecond`. */
export function teamsConversationWindows(perSecond: number): Window[] {
  const k = perSecond / 7;
  return [
    { count: perSecond, ms: 1000 },
    { count: Math.max(1, Math.floor(8 * k)), ms: 2000 },
    { count: Math.max(1, Math.floor(60 * k)), ms: 30_000 },
    { count: Math.max(1, Math.floor(1800 * k)), ms: 3_600_000 },
  ];
}

/** Sliding-window limits per key (conversation id). Memory: one short array per recently active key. */
export class PerKeyLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly longest: number;
  private readonly keep: number;
  private lastSweep = 0;

  constructor(
    private readonly windows: Window[],
    private readonly now: Now = monotonic,
  ) {
    this.longest = Math.max(...windows.map((w) => w.ms));
    this.keep = Math.max(...windows.map((w) => w.count));
  }

  /** Records a send for `key` if every window allows it (returns 0); else the milliseconds to wait. */
  tryTake(key: string): number {
    const t = this.now();
    this.sweep(t);
    const times = this.sent.get(key) ?? [];
    let wait = 0;
    for (const w of this.windows) {
      // Sends inside this window, newest last.
      let inWindow = 0;
      for (let i = times.length - 1; i >= 0 && times[i] > t - w.ms; i--) inWindow++;
      if (inWindow >= w.count) {
        const oldestCounted = times[times.length - w.count];
        wait = Math.max(wait, Math.ceil(oldestCounted + w.ms - t));
      }
    }
    if (wait > 0) return wait;
    times.push(t);
    if (times.length > this.keep) times.splice(0, times.length - this.keep);
    this.sent.set(key, times);
    return 0;
  }

  private sweep(t: number) {
    if (t - this.lastSweep < 60_000) return;
    this.lastSweep = t;
    for (const [key, times] of this.sent) if (times[times.length - 1] <= t - this.longest) this.sent.delete(key);
  }
}
