// When storage goes away the bot keeps answering questions, apologises clearly for what needs storage,
// and recovers by itself when storage returns.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const REDIS_SERVER = '/usr/bin/redis-server';

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) return child;
    await sleep(100);
  }
  throw new Error('redis-server did not start');
}

async function stopRedis(child: ChildProcess) {
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

(existsSync(REDIS_SERVER) ? describe : describe.skip)('reliability: Redis goes down and comes back', function () {
  this.timeout(30_000);
  const port = 6400 + Math.floor(Math.random() * 500);
  let redis: ChildProcess;
  let bot: BotUnderTest;
  before(async () => {
    redis = await startRedis(port);
    bot = await startBot({ STORAGE_URL: `redis://127.0.0.1:${port}` });
  });
  after(async () => {
    await bot.stop().catch(() => {});
    if (redis.exitCode == null) await stopRedis(redis);
  });

  it('answers questions, apologises for registration, and recovers', async () => {
    expect(await bot.ask('when does day 1 start?', { conversationId: 'outage' })).to.match(/10:00/);

    await stopRedis(redis);
    expect(await bot.ask('who is Arnold Kibuuka?', { conversationId: 'outage' })).to.match(/Project Officer/);
    expect(await bot.ask('register', { conversationId: 'outage' })).to.match(/can't reach my storage/);
    const health = await (await fetch(`${bot.url}/healthz`)).json();
    expect(health.storage.reachable).to.equal(false);

    redis = await startRedis(port);
    let recovered = '';
    for (let i = 0; i < 40 && !/name/i.test(recovered); i++) {
      await sleep(250);
      recovered = await bot.ask('register', { conversationId: `outage-after-${i}` });
    }
    expect(recovered).to.match(/name/i);
    expect((await (await fetch(`${bot.url}/healthz`)).json()).storage.reachable).to.equal(true);
  });
});

// "Unwritable" as it happens to a running bot: the disk fills up. A small tmpfs makes that real and reversible.
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

(canMount ? describe : describe.skip)('reliability: the SQLite disk fills up, then has room again', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'full-'));
  const file = join(dir, 'bot.sqlite');
  const filler = join(dir, 'filler');
  let bot: BotUnderTest;
  before(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]);
    bot = await startBot({ STORAGE_URL: `sqlite://${file}` });
  });
  after(async () => {
    await bot.stop();
    execFileSync('umount', ['-l', dir]);
  });

  it('still answers questions, apologises where it must store, and recovers', async () => {
    expect(await bot.ask('what time is the opening?', { conversationId: 'full' })).to.match(/10:00/);
    // Empty the write-ahead log (so the next write needs new space), then fill every remaining byte.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
    } catch {}
    expect(await bot.ask('who speaks about signalling security?', { conversationId: 'full-2' })).to.match(/Burney/);
    expect(await bot.ask('register', { conversationId: 'full-3' })).to.match(/can't reach my storage/i);
    expect((await (await fetch(`${bot.url}/healthz`)).json()).storage.reachable).to.equal(false);
    rmSync(filler);
    expect(await bot.ask('register', { conversationId: 'full-4' })).to.match(/name/i);
    expect((await (await fetch(`${bot.url}/healthz`)).json()).storage.reachable).to.equal(true);
  });
});
