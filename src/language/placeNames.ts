// Places named in French replies as French speakers write them: "Londres", "Le Caire", "Genève", "l'Inde",
// "le Royaume-Uni". The recognisers know places by their English names (city-timezones, i18n-iso-countries); a French
// reply names a country by its French name (i18n-iso-countries, the alias the attendee typed if it is one), a city by
// the CLDR's French name for the city of its zone (locales/cities.fr.json: Londres, Le Caire, Alger, Moscou), else as
// the attendee wrote it ("Genève", "Pékin": the words the French reading turned into the English name), else as the
// data has it. A country carries its article ("l'Inde", "la France", "les Philippines"), so a template's "à {place}"
// and "de {place}" become "en Inde", "au Royaume-Uni", "du Caire" (frenchGrammar.ts).
import isoCountries from 'i18n-iso-countries';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { foldDiacritics } from '../understanding/diacritics.ts';
import { withFrenchArticle } from './frenchGrammar.ts';
import { LOCALES_DIR } from './messages.ts';

export interface NamedPlace {
  zone: string;
  label: string;
  kind: 'city' | 'country' | 'abbreviation' | 'iana' | 'offset';
  code?: string;
}

const requireJson = createRequire(import.meta.url);
isoCountries.registerLocale(requireJson('i18n-iso-countries/langs/fr.json'));

const fold = (s: string) => foldDiacritics(s.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();

let zoneCities: Map<string, { en: string; fr: string }> | undefined;
/** The CLDR's French names of the cities that name zones (locales/cities.fr.json), by zone. */
export function frenchZoneCities(): Map<string, { en: string; fr: string }> {
  if (!zoneCities) {
    const file = join(LOCALES_DIR, 'cities.fr.json');
    const data = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | [string, string]>) : {};
    zoneCities = new Map(Object.entries(data).flatMap(([zone, v]) => (Array.isArray(v) ? [[zone, { en: v[0], fr: v[1] }] as const] : [])));
  }
  return zoneCities;
}

/**
 * Where `words` (folded, space-separated) occur in `typed`, the text as typed there ("Genève" for "geneve", "Le
 * Caire" for "le caire", "N'Djamena" for "n djamena"); undefined when they do not.
 */
function typedAs(typed: string, words: string): string | undefined {
  const want = words.split(' ');
  const tokens = [...typed.matchAll(/[\p{L}\p{N}]+/gu)];
  for (let i = 0; i + want.length <= tokens.length; i++) {
    if (want.every((w, j) => fold(tokens[i + j][0]) === w)) {
      const last = tokens[i + want.length - 1];
      return typed.slice(tokens[i].index, last.index + last[0].length);
    }
  }
  return undefined;
}

/**
 * How a French reply names a place. `typed`: the attendee's message; `frenchFor(english)`: the French words the
 * French reading turns into that English name (folded, from nlu/fr/lexicon.json).
 */
export function frenchPlaceName(place: NamedPlace, typed: string, frenchFor: (english: string) => string[] = () => []): string {
  if (place.kind === 'country' && place.code) {
    const names = (isoCountries.getNames('fr', { select: 'all' }) as Record<string, string[]>)[place.code] ?? [];
    // (the French alias typed, accents from the data: "Cote d'Ivoire" typed is "Côte-d'Ivoire" shown)
    const own = names.find((n) => typedAs(typed, fold(n))) ?? names[0];
    return own ? withFrenchArticle(own) : place.label;
  }
  if (place.kind !== 'city') return place.label;
  const cldr = frenchZoneCities().get(place.zone);
  if (cldr && fold(cldr.en) === fold(place.label)) return cldr.fr;
  for (const words of frenchFor(fold(place.label))) {
    const seen = typedAs(typed, words);
    if (seen) return seen;
  }
  return place.label;
}
