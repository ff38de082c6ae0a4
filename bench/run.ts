// npm run bench: the event bot beside a bare botbuilder echo bot, both over HTTP with a local mock
// connector, at 32 and 128 concurrent conversations. Prints turns/s, p50/p99 latency, RSS and ratios,
// and writes bench/results/http.md. Figures, not assertions: nothing here fails a build.
import { execSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startLoadConnector, type LoadConnector } from './support/loadConnector.ts';
import { postJson } from './support/httpClient.ts';
import { freePort, percentile, startProcess, type BotProcess } from './support/processes.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '32,128').split(',').map(Number);
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 3);
/** Paced runs, "conversations@messages per second": latency when the bot is busy but not flat out. */
const PACED = (process.env.BENCH_PACED ?? '32@200,32@400,128@400').split(',').filter(Boolean).map((x) => x.split('@').map(Number) as [number, number]);

/** The node flags `npm start` runs the bot with (V8 heap limits, source maps), so the bench measures what runs. */
const START_FLAGS = (JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string).split(/\s+/).filter((a) => a.startsWith('--'));
/** Process CPU time (user + system, all threads) in ms, from /proc. */
function cpuMs(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
  } catch {
    return NaN;
  }
}
const load1 = () => loadavg()[0].toFixed(2);

const QUESTIONS = [
  'what is on day 1', 'who is Arnold Kibuuka', 'when is the SS7 session', 'agenda for the second day',
  'is registration mandatory', 'what time does day 2 start in London', 'where is the report on USSD security testing',
  'who speaks in the assurance framework session', 'is there a break on day 2', 'what is the DFS security lab',
  'who is from ITU', 'when does he speak', 'thanks', 'what is on at 11:30 on 30 March', 'contact e-mail',
];

type Kind = 'question' | 'registration';
interface Sample { kind: Kind; ms: number; ok: boolean }

/** Answers whatever the registration dialog asks, like a person would. */
function registrationAnswer(lastReply: Record<string, any> | undefined, n: number): string {
  const text = String(lastReply?.text ?? '').toLowerCase();
  const choices: string[] = (lastReply?.suggestedActions?.actions ?? []).map((a: any) => String(a.value ?? a.title));
  if (!lastReply || /reference|you're registered|you are registered|registration is saved|saved/.test(text)) return 'register';
  if (/e-?mail/.test(text) && !/name/.test(text.split('e-mail')[0] ?? '')) return `attendee${n}@example.org`;
  if (/full name|your name|what.*name/.test(text)) return `Attendee ${n}`;
  if (/organi[sz]ation/.test(text)) return 'Example Regulatory Authority';
  if (/country/.test(text)) return 'Kenya';
  if (/categor|stakeholder|describes you|which group/.test(text)) return choices[0] ?? 'Regulator';
  if (/remind/.test(text)) return choices.find((c) => /all/i.test(c)) ?? 'All sessions';
  if (/consent|agree|privacy|store/.test(text)) return choices.find((c) => /yes|agree/i.test(c)) ?? 'Yes';
  return choices.find((c) => /yes|confirm|correct/i.test(c)) ?? choices[0] ?? 'yes';
}

/**
 * Drives `concurrency` conversations for `seconds`. Closed loop by default: each conversation sends its next
 * message as soon as the last one is answered, so the bot runs flat out (throughput). With `perSecond`, the
 * conversations together send at that steady rate instead (each on its own schedule, offset from the
 * others), and latency is measured from when a message was due, not when it went out, so a slow reply
 * that delays the next message is still counted in full (no coordinated omission).
 */
export async function drive(target: BotProcess, connector: LoadConnector, concurrency: number, seconds: number, mix: (i: number) => Kind, tag: string, perSecond?: number) {
  const samples: Sample[] = [];
  const start = performance.now();
  const deadline = Date.now() + seconds * 1000;
  const interval = perSecond ? (concurrency / perSecond) * 1000 : 0;
  let seq = 0;
  const worker = async (w: number) => {
    const kind = mix(w);
    let round = 0;
    let turn = 0;
    let due = start + (interval * w) / concurrency;
    while (Date.now() < deadline) {
      const conversation = `${tag}-${w}-${round}`;
      const user = `${tag}-u${w}-${round}`;
      const text = kind === 'question' ? QUESTIONS[(w + turn) % QUESTIONS.length] : registrationAnswer(connector.last.get(conversation), w * 1000 + round);
      if (interval) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
      const t0 = interval ? due : performance.now();
      due += interval;
      let ok = false;
      try {
        const body = JSON.stringify({
          type: 'message', id: `b${++seq}`, channelId: 'webchat', serviceUrl: connector.url, text, locale: 'en-US',
          from: { id: user, name: 'Bench' }, recipient: { id: 'bot' }, conversation: { id: conversation }, localTimezone: 'Europe/Berlin',
        });
        ok = (await postJson(target.url, '/api/messages', body)) === 200;
      } catch {}
      samples.push({ kind, ms: performance.now() - t0, ok });
      turn++;
      // A registration conversation restarts (new user) once the bot confirms; question conversations roll every 20 turns.
      const done = kind === 'registration' ? turn > 3 && /reference/i.test(String(connector.last.get(conversation)?.text ?? '')) : turn % 20 === 0;
      if (done) {
        round++;
        turn = 0;
      }
    }
  };
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(target.rssMb()), 250);
  const t0 = Date.now();
  const cpu0 = cpuMs(target.child.pid);
  const loadBefore = load1();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  clearInterval(sampler);
  const elapsed = (Date.now() - t0) / 1000;
  const cpuPerTurn = (cpuMs(target.child.pid) - cpu0) / Math.max(1, samples.length);
  const summary = (kind?: Kind) => {
    const s = samples.filter((x) => !kind || x.kind === kind);
    const ms = s.map((x) => x.ms).sort((a, b) => a - b);
    return { turns: s.length, perSecond: s.length / elapsed, p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), errors: s.filter((x) => !x.ok).length };
  };
  return { all: summary(), question: summary('question'), registration: summary('registration'), rssMaxMb: Math.max(...rss.filter(Number.isFinite)), cpuPerTurn, load: `${loadBefore}→${load1()}` };
}

