// "Is there anything about SIM swaps?", "does the clinic cover X?": the event's stated objectives may cover
// what no session title does. Only when the programme itself does not name the subject does this change the
// answer: to what the objectives say, or to a plain "nothing mentions it".
import type { Reply } from '../conversation/types.ts';
import type { EventData } from '../event/schema.ts';
import { stem } from '../understanding/catalogue.ts';
import type { Entities } from '../understanding/entities.ts';
import type { Decision } from '../understanding/intents.ts';
import type { Normalised } from '../understanding/normalise.ts';
import { STOPWORDS } from '../understanding/stopwords.ts';
import { wordsOf } from '../understanding/vocabulary.ts';

/** "is there anything about X?", "does the clinic cover X?", "is X discussed?". */
const COVERAGE = /\b(is there )?anything (about|on|regarding|related to)\b|\b(does|will|do) (it|the (clinic|event|programme|program|agenda|webinar|workshop|forum|conference)|they|you|any (session|talk)s?) (cover|address|discuss|talk about|deal with|include|touch on|mention)\b|\b(is|are|will) [a-z0-9 ]{1,30} (be )?(covered|discussed|addressed|included|mentioned)\b|\bany (sessions?|talks?) (about|on)\b/;
/** "is there an SS7 session?", "is there a talk on X?": a coverage question only when nothing in the programme answered it. */
const IS_THERE_SESSION = /\b(is|are) there (a|an|any) ([a-z0-9]+ ){0,3}(sessions?|talks?|presentations?|panels?|workshops?|modules?)\b/;
/** Answers about the clock, the calendar or practical matters, which a coverage check must leave alone. */
const NOT_ABOUT_CONTENT = new Set(['command', 'now', 'next', 'earlier', 'breaks', 'hours', 'at', 'detail', 'fact', 'timezone.set', 'timezone.info', 'timezone.convert', 'greeting', 'thanks', 'ack', 'help', 'bye']);
/** Words of such a question that are not its subject. */
const COVERAGE_WORDS = new Set(['anywhere', 'somewhere', 'all', 'presentation', 'presentations', 'panel', 'panels', 'workshop', 'workshops', 'module', 'modules', 'anything', 'about', 'regarding', 'related', 'cover', 'covered', 'covers', 'address', 'addressed', 'discuss', 'discussed', 'talk', 'talks', 'deal', 'include', 'included', 'touch', 'mention', 'mentioned', 'session', 'sessions', 'clinic', 'event', 'programme', 'program', 'agenda', 'will', 'there', 'any']);

export class CoverageCheck {
  /** Every word (stemmed) the programme uses: sessions, talks, speakers, organisations, topics, reports. */
  private readonly programmeStems: Set<string>;

  constructor(
    private readonly event: EventData,
    /** The event's distinctive title words: naming the event is not naming a subject. */
    private readonly titleWords: Set<string>,
  ) {
    const programmeText = [
      ...event.programme.flatMap((p) => [p.title, p.description ?? '', ...p.keywords, ...p.speakers.map((x) => x.talkTitle ?? '')]),
      ...event.speakers.flatMap((sp) => [sp.name, sp.title ?? '', sp.organisation]),
      ...event.topics.flatMap((t) => [t.name, ...t.aliases, t.summary, ...t.objectives]),
      ...event.reports.map((r) => r.title),
    ];
    this.programmeStems = new Set(programmeText.flatMap(wordsOf).map(stem));
  }

  /** The reply to give: the composed one, unless the question asks about a subject only the objectives can settle. */
  reply(n: Normalised, e: Entities, decision: Decision, composed: Reply): Reply {
    const intent = decision.intent;
    // (the event's objectives are content; its format, dates or contact are not)
    const practical = NOT_ABOUT_CONTENT.has(intent) && !(decision.intent === 'fact' && decision.fact === 'objectives');
    const found = intent !== 'fallback' && intent !== 'agenda' && intent !== 'fact';
    if (!(COVERAGE.test(n.text) || (IS_THERE_SESSION.test(n.text) && !found)) || e.day || e.time || practical) return composed;
    const { subject, content, mention } = this.objectiveMentioning(n);
    if (!subject || content.every((w) => this.programmeStems.has(w))) return composed;
    const suggestions = ['Show the agenda', 'What are the objectives?'];
    if (!mention) {
      // The subject as it was typed ("SS7", not "ss7"); a yes/no question gets its "No" first.
      const typed = n.raw.split(/[^\p{L}\p{N}-]+/u);
      const asTyped = subject.split(' ').map((w) => typed.find((x) => x.toLowerCase() === w) ?? w).join(' ');
      const no = /^(is|are|does|do|will|can|could|has|have)\b/.test(n.text) ? 'No — nothing' : 'Nothing';
      return { text: `${no} in the ${this.event.title} programme or its objectives mentions ${asTyped}.`, suggestions };
    }
    if (intent === 'fallback' || intent === 'agenda' || !composed?.text) return { text: `Yes — ${this.event.title}'s objectives mention it: “${mention}”`, suggestions };
    return { ...composed, text: `${this.event.title}'s objectives mention it: “${mention}”\nThe closest session: ${composed.text}` };
  }

  /** The objective sentence that names every content word of the question ("sim", "swap"), if one does. */
  private objectiveMentioning(n: Normalised): { subject?: string; content: string[]; mention?: string } {
    const words = n.tokens.filter((w) => w.length > 2 && !STOPWORDS.has(w) && !this.titleWords.has(w) && !COVERAGE_WORDS.has(w));
    if (!words.length) return { content: [] };
    const content = [...new Set(words.map(stem))];
    const sentences = this.event.objectives.flatMap((o) => o.split(/(?<=\.)\s+/));
    const named = (sentence: string, missing: number) => {
      const inSentence = wordsOf(sentence).map(stem);
      return content.filter((w) => !inSentence.some((x) => sameWord(w, x))).length <= missing;
    };
    // Every word of the subject, else (for three words or more: "SIM swap fraud") all but one.
    const mention = sentences.find((x) => named(x, 0)) ?? (content.length >= 3 ? sentences.find((x) => named(x, 1)) : undefined);
    return { subject: words.join(' '), content, mention };
  }
}

/** Short forms people type for the longer words announcements use. */
const SHORT_FORMS: Record<string, string> = { app: 'application', apps: 'application', info: 'information', reg: 'regulator', sec: 'security' };

/** The same word, loosely: equal, one a prefix of the other ("test" / "testing"), or a known short form ("apps"). */
function sameWord(a: string, b: string): boolean {
  if (a === b || SHORT_FORMS[a] === b || SHORT_FORMS[b] === a) return true;
  return Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
}
