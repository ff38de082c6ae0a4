// The SQLite backend commits the writes of one event-loop turn together and reads its reads in one
// transaction: each caller still gets its own outcome, a write that fails fails alone, and nothing a caller
// was told is stored is lost on reopen.
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/storage/sqliteStore.ts';

describe('SQLite store group commit', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'sqlite-')), 'bot.sqlite');

  it('gives each write made together its own result', async () => {
    const store = new SqliteStore(file());
    await store.keyvStore.set('a', '1');
    const results = await Promise.all([store.swap('a', '1', '2'), store.swap('a', '1', '3'), store.swap('b', undefined, 'x'), store.keyvStore.delete('missing')]);
    expect(results).to.deep.equal([true, false, true, false]);
    expect(await store.get('a')).to.equal('2');
    await store.close();
  });

  it('gives each of many reads made together its own value, and a read after a write sees it', async () => {
    const store = new SqliteStore(file());
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.keyvStore.set(`k${i}`, `v${i}`)));
    const values = await Promise.all(Array.from({ length: 60 }, (_, i) => store.get(`k${i}`)));
    expect(values).to.deep.equal(Array.from({ length: 60 }, (_, i) => (i < 50 ? `v${i}` : undefined)));
    await store.keyvStore.set('k0', 'changed');
    expect(await store.get('k0')).to.equal('changed');
    await store.close();
  });

  it('fails only the write that fails, not the others committed with it', async () => {
    const store = new SqliteStore(file());
    const outcomes = await Promise.allSettled([
      store.keyvStore.set('good-1', 'kept'),
      store.keyvStore.set('bad', { not: 'a string' } as unknown as string),
      store.keyvStore.set('good-2', 'kept too'),
    ]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect([await store.get('good-1'), await store.get('bad'), await store.get('good-2')]).to.deep.equal(['kept', undefined, 'kept too']);
    await store.close();
  });

  it('keeps every acknowledged write, and commits writes still queued when closed', async () => {
    const path = file();
    const store = new SqliteStore(path);
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.keyvStore.set(`k${i}`, `v${i}`)));
    void store.keyvStore.set('queued', 'at close');
    await store.close();
    const reopened = new SqliteStore(path);
    expect((await reopened.scan('k')).length).to.equal(100);
    expect(await reopened.get('queued')).to.equal('at close');
    await reopened.close();
  });
});
