// The built-in Direct Line, driven by Microsoft's own client (botframework-directlinejs) over WebSocket and
// polling, plus the protocol's edges: 401/403, refresh, rate limits, expiry, caps, proactive messages, and
// the production token exchange against a fake Azure Direct Line.
import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { TurnContext, type ConversationReference } from 'botbuilder';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { ConnectionStatus, DirectLine, getToken, post, watch, type Act, type TokenResponse } from '../support/directLineClient.ts';
import { ConversationStore } from '../../src/web/directline/conversations.ts';
import { TokenIssuer } from '../../src/web/directline/tokens.ts';
import { RateLimiter } from '../../src/web/rateLimiter.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';

const fromBot = (a: Act) => a.from?.role === 'bot' && a.type === 'message';

describe('built-in Direct Line', function () {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({ BOT_NOW: '2022-03-29T08:00:00Z' });
  });
  after(async () => bot.stop());

  for (const mode of ['WebSocket', 'polling'] as const) {
    it(`answers a question through the official client over ${mode}`, async () => {
      const t = await getToken(bot.url);
      expect(t.mode).to.equal('builtin');
      expect(t.domain).to.equal(`${bot.url}/v3/directline`);
      let upgrades = 0;
      const countUpgrade = () => upgrades++;
      bot.app.server.server.on('upgrade', countUpgrade);
      const dl = new DirectLine({ token: t.token, domain: t.domain, webSocket: mode === 'WebSocket', pollingInterval: 200, WebSocket } as never);
      const w = watch(dl);
      try {
        // Like Azure's Direct Line, the bot hears the user join and greets first.
        const welcome = await w.next(fromBot);
        expect(welcome.text).to.match(/assistant for DFS Security Clinic/);
        const id = await post(dl, { type: 'message', from: { id: t.userId, name: 'Ada' }, text: 'When does day 1 start?', locale: 'en-GB', localTimezone: 'Europe/Berlin' });
        expect(id).to.match(new RegExp(`^${t.conversationId}\\|`));
        // Our own message is echoed (Web Chat marks it sent then) and the answer follows, in the user's zone.
        const echo = await w.next((a) => a.id === id);
        expect(echo.from).to.include({ id: t.userId, role: 'user' });
        const answer = await w.next((a) => fromBot(a) && /10:00/.test(a.text));
        expect(answer.text).to.match(/Day 1/).and.match(/09:00/).and.match(/Europe\/Berlin/);
        expect(answer.replyToId).to.equal(id);
        expect(dl.connectionStatus$.getValue()).to.equal(ConnectionStatus.Online);
        expect(upgrades).to.equal(mode === 'WebSocket' ? 1 : 0);
      } finally {
        bot.app.server.server.off('upgrade', countUpgrade);
        w.stop();
        dl.end();
      }
    });
  }

  it('passes the client’s locale, localTimezone and channelData through to the bot, but not who it claims to be', async () => {
    const t = await getToken(bot.url);
    const auth = { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' };
    await fetch(`${t.domain}/conversations`, { method: 'POST', headers: auth });
    const res = await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', text: 'hello', locale: 'fr-FR', localTimezone: 'America/Lima', channelData: { clientActivityID: 'c1' }, from: { id: 'admin', role: 'bot' }, serviceUrl: 'http://evil.example' }),
    });
    expect(res.status).to.equal(200);
    const { activities } = (await (await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { headers: auth })).json()) as { activities: Act[] };
    const mine = activities.find((a) => a.text === 'hello')!;
    expect(mine).to.include({ locale: 'fr-FR', localTimezone: 'America/Lima', channelId: 'webchat' });
    expect(mine.channelData).to.deep.equal({ clientActivityID: 'c1' });
    expect(mine.from).to.deep.equal({ id: t.userId, role: 'user' });
    expect(mine).to.not.have.property('serviceUrl'); // it names the connector endpoint the bot replies to (finding 10)
  });

  it('refuses requests without a token (401), with a forged one (401), and for another conversation (403)', async () => {
    const a = await getToken(bot.url);
    const b = await getToken(bot.url);
    const auth = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
    await fetch(`${a.domain}/conversations`, { method: 'POST', headers: auth(a.token) });
    await fetch(`${b.domain}/conversations`, { method: 'POST', headers: auth(b.token) });

    expect((await fetch(`${a.domain}/conversations`, { method: 'POST' })).status).to.equal(401);
    expect((await fetch(`${a.domain}/conversations/${a.conversationId}/activities`)).status).to.equal(401);
    const [payload, sig] = a.token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), conversationId: b.conversationId })).toString('base64url');
    expect((await fetch(`${a.domain}/conversations/${b.conversationId}/activities`, { headers: auth(`${forged}.${sig}`) })).status).to.equal(401);
    expect((await fetch(`${a.domain}/conversations/${b.conversationId}/activities`, { headers: auth(a.token) })).status).to.equal(403);
    expect((await fetch(`${a.domain}/conversations/${b.conversationId}/activities`, { method: 'POST', headers: auth(a.token), body: '{"type":"message","text":"hi"}' })).status).to.equal(403);
    expect((await fetch(`${a.domain}/conversations/${b.conversationId}`, { headers: auth(a.token) })).status).to.equal(403);

    // The WebSocket stream checks the same way.
    const wsStatus = (url: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('open', () => (ws.close(), resolve(101)));
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => resolve(-1));
      });
    const wsBase = bot.url.replace(/^http/, 'ws');
    expect(await wsStatus(`${wsBase}/v3/directline/conversations/${a.conversationId}/stream`)).to.equal(401);
    expect(await wsStatus(`${wsBase}/v3/directline/conversations/${b.conversationId}/stream?t=${encodeURIComponent(a.token)}`)).to.equal(403);
    expect(await wsStatus(`${wsBase}/v3/directline/conversations/${a.conversationId}/stream?t=${encodeURIComponent(a.token)}`)).to.equal(101);
  });

  it('refreshes a token for the same conversation and user', async () => {
    const t = await getToken(bot.url);
    const res = await fetch(`${t.domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${t.token}` } });
    expect(res.status).to.equal(200);
    const r = (await res.json()) as { token: string; conversationId: string; expires_in: number };
    expect(r.conversationId).to.equal(t.conversationId);
    expect(r.expires_in).to.be.greaterThan(60);
    const again = await fetch(`${t.domain}/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${r.token}` } });
    expect(again.status).to.equal(201);
    expect(((await again.json()) as { conversationId: string }).conversationId).to.equal(t.conversationId);
    expect((await fetch(`${t.domain}/tokens/refresh`, { method: 'POST' })).status).to.equal(401);
  });

  it('gives a browser the same user in every token through its signed cookie (Secure behind https), and forgets it on sign-out', async () => {
    const first = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
    const setCookie = first.headers.get('set-cookie')!;
    expect(setCookie).to.match(/^webchat-user=dl_[\w-]{22}\.[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0];
    const { userId } = (await first.json()) as TokenResponse;
    const again = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { cookie } })).json()) as TokenResponse;
    expect(again.userId).to.equal(userId);
    // A cookie not signed here (another user id, an altered signature) is a new visitor, never that user.
    const [, sig] = cookie.split('.');
    for (const forged of [`webchat-user=dl_${'A'.repeat(22)}.${sig}`, `${cookie}x`, 'webchat-user=%E0%A4%A']) {
      const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { cookie: forged } });
      expect(res.status).to.equal(200);
      expect(((await res.json()) as TokenResponse).userId).to.not.equal(userId).and.not.equal(`dl_${'A'.repeat(22)}`);
    }
    // Behind a TLS-terminating proxy the cookie is __Host- and Secure, and the plain one is not trusted there.
    const secure = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'x-forwarded-proto': 'https', cookie } });
    expect(secure.headers.get('set-cookie')).to.match(/^__Host-webchat-user=dl_[^;]+;.*; Secure(;|$)/);
    expect(((await secure.json()) as TokenResponse).userId).to.not.equal(userId);
    const out = await fetch(`${bot.url}/api/directline/signout`, { method: 'POST', headers: { cookie } });
    expect(out.status).to.equal(204);
    expect(out.headers.get('set-cookie')).to.match(/^webchat-user=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await fetch(`${bot.url}/api/directline/signout`, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })).status).to.equal(403);
  });

  it('delivers proactive messages (reminders) to a Web Chat conversation through the stored reference', async () => {
    const t = await getToken(bot.url);
    const auth = { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' };
    await fetch(`${t.domain}/conversations`, { method: 'POST', headers: auth });
    // The reminder feature stores the reference of an incoming message (the client never sees its serviceUrl).
    await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'help' }) });
    const after = (await (await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { headers: auth })).json()) as { activities: Act[]; watermark: string };
    const stored = (await bot.app.reminders.references.get(`webchat:${t.userId}`))!.reference;
    const ref = { channelId: stored.channelId, serviceUrl: stored.serviceUrl, conversation: stored.conversation, user: stored.user, bot: stored.bot } as ConversationReference;
    expect(ref.serviceUrl).to.match(/\/directline-connector\//);
    await bot.app.adapter.continueConversationAsync('', ref, async (context) => {
      await context.sendActivity('Reminder: the opening starts in 15 minutes.');
    });
    const later = (await (await fetch(`${t.domain}/conversations/${t.conversationId}/activities?watermark=${after.watermark}`, { headers: auth })).json()) as { activities: Act[] };
    expect(later.activities.map((a) => a.text)).to.deep.equal(['Reminder: the opening starts in 15 minutes.']);
    expect(later.activities[0].from.role).to.equal('bot');
  });

  it('keeps the connector endpoint closed to anyone without the key', async () => {
    const t = await getToken(bot.url);
    await fetch(`${t.domain}/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${t.token}` } });
    const res = await fetch(`${bot.url}/directline-connector/wrong-key/v3/conversations/${t.conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type":"message","text":"spoofed"}',
    });
    expect(res.status).to.equal(401);
  });

  it('rejects malformed activities with 400 and unknown conversations with 404', async () => {
    const t = await getToken(bot.url);
    const auth = { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' };
    expect((await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { headers: auth })).status).to.equal(404);
    await fetch(`${t.domain}/conversations`, { method: 'POST', headers: auth });
    expect((await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { method: 'POST', headers: auth, body: '[1,2]' })).status).to.equal(400);
    expect((await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { method: 'POST', headers: auth, body: '{"type":"deleteUserData"}' })).status).to.equal(400);
    expect((await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { method: 'POST', headers: auth, body: '{"type":"message","text":' })).status).to.equal(400);
  });
});

describe('built-in Direct Line limits', function () {
  it('rate-limits token issuing per client address with 429 and Retry-After', async () => {
    const bot = await startBot({ CHAT_TOKENS_PER_MINUTE_PER_CLIENT: '20' });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 22; i++) {
        const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      expect(statuses.slice(0, 20).every((s) => s === 200)).to.equal(true);
      expect(statuses.slice(20)).to.deep.equal([429, 429]);
      expect(Number(retryAfter)).to.be.within(1, 60);
    } finally {
      await bot.stop();
    }
  });

  it('keeps a bounded history per conversation in the store, in watermark order, and forgets idle conversations', async () => {
    let now = 0;
    const kv = new KeyValueStore(await openBackend('memory://'), () => now);
    const store = new ConversationStore(kv, { maxActivitiesPerConversation: 3, idleMs: 1000 }, () => now);
    expect((await store.open('a', 'u1')).created).to.equal(true);
    expect((await store.open('a', 'u1')).created).to.equal(false);
    expect([await store.markStarted('a'), await store.markStarted('a')]).to.deep.equal([true, false]);
    for (let i = 0; i < 5; i++) await store.append('a', { type: 'message', text: `m${i}` });
    const a = (await store.get('a'))!;
    expect(a.activities.map((x) => x.text)).to.deep.equal(['m2', 'm3', 'm4']);
    expect(store.since(a, '2')).to.deep.include({ watermark: '4' });
    expect(store.since(a, '2').activities.map((x) => x.text)).to.deep.equal(['m3', 'm4']);
    expect(store.since(a, undefined).activities).to.have.length(3);
    expect(await store.latestOf('u1')).to.equal('a');
    now = 900;
    await store.append('a', { type: 'message', text: 'm5' });
    now = 1800; // idle for 900 ms since the last activity: still there
    expect(await store.get('a')).to.not.equal(undefined);
    now = 2000;
    expect(await store.get('a')).to.equal(undefined);
    expect(await store.append('a', { type: 'message', text: 'too late' })).to.equal(undefined);
    expect(await store.latestOf('u1')).to.equal(undefined);
  });

  it('signs tokens that expire and cannot be altered', () => {
    let now = 1_000_000;
    const issuer = new TokenIssuer('a-test-secret', 60, () => now);
    const { token } = issuer.issue('conv', 'user');
    expect(issuer.verify(token)).to.deep.include({ ok: true });
    expect(new TokenIssuer('another-secret').verify(token)).to.deep.equal({ ok: false, reason: 'bad-signature' });
    expect(issuer.verify('garbage')).to.deep.equal({ ok: false, reason: 'malformed' });
    expect(issuer.verify(undefined)).to.deep.equal({ ok: false, reason: 'missing' });
    now += 61_000;
    expect(issuer.verify(token)).to.deep.equal({ ok: false, reason: 'expired' });
  });

  it('limits per key in fixed windows', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect([limiter.hit('x'), limiter.hit('x'), limiter.hit('x'), limiter.hit('y')]).to.deep.equal([0, 0, 60, 0]);
    now = 60_000;
    expect(limiter.hit('x')).to.equal(0);
  });
});

describe('built-in Direct Line with MicrosoftAppId set', function () {
  it('still answers (replies reach the built-in connector without an AAD token) and allows cross-origin embedding', async () => {
    const bot = await startBot({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'a-password' });
    try {
      const t = await getToken(bot.url);
      const auth = { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' };
      expect((await fetch(`${t.domain}/conversations`, { method: 'POST', headers: auth })).status).to.equal(201);
      await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'When does day 1 start?' }) });
      const { activities } = (await (await fetch(`${t.domain}/conversations/${t.conversationId}/activities`, { headers: auth })).json()) as { activities: Act[] };
      expect(activities.filter(fromBot).map((a) => a.text).join('\n')).to.match(/Day 1.*10:00 EAT/);
      const preflight = await fetch(`${t.domain}/conversations`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://other.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
      });
      expect(preflight.status).to.equal(204);
      expect(preflight.headers.get('access-control-allow-origin')).to.equal('*');
      expect(preflight.headers.get('access-control-allow-headers')).to.match(/Authorization/);
    } finally {
      await bot.stop();
    }
  });
});

describe('Direct Line with DIRECT_LINE_SECRET (Azure)', function () {
  let fake: http.Server;
  let endpoint = '';
  const calls: { auth?: string; body: string; path?: string }[] = [];
  let answer = 200;
  before(async () => {
    fake = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls.push({ auth: req.headers.authorization, body, path: req.url });
        if (answer !== 200) {
          res.statusCode = answer;
          return res.end();
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'azure-conv-1', token: 'azure-token-xyz', expires_in: 3600 }));
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => fake.close(() => r())));

  it('exchanges the secret server-side and tells the page to use Azure’s domain; the secret never reaches the page', async () => {
    const bot = await startBot({ DIRECT_LINE_SECRET: 'super-secret-direct-line-key', DIRECT_LINE_ENDPOINT: endpoint });
    try {
      answer = 200;
      const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      expect(res.status).to.equal(200);
      const text = await res.text();
      expect(text).to.not.contain('super-secret');
      const t = JSON.parse(text);
      expect(t).to.include({ token: 'azure-token-xyz', conversationId: 'azure-conv-1', expires_in: 3600, domain: `${endpoint}/v3/directline`, mode: 'azure' });
      expect(t.userId).to.match(/^dl_/);
      const call = calls.at(-1)!;
      expect(call.path).to.equal('/v3/directline/tokens/generate');
      expect(call.auth).to.equal('Bearer super-secret-direct-line-key');
      expect(JSON.parse(call.body).user.id).to.equal(t.userId);

      const page = await fetch(`${bot.url}/`);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).to.match(new RegExp(`connect-src 'self' ${endpoint.replace(/\./g, '\\.')} ws://127\\.0\\.0\\.1:\\d+`));
      expect(await page.text()).to.not.contain('super-secret');

      answer = 403;
      const failed = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      expect(failed.status).to.equal(502);
      expect(await failed.text()).to.not.contain('super-secret');
    } finally {
      await bot.stop();
    }
  });
});
