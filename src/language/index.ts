// The language of each turn, for the bot edge, dialogs and features:
//
//   const choice = languageOfTurn(text, { remembered: profile.language, locale: activity.locale });
//   choice.language   'en' | 'fr' — answer in this
//   choice.switched   the message asked to switch ("parlez-vous français ?"): acknowledge, don't answer
//
// Keep `choice.language` as the user's language (UserProfile.language) for the next turn and for proactive
// messages (reminders, announcements); the bot puts it in turnState under LANGUAGE_KEY (src/bot/eventBot.ts).
import { chooseLanguage, type LanguageChoice } from './languageChoice.ts';
import { LanguageDetector } from './languageDetector.ts';
import type { Language } from './languages.ts';
import type { ModelCache } from '../understanding/nlu/modelCache.ts';

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, languageOfLocale, type Language } from './languages.ts';
export type { LanguageChoice } from './languageChoice.ts';
export { say, sayList, typeset } from './messages.ts';

let detector: LanguageDetector | undefined;

/** Readies the detector at start-up, its model loaded from (or trained into) the cache, so the first message does not train it. */
export function prepareLanguageDetector(models?: ModelCache): void {
  detector ??= LanguageDetector.fromNlu(undefined, models);
}

export function languageOfTurn(text: string, clues: { remembered?: Language; locale?: string } = {}): LanguageChoice {
  detector ??= LanguageDetector.fromNlu();
  return chooseLanguage({ detection: detector.detect(text), ...clues });
}
