// What a failed send means, and how long to wait before the next try.

export type SendOutcome =
  | { ok: true }
  /** 429, 5xx, network: try again later (after retryAfterMs when the channel said so). */
  | { ok: false; kind: 'transient'; status?: number; retryAfterMs?: number }
  /** 403/404: the user blocked the bot or uninstalled it; the reference is no good any more. */
  | { ok: false; kind: 'unreachable'; status: number }
  /** Any other 4xx: retrying would not help. */
  | { ok: false; kind: 'rejected'; status: number };

export function classifyStatus(status: number | undefined, retryAfter?: string | null, nowMs = Date.now()): SendOutcome {
  if (status === undefined) return { ok: false, kind: 'transient' };
  if (status === 429 || status >= 500 || status === 408) return { ok: false, kind: 'transient', status, retryAfterMs: parseRetryAfter(retryAfter, nowMs) };
  if (status === 403 || status === 404 || status === 410) return { ok: false, kind: 'unreachable', status };
  return { ok: false, kind: 'rejected', status };
}

/** Retry-After: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), never sooner than Retry-After.
 * attempt is 1 for the first retry.
 */
export function backoffMs(attempt: number, options: BackoffOptions, retryAfterMs?: number, random: () => number = Math.random): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.max(retryAfterMs ?? 0, Math.round(jittered));
}
