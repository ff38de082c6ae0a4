// The scheduler and dispatcher on a fake clock: due times, late sends after downtime, exactly-once across
// a restart and across two instances on one store, retries, stale references, a changed event file.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';
import { DeliveryLedger, deliveryKey } from '../../src/proactive/deliveryLedger.ts';
import { ReferenceStore } from '../../src/proactive/references.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { EventSource } from '../../src/event/eventSource.ts';
import { agendaOf, DFS, FakeSender, makeService, ManualClock, memoryStore, referenceFor, seedAttendee, silent } from './support.ts';

const SS7 = 'd1-infrastructure-vulnerabilities';
const SS7_DUE = '2022-03-30T07:05:00Z'; // 10:20 EAT minus 15 minutes
const SS7_START = '2022-03-30T07:20:00Z';
const noDigest = { digestLeadMinutes: 0 };
const sqliteUrl = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'reminders-')), 'bot.sqlite')}`;
const ss7Texts = (sender: FakeSender) => sender.sent.filter((s) => s.reply.text.includes('Infrastructure vulnerabilities'));

describe('reminder delivery', () => {
  it('sends each followed session reminder at its due time, once, only to its followers', async () => {
    const store = await memoryStore();
    await seedAttendee(store, 1, { reminders: 'all', timeZone: 'Europe/Paris' });
    await seedAttendee(store, 2, { reminders: 'choose', follow: [SS7] });
    await seedAttendee(store, 3, { reminders: 'choose', follow: ['d2-audit-guideline'] });
    await seedAttendee(store, 4, { reminders: 'none' });
    const clock = new ManualClock('2022-03-30T07:04:59Z');
    const sender = new FakeSender();
    const service = makeService(store, agendaOf(DFS), clock, sender, noDigest);

    await service.settle();
    expect(sender.sent).to.have.length(0);

    clock.set(SS7_DUE);
    await service.settle();
    expect(sender.sent.map((s) => s.conversationId).sort()).to.deep.equal(['conv-1', 'conv-2']);
    const toParis = sender.to('conv-1')[0].reply.text;
    expect(toParis).to.contain('Starting in 15 minutes').and.contain('10:20–11:50 EAT (09:20–10:50 your time, Europe/Paris)');
    expect(toParis).to.contain('Assaf Klinger').and.contain('Joining details: https://www.itu.int/');

    clock.advance(60_000);
    service.poke();
    await service.settle();
    expect(sender.sent).to.have.length(2);
    expect(service.dispatcher.stats).to.include({ sent: 2, failed: 0 });
    await service.stop();
  });

  it('sends a day digest before the first reminder, listing the attendee\'s sessions', async () => {
    const store = await memoryStore();
    await seedAttendee(store, 1, { reminders: 'choose', follow: ['d2-audit-guideline', 'd2-interactive-session'] });
    const clock = new ManualClock('2022-03-31T06:00:00Z'); // 09:00 EAT, an hour before day 2
    const sender = new FakeSender();
    const service = makeService(store, agendaOf(DFS), clock, sender);
    await service.settle();
    expect(sender.sent).to.have.length(1);
    expect(sender.sent[0].reply.text).to.match(/day 2/).and.contain('11:25–12:00 EAT: DFS security audit guideline').and.not.contain('Assurance');
    await service.stop();
  });

  it('after downtime, sends a missed reminder late if its session has not started, and skips it once it has', async () => {
    const store = await memoryStore();
    await seedAttendee(store, 1, { reminders: 'choose', follow: [SS7, 'd1-opening'] });
    const sender = new FakeSender();
    // The bot comes up 10 minutes after the SS7 reminder was due: the session starts in 5 minutes.
    const clock = new ManualClock('2022-03-30T07:15:00Z');
    const service = makeService(store, agendaOf(DFS), clock, sender, noDigest);
    await service.settle();
    expect(sender.sent).to.have.length(1); // the opening (07:00Z) has started: skipped
    expect(sender.sent[0].reply.text).to.contain('Starting in 5 minutes');
    await service.stop();

    const late = new FakeSender();
    const store2 = await memoryStore();
    await seedAttendee(store2, 1, { reminders: 'choose', follow: [SS7] });
    const after = makeService(store2, agendaOf(DFS), new ManualClock(SS7_START), late, noDigest);
    await after.settle();
    expect(late.sent).to.have.length(0);
    await after.stop();
  });

  it('never sends twice across a restart on one SQLite file', async () => {
    const url = sqliteUrl();
    const storeA = new KeyValueStore(await openBackend(url));
    for (let i = 0; i < 20; i++) await seedAttendee(storeA, i, { reminders: 'all' });
    const clock = new ManualClock(SS7_DUE);
    const sender = new FakeSender();
    const a = makeService(storeA, agendaOf(DFS), clock, sender, noDigest);
    await a.settle();
    await a.stop();
    await storeA.close();

    const storeB = new KeyValueStore(await openBackend(url));
    clock.advance(30_000);
    const b = makeService(storeB, agendaOf(DFS), clock, sender, noDigest);
    await b.settle();
    expect(ss7Texts(sender)).to.have.length(20);
    expect(new Set(sender.sent.map((s) => s.conversationId)).size).to.equal(20);
    expect(b.dispatcher.stats.sent).to.equal(0);
    await b.stop();
    await storeB.close();
  });

  it('delivers each reminder exactly once between two instances running at once on one SQLite file', async () => {
    const url = sqliteUrl();
    const storeA = new KeyValueStore(await openBackend(url));
    const storeB = new KeyValueStore(await openBackend(url));
    for (let i = 0; i < 60; i++) await seedAttendee(storeA, i, { reminders: 'choose', follow: [SS7] });
    const clock = new ManualClock(SS7_DUE);
    const sender = new FakeSender();
    const a = makeService(storeA, agendaOf(DFS), clock, sender, noDigest);
    const b = makeService(storeB, agendaOf(DFS), clock, sender, noDigest);
    await Promise.all([a.settle(), b.settle()]);
    expect(sender.sent).to.have.length(60);
    expect(new Set(sender.sent.map((s) => s.conversationId)).size).to.equal(60);
    expect(a.dispatcher.stats.sent + b.dispatcher.stats.sent).to.equal(60);
    await Promise.all([a.stop(), b.stop()]);
    await Promise.all([storeA.close(), storeB.close()]);
  });

  it('retries a claim left by a crashed sender once its lease expires', async () => {
    const store = await memoryStore();
    const reg = await seedAttendee(store, 1, { reminders: 'choose', follow: [SS7] });
    const clock = new ManualClock(SS7_DUE);
    const sender = new FakeSender();
    const service = makeService(store, agendaOf(DFS), clock, sender, noDigest);
    const occurrence = service.occurrences.find((o) => o.sessionId === SS7)!;
    // A previous process claimed it and died before sending.
    const dead = new DeliveryLedger(store, 'dead-instance', 40);
    expect(await dead.claim(deliveryKey(occurrence.id, reg.reference), clock.now())).to.equal(true);
    // It waits for the lease to run out (polling), then claims and sends.
    await service.settle();
    expect(service.dispatcher.stats.claimedElsewhere).to.be.greaterThan(0);
    expect(sender.sent).to.have.length(1);
    expect((await service.ledger.get(deliveryKey(occurrence.id, reg.reference)))?.state).to.equal('sent');
    await service.stop();
  });

  it('retries 429 and 5xx with backoff (honouring Retry-After) until the send goes through', async () => {
    const store = await memoryStore();
    await seedAttendee(store, 1, { reminders: 'choose', follow: [SS7] });
    await seedAttendee(store, 2, { reminders: 'choose', follow: [SS7] });
    const sender = new FakeSender((conv, attempt) =>
      conv === 'conv-1' && attempt === 1 ? { ok: false, kind: 'transient', status: 429, retryAfterMs: 20 } : conv === 'conv-2' && attempt < 3 ? { ok: false, kind: 'transient', status: 503 } : undefined,
    );
    const service = makeService(store, agendaOf(DFS), new ManualClock(SS7_DUE), sender, noDigest);
    await service.settle();
    expect(sender.sent.map((s) => s.conversationId).sort()).to.deep.equal(['conv-1', 'conv-2']);
    expect(sender.attempts.get('conv-1')).to.equal(2);
    expect(sender.attempts.get('conv-2')).to.equal(3);
    expect(service.dispatcher.stats).to.include({ sent: 2, retries: 3, attempts: 5 });
    await service.stop();
  });

  it('releases a delivery that keeps failing, and a later scan sends it', async () => {
    const store = await memoryStore();
    await seedAttendee(store, 1, { reminders: 'choose', follow: [SS7] });
    let down = true;
    const sender = new FakeSender(() => (down ? { ok: false, kind: 'transient', status: 502 } : undefined));
    const service = makeService(store, agendaOf(DFS), new ManualClock(SS7_DUE), sender, { ...noDigest, maxAttempts: 3 });
    await service.settle();
    expect(sender.sent).to.have.length(0);
    expect(service.dispatcher.stats.released).to.equal(1);
    down = false;
    await new Promise((r) => setTimeout(r, 5)); // the released lease (1 ms) is gone
    service.poke();
    await service.settle();
    expect(sender.sent).to.have.length(1);
    await service.stop();
  });

  it('records "sent" through a brief storage hiccup, so the message is not sent again', async () => {
    const store = await memoryStore();
    const reg = await seedAttendee(store, 1, { reminders: 'choose', follow: [SS7] });
    let failures = 1;
    const realSet = store.set.bind(store);
    store.set = (async (key: string, value: unknown, ttl?: number) => {
      if (key.startsWith('delivery:') && failures-- > 0) throw new Error('storage hiccup');
      return realSet(key, value, ttl);
    }) as typeof store.set;
    const sender = new FakeSender();
    const service = makeService(store, agendaOf(DFS), new ManualClock(SS7_DUE), sender, noDigest);
    await service.settle();
    const occurrence = service.occurrences.find((o) => o.sessionId === SS7)!;
    expect((await service.ledger.get(deliveryKey(occurrence.id, reg.reference)))?.state).to.equal('sent');
    expect(sender.sent).to.have.length(1);
    await service.stop();
  });

  it('on 403/404 stops for that user: marks the reference stale until they write again', async () => {
    const store = await memoryStore();
    await seedAttendee(store, 1, { reminders: 'all' });
    await seedAttendee(store, 2, { reminders: 'all' });
    const sender = new FakeSender((conv) => (conv === 'conv-1' ? { ok: false, kind: 'unreachable', status: 403 } : undefined));
    const clock = new ManualClock(SS7_DUE);
    const service = makeService(store, agendaOf(DFS), clock, sender, noDigest);
    await service.settle();
    expect(sender.attempts.get('conv-1')).to.equal(1);
    const refs = new ReferenceStore(store);
    expect((await refs.get('webchat:user-1'))?.stale?.status).to.equal(403);

    clock.set('2022-03-30T08:45:00Z'); // the next session's reminder: no attempt to the blocked user
    await service.settle();
    expect(sender.attempts.get('conv-1')).to.equal(1);
    expect(sender.to('conv-2')).to.have.length(2);

    // The user writes to the bot again: the fresh reference is stored and used.
    expect(await refs.remember('webchat:user-1', referenceFor(1), undefined)).to.equal(true);
    expect((await refs.get('webchat:user-1'))?.stale).to.equal(undefined);
    await service.stop();
  });

  it('writes the conversation reference only when it changed', async () => {
    const store = await memoryStore();
    const refs = new ReferenceStore(store);
    expect(await refs.remember('webchat:u', referenceFor('u'), 'Africa/Nairobi')).to.equal(true);
    expect(await refs.remember('webchat:u', referenceFor('u'), 'Africa/Nairobi')).to.equal(false);
    expect(await new ReferenceStore(store).remember('webchat:u', referenceFor('u'), 'Africa/Nairobi')).to.equal(false); // another process, same data
    expect(await refs.remember('webchat:u', referenceFor('u'), 'Europe/Paris')).to.equal(true);
    expect(await refs.remember('webchat:u', referenceFor('u', 'http://elsewhere/'), 'Europe/Paris')).to.equal(true);
    expect(refs.writes).to.equal(3);
  });

  it('forgets the conversation references of a deleted registration', async () => {
    const store = await memoryStore();
    await seedAttendee(store, 1);
    const registrations = new RegistrationStore(store);
    const { createReminders } = await import('../../src/proactive/index.ts');
    const { loadSettings } = await import('../../src/config.ts');
    const reminders = createReminders({ settings: loadSettings({ STORAGE_URL: 'memory://' }), agenda: agendaOf(DFS), clock: new ManualClock(SS7_DUE), store, log: silent, registrations, sender: new FakeSender() });
    expect(await reminders.references.get('webchat:user-1')).to.not.equal(undefined);
    await registrations.remove('webchat:user-1');
    expect(await reminders.references.get('webchat:user-1')).to.equal(undefined);
  });

  it('reschedules when the event source publishes a new agenda, and keeps it when the next edit is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-'));
    const file = join(dir, 'event.json');
    const original = readFileSync(DFS, 'utf8');
    writeFileSync(file, original);
    const events = EventSource.fromFile(file);
    const store = await memoryStore();
    await seedAttendee(store, 1, { reminders: 'choose', follow: [SS7] });
    const clock = new ManualClock(SS7_DUE);
    const sender = new FakeSender();
    const service = makeService(store, events.agenda, clock, sender, noDigest);
    events.subscribe((live) => service.setAgenda(live.agenda));

    // The SS7 session moves 30 minutes later, before its reminder went out.
    const moved = JSON.parse(original);
    const item = moved.programme.find((p: { id: string }) => p.id === SS7);
    Object.assign(item, { start: '10:50', end: '11:50' });
    writeFileSync(file, JSON.stringify(moved));
    expect(events.reload()).to.equal(true);
    await service.settle();
    expect(sender.sent).to.have.length(0); // now due at 07:35Z

    writeFileSync(file, '{ "broken": ');
    expect(events.reload()).to.equal(false);
    expect(service.agenda.session(SS7)!.start).to.equal('10:50');

    clock.set('2022-03-30T07:35:00Z');
    await service.settle();
    expect(sender.sent).to.have.length(1);
    expect(sender.sent[0].reply.text).to.contain('10:50–11:50 EAT');
    await service.stop();
  });
});

const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)('reminder delivery on Redis (REDIS_URL)', () => {
  it('delivers each reminder exactly once between two instances sharing Redis', async () => {
    // A database of its own on the shared server, so other runs' registrations and claims are never touched.
    const url = new URL(redisUrl!);
    url.pathname = `/${process.env.REMINDERS_TEST_REDIS_DB ?? '11'}`;
    const storeA = new KeyValueStore(await openBackend(url.toString()));
    const storeB = new KeyValueStore(await openBackend(url.toString()));
    const run = randomUUID().slice(0, 8);
    const regs = [];
    for (let i = 0; i < 40; i++) regs.push(await seedAttendee(storeA, `${run}-${i}`, { reminders: 'choose', follow: [SS7] }));
    const clock = new ManualClock(SS7_DUE);
    const sender = new FakeSender();
    const a = makeService(storeA, agendaOf(DFS), clock, sender, noDigest);
    const b = makeService(storeB, agendaOf(DFS), clock, sender, noDigest);
    try {
      await Promise.all([a.settle(), b.settle()]);
      const ours = sender.sent.filter((s) => s.conversationId.startsWith(`conv-${run}-`));
      expect(ours).to.have.length(40);
      expect(new Set(ours.map((s) => s.conversationId)).size).to.equal(40);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      const occurrence = a.occurrences.find((o) => o.sessionId === SS7)!;
      for (const r of regs) {
        await storeA.delete(deliveryKey(occurrence.id, r.reference));
        for (const identity of r.identities) await storeA.delete(`convref:${identity}`);
      }
      for (const r of regs) await new RegistrationStore(storeA).remove(r.identities[0]);
      await Promise.all([storeA.close(), storeB.close()]);
    }
  });
});
if (!redisUrl) console.log('  (reminders on Redis skipped: set REDIS_URL=redis://127.0.0.1:6379 to run it)');
