// Entry point: `npm start`. Reads .env, validates settings and the event file, starts the server.
import 'dotenv/config';
import { createApp } from './app.ts';
import { loadSettings } from './config.ts';
import { createLogger, terminalDestination } from './logger.ts';
import { describeStartupFailure } from './startup/startupFailure.ts';

async function main() {
  const settings = loadSettings();
  // A person at a terminal reads pretty lines; a log collector (stdout piped) gets one JSON object a line.
  const log = createLogger(settings.LOG_LEVEL, process.stdout.isTTY ? await terminalDestination() : undefined);
  const app = await createApp(settings, { log });
  const url = await app.listen();
  log.info({ url, event: app.event.id, storage: app.store.backendName, localMode: settings.localMode }, 'event bot listening');
  if (settings.localMode) log.info(`Local mode (no MicrosoftAppId): open Bot Framework Emulator at ${url}/api/messages`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight turns');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  // One line naming the setting and the fix; the stack is for whoever asks for it (LOG_LEVEL=debug).
  console.error(describeStartupFailure(err));
  if (process.env.LOG_LEVEL === 'debug') console.error(err);
  process.exit(1);
});
