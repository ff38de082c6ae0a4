// Accents off ("Génève" → "Geneve"): how every comparison of words is made, in normalise, the vocabulary, places,
// acronyms and the language detector alike. Its own file so the vocabulary need not import normalise.
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}
