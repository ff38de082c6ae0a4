// Recognises places and zone names and maps them to IANA zones: cities ("Lagos", "London time"),
// countries ("India", "France"), IANA names ("Asia/Tokyo"), offsets ("UTC+2") and common
// abbreviations ("CET", "EST"). Built once from city-timezones, countries-and-timezones and
// i18n-iso-countries; lookups per turn are map hits over a handful of n-grams.
import cityTimezones from 'city-timezones';
import ct from 'countries-and-timezones';
import isoCountries from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import { frenchZoneCities } from '../language/placeNames.ts';
import { foldDiacritics } from './diacritics.ts';
import { isZone } from './zonedTime.ts';
import { commonEnglish } from './vocabulary.ts';

export interface PlaceMention {
  zone: string;
  /** How to name it back to the user: "Paris", "India", "CET", "Asia/Tokyo". */
  label: string;
  kind: 'city' | 'country' | 'abbreviation' | 'iana' | 'offset';
  /** Token position in `plain` (-1 for matches on the raw text). */
  at: number;
  end: number;
  /** The country has several zones and this is the one of its biggest city. */
  assumed?: boolean;
  /** The country (ISO 3166 alpha-2) of a city or country: to name it in another language. */
  code?: string;
}

interface PlaceEntry {
  zone: string;
  label: string;
  kind: 'city' | 'country' | 'abbreviation';
  big: boolean;
  assumed?: boolean;
  code?: string;
}

// Common zone abbreviations and names, as people type them. Generic English, not event data.
const ABBREVIATIONS: Record<string, string> = {
  utc: 'UTC', gmt: 'Etc/GMT', eat: 'Africa/Nairobi', cat: 'Africa/Maputo', wat: 'Africa/Lagos', sast: 'Africa/Johannesburg',
  cet: 'Europe/Paris', cest: 'Europe/Paris', eet: 'Europe/Athens', eest: 'Europe/Athens', wet: 'Europe/Lisbon',
  bst: 'Europe/London', ist: 'Asia/Kolkata', pkt: 'Asia/Karachi', jst: 'Asia/Tokyo', kst: 'Asia/Seoul', sgt: 'Asia/Singapore',
  hkt: 'Asia/Hong_Kong', aest: 'Australia/Sydney', aedt: 'Australia/Sydney', awst: 'Australia/Perth', nzst: 'Pacific/Auckland',
  nzdt: 'Pacific/Auckland', est: 'America/New_York', edt: 'America/New_York', cst: 'America/Chicago', cdt: 'America/Chicago',
  la: 'America/Los_Angeles', nyc: 'America/New_York', sf: 'America/Los_Angeles', dc: 'America/New_York',
  mst: 'America/Denver', mdt: 'America/Denver', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', msk: 'Europe/Moscow',
  'eastern time': 'America/New_York', 'pacific time': 'America/Los_Angeles', 'central time': 'America/Chicago',
  'mountain time': 'America/Denver', 'central european': 'Europe/Paris', 'east africa': 'Africa/Nairobi',
  'west africa': 'Africa/Lagos', 'central africa': 'Africa/Maputo', 'british time': 'Europe/London', 'indian time': 'Asia/Kolkata',
  'zulu': 'UTC', 'coordinated universal time': 'UTC', 'greenwich mean time': 'Etc/GMT',
  'east african time': 'Africa/Nairobi', 'west african time': 'Africa/Lagos', 'central african time': 'Africa/Maputo', 'south african time': 'Africa/Johannesburg',
};
// Abbreviations that are also everyday words: only taken when typed in capitals or next to "time".
const WORDLIKE = new Set(['eat', 'cat', 'wat', 'est', 'ist', 'wet', 'pst', 'cst', 'jst', 'la', 'sf', 'dc']);
/** Word-like zone abbreviations that are also text-speak ("wat" for "what", "jst" for "just"). */
const TEXT_SPEAK = new Set(['wat', 'jst']);
const CONTEXT_BEFORE = new Set(['in', 'at', 'for', 'from', 'to', 'into', 'near', 'around', 'than', 'of']);
const CONTEXT_AFTER = new Set(['time', 'timezone', 'zone', 'local', 'hours']);
const ZONE_WORDS = new Set(['timezone', 'zone', 'tz', 'city', 'location', 'country']);
// Short aliases like "US" collide with English words; keep the ones that do not.
const SHORT_ALIAS_OK = new Set(['uk', 'usa', 'uae', 'drc']);

