// Bench fixtures for reminders: a SQLite file with N registered attendees, each with the conversation
// reference of its own conversation on a local mock connector, and a mock connector that can fail a share of sends.
import { copyFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { ReferenceStore } from '../../src/proactive/references.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';

export const conversationOf = (i: number) => `bench-conv-${i}`;

/** Seeds `count` attendees following every session, their conversations on `serviceUrl`. */
export async function seedAttendees(file: string, count: number, serviceUrl: string): Promise<void> {
  const store = new KeyValueStore(await openBackend(`sqlite://${file}`));
  const registrations = new RegistrationStore(store);
  const references = new ReferenceStore(store);
  const one = async (i: number) => {
    const identity = `msteams:bench-user-${i}`;
    await registrations.save(
      {
        fullName: `Bench Attendee ${i}`,
        email: `bench-${i}@example.org`,
        organisation: 'Bench',
        country: { code: 'KE', name: 'Kenya' },
        category: 'Other',
        reminders: 'all',
        followedSessionIds: [],
        consentAt: '2022-03-01T00:00:00Z',
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
  delivered = 0;
  rejected = 0;
  firstAt = 0;
  lastAt = 0;
  failShare = 0;
  private seed = 42;
  private server?: http.Server;
  url = '';
  private listeners: (() => void)[] = [];

  onDelivery(listener: () => void) {
    this.listeners.push(listener);
  }

  /** A seeded PRNG (mulberry32) so each run fails the same share. */
  private random() {
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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
        if (this.failShare > 0 && this.random() < this.failShare) {
          this.rejected++;
          const status = this.random() < 0.5 ? 429 : 503;
          res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '1' } : {}) });
          return res.end(JSON.stringify({ error: { code: status === 429 ? 'Throttled' : 'ServiceUnavailable', message: 'bench failure' } }));
        }
        const conversationId = decodeURIComponent(m[1]);
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

  reset() {
    this.received.clear();
    this.delivered = this.rejected = this.firstAt = this.lastAt = 0;
    this.seed = 42;
  }

  async stop() {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
