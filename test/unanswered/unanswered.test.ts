// The questions the bot could not answer, as organisers see them: kept from real turns at /api/messages (text
// only, identifying details masked, never who asked), grouped by what they ask, newest first, marked handled,
// forgotten after the retention period, and not kept at all when switched off, as the privacy notice says.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { groupQuestions, type StoredQuestion } from '../../src/unanswered/grouping.ts';
import { normaliseQuestion } from '../../src/unanswered/questionText.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { ADMIN_TEST_TOKEN, consolePost, signIn, type Organiser } from '../support/organiser.ts';

const TOKEN = ADMIN_TEST_TOKEN;

describe('unanswered questions: what is kept of the text', () => {
  const cases: [string, string | undefined][] = [
    ['Can I bring my DOG?', 'can i bring my dog?'],
    ['Écrivez-moi à jean.dupont@example.org svp', 'ecrivez moi a <email> svp'],
    ['call me on +254 712 345 678 please', 'call me on <number> please'],
    ['my reference is K7P3-9QXD, is that ok?', 'my reference is <reference> is that ok?'],
    ['see https://example.org/x?y=1 !!', 'see <link>'],
    ['room 12 or 2022', 'room 12 or <number>'],
    ['   ', undefined],
    ['!!!', undefined],
  ];
  for (const [raw, kept] of cases) it(`"${raw}" → ${kept === undefined ? 'nothing' : `"${kept}"`}`, () => expect(normaliseQuestion(raw)).to.equal(kept));

  it('keeps at most 200 characters', () => expect(normaliseQuestion('why '.repeat(100))!.length).to.be.at.most(200));
});

describe('unanswered questions: grouping', () => {
  const q = (id: string, text: string, count = 1, lastAt = '2022-03-30T08:00:00.000Z', handledAt?: string): StoredQuestion => ({ id, text, count, firstAt: lastAt, lastAt, handledAt });

  const together: [string, string][] = [
    ['can i bring my dog?', 'can i bring my dogs?'],
    ['is there a certificate of attendance?', 'will i get a certificate of attendance?'],
    ['where is the recording?', 'is there a recording?'],
  ];
  for (const [a, b] of together) it(`groups "${a}" with "${b}"`, () => expect(groupQuestions([q('a', a), q('b', b)])).to.have.length(1));

  const apart: [string, string][] = [
    ['can i bring my dog?', 'is there a certificate of attendance?'],
    ['where is the recording?', 'where is the parking?'],
  ];
  for (const [a, b] of apart) it(`keeps "${a}" apart from "${b}"`, () => expect(groupQuestions([q('a', a), q('b', b)])).to.have.length(2));

  it('counts every ask, names the group by its most-asked wording, and lists groups newest first', () => {
    const groups = groupQuestions([
      q('old', 'is there parking?', 1, '2022-03-29T08:00:00.000Z'),
      q('d1', 'can i bring my dog?', 1, '2022-03-30T09:00:00.000Z'),
      q('d2', 'can i bring my dogs?', 3, '2022-03-30T07:00:00.000Z'),
    ]);
    expect(groups.map((g) => [g.text, g.count, g.lastAt])).to.deep.equal([
      ['can i bring my dogs?', 4, '2022-03-30T09:00:00.000Z'],
      ['is there parking?', 1, '2022-03-29T08:00:00.000Z'],
    ]);
    expect(groups[0].questions.map((x) => x.id)).to.deep.equal(['d1', 'd2']);
  });

  it('keeps handled questions apart from open ones', () => {
    const groups = groupQuestions([q('a', 'can i bring my dog?', 1, '2022-03-30T08:00:00.000Z', '2022-03-30T08:30:00.000Z'), q('b', 'can i bring my dog please?')]);
    expect(groups.map((g) => g.handled).sort()).to.deep.equal([false, true]);
  });
});

