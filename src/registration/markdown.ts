// What a user typed is shown back as text, never as markup: every ASCII punctuation character that
// markdown (or HTML, or a link detector) could read is backslash-escaped, which CommonMark renders as the
// character itself. "[x](javascript:alert(1))", "<script>" and "evil.com" all stay inert text.
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~:&]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}
