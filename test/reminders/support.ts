// Helpers for reminder tests: a scripted ProactiveSender, seeded registrations and conversation references.
import { ManualClock } from '../../src/clock.ts';
import type { Reply } from '../../src/conversation/types.ts';
import { Agenda } from '../../src/event/agenda.ts';
import { loadEventFile } from '../../src/event/load.ts';
import { createLogger } from '../../src/logger.ts';
import type { Language } from '../../src/language/languages.ts';
import type { ReminderChoice, Registration } from '../../src/registration/registration.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import type { ProactiveSender } from '../../src/proactive/proactiveSender.ts';
import { ReferenceStore, type StoredReference } from '../../src/proactive/references.ts';
import { defaultReminderOptions, ReminderService, type ReminderOptions } from '../../src/proactive/reminderService.ts';
import type { SendOutcome } from '../../src/proactive/retry.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';

export const DFS = 'events/dfs-security-clinic-2022.json';
export const SAMPLE = 'events/sample-cloud-resilience-forum.json';
export const agendaOf = (file: string) => new Agenda(loadEventFile(file));
export const silent = createLogger('silent');

export interface Sent {
  conversationId: string;
  reply: Reply;
}

/** Records sends; `script` may answer a failure for a given conversation and attempt number (1-based). */
export class FakeSender implements ProactiveSender {
  readonly sent: Sent[] = [];
  readonly attempts = new Map<string, number>();
  constructor(public script: (conversationId: string, attempt: number) => SendOutcome | undefined = () => undefined) {}
  async send(reference: StoredReference, reply: Reply): Promise<SendOutcome> {
    const id = reference.conversation.id;
    const n = (this.attempts.get(id) ?? 0) + 1;
    this.attempts.set(id, n);
    const fail = this.script(id, n);
    if (fail) return fail;
    this.sent.push({ conversationId: id, reply });
    return { ok: true };
  }
  to(conversationId: string) {
    return this.sent.filter((s) => s.conversationId === conversationId);
  }
}

export const referenceFor = (i: number | string, serviceUrl = 'http://127.0.0.1:9/'): StoredReference => ({
  channelId: 'webchat',
  serviceUrl,
  conversation: { id: `conv-${i}` },
  user: { id: `user-${i}` },
  bot: { id: 'bot' },
});

export async function seedAttendee(
  store: KeyValueStore,
  i: number | string,
  opts: { reminders?: ReminderChoice; follow?: string[]; timeZone?: string; serviceUrl?: string; channelId?: string; emailReminders?: boolean; noConversation?: boolean; language?: Language } = {},
): Promise<Registration> {
  const identity = `${opts.channelId ?? 'webchat'}:user-${i}`;
  const reg = await new RegistrationStore(store).save(
    {
      fullName: `Attendee ${i}`,
      email: `attendee-${i}@example.org`,
      organisation: 'Example',
      country: { code: 'KE', name: 'Kenya' },
      category: 'Other',
      reminders: opts.reminders ?? 'all',
      followedSessionIds: opts.follow ?? [],
      consentAt: '2022-03-01T00:00:00Z',
      ...(opts.emailReminders !== undefined ? { emailReminders: opts.emailReminders } : {}),
      ...(opts.language ? { language: opts.language } : {}),
    },
    identity,
  );
  if (!opts.noConversation) await new ReferenceStore(store).remember(identity, { ...referenceFor(i, opts.serviceUrl), channelId: opts.channelId ?? 'webchat' }, opts.timeZone);
  return reg;
}

export const memoryStore = async () => new KeyValueStore(await openBackend('memory://'));

export function makeService(
  store: KeyValueStore,
  agenda: Agenda,
  clock: ManualClock,
  sender: ProactiveSender,
  options: Partial<ReminderOptions> = {},
): ReminderService {
  return new ReminderService(
    { agenda, clock, store, registrations: new RegistrationStore(store), references: new ReferenceStore(store), sender, log: silent },
    {
      ...defaultReminderOptions,
      leadMinutes: 15,
      ratePerSecond: 1000,
      ratePerConversation: 7,
      backoff: { baseMs: 2, maxMs: 10 },
      ...options,
    },
  );
}

export { ManualClock };
