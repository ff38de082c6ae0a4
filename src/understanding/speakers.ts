// Finds speakers by full, partial or misspelt name: "Assaf Klinger", "asaf klingr", "Ally Simba",
// "kibuka", "vijay". Name parts are compared word by word with a small edit allowance.
import type { Speaker } from '../event/schema.ts';
import { editDistance } from './distance.ts';
import { commonEnglish, wordsOf } from './vocabulary.ts';

export interface SpeakerMatch {
  speaker: Speaker;
  score: number;
  /** Token positions that matched, so other recognisers can ignore them. */
  tokens: number[];
}

// Name particles that never identify anyone on their own.
/** Words of a job title that do not tell one person from another. */
const TITLE_FILLER = new Set(['the', 'and', 'for', 'department', 'division', 'unit', 'office', 'senior', 'deputy', 'head']);

const PARTICLES = new Set(['van', 'der', 'de', 'den', 'von', 'da', 'di', 'le', 'la', 'al', 'el', 'bin', 'ben', 'dr', 'mr', 'ms', 'mrs', 'prof']);

function partMatches(token: string, part: string): number {
  if (token === part) return 1;
  if (token.length < 4 || part.length < 4) return 0;
  // possessive or plural: "maurees"
  if (token === `${part}s`) return 1;
  // "longer" is an English word, not a misspelt "Klinger": only words English does not know are read as typos.
  if (commonEnglish().has(token)) return 0;
  const max = part.length >= 7 ? 2 : 1;
  return editDistance(token, part, max) <= max ? 0.8 : 0;
}

export class SpeakerRecogniser {
  private readonly parts: { speaker: Speaker; parts: string[] }[];
  private readonly firstNameCount = new Map<string, number>();

  /** Each speaker's job title, as words that say something ("chief", "study", "groups"). */
  private readonly titles: { speaker: Speaker; words: string[] }[];

  constructor(speakers: Speaker[]) {
    this.parts = speakers.map((speaker) => ({ speaker, parts: wordsOf(speaker.name) }));
    for (const p of this.parts) this.firstNameCount.set(p.parts[0], (this.firstNameCount.get(p.parts[0]) ?? 0) + 1);
    this.titles = speakers.filter((sp) => sp.title).map((speaker) => ({ speaker, words: wordsOf(speaker.title!).filter((w) => w.length > 2 && !TITLE_FILLER.has(w)) }));
  }

  recognise(tokens: string[]): SpeakerMatch[] {
    const byName = this.byName(tokens);
    return byName.length ? byName : this.byTitle(tokens);
  }

  /** "the Chief of Study Groups", "the programme coordinator": a speaker by their title, when only one has it. */
  private byTitle(tokens: string[]): SpeakerMatch[] {
    const at = (w: string) => tokens.findIndex((t) => t === w || t === `${w}s` || `${t}s` === w);
    const hits = this.titles
      .map(({ speaker, words }) => ({ speaker, used: words.map(at).filter((i) => i >= 0), of: words.length }))
      .filter((h) => h.used.length >= 2 && h.used.length * 2 >= h.of);
    if (!hits.length) return [];
    hits.sort((a, b) => b.used.length / b.of - a.used.length / a.of);
    if (hits.length > 1 && hits[1].used.length / hits[1].of === hits[0].used.length / hits[0].of) return [];
    return [{ speaker: hits[0].speaker, score: 2, tokens: hits[0].used }];
  }

  private byName(tokens: string[]): SpeakerMatch[] {
    const out: SpeakerMatch[] = [];
    for (const { speaker, parts } of this.parts) {
      let score = 0;
      const used: number[] = [];
      let surname = false;
      let strong = 0;
      parts.forEach((part, pi) => {
        if (PARTICLES.has(part)) return;
        let best = 0;
        let at = -1;
        tokens.forEach((t, ti) => {
          const s = partMatches(t, part);
          if (s > best) {
            best = s;
            at = ti;
          }
        });
        if (best > 0) {
          score += best;
          used.push(at);
          if (pi === parts.length - 1) surname = true;
          if (best === 1) strong++;
        }
      });
      if (!score) continue;
      // A lone first name must be exact and unique; a surname or two parts are enough otherwise.
      const lone = used.length === 1;
      const firstOnly = lone && !surname;
      if (firstOnly && (strong === 0 || (this.firstNameCount.get(parts[0]) ?? 0) > 1)) continue;
      out.push({ speaker, score, tokens: used });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
