// What every storage backend does on raw stored strings, below keyv: the part backend.ts builds the store on and
// each backend (sqliteStore.ts, the Redis and memory ones in backend.ts) implements.

/** Operations on raw stored strings (keyv's serialised form), keyed by keyv's own keys. */
export interface RawOps {
  get(key: string): Promise<string | undefined>;
  /** Atomically writes `next` if the stored raw value still equals `expected` (undefined: key absent). */
  swap(key: string, expected: string | undefined, next: string, ttlMs?: number): Promise<boolean>;
  /** All entries whose key starts with `prefix`. */
  scan(prefix: string): Promise<[string, string][]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
