// The language of one turn. In order: a request to switch ("parlez-vous français ?", "in English please"); the
// language the message is written in, when it says enough to tell; the conversation's language so far (remembered
// per user); the channel's locale (Teams and Web Chat send one); English. So someone whose Teams is in English but who
// writes French is answered in French, and "ok" or "SS7?" keeps whatever language the conversation was in.
import type { Detection } from './languageDetector.ts';
import { DEFAULT_LANGUAGE, languageOfLocale, type Language } from './languages.ts';

export interface LanguageChoice {
  language: Language;
  /** What decided it. */
  why: 'asked' | 'detected' | 'remembered' | 'locale' | 'default';
  /** The message was a request to speak `language`: acknowledge it rather than answer it as a question. */
  switched: boolean;
}

export interface LanguageClues {
  detection: Detection;
  /** The language this user was last answered in (user state). */
  remembered?: Language;
  /** The activity's locale ("fr-FR", "en-US"). */
  locale?: string;
}

export function chooseLanguage({ detection, remembered, locale }: LanguageClues): LanguageChoice {
  if (detection.asked) return { language: detection.asked, why: 'asked', switched: true };
  if (detection.language) return { language: detection.language, why: 'detected', switched: false };
  if (remembered) return { language: remembered, why: 'remembered', switched: false };
  const fromLocale = languageOfLocale(locale);
  if (fromLocale) return { language: fromLocale, why: 'locale', switched: false };
  return { language: DEFAULT_LANGUAGE, why: 'default', switched: false };
}
