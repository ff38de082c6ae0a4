// French grammar where the bot's templates meet values it did not write: a country's article ("l'Inde", "le Kenya",
// "les Philippines") and a preposition contracted with what follows it ("au Caire", "en Inde", "d'Adaptive Mobile").
import { foldDiacritics } from '../understanding/diacritics.ts';

const fold = (s: string) => foldDiacritics(s.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();

// French grammar of country names: the article a name takes. Feminine: ending in -e, but for these masculine ones;
// no article: islands and city states; plural: these heads. A vowel takes "l'".
const MASCULINE = new Set(['mexique', 'cambodge', 'mozambique', 'zimbabwe', 'belize', 'royaume', 'zaire']);
const NO_ARTICLE = new Set(['madagascar', 'maurice', 'cuba', 'singapour', 'malte', 'chypre', 'monaco', 'haiti', 'israel', 'bahrein', 'djibouti', 'oman', 'taiwan', 'hong', 'macao', 'sao', 'porto', 'brunei', 'nauru', 'tuvalu', 'kiribati', 'samoa', 'tonga', 'grenade', 'sainte', 'saint', 'trinite']);
const PLURAL = /^(?:etats|emirats|pays|iles|philippines|comores|seychelles|maldives|bahamas|fidji|samoa americaines)\b/;

/** A French country name with its article: "l'Inde", "la France", "le Kenya", "les États-Unis", "Madagascar". */
export function withFrenchArticle(name: string): string {
  const head = fold(name).split(/[ -]/)[0] ?? '';
  if (NO_ARTICLE.has(head)) return name;
  if (PLURAL.test(fold(name))) return `les ${name}`;
  if (/^[aeiou]/.test(head)) return `l'${name}`;
  return `${head.endsWith('e') && !MASCULINE.has(head) ? 'la' : 'le'} ${name}`;
}

// Names that take an article in French running text ("l'UIT", "l'Union internationale des télécommunications"):
// an organisation whose French name the event's translation gives is a common noun phrase, and its acronym takes
// that name's article. Filled when an event is read in French (localiseEvent); names only, no sentence.
const articles = new Map<string, string>();

/** `name` (an organisation's French name or acronym) takes the article of `phrase` (its French name) in French. */
export function rememberFrenchArticle(name: string, phrase: string): void {
  const withArticle = withFrenchArticle(phrase);
  const article = withArticle === phrase ? undefined : withArticle.slice(0, withArticle.length - phrase.length);
  if (article) articles.set(name, article);
}

/**
 * The value as French running text writes it: with its article when it takes one ("l'UIT", "l'Union internationale
 * des télécommunications (UIT)"), else as it is.
 */
export function inFrenchText(value: string): string {
  let article = articles.get(value);
  if (!article) for (const [name, a] of articles) if (value.startsWith(`${name} (`)) article = a;
  return article ? `${article}${value}` : value;
}

/**
 * A French preposition before a value, contracted as French writes it: "à" + "Le Caire" → "au Caire", "de" + "les
 * États-Unis" → "des États-Unis", "à" + "la France" / "l'Inde" → "en France" / "en Inde" (a country's article is
 * lower case; a city's is part of its name and capitalised: "à La Haye"), "de" + "Adaptive Mobile" → "d'Adaptive
 * Mobile" (not before an acronym: "de UIT" is left to the data). Undefined: no change.
 */
export function contractFrench(prep: string, value: string, placeholder = ''): string | undefined {
  const p = prep.toLowerCase();
  const own = inFrenchText(value);
  if (own !== value) return contractFrench(prep, own, placeholder) ?? `${prep} ${own}`;
  const cap = (w: string) => (prep[0] === prep[0].toUpperCase() ? w[0].toUpperCase() + w.slice(1) : w);
  let m: RegExpExecArray | null;
  if ((m = /^[Ll]es\s+(.+)$/su.exec(value))) return p === 'à' ? `${cap('aux')} ${m[1]}` : p === 'de' ? `${cap('des')} ${m[1]}` : undefined;
  if ((m = /^[Ll]e\s+(.+)$/su.exec(value))) return p === 'à' ? `${cap('au')} ${m[1]}` : p === 'de' ? `${cap('du')} ${m[1]}` : undefined;
  // (a country: "en Inde"; an organisation keeps "à l'UIT")
  if (p === 'à' && placeholder === 'place' && (m = /^(?:la\s+|l['’])(.+)$/su.exec(value))) return `${cap('en')} ${m[1]}`;
  if (p === 'de' && /^[AEIOUÉÈÊÂÎÔaeiouéèêâîô]/u.test(value) && !/^\p{Lu}{2,}/u.test(value)) return `${prep[0]}'${value}`;
  if (p === 'de' && /^\p{Lu}{2,}\b/u.test(value) && /^[AEIOU]/u.test(value)) return `${prep[0]}'${value}`;
  return undefined;
}
