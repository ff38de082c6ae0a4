// Through the real protocol: the running app captures conversation references from /api/messages, the
// scheduler delivers to the mock Bot Connector unprompted, subscriptions are changed by chat, and the
// announcement API sends to every registered attendee.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { ReferenceStore } from '../../src/proactive/references.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedAttendee } from './support.ts';

const TOKEN = 'test-admin-token-0123456789';
const SS7_DUE = Date.parse('2022-03-30T07:05:00Z');

async function register(bot: BotUnderTest, userId: string, reminders: 'all' | 'choose' | 'none', follow: string[] = []) {
  return new RegistrationStore(bot.app.store).save(
    {
      fullName: 'Wanjiru Test',
      email: `${userId}@example.org`,
      organisation: 'Example',
      country: { code: 'KE', name: 'Kenya' },
      category: 'Other',
      reminders,
      followedSessionIds: follow,
      consentAt: new Date().toISOString(),
    },
    `webchat:${userId}`,
  );
}

describe('reminders through the running bot', () => {
  let bot: BotUnderTest;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(new Date(SS7_DUE - 20_000));
    bot = await startBot({ ADMIN_TOKEN: TOKEN, REMINDER_LEAD_MINUTES: '15' }, { clock });
  });
  afterEach(() => bot.stop());

  it('registers through the dialog at /api/messages, then delivers the reminder unprompted, once', async () => {
    // 20 s before the SS7 reminder is due: register in chat, choose the session, nothing else.
    const say = (text: string) => bot.ask(text, { userId: 'user-1', conversationId: 'conv-r', localTimezone: 'Europe/London' });
    for (const answer of ['register', 'Wanjiru Kamau', 'wanjiru@example.org']) await say(answer);
    for (const answer of [await bot.mail.codeFor('wanjiru@example.org'), 'Safaricom', 'Kenya', 'Mobile network operator', "I'll choose", 'yes']) await say(answer);
    expect(await say('confirm')).to.match(/registered/i);
    expect(await say('remind me about the SS7 session')).to.contain('Done');
    const stored = await new ReferenceStore(bot.app.store).get('webchat:user-1');
    expect(stored?.reference).to.deep.include({ channelId: 'webchat', serviceUrl: bot.connector.url });
    expect(stored?.reference.conversation.id).to.equal('conv-r');
    expect(stored?.timeZone).to.equal('Europe/London');
    const before = bot.connector.to('conv-r').length;

    clock.set(new Date(SS7_DUE)); // the bot's clock reaches the due time; the scheduler wakes on its own (<= 5 s)
    await bot.connector.waitFor(() => bot.connector.to('conv-r').length > before, 8000);
    await bot.app.reminders.service.settle();
    const reminders = bot.connector.to('conv-r').slice(before);
    expect(reminders).to.have.length(1);
    expect(visibleText(reminders[0])).to.contain('Starting in 15 minutes').and.contain('08:20–09:50 your time, Europe/London');
    expect(reminders[0].conversation?.id ?? 'conv-r').to.equal('conv-r');

    clock.advance(60_000);
    bot.app.reminders.service.poke();
    await bot.app.reminders.service.settle();
    expect(bot.connector.to('conv-r').slice(before)).to.have.length(1);
  });

  it('changes subscriptions by chat, and offers registration first to unregistered users', async () => {
    const unregistered = await bot.say('remind me about the SS7 session', { userId: 'stranger', conversationId: 'conv-s' });
    expect(unregistered.map(visibleText).join('\n')).to.match(/register/i);
    expect(JSON.stringify(unregistered[0].suggestedActions)).to.contain('Register');

    await register(bot, 'user-2', 'none');
    expect(await bot.ask('remind me about the SS7 session', { userId: 'user-2', conversationId: 'conv-2' })).to.contain('Done').and.contain('10:20–11:50 EAT');
    expect(await bot.ask('remind me about day 2', { userId: 'user-2', conversationId: 'conv-2' })).to.contain('DFS security audit guideline');
    const list = await bot.ask('which reminders do I have?', { userId: 'user-2', conversationId: 'conv-2' });
    expect(list).to.contain('Infrastructure vulnerabilities').and.contain('DFS Security Assurance Framework');
    const reg = await new RegistrationStore(bot.app.store).byIdentity('webchat:user-2');
    expect(reg?.reminders).to.equal('choose');
    expect(reg?.followedSessionIds).to.include('d1-infrastructure-vulnerabilities');
    expect(await bot.ask('stop reminders', { userId: 'user-2', conversationId: 'conv-2' })).to.match(/no more reminders/i);
    expect((await new RegistrationStore(bot.app.store).byIdentity('webchat:user-2'))?.reminders).to.equal('none');
  });

  // What a reminder request names decides what changes; a request the bot cannot honour changes nothing.
  const requests: [string, RegExp, string[] | undefined][] = [
    ['remind me about Arnold Kibuuka', /Done[\s\S]*USSD, STK and Android[\s\S]*audit guideline/, ['d1-ussd-stk-android', 'd2-audit-guideline']],
    ['remind me about the coffee break', /break/i, undefined],
    ['remind me 1 hour before', /15 minutes before each session/, undefined],
    ['remind me about the blockchain session', /couldn't tell which session/, undefined],
  ];
  for (const [text, reply, followed] of requests) {
    it(`"${text}": ${followed ? 'follows those sessions' : 'changes nothing, and says why'}`, async () => {
      await register(bot, 'user-3', 'none');
      expect(await bot.ask(text, { userId: 'user-3', conversationId: 'conv-3' })).to.match(reply);
      const reg = await new RegistrationStore(bot.app.store).byIdentity('webchat:user-3');
      expect(reg?.followedSessionIds).to.deep.equal(followed ?? []);
      expect(reg?.reminders).to.equal(followed ? 'choose' : 'none');
    });
  }

  it('POST /api/admin/announce: 401 without the token, 400 for bad text, 202 and a status that reaches sent', async () => {
    for (let i = 0; i < 5; i++) await seedAttendee(bot.app.store, `a${i}`, { serviceUrl: bot.connector.url });
    const post = (body: unknown, token?: string) =>
      fetch(`${bot.url}/api/admin/announce`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post({ text: 'hi' })).status).to.equal(401);
    expect((await post({ text: 'hi' }, 'wrong-token-wrong-token')).status).to.equal(401);
    expect((await post({ text: '   ' }, TOKEN)).status).to.equal(400);
    expect((await post({ text: 'x'.repeat(4001) }, TOKEN)).status).to.equal(400);
    expect((await post({ nope: 1 }, TOKEN)).status).to.equal(400);

    const res = await post({ text: 'The room for day 2 has changed: use the new link.' }, TOKEN);
    expect(res.status).to.equal(202);
    const { id, recipients } = (await res.json()) as { id: string; recipients: number };
    expect(recipients).to.equal(5);
    expect((await fetch(`${bot.url}/api/admin/announce/${id}`)).status).to.equal(401);

    await bot.app.reminders.service.settle();
    const status = await (await fetch(`${bot.url}/api/admin/announce/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(status).to.include({ total: 5, sent: 5, failed: 0, pending: 0, done: true });
    for (let i = 0; i < 5; i++) {
      const got = bot.connector.to(`conv-a${i}`);
      expect(got).to.have.length(1);
      expect(visibleText(got[0])).to.contain('The room for day 2 has changed');
    }
    expect((await fetch(`${bot.url}/api/admin/announce/00000000-0000-0000-0000-000000000000`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).to.equal(404);
  });

  it('names in the announcement status how each attendee was reached: chat, e-mail, both or neither, and why', async () => {
    const seed = (name: string, opts: Parameters<typeof seedAttendee>[2] = {}) => seedAttendee(bot.app.store, name, { serviceUrl: bot.connector.url, ...opts });
    const both = await seed('both'); // a web attendee: chat and e-mail
    const uninstalled = await seed('gone'); // the chat answers 404; the e-mail arrives
    const teams = await seed('teams', { channelId: 'msteams' }); // Teams: the chat only
    const bounced = await seed('bounce'); // the mailbox does not exist (550); the chat works
    const nowhere = await seed('nowhere', { noConversation: true, emailReminders: false }); // no chat yet, e-mail off
    bot.connector.configure({ failSend: (conversationId) => (conversationId === 'conv-gone' ? 404 : undefined) });
    bot.mail.configure({ refuse: (to) => (to === 'attendee-bounce@example.org' ? 550 : undefined) });
    const res = await fetch(`${bot.url}/api/admin/announce`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: 'Slides are online.' }),
    });
    const { id } = (await res.json()) as { id: string };
    await bot.app.reminders.service.settle();
    const status = await (await fetch(`${bot.url}/api/admin/announce/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(status).to.deep.include({ total: 5, sent: 4, failed: 1, pending: 0, done: true });
    expect(status.reached).to.deep.equal({ both: 1, email: 1, chat: 2, neither: 1, pending: 0 });
    expect(status.failures).to.deep.equal({ unreachable: 2, 'no-conversation': 1 });
    const of = (reference: string) => status.attendees.find((a: { reference: string }) => a.reference === reference);
    expect(of(both.reference)).to.deep.include({ reached: 'both', chat: { state: 'sent' }, email: { state: 'sent' } });
    expect(of(uninstalled.reference)).to.deep.include({ reached: 'email', chat: { state: 'failed', reason: 'unreachable', status: 404 }, email: { state: 'sent' } });
    expect(of(teams.reference)).to.deep.include({ reached: 'chat', email: { state: 'off' } });
    expect(of(bounced.reference)).to.deep.include({ reached: 'chat', email: { state: 'failed', reason: 'unreachable', status: 550 } });
    expect(of(nowhere.reference)).to.deep.include({ reached: 'neither', chat: { state: 'none', reason: 'no-conversation' }, email: { state: 'off' } });
    // Names and addresses stay out of it: references only.
    expect(JSON.stringify(status)).not.to.include('@').and.not.include('Attendee ');
    expect((await new ReferenceStore(bot.app.store).get('webchat:user-gone'))?.stale?.status).to.equal(404);
    expect(bot.mail.to('attendee-gone@example.org')).to.have.length(1);
    expect(bot.mail.to('attendee-teams@example.org')).to.have.length(0);
  });

  it('retries a 429 from the channel after its Retry-After, and a 503 with backoff: each attendee gets it once', async () => {
    await seedAttendee(bot.app.store, 't1', { serviceUrl: bot.connector.url });
    await seedAttendee(bot.app.store, 't2', { serviceUrl: bot.connector.url });
    const tries = new Map<string, number>();
    bot.connector.configure({
      failSend: (conversationId) => {
        const n = (tries.get(conversationId) ?? 0) + 1;
        tries.set(conversationId, n);
        if (n === 1) return conversationId === 'conv-t1' ? 429 : 503;
        return undefined;
      },
    });
    await bot.app.reminders.service.announce('Retry me.');
    await bot.app.reminders.service.settle();
    expect(bot.connector.to('conv-t1')).to.have.length(1);
    expect(bot.connector.to('conv-t2')).to.have.length(1);
    expect(tries.get('conv-t1')).to.equal(2); // the SDK's own retry policy is off: our dispatcher retried
    expect(bot.app.reminders.service.dispatcher.stats.retries).to.equal(2);
  });
});

