// Wrong admin tokens, counted per client address in a fixed window, in the shared store: guessing the token
// through several instances costs the same as through one. Once the budget is spent, every admin
// authentication from that address (sign-in or Bearer) is refused with 429 until the window ends, right
// token or not, so a guesser learns nothing from the answers.
import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';

const PREFIX = 'admin-signin-failures:';
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

interface Window {
  start: number;
  count: number;
}

// Addresses are hashed: the store keeps no IP addresses.
const keyOf = (client: string) => PREFIX + createHash('sha256').update(client).digest('base64url').slice(0, 22);

export class SignInAttempts {
  constructor(
    private readonly store: KeyValueStore,
    private readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
  ) {}

  /** Seconds until this client may try again (0: it may try now). */
  async retryAfter(client: string): Promise<number> {
    const w = await this.store.get<Window>(keyOf(client));
    const t = this.now();
    if (!w || t - w.start >= this.windowMs || w.count < this.limit) return 0;
    return Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000));
  }

  async recordFailure(client: string): Promise<void> {
    const t = this.now();
    await this.store.update<Window>(keyOf(client), (w) => (w && t - w.start < this.windowMs ? { start: w.start, count: w.count + 1 } : { start: t, count: 1 }), this.windowMs);
  }
}
