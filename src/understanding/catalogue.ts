// Full-text index over the event's sessions and reports (titles, keywords, talk titles, descriptions),
// built once with MiniSearch: BM25 ranking, fuzzy and prefix matching, so "signaling", "usssd" and
// "infrastucture" still find their session. Words shared by the whole event ("DFS", "security")
// rank but never make a match on their own.
import MiniSearch from 'minisearch';
import type { Agenda } from '../event/agenda.ts';
import type { EventData } from '../event/schema.ts';
import { allowedEdits, editDistance } from './distance.ts';
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

/**
 * What attendees call a title by its initials: every run of three or more capitalised words in it, by their first
 * letters ("DFS Security Assurance Framework" → "dsa", "saf", "dsaf").
 */
export function initialisms(title: string): string[] {
  const out: string[] = [];
  for (const run of title.match(/(?:\b\p{Lu}[\p{L}\d]*(?:\s+|$)){3,}/gu) ?? []) {
    const letters = run.trim().split(/\s+/).map((w) => w[0]!.toLowerCase());
    for (let i = 0; i < letters.length; i++) for (let j = i + 3; j <= letters.length; j++) out.push(letters.slice(i, j).join(''));
  }
  return [...new Set(out)];
}

/** Clipped words attendees type for the full ones the programme uses ("apps" for "applications"). */
const CLIPPED: Record<string, string> = { app: 'application', apps: 'applications', doc: 'document', docs: 'documents', pres: 'presentation', intro: 'introduction', reqs: 'requirements', infra: 'infrastructure', vulns: 'vulnerabilities', vuln: 'vulnerability' };

const processTerm = (term: string) => {
  const t = term.toLowerCase();
  return STOPWORDS.has(t) ? null : stem(t);
};

export class Catalogue {
  private readonly index: MiniSearch<Doc>;
  private readonly generic: Set<string>;
  /** Every term in the index, by first letter: typo and prefix expansion happen here, not in MiniSearch,
   * whose fuzzy search allocates a typed array per term and makes garbage collection slow. */
  private readonly terms = new Map<string, string[]>();

  constructor(event: EventData, agenda: Agenda) {
    const docs: Doc[] = [
      ...agenda.sessions.map((s) => ({
        id: `session:${s.id}`,
        kind: 'session' as const,
        ref: s.id,
        title: s.title,
        keywords: [...s.keywords, ...initialisms(s.title)].join(' '),
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
    const all = new Set<string>();
    for (const d of docs) for (const f of [d.title, d.keywords, d.talks, d.body]) for (const w of f.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').split(/[^a-z0-9]+/)) {
      const p = w && processTerm(w);
      if (p) all.add(p);
    }
    for (const term of all) {
      const list = this.terms.get(term[0]) ?? [];
      list.push(term);
      this.terms.set(term[0], list);
    }
    // Words of the event's own name, and words in most sessions, say nothing about which session.
    this.generic = new Set([...wordsOf(`${event.title} ${event.subtitle ?? ''}`)].map(stem));
    const counts = new Map<string, number>();
    for (const s of agenda.sessions) {
      for (const w of new Set(wordsOf(`${s.title} ${s.description ?? ''}`).map(stem))) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    for (const [w, n] of counts) if (n > Math.max(2, agenda.sessions.length / 2)) this.generic.add(w);
  }

  /** Index terms a query word stands for: itself, a typo's correction, or longer words it begins. */
  private expand(word: string, into: Map<string, { word: string; prefix: boolean }>) {
    const list = this.terms.get(word[0]) ?? [];
    if (list.includes(word)) {
      into.set(word, { word, prefix: false });
    } else {
      const max = allowedEdits(word);
      let best: string | undefined;
      let bestD = max + 1;
      for (const term of max ? list : []) {
        const d = editDistance(word, term, max);
        if (d < bestD) {
          bestD = d;
          best = term;
        }
      }
      if (best) into.set(best, { word, prefix: false });
    }
    if (word.length >= 5) for (const term of list) if (term.length > word.length && term.startsWith(word) && !into.has(term)) into.set(term, { word, prefix: true });
  }

  search(tokens: string[]): CatalogueHit[] {
    const expanded = new Map<string, { word: string; prefix: boolean }>();
    for (const t of tokens) {
      if (t.length <= 1 || STOPWORDS.has(t)) continue;
      this.expand(stem(CLIPPED[t] ?? t), expanded);
    }
    if (!expanded.size) return [];
    const results = this.index.search([...expanded.keys()].join(' '), {
      boost: { title: 3, keywords: 3, talks: 2, body: 0.7 },
      tokenize: (q) => q.split(' '),
      processTerm: (q) => q,
      combineWith: 'OR',
    });
    const hits: CatalogueHit[] = [];
    for (const r of results) {
      const terms = r.queryTerms.filter((t) => !this.generic.has(t));
      if (!terms.length) continue;
      const strong = Object.entries(r.match as Record<string, string[]>).some(
        ([docTerm, fields]) => !this.generic.has(docTerm) && fields.some((f) => f !== 'body') && expanded.get(docTerm)?.prefix === false,
      );
      hits.push({ kind: r.kind as 'session' | 'report', ref: r.ref as string, score: r.score, terms: terms.map((t) => expanded.get(t)?.word ?? t), strong });
    }
    return hits;
  }
}