describe('unanswered questions through the running bot', () => {
  let bot: BotUnderTest;
  let clock: ManualClock;
  let o: Organiser;
  const list = async () => (await (await fetch(`${bot.url}/api/admin/unanswered`, { headers: { cookie: o.cookie } })).json()) as { enabled: boolean; retentionDays: number; groups: any[] };
  beforeEach(async () => {
    clock = new ManualClock('2022-03-20T08:00:00Z');
    bot = await startBot({ ADMIN_TOKEN: TOKEN, UNANSWERED_RETENTION_DAYS: '7' }, { clock });
    o = await signIn(bot.url);
  });
  afterEach(() => bot.stop());

  it('keeps a question the bot could not answer, grouped with its rewordings, with no user or conversation id', async () => {
    const fallback = await bot.ask('Can I bring my dog? Text me on +254 712 345 678', { userId: 'zelda-user', conversationId: 'zelda-conv' });
    expect(fallback).to.match(/Sorry/); // the bot said it could not help
    clock.advance(60_000);
    await bot.ask('can I bring my dogs', { userId: 'other-user', conversationId: 'other-conv' });
    await bot.ask('When does day 1 start?', { userId: 'other-user', conversationId: 'other-conv' }); // answered: not kept

    const { enabled, retentionDays, groups } = await list();
    expect({ enabled, retentionDays }).to.deep.equal({ enabled: true, retentionDays: 7 });
    expect(groups).to.have.length(1);
    expect(groups[0]).to.deep.include({ count: 2, handled: false, lastAt: '2022-03-20T08:01:00.000Z' });
    expect(groups[0].questions.map((x: { text: string }) => x.text)).to.have.members(['can i bring my dogs', 'can i bring my dog? text me on <number>']);
    const stored = JSON.stringify(await bot.app.store.list('unanswered:'));
    for (const identifying of ['zelda', 'other-user', 'other-conv', 'webchat', '712']) expect(stored).not.to.contain(identifying);
  });

  it('does not keep what is typed as an answer inside the registration dialog', async () => {
    const say = (text: string) => bot.ask(text, { userId: 'u-reg', conversationId: 'c-reg' });
    await say('register');
    expect(await say('Quentin Zyxwvut')).to.match(/e-mail/);
    expect((await list()).groups).to.deep.equal([]);
  });

  it('marks a group handled; the same question asked later opens it again', async () => {
    await bot.ask('can I bring my dog?', { userId: 'u1', conversationId: 'c1' });
    let { groups } = await list();
    const res = await consolePost(bot.url, o, '/api/admin/unanswered/handled', { ids: groups[0].questions.map((x: { id: string }) => x.id) });
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ handled: 1 });
    ({ groups } = await list());
    expect(groups.map((g) => g.handled)).to.deep.equal([true]);
    clock.advance(60_000);
    await bot.ask('can I bring my dog?', { userId: 'u2', conversationId: 'c2' });
    ({ groups } = await list());
    expect(groups.map((g) => [g.handled, g.count])).to.deep.equal([[false, 1]]);
  });

  it('refuses a forged "handled" (no CSRF token) and bad bodies', async () => {
    await bot.ask('can I bring my dog?', { userId: 'u1', conversationId: 'c1' });
    const ids = (await list()).groups[0].questions.map((x: { id: string }) => x.id);
    expect((await consolePost(bot.url, o, '/api/admin/unanswered/handled', { ids }, { 'x-csrf-token': 'x' })).status).to.equal(403);
    for (const body of [{}, { ids: [] }, { ids: 'abc' }, { ids: [1, 2] }]) expect((await consolePost(bot.url, o, '/api/admin/unanswered/handled', body)).status, JSON.stringify(body)).to.equal(400);
    expect((await list()).groups[0].handled).to.equal(false);
  });

  it('forgets questions after the retention period', async () => {
    await bot.ask('can I bring my dog?', { userId: 'u1', conversationId: 'c1' });
    clock.advance(8 * 24 * 60 * 60_000);
    expect((await list()).groups).to.deep.equal([]);
  });
});

describe('unanswered questions switched off (UNANSWERED_QUESTIONS=off)', () => {
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({ ADMIN_TOKEN: TOKEN, UNANSWERED_QUESTIONS: 'off' })));
  after(() => bot.stop());

  it('keeps nothing, says so in the API, and the privacy notices say the text is not saved', async () => {
    await bot.ask('can I bring my dog?', { userId: 'u1', conversationId: 'c1' });
    expect(await bot.app.store.list('unanswered:')).to.deep.equal([]);
    const o = await signIn(bot.url);
    expect(await (await fetch(`${bot.url}/api/admin/unanswered`, { headers: { cookie: o.cookie } })).json()).to.deep.equal({ enabled: false, retentionDays: 30, groups: [] });
    expect(await (await fetch(`${bot.url}/`)).text()).to.contain('The text of your questions is not saved.');
    const say = (text: string) => bot.ask(text, { userId: 'u-p', conversationId: 'c-p' });
    for (const t of ['register', 'Ada Lovelace', 'ada@example.org']) await say(t);
    for (const t of [await bot.mail.codeFor('ada@example.org'), 'Analytical Engines', 'Kenya', 'Central bank']) await say(t);
    expect(await say('None')).to.contain('The text of your questions is not saved.');
  });
});

describe('the privacy notices when unanswered questions are kept', () => {
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({ UNANSWERED_RETENTION_DAYS: '21' })));
  after(() => bot.stop());

  it('the registration dialog and the event page say what is kept and for how long', async () => {
    expect(await (await fetch(`${bot.url}/`)).text()).to.contain('kept for 21 days as text only, without your name or any id');
    const say = (text: string) => bot.ask(text, { userId: 'u-p', conversationId: 'c-p' });
    for (const t of ['register', 'Ada Lovelace', 'ada@example.org']) await say(t);
    for (const t of [await bot.mail.codeFor('ada@example.org'), 'Analytical Engines', 'Kenya', 'Central bank']) await say(t);
    expect(await say('None')).to.contain('kept for 21 days as text only, without your name or any id');
  });
});
