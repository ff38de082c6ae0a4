// Which reading is answered: a firm rule's, a confident classifier's over a loose rule, a refusal when the
// classifier is sure a request is harmful, or "Did you mean … or …?" when nothing matched and two readings are close.
import { expect } from 'chai';
import { ASPECT, choose, CONFIDENT, HARMFUL } from '../../src/understanding/nlu/choose.ts';
import type { Decision, Resolved } from '../../src/understanding/decision.ts';
import type { RuleDecision } from '../../src/understanding/intents.ts';

const resolved: Resolved = {
  entities: { speakers: [], organisations: [], topics: [], sessions: [], reports: [], ownTime: false },
  sessions: [],
  weakSessions: [],
  speakers: [],
  sessionsNamed: false,
  speakerFromPronoun: false,
  speakerSessions: [],
  aboutEvent: false,
};
const model = (...intents: [string, number][]) => ({ modelId: 'linear-en-test', intents: intents.map(([intent, score]) => ({ intent, score })) });
const rule = (decision: Decision, id: string): RuleDecision => ({ decision, rule: id });
const say = (d: Decision) => ({ agenda: 'Show me the agenda', 'speakers.all': 'Who are the speakers?' })[d.intent as string];
const pick = (r: RuleDecision, m: ReturnType<typeof model>) => choose(r, m, resolved, [], say);

describe('choosing a reading', () => {
  it('keeps a firm rule’s decision, with the rule as its source and the model’s score for it', () => {
    const { decision, trace } = pick(rule({ intent: 'agenda' }, 'agenda'), model(['speakers.all', 0.7], ['agenda', 0.2], ['help', 0.1]));
    expect(decision).to.deep.equal({ intent: 'agenda' });
    expect(trace).to.deep.equal({ intent: 'agenda', score: 0.2, lowConfidence: false, source: 'rule:agenda' });
  });

  it('takes a confident model reading over a loose rule', () => {
    const { decision, trace } = pick(rule({ intent: 'fact', fact: 'dates' }, 'weakFact'), model(['speakers.all', CONFIDENT + 0.3], ['agenda', 0.05], ['help', 0.05]));
    expect(decision).to.deep.equal({ intent: 'speakers.all' });
    expect(trace.source).to.equal('linear-en-test');
  });

  it('keeps the loose rule when the model is not confident', () => {
    const { decision } = pick(rule({ intent: 'fact', fact: 'dates' }, 'weakFact'), model(['speakers.all', 0.4], ['agenda', 0.3], ['help', 0.3]));
    expect(decision).to.deep.equal({ intent: 'fact', fact: 'dates' });
  });

  it('refuses a request the model is sure is harmful, whatever firm rule matched, but never overrides "cancel"', () => {
    const harmful = model(['refuse.harmful', HARMFUL + 0.05], ['topic', 0.05], ['help', 0.05]);
    expect(pick(rule({ intent: 'agenda' }, 'agenda'), harmful).decision).to.deep.equal({ intent: 'refuse', harmful: true, sessions: [] });
    expect(pick(rule({ intent: 'refuse', harmful: false, sessions: [] }, 'refuse'), harmful).decision).to.deep.equal({ intent: 'refuse', harmful: true, sessions: [] });
    expect(pick(rule({ intent: 'command', command: 'cancel' }, 'command'), harmful).decision).to.deep.equal({ intent: 'command', command: 'cancel' });
  });

  it('lets the model say which aspect of a speaker named is asked where the rule fell to its default, or read it from a loose word', () => {
    const sp = { id: 'x', name: 'X', organisation: 'O' } as never;
    const withSpeaker = { ...resolved, speakers: [sp] };
    const profile = rule({ intent: 'speaker', speakers: [sp], aspect: 'profile' }, 'speaker');
    const others = (score: number) => model(['speaker.others', score], ['speaker.profile', 0.1], ['help', 0.05]);
    expect(choose(profile, others(ASPECT + 0.05), withSpeaker, [], say).decision).to.deep.equal({ intent: 'speaker', speakers: [sp], aspect: 'others' });
    expect(choose(profile, others(ASPECT - 0.05), withSpeaker, [], say).decision).to.deep.equal(profile.decision);
    // from a loose word ("presenting" → talks), only when the model is confident, and only to an aspect needing no more than the speaker
    const talks = rule({ intent: 'speaker', speakers: [sp], aspect: 'talks' }, 'speaker');
    expect(choose(talks, others(CONFIDENT + 0.1), withSpeaker, [], say).decision).to.deep.include({ aspect: 'others' });
    expect(choose(talks, others(ASPECT + 0.05), withSpeaker, [], say).decision).to.deep.equal(talks.decision);
    expect(choose(talks, model(['speaker.when', CONFIDENT + 0.2], ['help', 0.05]), withSpeaker, [], say).decision).to.deep.equal(talks.decision);
  });

  it('asks "did you mean … or …?" when nothing matched and two readings are plausible', () => {
    const { decision, trace } = pick(rule({ intent: 'fallback' }, 'none'), model(['agenda', 0.35], ['speakers.all', 0.3], ['help', 0.1]));
    expect(decision).to.deep.equal({ intent: 'clarify', readings: ['Show me the agenda', 'Who are the speakers?'] });
    expect(trace).to.include({ intent: 'clarify', lowConfidence: true });
  });

  it('falls back, marked low-confidence, when the likeliest reading is that it is not about the event', () => {
    const { decision, trace } = pick(rule({ intent: 'fallback' }, 'none'), model(['offtopic', 0.4], ['agenda', 0.3], ['speakers.all', 0.2]));
    expect(decision).to.deep.equal({ intent: 'fallback' });
    expect(trace.lowConfidence).to.equal(true);
  });
});
