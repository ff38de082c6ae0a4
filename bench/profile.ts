// Where a bot's CPU goes per turn: runs it with --cpu-prof under the bench's load, then attributes every
// sample to a package (node_modules), a folder of ours (src/…, dialogs/) or Node itself, through the
// bundle's source map, and prints microseconds per turn. With two targets, prints them side by side,
// biggest difference first — how the SQLite driver's cost showed up (BENCHMARKS.md, round 3).
// Usage: node --import tsx bench/profile.ts [question|registration|mix] [target …]
//   e.g. node --import tsx bench/profile.ts question bench/echoBot.ts dist/main.js
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drive } from './run.ts';
import { startLoadConnector } from './support/loadConnector.ts';
import { freePort, startProcess } from './support/processes.ts';

const [mixName = 'question', ...targets] = process.argv.slice(2);
if (!targets.length) targets.push('dist/main.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** PROFILE_BY=function: our code by file and function instead of by folder. */
const BY_FUNCTION = process.env.PROFILE_BY === 'function';
const mix = (w: number) => (mixName === 'mix' ? (w % 5 === 4 ? 'registration' : 'question') : mixName) as 'question' | 'registration';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface Profile { nodes: { id: number; callFrame: CallFrame }[]; samples: number[]; timeDeltas: number[] }

/** µs of CPU per turn by where the code lives. */
function attribute(profile: Profile, turns: number, map?: SourceMap): Map<string, number> {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const cf = frames.get(id)!;
    let source = cf.url;
    if (map && source.endsWith('/dist/main.js')) source = (map.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string }).originalSource ?? source;
    const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    const ours = BY_FUNCTION ? source.match(/\/((?:src|dialogs)\/.+)$/)?.[1] : source.match(/\/((?:src|dialogs)\/[^/]+)/)?.[1];
    const label = ours && BY_FUNCTION ? `${ours.replace(/\.ts$/, '')} ${cf.functionName || '(anonymous)'}` : ours?.replace(/\.ts$/, '');
    const where = pkg ?? (label ? `ours: ${label}` : source.startsWith('node:') || !source ? `node: ${cf.functionName || '(native)'}` : source);
    out.set(where, (out.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0) / turns);
  });
  return out;
}

execSync('npm run build --silent', { stdio: 'inherit' });
const map = new SourceMap(JSON.parse(readFileSync('dist/main.js.map', 'utf8')));
const connector = await startLoadConnector();
const columns: { name: string; perTurn: Map<string, number>; cpuPerTurn: number }[] = [];
for (const target of targets) {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const env = { STORAGE_URL: `sqlite://${join(dir, 'bot.sqlite')}`, MESSAGES_PER_MINUTE_PER_CLIENT: '100000000', BOT_NOW: '2022-03-30T06:30:00Z' };
  const bot = await startProcess(target, env, await freePort(), ['--max-old-space-size=256', '--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const warm = await drive(bot, connector, 32, 3, mix, `warm-${columns.length}`);
  const run = await drive(bot, connector, 32, SECONDS, mix, `run-${columns.length}`);
  await bot.stop(); // the profile is written on exit
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  // The profile spans start-up and warm-up too: spread over every turn the process answered.
  const perTurn = attribute(JSON.parse(readFileSync(join(dir, file), 'utf8')), warm.all.turns + run.all.turns, map);
  columns.push({ name: target, perTurn, cpuPerTurn: run.cpuPerTurn });
  console.log(`${target}: ${run.all.perSecond.toFixed(0)} turns/s, ${run.cpuPerTurn.toFixed(2)} ms CPU/turn (profiler on)`);
}
await connector.close();

const keys = [...new Set(columns.flatMap((c) => [...c.perTurn.keys()]))];
const at = (c: (typeof columns)[number], k: string) => c.perTurn.get(k) ?? 0;
const last = columns[columns.length - 1];
const first = columns[0];
keys.sort((a, b) => (columns.length > 1 ? at(last, b) - at(first, b) - (at(last, a) - at(first, a)) : at(last, b) - at(last, a)));
console.log(`\nµs of CPU per turn (main thread, sampled), ${mixName} turns, 32 concurrent\n`);
console.log(['where'.padEnd(48), ...columns.map((c) => c.name.slice(-14).padStart(14)), columns.length > 1 ? '    difference' : ''].join(''));
// The biggest costs (or differences) first, then the places where the last target spends less than the first.
const shown = columns.length > 1 ? [...keys.slice(0, 25), ...keys.slice(-8).filter((k) => at(last, k) - at(first, k) < -3)] : keys.slice(0, 40);
for (const k of shown) {
  if (columns.every((c) => at(c, k) < 3)) continue;
  console.log([k.slice(0, 47).padEnd(48), ...columns.map((c) => at(c, k).toFixed(0).padStart(14)), columns.length > 1 ? (at(last, k) - at(first, k)).toFixed(0).padStart(14) : ''].join(''));
}
process.exit(0);