// Adjectives of countries that are not the name plus a suffix ("Swiss time", "French time"). Generic
// English; regular ones ("Kenyan", "Nigerian", "Japanese") are derived from the country names.
const IRREGULAR_DEMONYMS: Record<string, string> = {
  swiss: 'switzerland', french: 'france', british: 'united kingdom', english: 'united kingdom', scottish: 'united kingdom',
  american: 'united states', us: 'united states', chinese: 'china', dutch: 'netherlands', emirati: 'united arab emirates',
  saudi: 'saudi arabia', congolese: 'democratic republic of the congo', ivorian: "cote d ivoire", malagasy: 'madagascar', filipino: 'philippines',
  danish: 'denmark', swedish: 'sweden', finnish: 'finland', polish: 'poland', spanish: 'spain', turkish: 'turkey', irish: 'ireland',
  greek: 'greece', thai: 'thailand', south: '', sudanese: 'sudan', senegalese: 'senegal', togolese: 'togo', beninese: 'benin', malian: 'mali',
  zambian: 'zambia', zimbabwean: 'zimbabwe', somali: 'somalia', burundian: 'burundi', mozambican: 'mozambique', cameroonian: 'cameroon',
  pakistani: 'pakistan', bangladeshi: 'bangladesh', omani: 'oman', qatari: 'qatar', kuwaiti: 'kuwait', israeli: 'israel', iraqi: 'iraq',
};

