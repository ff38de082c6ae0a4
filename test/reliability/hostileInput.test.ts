// Whatever a client sends, the bot answers with a 4xx or a normal turn: never a 5xx, never a crash, and
// user text never comes back as active content.
import { expect } from 'chai';
import fc from 'fast-check';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';

describe('reliability: hostile and random input', function () {
  this.timeout(120_000);
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '1000000' })));
  after(() => bot.stop());

  const postRaw = (body: string, contentType = 'application/json') =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('gives a 4xx or 200, never a 5xx, for 1,000 random request bodies', async () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const activityLike = fc.record(
      {
        type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'installationUpdate'), fc.string(), json),
        channelId: fc.oneof(fc.constantFrom('webchat', 'msteams', 'emulator'), json),
        serviceUrl: fc.oneof(fc.constant('http://127.0.0.1:9'), fc.webUrl(), json),
        conversation: fc.oneof(fc.record({ id: fc.string() }), json),
        from: fc.oneof(fc.record({ id: fc.string({ minLength: 1 }), name: fc.string() }), json),
        recipient: fc.oneof(fc.record({ id: fc.string() }), json),
        text: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), json),
        value: json,
        name: fc.oneof(fc.constantFrom('task/fetch', 'adaptiveCard/action', 'composeExtension/query', 'signin/verifyState'), fc.string()),
        entities: fc.oneof(fc.array(fc.record({ type: fc.constantFrom('mention', 'clientInfo'), text: fc.string(), mentioned: json, timezone: json })), json),
        localTimezone: fc.oneof(fc.constantFrom('Europe/Berlin', 'Not/AZone', ''), json),
        membersAdded: fc.oneof(fc.array(fc.record({ id: fc.string() })), json),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { weight: 3, arbitrary: activityLike.map((a) => JSON.stringify(a)) },
      { weight: 1, arbitrary: json.map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await postRaw(b);
        await res.arrayBuffer();
        return res.status < 500;
      }),
      { numRuns: 1000 },
    );
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });

  it('answers unknown activity types and invokes without failing', async () => {
    for (const type of ['event', 'invoke', 'typing', 'endOfConversation', 'somethingNew']) {
      const res = await bot.post({ type, name: 'unknown/thing', channelId: 'msteams', serviceUrl: bot.connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: `t-${type}` } });
      expect(res.status, type).to.be.lessThan(500);
    }
  });

  const hostile: [string, string][] = [
    ['HTML and script', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
    ['markdown links', '[click me](javascript:alert(1)) ![x](http://evil.example/x.png)'],
    ['RTL override', 'who is \u202Eekabiuk dlonra\u202C?'],
    ['an emoji run', '🔥'.repeat(5000)],
    ['control characters', 'agenda\u0000\u0007\u001b[31m day 1\u0008'],
    ['a 300 kB message', 'ss7 '.repeat(75_000)],
    ['adaptive card JSON', '{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"pwned"}],"actions":[{"type":"Action.OpenUrl","url":"javascript:alert(1)"}]}'],
  ];
  for (const [what, text] of hostile) {
    it(`handles ${what} as plain text`, async () => {
      const replies = await bot.say(text, { conversationId: `hostile-${what}` });
      expect(replies.length).to.be.greaterThan(0);
      const all = replies.map((r) => JSON.stringify(r)).join('\n');
      expect(all).not.to.include('<script');
      expect(all).not.to.include('javascript:');
      expect(all).not.to.include('onerror=');
      for (const r of replies) for (const a of r.attachments ?? []) expect(JSON.stringify(a.content)).not.to.include('pwned');
      expect(replies.map(visibleText).join('')).not.to.match(/went wrong/i);
    });
  }
});
