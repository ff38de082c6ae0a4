// Unanswered questions grouped by what they ask: greedy clustering on word-set similarity, the most-asked
// question of each group as its seed, so "is there a recording?" and "are the sessions recorded? recording?"
// land together while "certificate of attendance" stays apart. Pure.
import { contentWords, similarity } from './questionText.ts';

export interface StoredQuestion {
  id: string;
  text: string;
  count: number;
  firstAt: string;
  lastAt: string;
  /** Set when an organiser marked it handled; a later ask reopens it. */
  handledAt?: string;
}

export interface QuestionGroup {
  /** The seed question's id (stable while the seed is kept). */
  id: string;
  /** The most-asked wording. */
  text: string;
  /** How many times the group's questions were asked. */
  count: number;
  firstAt: string;
  lastAt: string;
  handled: boolean;
  questions: { id: string; text: string; count: number; lastAt: string }[];
}

export const SAME_QUESTION = 0.5;

export function groupQuestions(entries: StoredQuestion[], threshold = SAME_QUESTION): QuestionGroup[] {
  const seeds: { words: Set<string>; group: QuestionGroup }[] = [];
  const ordered = [...entries].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.id.localeCompare(b.id));
  for (const q of ordered) {
    const handled = Boolean(q.handledAt);
    const words = contentWords(q.text);
    let best: (typeof seeds)[number] | undefined;
    let bestScore = threshold;
    for (const s of seeds) {
      if (s.group.handled !== handled) continue;
      const score = similarity(words, s.words);
      if (score >= bestScore) (best = s), (bestScore = score);
    }
    const item = { id: q.id, text: q.text, count: q.count, lastAt: q.lastAt };
    if (!best) {
      seeds.push({ words, group: { id: q.id, text: q.text, count: q.count, firstAt: q.firstAt, lastAt: q.lastAt, handled, questions: [item] } });
      continue;
    }
    const g = best.group;
    g.questions.push(item);
    g.count += q.count;
    if (q.firstAt < g.firstAt) g.firstAt = q.firstAt;
    if (q.lastAt > g.lastAt) g.lastAt = q.lastAt;
  }
  for (const { group } of seeds) group.questions.sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  // Newest first: what attendees are asking now is what the organisers can still fix.
  return seeds.map((s) => s.group).sort((a, b) => b.lastAt.localeCompare(a.lastAt) || b.count - a.count);
}