// Region names that are everyday words or directions, never taken as provinces.
const GENERIC_REGION_WORDS = new Set(['central', 'western', 'eastern', 'northern', 'southern', 'north', 'south', 'east', 'west', 'coast', 'capital', 'national', 'federal', 'upper', 'lower', 'greater', 'centre', 'center', 'interior', 'island', 'islands', 'lakes', 'mountain', 'river', 'valley', 'plateau', 'littoral', 'maritime', 'metropolitan', 'district', 'region', 'city', 'special', 'orient', 'north west', 'south west', 'north east', 'south east', 'far north', 'far west', 'northwest', 'southwest', 'northeast', 'southeast', 'midlands', 'highlands', 'borders', 'oriental', 'occidental', 'sud', 'nord', 'est', 'ouest', 'centre est', 'centre ouest', 'grand', 'home', 'online', 'world', 'security', 'virtual', 'distrito federal', 'border', 'eastern cape', 'western cape']);
const requireJson = createRequire(import.meta.url);
for (const lang of ['en', 'fr']) isoCountries.registerLocale(requireJson(`i18n-iso-countries/langs/${lang}.json`));
const key = (s: string) => foldDiacritics(s.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();

function buildTable(): Map<string, PlaceEntry> {
  const table = new Map<string, PlaceEntry & { pop: number }>();
  const biggestCity = new Map<string, { zone: string; pop: number }>();
  for (const c of cityTimezones.cityMapping) {
    if (!c.timezone || !isZone(c.timezone)) continue;
    const full = key(c.city_ascii || c.city);
    // "Washington, D.C." is also just "Washington".
    for (const k of new Set([full, key((c.city_ascii || c.city).split(',')[0])])) {
      const prev = table.get(k);
      if (!prev || prev.pop < c.pop) table.set(k, { zone: c.timezone, label: c.city, kind: 'city', big: c.pop >= 1_000_000, pop: c.pop, code: c.iso2 });
    }
    const b = biggestCity.get(c.iso2);
    if (!b || b.pop < c.pop) biggestCity.set(c.iso2, { zone: c.timezone, pop: c.pop });
  }
  // "St. John's" is typed "st johns" or "st john": the possessive's apostrophe splits off an "s".
  for (const [k, e] of [...table]) {
    if (!/ s( |$)/.test(k)) continue;
    for (const alt of [k.replace(/ s( |$)/g, 's$1'), k.replace(/ s( |$)/g, '$1').trim()]) if (!table.has(alt)) table.set(alt, e);
  }
  // Provinces and states ("Newfoundland", "California", "Queensland"), as the zone of their biggest city:
  // only names that belong to one country, are not everyday words, and name no city or country.
  const provinces = new Map<string, { zone: string; pop: number; label: string; countries: Set<string> }>();
  for (const c of cityTimezones.cityMapping) {
    if (!c.province || !c.timezone || !isZone(c.timezone)) continue;
    const p = provinces.get(c.province) ?? { zone: c.timezone, pop: -1, label: c.province, countries: new Set<string>() };
    p.countries.add(c.iso2);
    if (c.pop > p.pop) Object.assign(p, { zone: c.timezone, pop: c.pop });
    provinces.set(c.province, p);
  }
  const provinceEntries = new Map<string, PlaceEntry & { pop: number }>();
  for (const p of provinces.values()) {
    if (p.countries.size > 1) continue;
    const full = key(p.label);
    // "Newfoundland and Labrador" is also just "Newfoundland".
    for (const k of new Set([full, full.split(' and ')[0]])) {
      // A small town of the same name gives way ("Ontario", Oregon vs the province of Toronto).
      const city = table.get(k);
      if (k.length < 4 || GENERIC_REGION_WORDS.has(k) || (city && !(city.kind === 'city' && city.pop * 10 < p.pop))) continue;
      provinceEntries.set(k, { zone: p.zone, label: p.label.split(' and ')[0], kind: 'city', big: false, pop: p.pop, code: [...p.countries][0] });
    }
  }
  const names = isoCountries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  // Countries by their French names too ("Allemagne", "Côte d'Ivoire", "Tchad"), after the English ones, where
  // the French name is not an everyday English word ("Chili").
  const english = commonEnglish();
  for (const [code, fr] of Object.entries(isoCountries.getNames('fr', { select: 'all' }) as Record<string, string[]>)) {
    const own = names[code];
    if (!own) continue;
    for (const alias of fr) if (!own.includes(alias) && !english.has(key(alias))) own.push(alias);
  }
  for (const [code, aliases] of Object.entries(names)) {
    const zones = ct.getCountry(code)?.timezones ?? [];
    if (!zones.length) continue;
    const zone = zones.length === 1 ? zones[0] : (biggestCity.get(code)?.zone ?? zones[0]);
    if (!isZone(zone)) continue;
    for (const alias of aliases) {
      const k = key(alias);
      const entry = { zone, label: aliases[0], kind: 'country' as const, big: true, assumed: zones.length > 1, pop: Infinity, code };
      // "us" is a word; "the us" is a country.
      if (k.length <= 3 && !SHORT_ALIAS_OK.has(k)) {
        table.set(`the ${k}`, entry);
        continue;
      }
      // A country name wins over a same-named city ("Singapore", "Mexico" the country is meant).
      table.set(k, entry);
    }
  }
  for (const [k, e] of provinceEntries) if (table.get(k)?.kind !== 'country') table.set(k, e);
  // Cities by the French names of the cities that name zones ("Addis-Abeba", "Le Caire", "Moscou": CLDR, from
  // locales/cities.fr.json), where the name is not already a place or an everyday English word.
  for (const [zone, { en, fr }] of frenchZoneCities()) {
    const own = table.get(key(en));
    const k = key(fr);
    if (own?.zone === zone && !table.has(k) && !english.has(k)) table.set(k, own);
  }
  for (const [k, zone] of Object.entries(ABBREVIATIONS)) {
    table.set(k, { zone, label: k.length <= 4 ? k.toUpperCase() : k.replace(/\b\w/g, (c) => c.toUpperCase()), kind: 'abbreviation', big: !WORDLIKE.has(k), pop: Infinity });
  }
  return table;
}

const canonical = new Map<string, string | undefined>();
let sharedTable: Map<string, PlaceEntry> | undefined;

/** Words this common ('same', 'nice', 'may') are read as a place only when typed with a capital. */
const COMMON_WORD_RANK = 500;

export class PlaceRecogniser {
  private readonly table: Map<string, PlaceEntry>;

  /** @param entityWords words naming the event's own things (speakers, sessions): never taken as places. */
  constructor(private readonly entityWords: Set<string>) {
    sharedTable ??= buildTable();
    this.table = sharedTable;
  }

  /** Canonical IANA name for a typed zone ("asia/tokyo" -> "Asia/Tokyo"), or undefined. */
  static canonicalZone(name: string): string | undefined {
    if (!canonical.has(name)) {
      let zone: string | undefined;
      try {
        zone = isZone(name) ? new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone : undefined;
      } catch {
        zone = undefined;
      }
      canonical.set(name, zone);
    }
    return canonical.get(name);
  }

  /** "kenyan time", "swiss time": the country an adjective names, when a zone word follows it. */
  private demonym(word: string): PlaceEntry | undefined {
    const irregular = IRREGULAR_DEMONYMS[word];
    if (irregular !== undefined) return irregular ? this.country(irregular) : undefined;
    if (word.length < 5) return undefined;
    const stems = [word.slice(0, -1), word.slice(0, -2), word.slice(0, -3), `${word.slice(0, -3)}a`, `${word.slice(0, -2)}a`, `${word}y`, word.replace(/ese$/, ''), word.replace(/ese$/, 'a'), word.replace(/i$/, '')];
    for (const st of stems) {
      const c = this.country(st);
      if (c) return c;
    }
    return undefined;
  }

  private country(name: string): PlaceEntry | undefined {
    const e = this.table.get(name);
    return e?.kind === 'country' ? e : undefined;
  }

  recognise(raw: string, plain: string[]): PlaceMention[] {
    const found: PlaceMention[] = [];
    for (const m of raw.matchAll(/\b([A-Za-z]+(?:\/[A-Za-z_+-]+){1,2})\b/g)) {
      const zone = PlaceRecogniser.canonicalZone(m[1]);
      if (zone) found.push({ zone, label: zone, kind: 'iana', at: -1, end: -1 });
    }
    for (const m of raw.toLowerCase().matchAll(/\b(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b/g)) {
      const zone = `UTC${m[1]}${Number(m[2])}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`;
      if (isZone(zone)) found.push({ zone, label: zone, kind: 'offset', at: -1, end: -1 });
    }
    if (found.length) return found;
    // "E.A.T." is EAT typed with dots.
    const compact = raw.replace(/\b(?:[A-Za-z]\.){2,}[A-Za-z]?\b\.?/g, (m) => m.replace(/\./g, ''));
    const upper = new Set(compact.split(/[^A-Za-z]+/).filter((w) => w.length > 1 && w === w.toUpperCase()).map((w) => w.toLowerCase()));
    // "the same hours", "a nice day": a place whose name is one of the commonest English words counts only capitalised.
    const capitalised = new Set(compact.split(/[^\p{L}]+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase()));
    const english = commonEnglish();
    for (let i = 0; i < plain.length; i++) {
      for (let n = Math.min(6, plain.length - i); n >= 1; n--) {
        const words = plain.slice(i, i + n);
        const k = words.join(' ');
        const entry = this.table.get(k);
        if (!entry) continue;
        const before = plain[i - 1];
        const after = plain[i + n];
        // ("my timezone is Geneva": the zone word before "is" is context too)
        const near = (before !== undefined && CONTEXT_BEFORE.has(before)) || (after !== undefined && CONTEXT_AFTER.has(after)) || plain.length === n || (before === 'is' && ZONE_WORDS.has(plain[i - 2] ?? ''));
        const ownWord = n === 1 && this.entityWords.has(k);
        let ok: boolean;
        // "wat time" typed in lower case is text-speak for "what time"; "in wat" or "WAT" is the zone.
        if (entry.kind === 'abbreviation') ok = WORDLIKE.has(k) ? upper.has(k) || (before !== undefined && CONTEXT_BEFORE.has(before)) || (after !== undefined && CONTEXT_AFTER.has(after) && !TEXT_SPEAK.has(k)) : true;
        else ok = !ownWord && (near || entry.big) && !(n === 1 && (english.get(k) ?? Infinity) < COMMON_WORD_RANK && !capitalised.has(k));
        if (!ok) continue;
        found.push({ zone: entry.zone, label: entry.label, kind: entry.kind, at: i, end: i + n, assumed: entry.assumed, ...(entry.code ? { code: entry.code } : {}) });
        i += n - 1;
        break;
      }
      if (found.length && found[found.length - 1].end > i) continue;
      // "kenyan time", "south african time"
      for (let n = 2; n >= 1; n--) {
        const after = plain[i + n];
        if (after !== 'time' && after !== 'timezone' && after !== 'hours') continue;
        const words = plain.slice(i, i + n).join(' ');
        if (this.table.has(words) || (n === 1 && this.entityWords.has(words))) continue;
        const c = this.demonym(words);
        if (c) {
          found.push({ zone: c.zone, label: c.label, kind: 'country', at: i, end: i + n, assumed: c.assumed, ...(c.code ? { code: c.code } : {}) });
          i += n - 1;
          break;
        }
      }
    }
    return found;
  }
}
