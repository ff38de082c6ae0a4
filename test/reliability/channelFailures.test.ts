// The channel (Bot Connector) failing while the bot replies: throttling and server errors are retried
// with backoff and the reply still arrives; a channel that keeps failing costs no crash.
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { MockConnector } from '../support/mockConnector.ts';

describe('reliability: the channel fails while the bot replies', function () {
  this.timeout(30_000);
  let bot: BotUnderTest;
  let connector: MockConnector;
  before(async () => {
    connector = await new MockConnector().start();
    bot = await startBot({}, { connector });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  for (const status of [429, 500, 503]) {
    it(`retries a reply the channel refused with ${status}, and delivers it once`, async () => {
      const conversation = `fail-${status}`;
      let failures = 0;
      connector.configure({ failSend: (conv) => (conv === conversation && failures++ < 2 ? status : undefined) });
      const replies = await bot.say('when does day 2 start?', { conversationId: conversation });
      expect(failures).to.be.greaterThan(1);
      expect(replies.map((r) => r.text).join('\n')).to.match(/10:00/);
      expect(replies.filter((r) => /10:00/.test(r.text ?? ''))).to.have.length(1);
    });
  }

  it('answers the HTTP request without a 5xx when the channel never recovers', async () => {
    connector.configure({ failSend: (conv) => (conv === 'always-down' ? 503 : undefined) });
    const res = await bot.post({
      type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'always-down' }, text: 'agenda',
    });
    expect(res.status).to.be.lessThan(500);
    connector.configure({ failSend: undefined });
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });
});
