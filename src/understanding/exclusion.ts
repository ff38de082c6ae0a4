// What a question sets aside ("not counting the breaks", "if you leave out the coffee break", "excluding breaks
// and the opening", "without the SS7 session"): recognised once, and taken out of the words the intent is decided
// from — a question that leaves the breaks out is not a question about the breaks — while the slot tells the
// composer what to leave out. A clause is a setting-aside word followed by a list of things of the programme
// (breaks, the opening, sessions the event's own recognisers name); a clause that names none ("without
// registering") is not an exclusion and stays in the question.
import type { Normalised } from './normalise.ts';

export interface Exclusion {
  /** The breaks are left out. */
  breaks: boolean;
  /** The opening (welcome remarks) is left out. */
  opening?: boolean;
  /** Other sessions left out, by id. */
  sessions?: string[];
}

/** Words that set what follows aside, as token sequences (longest first where one starts another). */
const TRIGGERS: readonly string[][] = [
  ['not', 'counting'],
  ['not', 'including'],
  ['not', 'incl'],
  ['without', 'counting'],
  ['without', 'including'],
  ['except', 'for'],
  ['leaving', 'out'],
  ['leave', 'out'],
  ['leaving', 'aside'],
  ['setting', 'aside'],
  ['set', 'aside'],
  ['apart', 'from'],
  ['aside', 'from'],
  ['other', 'than'],
  ['net', 'of'],
  ['but', 'not'],
  ['take', 'out'],
  ['taking', 'out'],
  ['take', 'away'],
  ['taking', 'away'],
  ['minus', 'the'],
  ['less', 'the'],
  ['cut', 'out'],
  ['cutting', 'out'],
  ['strip', 'out'],
  ['without'],
  ['remove'],
  ['removing'],
  ['drop'],
  ['dropping'],
  ['deduct'],
  ['deducting'],
  ['subtract'],
  ['subtracting'],
  ['excluding'],
  ['exclude'],
  ['except'],
  ['minus'],
  ['discounting'],
  ['ignoring'],
  ['ignore'],
  ['disregarding'],
  ['besides'],
  ['skipping'],
  ['skip'],
  ['omitting'],
  ['sans'],
];
/** "if you leave out …": the condition's opening words go with the clause. */
const CONDITION = /^(if|when|once) (you|we|i|one) $/;
/** Words that end a clause: the rest of the question ("… on day 1", "…, how many are there"). */
const BOUNDARY = new Set([
  'how',
  'what',
  'which',
  'when',
  'who',
  'where',
  'whom',
  'is',
  'are',
  'does',
  'do',
  'did',
  'can',
  'could',
  'will',
  'would',
  'on',
  'in',
  'during',
  'for',
  'per',
  'across',
  'over',
  'between',
  'please',
  'then',
  'tell',
  'give',
  'show',
  'just',
  'only',
  'at',
  'from',
  'to',
  'by',
  'there',
  'today',
  'tomorrow',
  'day',
  'days',
  'have',
  'has',
  'had',
  'was',
  'were',
  'lasts',
  'takes',
  'runs',
  'starts',
  'ends',
  'begins',
]);
const JOINERS = new Set(['and', 'or', 'nor', 'plus', 'as', 'well']);
const DETERMINERS = new Set(['the', 'a', 'an', 'any', 'all', 'both', 'those', 'these', 'that', 'this', 'two', 'of', 'counting', 'including']);
const BREAK_WORDS = /^(breaks?|pauses?|coffee|tea|lunch|intermissions?|recess)$/;
const OPENING_WORDS = /^(opening|openings|welcome|opener|intro|introductory|keynote)$/;
/** At most this many words in a clause. */
const MAX_CLAUSE = 9;

/** "the breaks excluded", "breaks not included": the breaks set aside after the fact. */
const BREAKS_AFTER = /\b(the )?(coffee |tea )?(breaks?|pauses?) (excluded|not included|left out|not counted|aside)\b/;

/** `sessionOf`: the session some words name on their own, if any (the event's recognisers). */
export function splitExclusion(
  n: Normalised,
  sessionOf: (words: string) => { id: string; kind?: string } | undefined = () => undefined,
): { n: Normalised; exclude: Exclusion } {
  const toks = n.tokens;
  for (let i = 0; i < toks.length; i++) {
    const trigger = TRIGGERS.find((t) => t.every((w, k) => toks[i + k] === w));
    if (!trigger) continue;
    let end = i + trigger.length;
    const clause: string[] = [];
    while (end < toks.length && clause.length < MAX_CLAUSE && !BOUNDARY.has(toks[end]!)) clause.push(toks[end++]!);
    const found = itemsOf(clause, sessionOf);
    if (!found) continue;
    let start = i;
    if (start >= 2 && CONDITION.test(`${toks[start - 2]} ${toks[start - 1]} `)) start -= 2;
    // the clause ends where its last thing named ends ("without the breaks lasting …" keeps "lasting")
    const stop = i + trigger.length + found.used;
    const tokens = [...toks.slice(0, start), ...toks.slice(stop)];
    // (`lower` keeps its punctuation for the time and place recognisers: the clause's words go, the rest stays)
    const words = toks.slice(start, stop).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const lower = n.lower.replace(new RegExp(`\\b${words.join('[^a-z0-9:+]+')}\\b`), ' ');
    return { n: { ...n, tokens, text: tokens.join(' '), lower }, exclude: found.exclude };
  }
  const m = BREAKS_AFTER.exec(n.text);
  if (!m) return { n, exclude: { breaks: false } };
  const first = m.index ? n.text.slice(0, m.index).trim().split(' ').length : 0;
  const count = m[0].trim().split(' ').length;
  const tokens = [...toks.slice(0, first), ...toks.slice(first + count)];
  return { n: { ...n, tokens, text: tokens.join(' '), lower: n.lower.replace(BREAKS_AFTER, ' ') }, exclude: { breaks: true } };
}

/** The things a clause's words name, split at "and"/"or", and how many of its words they take; undefined if none. */
function itemsOf(clause: string[], sessionOf: (words: string) => { id: string; kind?: string } | undefined): { exclude: Exclusion; used: number } | undefined {
  const exclude: Exclusion = { breaks: false, opening: false, sessions: [] };
  let used = 0;
  let item: string[] = [];
  let any = false;
  const close = (upTo: number) => {
    const words = item.filter((w) => !DETERMINERS.has(w));
    item = [];
    if (!words.length) return;
    let named = false;
    if (words.some((w) => BREAK_WORDS.test(w))) named = exclude.breaks = true;
    else if (words.some((w) => OPENING_WORDS.test(w))) named = exclude.opening = true;
    else {
      const s = sessionOf(words.join(' '));
      if (s?.kind === 'break') named = exclude.breaks = true;
      else if (s?.kind === 'opening') named = exclude.opening = true;
      else if (s) named = !!exclude.sessions!.push(s.id);
    }
    if (named) {
      any = true;
      used = upTo;
    }
  };
  clause.forEach((w, k) => {
    if (JOINERS.has(w)) close(k);
    else item.push(w);
  });
  close(clause.length);
  if (!any) return undefined;
  if (!exclude.opening) delete exclude.opening;
  if (!exclude.sessions!.length) delete exclude.sessions;
  return { exclude, used };
}

/** Whether a question sets anything aside. */
export function excludesAny(x: Exclusion): boolean {
  return x.breaks || !!x.opening || !!x.sessions?.length;
}
