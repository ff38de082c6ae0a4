// Rate limits count per client (issue 19): behind a reverse proxy every request comes from the proxy, so keyed on
// the socket all visitors shared one budget of 20 chat tokens a minute. With TRUST_PROXY_HOPS the client is the
// address our proxy put in X-Forwarded-For; without it the header is ignored (anyone can write it).
import { expect } from 'chai';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';

const token = (bot: BotProcess, forwardedFor: string) => fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'x-forwarded-for': forwardedFor } }).then((r) => r.status);

describe('reliability: the chat-token rate limit behind a proxy', function () {
  this.timeout(120_000);
  let bots: BotProcess[] = [];
  afterEach(async () => {
    await Promise.all(bots.map((b) => b.kill('SIGKILL')));
    bots = [];
  });

  it('with TRUST_PROXY_HOPS=1, one visitor using up their tokens leaves the others theirs', async () => {
    const bot = await spawnBot({ STORAGE_URL: 'memory://', TRUST_PROXY_HOPS: '1', CHAT_TOKENS_PER_MINUTE_PER_CLIENT: '20' });
    bots.push(bot);
    // What the visitor wrote themselves (left) is not trusted; what the proxy appended (right) is.
    for (let i = 0; i < 20; i++) expect(await token(bot, `10.9.9.${i}, 203.0.113.7`)).to.equal(200);
    expect(await token(bot, '10.9.9.99, 203.0.113.7')).to.equal(429);
    expect(await token(bot, '203.0.113.8')).to.equal(200);
    expect(await token(bot, '203.0.113.7, 203.0.113.9')).to.equal(200);
  });

  it('without TRUST_PROXY_HOPS, X-Forwarded-For changes nothing: the socket is the client', async () => {
    const bot = await spawnBot({ STORAGE_URL: 'memory://', CHAT_TOKENS_PER_MINUTE_PER_CLIENT: '20' });
    bots.push(bot);
    for (let i = 0; i < 20; i++) expect(await token(bot, `203.0.113.${i}`)).to.equal(200);
    expect(await token(bot, '203.0.113.200')).to.equal(429);
  });
});
