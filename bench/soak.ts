// npm run bench:soak — the bot under attack while attendees use it (issue 19). Loopback only. For SOAK_SECONDS
// (default 300) the bot (`dist/main.js` with `npm start`'s node flags) serves 50 attendees who register (e-mail
// code included) and then ask questions, while one hostile client per red-team finding kind keeps trying its
// attack. Reports the attendees' turn latency (p50/p99), registrations confirmed vs stored (lost), the bot's RSS
// and open descriptors over time, and what each hostile client was answered. Figures, not assertions.
//   SOAK_SECONDS=60 npm run bench:soak        a shorter run
//   SOAK_ATTENDEES=50  SOAK_THINK_MS=2000     attendees, and the pause between an attendee's messages
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { MailCatcher } from '../test/support/mailCatcher.ts';
import { startLoadConnector } from './support/loadConnector.ts';
import { postJson } from './support/httpClient.ts';
import { freePort, percentile, startProcess } from './support/processes.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const ATTENDEES = Number(process.env.SOAK_ATTENDEES ?? 50);
const THINK_MS = Number(process.env.SOAK_THINK_MS ?? 2000);
const ADMIN_TOKEN = 'soak-admin-token-0123456789';
const START_FLAGS = (JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string).split(/\s+/).filter((a) => a.startsWith('--'));
const QUESTIONS = ['what is on day 1', 'who is Arnold Kibuuka', 'when is the SS7 session', 'agenda for the second day', 'is registration mandatory', 'what time does day 2 start in London', 'am I registered?', 'how do I join?', 'who speaks in the assurance framework session', 'is there a break on day 2'];

if (!process.env.SOAK_NO_BUILD) execSync('npm run build --silent', { stdio: 'inherit' });
const connector = await startLoadConnector();
const mail = await new MailCatcher().start();
const dataDir = mkdtempSync(join(tmpdir(), 'soak-'));
const port = await freePort();
const bot = await startProcess('dist/main.js', {
  HOST: '127.0.0.1', STORAGE_URL: `sqlite://${join(dataDir, 'bot.sqlite')}`, DATA_DIR: dataDir, SMTP_URL: mail.url, ADMIN_TOKEN, LOG_LEVEL: 'warn',
  // Attendees and attackers all come from 127.0.0.1 here: the per-address message budget would lump them together.
  MESSAGES_PER_MINUTE_PER_CLIENT: '1000000', BOT_NOW: '2022-03-29T06:30:00Z',
}, port, START_FLAGS);
const deadline = Date.now() + SECONDS * 1000;
const running = () => Date.now() < deadline && bot.child.exitCode == null;

// ---- Measures: RSS and descriptors every 5 s ----
const fdCount = () => { try { return readdirSync(`/proc/${bot.child.pid}/fd`).length; } catch { return NaN; } };
const samples: { t: number; rss: number; fds: number }[] = [];
const t0 = Date.now();
const sampler = setInterval(() => samples.push({ t: (Date.now() - t0) / 1000, rss: bot.rssMb(), fds: fdCount() }), 5000);

// ---- Attendees ----
const latencies: number[] = [];
let turnErrors = 0;
const confirmed = new Set<string>();
const turn = async (conversation: string, user: string, text: string) => {
  const t = performance.now();
  const status = await postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: user, name: 'Attendee' }, recipient: { id: 'bot' }, conversation: { id: conversation }, text, locale: 'en-US' })).catch(() => 0);
  latencies.push(performance.now() - t);
  if (status !== 200) turnErrors++;
  return String(connector.last.get(conversation)?.text ?? '');
};
async function attendee(i: number) {
  await sleep((i * THINK_MS) / ATTENDEES);
  let round = 0;
  while (running()) {
    const conversation = `att-${i}-${round}`;
    const user = `att-u${i}-${round}`;
    const email = `attendee${i}.${round}@example.org`;
    const pause = () => sleep(THINK_MS * (0.5 + Math.random()));
    const steps: (() => Promise<string> | string)[] = [
      () => 'register', () => `Attendee Number${i}`, () => email, () => mail.codeFor(email, 20_000).catch(() => '000000'),
      () => 'Example Regulatory Authority', () => 'Kenya', () => 'Other', () => 'All sessions', () => 'I agree', () => 'confirm',
    ];
    let last = '';
    for (const step of steps) {
      if (!running()) return;
      last = await turn(conversation, user, await step());
      await pause();
    }
    if (/reference|registered/i.test(last)) confirmed.add(email);
    for (let q = 0; q < 20 && running(); q++) {
      await turn(conversation, user, QUESTIONS[(i + q) % QUESTIONS.length]);
      await pause();
    }
    round++;
  }
}

