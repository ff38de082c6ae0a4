// Turns whatever stopped start-up into the one line an operator reads: the setting, the problem, the fix.
// Known failures (settings, the event file, storage, the port) carry their fix; anything else says where to look.
import { ConfigError } from '../config.ts';
import { EventFileError } from '../event/load.ts';
import { StartupError } from './startupError.ts';

export function describeStartupFailure(err: unknown): string {
  if (err instanceof StartupError) return `Cannot start: ${err.message}`;
  if (err instanceof ConfigError)
    return `Cannot start: ${err.problems.join('; ')}. Settings come from the environment or .env (see .env.example).`;
  if (err instanceof EventFileError)
    return `Cannot start: EVENT_FILE ${err.file}: ${err.problems.join('; ')}. Fix: correct the file (npm run event:check -- ${err.file} lists every problem) or set EVENT_FILE to another event file.`;
  const message = err instanceof Error ? err.message : String(err);
  return `Cannot start: ${message.split('\n')[0]} (LOG_LEVEL=debug shows the details).`;
}
