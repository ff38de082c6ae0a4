// The HTTP door as a channel and as a careless client see it: replies through the mock connector,
// 4xx for bad requests, never a 5xx.
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

describe('HTTP: /api/messages and /healthz (local mode)', () => {
  let bot: BotUnderTest;
  before(async () => (bot = await startBot()));
  after(() => bot.stop());

  it('answers "hi" with a welcome and suggested actions, through the connector', async () => {
    const replies = await bot.say('hi', { conversationId: 'hello' });
    expect(replies).to.have.length.greaterThan(0);
    expect(replies[0].text).to.match(/DFS Security Clinic/);
    expect(replies[0].suggestedActions?.actions?.length).to.be.greaterThan(0);
  });

  it('welcomes a new member on conversationUpdate, but not the bot itself', async () => {
    const base = { type: 'conversationUpdate', channelId: 'webchat', serviceUrl: bot.connector.url, from: { id: 'u' }, recipient: { id: 'bot' } };
    expect((await bot.post({ ...base, conversation: { id: 'joined' }, membersAdded: [{ id: 'u' }] })).status).to.equal(200);
    expect(bot.connector.to('joined')[0]?.text).to.match(/assistant for DFS Security Clinic/);
    expect((await bot.post({ ...base, conversation: { id: 'bot-only' }, membersAdded: [{ id: 'bot' }] })).status).to.equal(200);
    expect(bot.connector.to('bot-only')).to.have.length(0);
  });

  it('welcomes in the channel’s language: French for a French locale (Web Chat with FR selected, a French Teams)', async () => {
    const base = { type: 'conversationUpdate', channelId: 'webchat', serviceUrl: bot.connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, membersAdded: [{ id: 'u' }] };
    await bot.post({ ...base, conversation: { id: 'joined-fr' }, locale: 'fr-FR' });
    const fr = bot.connector.to('joined-fr')[0];
    expect(fr?.text).to.match(/^Bonjour\u202f! Je suis l'assistant de «\u00a0Clinique sur la sécurité des SFN\u00a0» \(30–31 mars 2022, entièrement virtuel, heures en EAT\)/);
    expect(fr?.text).to.contain("L'inscription est obligatoire");
    expect(fr?.suggestedActions?.actions?.map((a: { title: string }) => a.title)).to.include('Programme du jour 1');
    await bot.post({ ...base, conversation: { id: 'joined-de' }, locale: 'de-DE' });
    expect(bot.connector.to('joined-de')[0]?.text).to.match(/^Hi! I'm the assistant for DFS Security Clinic \(30–31 March 2022, fully virtual, times in EAT\)/);
  });

  it('returns replies in the HTTP response with deliveryMode expectReplies', async () => {
    const res = await bot.post({
      type: 'message', channelId: 'test', serviceUrl: bot.connector.url, from: { id: 'u2' }, recipient: { id: 'bot' },
      conversation: { id: 'expect-replies' }, text: 'hi', deliveryMode: 'expectReplies',
    });
    expect(res.status).to.equal(200);
    const body = await res.json();
    expect(body.activities[0].text).to.match(/DFS Security Clinic/);
  });

  it('reports health with the event and the storage backend', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).to.equal(200);
    const body = await res.json();
    expect(body).to.deep.include({ status: 'ok', storage: { backend: 'memory', reachable: true } });
    // The live version of the event file, never where it lives on the server.
    expect(body.event).to.have.keys('id', 'version', 'loadedAt');
    expect(body.event).to.include({ id: 'dfs-security-clinic-2022' }).and.have.property('version').that.matches(/^[0-9a-f]{12}$/);
  });

  const badRequests: [string, RequestInit, number][] = [
    ['malformed JSON', { body: '{"type": "message",' }, 400],
    ['a JSON array', { body: '[1,2]' }, 400],
    ['a JSON string', { body: '"hello"' }, 400],
    ['an empty body', { body: '' }, 400],
    ['an activity without a type', { body: JSON.stringify({ text: 'hi', conversation: { id: 'c' }, serviceUrl: 'http://x', channelId: 'c', from: { id: 'u' } }) }, 400],
    ['an activity with a numeric type', { body: JSON.stringify({ type: 7, conversation: { id: 'c' }, serviceUrl: 'http://x', channelId: 'c', from: { id: 'u' } }) }, 400],
    ['an activity without a conversation', { body: JSON.stringify({ type: 'message', text: 'hi', serviceUrl: 'http://x', channelId: 'c', from: { id: 'u' } }) }, 400],
    ['an activity with a non-URL serviceUrl', { body: JSON.stringify({ type: 'message', text: 'hi', conversation: { id: 'c' }, serviceUrl: 'javascript:alert(1)', channelId: 'c', from: { id: 'u' } }) }, 400],
    ['a body over the size limit', { body: JSON.stringify({ type: 'message', text: 'x'.repeat(1100 * 1024) }) }, 413],
  ];
  for (const [what, init, status] of badRequests) {
    it(`answers ${status} to ${what}`, async () => {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...init });
      expect(res.status).to.equal(status);
      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).to.equal(200);
    });
  }

  it('answers 405 to GET /api/messages and 404 to unknown paths', async () => {
    expect((await fetch(`${bot.url}/api/messages`)).status).to.equal(405);
    expect((await fetch(`${bot.url}/no/such/path`)).status).to.equal(404);
  });

  it('survives a channel whose serviceUrl does not answer: 200, no crash', async () => {
    const res = await bot.post({
      type: 'message', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9', from: { id: 'u3' }, recipient: { id: 'bot' },
      conversation: { id: 'dead-channel' }, text: 'hi',
    });
    expect(res.status).to.be.lessThan(500);
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });
});

describe('HTTP: authentication when MicrosoftAppId is set', () => {
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' })));
  after(() => bot.stop());

  const activity = () => ({
    type: 'message', channelId: 'msteams', serviceUrl: bot.connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'auth' }, text: 'hi',
  });

  it('rejects a request without a token with 401', async () => {
    expect((await bot.post(activity())).status).to.equal(401);
    expect(bot.connector.to('auth')).to.have.length(0);
  });

  it('rejects a forged token with 401', async () => {
    const forged = ['{"alg":"RS256","typ":"JWT","kid":"x"}', '{"iss":"https://api.botframework.com","aud":"11111111-2222-3333-4444-555555555555","exp":9999999999}']
      .map((p) => Buffer.from(p).toString('base64url'))
      .join('.') + '.c2lnbmF0dXJl';
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` }, body: JSON.stringify(activity()) });
    expect(res.status).to.equal(401);
  });
});

describe('HTTP: per-client message limit in local mode', () => {
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '3' })));
  after(() => bot.stop());

  it('answers 429 with Retry-After once a client has used its budget', async () => {
    const activity = { type: 'message', channelId: 'webchat', serviceUrl: bot.connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'flood' }, text: 'hi' };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await bot.post(activity);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).to.deep.equal([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).to.be.greaterThan(0);
  });
});
