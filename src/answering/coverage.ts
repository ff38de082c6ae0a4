// "Is there anything about SIM swaps?", "does the clinic cover X?": the event's stated objectives may cover
// what no session title does. Only when the programme itself does not name the subject does this change the
// answer: to what the objectives say, or to a plain "nothing mentions it".
import type { Reply } from '../conversation/types.ts';
import type { EventData } from '../event/schema.ts';
import { stem } from '../understanding/catalogue.ts';
import type { Entities } from '../understanding/entities.ts';
import type { Decided } from '../understanding/decision.ts';
import { wordsOf } from '../understanding/vocabulary.ts';
import { say } from '../language/messages.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';

/** Answers about the clock, the calendar or practical matters, which a coverage check must leave alone. */
const NOT_ABOUT_CONTENT = new Set(['command', 'now', 'next', 'earlier', 'breaks', 'hours', 'at', 'detail', 'fact', 'timezone.set', 'timezone.info', 'timezone.convert', 'greeting', 'thanks', 'ack', 'help', 'bye']);

export class CoverageCheck {
  /** Every word (stemmed) the programme uses: sessions, talks, speakers, organisations, topics, reports. */
  private readonly programmeStems: Set<string>;

  constructor(
    private readonly event: EventData,
    private readonly language: Language = DEFAULT_LANGUAGE,
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
  reply(decision: Decided, e: Entities, composed: Reply): Reply {
    const intent = decision.intent;
    const asked = decision.slots.coverage;
    // (the event's objectives are content; its format, dates or contact are not)
    const practical = NOT_ABOUT_CONTENT.has(intent) && !(decision.intent === 'fact' && decision.fact === 'objectives');
    const found = intent !== 'fallback' && intent !== 'agenda' && intent !== 'fact';
    // ("is there an SS7 session?" is a coverage question only when nothing in the programme answered it)
    if (!(asked.asked || (asked.isThereSession && !found)) || e.day || e.time || practical) return composed;
    const { content, mention } = this.objectiveMentioning(asked.content);
    // (a session found, and every word of the subject but one in the programme — "android mobile money apps": the
    // session on Android — is the programme naming it, not an absence)
    const missing = content.filter((w) => !this.inProgramme(w));
    if (!asked.content.length || !missing.length || (found && content.length >= 3 && missing.length <= 1)) return composed;
    const s = (id: string, vars: Record<string, string> = {}) => say(this.language, id, { title: this.event.title, ...vars });
    const suggestions = [s('s.showAgenda'), s('s.objectives')];
    if (!mention) {
      // The subject as it was typed ("SS7", not "ss7"); a yes/no question gets its "No" first.
      return { text: s(asked.yesNo ? 'coverage.noneYesNo' : 'coverage.none', { subject: asked.typed.join(' ') }), suggestions };
    }
    if (intent === 'fallback' || intent === 'agenda' || !composed?.text) return { text: s('coverage.yes', { mention }), suggestions };
    return { ...composed, text: s('coverage.objectives', { mention, closest: composed.text }) };
  }

  /** Whether the programme uses a word (or its long form: "apps" → "application"). */
  private inProgramme(w: string): boolean {
    return this.programmeStems.has(w) || (SHORT_FORMS[w] !== undefined && this.programmeStems.has(stem(SHORT_FORMS[w])));
  }

  /** The objective sentence that names every content word of the question's subject ("sim", "swap"), if one does. */
  private objectiveMentioning(words: readonly string[]): { content: string[]; mention?: string } {
    if (!words.length) return { content: [] };
    const content = [...new Set(words.map(stem))];
    const sentences = this.event.objectives.flatMap((o) => o.split(/(?<=\.)\s+/));
    const named = (sentence: string, missing: number) => {
      const inSentence = wordsOf(sentence).map(stem);
      return content.filter((w) => !inSentence.some((x) => sameWord(w, x))).length <= missing;
    };
    // Every word of the subject, else (for three words or more: "SIM swap fraud") all but one.
    const mention = sentences.find((x) => named(x, 0)) ?? (content.length >= 3 ? sentences.find((x) => named(x, 1)) : undefined);
    return { content, mention };
  }
}

/** Short forms people type for the longer words announcements use. */
const SHORT_FORMS: Record<string, string> = { app: 'application', apps: 'application', info: 'information', reg: 'regulator', sec: 'security' };

/** The same word, loosely: equal, one a prefix of the other ("test" / "testing"), or a known short form ("apps"). */
function sameWord(a: string, b: string): boolean {
  if (a === b || SHORT_FORMS[a] === b || SHORT_FORMS[b] === a) return true;
  return Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
}
