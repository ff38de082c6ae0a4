// Checks on what an attendee types for each registration field, with the reason shown when it is
// not usable. Pure; no botbuilder.
import { z } from 'zod';
import type { ReminderChoice } from './registration.ts';
import type { ChoiceSpec } from './match.ts';
import { emailAddressesIn } from '../understanding/emailAddresses.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_NAME = 100;
const MAX_ORGANISATION = 150;
const MAX_EMAIL = 254;
const emailSchema = z.string().max(MAX_EMAIL).email();

/** Collapses whitespace and strips characters that have no place in a name or organisation. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const looksLikeQuestion = (t: string) => /\?\s*$/.test(t);
/** Replies that answer the prompt's form, not its question: "yes", "ok", "register" (and the same in French). */
const NOT_A_NAME =
  /^(yes|yeah|yep|yup|no|nope|ok|okay|k|sure|fine|hi|hello|hey|thanks|thank you|register|register me|start|help|skip|none|n\/?a|test|asdf|anonymous|me|myself|oui|non|d'accord|bonjour|salut|merci|aide|inscription|m'inscrire|inscrivez-moi|moi|moi-même|aucun)$/i;
/** How people introduce a name, in English and French: "my name is …", "je m'appelle …". */
const NAME_INTRO = /^(my name is|my name's|i am|i'm|im|it's|it is|call me|name:?|je m['’]appelle|je suis|mon nom est|mon nom complet est|moi c['’]est|c['’]est|nom\s?:)\s+/i;
/** Markup, links and code have no place in a name or an organisation (they are shown back to the user and to staff). */
const MARKUP = /[<>[\]{}`|\\*]|:\/\/|\bjavascript:/i;

/** The reason an answer is not usable, in the dialog's language. */
const no = (lang: Language, id: string, vars?: Record<string, string | number>): { ok: false; reason: string } => ({ ok: false, reason: say(lang, id, vars) });

export function checkName(text: string, lang: Language = DEFAULT_LANGUAGE): Checked<string> {
  const name = cleanText(text).replace(NAME_INTRO, '');
  if (!/\p{L}/u.test(name)) return no(lang, 'regd.c.nameLetter');
  if (name.length < 2) return no(lang, 'regd.c.nameShort');
  if (name.length > MAX_NAME) return no(lang, 'regd.c.tooLong', { n: MAX_NAME });
  if (emailSchema.safeParse(name).success) return no(lang, 'regd.c.nameEmail');
  if (looksLikeQuestion(name)) return no(lang, 'regd.c.nameQuestion');
  if (NOT_A_NAME.test(name)) return no(lang, 'regd.c.notAName');
  if (MARKUP.test(name)) return no(lang, 'regd.c.nameMarkup');
  return { ok: true, value: name };
}

export function checkEmail(text: string, lang: Language = DEFAULT_LANGUAGE): Checked<string> {
  // "sure, my email is mary@kcb.co.ke": the one address in a sentence
  const clean = cleanText(text);
  const inSentence = emailAddressesIn(clean);
  if (inSentence.length === 1 && /\s/.test(clean)) text = inSentence[0];
  const raw = cleanText(text)
    .replace(/^(my e-?mail( address)? is|e-?mail:?|it's|it is|mon (adresse )?e-?mail est|mon adresse( e-?mail| électronique)? est|mon courriel est|courriel\s?:|c['’]est)\s+/i, '')
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .replace(/[.,;]$/, '');
  if (!raw.includes('@')) return no(lang, 'regd.c.emailAt');
  if (/\s/.test(raw)) return no(lang, 'regd.c.emailSpace');
  if (raw.length > MAX_EMAIL) return no(lang, 'regd.c.emailLong', { n: MAX_EMAIL });
  if (raw.indexOf('@') !== raw.lastIndexOf('@')) return no(lang, 'regd.c.emailOneAt');
  if (!emailSchema.safeParse(raw).success) {
    const domain = raw.split('@').pop() ?? '';
    if (!domain.includes('.')) return no(lang, 'regd.c.emailDomain', { domain });
    return no(lang, 'regd.c.emailInvalid');
  }
  return { ok: true, value: raw.toLowerCase() };
}

const ORG_INTRO =
  /^(i work (for|at)|i am (with|from)|i'm (with|from)|my organi[sz]ation is|organi[sz]ation:?|je travaille (pour|à|a|chez|au|aux)|je suis (de|chez|à|a|au)|je viens (de|du)|mon organisation est|mon organisme est|organisation\s?:)\s+/i;

export function checkOrganisation(text: string, lang: Language = DEFAULT_LANGUAGE): Checked<string> {
  const org = cleanText(text).replace(ORG_INTRO, '');
  if (!/[\p{L}\p{N}]/u.test(org)) return no(lang, 'regd.c.orgLetter');
  if (org.length < 2) return no(lang, 'regd.c.orgShort');
  if (org.length > MAX_ORGANISATION) return no(lang, 'regd.c.tooLong', { n: MAX_ORGANISATION });
  if (looksLikeQuestion(org)) return no(lang, 'regd.c.orgQuestion');
  if (MARKUP.test(org)) return no(lang, 'regd.c.orgMarkup');
  return { ok: true, value: org };
}

/** Stored as it is whatever the language the attendee registered in (the organisers' export reads it). */
export const OTHER_CATEGORY = 'Other';

/**
 * The event's audience groups as choices: the stored value is the group as the event file names it; the title is
 * the group in the dialog's language (`shown`, the event's translation in the same order), and either is read.
 */
export function categoryChoices(groups: string[], lang: Language = DEFAULT_LANGUAGE, shown: string[] = groups): ChoiceSpec[] {
  return [
    ...groups.map((g, i) => ({ value: g, title: shown[i] ?? g, synonyms: shown[i] && shown[i] !== g ? [g] : [] })),
    {
      value: OTHER_CATEGORY,
      title: say(lang, 'regd.other'),
      synonyms: ['other', 'none of these', 'none of them', 'something else', 'else', 'none', 'n a', 'not listed', 'autre', 'autre chose', 'aucune', 'aucune de ces categories', 'aucun de ceux ci', 'pas dans la liste'],
    },
  ];
}

/** Ways to say each reminder choice, in every language the bot speaks: an answer is read whatever language it is in. */
const REMINDER_SYNONYMS: Record<ReminderChoice, string[]> = {
  all: ['all', 'every session', 'everything', 'all of them', 'remind me of all sessions', 'yes', 'yes please', 'every', 'all sessions please', 'all sessions',
    'toutes', 'toutes les sessions', 'tout', 'oui', 'oui merci', 'oui svp', 'chaque session', 'pour toutes', 'toutes svp'],
  choose: ['choose', 'i will choose', 'ill choose', "i'll choose", 'let me choose', 'some', 'some sessions', 'i choose', 'pick', 'select', 'later',
    'je choisirai', 'je vais choisir', 'choisir', 'je choisis', 'certaines', 'certaines sessions', 'plus tard', 'je choisirai plus tard'],
  none: ['no', 'no reminders', 'none please', 'no thanks', 'nothing', 'not needed', 'do not remind me', 'dont remind me', 'never', 'none',
    'non', 'aucun', 'aucun rappel', 'pas de rappel', 'pas de rappels', 'non merci', 'jamais', 'rien'],
};

export function reminderChoicesIn(lang: Language): ChoiceSpec<ReminderChoice>[] {
  return (['all', 'choose', 'none'] as const).map((value) => ({ value, title: say(lang, `regd.remChoice.${value}`), synonyms: REMINDER_SYNONYMS[value] }));
}

export const reminderChoices: ChoiceSpec<ReminderChoice>[] = reminderChoicesIn(DEFAULT_LANGUAGE);

/** "before every session" / "avant chaque session". */
export const reminderLabelIn = (lang: Language, choice: ReminderChoice) => say(lang, `regd.rem.${choice}`);

export const reminderLabel: Record<ReminderChoice, string> = {
  all: reminderLabelIn(DEFAULT_LANGUAGE, 'all'),
  choose: reminderLabelIn(DEFAULT_LANGUAGE, 'choose'),
  none: reminderLabelIn(DEFAULT_LANGUAGE, 'none'),
};
