// Pathological e-mail answers (issue 19 finding 7): "@" × 1000 at the e-mail prompt used to cost 600–750 ms of
// backtracking per turn and got a confusing answer. Through the bot as a real process: each gets a clear reason,
// and the registration goes on with a real address. (How fast: `npm run bench:hostile`.)
import { expect } from 'chai';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';

describe('reliability: pathological e-mail answers (issue 19 finding 7)', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let connector: MockConnector;
  let n = 0;
  before(async () => {
    connector = await new MockConnector().start();
    bot = await spawnBot({ STORAGE_URL: 'memory://', DATA_DIR: `/tmp/slow-input-${process.pid}` });
  });
  after(async () => {
    await bot.kill('SIGKILL');
    await connector.stop();
  });

  const say = async (conversation: string, text: string) => {
    const before = connector.to(conversation).length;
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, conversation: { id: conversation }, text }),
    });
    expect(res.status).to.equal(200);
    return connector.to(conversation).slice(before).map(visibleText).join('\n');
  };

  const cases: [string, string, RegExp][] = [
    ['"@" × 1000', '@'.repeat(1000), /longer than an e-mail address can be/],
    ['"a@" × 500', 'a@'.repeat(500), /longer than an e-mail address can be/],
    ['"@" × 200', '@'.repeat(200), /exactly one @/],
    ['a 300-letter local part', `${'a'.repeat(300)}@example.org`, /longer than an e-mail address can be/],
    ['a sentence of 300 "@ "', `my email is ${'@ '.repeat(300)}`, /no spaces/],
    ['"a." × 400 after the @', `x@${'a.'.repeat(400)}`, /longer than an e-mail address can be/],
  ];
  for (const [what, text, reason] of cases) {
    it(`answers ${what} at the e-mail prompt with a clear reason, and keeps asking`, async () => {
      const conversation = `slow-${++n}`;
      await say(conversation, 'register');
      expect(await say(conversation, 'Walter White')).to.include("What's your e-mail address?");
      const reply = await say(conversation, text);
      expect(reply).to.match(reason);
      expect(await say(conversation, `walter${n}@example.org`)).to.include("I've sent a six-digit code to");
    });
  }
});
