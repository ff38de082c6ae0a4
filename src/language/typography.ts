// French typography for text the bot writes: a narrow no-break space (U+202F) before ? ! ; and a no-break space
// (U+00A0) before : and inside « », as French printers do, so a line never breaks with "?" alone at its start.
// Clock times are not touched ("10:20" in a URL, a zone offset); French times are written "10 h 20" by their templates.

const NNBSP = '\u202f';
const NBSP = '\u00a0';

export function frenchTypography(text: string): string {
  return (
    text
      // ? ! ; after a word or a closing mark (not "?x=1" in a link, not "!!" runs' inner marks)
      .replace(/(?<=[\p{L}\p{N})»"'’*_}])[ \u00a0\u202f]?([?!;])(?=\s|$|[*_){])/gu, `${NNBSP}$1`)
      // a colon that ends a clause, not one inside "10:20", "https://" or "Asia/Tokyo"
      .replace(/(?<=[\p{L}\p{N})»"'’*_}])[ \u00a0\u202f]?:(?=\s|$)/gu, `${NBSP}:`)
      .replace(/«\s*/g, `«${NBSP}`)
      .replace(/\s*»/g, `${NBSP}»`)
  );
}
