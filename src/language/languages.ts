// The languages the bot speaks, and how a channel's locale ("fr-FR", "en-US", "fr") maps onto one of them.

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The event's own language, and the one spoken when nothing says otherwise. */
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** "fr-CA" → "fr"; a locale the bot does not speak (or none) → undefined. */
export function languageOfLocale(locale: unknown): Language | undefined {
  if (typeof locale !== 'string') return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}
