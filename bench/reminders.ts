// npm run bench:reminders — 10,000 registered attendees, each in its own conversation on a local mock
// connector; the bot runs as a child process (src/main.ts) on a SQLite file with BOT_NOW a few seconds before
// a reminder is due. Scenarios: clean; 10% of sends answered 429/503; SIGKILL halfway and restart; email: every
// attendee also wants reminders by e-mail, sent through a real local SMTP server that refuses 10% with 451.
// Measures delivery time against what the configured rate allows, duplicates and losses; prints the
// figures and writes bench/results/reminders.md.
//
// Settings (environment): BENCH_ATTENDEES (10000), BENCH_RATE (OUTBOUND_RATE_PER_SECOND and MAIL_RATE_PER_SECOND
// for the bot, 200), BENCH_SCENARIOS (clean,faults,kill,email).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySqlite, CountingConnector, CountingSmtpServer, seedAttendees } from './support/reminderFixtures.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const N = Number(process.env.BENCH_ATTENDEES ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'clean,faults,kill,email').split(',').map((s) => s.trim());
const LEASE_S = 30; // ReminderService default lease
const DUE = Date.parse('2022-03-30T07:05:00Z'); // the SS7 session (10:20 EAT) minus REMINDER_LEAD_MINUTES=15
const LEAD_IN_MS = 4000;

interface Result {
  scenario: string;
  attendees: number;
  rate: number;
  delivered: number;
  duplicates: number;
  lost: number;
  rejected: number;
  attempts: number;
  windowS: number;
  allowedS: number;
  withinBound: boolean;
  note: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startBot(storage: string, botNow: number, logFile: string, smtpUrl?: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE_URL: `sqlite://${storage}`,
    BOT_NOW: new Date(botNow).toISOString(),
    EVENT_FILE: 'events/dfs-security-clinic-2022.json',
    REMINDER_LEAD_MINUTES: '15',
    OUTBOUND_RATE_PER_SECOND: String(RATE),
    OUTBOUND_RATE_PER_CONVERSATION: '7',
    LOG_LEVEL: 'warn',
    ...(smtpUrl ? { SMTP_URL: smtpUrl, MAIL_FROM: 'Bench <bench@example.org>', MAIL_RATE_PER_SECOND: String(RATE) } : {}),
  };
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', log, log] });
  child.once('exit', (code, signal) => {
    if (!expectedExits.has(child)) crashed = `the bot exited on its own (code ${code}, signal ${signal}); see ${logFile}`;
  });
  return child;
}

const expectedExits = new Set<ChildProcess>();
let crashed: string | undefined;
const stopChild = (child: ChildProcess, signal: NodeJS.Signals) => {
  expectedExits.add(child);
  child.kill(signal);
};

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (crashed) throw new Error(crashed);
    if (Date.now() > end) return false;
    await sleep(50);
  }
  return true;
}

