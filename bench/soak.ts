// npm run bench:soak — the bot under attack while attendees use it (issue 19). Loopback only. For SOAK_SECONDS
// (default 300) the bot (`dist/main.js` with `npm start`'s node flags) serves 50 attendees who register (e-mail
// code included) and then ask questions, while one hostile client per red-team finding kind keeps trying its
// attack. Reports the attendees' turn latency (p50/p99), registrations confirmed vs stored (lost), the bot's RSS
// and open descriptors over time, and what each hostile client was answered. Figures, not assertions.
// Every fifth attendee chats in Web Chat's way, through the built-in Direct Line (a token, a conversation, an open
// WebSocket, messages posted and replies polled, its token refreshed every minute), from an address of its own:
// the bot trusts one proxy hop (TRUST_PROXY_HOPS=1) so that X-Forwarded-For gives attendees and the conversation
// flood (finding 8: 500 addresses, each as many conversations as its budget allows) the addresses they would have.
// The Direct Line attendees ask questions first and register half-way through, in the thick of the flood.
//   SOAK_SECONDS=60 npm run bench:soak        a shorter run
//   SOAK_ATTENDEES=50  SOAK_THINK_MS=2000     attendees, and the pause between an attendee's messages
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
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
  // The chat budget (CHAT_TOKENS_PER_MINUTE_PER_CLIENT) and capacity (DIRECT_LINE_MAX_CONVERSATIONS) keep their
  // defaults; X-Forwarded-For, trusted for one hop, names each Direct Line client's address.
  MESSAGES_PER_MINUTE_PER_CLIENT: '1000000', BOT_NOW: '2022-03-29T06:30:00Z', TRUST_PROXY_HOPS: '1',
}, port, START_FLAGS);
// Warm-up, before the clock starts: each kind of turn once or twice (questions, the registration prompts, a Direct
// Line greeting), so the figures are the bot's steady state and not its first compilations.
{
  const warm = (text: string) => postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: 'warm-up', name: 'Warm Up' }, recipient: { id: 'bot' }, conversation: { id: 'warm-up' }, text, locale: 'en-US' }));
  for (const q of [...QUESTIONS, ...QUESTIONS]) await warm(q);
  for (const step of ['register', 'Warm Up', 'warm-up@example.org']) await warm(step);
  const t = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'x-forwarded-for': '10.30.0.1' } })).json()) as { token: string };
  await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'x-forwarded-for': '10.30.0.1', authorization: `Bearer ${t.token}` } });
}
const deadline = Date.now() + SECONDS * 1000;
const running = () => Date.now() < deadline && bot.child.exitCode == null;