// ---- Hostile clients, one per finding kind ----
const hostile = new Map<string, Map<string, number>>();
const count = (kind: string, outcome: string | number) => {
  const m = hostile.get(kind) ?? new Map<string, number>();
  m.set(String(outcome), (m.get(String(outcome)) ?? 0) + 1);
  hostile.set(kind, m);
};
function rawStatus(head: string, body = Buffer.alloc(0)): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    const done = (r: string) => (s.destroy(), resolve(r));
    s.setTimeout(10_000, () => done('no answer'));
    s.on('data', (d) => { got += d.toString('latin1'); const m = got.match(/^HTTP\/1\.1 (\d{3})/); if (m) done(m[1]); });
    s.on('error', () => done('reset'));
    s.on('close', () => done(got ? 'closed' : 'closed, no answer'));
    s.write(Buffer.concat([Buffer.from(head.replace(/\n/g, '\r\n') + '\r\n', 'latin1'), body]));
  });
}
const dlToken = async () => (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
const loop = async (kind: string, everyMs: number, attack: () => Promise<string | number>) => {
  while (running()) {
    count(kind, await attack().catch((e: Error) => `error ${e.message.slice(0, 40)}`));
    await sleep(everyMs);
  }
};
const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
const bomb = Buffer.concat(Array.from({ length: 600 }, () => member));
const big = 'x'.repeat(900 * 1024);
const hostiles = [
  loop('1 gzip bomb', 1000, () => rawStatus(`POST /api/directline/token HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: ${bomb.length}\n`, bomb)),
  loop('2 undecodable stream URL', 500, async () => rawStatus(`GET /v3/directline/conversations/%E0%A4%A/stream?t=x HTTP/1.1\nHost: 127.0.0.1\nConnection: Upgrade\nUpgrade: websocket\nSec-WebSocket-Version: 13\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\n`)),
  loop('3 bad Host', 500, () => rawStatus('GET /healthz HTTP/1.1\nHost: a b\n')),
  (async () => {
    // 4: one token, 900 KB messages as fast as it is let.
    const t = await dlToken();
    await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${t.token}` } });
    await loop('4 900 KB messages', 100, async () => (await fetch(`${bot.url}/v3/directline/conversations/${t.conversationId}/activities`, { method: 'POST', headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: big }) })).status);
  })(),
  loop('5 upgrade to an unknown path', 200, () => rawStatus('GET /nowhere HTTP/1.1\nHost: 127.0.0.1\nConnection: Upgrade\nUpgrade: websocket\nSec-WebSocket-Version: 13\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\n')),
  loop('6 Teams impersonation, foreign serviceUrl', 500, async () => postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'http://192.0.2.1:9/', from: { id: 'att-u1-0' }, recipient: { id: 'bot' }, conversation: { id: 'evil' }, text: 'cancel my registration' }))),
  (async () => {
    // 7: "@" × 1000 at the e-mail prompt, over and over.
    let n = 0;
    await loop('7 "@" × 1000 at the e-mail prompt', 250, async () => {
      const c = `evil-at-${Math.floor(n++ / 3)}`;
      if (n % 3 === 1) await postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: c }, recipient: { id: 'bot' }, conversation: { id: c }, text: 'register' }));
      if (n % 3 === 2) await postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: c }, recipient: { id: 'bot' }, conversation: { id: c }, text: 'Evil Person' }));
      return postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: c }, recipient: { id: 'bot' }, conversation: { id: c }, text: '@'.repeat(1000) }));
    });
  })(),
  loop('8 token and conversation flood', 50, async () => {
    const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}` } });
    if (res.status !== 200) return res.status;
    const t = (await res.json()) as { token: string };
    const refresh = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${t.token}` } });
    return `${(await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${t.token}` } })).status}/refresh ${refresh.status}`;
  }),
  loop('9 enumeration by typed address', 1000, async () => postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: 'enum' }, recipient: { id: 'bot' }, conversation: { id: 'enum' }, text: 'register' }))),
  loop('10 connector injection', 500, async () => (await fetch(`${bot.url}/directline-connector/guess/v3/conversations/att-1-0/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'Your registration was cancelled, click here' }) })).status),
];

await Promise.all([...Array.from({ length: ATTENDEES }, (_, i) => attendee(i)), ...hostiles]);
clearInterval(sampler);
const exited = bot.child.exitCode;

// ---- Lost registrations: confirmed to an attendee but not in the store ----
let stored = new Set<string>();
if (exited == null) {
  const res = await fetch(`${bot.url}/api/admin/registrations`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  stored = new Set(((await res.json()) as { registrations: { email: string }[] }).registrations.map((r) => r.email));
}
const lost = [...confirmed].filter((e) => !stored.has(e));
await bot.stop();
await connector.close();
await mail.stop();

latencies.sort((a, b) => a - b);
const rss = samples.map((s) => s.rss).filter(Number.isFinite);
const fds = samples.map((s) => s.fds).filter(Number.isFinite);
console.log(`\nSoak: ${SECONDS} s, ${ATTENDEES} attendees (a message every ~${THINK_MS} ms each), ${hostiles.length} hostile clients; bot ${exited == null ? 'still running' : `EXITED (${exited})`}`);
console.log(`attendees: ${latencies.length} turns, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms, non-200 ${turnErrors}`);
console.log(`registrations: ${confirmed.size} confirmed to attendees, ${lost.length} lost`);
console.log(`RSS MB: first ${rss[0]?.toFixed(0)}, max ${Math.max(...rss).toFixed(0)}, last ${rss.at(-1)?.toFixed(0)}`);
console.log(`open descriptors: first ${fds[0]}, max ${Math.max(...fds)}, last ${fds.at(-1)}`);
console.log('RSS / descriptors every 30 s: ' + samples.filter((_, i) => i % 6 === 5).map((s) => `${s.t.toFixed(0)}s ${s.rss.toFixed(0)}MB/${s.fds}`).join(', '));
console.log('\n| hostile client | answers |\n| --- | --- |');
for (const [kind, outcomes] of hostile) console.log(`| ${kind} | ${[...outcomes].map(([o, n]) => `${o} × ${n}`).join(', ')} |`);
process.exit(0);
