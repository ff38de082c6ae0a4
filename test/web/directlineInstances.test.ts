// Issue 17 acceptance: two bot instances on one Redis behind a round-robin proxy with no session affinity. A Direct
// Line conversation (Microsoft's own client) whose requests alternate between them loses nothing and sees nothing
// twice, over WebSocket and over polling: every reply, and proactive messages sent from either instance, arrive —
// through the store and, for a socket held by the other instance, a Redis pub/sub signal.
import { expect } from 'chai';
import WebSocket from 'ws';
import { TurnContext, type ConversationReference } from 'botbuilder';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { DirectLine, getToken, post, watch, type Act } from '../support/directLineClient.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/roundRobinProxy.ts';

const redisUrl = process.env.REDIS_URL;
const fromBot = (a: Act) => a.from?.role === 'bot' && a.type === 'message';

(redisUrl ? describe : describe.skip)('built-in Direct Line on two instances sharing Redis, requests alternating (REDIS_URL)', function () {
  this.timeout(60_000);
  let bots: BotUnderTest[] = [];
  let proxy: RoundRobinProxy;

  before(async () => {
    const env = { STORAGE_URL: redisUrl!, BOT_NOW: '2022-03-29T08:00:00Z', MESSAGES_PER_MINUTE_PER_CLIENT: '100000' };
    bots = [await startBot(env), await startBot(env)];
    proxy = await startRoundRobinProxy(bots.map((b) => b.url));
  });
  after(async () => {
    await proxy?.stop();
    for (const b of bots) await b.stop();
  });

  for (const mode of ['WebSocket', 'polling'] as const) {
    it(`loses nothing over ${mode}: every reply and proactive message from either instance arrives once`, async () => {
      const t = await getToken(proxy.url);
      expect(t.domain).to.equal(`${proxy.url}/v3/directline`);
      const firstRouted = proxy.routed.length;
      const dl = new DirectLine({ token: t.token, domain: t.domain, webSocket: mode === 'WebSocket', pollingInterval: 200, WebSocket } as never);
      const w = watch(dl);
      try {
        await w.next(fromBot);
        const questions = ['When does day 1 start?', 'who is Arnold Kibuuka?', 'help', 'what is on day 2?', 'register', 'cancel', 'how do I join?', 'thanks'];
        const ids: string[] = [];
        for (const text of questions) {
          const id = await post(dl, { type: 'message', from: { id: t.userId }, text, locale: 'en-US' });
          ids.push(id);
          await w.next((a) => a.id === id);
          await w.next((a) => fromBot(a) && a.replyToId === id);
        }
        // Proactive messages (reminders, announcements) sent by each instance, whichever holds the socket.
        // The reference the bot stored for reminders (the client's echo never shows the serviceUrl).
        const kept = (await bots[0].app.reminders.references.get(`webchat:${t.userId}`))!.reference;
        const reference = { channelId: kept.channelId, serviceUrl: kept.serviceUrl, conversation: kept.conversation, user: kept.user, bot: kept.bot } as ConversationReference;
        for (const [i, bot] of bots.entries())
          await bot.app.adapter.continueConversationAsync('', reference, async (context) => {
            await context.sendActivity(`Reminder ${i}: the opening starts in 15 minutes.`);
          });
        await w.next((a) => a.text === 'Reminder 0: the opening starts in 15 minutes.');
        await w.next((a) => a.text === 'Reminder 1: the opening starts in 15 minutes.');

        // Both instances served this conversation's requests (and, over WebSocket, one of them holds the socket).
        const routed = proxy.routed.slice(firstRouted);
        expect(new Set(routed.filter((r) => r.kind === 'http').map((r) => r.backend))).to.deep.equal(new Set([0, 1]));
        expect(routed.filter((r) => r.kind === 'upgrade')).to.have.length(mode === 'WebSocket' ? 1 : 0);
        // Nothing twice, nothing lost: the client saw exactly what the store holds, in watermark order.
        const stored = (await bots[0].app.store.get<{ activities: Act[] }>(`directline:conversation:${t.conversationId}`))!.activities;
        await w.next((a) => a.id === stored.at(-1)!.id);
        const seenIds = w.seen.map((a) => a.id);
        expect(new Set(seenIds).size, 'an activity seen twice').to.equal(seenIds.length);
        expect(seenIds).to.deep.equal(stored.map((a) => a.id));
      } finally {
        w.stop();
        dl.end();
      }
    });
  }
});
