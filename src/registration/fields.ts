// Checks on what an attendee types for each registration field, with the reason shown when it is
// not usable. Pure; no botbuilder.
import { z } from 'zod';
import type { ReminderChoice } from './registration.ts';
import type { ChoiceSpec } from './match.ts';
import { emailAddressesIn } from '../understanding/emailAddresses.ts';

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
/** Replies that answer the prompt's form, not its question: "yes", "ok", "register". */
const NOT_A_NAME = /^(yes|yeah|yep|yup|no|nope|ok|okay|k|sure|fine|hi|hello|hey|thanks|thank you|register|register me|start|help|skip|none|n\/?a|test|asdf|anonymous|me|myself)$/i;
/** Markup, links and code have no place in a name or an organisation (they are shown back to the user and to staff). */
const MARKUP = /[<>[\]{}`|\\*]|:\/\/|\bjavascript:/i;

export function checkName(text: string): Checked<string> {
  const name = cleanText(text).replace(/^(my name is|my name's|i am|i'm|im|it's|it is|call me|name:?)\s+/i, '');
  if (!/\p{L}/u.test(name)) return { ok: false, reason: 'A name needs at least one letter.' };
  if (name.length < 2) return { ok: false, reason: 'That seems too short for a full name.' };
  if (name.length > MAX_NAME) return { ok: false, reason: `That is longer than ${MAX_NAME} characters; please shorten it.` };
  if (emailSchema.safeParse(name).success) return { ok: false, reason: "That looks like an e-mail address; I'll ask for that next." };
  if (looksLikeQuestion(name)) return { ok: false, reason: 'That looks like a question rather than a name.' };
  if (NOT_A_NAME.test(name)) return { ok: false, reason: "That doesn't look like a name: please type your full name, e.g. Amina Njoroge." };
  if (MARKUP.test(name)) return { ok: false, reason: 'Please type your name as plain text, without symbols such as < > [ ] * or links.' };
  return { ok: true, value: name };
}

export function checkEmail(text: string): Checked<string> {
  // "sure, my email is mary@kcb.co.ke": the one address in a sentence
  const clean = cleanText(text);
  const inSentence = emailAddressesIn(clean);
  if (inSentence.length === 1 && /\s/.test(clean)) text = inSentence[0];
  const raw = cleanText(text)
    .replace(/^(my e-?mail( address)? is|e-?mail:?|it's|it is)\s+/i, '')
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .replace(/[.,;]$/, '');
  if (!raw.includes('@')) return { ok: false, reason: 'An e-mail address needs an @, like name@example.org.' };
  if (/\s/.test(raw)) return { ok: false, reason: 'An e-mail address has no spaces, like name@example.org.' };
  if (raw.length > MAX_EMAIL) return { ok: false, reason: `That is longer than an e-mail address can be (${MAX_EMAIL} characters); it should look like name@example.org.` };
  if (raw.indexOf('@') !== raw.lastIndexOf('@')) return { ok: false, reason: 'An e-mail address has exactly one @, like name@example.org.' };
  if (!emailSchema.safeParse(raw).success) {
    const domain = raw.split('@').pop() ?? '';
    if (!domain.includes('.')) return { ok: false, reason: `"${raw.split('@').pop()}" is missing its domain ending (like .org or .com).` };
    return { ok: false, reason: "That isn't a valid e-mail address; it should look like name@example.org." };
  }
  return { ok: true, value: raw.toLowerCase() };
}

export function checkOrganisation(text: string): Checked<string> {
  const org = cleanText(text).replace(/^(i work (for|at)|i am (with|from)|i'm (with|from)|my organi[sz]ation is|organi[sz]ation:?)\s+/i, '');
  if (!/[\p{L}\p{N}]/u.test(org)) return { ok: false, reason: 'An organisation name needs at least one letter or digit.' };
  if (org.length < 2) return { ok: false, reason: 'That seems too short for an organisation name.' };
  if (org.length > MAX_ORGANISATION) return { ok: false, reason: `That is longer than ${MAX_ORGANISATION} characters; please shorten it.` };
  if (looksLikeQuestion(org)) return { ok: false, reason: 'That looks like a question rather than an organisation.' };
  if (MARKUP.test(org)) return { ok: false, reason: 'Please type the organisation as plain text, without symbols such as < > [ ] * or links.' };
  return { ok: true, value: org };
}

export const OTHER_CATEGORY = 'Other';

export function categoryChoices(groups: string[]): ChoiceSpec[] {
  return [...groups.map((g) => ({ value: g, title: g })), { value: OTHER_CATEGORY, title: OTHER_CATEGORY, synonyms: ['none of these', 'none of them', 'something else', 'else', 'none', 'n a', 'not listed'] }];
}

export const reminderChoices: ChoiceSpec<ReminderChoice>[] = [
  { value: 'all', title: 'All sessions', synonyms: ['all', 'every session', 'everything', 'all of them', 'remind me of all sessions', 'yes', 'yes please', 'every', 'all sessions please'] },
  { value: 'choose', title: "I'll choose", synonyms: ['choose', 'i will choose', 'ill choose', 'let me choose', 'some', 'some sessions', 'i choose', 'pick', 'select', 'later'] },
  { value: 'none', title: 'None', synonyms: ['no', 'no reminders', 'none please', 'no thanks', 'nothing', 'not needed', 'do not remind me', 'dont remind me', 'never'] },
];

export const reminderLabel: Record<ReminderChoice, string> = {
  all: 'before every session',
  choose: 'only for sessions you pick',
  none: 'none',
};
