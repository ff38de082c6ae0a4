// A/B of node flags or bundles on the event bot: two bot processes, driven alternately in short slices
// (A, B, A, B, …) with the same load, so a busy moment on the machine hits both alike. Reports CPU ms/turn.
// Usage: node --import tsx bench/ab.ts "<flags A>" "<flags B>" [bundle A] [bundle B]
// e.g.   node --import tsx bench/ab.ts "--max-old-space-size=256" "--max-old-space-size=256 --max-semi-space-size=32"
// BENCH_SLICES (default 4), BENCH_SECONDS per slice (4), BENCH_CONCURRENCY (32), BENCH_MIX question|registration|mix,
// BENCH_RATE (messages/s: paced instead of flat out; then compare the p99s).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drive } from './run.ts';
import { startLoadConnector } from './support/loadConnector.ts';
import { freePort, startProcess } from './support/processes.ts';

const [flagsA = '', flagsB = '', bundleA = 'dist/main.js', bundleB = bundleA] = process.argv.slice(2);
const SLICES = Number(process.env.BENCH_SLICES ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const MIX = process.env.BENCH_MIX ?? 'mix';
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const mix = (w: number) => (MIX === 'question' ? 'question' : MIX === 'registration' ? 'registration' : w % 5 === 0 ? 'registration' : 'question') as 'question' | 'registration';

const connector = await startLoadConnector();
const dataDir = mkdtempSync(join(tmpdir(), 'ab-'));
const env = (n: string) => ({ STORAGE_URL: `sqlite://${join(dataDir, `${n}.sqlite`)}`, MESSAGES_PER_MINUTE_PER_CLIENT: '100000000', BOT_NOW: '2022-03-30T06:30:00Z' });
const split = (f: string) => f.split(/\s+/).filter(Boolean);
const bots = [
  { name: `A ${bundleA} ${flagsA}`, p: await startProcess(bundleA, env('a'), await freePort(), split(flagsA)), cpu: [] as number[], rss: [] as number[], tps: [] as number[], p99: [] as number[] },
  { name: `B ${bundleB} ${flagsB}`, p: await startProcess(bundleB, env('b'), await freePort(), split(flagsB)), cpu: [] as number[], rss: [] as number[], tps: [] as number[], p99: [] as number[] },
];
for (const b of bots) await drive(b.p, connector, CONCURRENCY, 3, mix, `warm-${b.name.slice(0, 1)}`);
for (let i = 0; i < SLICES; i++) {
  for (const b of i % 2 ? [...bots].reverse() : bots) {
    const r = await drive(b.p, connector, CONCURRENCY, SECONDS, mix, `s${i}-${b.name.slice(0, 1)}`, RATE);
    b.cpu.push(r.cpuPerTurn);
    b.rss.push(r.rssMaxMb);
    b.tps.push(r.all.perSecond);
    b.p99.push(r.all.p99);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const b of bots) {
  console.log(`${b.name}: CPU ms/turn median ${med(b.cpu).toFixed(2)} [${b.cpu.map((x) => x.toFixed(2)).join(', ')}], turns/s median ${med(b.tps).toFixed(0)}, p99 ms median ${med(b.p99).toFixed(1)} [${b.p99.map((x) => x.toFixed(1)).join(', ')}], RSS max ${Math.max(...b.rss).toFixed(0)} MB`);
  await b.p.stop();
}
await connector.close();
process.exit(0);
