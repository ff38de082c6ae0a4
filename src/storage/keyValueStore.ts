// The one storage interface the domain uses: get/set/delete, an atomic read-modify-write, an atomic
// claim, and listing by prefix. keyv underneath; atomicity from the backend (see backend.ts).
import type { Backend, BackendName, PubSub } from './backend.ts';

export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Storage is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** True when an error, or anything in its cause chain, is storage being unavailable. */
export function isStorageUnavailable(err: unknown): boolean {
  for (let e = err as { name?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.name === 'StorageUnavailableError') return true;
  return false;
}

interface Envelope<T> {
  value: T;
  expires?: number | null;
}

const MAX_UPDATE_ATTEMPTS = 50;

export class KeyValueStore {
  constructor(
    private readonly backend: Backend,
    private readonly now: () => number = Date.now,
  ) {}

  get backendName(): BackendName {
    return this.backend.name;
  }

  /** Messages between instances sharing this store (Redis); undefined when one process owns it. */
  get pubsub(): PubSub | undefined {
    return this.backend.pubsub;
  }

  /** A channel name in this store's namespace (so two deployments on one Redis do not hear each other). */
  channel(name: string): string {
    return this.backend.physicalKey(`channel:${name}`);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.guard(() => this.backend.raw.get(this.backend.physicalKey(key)));
    const env = raw === undefined ? undefined : await this.decode<T>(raw);
    return env && !this.expired(env) ? env.value : undefined;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const written = await this.guard(() => this.backend.keyv.set(key, value, ttlMs));
    if (written === false) throw new StorageUnavailableError(new Error('write was not stored'));
  }

  async delete(key: string): Promise<boolean> {
    return this.guard(() => this.backend.keyv.delete(key));
  }

  /**
   * Atomic read-modify-write. `change` sees the current value (undefined when absent or expired) and
   * returns the next one; it is re-run if another writer got there first. Returning `undefined`
   * leaves the entry as it is. Errors thrown by `change` abort the update and propagate.
   */
  async update<T>(key: string, change: (current: T | undefined) => T | undefined, ttlMs?: number): Promise<T | undefined> {
    const pk = this.backend.physicalKey(key);
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const raw = await this.guard(() => this.backend.raw.get(pk));
      const env = raw === undefined ? undefined : await this.decode<T>(raw);
      const current = env && !this.expired(env) ? env.value : undefined;
      const next = change(current);
      if (next === undefined) return current;
      const encoded = await this.encode(next, ttlMs);
      if (await this.guard(() => this.backend.raw.swap(pk, raw, encoded, ttlMs))) return next;
    }
    throw new Error(`update of a stored entry kept conflicting (${MAX_UPDATE_ATTEMPTS} attempts)`);
  }

  /** Atomically stores `value` only if the key is absent or expired. True for the one caller that won. */
  async claim<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    const pk = this.backend.physicalKey(key);
    const raw = await this.guard(() => this.backend.raw.get(pk));
    if (raw !== undefined) {
      const env = await this.decode<T>(raw);
      if (!this.expired(env)) return false;
    }
    const encoded = await this.encode(value, ttlMs);
    return this.guard(() => this.backend.raw.swap(pk, raw, encoded, ttlMs));
  }

  /** Every live entry whose key starts with `prefix`, keys returned without the backend's namespace. */
  async list<T>(prefix: string): Promise<{ key: string; value: T }[]> {
    const pk = this.backend.physicalKey(prefix);
    const nsLength = pk.length - prefix.length;
    const rows = await this.guard(() => this.backend.raw.scan(pk));
    const out: { key: string; value: T }[] = [];
    for (const [k, raw] of rows) {
      const env = await this.decode<T>(raw);
      if (!this.expired(env)) out.push({ key: k.slice(nsLength), value: env.value });
    }
    return out;
  }

  async ping(): Promise<boolean> {
    try {
      await this.backend.raw.ping();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.backend.pubsub?.close();
    await this.backend.raw.close();
  }

  private expired(env: Envelope<unknown>) {
    return typeof env.expires === 'number' && env.expires <= this.now();
  }

  // keyv's own serialiser, so what keyv.set wrote and what swap writes read back the same way.
  private async encode<T>(value: T, ttlMs?: number): Promise<string> {
    const expires = ttlMs && ttlMs > 0 ? this.now() + ttlMs : undefined;
    return (await this.backend.keyv.serialize!({ value, expires })) as string;
  }
  private async decode<T>(raw: string): Promise<Envelope<T>> {
    return (await this.backend.keyv.deserialize!(raw)) as Envelope<T>;
  }

  private async guard<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (err) {
      throw new StorageUnavailableError(err);
    }
  }
}
