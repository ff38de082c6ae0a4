// The scheduler: on the bot's clock, finds what is due (session reminders, day digests, announcements),
// works out who gets it, and hands (occurrence, attendee) tasks to the dispatcher.
//
// - Wakes at the next due time and at least every `pollMs` (5 s), so a BOT_NOW clock or a changed agenda is
//   noticed quickly.
// - An occurrence is open from its due time until its session starts. Open occurrences are scanned when they
//   open and again every `rescanMs` (or at once after a subscription change), so a restart, a late
//   subscriber or a released lease is picked up. A reminder that fell due while the bot was down is therefore
//   sent late if its session has not started, and never once it has.
// - A new agenda (the event source publishes one when the organiser edits the event file) reschedules at once.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Agenda } from '../event/agenda.ts';
import type { Logger } from '../logger.ts';
import { wantsEmailFor, type Registration } from '../registration/registration.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { EmailLinks } from '../mail/emailLinks.ts';
import { reminderEmail } from './emailMessages.ts';
import type { RegistrationStore } from '../registration/registrationStore.ts';
import { AnnouncementStore, announcementOccurrence, type Announcement, type AnnouncementAudience, type AnnouncementStatus, type AnnouncementSummary, type Reachability } from './announcements.ts';
import { deliveryKey, DeliveryLedger, emailDeliveryKey } from './deliveryLedger.ts';
import { Dispatcher, type DeliveryRoute, type DispatcherOptions } from './dispatcher.ts';
import type { ProactiveSender } from './proactiveSender.ts';
import { announcementReply, digestReply, eventTitle, reminderReply } from './messages.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { bestReference, type ReferenceRecord, type ReferenceStore } from './references.ts';
import { follows, nextDueAfter, occurrences, openAt, recipientsOf, remindable, type Occurrence } from './schedule.ts';
import type { KeyValueStore } from '../storage/keyValueStore.ts';

export interface ReminderOptions extends DispatcherOptions {
  leadMinutes: number;
  digestLeadMinutes: number;
  joinUrl?: string;
  /** Lease on a claimed delivery: how long a crashed sender blocks a retry. */
  leaseMs: number;
  pollMs: number;
  rescanMs: number;
  /** Cap on e-mails sent per second by this instance (SMTP providers limit senders). */
  mailRatePerSecond: number;
}

export const defaultReminderOptions: Omit<ReminderOptions, 'leadMinutes' | 'ratePerSecond' | 'ratePerConversation'> = {
  digestLeadMinutes: 60,
  leaseMs: 30_000,
  pollMs: 5000,
  rescanMs: 30_000,
  maxAttempts: 6,
  backoff: { baseMs: 1000, maxMs: 60_000 },
  maxInFlight: 64,
  mailRatePerSecond: 10,
};

export interface ReminderServiceDeps {
  agenda: Agenda;
  clock: Clock;
  store: KeyValueStore;
  registrations: RegistrationStore;
  references: ReferenceStore;
  sender: ProactiveSender;
  log: Logger;
  /** E-mail as a second channel (reminders and announcements for attendees who want them by e-mail). */
  mail?: { mailer: Mailer; links: EmailLinks };
}

export class ReminderService {
  /** Chat deliveries. */
  readonly dispatcher: Dispatcher;
  /** E-mail deliveries: their own queue and rate, the same ledger (one key per attendee × item × channel). */
  readonly emailDispatcher?: Dispatcher;
  readonly ledger: DeliveryLedger;
  readonly announcements: AnnouncementStore;
  /** This process's id in delivery leases. */
  readonly instanceId = randomUUID();
  private schedule: Occurrence[];
  private readonly scannedAt = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private again = false;
  private poked = false;
  /** When the pending wake-up fires (wall clock), to keep the earlier of two. */
  private timerDue: number | undefined;
  private running = false;

  constructor(
    private readonly deps: ReminderServiceDeps,
    readonly options: ReminderOptions,
  ) {
    this.ledger = new DeliveryLedger(deps.store, this.instanceId, options.leaseMs);
    this.announcements = new AnnouncementStore(deps.store, this.ledger);
    const dispatcherDeps = { ledger: this.ledger, now: () => deps.clock.now().getTime(), log: deps.log };
    this.dispatcher = new Dispatcher(dispatcherDeps, options);
    if (deps.mail) this.emailDispatcher = new Dispatcher({ ...dispatcherDeps, log: deps.log.child({ channel: 'email' }) }, { ...options, ratePerSecond: options.mailRatePerSecond });
    this.schedule = occurrences(deps.agenda, options);
  }

