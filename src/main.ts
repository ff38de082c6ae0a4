// Entry point: `npm start`. Reads .env, validates settings and the event file, starts the server.
import 'dotenv/config';
import { createApp } from './app.ts';
import { ConfigError, loadSettings } from './config.ts';
import { EventFileError } from './event/load.ts';
import { createLogger } from './logger.ts';

async function main() {
  const settings = loadSettings();
  const log = createLogger(settings.LOG_LEVEL);
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
  if (err instanceof ConfigError || err instanceof EventFileError) {
    console.error(err.message);
  } else {
    console.error('Start-up failed:', err);
  }
  process.exit(1);
});
