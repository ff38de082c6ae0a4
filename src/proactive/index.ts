// Wiring for reminders and announcements: one call from the composition root (src/app.ts).
import type { Server } from 'restify';
import type { Clock } from '../clock.ts';
import type { Settings } from '../config.ts';
import type { Agenda } from '../event/agenda.ts';
import type { Logger } from '../logger.ts';
import { RegistrationStore } from '../registration/registrationStore.ts';
import type { KeyValueStore } from '../storage/keyValueStore.ts';
import type { BotFeature } from '../bot/feature.ts';
import { mountAnnouncementRoutes, type AdminGuard } from './announcementRoutes.ts';
import type { ProactiveSender } from './proactiveSender.ts';
import { createReminderFeature } from './reminderFeature.ts';
import { defaultReminderOptions, ReminderService, type ReminderOptions, type ReminderServiceDeps } from './reminderService.ts';
import { ReferenceStore } from './references.ts';
import { mountReminderReportRoutes } from './reportRoutes.ts';

export interface Reminders {
  service: ReminderService;
  references: ReferenceStore;
  feature: BotFeature;
  mountRoutes(server: Server, guard: AdminGuard): void;
  start(): void;
  stop(): Promise<void>;
}

export interface RemindersDeps {
  settings: Settings;
  agenda: Agenda;
  clock: Clock;
  store: KeyValueStore;
  /** Sends into stored conversations: the bot's adapter (src/bot/botProactiveSender.ts), or a test's. */
  sender: ProactiveSender;
  log: Logger;
  /** The app's registration store (so deleted registrations take their conversation references with them). */
  registrations?: RegistrationStore;
  /** Reminders and announcements by e-mail too, for attendees who want them (see wantsEmail). */
  mail?: ReminderServiceDeps['mail'];
  /** Tests: other timings. */
  options?: Partial<ReminderOptions>;
}

export function createReminders(deps: RemindersDeps): Reminders {
  const { settings, clock, store, log } = deps;
  const references = new ReferenceStore(store, () => clock.now().getTime());
  const registrations = deps.registrations ?? new RegistrationStore(store);
  // Deleting a registration deletes where we could reach the attendee, too.
  registrations.onRemoved?.(async (removed) => {
    for (const identity of removed.identities) await references.forget(identity);
  });
  // A registration that asks for reminders has them scheduled within a second, not at the scheduler's next scan.
  registrations.onSaved((saved) => {
    if (saved.reminders !== 'none') service.poke(1000);
  });
  const options: ReminderOptions = {
    ...defaultReminderOptions,
    leadMinutes: settings.REMINDER_LEAD_MINUTES,
    ratePerSecond: settings.OUTBOUND_RATE_PER_SECOND,
    ratePerConversation: settings.OUTBOUND_RATE_PER_CONVERSATION,
    joinUrl: settings.JOIN_URL,
    mailRatePerSecond: settings.MAIL_RATE_PER_SECOND,
    ...deps.options,
  };
  const service = new ReminderService({ agenda: deps.agenda, clock, store, registrations, references, sender: deps.sender, log: log.child({ part: 'reminders' }), mail: deps.mail }, options);
  const feature = createReminderFeature({ service, references, registrations, clock, log, leadMinutes: options.leadMinutes });
  return {
    service,
    references,
    feature,
    mountRoutes: (server, guard) => {
      mountAnnouncementRoutes(server, service, guard);
      mountReminderReportRoutes(server, { service, registrations, clock, guard });
    },
    start: () => service.start(),
    stop: () => service.stop(),
  };
}
