// Reads "change my e-mail to a@b.org", "organisation: Acme", "country" … into the field to change and,
// when given, its new value. Used at the registration summary and for "change my …" commands.
import { answerForm, matchChoice, type ChoiceSpec } from './match.ts';
import type { Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';

export type Field = 'fullName' | 'email' | 'organisation' | 'country' | 'category' | 'reminders';

// Every field's names in English and French: an answer is read whatever language it is written in.
export const FIELDS: ChoiceSpec<Field>[] = [
  { value: 'fullName', title: 'Name', synonyms: ['name', 'full name', 'my name', 'fullname', 'spelling of my name', 'nom', 'nom complet', 'mon nom', 'prenom', 'orthographe de mon nom'] },
  {
    value: 'email',
    title: 'E-mail',
    synonyms: ['email', 'e mail', 'mail', 'email address', 'address', 'e mail address', 'mail address', 'adresse', 'adresse email', 'adresse e mail', 'courriel', 'adresse electronique', 'mon email', 'mon adresse'],
  },
  {
    value: 'organisation',
    title: 'Organisation',
    synonyms: ['organization', 'org', 'company', 'employer', 'institution', 'organisation name', 'organization name', 'agency', 'affiliation', 'organisme', 'entreprise', 'societe', 'employeur', 'mon organisation', 'structure'],
  },
  { value: 'country', title: 'Country', synonyms: ['nation', 'location', 'country of residence', 'pays', 'mon pays', 'pays de residence'] },
  {
    value: 'category',
    title: 'Category',
    synonyms: ['stakeholder category', 'stakeholder', 'group', 'sector', 'type', 'role', 'audience', 'stakeholder group', 'categorie', 'ma categorie', 'groupe', 'secteur', 'profil'],
  },
  { value: 'reminders', title: 'Reminders', synonyms: ['reminder', 'reminder choice', 'reminder preferences', 'notifications', 'rappels', 'rappel', 'mes rappels', 'choix de rappels'] },
];

/** The fields as the dialog offers them, titled in `lang`. */
export const fieldChoicesIn = (lang: Language): ChoiceSpec<Field>[] => FIELDS.map((f) => ({ ...f, title: say(lang, `regd.title.${f.value}`), synonyms: [f.title, ...(f.synonyms ?? [])] }));

/** "name", "e-mail address" / "nom", "adresse e-mail": the field inside a sentence. */
export const fieldLabelIn = (lang: Language, field: Field) => say(lang, `regd.field.${field}`);

export const FIELD_LABEL: Record<Field, string> = {
  fullName: 'name',
  email: 'e-mail address',
  organisation: 'organisation',
  country: 'country',
  category: 'category',
  reminders: 'reminders',
};

const VERB =
  /^\s*(?:please\s+)?(?:can you\s+|could you\s+|i want to\s+|i would like to\s+|i'd like to\s+|id like to\s+)?(?:change|edit|update|fix|correct|modify|amend|set|replace|new)?\s*(?:my|the)?\s*/i;
/** The same in French: "je voudrais modifier mon pays", "changer l'organisation", "corrigez mon nom". */
const VERB_FR =
  /^\s*(?:s'il vous pla[iî]t\s+|svp\s+)?(?:pouvez-vous\s+|pourriez-vous\s+|je veux\s+|je voudrais\s+|j['’]aimerais\s+|merci de\s+)?(?:changer|changez|change|modifier|modifiez|modifie|corriger|corrigez|corrige|mettre à jour|mettez à jour|remplacer|remplacez|nouveau|nouvelle)\s*(?:de\s+)?(?:mon|ma|mes|le|la|les|l['’]|d['’])?\s*/i;

export function fieldOf(text: string | undefined): Field | undefined {
  if (!text) return undefined;
  const matches = matchChoice(text, FIELDS);
  return matches.length === 1 ? matches[0].value : undefined;
}

/** The field (and new value) a change request names, or undefined when it names none. */
export function parseChangeRequest(text: string): { field: Field; value?: string } | undefined {
  const french = text.replace(VERB_FR, '');
  const rest = (french !== text ? french : text.replace(VERB, '')).trim();
  if (!rest) return undefined;
  // "e-mail to a@b.org", "organisation: Acme", "country is Kenya"; "pays : Rwanda", "mon organisation est l'UIT", "pays en Rwanda"
  const withValue = rest.match(/^(.{1,40}?)\s*(?:\bto\b|:|=|\bis\b|\bshould be\b|\best\b|\bpar\b|\ben\b|\bdevient\b)\s*(.+)$/i);
  if (withValue) {
    const field = fieldOf(withValue[1]);
    if (field && withValue[2].trim()) return { field, value: withValue[2].trim() };
  }
  const field = fieldOf(rest.replace(/\b(please|details?|registration|svp|s'il vous pla[iî]t|inscription)\b/gi, ''));
  if (field) return { field };
  // "my registration e-mail" and the like: any field word inside the text.
  const words = answerForm(rest).split(' ');
  const named = FIELDS.filter((f) => [f.title, ...(f.synonyms ?? [])].map(answerForm).some((n) => !n.includes(' ') && words.includes(n) && n !== 'address' && n !== 'type'));
  return named.length === 1 ? { field: named[0].value } : undefined;
}