async function firstAnswerMs(env: Record<string, string>, connector: LoadConnector) {
  const port = await freePort();
  const t0 = Date.now();
  const bot = await startProcess('dist/main.js', env, port, START_FLAGS);
  for (;;) {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, text: 'when does day 1 start', from: { id: 'first' }, recipient: { id: 'bot' }, conversation: { id: 'first-answer' } }),
    }).catch(() => undefined);
    if (res?.status === 200 && connector.last.get('first-answer')) break;
  }
  const ms = Date.now() - t0;
  await bot.stop();
  return ms;
}

async function main() {
  execSync('npm run build --silent', { stdio: 'inherit' });
  const connector = await startLoadConnector();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const botEnv = { STORAGE_URL: `sqlite://${join(dataDir, 'bot.sqlite')}`, MESSAGES_PER_MINUTE_PER_CLIENT: '100000000', BOT_NOW: '2022-03-30T06:30:00Z' };
  const lines: string[] = [];
  const say = (s: string) => (console.log(s), lines.push(s));
  say(`# HTTP benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  say('');
  say(`Each run: ${SECONDS} s of closed-loop load after a ${WARM_SECONDS} s warm-up per target; a turn is one POST /api/messages until its 200 (replies already delivered to the mock connector).`);
  say(`Both bots run with the \`npm start\` node flags (\`${START_FLAGS.join(' ')}\`); the echo bot and the event bot take turns load by load, so a busy moment on the machine hits both alike.`);
  say('Same client (node:http keep-alive, one process with the mock connector) for both. CPU ms/turn is the bot process\'s own CPU time (all threads, /proc) per turn: the figure least sensitive to other load on the machine.');
  say(`Machine load (1-min average) at start: ${load1()} (\`uptime\`); the last column shows it before→after each run.`);
  say('');
  say(`First answer after start (process spawn → first answered question): **${await firstAnswerMs({ ...botEnv, STORAGE_URL: `sqlite://${join(dataDir, 'first.sqlite')}` }, connector)} ms**`);
  say('');
  const echo = await startProcess('bench/echoBot.ts', {}, await freePort(), START_FLAGS);
  const bot = await startProcess('dist/main.js', botEnv, await freePort(), START_FLAGS);
  const loads: [string, (w: number) => Kind][] = [
    ['questions', () => 'question'],
    ['registration', () => 'registration'],
    ['mix 80/20', (w) => (w % 5 === 4 ? 'registration' : 'question')],
  ];
  const results: Record<string, number> = {};
  const rows: Record<string, string[]> = { 'echo bot': [], 'event bot': [] };
  const targets = [['echo bot', echo], ['event bot', bot]] as const;
  const mixed = (w: number): Kind => (w % 5 === 4 ? 'registration' : 'question');
  const pacedRows: string[] = [];
  try {
    // JIT warm-up: both kinds of turn, so neither target is measured while still compiling.
    for (const [name, target] of targets) await drive(target, connector, 32, WARM_SECONDS, (w) => (w % 5 === 4 ? 'registration' : 'question'), `warm-${name.replace(' ', '')}`);
    for (const c of CONCURRENCY) {
      for (const [name, mix] of loads) {
        for (const [tname, target] of targets) {
          const r = await drive(target, connector, c, SECONDS, mix, `${tname.replace(' ', '')}-${name.replace(/\W/g, '')}-${c}`);
          results[`${tname}|${name}|${c}`] = r.all.perSecond;
          results[`cpu|${tname}|${name}|${c}`] = r.cpuPerTurn;
          const line = `| ${tname} | ${name} | ${c} | ${r.all.perSecond.toFixed(0)} | ${r.all.p50.toFixed(1)} | ${r.all.p99.toFixed(1)} | ${r.all.errors} | ${r.rssMaxMb.toFixed(0)} | ${r.cpuPerTurn.toFixed(2)} | ${r.load} |`;
          console.log(line);
          rows[tname].push(line);
          if (name.startsWith('mix') && tname === 'event bot')
            rows[tname].push(`|  | ↳ mix: questions / registration | ${c} | ${r.question.perSecond.toFixed(0)} / ${r.registration.perSecond.toFixed(0)} | ${r.question.p50.toFixed(1)} / ${r.registration.p50.toFixed(1)} | ${r.question.p99.toFixed(1)} / ${r.registration.p99.toFixed(1)} |  |  |  |  |`);
        }
      }
    }
    for (const [c, rate] of PACED) {
      for (const [tname, target] of targets) {
        const r = await drive(target, connector, c, SECONDS, mixed, `paced-${tname.replace(' ', '')}-${c}-${rate}`, rate);
        const line = `| ${tname} | ${c} | ${rate} | ${r.all.perSecond.toFixed(0)} | ${r.all.p50.toFixed(1)} | ${r.all.p99.toFixed(1)} | ${r.question.p99.toFixed(1)} / ${r.registration.p99.toFixed(1)} | ${r.all.errors} | ${r.cpuPerTurn.toFixed(2)} | ${r.load} |`;
        console.log(line);
        pacedRows.push(line);
      }
    }
  } finally {
    await echo.stop();
    await bot.stop();
    await connector.close();
  }
  say('| target | load | concurrent | turns/s | p50 ms | p99 ms | errors | RSS max MB | CPU ms/turn | load avg |');
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const line of [...rows['echo bot'], ...rows['event bot']]) say(line);
  say('');
  say('| ratio to the echo bot (throughput) | ' + CONCURRENCY.map((c) => `${c} concurrent`).join(' | ') + ' | target |');
  say('| --- | ' + CONCURRENCY.map(() => '---').join(' | ') + ' | --- |');
  for (const [name, target] of [['questions', '≥ 0.8×'], ['registration', '≥ 0.5×'], ['mix 80/20', '']] as const)
    say(`| ${name} | ` + CONCURRENCY.map((c) => (results[`event bot|${name}|${c}`] / results[`echo bot|${name}|${c}`]).toFixed(2) + '×').join(' | ') + ` | ${target} |`);
  say('');
  say('| CPU per turn, event bot ÷ echo bot | ' + CONCURRENCY.map((c) => `${c} concurrent`).join(' | ') + ' |');
  say('| --- | ' + CONCURRENCY.map(() => '---').join(' | ') + ' |');
  for (const name of ['questions', 'registration', 'mix 80/20'])
    say(`| ${name} | ` + CONCURRENCY.map((c) => (results[`cpu|event bot|${name}|${c}`] / results[`cpu|echo bot|${name}|${c}`]).toFixed(2) + '×').join(' | ') + ' |');
  say('');
  if (pacedRows.length) {
    say('Paced: the same 80/20 mix, the conversations together sending a steady number of messages per second (latency from when each message was due; see `drive`).');
    say('In the flat-out runs above every conversation sends again the moment it is answered, so p50 ≈ conversations ÷ turns/s by Little\'s law and the p99 there measures the queue, not the bot.');
    say('');
    say('| target | concurrent | offered/s | turns/s | p50 ms | p99 ms | p99 questions / registration | errors | CPU ms/turn | load avg |');
    say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const line of pacedRows) say(line);
    say('');
  }
  say(`Machine load (1-min average) at the end: ${load1()}.`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/http.md', lines.join('\n') + '\n');
  console.log('\nwritten to bench/results/http.md');
}

// Run only as a script: bench/ab.ts imports drive().
if (process.argv[1]?.endsWith('run.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