async function run(scenario: string, templates: { chat: string; email: string }, dir: string, connector: CountingConnector, smtp: CountingSmtpServer): Promise<Result> {
  if (scenario === 'email') return runEmail(templates.email, dir, connector, smtp);
  const storage = join(dir, `${scenario}.sqlite`);
  copySqlite(templates.chat, storage);
  connector.reset();
  connector.failShare = scenario === 'faults' ? 0.1 : 0;
  const logFile = join(dir, `${scenario}.log`);
  const ideal = N / RATE;
  const timeout = (ideal * 3 + LEASE_S * 2 + 60) * 1000;
  const spawnedAt = Date.now();
  const botNow = DUE - LEAD_IN_MS;
  let child = startBot(storage, botNow, logFile);
  const all = () => connector.received.size >= N;
  let note = '';
  let downtimeMs = 0;

  if (scenario === 'kill') {
    await waitUntil(() => connector.delivered >= N / 2, timeout);
    const killedAt = performance.now();
    const deliveredAtKill = connector.delivered;
    stopChild(child, 'SIGKILL');
    await exited(child);
    // Restart on the same file; its clock carries on where the killed one was.
    child = startBot(storage, botNow + (Date.now() - spawnedAt), logFile);
    await waitUntil(() => connector.delivered > deliveredAtKill, timeout);
    downtimeMs = performance.now() - killedAt;
    note = `killed with SIGKILL after ${deliveredAtKill} deliveries; back and delivering ${(downtimeMs / 1000).toFixed(1)} s later`;
  }
  const done = await waitUntil(all, timeout);
  await sleep(3000); // anything late (a duplicate) would arrive now
  stopChild(child, 'SIGTERM');
  await exited(child);

  let duplicates = 0;
  for (const n of connector.received.values()) duplicates += n - 1;
  const delivered = connector.received.size;
  const attempts = connector.delivered + connector.rejected;
  const windowS = (connector.lastAt - connector.firstAt) / 1000;
  // The bucket starts full (one second's worth), then refills at RATE per second; every attempt, failed or not, takes a token.
  const sendS = Math.max(0, attempts - RATE) / RATE;
  // After a SIGKILL: add the time the bot was down, and the lease that guards the messages in flight at the kill.
  const allowedS = (sendS + (scenario === 'kill' ? downtimeMs / 1000 + LEASE_S : 0)) * 1.1 + worstBackoffS(connector.refusedRuns());
  if (!done) note += `${note ? '; ' : ''}timed out`;
  return {
    scenario,
    attendees: N,
    rate: RATE,
    delivered,
    duplicates,
    lost: N - delivered,
    rejected: connector.rejected,
    attempts,
    windowS,
    allowedS,
    withinBound: windowS <= allowedS,
    note,
  };
}

/**
 * A message refused k times in a row waits its backoff before each retry (at most 1 s, 2 s, 4 s … capped at 60 s;
 * never less than the 1 s Retry-After the mock connector sends), so the slowest one may end that long after the rest.
 */
function worstBackoffS(refusedRuns: number[]): number {
  const worstRun = Math.max(0, ...refusedRuns);
  let s = 0;
  for (let k = 1; k <= worstRun; k++) s += Math.min(60, 2 ** (k - 1));
  return s;
}

/**
 * Every attendee wants reminders by e-mail as well: the chat copy goes to the mock connector (no faults), the e-mail
 * through the local SMTP server, which refuses 10% of messages with 451. Figures are the e-mail channel's; the chat
 * copies are checked for loss and duplicates too.
 */
async function runEmail(template: string, dir: string, connector: CountingConnector, smtp: CountingSmtpServer): Promise<Result> {
  const storage = join(dir, 'email.sqlite');
  copySqlite(template, storage);
  connector.reset();
  connector.failShare = 0;
  smtp.reset();
  smtp.failShare = 0.1;
  const timeout = ((N / RATE) * 3 + LEASE_S * 2 + 60) * 1000;
  const child = startBot(storage, DUE - LEAD_IN_MS, join(dir, 'email.log'), smtp.url);
  const done = await waitUntil(() => smtp.received.size >= N && connector.received.size >= N, timeout);
  await sleep(3000); // anything late (a duplicate) would arrive now
  stopChild(child, 'SIGTERM');
  await exited(child);

  let duplicates = 0;
  for (const n of smtp.received.values()) duplicates += n - 1;
  let chatDuplicates = 0;
  for (const n of connector.received.values()) chatDuplicates += n - 1;
  const attempts = smtp.delivered + smtp.refused;
  const windowS = (smtp.lastAt - smtp.firstAt) / 1000;
  // Every attempt takes a token of the mail rate, and the message refused most often waits its backoff.
  const worstRun = Math.max(0, ...smtp.refusedRuns());
  const allowedS = (Math.max(0, attempts - RATE) / RATE) * 1.1 + worstBackoffS(smtp.refusedRuns());
  const note = [
    `chat copies: ${connector.received.size} delivered, ${chatDuplicates} duplicated, ${N - connector.received.size} lost`,
    `most refusals of one message: ${worstRun}`,
    done ? '' : 'timed out',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    scenario: 'email (451 on 10%)',
    attendees: N,
    rate: RATE,
    delivered: smtp.received.size,
    duplicates: duplicates + chatDuplicates,
    lost: N - smtp.received.size + (N - connector.received.size),
    rejected: smtp.refused,
    attempts,
    windowS,
    allowedS,
    withinBound: windowS <= allowedS,
    note,
  };
}

