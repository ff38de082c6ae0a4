// "who gives the introduction to the lab?": a talk named by the words of its own title, and so its speakers.
// Only words that tell one talk from the rest count: not the event's title or its organisers' names.
import type { Agenda } from '../event/agenda.ts';
import type { EventData, Speaker } from '../event/schema.ts';
import { stem } from './catalogue.ts';
import type { Normalised } from './normalise.ts';
import { STOPWORDS } from './stopwords.ts';
import { wordsOf } from './vocabulary.ts';

export class TalkRecogniser {
  /** Each talk's distinctive title words (stemmed; not the event's title or organisers' words) and its speakers. */
  private readonly talks: { words: string[]; speakerIds: string[]; sessionId: string; sessionWords: Set<string> }[] = [];

  constructor(
    event: EventData,
    private readonly agenda: Agenda,
    /** The event's distinctive title words ("clinic", "dfs"). */
    titleWords: Set<string>,
    /**
     * The question is in another language than the titles (French): a word of it also names a title's word when
     * they are cognates ("signalisation" → "Signalling", "régulateurs" → "regulators", "vulnérabilités").
     */
    private readonly cognates = false,
  ) {
    const common = new Set([...titleWords, ...event.organisers.flatMap((o) => wordsOf(`${o.name} ${o.shortName ?? ''}`))].map(stem));
    for (const s of agenda.sessions) {
      const byTitle = new Map<string, string[]>();
      for (const x of s.speakers) if (x.talkTitle) byTitle.set(x.talkTitle, [...(byTitle.get(x.talkTitle) ?? []), x.speakerId]);
      for (const [title, speakerIds] of byTitle) {
        const words = [...new Set(wordsOf(title).filter((w) => w.length > 2 && !STOPWORDS.has(w)).map(stem))].filter((w) => !common.has(w));
        if (words.length) this.talks.push({ words, speakerIds, sessionId: s.id, sessionWords: new Set([...wordsOf(s.title), ...s.keywords.flatMap(wordsOf)].map(stem)) });
      }
    }
  }

  /** The speakers of the one talk whose distinctive title words the question mostly names (at least half of them). */
  speakersOfTalkNamed(n: Normalised): Speaker[] | undefined {
    const asked = this.asked(n);
    let best: { score: number; speakerIds: string[] } | undefined;
    let tie = false;
    for (const talk of this.talks) {
      const hits = talk.words.filter(asked);
      const score = hits.length / talk.words.length;
      // Words the session's own title or keywords share name the session, not one of its talks.
      if (!hits.length || score < 0.5 || hits.every((w) => talk.sessionWords.has(w))) continue;
      if (!best || score > best.score) {
        best = { score, speakerIds: talk.speakerIds };
        tie = false;
      } else if (score === best.score && talk.speakerIds.join() !== best.speakerIds.join()) tie = true;
    }
    if (!best || tie) return undefined;
    return best.speakerIds.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x);
  }

  /**
   * Within one session, the speakers of the one talk every distinctive word of whose title the question names
   * ("who presents the Android, USSD and STK tests?" names Kibuuka's talk, though its words name the session too).
   */
  speakersOfTalkIn(n: Normalised, sessionId: string): Speaker[] | undefined {
    const asked = this.asked(n);
    const named = this.talks.filter((t) => t.sessionId === sessionId && t.words.every(asked));
    if (named.length !== 1) return undefined;
    return named[0]!.speakerIds.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x);
  }

  /** Whether the question names a title's word: the same stem, or (another language) a cognate of it. */
  private asked(n: Normalised): (word: string) => boolean {
    const stems = new Set(n.tokens.map(stem));
    if (!this.cognates) return (w) => stems.has(w);
    const long = [...stems].filter((t) => t.length >= 5);
    return (w) => stems.has(w) || (w.length >= 5 && long.some((t) => cognate(t, w)));
  }
}

/**
 * Two words of two languages sharing most of the English one's start: "signalisation" / "signalling" ("signal", 6 of
 * 10 letters), "regulateurs" / "regulator", "vulnerabilites" / "vulnerability"; at least five letters, and at least
 * three fifths of the English word.
 */
function cognate(typed: string, word: string): boolean {
  let i = 0;
  while (i < typed.length && i < word.length && typed[i] === word[i]) i++;
  return i >= 5 && i >= word.length * 0.6;
}
