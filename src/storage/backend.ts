// The storage backends behind keyv, chosen by STORAGE_URL. keyv does plain get/set/delete; what keyv
// lacks (compare-and-set, listing by prefix) is done here with each backend's own atomic operation:
// a single conditional SQL statement on SQLite, a Lua script on Redis.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { deserialize, serialize } from './serialization.ts';
import { DEFAULT_KEY_PREFIX, KEY_PREFIX_PATTERN } from './keyPrefix.ts';
import { SqliteStore } from './sqliteStore.ts';
import type { RawOps } from './rawOps.ts';
import { maskCredentials, StartupError } from '../startup/startupError.ts';

export type BackendName = 'sqlite' | 'redis' | 'memory';

/** Messages between instances (Redis pub/sub): "look again" signals, never data (that is in the store). */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Calls `onMessage` for each message on `channel` from any instance; resolves once listening. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface Backend {
  name: BackendName;
  keyv: Keyv;
  raw: RawOps;
  /** Present when several instances can share this backend (Redis). */
  pubsub?: PubSub;
  /** The key under which keyv stores `key` in this backend. */
  physicalKey(key: string): string;
}

export function describeStorageUrl(url: string): { name: BackendName; target: string } {
  if (url.startsWith('sqlite://')) return { name: 'sqlite', target: url.slice('sqlite://'.length) };
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return { name: 'redis', target: url };
  if (url === 'memory://' || url === 'memory') return { name: 'memory', target: '' };
  throw new StartupError(
    'STORAGE_URL',
    `"${maskCredentials(url)}" is not a storage address`,
    'use redis://host:6379 (several instances), sqlite:///path/to/bot.sqlite or memory://, or unset it for DATA_DIR/bot.sqlite',
  );
}

export interface OpenOptions {
  /** What chose the URL (STORAGE_URL, or DATA_DIR for the default SQLite file), named in start-up errors. */
  setting?: string;
  /** Names this deployment's keys, so several bots (or test runs) can share one Redis or SQLite file apart. */
  keyPrefix?: string;
}

export async function openBackend(url: string, { setting = 'STORAGE_URL', keyPrefix = DEFAULT_KEY_PREFIX }: OpenOptions = {}): Promise<Backend> {
  if (!KEY_PREFIX_PATTERN.test(keyPrefix)) throw new StartupError('STORAGE_KEY_PREFIX', `"${keyPrefix}" is not a key prefix`, 'use 1–64 letters, digits, "-" or "_"');
  const { name, target } = describeStorageUrl(url);
  if (name === 'sqlite') return openSqlite(target, setting, keyPrefix);
  if (name === 'redis') return openRedis(target, keyPrefix);
  return openMemory(keyPrefix);
}

async function openSqlite(file: string, setting: string, namespace: string): Promise<Backend> {
  const path = file === ':memory:' ? file : resolve(file);
  let store: SqliteStore;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    store = new SqliteStore(path);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new StartupError(setting, `cannot open the SQLite file ${path} (${reason})`, `make that folder writable or set ${setting} to a writable place`, { cause: err });
  }
  // keyv swallows store errors unless told otherwise; a failed write must surface, never vanish.
  const keyv = new Keyv({ store: store.keyvStore, namespace, throwOnErrors: true, serialize, deserialize } as never);
  keyv.on('error', () => {});
  return { name: 'sqlite', keyv, raw: store, physicalKey: (k) => `${namespace}:${k}` };
}

const SWAP_SCRIPT = `
local cur = redis.call('GET', KEYS[1])
if (ARGV[1] == '' and not cur) or (cur == ARGV[1]) then
  if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else redis.call('SET', KEYS[1], ARGV[2]) end
  return 1
end
return 0`;

