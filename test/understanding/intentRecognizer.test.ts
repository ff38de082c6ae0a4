// The intent classifier: trained from nlu/en/ filled with the loaded event's data, deterministic, and each
// event's model knows that event's own speakers.
import { expect } from 'chai';
import { IntentRecognizer, NLU_DIR } from '../../src/understanding/nlu/recognizer.ts';
import { LinearClassifier } from '../../src/understanding/nlu/linearClassifier.ts';
import { loadUtterances, trainingExamples } from '../../src/understanding/nlu/trainingData.ts';
import { BEFORE, dfs, getEngines, sample } from './fixtures.ts';

const surname = (name: string) => name.split(/\s+/).pop()!;

describe('intent recogniser', () => {
  it('fills the placeholders from the loaded event: its own speakers, not another event’s', () => {
    const texts = trainingExamples(loadUtterances(NLU_DIR, 'en'), sample).map((e) => e.text).join('\n');
    for (const s of sample.speakers) expect(texts).to.contain(s.name);
    for (const s of dfs.speakers) expect(texts).not.to.contain(s.name);
    expect(texts).not.to.match(/\{\w+\}/);
  });

  it('leaves out an utterance whose placeholder the event has no value for', () => {
    const set = { lang: 'en', slots: {}, intents: { reports: ['link to {report}', 'which reports are there'] } };
    expect(trainingExamples(set, { ...sample, reports: [] }).map((e) => e.text)).to.deep.equal(['which reports are there']);
    expect(trainingExamples(set, sample).length).to.be.greaterThan(1);
  });

  it('trains the same model from the same data (same scores), and names it by a hash of that data', () => {
    const examples = trainingExamples(loadUtterances(NLU_DIR, 'en'), dfs).slice(0, 300);
    const [a, b] = [LinearClassifier.train(examples), LinearClassifier.train(examples.map((e) => ({ ...e })))];
    expect(a.classify('who is speaking on day 2')).to.deep.equal(b.classify('who is speaking on day 2'));
    const id = new IntentRecognizer('en', examples).modelId;
    expect(new IntentRecognizer('en', examples.map((e) => ({ ...e }))).modelId).to.equal(id);
    expect(new IntentRecognizer('en', examples.slice(1)).modelId).not.to.equal(id);
  });

  it('ranks every intent with scores that sum to 1', () => {
    const { intents } = getEngines().dfs.recognizer.recognize('when is the opening');
    expect(intents.length).to.be.greaterThan(40);
    expect(intents.reduce((s, x) => s + x.score, 0)).to.be.closeTo(1, 1e-6);
    for (let i = 1; i < intents.length; i++) expect(intents[i]!.score).to.be.at.most(intents[i - 1]!.score);
  });

  for (const [name, event] of [['the clinic', 'dfs'], ['the sample event', 'sample']] as const) {
    it(`reads a question about a speaker of ${name} as one about that speaker, with that event's model`, () => {
      const engine = getEngines()[event];
      for (const s of engine.event.speakers) {
        const input = engine.classifierInput(`${surname(s.name)} presenting at what time`, BEFORE);
        expect(input.tags, s.name).to.include('speaker');
        expect(engine.recognizer.recognize(input.text, input.tags).intents[0]!.intent, s.name).to.equal('speaker.when');
      }
    });
  }

  it('gives each event its own model', () => {
    const { dfs: a, sample: b } = getEngines();
    expect(a.recognizer.modelId).to.match(/^linear-en-/);
    expect(a.recognizer.modelId).not.to.equal(b.recognizer.modelId);
  });
});
