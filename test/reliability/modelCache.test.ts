// A restart does not train the intent model again: the first start trains it and keeps it in DATA_DIR/models, the
// next start with the same event and utterances loads it (the log says which), and answers the same.
import { expect } from 'chai';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBot } from '../support/botProcess.ts';
import { MockConnector } from '../support/mockConnector.ts';

describe('start-up: the trained model is kept between starts', function () {
  this.timeout(90_000);

  it('trains on the first start, loads from DATA_DIR/models on the next, and answers the same', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'models-'));
    const connector = await new MockConnector().start();
    const ask = async (url: string, conversation: string) => {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: conversation }, text: 'who speaks after the coffee break on day 2?' }),
      });
      expect(res.status).to.equal(200);
      return connector.to(conversation).map((a) => a.text).join('\n');
    };
    try {
      const answers: string[] = [];
      const origins: string[] = [];
      for (const run of [1, 2]) {
        const bot = await spawnBot({ DATA_DIR: dataDir, STORAGE_URL: `sqlite://${join(dataDir, `bot${run}.sqlite`)}` });
        try {
          answers.push(await ask(bot.url, `restart-${run}`));
          origins.push(bot.output().match(/"origin":"(\w+)"[^\n]*intent model ready/)?.[1] ?? 'none');
        } finally {
          await bot.kill('SIGTERM');
        }
      }
      expect(origins).to.deep.equal(['trained', 'disk']);
      expect(answers[1]).to.equal(answers[0]);
      expect(answers[0]).to.match(/Kibuuka/);
      const files = readdirSync(join(dataDir, 'models'));
      expect(files.filter((f) => /^linear-en-\w+\.model$/.test(f))).to.have.length(1);
      expect(files.filter((f) => /^linear-languages-\w+\.model$/.test(f))).to.have.length(1);
    } finally {
      await connector.stop();
    }
  });
});
