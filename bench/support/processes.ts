// Starting and measuring bot processes for benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BotProcess {
  url: string;
  child: ChildProcess;
  log: () => string;
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startProcess(script: string, env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<BotProcess> {
  // Built JavaScript runs as is (as `npm start` runs the bot); TypeScript sources go through tsx.
  const args = [...nodeArgs, ...(script.endsWith('.ts') ? ['--import', 'tsx', script] : [script])];
  const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode != null) throw new Error(`${script} exited ${child.exitCode}:\n${log.slice(-2000)}`);
    try {
      await fetch(`${url}/api/messages`);
      break;
    } catch {}
    if (Date.now() - t0 > 60_000) throw new Error(`${script} did not listen in 60 s`);
    await sleep(50);
  }
  return {
    url,
    child,
    log: () => log,
    rssMb() {
      try {
        const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
        return m ? Number(m[1]) / 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    async stop() {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode == null; i++) await sleep(100);
      if (child.exitCode == null) child.kill('SIGKILL');
    },
  };
}

/** A port the OS just handed out (and took back): free unless something grabs it in the next instant. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
}
