// The SQLite backend: one table of keyv's serialised strings, read and written with better-sqlite3's
// prepared statements. Synchronous calls are the point: each statement takes microseconds, where an
// asynchronous driver's hop to the thread pool and back cost more than the query (see BENCHMARKS.md).
// The table is the one @keyv/sqlite created, so data files from earlier versions open unchanged.
// Writes are group-committed: every write asked for while the event loop handles one batch of I/O runs in
// one transaction just after it, and each caller's promise settles only once that transaction has committed.
// Reads asked for together likewise share one read transaction. Each transaction's locking (file locks on
// the WAL index, WAL frames on commit) costs several times a row's own lookup or update, and in a busy
// minute many turns start and end together (BENCHMARKS.md, round 4).
import Database from 'better-sqlite3';
import type { RawOps } from './rawOps.ts';

/** Longest a statement waits for another process's write lock before failing (it blocks the event loop). */
const BUSY_TIMEOUT_MS = 5000;

interface PendingWrite {
  run: () => number | boolean;
  resolve: (result: never) => void;
  reject: (err: unknown) => void;
}

export class SqliteStore implements RawOps {
  private readonly db: Database.Database;
  private readonly statements;
  private pending: PendingWrite[] = [];
  private readonly commitPending: () => void;
  private reads: { key: string; resolve: (value: string | undefined) => void; reject: (err: unknown) => void }[] = [];
  private readonly readPending: () => void;

  constructor(path: string) {
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // WAL lets other processes read while one writes. In WAL mode NORMAL loses nothing on a process crash
    // (only on power loss may the last commits roll back); FULL's fsync per commit caps writes at hundreds/s.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Checkpoint (copy the log into the database, with an fsync) every ~40 MB of log rather than every 4 MB:
    // a tenth of the checkpoints and fsyncs for a log file that stays bounded.
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.exec('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)');
    this.statements = {
      get: this.db.prepare<[string], { value: string }>('SELECT value FROM keyv WHERE key = ?'),
      upsert: this.db.prepare<[string, string]>('INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      delete: this.db.prepare<[string]>('DELETE FROM keyv WHERE key = ?'),
      insertIfAbsent: this.db.prepare<[string, string]>('INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING'),
      replaceIfEqual: this.db.prepare<[string, string, string]>('UPDATE keyv SET value = ? WHERE key = ? AND value = ?'),
      scan: this.db.prepare<[string], { key: string; value: string }>("SELECT key, value FROM keyv WHERE key LIKE ? ESCAPE '\\'"),
      clear: this.db.prepare('DELETE FROM keyv'),
    };
    const inOneTransaction = this.db.transaction((batch: PendingWrite[]) => batch.map((w) => w.run()));
    this.commitPending = () => {
      const batch = this.pending;
      this.pending = [];
      if (!batch.length) return; // close() committed them already
      let results: (number | boolean)[];
      try {
        results = batch.length === 1 ? [batch[0].run()] : inOneTransaction(batch);
      } catch {
        // One failing write must not fail the others with it: run each on its own, each with its own outcome.
        for (const w of batch) {
          try {
            w.resolve(w.run() as never);
          } catch (err) {
            w.reject(err);
          }
        }
        return;
      }
      batch.forEach((w, i) => w.resolve(results[i] as never));
    };
    // Reads asked for together share one read transaction (one WAL read lock instead of one per key).
    const readAll = this.db.transaction((keys: string[]) => keys.map((k) => this.statements.get.get(k)?.value));
    this.readPending = () => {
      const batch = this.reads;
      this.reads = [];
      if (!batch.length) return;
      try {
        const values = batch.length === 1 ? [this.statements.get.get(batch[0].key)?.value] : readAll(batch.map((r) => r.key));
        batch.forEach((r, i) => r.resolve(values[i]));
      } catch (err) {
        for (const r of batch) r.reject(err);
      }
    };
  }

  /** Queues a write for the next group commit; resolves with its result once committed. */
  private write<R extends number | boolean>(run: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (!this.pending.length) setImmediate(this.commitPending);
      this.pending.push({ run, resolve: resolve as (r: never) => void, reject });
    });
  }

  get(key: string): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      if (!this.reads.length) setImmediate(this.readPending);
      this.reads.push({ key, resolve, reject });
    });
  }

  swap(key: string, expected: string | undefined, next: string): Promise<boolean> {
    return this.write(() => (expected === undefined ? this.statements.insertIfAbsent.run(key, next) : this.statements.replaceIfEqual.run(next, key, expected)).changes === 1);
  }

  async scan(prefix: string): Promise<[string, string][]> {
    return this.statements.scan.all(likePrefix(prefix)).map((r) => [r.key, r.value]);
  }

  async ping(): Promise<void> {
    // A write, not a read: an unwritable file must show as unhealthy.
    this.statements.upsert.run('__ping__', '1');
  }

  async close(): Promise<void> {
    if (this.pending.length) this.commitPending();
    if (this.db.open) this.db.close();
  }

  /** keyv's store contract (a Map-like object), for keyv.set and keyv.delete. */
  readonly keyvStore = {
    get: (key: string) => this.get(key),
    set: (key: string, value: string) => this.write(() => this.statements.upsert.run(key, value).changes >= 0),
    delete: (key: string) => this.write(() => this.statements.delete.run(key).changes > 0),
    clear: async () => {
      await this.write(() => this.statements.clear.run().changes);
    },
  };
}

function likePrefix(prefix: string) {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
