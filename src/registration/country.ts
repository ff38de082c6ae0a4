// Free text to an ISO 3166-1 country: names in English and a few other languages (i18n-iso-countries),
// common short forms (UK, USA, DRC), codes typed in capitals (KE, KEN), and typos ("Kenia", "Tanznia").
// A sure match resolves; a typo or an ambiguous name ("Congo") comes back as candidates to confirm.
import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import { editDistance } from '../understanding/distance.ts';
import { answerForm } from './match.ts';
import type { Country } from './registration.ts';
import type { Language } from '../language/languages.ts';

const require = createRequire(import.meta.url);
const OTHER_LANGUAGES = ['fr', 'es', 'de', 'pt', 'sw', 'it'];
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
for (const lang of OTHER_LANGUAGES) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Short forms people type that the library does not list. */
const ALIASES: Record<string, string[]> = {
  GB: ['uk', 'u k', 'britain', 'england', 'scotland', 'wales', 'northern ireland', 'united kingdom of great britain and northern ireland'],
  US: ['america', 'united states', 'the states', 'usa', 'us of a'],
  CD: ['drc', 'dr congo', 'd r congo', 'congo kinshasa', 'democratic republic of congo', 'congo drc', 'rdc', 'rd congo', 'r d congo', 'republique democratique du congo', 'congo rdc'],
  CG: ['congo brazzaville', 'republic of congo', 'congo republic'],
  CI: ['ivory coast', 'cote divoire', 'cote d ivoire'],
  AE: ['uae', 'emirates', 'the emirates', 'dubai', 'abu dhabi'],
  SA: ['ksa', 'saudi'],
  KR: ['korea', 'south korea', 'rok'],
  KP: ['dprk'],
  NL: ['holland', 'the netherlands'],
  CZ: ['czech'],
  SZ: ['swaziland'],
  MM: ['burma'],
  CV: ['cape verde'],
  TL: ['east timor'],
  VA: ['vatican', 'holy see'],
  LA: ['laos'],
  MK: ['macedonia'],
  TR: ['turkey', 'turkiye'],
  PS: ['palestine', 'palestinian territories'],
  TZ: ['tanzania', 'zanzibar'],
  FM: ['micronesia'],
};

/** Names that fit several countries equally: always confirmed. */
const AMBIGUOUS: Record<string, string[]> = {
  congo: ['CD', 'CG'],
  korea: ['KR', 'KP'],
  'virgin islands': ['VG', 'VI'],
  guinea: ['GN', 'GW', 'GQ', 'PG'],
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const frenchRegionNames = new Intl.DisplayNames(['fr'], { type: 'region' });

/** A friendly English name: "Tanzania", "Côte d’Ivoire", "Democratic Republic of the Congo". */
export function countryName(code: string): string {
  const intl = regionNames.of(code);
  if (intl && intl !== code && !intl.includes(' - ') && !intl.includes('Territories')) return intl;
  return countries.getName(code, 'en') ?? code;
}

/**
 * The country's name in `lang`: English as above; French from i18n-iso-countries ("République démocratique du
 * Congo", "Côte-d’Ivoire"), with the typographic apostrophe. Stored registrations keep the English name (the
 * organisers' export); this is what the attendee is shown.
 */
export function countryNameIn(code: string, lang: Language): string {
  if (lang !== 'fr') return countryName(code);
  return (countries.getName(code, 'fr') ?? frenchRegionNames.of(code) ?? countryName(code)).replace(/'/g, '’');
}

/** A stored country as the attendee is shown it. */
export const countryLabel = (c: Country | undefined, lang: Language) => (c ? (lang === 'en' ? c.name : countryNameIn(c.code, lang)) : '');

interface Index {
  english: Map<string, Set<string>>;
  other: Map<string, Set<string>>;
  all: { form: string; code: string }[];
}

let index: Index | undefined;

function buildIndex(): Index {
  const english = new Map<string, Set<string>>();
  const other = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, name: string, code: string) => {
    const form = answerForm(name);
    if (!form) return;
    if (!map.has(form)) map.set(form, new Set());
    map.get(form)!.add(code);
  };
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    for (const n of countries.getName(code, 'en', { select: 'all' }) ?? []) add(english, n, code);
    add(english, countryName(code), code);
    for (const a of ALIASES[code] ?? []) add(english, a, code);
    for (const lang of OTHER_LANGUAGES) for (const n of countries.getName(code, lang, { select: 'all' }) ?? []) add(other, n, code);
    // The short French names people type ("Tanzanie", "États-Unis"), besides the library's formal ones.
    const fr = frenchRegionNames.of(code);
    if (fr && fr !== code) add(other, fr, code);
  }
  const all: Index['all'] = [];
  for (const map of [english, other]) for (const [form, codes] of map) for (const code of codes) all.push({ form, code });
  return { english, other, all };
}

