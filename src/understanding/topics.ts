// Finds the event's topics (e.g. a lab or an initiative) by name or alias: "DFS Security Lab",
// "FIGI", "the lab". A lone last word of an alias ("lab") counts when no other topic shares it.
import type { Topic } from '../event/schema.ts';
import { editDistance } from './distance.ts';
import { STOPWORDS } from './stopwords.ts';
import { wordsOf } from './vocabulary.ts';

export interface TopicMatch {
  topic: Topic;
  /** Whole name or alias (strong) or only its head word (weak). */
  strength: 'strong' | 'weak';
  tokens: number[];
}

const same = (t: string, w: string) => t === w || t === `${w}s` || (w.length >= 5 && editDistance(t, w, 1) <= 1);

export class TopicRecogniser {
  private readonly names: { topic: Topic; words: string[] }[] = [];
  private readonly heads = new Map<string, Topic[]>();

  constructor(topics: Topic[]) {
    for (const topic of topics) {
      for (const n of [topic.name, ...topic.aliases]) {
        const words = wordsOf(n);
        if (!words.length) continue;
        this.names.push({ topic, words });
        const head = words[words.length - 1];
        if (!STOPWORDS.has(head)) {
          const list = this.heads.get(head) ?? [];
          if (!list.includes(topic)) list.push(topic);
          this.heads.set(head, list);
        }
      }
    }
    this.names.sort((a, b) => b.words.length - a.words.length);
  }

  recognise(tokens: string[]): TopicMatch[] {
    const out: TopicMatch[] = [];
    for (const { topic, words } of this.names) {
      if (out.some((m) => m.topic === topic)) continue;
      for (let i = 0; i + words.length <= tokens.length; i++) {
        if (words.every((w, j) => same(tokens[i + j], w))) {
          out.push({ topic, strength: 'strong', tokens: words.map((_, j) => i + j) });
          break;
        }
      }
    }
    if (out.length) return out;
    tokens.forEach((t, i) => {
      const topics = this.heads.get(t);
      if (topics?.length === 1 && !out.some((m) => m.topic === topics[0])) out.push({ topic: topics[0], strength: 'weak', tokens: [i] });
    });
    return out;
  }
}
