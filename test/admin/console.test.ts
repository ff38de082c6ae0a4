// The organisers' console over HTTP, as a browser and a script use it: sign-in with the admin token and the
// session cookie it sets, what a missing cookie, a wrong token, a forged cross-site POST or a missing CSRF token
// get (no data), sign-out, the wrong-token budget, and the data the console shows: registration totals,
// reminders per session, an announcement to one session's followers, and the questions the bot could not answer.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { RegistrationStore, type RegistrationDraft } from '../../src/registration/registrationStore.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';
import { ADMIN_TEST_TOKEN, consolePost, signIn, type Organiser } from '../support/organiser.ts';

const TOKEN = ADMIN_TEST_TOKEN;
const SS7 = 'd1-infrastructure-vulnerabilities';
const SS7_DUE = Date.parse('2022-03-30T07:05:00Z');

const draft = (email: string, over: Partial<RegistrationDraft> = {}): RegistrationDraft => ({
  fullName: 'Wanjiru Test',
  email,
  organisation: 'Example',
  country: { code: 'KE', name: 'Kenya' },
  category: 'Regulator',
  reminders: 'none',
  followedSessionIds: [],
  consentAt: '2022-03-01T00:00:00.000Z',
  ...over,
});

describe('organisers’ console: sign-in, session cookie, CSRF', () => {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({ ADMIN_TOKEN: TOKEN });
    await new RegistrationStore(bot.app.store).save(draft('ada@example.org', { fullName: 'Ada Lovelace' }), 'webchat:ada');
  });
  after(() => bot.stop());

  it('shows the sign-in form with the pages’ CSP, no inline script and no cache', async () => {
    const res = await fetch(`${bot.url}/admin`);
    expect(res.status).to.equal(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).to.contain("script-src 'self'").and.contain("default-src 'none'").and.contain("frame-ancestors 'none'").and.contain("connect-src 'self'");
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const html = await res.text();
    expect(html).to.contain('<form method="post" action="/admin/sign-in"').and.contain('<label for="token">');
    expect(html).not.to.match(/<script(?![^>]*\bsrc=)/);
    expect(html).not.to.contain('Ada Lovelace');
  });

  it('a wrong token gets the form again (401), no cookie and no data', async () => {
    const res = await fetch(`${bot.url}/admin/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=not-the-token-at-all' });
    expect(res.status).to.equal(401);
    expect(res.headers.get('set-cookie')).to.equal(null);
    const html = await res.text();
    expect(html).to.contain('role="alert"').and.contain('not the admin token');
    expect(html).not.to.contain('Ada Lovelace');
  });

  it('the right token sets a short-lived httpOnly SameSite=Strict cookie (Secure only over https)', async () => {
    const res = await fetch(`${bot.url}/admin/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: bot.url }, body: `token=${TOKEN}` });
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal('/admin');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).to.match(/^admin-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    const secure = await fetch(`${bot.url}/admin/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' }, body: `token=${TOKEN}` });
    expect(secure.headers.get('set-cookie')).to.match(/^__Host-admin-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure$/);
  });

  it('a signed-in organiser gets the console page and the API’s data with the cookie alone', async () => {
    const o = await signIn(bot.url);
    const page = await (await fetch(`${bot.url}/admin`, { headers: { cookie: o.cookie } })).text();
    expect(page).to.contain('<script src="/assets/admin.js" defer></script>').and.contain('id="registrations"').and.contain('action="/admin/sign-out"');
    const res = await fetch(`${bot.url}/api/admin/registrations`, { headers: { cookie: o.cookie } });
    expect(res.status).to.equal(200);
    expect(JSON.stringify(await res.json())).to.contain('Ada Lovelace');
    const csv = await fetch(`${bot.url}/api/admin/registrations?format=csv`, { headers: { cookie: o.cookie } });
    expect(csv.headers.get('content-type')).to.contain('text/csv');
    expect(await csv.text()).to.contain('Ada Lovelace');
  });

  const noData = [
    { name: 'no cookie', headers: {} as Record<string, string> },
    { name: 'a made-up cookie', headers: { cookie: 'admin-session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } },
    { name: 'a malformed cookie', headers: { cookie: 'admin-session=../../etc' } },
    { name: 'a wrong Bearer token', headers: { authorization: 'Bearer wrong-token-wrong-token' } },
  ];
  for (const c of noData) {
    it(`${c.name} gets 401 and no data from every console API`, async () => {
      for (const path of ['/api/admin/registrations', '/api/admin/registrations/summary', '/api/admin/reminders', '/api/admin/unanswered', '/api/admin/announcements']) {
        const res = await fetch(`${bot.url}${path}`, { headers: c.headers });
        expect(res.status, path).to.equal(401);
        expect(await res.text(), path).not.to.contain('Ada');
      }
    });
  }

  const forged: { name: string; headers: Record<string, string> }[] = [
    { name: 'from another site (wrong Origin)', headers: { origin: 'https://evil.example' } },
    { name: 'marked cross-site by the browser', headers: { 'sec-fetch-site': 'cross-site' } },
    { name: 'without the CSRF token', headers: { 'x-csrf-token': '' } },
    { name: 'with another session’s CSRF token', headers: { 'x-csrf-token': 'A'.repeat(43) } },
    { name: 'without an Origin', headers: { origin: '' } },
  ];
  for (const c of forged) {
    it(`refuses a POST with the cookie ${c.name} (403), and sends nothing`, async () => {
      const o = await signIn(bot.url);
      const before = (await bot.app.store.list('announcement:')).length;
      const res = await consolePost(bot.url, o, '/api/admin/announce', { text: 'Forged' }, c.headers);
      expect(res.status).to.equal(403);
      expect((await bot.app.store.list('announcement:')).length).to.equal(before);
    });
  }

  it('a page on another site cannot sign anyone in', async () => {
    const res = await fetch(`${bot.url}/admin/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: `token=${TOKEN}` });
    expect(res.status).to.equal(403);
    expect(res.headers.get('set-cookie')).to.equal(null);
  });

  it('signs out only with the session’s CSRF token; afterwards the cookie gets nothing', async () => {
    const o = await signIn(bot.url);
    const forgedOut = await fetch(`${bot.url}/admin/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie: o.cookie, origin: bot.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=nope' });
    expect(forgedOut.status).to.equal(403);
    expect((await fetch(`${bot.url}/api/admin/registrations`, { headers: { cookie: o.cookie } })).status).to.equal(200);
    const out = await fetch(`${bot.url}/admin/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie: o.cookie, origin: bot.url, 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${o.csrf}` });
    expect(out.status).to.equal(303);
    expect(out.headers.get('set-cookie')).to.match(/^admin-session=; .*Max-Age=0/);
    expect((await fetch(`${bot.url}/api/admin/registrations`, { headers: { cookie: o.cookie } })).status).to.equal(401);
    expect(await (await fetch(`${bot.url}/admin`, { headers: { cookie: o.cookie } })).text()).to.contain('action="/admin/sign-in"');
  });
});

describe('organisers’ console: wrong tokens are rate-limited', () => {
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({ ADMIN_TOKEN: TOKEN, ADMIN_SIGNIN_ATTEMPTS: '3' })));
  after(() => bot.stop());

  it('after too many wrong tokens from one address, sign-in and the API answer 429, even to the right token', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${bot.url}/admin/sign-in`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=guess-${i}-xxxxxxxxxxxxxxx` });
      expect(res.status).to.equal(401);
    }
    const locked = await fetch(`${bot.url}/admin/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${TOKEN}` });
    expect(locked.status).to.equal(429);
    expect(Number(locked.headers.get('retry-after'))).to.be.within(1, 15 * 60);
    expect(locked.headers.get('set-cookie')).to.equal(null);
    const api = await fetch(`${bot.url}/api/admin/registrations`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(api.status).to.equal(429);
    // The store keeps a hash of the address, never the address.
    const kept = await bot.app.store.list('admin-signin-failures:');
    expect(JSON.stringify(kept)).not.to.contain('127.0.0.1');
  });
});

describe('organisers’ console: off without ADMIN_TOKEN', () => {
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({})));
  after(() => bot.stop());

  it('answers 503 for the page, the sign-in and the API', async () => {
    const page = await fetch(`${bot.url}/admin`);
    expect(page.status).to.equal(503);
    expect(await page.text()).to.contain('ADMIN_TOKEN');
    expect((await fetch(`${bot.url}/admin/sign-in`, { method: 'POST', body: 'token=anything-anything' })).status).to.equal(503);
    for (const path of ['/api/admin/registrations/summary', '/api/admin/reminders', '/api/admin/unanswered']) expect((await fetch(`${bot.url}${path}`)).status, path).to.equal(503);
  });
});

describe('organisers’ console: the data it shows', () => {
  let bot: BotUnderTest;
  let clock: ManualClock;
  let o: Organiser;
  const get = async (path: string) => {
    const res = await fetch(`${bot.url}${path}`, { headers: { cookie: o.cookie } });
    expect(res.status, path).to.equal(200);
    return res.json() as Promise<any>;
  };
  beforeEach(async () => {
    clock = new ManualClock(new Date(SS7_DUE - 60 * 60_000));
    bot = await startBot({ ADMIN_TOKEN: TOKEN }, { clock });
    o = await signIn(bot.url);
  });
  afterEach(() => bot.stop());

  it('totals registrations by country, category and day of registration (event zone)', async () => {
    const store = new RegistrationStore(bot.app.store);
    // 22:30 UTC on 1 March is already 2 March in Nairobi (EAT, UTC+3).
    await store.save(draft('a@example.org'), 'webchat:a', { now: new Date('2022-03-01T22:30:00Z') });
    await store.save(draft('b@example.org', { country: { code: 'UG', name: 'Uganda' } }), 'webchat:b', { now: new Date('2022-03-02T08:00:00Z') });
    await store.save(draft('c@example.org', { category: 'Central bank', reminders: 'all' }), 'webchat:c', { now: new Date('2022-03-05T08:00:00Z') });
    const s = await get('/api/admin/registrations/summary');
    expect(s).to.deep.include({ total: 3, withReminders: 1, timeZone: 'Africa/Nairobi' });
    expect(s.byCountry).to.deep.equal([
      { key: 'KE', label: 'Kenya', count: 2 },
      { key: 'UG', label: 'Uganda', count: 1 },
    ]);
    expect(s.byCategory).to.deep.equal([
      { key: 'Regulator', label: 'Regulator', count: 2 },
      { key: 'Central bank', label: 'Central bank', count: 1 },
    ]);
    expect(s.byDay.map((d: { key: string; count: number }) => [d.key, d.count])).to.deep.equal([
      ['2022-03-02', 2],
      ['2022-03-05', 1],
    ]);
  });

  it('reports each session’s reminders: followers, sent, failed with reasons, pending, and the next due time', async () => {
    const store = new RegistrationStore(bot.app.store);
    for (const id of ['f1', 'f2', 'blocked']) {
      await store.save(draft(`${id}@example.org`, { reminders: 'choose', followedSessionIds: [SS7] }), `webchat:${id}`);
      await bot.say('hello', { userId: id, conversationId: `conv-${id}` }); // the conversation reference the reminder goes to
    }
    let report = await get('/api/admin/reminders');
    const ss7 = () => report.sessions.find((s: { sessionId: string }) => s.sessionId === SS7);
    expect(ss7()).to.deep.include({ followers: 3, sent: 0, failed: 0, pending: 3, state: 'scheduled', dueAt: new Date(SS7_DUE).toISOString() });
    expect(report.nextDueAt).to.equal('2022-03-30T06:45:00.000Z'); // the opening's reminder comes first
    expect(report.sessions.some((s: { sessionId: string }) => s.sessionId === 'd1-coffee-break')).to.equal(false);

    bot.connector.configure({ failSend: (conversationId) => (conversationId === 'conv-blocked' ? 403 : undefined) });
    clock.set(new Date(SS7_DUE));
    bot.app.reminders.service.poke();
    await bot.app.reminders.service.settle();
    report = await get('/api/admin/reminders');
    expect(ss7()).to.deep.include({ followers: 3, sent: 2, failed: 1, pending: 0, state: 'sending' });
    expect(Object.keys(ss7().failures)).to.have.length(1);
    expect(Object.values(ss7().failures)).to.deep.equal([1]);
  });

  it('sends an announcement to one session’s followers only, and reports it sent', async () => {
    const store = new RegistrationStore(bot.app.store);
    await store.save(draft('follower@example.org', { reminders: 'choose', followedSessionIds: [SS7] }), 'webchat:follower');
    await store.save(draft('other@example.org', { reminders: 'choose', followedSessionIds: ['d2-audit-guideline'] }), 'webchat:other');
    for (const id of ['follower', 'other']) await bot.say('hello', { userId: id, conversationId: `conv-${id}` });
    const before = { follower: bot.connector.to('conv-follower').length, other: bot.connector.to('conv-other').length };

    const res = await consolePost(bot.url, o, '/api/admin/announce', { text: 'The SS7 session moves to **room B**.', sessionId: SS7 });
    expect(res.status).to.equal(202);
    const accepted = (await res.json()) as { id: string; recipients: number; audience: unknown };
    expect(accepted).to.deep.include({ recipients: 1, audience: { kind: 'session', sessionId: SS7, title: bot.app.agenda.session(SS7)!.title } });
    await bot.connector.waitFor(() => bot.connector.to('conv-follower').length > before.follower, 8000);
    await bot.app.reminders.service.settle();
    expect(visibleText(bot.connector.to('conv-follower').at(-1)!)).to.contain('room B');
    expect(bot.connector.to('conv-other')).to.have.length(before.other);
    const status = await get(`/api/admin/announce/${accepted.id}`);
    expect(status).to.deep.include({ total: 1, sent: 1, failed: 0, pending: 0, done: true });

    const unknown = await consolePost(bot.url, o, '/api/admin/announce', { text: 'x', sessionId: 'd1-coffee-break' });
    expect(unknown.status).to.equal(400);
  });

  it('lists every announcement, newest first, with its text and live delivery counts by channel', async () => {
    const store = new RegistrationStore(bot.app.store);
    await store.save(draft('both@example.org', { reminders: 'choose', followedSessionIds: [SS7] }), 'webchat:both');
    await store.save(draft('chat-only@example.org', { reminders: 'choose', followedSessionIds: [SS7], emailReminders: false }), 'webchat:chat-only');
    await store.save(draft('silent@example.org'), 'webchat:silent'); // never wrote from a chat the bot can reach
    for (const id of ['both', 'chat-only']) await bot.say('hello', { userId: id, conversationId: `conv-${id}` });
    expect(await get('/api/admin/announcements')).to.deep.equal({ announcements: [] });

    const first = (await (await consolePost(bot.url, o, '/api/admin/announce', { text: 'SS7 moves to room B.', sessionId: SS7 })).json()) as { id: string };
    clock.advance(60_000);
    const second = (await (await consolePost(bot.url, o, '/api/admin/announce', { text: 'Lunch is served.' })).json()) as { id: string };
    let { announcements } = await get('/api/admin/announcements');
    expect(announcements.map((a: { id: string; text: string }) => [a.id, a.text])).to.deep.equal([
      [second.id, 'Lunch is served.'],
      [first.id, 'SS7 moves to room B.'],
    ]);

    await bot.app.reminders.service.settle();
    ({ announcements } = await get('/api/admin/announcements'));
    const zero = { sent: 0, failed: 0, pending: 0, off: 0, none: 0 };
    expect(announcements[0]).to.deep.include({ total: 3, sent: 3, failed: 0, pending: 0, done: true, audience: { kind: 'everyone' } });
    expect(announcements[0].byChannel).to.deep.equal({ chat: { ...zero, sent: 2, none: 1 }, email: { ...zero, sent: 2, off: 1 } });
    expect(announcements[1]).to.deep.include({ total: 2, sent: 2, pending: 0, done: true });
    expect(announcements[1].byChannel).to.deep.equal({ chat: { ...zero, sent: 2 }, email: { ...zero, sent: 1, off: 1 } });
    // The same counts as each announcement's own status, without the per-attendee rows.
    const own = await get(`/api/admin/announce/${first.id}`);
    expect(own.byChannel).to.deep.equal(announcements[1].byChannel);
    expect(announcements[1]).not.to.have.property('attendees');
    expect(JSON.stringify(announcements)).not.to.contain('@example.org');
  });

  it('previews an announcement as attendees will see it, sending nothing', async () => {
    const sentBefore = bot.connector.sent.length;
    const res = await consolePost(bot.url, o, '/api/admin/announce/preview', { text: 'Day 2 starts **10 minutes late**.' });
    expect(res.status).to.equal(200);
    const { reply } = (await res.json()) as { reply: { text: string } };
    expect(reply.text).to.match(/^📣 Announcement from the organisers of DFS Security Clinic:\n\nDay 2 starts \*\*10 minutes late\*\*\.$/);
    expect(bot.connector.sent.length).to.equal(sentBefore);
    expect((await bot.app.store.list('announcement:')).length).to.equal(0);
  });
});

const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)('organisers’ console on two instances sharing Redis (REDIS_URL)', () => {
  let a: BotUnderTest;
  let b: BotUnderTest;
  before(async () => {
    // A database of its own on the shared server: sessions and counters of other runs are never touched.
    const url = new URL(redisUrl!);
    url.pathname = `/${process.env.CONSOLE_TEST_REDIS_DB ?? '13'}`;
    a = await startBot({ ADMIN_TOKEN: TOKEN, STORAGE_URL: url.toString() });
    b = await startBot({ ADMIN_TOKEN: TOKEN, STORAGE_URL: url.toString() }, { connector: a.connector });
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a session signed in on one instance works on the other, and signing out on one ends it on both', async () => {
    const o = await signIn(a.url);
    expect((await fetch(`${b.url}/api/admin/reminders`, { headers: { cookie: o.cookie } })).status).to.equal(200);
    // The CSRF token is the session's, whichever instance checks it.
    const preview = await consolePost(b.url, o, '/api/admin/announce/preview', { text: 'Hello' });
    expect(preview.status).to.equal(200);
    const out = await fetch(`${b.url}/admin/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie: o.cookie, origin: b.url, 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${o.csrf}` });
    expect(out.status).to.equal(303);
    expect((await fetch(`${a.url}/api/admin/reminders`, { headers: { cookie: o.cookie } })).status).to.equal(401);
  });

  it('counts an unanswered question asked through either instance in one entry', async () => {
    const word = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const question = `can I bring my pet ${word}?`;
    await a.ask(question, { userId: 'ua', conversationId: 'ca' });
    await b.ask(question, { userId: 'ub', conversationId: 'cb' });
    const o = await signIn(b.url);
    const { groups } = (await (await fetch(`${a.url}/api/admin/unanswered`, { headers: { cookie: o.cookie } })).json()) as { groups: { text: string; count: number; questions: { id: string }[] }[] };
    const ours = groups.find((g) => g.text.includes(word));
    expect(ours?.count).to.equal(2);
    for (const q of ours!.questions) await a.app.store.delete(`unanswered:${q.id}`);
  });
});
