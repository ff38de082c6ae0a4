// Requests that each, alone, used to end the process (red-team findings 1–3), sent to the bot running as a real
// process (`node src/main.ts`): each gets a 4xx and the process keeps serving.
import { expect } from 'chai';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';

/** Sends bytes as they are (no client fixes the Host header up) and returns the status line's code. */
function rawRequest(url: string, head: string, body: Buffer = Buffer.alloc(0)): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer; got: ${answer.slice(0, 200)}`)));
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      const m = answer.match(/^HTTP\/1\.1 (\d{3})/);
      if (m) (resolve(Number(m[1])), socket.destroy());
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without a status line; got: ${answer.slice(0, 200)}`)));
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n');
    // A server that refuses on the headers answers before the body; one that reads it gets it after a pause.
    if (body.length) setTimeout(() => !answer && !socket.destroyed && socket.write(body), 300);
  });
}

describe('reliability: one request must not end the process', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  before(async () => (bot = await spawnBot({ STORAGE_URL: 'memory://' })));
  after(() => bot.kill('SIGKILL'));
  afterEach(async () => {
    // Still running and serving.
    expect(await Promise.race([bot.exited, Promise.resolve('running')])).to.equal('running');
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });

  it('finding 1: refuses a gzip body that inflates to 600 MB (415), without inflating it', async () => {
    // Concatenated gzip members inflate to one stream: 600 × 1 MB of zeros in about 600 kB.
    const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 600 }, () => member));
    expect(bomb.length).to.be.lessThan(1024 * 1024);
    for (const path of ['/api/directline/token', '/api/messages']) {
      const status = await rawRequest(
        bot.url,
        `POST ${path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: ${bomb.length}\n`,
        bomb,
      );
      expect(status, path).to.equal(415);
    }
  });

  it('finding 1: a small gzip body is refused the same way (415), not half-read', async () => {
    const body = gzipSync(JSON.stringify({ type: 'message', text: 'hi' }));
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body });
    expect(res.status).to.equal(415);
    expect(((await res.json()) as { message: string }).message).to.match(/uncompressed/);
  });

  it('finding 2: a stream URL whose conversation id does not percent-decode is answered 400 and closed', async () => {
    const t = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string };
    for (const id of ['%', '%E0%A4%A', 'abc%zz']) {
      const status = await rawRequest(
        bot.url,
        `GET /v3/directline/conversations/${id}/stream?t=${encodeURIComponent(t.token)} HTTP/1.1\nHost: 127.0.0.1\nConnection: Upgrade\nUpgrade: websocket\nSec-WebSocket-Version: 13\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\n`,
      );
      expect(status, id).to.equal(400);
    }
  });

  const badHosts = ['a b', '[', 'a:99999', 'x:y:z', '%', 'a\\b'];
  for (const host of badHosts) {
    it(`finding 3: answers 400 to Host: ${host} on any route`, async () => {
      for (const [method, path] of [['GET', '/healthz'], ['POST', '/api/messages'], ['GET', '/nowhere'], ['OPTIONS', '/api/directline/token']]) {
        const status = await rawRequest(bot.url, `${method} ${path} HTTP/1.1\nHost: ${host}\nContent-Length: 0\n`);
        expect(status, `${method} ${path}`).to.equal(400);
      }
    });
  }

  it('finding 3: an absolute-form target with a bad host is answered 400 too', async () => {
    expect(await rawRequest(bot.url, 'GET http://a b/healthz HTTP/1.1\nHost: 127.0.0.1\n')).to.equal(400);
  });
});
