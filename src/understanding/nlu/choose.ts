// Which reading of a question is answered: the rules' decision, the classifier's, or neither — a
// "Did you mean … or …?". The rules are precise where they match a question's words firmly; the classifier
// generalises where they only match loosely or not at all. Harmful requests are refused when the classifier
// is sure of it, whatever loose match the rules made (the clinic's own topics are attacks, so its words alone
// cannot tell a question about a session from a request for an attack).
import type { Decision, Resolved } from '../decision.ts';
import type { RuleDecision } from '../intents.ts';
import type { UnderstandingTrace } from '../../conversation/types.ts';
import type { RecognizerResult } from './recognizer.ts';
import { decisionFor } from './decisionFromIntent.ts';
import { intentIdOf } from './labels.ts';

/** Rules that match on loose evidence (a word of a description, any organisation, a bare "speakers"): the classifier may overrule them. */
const LOOSE_RULES = new Set(['none', 'weakSessionWhen', 'weakFact', 'anyOrganisation', 'speakerListLoose', 'weakSession', 'zoneAgain', 'greet']);

/** A classifier reading taken over a loose rule: its score, and its lead over the next reading. */
export const CONFIDENT = 0.55;
export const CONFIDENT_MARGIN = 0.25;
/** How sure the classifier must be to say which aspect of a speaker named is asked, where the rule fell to its default. */
export const ASPECT = 0.4;
/** Aspects of a speaker answered from the speaker alone (no session, day or rank to carry over). */
const SPEAKER_ONLY = new Set(['speaker.others', 'speaker.title', 'speaker.organisation', 'speaker.contact']);
/** A harmful request refused whatever the rules matched. */
export const HARMFUL = 0.65;
/** How sure the classifier must be to overrule a loose rule: its score, and its lead over the next reading. */
export interface Confidence {
  score: number;
  margin: number;
}

/** Below CONFIDENT, two readings each at least this likely are offered as "Did you mean … or …?". */
export const PLAUSIBLE = 0.1;

export interface Chosen {
  decision: Decision;
  trace: UnderstandingTrace;
}

/** `say`: a decision as the question it answers, in the attendee's language (readings.ts). */
/**
 * `overrule`: how sure the classifier must be to overrule even a firm rule with another kind of answer. Given where
 * the rules are read in a form translated from another language (French read as English: a firm match there may
 * rest on one translated word), and the classifier is trained on that language's own utterances.
 */
export function choose(ruled: RuleDecision, recognized: RecognizerResult, r: Resolved, tokens: readonly string[], say: (d: Decision) => string | undefined, confident: Confidence = { score: CONFIDENT, margin: CONFIDENT_MARGIN }, overrule?: Confidence): Chosen {
  const [top, second] = recognized.intents;
  const scoreOf = (intent: string) => recognized.intents.find((x) => x.intent === intent)?.score ?? 0;
  const byModel = (decision: Decision, lowConfidence = false): Chosen => ({ decision, trace: { intent: intentIdOf(decision), score: top!.score, lowConfidence, source: recognized.modelId } });
  const byRule: Chosen = { decision: ruled.decision, trace: { intent: intentIdOf(ruled.decision), score: scoreOf(intentIdOf(ruled.decision)), lowConfidence: false, source: `rule:${ruled.rule}` } };
  if (!top || !second) return byRule;

  // (a request the rules read as a task to produce, "write a script that …", is refused as harmful too)
  const harmfulByRule = ruled.decision.intent === 'refuse' && ruled.decision.harmful;
  if (top.intent === 'refuse.harmful' && top.score >= HARMFUL && !harmfulByRule && !isCancel(ruled.decision)) return byModel({ intent: 'refuse', harmful: true, sessions: [] });
  // A speaker named firmly, but nothing in the words the rule knows says what of them is asked (its default, the
  // profile): which aspect is the classifier's to say ("who shares the stage with X?" asks for the co-presenters).
  // Where the rule read an aspect from a loose word ("presenting" → their talks, "the panel" → a session), a
  // classifier sure of another — one that needs nothing more than the speaker — is taken over it.
  const ruledSpeaker = ruled.rule === 'speaker' && ruled.decision.intent === 'speaker' ? ruled.decision : undefined;
  const ruledAspect = ruledSpeaker?.aspect;
  const sure = ruledAspect === 'profile' ? top.score >= ASPECT : top.score >= CONFIDENT && top.score - second.score >= CONFIDENT_MARGIN && SPEAKER_ONLY.has(top.intent);
  if (ruledAspect && ['profile', 'talks', 'when', 'member'].includes(ruledAspect) && top.intent.startsWith('speaker.') && top.intent !== `speaker.${ruledAspect}` && top.intent !== 'speaker.profile' && sure) {
    const decision = decisionFor(top.intent, r, tokens);
    if (decision?.intent === 'speaker') return byModel({ ...decision, speakers: ruledSpeaker!.speakers });
  }
  if (overrule && top.score >= overrule.score && top.score - second.score >= overrule.margin && kindOf(top.intent) !== ruled.decision.intent && ruled.decision.intent !== 'command') {
    const decision = decisionFor(top.intent, r, tokens);
    if (decision && decision.intent !== ruled.decision.intent) return byModel(decision);
  }
  if (!LOOSE_RULES.has(ruled.rule)) return byRule;

  if (top.score >= confident.score && top.score - second.score >= confident.margin) {
    const decision = decisionFor(top.intent, r, tokens);
    if (decision) return byModel(decision);
  }
  // Nothing matched firmly: if two readings are plausible, ask which one was meant (not when the likeliest
  // reading is that it is not about the event at all).
  if (ruled.rule === 'none' || ruled.decision.intent === 'fallback') {
    const readings = top.intent === 'offtopic' || top.intent.startsWith('refuse.') ? [] : recognized.intents
      .filter((x) => x.score >= PLAUSIBLE)
      .slice(0, 3)
      .map((x) => decisionFor(x.intent, r, tokens))
      .filter((d): d is Decision => !!d && d.intent !== 'fallback' && d.intent !== 'refuse' && !isCancel(d))
      .map(say)
      .filter((q, i, all): q is string => !!q && all.indexOf(q) === i);
    if (readings.length >= 2) return { decision: { intent: 'clarify', readings: readings.slice(0, 2) }, trace: { intent: 'clarify', score: top.score, lowConfidence: true, source: recognized.modelId } };
    if (top.score < confident.score) return { ...byRule, trace: { ...byRule.trace, score: top.score, lowConfidence: true } };
  }
  return byRule;
}

/** "fact.dates" → "fact"; "speakers.organisation" stays whole (a decision's own intent). */
function kindOf(intent: string): string {
  return intent.startsWith('speakers.') || intent.startsWith('sessions.') || intent.startsWith('timezone.') || intent.startsWith('count.') ? intent.replace(/^count\..*/, 'count') : intent.split('.')[0]!;
}

function isCancel(d: Decision): boolean {
  return d.intent === 'command' && d.command === 'cancel';
}
