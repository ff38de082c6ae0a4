// Start-up cost of a built bundle: process spawn → first answered question (wall ms), the process's CPU ms
// spent by then (steadier than wall time on a busy machine) and its RSS right after.
// Usage: node --import tsx bench/startup.ts [bundle=dist/main.js] [runs=5] [node flags…]
// (flags default to those of `npm start`).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoadConnector } from './support/loadConnector.ts';
import { freePort, startProcess } from './support/processes.ts';

const [bundle = 'dist/main.js', runsArg = '5', ...flagArgs] = process.argv.slice(2);
const START_FLAGS = (JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string).split(/\s+/).filter((a) => a.startsWith('--'));
const flags = flagArgs.length ? flagArgs.filter((f) => f !== '-') : START_FLAGS;

function cpuMs(pid: number | undefined): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const connector = await startLoadConnector();
const dataDir = mkdtempSync(join(tmpdir(), 'startup-'));
const rows: { wall: number; cpu: number; rss: number }[] = [];
for (let i = 0; i < Number(runsArg); i++) {
  const env = { STORAGE_URL: `sqlite://${join(dataDir, `s${i}.sqlite`)}`, LOG_LEVEL: 'warn', BOT_NOW: '2022-03-30T06:30:00Z' };
  const t0 = Date.now();
  const bot = await startProcess(bundle, env, await freePort(), flags);
  const id = `first-${i}`;
  for (;;) {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, text: 'when does day 1 start', from: { id: 'first' }, recipient: { id: 'bot' }, conversation: { id } }),
    }).catch(() => undefined);
    if (res?.status === 200 && connector.last.get(id)) break;
  }
  rows.push({ wall: Date.now() - t0, cpu: cpuMs(bot.child.pid), rss: bot.rssMb() });
  await bot.stop();
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${bundle} ${flags.join(' ') || '(no flags)'}: first answer median ${med(rows.map((r) => r.wall))} ms [${rows.map((r) => r.wall).join(', ')}], CPU by then median ${med(rows.map((r) => r.cpu))} ms, RSS after median ${med(rows.map((r) => r.rss)).toFixed(0)} MB`);
await connector.close();
process.exit(0);
