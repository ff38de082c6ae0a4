// A fixed-window counter per client key (IP, conversation), shared by the HTTP doors that rate limit.
// Bounded: at most maxKeys windows are kept, so a flood of new addresses cannot grow memory.
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /**
   * Counts a hit costing `cost` (1 by default; dearer requests, such as one that creates a conversation, cost
   * more of the same budget); returns 0 when allowed, else the seconds to wait (for Retry-After).
   */
  hit(key: string, cost = 1): number {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.prune(t);
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count + cost > this.limit) return Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000));
    w.count += cost;
    return 0;
  }

  private prune(t: number) {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
    // Still full (a flood of distinct keys): drop the oldest windows.
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(k);
    }
  }
}
