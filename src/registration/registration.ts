// An attendee's registration: exactly what the dialog asks, nothing more.
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
  /** Channel identities linked to this registration: "<channelId>:<userId>". */
  identities: string[];
  consentAt: string;
  createdAt: string;
  updatedAt: string;
}

export const identityOf = (channelId: string, userId: string) => `${channelId}:${userId}`;