export type CountryMatch =
  | { kind: 'exact'; country: Country }
  /** A typo, an ambiguous name or a name in another language that may mean several: ask which. */
  | { kind: 'candidates'; countries: Country[] }
  | { kind: 'unknown' };

const toCountry = (code: string): Country => ({ code, name: countryName(code) });
const MAX_CANDIDATES = 5;

export function resolveCountry(text: string): CountryMatch {
  index ??= buildIndex();
  const raw = text.trim();
  // Codes count only in capitals: "no" is an answer, "NO" is Norway.
  if (/^[A-Z]{2}$/.test(raw) && countries.isValid(raw)) return { kind: 'exact', country: toCountry(raw) };
  if (/^[A-Z]{3}$/.test(raw) && countries.isValid(raw)) return { kind: 'exact', country: toCountry(countries.alpha3ToAlpha2(raw)!) };

  const said = answerForm(raw.replace(/^(l|d)['’]\s*/i, '').replace(/^j['’]\s*/i, 'je '))
    .replace(/^(i am |i live |i m |im |i work |we are |based )?(in |from )?(the )?/, '')
    // French: "je suis au Rwanda", "j'habite en Côte d'Ivoire", "basée à Kinshasa, RD Congo", "le Burundi"
    .replace(/^(je suis |je vis |je habite |j habite |jhabite |nous sommes |je travaille |base |basee |je suis base |je suis basee )?(au |aux |en |a |dans le |dans la |de la |du |des )?(le |la |les )?/, '')
    .trim();
  if (!said) return { kind: 'unknown' };
  if (AMBIGUOUS[said]) return { kind: 'candidates', countries: AMBIGUOUS[said].map(toCountry) };

  for (const map of [index.english, index.other]) {
    const codes = map.get(said) ?? map.get(`the ${said}`);
    if (codes?.size === 1) return { kind: 'exact', country: toCountry([...codes][0]) };
    if (codes && codes.size > 1) return { kind: 'candidates', countries: [...codes].slice(0, MAX_CANDIDATES).map(toCountry) };
  }

  // Typos: the closest names within the edits the word's length allows.
  // Candidates are confirmed anyway, so a little more slack than in questions.
  if (said.length < 4) return { kind: 'unknown' };
  const limit = said.length >= 7 ? 2 : 1;
  let best = limit + 1;
  const codes: string[] = [];
  for (const { form, code } of index.all) {
    const d = editDistance(said, form, limit);
    if (d > limit) continue;
    if (d < best) {
      best = d;
      codes.length = 0;
    }
    if (d === best && !codes.includes(code)) codes.push(code);
  }
  if (codes.length) return { kind: 'candidates', countries: codes.slice(0, MAX_CANDIDATES).map(toCountry) };

  // A distinctive word of a longer name ("Tanzania" in "United Republic of Tanzania" is covered above;
  // this catches "Republic of Moldova" typed as "Moldova republic").
  const words = said.split(' ').filter((w) => w.length >= 4 && !['republic', 'state', 'states', 'islands', 'united', 'democratic', 'kingdom', 'federal', 'people', 'peoples'].includes(w));
  if (words.length) {
    const byWord = new Set<string>();
    for (const [form, cs] of index.english) if (words.every((w) => form.split(' ').includes(w))) cs.forEach((c) => byWord.add(c));
    if (byWord.size) return { kind: 'candidates', countries: [...byWord].slice(0, MAX_CANDIDATES).map(toCountry) };
  }
  return { kind: 'unknown' };
}
