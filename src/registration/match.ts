// Reading a typed answer against a short list of choices: exact, by number, by word, by acronym, or
// with a typo. Pure: the registration dialog and its tests use it without an adapter.
import { allowedEdits, editDistance } from '../understanding/distance.ts';
import { foldDiacritics } from '../understanding/diacritics.ts';

/** Lowercase, diacritics folded, punctuation as spaces, single-spaced. Letters of any script survive. */
export function answerForm(text: string): string {
  return foldDiacritics(text.toLowerCase())
    .replace(/[’‘`´]/g, "'")
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface ChoiceSpec<V extends string = string> {
  value: V;
  /** What the button says. */
  title: string;
  /** Other ways to say it (normalised with answerForm before comparing). */
  synonyms?: string[];
}

const FILLER = new Set(['i', 'am', 'a', 'an', 'the', 'my', 'im', 'its', 'it', 'is', 'please', 'work', 'for', 'at', 'in', 'from', 'with', 'we', 'are', 'option', 'choose', 'pick', 'one']);

function acronym(words: string[]): string | undefined {
  const significant = words.filter((w) => !['of', 'and', 'the', 'for'].includes(w));
  return significant.length >= 2 ? significant.map((w) => w[0]).join('') : undefined;
}

/**
 * The choices `text` picks, best first: one entry for a clear answer, several when it is ambiguous,
 * none when nothing fits. `1`, `2` … pick by position.
 */
export function matchChoice<V extends string>(text: string, choices: ChoiceSpec<V>[]): ChoiceSpec<V>[] {
  const said = answerForm(text);
  if (!said) return [];
  const ordinal = said.match(/^(?:number |option |no )?(\d{1,2})$/);
  if (ordinal) {
    const picked = choices[Number(ordinal[1]) - 1];
    return picked ? [picked] : [];
  }
  const forms = choices.map((c) => {
    const names = [c.title, c.value, ...(c.synonyms ?? [])].map(answerForm).filter(Boolean);
    const words = new Set(names.flatMap((n) => n.split(' ')));
    const acronyms = names.map((n) => acronym(n.split(' '))).filter((a): a is string => !!a);
    return { choice: c, names, words, acronyms };
  });

  // 1. The whole answer is a name or synonym.
  const exact = forms.filter((f) => f.names.includes(said));
  if (exact.length) return exact.map((f) => f.choice);

  // 2. An acronym ("mno" for "Mobile network operator").
  const byAcronym = forms.filter((f) => f.acronyms.includes(said.replace(/ /g, '')));
  if (byAcronym.length) return byAcronym.map((f) => f.choice);

  const saidWords = said.split(' ').filter((w) => !FILLER.has(w));
  if (!saidWords.length) return [];

  // 3. A name appears inside the answer ("I work for a central bank").
  const contained = forms.filter((f) => f.names.some((n) => n.length > 2 && ` ${said} `.includes(` ${n} `)));
  if (contained.length === 1) return contained.map((f) => f.choice);

  // 4. Every significant word of the answer belongs to the choice, allowing typos ("regulatr", "bank").
  const wordMatches = (w: string, f: (typeof forms)[number]) => {
    if (f.words.has(w)) return true;
    const allowed = allowedEdits(w);
    return allowed > 0 && [...f.words].some((x) => editDistance(w, x, allowed) <= allowed);
  };
  const byWords = forms.filter((f) => saidWords.every((w) => wordMatches(w, f)));
  if (byWords.length) return byWords.map((f) => f.choice);

  // 5. The whole answer is a typo of a name ("Centrl bank").
  let best = Infinity;
  let typo: (typeof forms)[number][] = [];
  for (const f of forms) {
    for (const n of f.names) {
      const allowed = Math.min(allowedEdits(n), allowedEdits(said)) + (n.length >= 14 ? 1 : 0);
      if (allowed === 0) continue;
      const d = editDistance(said, n, allowed);
      if (d > allowed) continue;
      if (d < best) {
        best = d;
        typo = [f];
      } else if (d === best && !typo.includes(f)) typo.push(f);
    }
  }
  return typo.map((f) => f.choice);
}

const YES = ['yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ya', 'sure', 'ok', 'okay', 'k', 'correct', 'right', 'thats right', 'that is right', 'confirm', 'confirmed', 'i confirm', 'agree', 'i agree', 'i do', 'i consent', 'consent', 'of course', 'go ahead', 'please do', 'yes please', 'absolutely', 'definitely', 'thats me', 'that is me', 'its me', 'it is me', 'yes thats me', 'yes it is', 'yes that is me', 'use it', 'sounds good', 'fine', 'alright', 'all right', 'true', 'si', 'oui', 'ndiyo', 'delete it', 'yes delete', 'yes delete it'];
const NO = ['no', 'n', 'nope', 'nah', 'no thanks', 'no thank you', 'not really', 'wrong', 'incorrect', 'thats wrong', 'that is wrong', 'i do not', 'i dont', 'do not', 'dont', 'i disagree', 'disagree', 'i do not agree', 'i dont agree', 'not me', 'thats not me', 'that is not me', 'no its not', 'false', 'non', 'hapana', 'keep it', 'no keep it', 'not now'];
// French, as answerForm writes it (apostrophes dropped, accents folded): "d'accord" → "daccord".
const OUI = ['oui', 'ouais', 'oui merci', 'oui svp', 'oui sil vous plait', 'daccord', 'ok daccord', 'bien sur', 'exact', 'exactement', 'cest ca', 'cest exact', 'cest bien ca', 'cest moi', 'cest bien moi', 'cest la mienne', 'oui cest la mienne', 'oui cest moi', 'jaccepte', 'j accepte', 'accepte', 'je suis daccord', 'je confirme', 'confirme', 'confirmer', 'parfait', 'tout a fait', 'volontiers', 'allez y', 'vas y', 'oui supprimez la', 'supprimez la', 'oui supprimer', 'supprimer', 'oui je confirme', 'absolument', 'entendu', 'ca marche', 'cest bon', 'correct'];
const NON = ['non', 'non merci', 'pas du tout', 'pas question', 'je refuse', 'refuse', 'je ne suis pas daccord', 'pas daccord', 'non ce nest pas moi', 'ce nest pas moi', 'non gardez la', 'gardez la', 'garder', 'non garder', 'pas maintenant', 'faux', 'incorrect', 'non pas du tout', 'surtout pas', 'nan'];
const YES_SET = new Set([...YES, ...OUI]);
const NO_SET = new Set([...NO, ...NON]);

/** true for yes, false for no, undefined when the answer is neither. */
export function yesNo(text: string): boolean | undefined {
  const said = answerForm(text).replace(/\b(please|thanks|thank you|svp|sil vous plait|merci)\b/g, '').replace(/\s+/g, ' ').trim();
  if (!said) return undefined;
  if (YES_SET.has(said)) return true;
  if (NO_SET.has(said)) return false;
  const first = said.split(' ')[0];
  if (['no', 'nope', 'nah', 'not', 'non'].includes(first)) return false;
  if (['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'correct', 'oui', 'daccord'].includes(first)) return true;
  return undefined;
}
