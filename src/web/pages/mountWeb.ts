// Everything the web door adds to the HTTP server, in one call from the composition root: the built-in
// Direct Line (and the Azure token exchange), the event page, the Teams tab, their assets, calendar files.
import type { Server } from 'restify';
import type { Clock } from '../../clock.ts';
import type { Settings } from '../../config.ts';
import type { Agenda } from '../../event/agenda.ts';
import type { Logger } from '../../logger.ts';
import type { KeyValueStore } from '../../storage/keyValueStore.ts';
import { mountCalendar } from '../calendar.ts';
import { mountDirectLine, type DirectLine } from '../directline/directLine.ts';
import type { ActivityFeed } from '../directline/feed.ts';
import type { TurnRunner } from '../directline/turnRunner.ts';
import { mountPages } from './pages.ts';

export interface WebOptions {
  settings: Settings;
  /** The live agenda (the event source's current one). */
  agenda: () => Agenda;
  clock: Clock;
  store: KeyValueStore;
  /** The built-in Direct Line's signing key (configured, or kept in the store). */
  directLineKey: string;
  /** The way into the bot for the built-in Direct Line's activities. */
  turns: TurnRunner;
  /** Wakes Direct Line sockets on whichever instance holds them (Redis), else in this process. */
  feed?: ActivityFeed;
  log: Logger;
}

export interface Web {
  directLine: DirectLine;
  /** Closes Direct Line sockets and its feed (before the HTTP server closes). */
  close(): Promise<void>;
}

export function mountWeb(server: Server, options: WebOptions): Web {
  const { settings, agenda, clock, store, directLineKey, turns, feed, log } = options;
  const directLine = mountDirectLine(server, { settings, store, signingKey: directLineKey, turns, feed, log });
  mountCalendar(server, { agenda, clock, publicUrl: settings.PUBLIC_URL });
  mountPages(server, { settings, agenda, clock });
  return { directLine, close: () => directLine.close() };
}
