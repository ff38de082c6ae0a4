// The SQLite backend: one table of keyv's serialised strings, read and written with better-sqlite3's
// prepared statements. Synchronous calls are the point: each statement takes microseconds, where an
// asynchronous driver's hop to the thread pool and back cost more than the query (see BENCHMARKS.md).
// The table is the one @keyv/sqlite created, so data files from earlier versions open unchanged.
import Database from 'better-sqlite3';
import type { RawOps } from './backend.ts';

/** Longest a statement waits for another process's write lock before failing (it blocks the event loop). */
const BUSY_TIMEOUT_MS = 5000;

export class SqliteStore implements RawOps {
  private readonly db: Database.Database;
  private readonly statements;

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
  }

  async get(key: string): Promise<string | undefined> {
    return this.statements.get.get(key)?.value;
  }

  async swap(key: string, expected: string | undefined, next: string): Promise<boolean> {
    const result = expected === undefined ? this.statements.insertIfAbsent.run(key, next) : this.statements.replaceIfEqual.run(next, key, expected);
    return result.changes === 1;
  }

  async scan(prefix: string): Promise<[string, string][]> {
    return this.statements.scan.all(likePrefix(prefix)).map((r) => [r.key, r.value]);
  }

  async ping(): Promise<void> {
    // A write, not a read: an unwritable file must show as unhealthy.
    this.statements.upsert.run('__ping__', '1');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** keyv's store contract (a Map-like object), for keyv.set and keyv.delete. */
  readonly keyvStore = {
    get: (key: string) => this.get(key),
    set: async (key: string, value: string) => {
      this.statements.upsert.run(key, value);
      return true;
    },
    delete: async (key: string) => this.statements.delete.run(key).changes > 0,
    clear: async () => {
      this.statements.clear.run();
    },
  };
}

function likePrefix(prefix: string) {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
