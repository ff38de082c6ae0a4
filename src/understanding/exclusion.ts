// What a question sets aside ("not counting the breaks", "if you leave out the coffee break", "without the
// breaks"): recognised once, and taken out of the words the intent is decided from — a question that leaves the
// breaks out is not a question about the breaks — while the slot tells the composer to leave them out.
import type { Normalised } from './normalise.ts';

export interface Exclusion {
  breaks: boolean;
}

const BREAKS = /\b((if|when) (you|we|i) )?(not counting|without|excluding|except|minus|leaving out|leave out|apart from|other than|net of|less|not including|discounting|ignoring) (the |any )?((coffee|tea|lunch|short) )?(breaks?|pauses?)\b|\b(the )?(breaks?|pauses?) (excluded|not included|left out|not counted)\b/;

/** The question without its exclusion clause, and what the clause left out. */
export function splitExclusion(n: Normalised): { n: Normalised; exclude: Exclusion } {
  const m = BREAKS.exec(n.text);
  if (!m) return { n, exclude: { breaks: false } };
  // n.text is n.tokens joined by single spaces: the clause's tokens are found by counting the spaces before it
  const first = m.index ? n.text.slice(0, m.index).trim().split(' ').length : 0;
  const count = m[0].trim().split(' ').length;
  const tokens = [...n.tokens.slice(0, first), ...n.tokens.slice(first + count)];
  return { n: { ...n, tokens, text: tokens.join(' '), lower: n.lower.replace(BREAKS, ' ') }, exclude: { breaks: true } };
}
