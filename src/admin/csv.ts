// CSV for spreadsheets (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
// Cells a spreadsheet would run as a formula (starting with = + - @, or a tab / carriage return) are
// prefixed with ' so they stay text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
