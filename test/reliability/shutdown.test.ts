// SIGTERM (a deploy, a scale-in) lets the turns in flight finish and reply, then closes storage and exits 0.
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBot } from '../support/botProcess.ts';
import { MockConnector } from '../support/mockConnector.ts';

describe('reliability: graceful shutdown on SIGTERM', function () {
  this.timeout(60_000);

  it('finishes the turn in flight, delivers its reply, and exits cleanly', async () => {
    const connector = await new MockConnector({ sendDelayMs: 1500 }).start(); // a slow channel keeps the turn open
    const bot = await spawnBot({ STORAGE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'term-')), 'bot.sqlite')}` });
    try {
      const turn = fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'term' }, text: 'when does day 1 start?' }),
      });
      await new Promise((r) => setTimeout(r, 400)); // the turn is now waiting on the channel
      await bot.kill('SIGTERM');
      expect((await turn).status).to.equal(200);
      expect(connector.to('term').map((a) => a.text).join('\n')).to.include('10:00');
      expect(await bot.exited).to.equal(0);
      expect(bot.output()).to.include('shutting down');
    } finally {
      await bot.kill('SIGKILL');
      await connector.stop();
    }
  });
});
