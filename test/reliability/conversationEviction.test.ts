// Finding 8 (issue 19): 2,020 tokens from 101 addresses, then 2,020 conversations, evicted a real attendee in the
// middle of registering — creating conversations cost nothing, refreshing was unlimited and an open WebSocket did
// not count as activity. Through the bot as a real process, its proxy trusted (TRUST_PROXY_HOPS=1) so the flood
// comes from many addresses: each address has a budget (a token or a refresh costs 1, a new conversation 4 more)
// and gets 429 with Retry-After beyond it; the chat holds DIRECT_LINE_MAX_CONVERSATIONS and, full of active ones,
// refuses new conversations rather than evict; the attendee, on a WebSocket, answers the name prompt after the
// flood and the dialog goes on. A refreshed token is revoked: 401 over HTTP and on the WebSocket stream.
import { expect } from 'chai';
import { once } from 'node:events';
import WebSocket from 'ws';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';
import { ConversationCapacity, EVICTABLE_AFTER_MS } from '../../src/web/directline/capacity.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';

type Act = Record<string, any>;
const MAX_CONVERSATIONS = 50;
const BUDGET = 20;

/** An attendee in Web Chat: a token, the conversation, its WebSocket, and messages posted as Web Chat does. */
async function attendee(url: string) {
  const t = (await (await fetch(`${url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const started = await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: headers(t.token) });
  expect(started.status).to.equal(201);
  const { streamUrl } = (await started.json()) as { streamUrl: string };
  const seen: Act[] = [];
  const ws = new WebSocket(streamUrl);
  ws.on('message', (d) => {
    const text = d.toString();
    if (text) seen.push(...(JSON.parse(text) as { activities: Act[] }).activities);
  });
  await once(ws, 'open');
  const waitFor = async (pred: (a: Act) => boolean, count: number) => {
    for (let waited = 0; waited < 10_000; waited += 20) {
      const found = seen.filter(pred);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no such activity; saw ${seen.length}`);
  };
  return {
    ...t,
    streamUrl,
    ws,
    headers,
    /** Posts a message over HTTP (answered once the turn is over); resolves with the bot's replies as the WebSocket brings them. */
    async say(text: string, token = t.token): Promise<string> {
      const base = `${url}/v3/directline/conversations/${t.conversationId}/activities`;
      const res = await fetch(base, { method: 'POST', headers: headers(token), body: JSON.stringify({ type: 'message', text, locale: 'en-US' }) });
      expect(res.status, await res.clone().text()).to.equal(200);
      const { id } = (await res.json()) as { id: string };
      const isReply = (a: Act) => a.from?.role === 'bot' && a.replyToId === id;
      const stored = ((await (await fetch(base, { headers: headers(token) })).json()) as { activities: Act[] }).activities.filter(isReply);
      return (await waitFor(isReply, Math.max(1, stored.length))).map((a) => String(a.text ?? '')).join('\n');
    },
  };
}

/** A WebSocket upgrade's answer: 'open', or the HTTP status it was refused with. */
function upgradeStatus(streamUrl: string): Promise<string | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(streamUrl);
    ws.on('open', () => (ws.close(), resolve('open')));
    ws.on('unexpected-response', (_req, res) => (res.resume(), resolve(res.statusCode ?? 0)));
    ws.on('error', () => resolve('error'));
  });
}

describe('reliability: a conversation flood evicts no attendee (finding 8)', function () {
  this.timeout(180_000);
  let bot: BotProcess;
  before(
    async () =>
      (bot = await spawnBot({
        STORAGE_URL: 'memory://',
        TRUST_PROXY_HOPS: '1',
        CHAT_TOKENS_PER_MINUTE_PER_CLIENT: String(BUDGET),
        DIRECT_LINE_MAX_CONVERSATIONS: String(MAX_CONVERSATIONS),
        BOT_NOW: '2022-03-29T08:00:00Z',
      })),
  );
  after(() => bot.kill('SIGKILL'));

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const token = (address: string) => fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: from(address) });
  const start = (address: string, t: string) => fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { ...from(address), authorization: `Bearer ${t}` } });

  it('tokens over budget get 429, a full chat refuses new conversations, the attendee mid-registration goes on', async () => {
    const ada = await attendee(bot.url);
    expect(await ada.say('register')).to.match(/name/i);

    // The red team's recipe: many tokens from many addresses, then a conversation for each.
    const tokens: { address: string; token: string }[] = [];
    const refusedTokens: Response[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const address = `198.51.100.${i + 1}`;
        for (let n = 0; n < BUDGET + 1; n++) {
          const res = await token(address);
          if (res.status === 200) tokens.push({ address, token: ((await res.json()) as { token: string }).token });
          else refusedTokens.push(res);
        }
      }),
    );
    expect(tokens).to.have.length(25 * BUDGET);
    expect(refusedTokens.map((r) => r.status)).to.deep.equal(Array(25).fill(429));
    expect(Number(refusedTokens[0].headers.get('retry-after'))).to.be.within(1, 60);
    const flood = await Promise.all(tokens.map(({ address, token: t }) => start(address, t).then((r) => r.status)));
    expect(flood.filter((s) => s === 429)).to.have.length(tokens.length); // their budget went on tokens

    // Fresh addresses, each within its budget (a token and a conversation, four times): more than the chat holds.
    const statuses: number[] = [];
    let fullMessage = '';
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const address = `203.0.113.${i + 1}`;
        for (let n = 0; n < BUDGET / 5; n++) {
          const t = (await (await token(address)).json()) as { token: string };
          const res = await start(address, t.token);
          statuses.push(res.status);
          if (res.status === 429) fullMessage = ((await res.json()) as { message: string }).message;
        }
        expect((await token(address)).status).to.equal(429); // budget spent: 4 × (1 + 4)
      }),
    );
    expect(statuses.filter((s) => s === 201)).to.have.length(MAX_CONVERSATIONS - 1); // the attendee holds a place
    expect(statuses.filter((s) => s === 429)).to.have.length(160 - (MAX_CONVERSATIONS - 1));
    expect(fullMessage).to.match(/full/i);

    // The attendee answers the prompt she was given before the flood: the registration goes on.
    expect(await ada.say('Ada Lovelace')).to.match(/e-?mail/i);
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
    ada.ws.close();
  });

});

