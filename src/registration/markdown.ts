// What a user typed is shown back as text, never as markup: every ASCII punctuation character that
// markdown (or HTML, or a link detector) could read is backslash-escaped, which CommonMark renders as the
// character itself. "[x](javascript:alert(1))", "<script>" and "evil.com" all stay inert text.
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~:&]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}

/**
 * A validated e-mail address shown back: only the characters that would change its formatting are escaped, so
 * clients that show the raw text (notification previews) do not show a backslash before every dot.
 */
export function escapeEmail(email: string): string {
  return email.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
