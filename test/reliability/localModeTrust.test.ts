// Local mode (no MicrosoftAppId) authenticates no channel (issue 19 finding 6). Through the bot running as a real
// process: it listens on 127.0.0.1 unless HOST says otherwise, takes /api/messages only from this machine, replies
// only to a connector on this machine (no requests to a URL a stranger names), and never asks a self-declared
// Teams channel for a profile (whoever answers the lookup could hand over someone else's e-mail).
import { expect } from 'chai';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';

/** This machine's first non-loopback IPv4 address, if it has one. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const activity = (serviceUrl: string, over: Record<string, unknown> = {}) => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl,
  from: { id: 'victim-teams-id', name: 'Victim' },
  recipient: { id: 'bot' },
  conversation: { id: `a-${Math.random()}` },
  text: 'register',
  ...over,
});
const post = (base: string, body: unknown) =>
  fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A server on every interface that records what it is asked: the attacker's "connector". */
async function recordingServer() {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'x', name: 'Victim', email: 'victim@example.org' }));
  });
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  return { requests, port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(r)) };
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    s.setTimeout(3000, () => (s.destroy(), resolve(false)));
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

describe('local mode trusts no channel (issue 19 finding 6)', function () {
  this.timeout(120_000);
  let bots: BotProcess[] = [];
  afterEach(async () => {
    await Promise.all(bots.map((b) => b.kill('SIGKILL')));
    bots = [];
  });

  it('listens on 127.0.0.1 when HOST is not set', async function () {
    if (!externalAddress) this.skip(); // no other interface to try
    const bot = await spawnBot({ STORAGE_URL: 'memory://', HOST: '' });
    bots.push(bot);
    const port = Number(new URL(bot.url).port);
    expect(await connects('127.0.0.1', port)).to.equal(true);
    expect(await connects(externalAddress!, port)).to.equal(false);
  });

  it('with HOST=0.0.0.0, /api/messages from another address is refused (403) and the bot sends nothing', async function () {
    if (!externalAddress) this.skip();
    const attacker = await recordingServer();
    try {
      const bot = await spawnBot({ STORAGE_URL: 'memory://', HOST: '0.0.0.0' });
      bots.push(bot);
      const port = new URL(bot.url).port;
      // From this machine's other address, as a stranger on the network would come.
      const res = await post(`http://${externalAddress}:${port}`, activity(`http://127.0.0.1:${attacker.port}`));
      expect(res.status).to.equal(403);
      expect(((await res.json()) as { message: string }).message).to.match(/this machine only/);
      // The event page still serves everyone.
      expect((await fetch(`http://${externalAddress}:${port}/healthz`)).status).to.equal(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(attacker.requests).to.deep.equal([]);
    } finally {
      await attacker.close();
    }
  });

  it('replies only to a connector on this machine: a serviceUrl elsewhere is refused (403), nothing is fetched from it', async function () {
    if (!externalAddress) this.skip();
    const attacker = await recordingServer();
    try {
      const bot = await spawnBot({ STORAGE_URL: 'memory://' });
      bots.push(bot);
      for (const serviceUrl of [`http://${externalAddress}:${attacker.port}`, 'http://169.254.169.254/latest/', 'http://localhost.example.org/']) {
        const res = await post(bot.url, activity(serviceUrl));
        expect(res.status, serviceUrl).to.equal(403);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(attacker.requests).to.deep.equal([]);
    } finally {
      await attacker.close();
    }
  });

  it('asks a self-declared Teams user for name and e-mail; the profile is never looked up', async () => {
    const connector = await new MockConnector({ member: (id) => ({ id, name: 'Victim Person', email: 'victim@example.org', userPrincipalName: 'victim@example.org' }) }).start();
    try {
      const bot = await spawnBot({ STORAGE_URL: 'memory://' });
      bots.push(bot);
      const conversation = { id: 'teams-claim' };
      expect((await post(bot.url, activity(connector.url, { conversation }))).status).to.equal(200);
      const replies = connector.to('teams-claim').map(visibleText).join('\n');
      expect(replies).to.include("What's your full name?").and.not.include('Victim Person').and.not.include('victim@example.org');
      expect(connector.requests.filter((r) => r.includes('/members'))).to.deep.equal([]);
    } finally {
      await connector.stop();
    }
  });
});