describe('reliability: token refresh revokes the old token (finding 8)', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  before(async () => (bot = await spawnBot({ STORAGE_URL: 'memory://', BOT_NOW: '2022-03-29T08:00:00Z' })));
  after(() => bot.kill('SIGKILL'));

  it('a refreshed token is revoked: 401 over HTTP and on the WebSocket stream; the new one works', async () => {
    const grace = await attendee(bot.url);
    const refreshed = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: grace.headers(grace.token) });
    expect(refreshed.status).to.equal(200);
    const fresh = ((await refreshed.json()) as { token: string }).token;
    expect(fresh).to.not.equal(grace.token);

    const activities = `${bot.url}/v3/directline/conversations/${grace.conversationId}/activities`;
    expect((await fetch(activities, { headers: grace.headers(grace.token) })).status).to.equal(401);
    expect((await fetch(activities, { method: 'POST', headers: grace.headers(grace.token), body: '{"type":"message","text":"hi"}' })).status).to.equal(401);
    expect((await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: grace.headers(grace.token) })).status).to.equal(401);
    const staleStream = grace.streamUrl.replace(/([?&]t=)[^&]+/, `$1${encodeURIComponent(grace.token)}`);
    expect(await upgradeStatus(staleStream)).to.equal(401);

    expect(await upgradeStatus(grace.streamUrl.replace(/([?&]t=)[^&]+/, `$1${encodeURIComponent(fresh)}`))).to.equal('open');
    expect(await grace.say('when does day 1 start?', fresh)).to.match(/day 1/i);
    grace.ws.close();
  });
});

describe('reliability: the conversation capacity gives way only to idle conversations', function () {
  async function capacityOn(url: string, max: number, now: () => number, keyPrefix?: string) {
    const evicted: string[] = [];
    const store = new KeyValueStore(await openBackend(url, keyPrefix ? { keyPrefix } : {}), now);
    return { store, evicted, capacity: new ConversationCapacity(store, max, 14 * 24 * 3600_000, async (id) => evicted.push(id), now) };
  }

  it('evicts the conversation idle longest, once idle 15 minutes; an active one (a poll, a socket tick) keeps its place', async () => {
    let t = Date.parse('2022-03-29T08:00:00Z');
    const { capacity, evicted } = await capacityOn('memory://', 3, () => t);
    expect(await Promise.all(['a', 'b', 'c'].map((id) => capacity.admit(id)))).to.deep.equal([true, true, true]);
    expect(await capacity.admit('d')).to.equal(false); // full of active conversations: refused, nobody evicted
    t += EVICTABLE_AFTER_MS - 60_000;
    capacity.seen('a'); // a poll, a message, or an open socket's tick
    t += 60_000; // b and c idle 15 minutes, a for one
    expect(await capacity.admit('a')).to.equal(true); // already holds a place
    expect(await capacity.admit('d')).to.equal(true);
    expect(await capacity.admit('e')).to.equal(true);
    expect(evicted.sort()).to.deep.equal(['b', 'c']);
    expect(await capacity.admit('f')).to.equal(false);
    expect(Object.keys(await capacity.snapshot()).sort()).to.deep.equal(['a', 'd', 'e']);
  });

  it('batches a burst of admissions into few writes and places exactly as many as it holds', async () => {
    const { capacity } = await capacityOn('memory://', 100, Date.now);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => capacity.admit(`c${i}`)));
    expect(results.filter(Boolean)).to.have.length(100);
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('is one list for every instance on the same Redis (REDIS_URL)', async () => {
    const prefix = `capacity-test-${process.pid}-${Date.now()}`;
    const a = await capacityOn(redisUrl!, 40, Date.now, prefix);
    const b = await capacityOn(redisUrl!, 40, Date.now, prefix);
    try {
      // Two instances taking conversations at once: 40 places in all, not 40 each.
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).capacity.admit(`c${i}`)));
      expect(results.filter(Boolean)).to.have.length(40);
      expect(Object.keys(await a.capacity.snapshot())).to.have.length(40);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });
});
