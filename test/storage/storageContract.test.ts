// One contract, every backend: the same behaviour on memory, SQLite and (when REDIS_URL is set) Redis.
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';
import { KeyvBotStorage } from '../../src/bot/keyvBotStorage.ts';

const sqliteUrl = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'kv-')), 'bot.sqlite')}`;
const backends: { name: string; url: () => string; persistent: boolean }[] = [
  { name: 'memory', url: () => 'memory://', persistent: false },
  { name: 'SQLite', url: sqliteUrl, persistent: true },
];
if (process.env.REDIS_URL) backends.push({ name: 'Redis', url: () => process.env.REDIS_URL!, persistent: true });
else console.log('  (storage contract on Redis skipped: set REDIS_URL=redis://127.0.0.1:6379 to run it)');

for (const backend of backends) {
  describe(`storage contract on ${backend.name}`, () => {
    let url: string;
    let store: KeyValueStore;
    let ns: string; // a fresh key space per test, so runs never see each other's data on a shared Redis
    beforeEach(async () => {
      url = backend.url();
      store = new KeyValueStore(await openBackend(url));
      ns = `t-${randomUUID()}:`;
    });
    afterEach(async () => {
      for (const { key } of [...(await store.list(ns)), ...(await store.list('state:' + ns))]) await store.delete(key);
      await store.close();
    });

    it('gets what was set, and nothing after delete', async () => {
      await store.set(ns + 'a', { n: 1, s: ':colon-leading text' });
      expect(await store.get(ns + 'a')).to.deep.equal({ n: 1, s: ':colon-leading text' });
      expect(await store.delete(ns + 'a')).to.equal(true);
      expect(await store.get(ns + 'a')).to.equal(undefined);
    });

    it('lets exactly one of many concurrent claimers win, until the claim expires', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim(ns + 'job', { by: i }, 300)));
      expect(results.filter(Boolean)).to.have.length(1);
      await new Promise((r) => setTimeout(r, 350));
      expect(await store.claim(ns + 'job', { by: 'late' }, 1000)).to.equal(true);
    });

    it('applies concurrent read-modify-writes without losing any', async () => {
      await Promise.all(Array.from({ length: 25 }, () => store.update<number>(ns + 'counter', (n) => (n ?? 0) + 1)));
      expect(await store.get(ns + 'counter')).to.equal(25);
    });

    it('stores every one of many writes made at once, each with its own outcome', async () => {
      await store.set(ns + 'taken', 'first');
      await store.set(ns + 'old', 'to delete');
      const [stale, fresh, deleted] = await Promise.all([
        ...Array.from({ length: 30 }, (_, i) => store.set(ns + `w${i}`, { i })),
        store.update<string>(ns + 'taken', () => 'second'),
        store.claim(ns + 'taken', 'never', 60_000),
        store.claim(ns + 'free', 'mine', 60_000),
        store.delete(ns + 'old'),
      ]).then((r) => r.slice(31)); // the 30 sets and the update come first
      expect([stale, fresh, deleted]).to.deep.equal([false, true, true]);
      expect(await store.get(ns + 'taken')).to.equal('second');
      expect(await store.get(ns + 'old')).to.equal(undefined);
      expect((await store.list(ns + 'w')).length).to.equal(30);
    });

    it('lists entries by prefix', async () => {
      await store.set(ns + 'reg:1', 'one');
      await store.set(ns + 'reg:2', 'two');
      await store.set(ns + 'other:1', 'x');
      const listed = (await store.list<string>(ns + 'reg:')).map((e) => [e.key, e.value]).sort();
      expect(listed).to.deep.equal([
        [ns + 'reg:1', 'one'],
        [ns + 'reg:2', 'two'],
      ]);
    });

    describe('as botbuilder Storage', () => {
      it('fails a write with a stale eTag and accepts the current one', async () => {
        const storage = new KeyvBotStorage(store);
        await storage.write({ [ns + 'conv']: { turn: 1 } });
        const first = (await storage.read([ns + 'conv']))[ns + 'conv'];
        await storage.write({ [ns + 'conv']: { ...first, turn: 2 } });
        let error: Error | undefined;
        await storage.write({ [ns + 'conv']: { ...first, turn: 3 } }).catch((e) => (error = e));
        expect(error?.message).to.match(/eTag conflict/);
        expect((await storage.read([ns + 'conv']))[ns + 'conv'].turn).to.equal(2);
      });

      it('overwrites with eTag "*" or none', async () => {
        const storage = new KeyvBotStorage(store);
        await storage.write({ [ns + 'k']: { v: 1 } });
        await storage.write({ [ns + 'k']: { v: 2, eTag: '*' } });
        await storage.write({ [ns + 'k']: { v: 3 } });
        expect((await storage.read([ns + 'k']))[ns + 'k'].v).to.equal(3);
      });

      it('lets only one of two concurrent writers with the same eTag win', async () => {
        const storage = new KeyvBotStorage(store);
        await storage.write({ [ns + 'race']: { v: 0 } });
        const read = (await storage.read([ns + 'race']))[ns + 'race'];
        const outcomes = await Promise.allSettled([1, 2, 3, 4].map((v) => storage.write({ [ns + 'race']: { ...read, v } })));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
      });

      it('deletes', async () => {
        const storage = new KeyvBotStorage(store);
        await storage.write({ [ns + 'gone']: { v: 1 } });
        await storage.delete([ns + 'gone']);
        expect(await storage.read([ns + 'gone'])).to.deep.equal({});
      });
    });

    if (backend.persistent) {
      it('keeps everything across a close and reopen', async () => {
        await store.set(ns + 'kept', { v: 'still here' });
        await new KeyvBotStorage(store).write({ [ns + 'state']: { dialog: 'step 3' } });
        await store.close();
        store = new KeyValueStore(await openBackend(url));
        expect(await store.get(ns + 'kept')).to.deep.equal({ v: 'still here' });
        expect((await new KeyvBotStorage(store).read([ns + 'state']))[ns + 'state'].dialog).to.equal('step 3');
      });
    }
  });
}

describe('conversation state expiry', () => {
  it('forgets an idle conversation (an abandoned registration) after the TTL, but keeps user state', async () => {
    const store = new KeyValueStore(await openBackend(sqliteUrl()));
    const storage = new KeyvBotStorage(store, { conversationTtlMs: 300 });
    const keys = ['webchat/conversations/c1/', 'webchat/users/u1/'];
    await storage.write({ [keys[0]]: { dialogState: { step: 'email' } }, [keys[1]]: { profile: { timeZone: 'Europe/Paris' } } });
    expect(Object.keys(await storage.read(keys))).to.have.length(2);
    await new Promise((r) => setTimeout(r, 400));
    expect(Object.keys(await storage.read(keys))).to.deep.equal([keys[1]]);
    await store.close();
  });
});
