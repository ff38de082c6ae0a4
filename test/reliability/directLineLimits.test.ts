// The built-in Direct Line under one hostile client, through the bot as a real process (issue 19):
// finding 4, one token sending 900 KB messages in a loop ran the process out of memory: a message's text and an
// activity's size are capped (413, with the limit), and a conversation keeps its newest activities within a byte
// budget; finding 10, the echo of a client's own message carried the serviceUrl with the key of the connector
// endpoint the bot replies to, with which anyone could post as the bot into another attendee's chat.
import { expect } from 'chai';
import { CONVERSATION_BUDGET_BYTES, MAX_TEXT_CHARS } from '../../src/web/directline/activityLimits.ts';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';

describe('reliability: the built-in Direct Line bounds what a client can store, and keeps the connector key', function () {
  this.timeout(180_000);
  let bot: BotProcess;
  before(async () => (bot = await spawnBot({ STORAGE_URL: 'memory://' })));
  after(() => bot.kill('SIGKILL'));

  async function conversation() {
    const t = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers });
    const base = `${bot.url}/v3/directline/conversations/${t.conversationId}/activities`;
    return {
      send: (activity: Record<string, unknown>) => fetch(base, { method: 'POST', headers, body: JSON.stringify(activity) }),
      activities: async () => ((await (await fetch(base, { headers })).json()) as { activities: Record<string, unknown>[] }).activities,
    };
  }

  it('finding 4: refuses 900 KB messages (413, saying the limit), keeps serving the same chat', async () => {
    const c = await conversation();
    for (let i = 0; i < 300; i++) {
      const res = await c.send({ type: 'message', text: 'x'.repeat(900 * 1024) });
      expect(res.status).to.equal(413);
      if (i === 0) expect(((await res.json()) as { message: string }).message).to.include(MAX_TEXT_CHARS.toLocaleString('en'));
      else await res.arrayBuffer();
    }
    expect((await c.send({ type: 'message', channelData: { pad: 'y'.repeat(64 * 1024) }, text: 'hi' })).status).to.equal(413);
    expect((await c.send({ type: 'message', text: 'what is on day 1?' })).status).to.equal(200);
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });

  it('finding 4: a conversation keeps only its newest activities within its byte budget', async () => {
    const c = await conversation();
    for (let i = 0; i < 40; i++) expect((await c.send({ type: 'message', text: `${i} ${'z'.repeat(MAX_TEXT_CHARS - 10)}` })).status).to.equal(200);
    const kept = await c.activities();
    const bytes = kept.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a)), 0);
    expect(bytes).to.be.at.most(CONVERSATION_BUDGET_BYTES + 16 * 1024);
    // The newest are the ones kept: the last message and the bot's reply to it.
    expect(kept.some((a) => typeof a.text === 'string' && a.text.startsWith('39 '))).to.equal(true);
    expect(kept.some((a) => typeof a.text === 'string' && a.text.startsWith('0 '))).to.equal(false);
  });

  it('finding 10: the client never sees the connector endpoint the bot replies to', async () => {
    const c = await conversation();
    expect((await c.send({ type: 'message', text: 'hello' })).status).to.equal(200);
    const seen = JSON.stringify(await c.activities());
    expect(seen).to.include('hello');
    expect(seen).to.not.include('directline-connector').and.not.include('serviceUrl');
  });
});
