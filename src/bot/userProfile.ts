import type { Language } from '../language/languages.ts';

/** What the bot remembers about a user across conversations (UserState). */
export interface UserProfile {
  /** IANA zone the user told us ("I'm in Lagos"); wins over the channel's localTimezone. */
  timeZone?: string;
  welcomed?: boolean;
  /** The language this user was last answered in (src/language): kept for short messages and proactive ones. */
  language?: Language;
}
