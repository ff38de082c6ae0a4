// npm run bench:hostile — how long one turn takes at the registration's e-mail prompt when the answer is built to
// make a regular expression backtrack (issue 19 finding 7: "@" × 1000 cost 600–750 ms a turn). The bot runs as
// `npm start` would (src/main.ts through tsx here), with a local mock connector. Figures, not assertions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoadConnector } from './support/loadConnector.ts';
import { postJson } from './support/httpClient.ts';
import { freePort, percentile, startProcess } from './support/processes.ts';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const INPUTS: [string, string][] = [
  ['a real address', 'walter@example.org'],
  ['"@" × 1000', '@'.repeat(1000)],
  ['"a@" × 500', 'a@'.repeat(500)],
  ['"@ " × 500 in a sentence', `my email is ${'@ '.repeat(494)}`],
  ['local part × 990 + "@"', `${'a'.repeat(990)}@x`],
  ['"a" × 495 "@" "a" × 495', `${'a'.repeat(495)}@${'a'.repeat(495)}`],
  ['"x@" + "a." × 490', `x@${'a.'.repeat(490)}`],
];

const connector = await startLoadConnector();
const port = await freePort();
const bot = await startProcess('src/main.ts', { HOST: '127.0.0.1', STORAGE_URL: 'memory://', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-hostile-')), MESSAGES_PER_MINUTE_PER_CLIENT: '1000000' }, port, ['--max-old-space-size=256']);
let n = 0;
const say = (conversation: string, text: string) =>
  postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, conversation: { id: conversation }, text }));
try {
  console.log(`| answer at the e-mail prompt | turns | p50 ms | max ms |\n| --- | --- | --- | --- |`);
  for (const [name, text] of INPUTS) {
    const ms: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const conversation = `hostile-${++n}`;
      await say(conversation, 'register');
      await say(conversation, 'Walter White');
      const t0 = performance.now();
      const status = await say(conversation, name === 'a real address' ? `walter${n}@example.org` : text);
      ms.push(performance.now() - t0);
      if (status !== 200) throw new Error(`${name}: HTTP ${status}`);
    }
    ms.sort((a, b) => a - b);
    console.log(`| ${name} | ${SAMPLES} | ${percentile(ms, 0.5).toFixed(1)} | ${ms.at(-1)!.toFixed(1)} |`);
  }
} finally {
  await bot.stop();
  await connector.close();
}
