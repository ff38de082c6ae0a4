// What is kept of a question the bot could not answer: its normalised text and nothing else. Lower-cased,
// accents and punctuation dropped, and what could identify someone masked before it is ever stored: e-mail
// addresses, links, and digit runs (phone numbers, registration references' digits, account numbers).
export const MAX_KEPT_CHARS = 200;

export function normaliseQuestion(raw: string): string | undefined {
  const text = raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\S+@\S+/g, ' <email> ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' <link> ')
    // A reference such as K7P3-9QXD, and any run of 3+ digits (with spaces, dashes or dots between).
    .replace(/\b[a-z0-9]{4}-[a-z0-9]{4}\b/g, ' <reference> ')
    .replace(/\+?\d[\d\s().-]{1,}\d/g, (m) => (m.replace(/\D/g, '').length >= 3 ? ' <number> ' : m))
    .replace(/[^\p{L}\p{N}<>'?\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, MAX_KEPT_CHARS) : undefined;
}

// Function words only: what a question is about stays (session, recording, certificate…).
const FUNCTION_WORDS = new Set(
  ('a an the and or of on in at to for from by with about into as is are was were be been am do does did have has had will would ' +
    'shall should can could may might must i me my we us our you your he him his she her they them their it its this that these ' +
    'those there here what whats which who whom whose when where why how please pls tell know want need get any some just ' +
    'hi hello hey thanks thank ok okay so if then than also too very really').split(' '),
);

/** The words that say what a question is about, lightly stemmed ("recordings" and "recording" match). */
export function contentWords(normalised: string): Set<string> {
  const words = normalised
    .replace(/[?']/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !FUNCTION_WORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return new Set(words);
}

/** Jaccard similarity of two word sets (1: the same words; 0: none shared). */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
