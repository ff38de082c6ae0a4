// The bot as a real child process (`node src/main.ts`, as `npm start` runs it): for crashes (SIGKILL),
// restarts on the same storage, several instances, and reading what it logs.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { botNowDefault } from './testClock.ts';

export interface BotProcess {
  url: string;
  output: () => string;
  /** Resolves with the exit code (null if killed by a signal). */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `port`: start on that one (a restart that a browser must find at the same address), else a free one. */
export async function spawnBot(env: Record<string, string>, opts: { port?: number } = {}): Promise<BotProcess> {
  if (opts.port) return spawnOn(opts.port, env);
  // Below Linux's ephemeral range (32768+), so an outgoing socket never holds the port; a port another suite
  // running on the same machine took is tried again elsewhere.
  for (let attempt = 1; ; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    try {
      return await spawnOn(port, env);
    } catch (error) {
      if (attempt >= 5 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function spawnOn(port: number, env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // Per-address budgets high (every test client is 127.0.0.1; tests of a budget set it). BOT_NOW: a week before the clinic, running on across restarts, unless the test sets it (see botUnderTest.ts)
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'debug', MESSAGES_PER_MINUTE_PER_CLIENT: '100000', CHAT_TOKENS_PER_MINUTE_PER_CLIENT: '100000', BOT_NOW: botNowDefault(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode != null) throw new Error(`bot exited with ${child.exitCode}:\n${output.slice(-2000)}`);
    if ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok) break;
    if (waited > 30_000) throw new Error(`bot did not start:\n${output.slice(-2000)}`);
    await sleep(100);
  }
  return {
    url,
    output: () => output,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode != null || child.signalCode != null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}
