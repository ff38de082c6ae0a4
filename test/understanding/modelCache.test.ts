// The trained intent model kept on disk between starts: stored exactly (the same scores after loading), found by
// the hash of what it was trained on, and retrained when the file is missing or damaged.
import { expect } from 'chai';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntentRecognizer, NLU_DIR } from '../../src/understanding/nlu/recognizer.ts';
import { LinearClassifier } from '../../src/understanding/nlu/linearClassifier.ts';
import { ModelCache } from '../../src/understanding/nlu/modelCache.ts';
import { loadUtterances, trainingExamples } from '../../src/understanding/nlu/trainingData.ts';
import { dfs } from './fixtures.ts';

describe('intent model cache', () => {
  const examples = trainingExamples(loadUtterances(NLU_DIR, 'en'), dfs).slice(0, 200);
  const questions = ['who is speaking on day 2', 'when is the break', 'register me', 'qwerty'];

  it('gives back the very model it stored: the same scores for every question', () => {
    const cache = new ModelCache(mkdtempSync(join(tmpdir(), 'models-')));
    const model = LinearClassifier.train(examples);
    expect(cache.save('m1', model)).to.equal(true);
    const loaded = cache.load('m1')!;
    for (const q of questions) expect(loaded.classify(q, ['day'])).to.deep.equal(model.classify(q, ['day']));
    expect(cache.load('m2')).to.equal(undefined);
  });

  it('trains once and stores the model under its id; a recogniser for the same data loads it from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    // (examples of their own, so no model trained earlier in this process is reused)
    const own = examples.map((e) => ({ ...e, intent: `${e.intent}.cached` }));
    const first = new IntentRecognizer('en', own, new ModelCache(dir));
    expect(first.origin).to.equal('trained');
    expect(readdirSync(dir)).to.deep.equal([`${first.modelId}.model`]);
    // a model stored under the id of other data is what a recogniser for that data uses
    const other = own.slice(1);
    const stand = LinearClassifier.train(examples.slice(0, 50));
    new ModelCache(dir).save(IntentRecognizer.idOf('en', other), stand);
    const second = new IntentRecognizer('en', other, new ModelCache(dir));
    expect(second.origin).to.equal('disk');
    expect(second.recognize('when is the break').intents).to.deep.equal(stand.classify('when is the break'));
  });

  it('retrains when the stored file is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    const own = examples.map((e) => ({ ...e, intent: `${e.intent}.damaged` }));
    writeFileSync(join(dir, `${IntentRecognizer.idOf('en', own)}.model`), 'not a model');
    const r = new IntentRecognizer('en', own, new ModelCache(dir));
    expect(r.origin).to.equal('trained');
    expect(r.recognize('register me').intents[0]!.intent).to.match(/\.damaged$/);
    expect(new ModelCache(dir).load(r.modelId)).to.be.instanceOf(LinearClassifier);
  });
});