async function openRedis(url: string, namespace: string): Promise<Backend> {
  // While Redis is down, commands fail at once (no offline queue) and the client keeps reconnecting in the
  // background: a turn gets a quick apology instead of hanging, and the bot recovers when Redis returns.
  // Loaded only when Redis is configured: the client (@redis/client) is ~0.8 MB of the bundle that a SQLite
  // deployment never runs.
  const { default: KeyvRedis } = await import('@keyv/redis');
  const store = new KeyvRedis(
    { url, disableOfflineQueue: true, socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) } } as never,
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 2000 } as never,
  );
  // The adapter's own connect error says only "not connected"; the client's last error names the cause.
  let lastError: Error | undefined;
  const noteError = (err: Error) => (lastError = err);
  store.on('error', noteError);
  let client: RedisLike;
  try {
    client = (await store.getClient()) as unknown as RedisLike;
  } catch (err) {
    await store.disconnect().catch(() => {});
    const cause = (lastError as NodeJS.ErrnoException | undefined)?.code ?? lastError?.message ?? (err as Error).message;
    throw new StartupError(
      'STORAGE_URL',
      `cannot connect to Redis at ${maskCredentials(url)} (${cause})`,
      'start Redis there or set STORAGE_URL to a reachable one (redis://host:6379); unset STORAGE_URL to use SQLite on one instance',
      { cause: err },
    );
  } finally {
    store.off('error', noteError);
  }
  // The Redis adapter namespaces keys itself; keyv must not add its own prefix on top.
  const keyv = new Keyv({ store, namespace, useKeyPrefix: false, throwOnErrors: true, serialize, deserialize } as never);
  keyv.on('error', () => {});
  const physicalKey = (k: string) => store.createKeyPrefix(k, namespace);
  const raw: RawOps = {
    async get(key) {
      return (await client.get(key)) ?? undefined;
    },
    async swap(key, expected, next, ttlMs = 0) {
      const ok = await client.eval(SWAP_SCRIPT, { keys: [key], arguments: [expected ?? '', next, String(Math.max(0, Math.ceil(ttlMs)))] });
      return Number(ok) === 1;
    },
    async scan(prefix) {
      const out: [string, string][] = [];
      const match = `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`;
      for await (const batch of client.scanIterator({ MATCH: match, COUNT: 1000 })) {
        const keys = Array.isArray(batch) ? batch : [batch];
        if (!keys.length) continue;
        const values = await client.mGet(keys);
        keys.forEach((k, i) => values[i] != null && out.push([k, values[i]!]));
      }
      return out;
    },
    async ping() {
      await client.ping();
    },
    close: () => store.disconnect(),
  };
  // Subscribing takes a connection of its own (a subscribed Redis connection can do nothing else); opened on first use.
  let subscriber: RedisLike | undefined;
  const pubsub: PubSub = {
    async publish(channel, message) {
      await client.publish(channel, message);
    },
    async subscribe(channel, onMessage) {
      if (!subscriber) {
        subscriber = client.duplicate();
        subscriber.on('error', () => {}); // it reconnects (and resubscribes) on its own, like the main client
        await subscriber.connect();
      }
      const listener = (message: string) => onMessage(message);
      await subscriber.subscribe(channel, listener);
      return async () => {
        await subscriber?.unsubscribe(channel, listener).catch(() => {});
      };
    },
    async close() {
      const s = subscriber;
      subscriber = undefined;
      await s?.close().catch(() => s.destroy());
    },
  };
  return { name: 'redis', keyv, raw, physicalKey, pubsub };
}

interface RedisLike {
  get(key: string): Promise<string | null>;
  eval(script: string, opts: { keys: string[]; arguments: string[] }): Promise<unknown>;
  scanIterator(opts: { MATCH: string; COUNT: number }): AsyncIterable<string[] | string>;
  mGet(keys: string[]): Promise<(string | null)[]>;
  ping(): Promise<string>;
  publish(channel: string, message: string): Promise<number>;
  duplicate(): RedisLike;
  connect(): Promise<unknown>;
  on(event: 'error', listener: (err: Error) => void): unknown;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  unsubscribe(channel: string, listener: (message: string) => void): Promise<void>;
  close(): Promise<unknown>;
  destroy(): void;
}

/** Tests only: a process-local Map holding keyv's serialised strings, so raw swaps work as on disk. */
function openMemory(namespace: string): Backend {
  const map = new Map<string, string>();
  const keyv = new Keyv({ store: map, namespace, serialize, deserialize });
  const raw: RawOps = {
    get: async (key) => map.get(key),
    async swap(key, expected, next) {
      if (map.get(key) !== expected) return false;
      map.set(key, next);
      return true;
    },
    scan: async (prefix) => [...map.entries()].filter(([k]) => k.startsWith(prefix)),
    ping: async () => {},
    close: async () => {},
  };
  return { name: 'memory', keyv, raw, physicalKey: (k) => `${namespace}:${k}` };
}
