// Start-up that explains itself: the real process (`node src/main.ts`, as `npm start` runs it) given a setting it
// cannot work with stops with exit code 1 and one line on stderr naming the setting and the fix — no stack,
// unless LOG_LEVEL=debug asks for it.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBot(env: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', STORAGE_URL: 'memory://', DATA_DIR: mkdtempSync(join(tmpdir(), 'startup-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  // A bot that starts instead of failing is stopped, and the test fails on its exit code.
  const guard = setTimeout(() => child.kill('SIGKILL'), 25_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    }),
  );
}

const listening = (server: Server) => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listening(server);
  await new Promise((r) => server.close(r));
  return port;
}

function expectOneLine(outcome: Outcome, setting: string, fix: RegExp) {
  expect(outcome.code, outcome.stderr).to.equal(1);
  const lines = outcome.stderr.trim().split('\n');
  expect(lines, outcome.stderr).to.have.length(1);
  expect(lines[0]).to.match(new RegExp(`^Cannot start: ${setting}\\b`));
  expect(lines[0]).to.match(fix);
  expect(outcome.stderr + outcome.stdout).not.to.match(/\n\s+at /);
}

describe('start-up failures (the real process)', function () {
  this.timeout(60_000);

  it('a port in use names PORT and says to free it or pick another', async () => {
    const squatter = createServer();
    const port = await listening(squatter);
    try {
      const outcome = await runBot({ PORT: String(port) });
      expectOneLine(outcome, 'PORT', new RegExp(`127\\.0\\.0\\.1:${port} is already in use.*set PORT to a free port`));
    } finally {
      squatter.close();
    }
  });

  it('Redis down names STORAGE_URL and the address it tried, without the password', async () => {
    const port = await closedPort();
    const outcome = await runBot({ STORAGE_URL: `redis://:hunter2secret@127.0.0.1:${port}` });
    expectOneLine(outcome, 'STORAGE_URL', new RegExp(`cannot connect to Redis at redis://\\*\\*\\*@127\\.0\\.0\\.1:${port}.*start Redis`));
    expect(outcome.stderr).not.to.include('hunter2secret');
  });

  it('a STORAGE_URL of an unknown kind names the kinds it takes', async () => {
    const outcome = await runBot({ STORAGE_URL: 'postgres://db/bot' });
    expectOneLine(outcome, 'STORAGE_URL', /"postgres:\/\/db\/bot" is not a storage address.*redis:\/\/.*sqlite:\/\/.*memory:\/\//);
  });

  it('a data folder that cannot hold the SQLite file names DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'startup-'));
    writeFileSync(join(dir, 'a-file'), '');
    const outcome = await runBot({ STORAGE_URL: '', DATA_DIR: join(dir, 'a-file') });
    expectOneLine(outcome, 'DATA_DIR', /cannot open the SQLite file .*a-file\/bot\.sqlite.*set DATA_DIR to a writable place/);
  });

  it('broken event JSON names EVENT_FILE with the line and column', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'startup-')), 'event.json');
    writeFileSync(file, '{\n  "id": "x",\n  "title": oops\n}\n');
    const outcome = await runBot({ EVENT_FILE: file });
    expectOneLine(outcome, 'EVENT_FILE', /not valid JSON: line 3, column 12: .*npm run event:check/);
  });

  it('a short ADMIN_TOKEN names ADMIN_TOKEN and how to make a good one', async () => {
    const outcome = await runBot({ ADMIN_TOKEN: 'short' });
    expectOneLine(outcome, 'ADMIN_TOKEN', /at least 16 characters.*openssl rand/);
  });

  it('LOG_LEVEL=debug adds the stack after the same line', async () => {
    const outcome = await runBot({ STORAGE_URL: 'postgres://db/bot', LOG_LEVEL: 'debug' });
    expect(outcome.code).to.equal(1);
    expect(outcome.stderr).to.match(/^Cannot start: STORAGE_URL\b/);
    expect(outcome.stderr).to.match(/\n\s+at /);
  });
});

/** Starts the bot (optionally inside a pseudo-terminal), returns stdout up to its "listening" line, stops it. */
async function stdoutUntilListening(inTerminal: boolean): Promise<string> {
  const command = [process.execPath, '--import', 'tsx', 'src/main.ts'];
  const child = inTerminal
    ? spawn('script', ['-qfec', command.join(' '), '/dev/null'], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', STORAGE_URL: 'memory://' }, stdio: ['pipe', 'pipe', 'ignore'] })
    : spawn(command[0]!, command.slice(1), { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', STORAGE_URL: 'memory://' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  const exited = new Promise((r) => child.once('exit', r));
  await new Promise<void>((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`no "listening" line:\n${stdout}`)), 25_000);
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (stdout.includes('event bot listening')) {
        clearTimeout(guard);
        resolve();
      }
    });
  }).finally(() => child.kill('SIGTERM'));
  await exited;
  return stdout;
}

describe('log format (the real process)', function () {
  this.timeout(60_000);

  it('stdout that is not a terminal gets one JSON object a line', async () => {
    const lines = (await stdoutUntilListening(false)).trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line), line).not.to.throw();
    const listening = lines.map((l) => JSON.parse(l) as { msg: string; level: number }).find((l) => l.msg === 'event bot listening');
    expect(listening).to.include({ level: 30 });
  });

  it('a terminal gets readable lines (level, time, message), not JSON', async function () {
    if (!existsSync('/usr/bin/script')) return this.skip(); // util-linux `script` gives the bot a pseudo-terminal
    const out = (await stdoutUntilListening(true)).replace(/\x1b\[[0-9;]*m/g, '');
    expect(out).to.match(/^\[\d\d:\d\d:\d\d\] INFO: event bot listening$/m);
    expect(out).not.to.match(/^\{"level"/m);
  });
});