  get agenda(): Agenda {
    return this.deps.agenda;
  }

  /** Every reminder and digest the current agenda implies (for tests, the bench and diagnostics). */
  get occurrences(): readonly Occurrence[] {
    return this.schedule;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.wake(0);
  }

  async stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking?.catch(() => {});
    await Promise.all([this.dispatcher.stop(), this.emailDispatcher?.stop()]);
  }

  /** Swaps in a new agenda: due times are recomputed; queued deliveries for moved or removed sessions are dropped. */
  setAgenda(agenda: Agenda) {
    this.deps.agenda = agenda;
    this.schedule = occurrences(agenda, this.options);
    this.poke();
  }

  /**
   * Something changed (a subscription, an announcement, the agenda): rescan open occurrences now, or within
   * `withinMs` (a registration just saved: its conversation reference and any further changes land first).
   */
  poke(withinMs = 0) {
    this.poked = true;
    if (!this.running) return;
    if (withinMs === 0 || !this.timer) this.wake(withinMs);
    else if (this.timerDue === undefined || this.timerDue > Date.now() + withinMs) this.wake(withinMs);
  }

  /** One scheduling pass. Safe to call at any time (tests drive it with a ManualClock); passes never overlap. */
  async tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    })().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** tick(), then wait until every delivery it started has finished (sent, failed or released). */
  async settle(): Promise<void> {
    await this.tick();
    await Promise.all([this.dispatcher.idle(), this.emailDispatcher?.idle()]);
  }

  /**
   * Stores an announcement for every registered attendee, or for those following `sessionId` (undefined when
   * no such session gets reminders), and starts delivering it.
   */
  async announce(text: string, sessionId?: string, textFr?: string): Promise<Announcement | undefined> {
    const session = sessionId === undefined ? undefined : this.deps.agenda.session(sessionId);
    if (sessionId !== undefined && (!session || !remindable(session))) return undefined;
    let regs = await this.deps.registrations.all();
    if (session) regs = regs.filter((r) => follows(r, session));
    const audience: AnnouncementAudience = session ? { kind: 'session', sessionId: session.id, title: session.title } : { kind: 'everyone' };
    const announcement = await this.announcements.create(text, regs.map((r) => r.reference), this.deps.clock.now(), audience, textFr);
    this.poke();
    return announcement;
  }

  async announcementStatus(id: string): Promise<AnnouncementStatus | undefined> {
    return this.announcements.status(id, await this.reachability());
  }

  /** Every announcement sent, newest first, each with its delivery status by channel (the console's history). */
  async announcementHistory(): Promise<AnnouncementSummary[]> {
    const [announcements, reach] = await Promise.all([this.announcements.all(), this.reachability()]);
    const out: AnnouncementSummary[] = [];
    for (const a of announcements) {
      const status = await this.announcements.status(a.id, reach);
      if (!status) continue; // removed since it was listed
      const { attendees: _perAttendee, ...summary } = status;
      out.push({ ...summary, text: a.text });
    }
    return out;
  }

  /** How each registered attendee can be reached now (read once for a status or the whole history). */
  private async reachability(): Promise<Reachability> {
    const [registrations, references] = await Promise.all([this.deps.registrations.all(), this.deps.references.all()]);
    const byRef = new Map(registrations.map((r) => [r.reference, r]));
    return (reference, dueAt) => {
      const reg = byRef.get(reference);
      if (!reg) return undefined;
      const known = reg.identities.some((i) => references.has(i));
      const chat = bestReference(reg.identities, references) ? 'ok' : known ? 'blocked' : 'no-conversation';
      return { chat, email: this.deps.mail !== undefined && wantsEmailFor(reg, dueAt) };
    };
  }

  private wake(ms: number) {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDue = undefined;
      this.tick()
        .catch((err) => this.deps.log.warn({ err: (err as Error).message }, 'reminder pass failed; retrying shortly'))
        .finally(() => this.wake(this.nextWakeMs()));
    }, ms);
  }

  private nextWakeMs(): number {
    const now = this.deps.clock.now().getTime();
    const next = nextDueAfter(this.schedule, now);
    return Math.max(10, Math.min(this.options.pollMs, next === undefined ? Infinity : next - now));
  }

  private async pass() {
    const now = this.deps.clock.now().getTime();
    const poked = this.poked;
    this.poked = false;
    const open = openAt(this.schedule, now);
    const announcements = await this.announcements.open(now);
    const candidates: { occurrence: Occurrence; announcement?: Announcement }[] = [
      ...open.map((occurrence) => ({ occurrence })),
      ...announcements.map((a) => ({ occurrence: announcementOccurrence(a), announcement: a })),
    ];
    const toScan = candidates.filter(({ occurrence }) => {
      const last = this.scannedAt.get(occurrence.id);
      return poked || last === undefined || now - last >= this.options.rescanMs || now < last;
    });
    for (const id of this.scannedAt.keys()) if (!candidates.some((c) => c.occurrence.id === id)) this.scannedAt.delete(id);
    if (!toScan.length) return;

    const [registrations, references] = await Promise.all([this.deps.registrations.all(), this.deps.references.all()]);
    let queued = 0;
    for (const { occurrence, announcement } of toScan) {
      this.scannedAt.set(occurrence.id, now);
      queued += this.enqueue(occurrence, registrations, references, announcement);
    }
    if (queued) this.deps.log.info({ occurrences: toScan.map((c) => c.occurrence.id), queued }, 'deliveries queued');
  }

  private enqueue(occurrence: Occurrence, registrations: Registration[], references: Map<string, ReferenceRecord>, announcement?: Announcement): number {
    const agenda = this.deps.agenda;
    let recipients: { attendee: string; reg?: Registration }[];
    if (announcement) {
      const byRef = new Map(registrations.map((r) => [r.reference, r]));
      recipients = announcement.recipients.map((attendee) => ({ attendee, reg: byRef.get(attendee) }));
    } else {
      recipients = recipientsOf(occurrence, registrations, agenda).map((reg) => ({ attendee: reg.reference, reg }));
    }
    const current = () => occurrence.kind === 'announcement' || this.schedule.some((o) => o.id === occurrence.id);
    const { references: refs, sender, mail } = this.deps;
    let queued = 0;
    for (const { attendee, reg } of recipients) {
      const key = deliveryKey(occurrence.id, attendee);
      if (!this.dispatcher.isFinished(key)) {
        const chat = (): DeliveryRoute | undefined => {
          const target = reg ? bestReference(reg.identities, references) : undefined;
          if (!target) return undefined;
          return {
            limitKey: target.record.reference.conversation.id,
            send: (now) => sender.send(target.record.reference, this.compose(occurrence, reg!, target.record.timeZone, now, announcement)),
            unreachable: (status, at) => refs.markStale(target.identity, status, at),
          };
        };
        if (this.dispatcher.enqueue({ key, occurrence, attendee, valid: current, route: chat })) queued++;
      }
      const emailKey = emailDeliveryKey(occurrence.id, attendee);
      if (mail && reg && wantsEmailFor(reg, occurrence.dueAt) && !this.emailDispatcher!.isFinished(emailKey)) {
        const email = (): DeliveryRoute => ({
          send: (now) => {
            // Times in the attendee's zone when a chat has told us it.
            const zone = bestReference(reg.identities, references)?.record.timeZone;
            const reply = this.compose(occurrence, reg, zone, now, announcement);
            const language = this.languageOf(occurrence, reg, announcement);
            const links = { eventTitle: eventTitle(this.deps.agenda, language), unsubscribeUrl: mail.links.unsubscribeUrl(reg.reference), reference: reg.reference, language };
            return mail.mailer.send(reminderEmail(reg.email, occurrence.kind, reply, links));
          },
        });
        if (this.emailDispatcher!.enqueue({ key: emailKey, occurrence, attendee, valid: current, route: email })) queued++;
      }
    }
    return queued;
  }

  /**
   * The language a message goes to the attendee in: the one they registered in; for an announcement, French only
   * when the organisers gave a French text (one without goes out in English, as written).
   */
  private languageOf(occurrence: Occurrence, reg: Registration, announcement?: Announcement): Language {
    const language = reg.language ?? DEFAULT_LANGUAGE;
    if (occurrence.kind === 'announcement' && language === 'fr' && !announcement?.textFr) return DEFAULT_LANGUAGE;
    return language;
  }

  private compose(occurrence: Occurrence, reg: Registration, userZone: string | undefined, now: number, announcement?: Announcement) {
    const agenda = this.deps.agenda;
    const language = this.languageOf(occurrence, reg, announcement);
    if (occurrence.kind === 'announcement') return announcementReply(language === 'fr' ? announcement!.textFr! : announcement!.text, agenda, language);
    if (occurrence.kind === 'reminder') return reminderReply(agenda.session(occurrence.sessionId!)!, agenda, { now, userZone, joinUrl: this.options.joinUrl, language });
    const day = agenda.day(occurrence.day!)!;
    return digestReply(day.day, day.sessions.filter((s) => follows(reg, s)), agenda, { userZone, joinUrl: this.options.joinUrl, language });
  }
}