function markdown(results: Result[], seedS: number): string {
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${r.attendees} | ${r.rate}/s | ${r.delivered} | ${r.duplicates} | ${r.lost} | ${r.rejected} | ${r.attempts} | ${r.windowS.toFixed(1)} s | ${r.allowedS.toFixed(1)} s | ${r.withinBound ? 'yes' : 'NO'} | ${r.note || ''} |`,
  );
  return [
    '### Reminders at scale (`npm run bench:reminders`)',
    '',
    `${N.toLocaleString('en')} registered attendees, each in its own conversation on a local mock Bot Connector; the bot runs as a child process (\`src/main.ts\`) on a SQLite file,`,
    `started with \`BOT_NOW\` ${LEAD_IN_MS / 1000} s before a reminder is due, \`OUTBOUND_RATE_PER_SECOND=${RATE}\` (set \`BENCH_RATE\` to change it).`,
    '"Allowed" is the time the configured rate allows for every attempt the connector saw (429/503 answers use tokens too), after the first second\'s burst, +10%,',
    'plus the backoff of the message refused most often (1 s, 2 s, 4 s … before each retry);',
    `after a SIGKILL it also includes the time the bot was down and one delivery lease (${LEASE_S} s: the messages in flight at the kill are retried only once their lease expires).`,
    '',
    'The email scenario counts what a real SMTP server (smtp-server on loopback) accepted per recipient; it refuses 10% of messages with 451 (try later).',
    '',
    '| scenario | attendees | rate | delivered | duplicates | lost | 429/503/451 answered | attempts | first→last delivery | allowed | within | notes |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}; seeding the SQLite file took ${seedS.toFixed(0)} s.`,
    'Exactly-once holds through the store: each (attendee, session) is claimed with SQLite\'s conditional INSERT before sending and marked sent after.',
    'The one unavoidable window is a crash after the channel accepted a message and before "sent" was written: that message would be sent again (at-least-once).',
    '',
  ].join('\n');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reminders-'));
  const connector = await new CountingConnector().start();
  console.log(`Seeding ${N} attendees into ${dir} …`);
  const t0 = performance.now();
  const smtp = await new CountingSmtpServer().start();
  const templates = { chat: join(dir, 'template.sqlite'), email: join(dir, 'template-email.sqlite') };
  if (SCENARIOS.some((s) => s !== 'email')) await seedAttendees(templates.chat, N, connector.url);
  if (SCENARIOS.includes('email')) await seedAttendees(templates.email, N, connector.url, { email: true });
  const seedS = (performance.now() - t0) / 1000;
  console.log(`  seeded in ${seedS.toFixed(1)} s`);

  const results: Result[] = [];
  for (const scenario of SCENARIOS) {
    console.log(`Scenario ${scenario} (rate ${RATE}/s) …`);
    const r = await run(scenario, templates, dir, connector, smtp);
    results.push(r);
    console.log(
      `  delivered ${r.delivered}/${r.attendees}, duplicates ${r.duplicates}, lost ${r.lost}, refused (429/503/451) ${r.rejected}, first→last ${r.windowS.toFixed(1)} s, allowed ${r.allowedS.toFixed(1)} s: ${r.withinBound ? 'within' : 'OVER'}${r.note ? ` (${r.note})` : ''}`,
    );
  }
  await connector.stop();
  await smtp.stop();

  const md = markdown(results, seedS);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/reminders.md'), md);
  console.log('\n' + md);
  console.log(`Wrote bench/results/reminders.md (bot logs in ${dir})`);
  const ok = results.every((r) => r.duplicates === 0 && r.lost === 0 && r.withinBound);
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
