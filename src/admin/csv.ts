// CSV for spreadsheets (RFC 4180): fields with a comma, semicolon, tab, quote or line break are quoted, quotes
// doubled. A semicolon is quoted too because spreadsheets in many locales split on it: unquoted, "Acme;=1+1"
// became two cells, the second a formula. Cells a spreadsheet would run as a formula (starting, after any
// leading spaces or control characters, with = + - @ or their full-width forms, or with a tab, carriage return
// or line feed) are prefixed with ' so they stay text.
const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
