// The store of questions the bot could not answer: one entry per distinct normalised text, with how often and
// when it was asked, each kept for the retention period after it was last asked (a TTL in the shared store, so
// every instance counts into the same entries and nothing outlives the period). No user, conversation or
// channel id is stored, only the text (see questionText.ts for what is masked).
import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';
import { groupQuestions, type QuestionGroup, type StoredQuestion } from './grouping.ts';
import { normaliseQuestion } from './questionText.ts';

const PREFIX = 'unanswered:';
const idOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);
export const QUESTION_ID = /^[A-Za-z0-9_-]{22}$/;

export class UnansweredQuestions {
  constructor(
    private readonly store: KeyValueStore,
    readonly retentionMs: number,
  ) {}

  /** Counts one ask of `raw` (normalised first); returns the stored text, or undefined when nothing was left to keep. */
  async record(raw: string, now: Date): Promise<string | undefined> {
    const text = normaliseQuestion(raw);
    if (!text) return undefined;
    const id = idOf(text);
    const at = now.toISOString();
    await this.store.update<StoredQuestion>(
      PREFIX + id,
      (cur) => (cur && !cur.handledAt ? { ...cur, count: cur.count + 1, lastAt: at } : { id, text, count: 1, firstAt: at, lastAt: at }),
      this.retentionMs,
    );
    return text;
  }

  /** Every question asked within the retention period (the TTL removes the rest; this also holds without it). */
  async all(now: Date): Promise<StoredQuestion[]> {
    const oldest = now.getTime() - this.retentionMs;
    return (await this.store.list<StoredQuestion>(PREFIX)).map((r) => r.value).filter((q) => Date.parse(q.lastAt) >= oldest);
  }

  async groups(now: Date): Promise<QuestionGroup[]> {
    return groupQuestions(await this.all(now));
  }

  /** Marks these questions handled (the ones the organiser saw in a group); returns how many were found. */
  async markHandled(ids: string[], now: Date): Promise<number> {
    let found = 0;
    for (const id of new Set(ids.filter((i) => QUESTION_ID.test(i)))) {
      let hit = false;
      await this.store.update<StoredQuestion>(
        PREFIX + id,
        (cur) => {
          hit = Boolean(cur);
          return cur && !cur.handledAt ? { ...cur, handledAt: now.toISOString() } : undefined;
        },
        this.retentionMs,
      );
      if (hit) found++;
    }
    return found;
  }
}
