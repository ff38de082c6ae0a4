// Bench fixtures for reminders: a SQLite file with N registered attendees, each with the conversation
// reference of its own conversation on a local mock connector, a mock connector that can fail a share of sends,
// and a real SMTP server (smtp-server) that counts what arrives per recipient and can refuse a share transiently.
import { copyFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mulberry32 } from '../../src/understanding/nlu/seededRandom.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { ReferenceStore } from '../../src/proactive/references.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';

export const conversationOf = (i: number) => `bench-conv-${i}`;

export const emailOf = (i: number) => `bench-${i}@example.org`;

/**
 * Seeds `count` attendees following every session, their conversations on `serviceUrl`; with `email`, each also
 * asked for reminders by e-mail (as "also send my reminders by e-mail" records it).
 */
export async function seedAttendees(file: string, count: number, serviceUrl: string, options: { email?: boolean } = {}): Promise<void> {
  const store = new KeyValueStore(await openBackend(`sqlite://${file}`));
  const registrations = new RegistrationStore(store);
  const references = new ReferenceStore(store);
  const one = async (i: number) => {
    const identity = `msteams:bench-user-${i}`;
    await registrations.save(
      {
        fullName: `Bench Attendee ${i}`,
        email: emailOf(i),
        organisation: 'Bench',
        country: { code: 'KE', name: 'Kenya' },
        category: 'Other',
        reminders: 'all',
        followedSessionIds: [],
        consentAt: '2022-03-01T00:00:00Z',
        ...(options.email ? { emailReminders: true, emailRemindersSince: '2022-03-01T00:00:00Z' } : {}),
      },
      identity,
    );
    await references.remember(
      identity,
      { channelId: 'msteams', serviceUrl, conversation: { id: conversationOf(i), tenantId: 'bench-tenant', conversationType: 'personal' }, user: { id: `bench-user-${i}` }, bot: { id: 'bench-bot' } },
      i % 3 === 0 ? 'Europe/London' : undefined,
    );
  };
  const batch = 64;
  for (let i = 0; i < count; i += batch) await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => one(i + j)));
  await store.close();
}

/** Refusals in a row per recipient or conversation, and the longest run each saw (what bounds the slowest retry). */
class RefusalRuns {
  private readonly inARow = new Map<string, number>();
  private readonly longest = new Map<string, number>();
  refused(key: string) {
    const run = (this.inARow.get(key) ?? 0) + 1;
    this.inARow.set(key, run);
    this.longest.set(key, Math.max(run, this.longest.get(key) ?? 0));
  }
  accepted(key: string) {
    this.inARow.delete(key);
  }
  runs(): number[] {
    return [...this.longest.values()];
  }
  clear() {
    this.inARow.clear();
    this.longest.clear();
  }
}

export function copySqlite(from: string, to: string) {
  copyFileSync(from, to);
  for (const ext of ['-wal', '-shm']) if (existsSync(from + ext)) copyFileSync(from + ext, to + ext);
}

/**
 * A minimal Bot Connector for load: counts messages per conversation (no bodies kept), and answers a
 * deterministic share of sends with 429 (Retry-After: 1) or 503.
 */
export class CountingConnector {
  readonly received = new Map<string, number>();
  private readonly refusals = new RefusalRuns();
  delivered = 0;
  rejected = 0;
  firstAt = 0;
  lastAt = 0;
  failShare = 0;
  private random = mulberry32(42);
  private server?: http.Server;
  url = '';
  private listeners: (() => void)[] = [];

  onDelivery(listener: () => void) {
    this.listeners.push(listener);
  }

  async start(): Promise<this> {
    let seq = 0;
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const m = (req.url ?? '').match(/^\/v3\/conversations\/([^/]+)\/activities/);
        if (req.method !== 'POST' || !m) {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end('{}');
        }
        const conversationId = decodeURIComponent(m[1]);
        if (this.failShare > 0 && this.random() < this.failShare) {
          this.rejected++;
          this.refusals.refused(conversationId);
          const status = this.random() < 0.5 ? 429 : 503;
          res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '1' } : {}) });
          return res.end(JSON.stringify({ error: { code: status === 429 ? 'Throttled' : 'ServiceUnavailable', message: 'bench failure' } }));
        }
        this.refusals.accepted(conversationId);
        this.received.set(conversationId, (this.received.get(conversationId) ?? 0) + 1);
        this.delivered++;
        const now = performance.now();
        if (!this.firstAt) this.firstAt = now;
        this.lastAt = now;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `r${++seq}` }));
        this.listeners.forEach((l) => l());
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** For each conversation ever refused, the most refusals it got in a row. */
  refusedRuns(): number[] {
    return this.refusals.runs();
  }

  reset() {
    this.received.clear();
    this.refusals.clear();
    this.delivered = this.rejected = this.firstAt = this.lastAt = 0;
    this.random = mulberry32(42);
  }

  async stop() {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/**
 * A real SMTP server for load: counts accepted messages per recipient (bodies read and dropped, not parsed), and
 * refuses a deterministic share with 451 (a transient failure: the sender must try again later).
 */
export class CountingSmtpServer {
  readonly received = new Map<string, number>();
  private readonly refusals = new RefusalRuns();
  delivered = 0;
  refused = 0;
  firstAt = 0;
  lastAt = 0;
  failShare = 0;
  url = '';
  private random = mulberry32(7);
  private server?: SMTPServer;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      maxClients: 100,
      onData: (stream, session, callback) => {
        stream.on('data', () => {});
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
          if (this.failShare > 0 && this.random() < this.failShare) {
            this.refused++;
            this.refusals.refused(to);
            return callback(Object.assign(new Error('4.3.0 bench: try again later'), { responseCode: 451 }));
          }
          this.refusals.accepted(to);
          this.received.set(to, (this.received.get(to) ?? 0) + 1);
          this.delivered++;
          const now = performance.now();
          if (!this.firstAt) this.firstAt = now;
          this.lastAt = now;
          callback();
        });
      },
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
    return this;
  }

  /** For each recipient ever refused, the most refusals it got in a row. */
  refusedRuns(): number[] {
    return this.refusals.runs();
  }

  reset() {
    this.received.clear();
    this.refusals.clear();
    this.delivered = this.refused = this.firstAt = this.lastAt = 0;
    this.random = mulberry32(7);
  }

  async stop() {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
