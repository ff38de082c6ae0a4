// Content strings are plain text, but both targets read markdown (message text, and TextBlock/FactSet text in
// Adaptive Cards). The characters that would turn into markup are backslash-escaped, which CommonMark shows as
// the character itself; ordinary punctuation (dots, dashes, brackets in "(EAT)") is left alone so hosts with a
// smaller markdown subset show no stray backslashes.
const INLINE = /[\\`*_[\]<>]/g;
/** A line that would start a list or heading: "1. ", "- ", "+ ", "# ". */
const BLOCK_START = /^(\s*)(\d+)([.)]\s)|^(\s*)([-+#>])(\s)/;

export function plain(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(BLOCK_START, (m, sp1, num, dot, sp2, mark, gap) => (num !== undefined ? `${sp1}${num}\\${dot}` : `${sp2}\\${mark}${gap}`));
}

/** Every ASCII punctuation character markdown, HTML or a link detector could read: for what a user typed. */
const TYPED = /[\\`*_{}[\]()#+\-.!|<>~:&]/g;

/**
 * Text a user typed (a name, an organisation), shown back as inert text: every such character escaped, so
 * "evil.example.com" or "[x](javascript:…)" never becomes a link or markup.
 */
export function inert(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(TYPED, (c) => `\\${c}`);
}
