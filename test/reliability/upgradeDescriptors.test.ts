// Finding 5 (issue 19): WebSocket upgrades to paths the bot does not serve were never answered or closed, so each
// left a socket in CLOSE-WAIT (a descriptor held for ever) once the client gave up. Through the bot as a real
// process: 200 such upgrades, half from clients that hang up at once and half from clients that wait; afterwards
// the kernel's socket table (/proc/net/tcp*) shows no socket of the bot's port in CLOSE-WAIT or still open.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';

const CLOSE_WAIT = '08';
const ESTABLISHED = '01';

/** TCP states of the sockets whose local port is `port` (the server's side of each connection). */
function serverSocketStates(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => {
    try {
      return readFileSync(file, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f.length > 3 && f[1].endsWith(`:${hex}`))
        .map((f) => f[3]);
    } catch {
      return [];
    }
  });
}

function upgrade(port: number, path: string, hangUp: boolean): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    s.setTimeout(10_000, () => (s.destroy(), resolve('no answer')));
    s.on('data', (d) => (got += d.toString('latin1')));
    s.on('error', () => resolve(got || 'reset'));
    s.on('close', () => resolve(got.split('\r\n')[0] || 'closed without an answer'));
    s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    if (hangUp) s.end();
  });
}

describe('reliability: upgrades to unknown paths leave no descriptors behind (issue 19 finding 5)', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  before(async () => (bot = await spawnBot({ STORAGE_URL: 'memory://' })));
  after(() => bot.kill('SIGKILL'));

  it('answers each 404 and closes it, whether the client hangs up or waits', async () => {
    const port = Number(new URL(bot.url).port);
    // This test's own keep-alive connection (fetch of /healthz) may be open already.
    const openBefore = serverSocketStates(port).filter((s) => s === ESTABLISHED).length;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => upgrade(port, ['/nowhere', '/v3/directline/conversations', '/api/messages', '/ws'][i % 4] + `?i=${i}`, i % 2 === 0)),
    );
    // The clients that waited were answered and then closed by the server.
    expect(answers.filter((a, i) => i % 2 === 1 && !/^HTTP\/1\.1 404/.test(a))).to.deep.equal([]);
    await sleep(500);
    const states = serverSocketStates(port);
    expect(states.filter((s) => s === CLOSE_WAIT), 'sockets in CLOSE-WAIT').to.have.length(0);
    expect(states.filter((s) => s === ESTABLISHED).length, 'connections still open').to.be.at.most(openBefore);
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });
});
