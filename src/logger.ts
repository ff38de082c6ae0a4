// Structured logs (pino). Never log message text, names or e-mails: log ids and outcomes only.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'event-bot' },
      // Belt and braces: if a field with personal data ever reaches a log call, it is masked.
      redact: { paths: ['text', 'name', 'email', '*.text', '*.name', '*.email', 'activity.text', 'activity.from.name'], censor: '[redacted]' },
    },
    destination,
  );
}

/** Coloured, one line per entry, for a person at a terminal (pino-pretty in-process: no worker thread to bundle). */
export async function terminalDestination(): Promise<pino.DestinationStream> {
  const { default: pretty } = await import('pino-pretty');
  return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', sync: true });
}
