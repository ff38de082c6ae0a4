// Turns what an attendee typed into a canonical form: lowercase, no diacritics, contractions spelled
// out, punctuation gone (except inside clock times and zone names, which other recognisers read from
// `lower`), and common chat shorthand and typos mended against the event's vocabulary.
import type { Vocabulary } from './vocabulary.ts';
import { foldDiacritics } from './diacritics.ts';

export interface Normalised {
  /** What the user typed, trimmed. */
  raw: string;
  /** Lowercase, diacritics folded, contractions expanded; punctuation kept. */
  lower: string;
  /** `lower` without punctuation, typos corrected, single-spaced. */
  text: string;
  tokens: string[];
  /** The words as typed (lowercase, no punctuation), before shorthand and typo correction: place names live here. */
  plain: string[];
}

// Chat shorthand and very short misspellings that edit distance cannot safely fix.
const SHORTHAND: Record<string, string> = {
  wen: 'when', whn: 'when', wat: 'what', wht: 'what', u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please',
  thx: 'thanks', ty: 'thanks', tnx: 'thanks', tks: 'thanks', tmrw: 'tomorrow', tmr: 'tomorrow', tomoz: 'tomorrow',
  im: 'i am', whos: 'who is', whats: 'what is', wheres: 'where is', hows: 'how is', whens: 'when is', dont: 'do not',
  cant: 'cannot', wont: 'will not', isnt: 'is not', arent: 'are not', doesnt: 'does not', ive: 'i have',
  abt: 'about', info: 'information', prog: 'programme', sched: 'schedule', mins: 'minutes', min: 'minutes', hrs: 'hours',
  hr: 'hour', tz: 'timezone', mail: 'email', signup: 'sign up', webpage: 'web page',
  website: 'web site', speakrs: 'speakers', sesion: 'session', sesh: 'session', agendas: 'agenda',
  wich: 'which', whcih: 'which', teh: 'the', hte: 'the', dayz: 'days', hav: 'have', abot: 'about', wher: 'where', dos: 'does', aps: 'apps',
  jst: 'just', sec: 'security', inscribe: 'register', inscription: 'registration', circ: 'circular',
  wanna: 'want to', gonna: 'going to', gotta: 'got to', lemme: 'let me', gimme: 'give me', wanted: 'wanted', registr: 'register', regster: 'register', rgister: 'register',
  qa: 'questions and answers', qna: 'questions and answers',
  reg: 'registration', regn: 'registration', rego: 'registration', regs: 'registration', hw: 'how', dya: 'day', dy: 'day', brk: 'break', brks: 'breaks', sess: 'session', sessn: 'session', sessns: 'sessions', spkr: 'speaker', spkrs: 'speakers',
};

export function lowerForm(raw: string): string {
  return foldDiacritics(raw.trim().toLowerCase())
    // "E.A.T.", "I.T.U": an abbreviation written with dots is the abbreviation
    .replace(/\b(?:[a-z]\.){2,}[a-z]?\b\.?/g, (m) => m.replace(/\./g, ''))
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\b(what|who|when|where|how|it|that|there|here|what)'s\b/g, '$1 is')
    .replace(/\bcan't\b/g, 'cannot')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/'m\b/g, ' am')
    .replace(/'re\b/g, ' are')
    .replace(/'ll\b/g, ' will')
    .replace(/'ve\b/g, ' have')
    .replace(/'d\b/g, ' would')
    .replace(/'s\b/g, '')
    .replace(/\be-mail\b/g, 'email');
}

export function normalise(raw: string, vocab?: Vocabulary): Normalised {
  const lower = lowerForm(raw);
  const stripped = lower
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    // "d2 agenda", "day2": a day's number typed short
    .replace(/\b(?:d|dy|dya|dai)\s?([1-9])\b/g, 'day $1')
    .replace(/\bday([1-9])\b/g, 'day $1')
    // "Q&A", "q and a": said in full, so the ampersand and the single letters survive
    .replace(/\bq\s*(?:&|and|n)\s*a\b/g, 'questions and answers')
    .replace(/(\d)[:.](\d\d)/g, '$1:$2')
    .replace(/[^a-z0-9:+]+/g, ' ')
    .replace(/(^|\s):|:(\s|$)/g, ' ');
  const tokens: string[] = [];
  const plain = stripped.split(/\s+/).filter(Boolean);
  for (const w of plain) {
    let fixed = SHORTHAND[w] ?? (vocab ? vocab.correct(w) : w);
    // words typed without spaces: "presentingthe", "auditguideline"
    if (fixed === w && vocab) fixed = vocab.segment(w) ?? w;
    for (const t of fixed.split(' ')) tokens.push(t);
  }
  return { raw: raw.trim(), lower, text: tokens.join(' '), tokens, plain };
}
