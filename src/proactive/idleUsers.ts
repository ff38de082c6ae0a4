// Chat users who wrote to the bot once and never registered are not kept for ever: after USER_RETENTION_DAYS
// without a turn, their conversation reference (where the bot could reach them) and their user state (the
// remembered time zone) are deleted. Anyone linked to a registration is kept, whatever the date: they follow
// sessions and must get their reminders.
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { RegistrationStore } from '../registration/registrationStore.ts';
import { lastSeen, type ReferenceStore } from './references.ts';

export interface IdleUsersDeps {
  references: ReferenceStore;
  registrations: RegistrationStore;
  /** Deletes the user state of "<channelId>:<userId>". */
  forgetUserState(channelId: string, userId: string): Promise<void>;
  retentionMs: number;
  clock: Clock;
  log: Logger;
  /** How often to look; hourly by default. */
  everyMs?: number;
}

export class IdleUsers {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(private readonly deps: IdleUsersDeps) {}

  start() {
    this.timer = setInterval(() => void this.sweep().catch((err) => this.deps.log.warn({ err: (err as Error).message }, 'idle users not swept')), this.deps.everyMs ?? 60 * 60_000);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.running?.catch(() => {});
  }

  /** Forgets every identity idle for longer than the retention that no registration links; returns how many. */
  sweep(): Promise<number> {
    this.running ??= this.forgetIdle().finally(() => (this.running = undefined));
    return this.running;
  }

  private async forgetIdle(): Promise<number> {
    const { references, registrations, retentionMs, clock } = this.deps;
    const before = clock.now().getTime() - retentionMs;
    const refs = await references.all();
    const idle = [...refs].filter(([, record]) => lastSeen(record) < before).map(([identity]) => identity);
    if (!idle.length) return 0;
    const registered = new Set((await registrations.all()).flatMap((r) => r.identities));
    let forgotten = 0;
    for (const identity of idle) {
      if (registered.has(identity)) continue;
      const colon = identity.indexOf(':');
      await references.forget(identity);
      await this.deps.forgetUserState(identity.slice(0, colon), identity.slice(colon + 1));
      forgotten++;
    }
    if (forgotten) this.deps.log.info({ forgotten }, 'idle chat users forgotten (reference and user state)');
    return forgotten;
  }
}
