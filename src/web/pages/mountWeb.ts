// Everything the web door adds to the HTTP server, in one call from the composition root: the built-in
// Direct Line (and the Azure token exchange), the event page, the Teams tab, their assets, calendar files.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Clock } from '../../clock.ts';
import type { Settings } from '../../config.ts';
import type { Agenda } from '../../event/agenda.ts';
import type { Logger } from '../../logger.ts';
import { mountCalendar } from '../calendar.ts';
import { mountDirectLine, type DirectLine } from '../directline/directLine.ts';
import { mountPages } from './pages.ts';

export interface WebOptions {
  settings: Settings;
  /** The live agenda (the event source's current one). */
  agenda: () => Agenda;
  clock: Clock;
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  log: Logger;
  track?: (work: () => Promise<void>) => Promise<void>;
}

export interface Web {
  directLine: DirectLine;
  /** Closes Direct Line sockets and timers (before the HTTP server closes). */
  close(): void;
}

export function mountWeb(server: Server, options: WebOptions): Web {
  const { settings, agenda, clock, adapter, bot, log, track } = options;
  const directLine = mountDirectLine(server, { settings, adapter, bot, log, track });
  mountCalendar(server, { agenda, clock, publicUrl: settings.PUBLIC_URL });
  mountPages(server, { settings, agenda });
  return { directLine, close: () => directLine.close() };
}
