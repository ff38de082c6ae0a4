// Acronyms the event's own text uses ("DFS", "EACO", "FIGI") and what they stand for, found in the
// event file itself: a short name next to its full name (organisers), "Full Name (ACR)", or a run of
// words whose initials spell the acronym ("digital financial services" for DFS). Built once per event;
// acronymAsked() finds, per turn, the one a question asks about ("what is DFS?").
import type { EventData } from '../event/schema.ts';
import type { Resolved } from './intents.ts';
import { foldDiacritics } from './diacritics.ts';
import type { Normalised } from './normalise.ts';
import { commonEnglish, eventStrings } from './vocabulary.ts';

// Small words an acronym usually skips ("Security Infrastructure and Trust" = SIT).
const SKIP = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'to', 'a', 'an', '&']);

export interface Acronyms {
  /** Lowercase acronym -> its expansion as written in the event file (undefined when none is given). */
  expansions: Map<string, string | undefined>;
}

const titleCase = (s: string) => s.split(' ').map((w) => (SKIP.has(w.toLowerCase()) ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1))).join(' ');
const initials = (s: string) => s.split(/[^A-Za-z]+/).filter((w) => w && !SKIP.has(w.toLowerCase())).map((w) => w[0].toLowerCase()).join('');

export function buildAcronyms(event: EventData, zoneLongName?: string): Acronyms {
  const texts = eventStrings(event);
  const expansions = new Map<string, string | undefined>();
  // Acronyms: words written in capitals, 2–6 letters (digits allowed after the first letter).
  for (const t of texts) for (const m of t.matchAll(/\b([A-Z][A-Z0-9]{1,5})\b/g)) if (/[A-Z].*[A-Z]/.test(m[1]) && !/\d/.test(m[1])) expansions.set(m[1].toLowerCase(), undefined);
  const set = (acr: string, full: string) => {
    if (expansions.has(acr) && !expansions.get(acr)) expansions.set(acr, full);
  };
  // Organisers: short name = acronym of the full name.
  for (const o of event.organisers) if (o.shortName) expansions.set(o.shortName.toLowerCase(), o.name);
  // Topics whose aliases include an acronym of the name: "Financial Inclusion Global Initiative (FIGI)".
  for (const t of texts) for (const m of t.matchAll(/([A-Z][\w-]*(?:\s+(?:and|of|the|for|&)?\s*[A-Z][\w-]*){1,7})\s*\(([A-Z]{2,6})\)/g)) {
    const acr = m[2].toLowerCase();
    const words = m[1].trim().split(/\s+/);
    // The full name is the last words before the brackets whose initials spell it.
    for (let i = words.length - 1; i >= 0; i--) if (initials(words.slice(i).join(' ')) === acr) set(acr, words.slice(i).join(' '));
  }
  if (zoneLongName && event.timeZoneLabel && /^[A-Z]{2,6}$/.test(event.timeZoneLabel)) set(event.timeZoneLabel.toLowerCase(), zoneLongName);
  // Runs of words whose initials spell an acronym still unexplained.
  const open = [...expansions].filter(([, v]) => !v).map(([k]) => k);
  if (open.length) {
    for (const t of texts) {
      const words = foldDiacritics(t).split(/[^A-Za-z&-]+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        for (const acr of open) {
          if (expansions.get(acr)) continue;
          let k = 0;
          let j = i;
          const used: string[] = [];
          while (j < words.length && k < acr.length) {
            const w = words[j];
            if (used.length && SKIP.has(w.toLowerCase())) {
              used.push(w);
              j++;
              continue;
            }
            if (w[0].toLowerCase() !== acr[k] || w.toUpperCase() === w) break;
            used.push(w);
            k++;
            j++;
          }
          // The whole name, not the start of a longer one ("IT" is not "International Telecommunication").
          const next = words[j];
          const continues = next !== undefined && /^[A-Z][a-z]/.test(next);
          if (k === acr.length && acr.length >= 3 && !continues) set(acr, titleCase(used.join(' ')));
        }
      }
    }
  }
  return { expansions };
}

/** "what is DFS?", "what does EACO stand for": an acronym of the event's text, asked about. */
export function acronymAsked(n: Normalised, acronyms: Acronyms): Resolved['acronym'] {
  const t = n.text;
  const explicit = /\b(stand|stands|standing) for\b|\bmeaning( of)?\b|\bdefinition\b|\bmean(s)?\b|\babbreviation\b|\bacronym\b|\bshort for\b|\bfull (form|name) of\b|\babbreviated\b/.test(t);
  const bare = /^(what is|what are|what s|define|definition of|meaning of)?\s*(the |an |a )?(\w+)$/.exec(t);
  if (!explicit && !bare) return undefined;
  const english = commonEnglish();
  const capitals = new Set(n.raw.split(/[^A-Za-z]+/).filter((w) => w.length > 1 && w === w.toUpperCase()).map((w) => w.toLowerCase()));
  for (const w of explicit ? n.tokens : [bare![3]]) {
    if (!acronyms.expansions.has(w)) continue;
    if (!capitals.has(w) && (english.get(w) ?? Infinity) < 5000) continue;
    return { word: w.toUpperCase(), expansion: acronyms.expansions.get(w), explicit };
  }
  return undefined;
}