describe('two bot instances on one SQLite file', () => {
  it('deliver each reminder exactly once between them, and again none after a restart', async () => {
    const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'two-apps-')), 'bot.sqlite')}`;
    const clock = new ManualClock(new Date(SS7_DUE));
    const connector = await new MockConnector().start();
    const env = { STORAGE_URL: url, REMINDER_LEAD_MINUTES: '15' };
    const a = await startBot(env, { clock, connector });
    const b = await startBot(env, { clock, connector });
    try {
      for (let i = 0; i < 30; i++) await seedAttendee(a.app.store, `two-${i}`, { serviceUrl: connector.url });
      // Both started before the attendees existed: the next scan (every 30 s, or now after a poke) finds them.
      a.app.reminders.service.poke();
      b.app.reminders.service.poke();
      await Promise.all([a.app.reminders.service.settle(), b.app.reminders.service.settle()]);
      const counts = Array.from({ length: 30 }, (_, i) => connector.to(`conv-two-${i}`).length);
      expect(counts).to.deep.equal(Array(30).fill(1));
      await a.stop();
      const c = await startBot(env, { clock, connector });
      clock.advance(60_000);
      await c.app.reminders.service.settle();
      await c.stop();
      expect(connector.sent).to.have.length(30);
    } finally {
      await b.stop();
      await connector.stop();
    }
  });
});
