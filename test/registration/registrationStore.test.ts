// The durable registration store: one attendee per e-mail, identities linked, updates that move e-mails,
// deletion that leaves nothing behind, and data that survives a restart on SQLite.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailTakenError, RegistrationStore, type RegistrationDraft } from '../../src/registration/registrationStore.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';

const draft = (over: Partial<RegistrationDraft> = {}): RegistrationDraft => ({
  fullName: 'Ada Lovelace',
  email: 'Ada@Example.org',
  organisation: 'Analytical Engines',
  country: { code: 'GB', name: 'United Kingdom' },
  category: 'Other',
  reminders: 'all',
  followedSessionIds: [],
  consentAt: '2022-03-01T00:00:00.000Z',
  ...over,
});

describe('RegistrationStore', () => {
  let kv: KeyValueStore;
  let store: RegistrationStore;
  beforeEach(async () => {
    kv = new KeyValueStore(await openBackend('memory://'));
    store = new RegistrationStore(kv);
  });

  it('tells every listener on the same storage about each save and change, so reminders are scheduled at once', async () => {
    const heard: string[] = [];
    new RegistrationStore(kv).onSaved((r) => heard.push(`${r.reference}:${r.organisation}`));
    const saved = await store.save(draft(), 'webchat:u1');
    await store.update('webchat:u1', () => ({ organisation: 'Babbage & Co' }));
    expect(heard).to.deep.equal([`${saved.reference}:Analytical Engines`, `${saved.reference}:Babbage & Co`]);
  });

  it('saves once per e-mail: registering twice updates and keeps the reference', async () => {
    const first = await store.save(draft(), 'webchat:u1');
    expect(first.reference).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(first.email).to.equal('ada@example.org');
    const again = await store.save(draft({ organisation: 'Babbage & Co', email: 'ADA@example.org' }), 'webchat:u1');
    expect(again.reference).to.equal(first.reference);
    expect(await store.all()).to.have.length(1);
    expect((await store.byIdentity('webchat:u1'))?.organisation).to.equal('Babbage & Co');
  });

  it('refuses another identity with the same e-mail unless linking was confirmed', async () => {
    const first = await store.save(draft(), 'webchat:u1');
    let error: unknown;
    try {
      await store.save(draft(), 'msteams:29:abc');
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(EmailTakenError);
    const linked = await store.link('ada@example.org', 'msteams:29:abc');
    expect(linked?.identities).to.have.members(['webchat:u1', 'msteams:29:abc']);
    expect((await store.byIdentity('msteams:29:abc'))?.reference).to.equal(first.reference);
    expect(await store.all()).to.have.length(1);
  });

  it('moves a registration to a new e-mail with the same reference, for every linked identity', async () => {
    const first = await store.save(draft(), 'webchat:u1');
    await store.link('ada@example.org', 'msteams:t1');
    const moved = await store.update('webchat:u1', () => ({ email: 'ada@new.example.org' }));
    expect(moved?.reference).to.equal(first.reference);
    expect(await store.byEmail('ada@example.org')).to.equal(undefined);
    expect((await store.byIdentity('msteams:t1'))?.email).to.equal('ada@new.example.org');
    expect(await store.all()).to.have.length(1);
  });

  it("will not move onto another attendee's e-mail", async () => {
    await store.save(draft(), 'webchat:u1');
    await store.save(draft({ fullName: 'Grace Hopper', email: 'grace@example.org' }), 'webchat:u2');
    let error: unknown;
    try {
      await store.update('webchat:u1', () => ({ email: 'grace@example.org' }));
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(EmailTakenError);
    expect((await store.byEmail('grace@example.org'))?.fullName).to.equal('Grace Hopper');
  });

  it('deletes the data, not a flag: no registration or identity entry is left', async () => {
    await store.save(draft(), 'webchat:u1');
    await store.link('ada@example.org', 'msteams:t1');
    const removed: string[] = [];
    new RegistrationStore(kv).onRemoved((r) => void removed.push(r.reference)); // another instance on the same storage hears it too
    expect(await store.remove('msteams:t1')).to.equal(true);
    expect(await store.byIdentity('webchat:u1')).to.equal(undefined);
    expect(await kv.list('registration:')).to.deep.equal([]);
    expect(await kv.list('identity:')).to.deep.equal([]);
    expect(removed).to.have.length(1);
    expect(await store.remove('webchat:u1')).to.equal(false);
  });

  it('keeps only the registration fields it is given', async () => {
    const saved = await store.save({ ...draft(), password: 'x', notes: '<b>' } as RegistrationDraft, 'webchat:u1');
    expect(Object.keys(saved)).to.have.members(['fullName', 'email', 'organisation', 'country', 'category', 'reminders', 'followedSessionIds', 'consentAt', 'reference', 'identities', 'createdAt', 'updatedAt']);
  });

  it('survives a restart on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reg-store-'));
    try {
      const url = `sqlite://${join(dir, 'x.sqlite')}`;
      const a = new KeyValueStore(await openBackend(url));
      const saved = await new RegistrationStore(a).save(draft(), 'webchat:u1');
      await a.close();
      const b = new KeyValueStore(await openBackend(url));
      expect((await new RegistrationStore(b).byIdentity('webchat:u1'))?.reference).to.equal(saved.reference);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
