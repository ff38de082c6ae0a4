// French read in the form the event's recognisers understand: "le deuxième jour" → "second day", "10 h 20" →
// "10:20", "midi" → "noon", "je suis à Kinshasa" → "i am in kinshasa", "et le lendemain ?" → "and the next day". The
// phrases are data (nlu/fr/lexicon.json); here only how French writes elisions and clock times. The intent classifier
// for French is trained on its utterances read the same way, so both sides of it see the same words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../understanding/diacritics.ts';

export class FrenchCanonical {
  private readonly phrases: { re: RegExp; to: string }[];
  /** The French phrases the lexicon reads as each English one ("geneva" ← "geneve"), for naming a place back. */
  private readonly frenchOf = new Map<string, string[]>();

  constructor(nluDir: string) {
    const lexicon = JSON.parse(readFileSync(join(nluDir, 'fr', 'lexicon.json'), 'utf8')) as Record<string, string>;
    for (const [from, to] of Object.entries(lexicon)) if (from !== '_' && !from.includes('{n}')) this.frenchOf.set(to, [...(this.frenchOf.get(to) ?? []), from]);
    this.phrases = Object.entries(lexicon)
      .filter(([k]) => k !== '_')
      .sort((a, b) => b[0].length - a[0].length)
      // (a phrase ends before a letter or digit, and before ":20" — "le 10" is not the start of "le 10:20")
      .map(([from, to]) => ({ re: new RegExp(`(?<![\\p{L}\\d])${from.replace(/ /g, '\\s+').replace('{n}', '(\\d{1,2})')}(?![\\p{L}\\d]|:\\d)`, 'gu'), to: to.replace('{n}', '$1') }));
  }

  /** The French phrases (lowercase, accents off) read as `english` ("le caire", "caire" for "cairo"), longest first. */
  frenchFor(english: string): string[] {
    return [...(this.frenchOf.get(english) ?? [])].sort((a, b) => b.length - a.length);
  }

  read(text: string): string {
    text = withoutInversion(text);
    // Before a place's capital: "à Genève", "au Burundi", "en France", "l'heure de Québec" say where ("in"), as
    // "à quelle heure" or "à l'UIT" do not. The euphonic "-t-" of "y a-t-il", "commence-t-elle" is dropped.
    const placed = text
      .replace(/\b([Hh]eures?)\s+(?:de|du|d['’])\s*(?=\p{Lu})/gu, 'time in ')
      .replace(/(?<![\p{L}\d'’])(?:à|a|au|aux|en)\s+(?=\p{Lu}\p{Ll})/gu, 'in ')
      .replace(/(?<=\p{L})(?:-t-|\s+t\s+)(?=(?:il|elle|on|ils|elles)\b)/gu, ' ')
      // "où" (where) before its accent is folded into "ou" (or)
      .replace(/(?<![\p{L}])[oO][ùÙ](?![\p{L}])/gu, 'where');
    let s = foldDiacritics(placed.toLowerCase())
      .replace(/[’‘`´]/g, "'")
      // elisions: "l'agenda", "qu'est-ce", "j'habite", "aujourd'hui"
      .replace(/\b(qu|[cdjlmnst])'(?=\p{L})/gu, (_, e: string) => `${e === 'qu' ? 'que' : e + 'e'} `)
      .replace(/\baujourd'hui\b/g, 'aujourd hui')
      // the same typed without the apostrophe: "c est", "j ai", "l agenda"
      .replace(/\b(qu|[cdjlmnst]) (?=[aeiouyh])/g, (_, e: string) => `${e === 'qu' ? 'que' : e + 'e'} `)
      // "est-ce", "a-t-il", "après-midi": hyphens between words
      .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')
      // clock times the French way: "10 h 20", "10h20", "14 h", "9 heures" (not "24h/24" or "h" alone)
      .replace(/\b([01]?\d|2[0-3])\s?h\s?([0-5]\d)\b/g, '$1:$2')
      .replace(/\b([01]?\d|2[0-3])\s?(?:h|heures?)(?![\p{L}\d/])/gu, '$1:00');
    // "se termine" → "ends" while each phrase is replaced once, longest first, so no phrase's output is read again
    const marks: string[] = [];
    for (const { re, to } of this.phrases) {
      s = s.replace(re, (...m: unknown[]) => {
        marks.push(to.replace('$1', String(m[1])));
        return `\u0000${marks.length - 1}\u0000`;
      });
    }
    return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => marks[Number(i)]!);
  }
}

// Interrogative words: a question that starts with one keeps its inversion ("quand commence-t-elle ?"), which the
// lexicon reads whole ("commence elle" → "does it start").
const ASKING = /(?<![\p{L}])(?:quand|o[uù]|comment|pourquoi|combien|que|qu['’]|quel(?:le)?s?|qui|lequel|laquelle|lesquel(?:le)?s|quoi|dans quelle)(?![\p{L}])/iu;
// A verb with its subject pronoun after it: "parle-t-il", "est-elle", "sont-elles" (also typed "parle t il").
const INVERTED = /(?<=\p{L})(?:-t-|-|\s+t\s+)(il|elle|ils|elles)(?![\p{L}'’-])/u;
// Words a clause may start with before its subject: "et", "mais", "ok merci. et …".
const LEADING = /^(?:(?:et|mais|alors|donc|ok|bon|sinon|aussi)\s*,?\s+)*/iu;

/**
 * A yes/no question asked by inversion read as the "est-ce que" question it is: "la session est-elle enregistrée ?"
 * → "est-ce que la session est enregistrée ?", "Faaez Burney parle-t-il le 31 ?" → "est-ce que Faaez Burney parle le
 * 31 ?". Only a clause whose subject comes first (a noun, a name) and that no question word opens: there the
 * pronoun repeats the subject. A clause opened by the verb ("parle-t-il …", "faut-il …", "y a-t-il …") is read
 * whole by the lexicon, as is one opened by a question word.
 */
export function withoutInversion(text: string): string {
  return text.replace(/[^.?!;:]+/g, (clause) => {
    const m = INVERTED.exec(clause);
    if (!m) return clause;
    const before = clause.slice(0, m.index);
    const verbAt = before.search(/\p{L}+$/u);
    const subject = before.slice(0, verbAt).trim();
    // the subject: at least one word of its own (not "y" of "y a-t-il"), and no question word anywhere before
    if (!/\p{L}{2,}/u.test(subject.replace(LEADING, '')) || /^y$/i.test(subject) || ASKING.test(before)) return clause;
    const lead = LEADING.exec(before.trimStart())?.[0] ?? '';
    const space = before.slice(0, before.length - before.trimStart().length);
    return `${space}${lead}est-ce que ${before.trimStart().slice(lead.length)}${clause.slice(m.index + m[0].length)}`;
  });
}