// ---- Measures: RSS and descriptors every 5 s ----
const fdCount = () => { try { return readdirSync(`/proc/${bot.child.pid}/fd`).length; } catch { return NaN; } };
/** The bot's CPU time so far (user + system), in seconds. */
const cpuSeconds = () => { try { const f = readFileSync(`/proc/${bot.child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; } catch { return NaN; } };
const samples: { t: number; rss: number; fds: number; cpu: number }[] = [];
const t0 = Date.now();
const sampler = setInterval(() => samples.push({ t: (Date.now() - t0) / 1000, rss: bot.rssMb(), fds: fdCount(), cpu: cpuSeconds() }), 5000);

// ---- Attendees ----
const latencies: number[] = [];
/** Each turn's latency with when it ended (s since the start), for the figures per 30 s. */
const timed: { t: number; ms: number }[] = [];
const noteLatency = (ms: number) => (latencies.push(ms), timed.push({ t: (Date.now() - t0) / 1000, ms }));
let turnErrors = 0;
const confirmed = new Set<string>();
const turn = async (conversation: string, user: string, text: string) => {
  const t = performance.now();
  const status = await postJson(bot.url, '/api/messages', JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: connector.url, from: { id: user, name: 'Attendee' }, recipient: { id: 'bot' }, conversation: { id: conversation }, text, locale: 'en-US' })).catch(() => 0);
  noteLatency(performance.now() - t);
  if (status !== 200) turnErrors++;
  return String(connector.last.get(conversation)?.text ?? '');
};
const registrationSteps = (i: number, email: string): (() => Promise<string> | string)[] => [
  () => 'register', () => `Attendee Number${i}`, () => email, () => mail.codeFor(email, 20_000).catch(() => '000000'),
  () => 'Example Regulatory Authority', () => 'Kenya', () => 'Other', () => 'All sessions', () => 'I agree', () => 'confirm',
];
async function attendee(i: number) {
  await sleep((i * THINK_MS) / ATTENDEES);
  if (i % 5 === 4) return directLineAttendee(i);
  let round = 0;
  while (running()) {
    const conversation = `att-${i}-${round}`;
    const user = `att-u${i}-${round}`;
    const email = `attendee${i}.${round}@example.org`;
    const pause = () => sleep(THINK_MS * (0.5 + Math.random()));
    let last = '';
    for (const step of registrationSteps(i, email)) {
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

// A Web Chat attendee on the built-in Direct Line: one conversation for the whole soak (so the flood cannot push it
// out), its WebSocket open, a turn = POST the message (answered once the bot's turn is over) + poll the replies.
const dl = { attendees: 0, started: 0, turns: 0, errors: 0, refreshes: 0, refreshErrors: 0, oldTokenRefused: 0, socketsClosed: 0 };
async function directLineAttendee(i: number) {
  dl.attendees++;
  const from = { 'x-forwarded-for': `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}` };
  const issued = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: from }).catch(() => undefined);
  if (issued?.status !== 200) return void dl.errors++;
  const t = (await issued.json()) as { token: string; conversationId: string };
  let token = t.token;
  const auth = () => ({ ...from, authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const started = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: auth() }).catch(() => undefined);
  if (started?.status !== 201) return void dl.errors++;
  dl.started++;
  const ws = new WebSocket(((await started.json()) as { streamUrl: string }).streamUrl, { headers: from });
  ws.on('error', () => {});
  ws.on('close', () => running() && dl.socketsClosed++);
  const activities = `${bot.url}/v3/directline/conversations/${encodeURIComponent(t.conversationId)}/activities`;
  let watermark = '';
  let refreshedAt = Date.now();
  const say = async (text: string) => {
    // Web Chat refreshes its token (every 15 minutes; here every minute): the old one must stop working.
    if (Date.now() - refreshedAt > 60_000) {
      refreshedAt = Date.now();
      const res = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: auth() }).catch(() => undefined);
      if (res?.status === 200) {
        const old = auth();
        token = ((await res.json()) as { token: string }).token;
        dl.refreshes++;
        if ((await fetch(activities, { headers: old })).status === 401) dl.oldTokenRefused++;
      } else dl.refreshErrors++;
    }
    const began = performance.now();
    const res = await fetch(activities, { method: 'POST', headers: auth(), body: JSON.stringify({ type: 'message', from: { id: 'ignored', name: 'Attendee' }, text, locale: 'en-US' }) }).catch(() => undefined);
    const body = res?.status === 200 ? ((await res.json()) as { id: string }) : undefined;
    noteLatency(performance.now() - began);
    dl.turns++;
    if (!body) return (turnErrors++, dl.errors++, '');
    const polled = (await (await fetch(`${activities}${watermark ? `?watermark=${watermark}` : ''}`, { headers: auth() })).json()) as { activities: Record<string, any>[]; watermark?: string };
    watermark = polled.watermark ?? watermark;
    return polled.activities.filter((a) => a.from?.role === 'bot' && a.replyToId === body.id).map((a) => String(a.text ?? '')).join('\n');
  };
  const pause = () => sleep(THINK_MS * (0.5 + Math.random()));
  const registerAt = t0 + (SECONDS * 1000) / 2;
  let q = 0;
  while (running() && Date.now() < registerAt) (await say(QUESTIONS[(i + q++) % QUESTIONS.length]), await pause());
  const email = `dl-attendee${i}@example.org`;
  let last = '';
  for (const step of registrationSteps(i, email)) {
    if (!running()) break;
    last = await say(await step());
    await pause();
  }
  if (/reference|registered/i.test(last)) confirmed.add(email);
  while (running()) (await say(QUESTIONS[(i + q++) % QUESTIONS.length]), await pause());
  ws.close();
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
let free: Promise<string> | undefined;
const freeToken = () => (free ??= dlToken().then((t) => t.token));
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
  loop('2 undecodable stream URL (with a valid token)', 500, async () => rawStatus(`GET /v3/directline/conversations/%E0%A4%A/stream?t=${encodeURIComponent(await freeToken())} HTTP/1.1\nHost: 127.0.0.1\nConnection: Upgrade\nUpgrade: websocket\nSec-WebSocket-Version: 13\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\n`)),
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
  (async () => {
    // 8: tokens and conversations from 500 addresses, each refreshed and the old token tried again.
    let n = 0;
    await loop('8 token and conversation flood (token/start/refresh/old token)', 20, async () => {
      n++;
      const from = { 'x-forwarded-for': `${n % 2 ? '198.51.100' : '203.0.113'}.${(Math.floor(n / 2) % 250) + 1}` };
      const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: from });
      if (res.status !== 200) return `token ${res.status}`;
      const t = (await res.json()) as { token: string; conversationId: string };
      const auth = { ...from, authorization: `Bearer ${t.token}` };
      const started = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: auth });
      await started.arrayBuffer();
      const refresh = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: auth });
      await refresh.arrayBuffer();
      const old = await fetch(`${bot.url}/v3/directline/conversations/${t.conversationId}/activities`, { headers: auth });
      await old.arrayBuffer();
      return `${started.status}/${refresh.status}/${old.status}`;
    });
  })(),
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
console.log(`Direct Line attendees: ${dl.started}/${dl.attendees} started, ${dl.turns} turns, ${dl.errors} failed (an evicted conversation fails every turn after), ${dl.refreshes} token refreshes (${dl.refreshErrors} failed; old token 401 after ${dl.oldTokenRefused}), sockets closed by the bot ${dl.socketsClosed}`);
console.log(`RSS MB: first ${rss[0]?.toFixed(0)}, max ${Math.max(...rss).toFixed(0)}, last ${rss.at(-1)?.toFixed(0)}`);
console.log(`open descriptors: first ${fds[0]}, max ${Math.max(...fds)}, last ${fds.at(-1)}`);
console.log('RSS / descriptors every 30 s: ' + samples.filter((_, i) => i % 6 === 5).map((s) => `${s.t.toFixed(0)}s ${s.rss.toFixed(0)}MB/${s.fds}`).join(', '));
const windows = Array.from({ length: Math.ceil(SECONDS / 30) }, (_, w) => {
  const ms = timed.filter((x) => x.t >= w * 30 && x.t < (w + 1) * 30).map((x) => x.ms).sort((a, b) => a - b);
  const cpu = samples.filter((s) => s.t > w * 30 && s.t <= (w + 1) * 30 + 0.5).map((s) => s.cpu);
  const busy = cpu.length > 1 ? ((cpu.at(-1)! - cpu[0]) / (5 * (cpu.length - 1))) * 100 : NaN;
  return `${(w + 1) * 30}s p99 ${percentile(ms, 0.99).toFixed(0)} ms, bot CPU ${busy.toFixed(0)}%`;
});
console.log('attendees per 30 s: ' + windows.join('; '));
console.log('\n| hostile client | answers |\n| --- | --- |');
for (const [kind, outcomes] of hostile) console.log(`| ${kind} | ${[...outcomes].map(([o, n]) => `${o} × ${n}`).join(', ')} |`);
process.exit(0);
