// What the bot says in each language, as data: locales/<lang>.json maps a message id to its text (or a list of
// texts, for suggested actions), with {name} placeholders. Composers and the bot edge ask for a message by id and
// never build sentences of their own; a message a language lacks falls back to English.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';
import { contractFrench, inFrenchText } from './frenchGrammar.ts';
import { frenchTypography } from './typography.ts';

type Catalogue = Record<string, string | string[]>;

/** locales/ at the repository root (from src/language, or from dist/ in the bundle). */
export const LOCALES_DIR =
  [resolve(dirname(fileURLToPath(import.meta.url)), '../../locales'), resolve(dirname(fileURLToPath(import.meta.url)), '../locales')].find((d) => existsSync(d)) ?? resolve('locales');

const catalogues = new Map<Language, Catalogue>();

function catalogue(lang: Language): Catalogue {
  let c = catalogues.get(lang);
  if (!c) {
    const file = join(LOCALES_DIR, `${lang}.json`);
    c = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : {};
    catalogues.set(lang, c);
  }
  return c;
}

/** Whether `lang` has its own text for a message (not the English fallback). */
export function hasMessage(lang: Language, id: string): boolean {
  return catalogue(lang)[id] !== undefined;
}

/**
 * The message `id` in `lang`, typeset for the language, with its placeholders filled. The template is typeset before
 * the values go in, so a value (a published title, a name, something the attendee typed) is shown exactly as it is:
 * no no-break space is put inside "Session 3: SS7" or a title ending in "?".
 */
export function say(lang: Language, id: string, vars: Record<string, string | number> = {}): string {
  const raw = catalogue(lang)[id] ?? catalogue(DEFAULT_LANGUAGE)[id];
  if (typeof raw !== 'string') throw new Error(`no message "${id}" in locales/${lang}.json or locales/${DEFAULT_LANGUAGE}.json`);
  return fill(typeset(lang, raw), vars, lang);
}

/** A list message (suggested actions) in `lang`. */
export function sayList(lang: Language, id: string, vars: Record<string, string | number> = {}): string[] {
  const raw = catalogue(lang)[id] ?? catalogue(DEFAULT_LANGUAGE)[id];
  if (!Array.isArray(raw)) throw new Error(`no list "${id}" in locales/${lang}.json or locales/${DEFAULT_LANGUAGE}.json`);
  return raw.map((x) => fill(typeset(lang, x), vars, lang));
}

export function typeset(lang: Language, text: string): string {
  return lang === 'fr' ? frenchTypography(text) : text;
}

function fill(template: string, vars: Record<string, string | number>, lang: Language): string {
  // (in French, the preposition before a value contracts with it: "à {place}" with "Le Caire" is "au Caire", "de
  // {org}" with "UIT" is "de l'UIT"; a name that takes an article has it at the start of a sentence: "L'UIT est …")
  if (lang !== 'fr') return template.replace(/\{(\w+)\}/g, (m, name: string) => (vars[name] === undefined ? m : String(vars[name])));
  const re = /(?<![\p{L}'’])([ÀàDd]e|[Àà]|[Pp]our|[Pp]ar|[Aa]vec|[Ss]ur)( )\{(\w+)\}|\{(\w+)\}/gu;
  return template.replace(re, (m, prep: string, space: string, named: string | undefined, alone: string | undefined, offset: number) => {
    const name = named ?? alone!;
    if (vars[name] === undefined) return m;
    const value = String(vars[name]);
    if (!named && (offset === 0 || /[.!?]\s+$/u.test(template.slice(0, offset)))) {
      const own = inFrenchText(value);
      return own === value ? value : own[0].toUpperCase() + own.slice(1);
    }
    if (!named) return value;
    return contractFrench(prep, value, name) ?? `${prep}${space}${value}`;
  });
}

/** Every language's catalogue, for the test that each message has the same placeholders in every language. */
export function allCatalogues(): Record<Language, Catalogue> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, catalogue(l)])) as Record<Language, Catalogue>;
}
