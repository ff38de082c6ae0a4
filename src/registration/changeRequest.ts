// Reads "change my e-mail to a@b.org", "organisation: Acme", "country" … into the field to change and,
// when given, its new value. Used at the registration summary and for "change my …" commands.
import { answerForm, matchChoice, type ChoiceSpec } from './match.ts';

export type Field = 'fullName' | 'email' | 'organisation' | 'country' | 'category' | 'reminders';

export const FIELDS: ChoiceSpec<Field>[] = [
  { value: 'fullName', title: 'Name', synonyms: ['name', 'full name', 'my name', 'fullname', 'spelling of my name'] },
  { value: 'email', title: 'E-mail', synonyms: ['email', 'e mail', 'mail', 'email address', 'address', 'e mail address', 'mail address'] },
  { value: 'organisation', title: 'Organisation', synonyms: ['organization', 'org', 'company', 'employer', 'institution', 'organisation name', 'organization name', 'agency', 'affiliation'] },
  { value: 'country', title: 'Country', synonyms: ['nation', 'location', 'country of residence'] },
  { value: 'category', title: 'Category', synonyms: ['stakeholder category', 'stakeholder', 'group', 'sector', 'type', 'role', 'audience', 'stakeholder group'] },
  { value: 'reminders', title: 'Reminders', synonyms: ['reminder', 'reminder choice', 'reminder preferences', 'notifications'] },
];

export const FIELD_LABEL: Record<Field, string> = {
  fullName: 'name',
  email: 'e-mail address',
  organisation: 'organisation',
  country: 'country',
  category: 'category',
  reminders: 'reminders',
};

const VERB = /^\s*(?:please\s+)?(?:can you\s+|could you\s+|i want to\s+|i would like to\s+|i'd like to\s+|id like to\s+)?(?:change|edit|update|fix|correct|modify|amend|set|replace|new)?\s*(?:my|the)?\s*/i;

export function fieldOf(text: string | undefined): Field | undefined {
  if (!text) return undefined;
  const matches = matchChoice(text, FIELDS);
  return matches.length === 1 ? matches[0].value : undefined;
}

/** The field (and new value) a change request names, or undefined when it names none. */
export function parseChangeRequest(text: string): { field: Field; value?: string } | undefined {
  const rest = text.replace(VERB, '').trim();
  if (!rest) return undefined;
  // "e-mail to a@b.org", "organisation: Acme", "country is Kenya"
  const withValue = rest.match(/^(.{1,40}?)\s*(?:\bto\b|:|=|\bis\b|\bshould be\b)\s*(.+)$/i);
  if (withValue) {
    const field = fieldOf(withValue[1]);
    if (field && withValue[2].trim()) return { field, value: withValue[2].trim() };
  }
  const field = fieldOf(rest.replace(/\b(please|details?|registration)\b/gi, ''));
  if (field) return { field };
  // "my registration e-mail" and the like: any field word inside the text.
  const words = answerForm(rest).split(' ');
  const named = FIELDS.filter((f) => [f.title, ...(f.synonyms ?? [])].map(answerForm).some((n) => !n.includes(' ') && words.includes(n) && n !== 'address' && n !== 'type'));
  return named.length === 1 ? { field: named[0].value } : undefined;
}
