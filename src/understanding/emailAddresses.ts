// E-mail addresses written inside a sentence ("sure, my email is mary@kcb.co.ke."), found in linear time: the
// text is split on the characters that cannot be part of an address and each word is checked by hand. A single
// regular expression with quantifiers on both sides of the @ backtracks: "@" × 1000 cost 600 ms a turn.

/** Characters that end a word: whitespace and the punctuation that surrounds an address in prose. */
const SEPARATOR = /[\s<>()[\],;:"']+/;
/** What a sentence may put right after an address. */
const TRAILING = new Set(['.', '!', '?']);

/** The words of `text` shaped like local@domain.tld (one @, a dot in the domain), in order. */
export function emailAddressesIn(text: string): string[] {
  const found: string[] = [];
  for (const word of text.split(SEPARATOR)) {
    let end = word.length;
    while (end > 0 && TRAILING.has(word[end - 1])) end--;
    const candidate = word.slice(0, end);
    const at = candidate.indexOf('@');
    if (at <= 0 || candidate.indexOf('@', at + 1) !== -1) continue;
    const dot = candidate.lastIndexOf('.');
    if (dot > at + 1 && dot < candidate.length - 1) found.push(candidate);
  }
  return found;
}
