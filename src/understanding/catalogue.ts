// Full-text index over the event's sessions and reports (titles, keywords, talk titles, descriptions),
// built once with MiniSearch: BM25 ranking, fuzzy and prefix matching, so "signaling", "usssd" and
// "infrastucture" still find their session. Words shared by the whole event ("DFS", "security")
// rank but never make a match on their own.
import MiniSearch from 'minisearch';
import type { Agenda } from '../event/agenda.ts';
import type { EventData } from '../event/schema.ts';
import { STOPWORDS } from './stopwords.ts';
import { wordsOf } from './vocabulary.ts';

export interface CatalogueHit {
  kind: 'session' | 'report';
  ref: string;
  score: number;
  /** The query words it matched. */
  terms: string[];
  /** Matched in a title, keyword or talk title by the word itself (or a typo of it), not only in
   * the description or as the start of a longer word ("recommend" in "recommendations"). */
  strong: boolean;
}

interface Doc {
  id: string;
  kind: 'session' | 'report';
  ref: string;
  title: string;
  keywords: string;
  talks: string;
  body: string;
}

/** A crude stem so plurals meet singulars ("vulnerabilities" ~ "vulnerability", "audits" ~ "audit"). */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

const processTerm = (term: string) => {
  const t = term.toLowerCase();
  return STOPWORDS.has(t) ? null : stem(t);
};

export class Catalogue {
  private readonly index: MiniSearch<Doc>;
  private readonly generic: Set<string>;

  constructor(event: EventData, agenda: Agenda) {
    const docs: Doc[] = [
      ...agenda.sessions.map((s) => ({
        id: `session:${s.id}`,
        kind: 'session' as const,
        ref: s.id,
        title: s.title,
        keywords: s.keywords.join(' '),
        talks: s.speakers.map((x) => x.talkTitle ?? '').join(' '),
        body: s.description ?? '',
      })),
      ...event.reports.map((r) => ({
        id: `report:${r.id}`,
        kind: 'report' as const,
        ref: r.id,
        title: r.title,
        keywords: '',
        talks: r.publishedTitle ?? '',
        body: '',
      })),
    ];
    this.index = new MiniSearch<Doc>({
      fields: ['title', 'keywords', 'talks', 'body'],
      storeFields: ['kind', 'ref'],
      tokenize: (s) => s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').split(/[^a-z0-9]+/),
      processTerm,
    });
    this.index.addAll(docs);
    // Words of the event's own name, and words in most sessions, say nothing about which session.
    this.generic = new Set([...wordsOf(`${event.title} ${event.subtitle ?? ''}`)].map(stem));
    const counts = new Map<string, number>();
    for (const s of agenda.sessions) {
      for (const w of new Set(wordsOf(`${s.title} ${s.description ?? ''}`).map(stem))) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    for (const [w, n] of counts) if (n > Math.max(2, agenda.sessions.length / 2)) this.generic.add(w);
  }

  search(tokens: string[]): CatalogueHit[] {
    const words = tokens.filter((t) => t.length > 1 && !STOPWORDS.has(t));
    if (!words.length) return [];
    const results = this.index.search(words.join(' '), {
      boost: { title: 3, keywords: 3, talks: 2, body: 0.7 },
      fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false),
      prefix: (term) => term.length >= 5,
      combineWith: 'OR',
    });
    const hits: CatalogueHit[] = [];
    for (const r of results) {
      const terms = r.queryTerms.filter((t) => !this.generic.has(stem(t)));
      if (!terms.length) continue;
      const strong = Object.entries(r.match as Record<string, string[]>).some(
        ([docTerm, fields]) =>
          !this.generic.has(docTerm) &&
          fields.some((f) => f !== 'body') &&
          terms.some((q) => Math.abs(stem(q).length - docTerm.length) <= 2 && stem(q)[0] === docTerm[0]),
      );
      hits.push({ kind: r.kind as 'session' | 'report', ref: r.ref as string, score: r.score, terms, strong });
    }
    return hits;
  }
}
