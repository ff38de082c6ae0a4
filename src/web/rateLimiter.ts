// A token bucket per client key (IP or user), with a bounded number of tracked clients so that a flood of
// new addresses cannot grow memory without limit.
export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until a request would be allowed again (for Retry-After). */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst = perMinute,
    private readonly maxClients = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateLimitDecision {
    const t = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (t - bucket.at) * ratePerMs);
    bucket.at = t;
    // Re-insert so the Map's order is least-recently-used first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)) };
  }
}
