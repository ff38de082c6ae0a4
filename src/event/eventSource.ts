// One live event for the whole bot. The source loads and validates the event file, watches it, and hands the
// new event to every consumer at the same moment (the answering engine, pages, calendar files, the dialogs'
// choices, reminders), so after an organiser moves a session nobody says the old time. An invalid edit is
// logged with its problems and rejected: the previous event stays live, and status() says which version is.
import { createHash } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { Agenda } from './agenda.ts';
import { EventFileError, parseEvent } from './load.ts';
import type { EventData } from './schema.ts';

/** The event as it is live now: its data, the agenda resolved to instants, and which version of the file. */
export interface LiveEvent {
  readonly event: EventData;
  readonly agenda: Agenda;
  /** The first 12 hex digits of the file's SHA-256: the same file gives the same version on every instance. */
  readonly version: string;
  readonly loadedAt: Date;
}

export interface EventSourceStatus {
  file?: string;
  version: string;
  loadedAt: string;
  /** The last edit that was refused, if it came after the live version was loaded. */
  rejected?: { at: string; version: string; problems: string[] };
}

interface SourceLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type EventListener = (live: LiveEvent) => void;

const versionOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

function liveEvent(text: string, file: string): LiveEvent {
  const event = parseEvent(text, file);
  return { event, agenda: new Agenda(event), version: versionOf(text), loadedAt: new Date() };
}

export class EventSource {
  private live: LiveEvent;
  private rejected?: EventSourceStatus['rejected'];
  private readonly listeners = new Set<EventListener>();
  private watching = false;

  private constructor(
    first: LiveEvent,
    private readonly file: string | undefined,
    private readonly log?: SourceLog,
    private readonly pollMs = 500,
  ) {
    this.live = first;
  }

  /** Loads the file now (throwing EventFileError when it is invalid: the bot never starts on a broken event). */
  static fromFile(file: string, options: { log?: SourceLog; pollMs?: number } = {}): EventSource {
    const path = resolve(file);
    return new EventSource(liveEvent(readEventText(path), path), path, options.log, options.pollMs);
  }

  /** A fixed event (tests, tools): never changes. */
  static of(event: EventData): EventSource {
    return new EventSource({ event, agenda: new Agenda(event), version: versionOf(JSON.stringify(event)), loadedAt: new Date() }, undefined);
  }

  get current(): LiveEvent {
    return this.live;
  }

  get event(): EventData {
    return this.live.event;
  }

  get agenda(): Agenda {
    return this.live.agenda;
  }

  /** Calls `listener` with every new live event (not the current one). Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Watches the file (polling its size and mtime: editors that replace the file are seen too). */
  start() {
    if (!this.file || this.watching) return;
    this.watching = true;
    watchFile(this.file, { interval: this.pollMs }, this.onFileChange);
  }

  stop() {
    if (!this.file || !this.watching) return;
    this.watching = false;
    unwatchFile(this.file, this.onFileChange);
  }

  private readonly onFileChange = (cur: Stats, prev: Stats) => {
    if (cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size) this.reload();
  };

  /** Re-reads the file; returns whether a new version went live. An unchanged file changes nothing. */
  reload(): boolean {
    if (!this.file) return false;
    let text: string;
    let next: LiveEvent;
    try {
      text = readEventText(this.file);
      if (versionOf(text) === this.live.version) return false;
      next = liveEvent(text, this.file);
    } catch (err) {
      const problems = err instanceof EventFileError ? err.problems : [(err as Error).message];
      this.rejected = { at: new Date().toISOString(), version: safeVersion(this.file), problems };
      this.log?.error({ file: this.file, problems, live: this.live.version }, 'event file changed but is invalid: the previous version stays live');
      return false;
    }
    this.publish(next);
    return true;
  }

  /** Makes `next` live and tells every consumer; a consumer that fails is logged and the others still update. */
  private publish(next: LiveEvent) {
    this.live = next;
    this.rejected = undefined;
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch (err) {
        this.log?.error({ err: (err as Error).message, version: next.version }, 'a consumer failed to take the new event');
      }
    }
    this.log?.info({ file: this.file, version: next.version, sessions: next.agenda.sessions.length }, 'event file changed: new version live');
  }

  status(): EventSourceStatus {
    return { file: this.file, version: this.live.version, loadedAt: this.live.loadedAt.toISOString(), ...(this.rejected ? { rejected: this.rejected } : {}) };
  }
}

function readEventText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new EventFileError(path, [`cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
}

function safeVersion(path: string): string {
  try {
    return versionOf(readFileSync(path, 'utf8'));
  } catch {
    return 'unreadable';
  }
}
