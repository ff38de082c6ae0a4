// An attendee's registration: exactly what the dialog asks, nothing more.
import type { Language } from '../language/languages.ts';

export type ReminderChoice = 'all' | 'choose' | 'none';

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
}

export interface Registration {
  /** Short reference the attendee can quote, e.g. "K7P3-9QXD". */
  reference: string;
  fullName: string;
  /** Lower-cased; one registration per e-mail. */
  email: string;
  organisation: string;
  country: Country;
  /** One of the event's audience groups, or "Other". */
  category: string;
  reminders: ReminderChoice;
  /** Sessions followed for reminders (used when reminders is "choose"; "all" follows every non-break session). */
  followedSessionIds: string[];
  /**
   * Reminders and announcements by e-mail as well as in the chat. Unset (registrations from before it existed):
   * on for anyone registered from outside Teams (see wantsEmail).
   */
  emailReminders?: boolean;
  /** When the attendee last turned e-mail on: what fell due before it was already delivered in the chat. */
  emailRemindersSince?: string;
  /**
   * The language the attendee registered (or last confirmed their details) in, or later asked for ("in English
   * please", "en français svp"): reminders, digests and announcements go out in it. Unset on registrations from
   * before it existed: English.
   */
  language?: Language;
  /** Channel identities linked to this registration: "<channelId>:<userId>". */
  identities: string[];
  consentAt: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Whether reminders and announcements also go by e-mail: as the attendee chose ("also send my reminders by e-mail",
 * "stop e-mails", the unsubscribe link), else on for web attendees (a browser tab is not a reliable way to reach
 * someone) and off for Teams, where the chat reaches them.
 */
export function wantsEmail(reg: Pick<Registration, 'emailReminders' | 'identities'>): boolean {
  return reg.emailReminders ?? reg.identities.some((i) => !i.startsWith('msteams:'));
}

/** Whether something due at `dueAt` (UTC millis) goes to the attendee by e-mail. */
export function wantsEmailFor(reg: Pick<Registration, 'emailReminders' | 'emailRemindersSince' | 'identities'>, dueAt: number): boolean {
  return wantsEmail(reg) && (!reg.emailRemindersSince || dueAt >= Date.parse(reg.emailRemindersSince));
}

export const identityOf = (channelId: string, userId: string) => `${channelId}:${userId}`;
