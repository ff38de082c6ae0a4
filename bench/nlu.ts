// Intent classifiers compared on the project's question suites (npm run bench:nlu): each turn of each case is
// labelled with the intent the engine decided (the suites pass, so that is the intended reading), and each
// classifier, trained only on nlu/en/*.json filled with the event's data, is scored on those turns. The suites
// are never training data: they measure how the classifier generalises to questions it has not seen.
//   node --import tsx bench/nlu.ts [--nlpjs] [suite.json …]
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineFor } from '../test/eval/harness.ts';
import type { DialogueMemory } from '../src/conversation/types.ts';
import { loadUtterances, trainingExamples } from '../src/understanding/nlu/trainingData.ts';
import { NLU_DIR } from '../src/understanding/nlu/recognizer.ts';
import { LinearClassifier } from '../src/understanding/nlu/linearClassifier.ts';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const withNlpjs = args.includes('--nlpjs');
const files = args.filter((a) => a.endsWith('.json'));
const suites = files.length ? files : [
  ...Array.from({ length: 40 }, (_, i) => resolve(here, `../test/eval/questions.fresh${i}.json`)),
  resolve(here, '../test/eval/questions.json'), resolve(here, '../test/eval/questions.heldout-style.json'), resolve(here, '../test/eval/questions.sample2.json'),
].filter(existsSync);

interface Labelled { text: string; tags: string[]; intent: string; event: string }
const labelled: Labelled[] = [];
for (const file of suites) {
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: { turns: string[]; event?: string; tz?: string; now?: string }[] };
  for (const c of cases) {
    const event = c.event ?? 'dfs';
    const engine = engineFor(event);
    let memory: DialogueMemory = {};
    let zone = c.tz;
    for (const turn of c.turns) {
      const u = engine.understand({ text: turn, now: new Date(c.now ?? '2022-03-01T08:00:00Z'), memory, userTimeZone: zone });
      memory = u.memory;
      if (u.rememberTimeZone) zone = u.rememberTimeZone;
      // only single questions: a compound message's parts are labelled by their own turns
      if (u.understanding && !/\?.+\?/.test(turn)) labelled.push({ ...engine.classifierInput(turn, new Date(c.now ?? '2022-03-01T08:00:00Z')), intent: u.understanding.intent, event });
    }
  }
}

type Classify = (text: string, tags: string[]) => string | Promise<string>;
async function measure(name: string, build: (event: string) => Promise<Classify>) {
  const classifiers = new Map<string, Classify>();
  const started = performance.now();
  for (const event of new Set(labelled.map((l) => l.event))) classifiers.set(event, await build(event));
  const trainMs = performance.now() - started;
  let ok = 0;
  const confusions = new Map<string, number>();
  const examples = new Map<string, string>();
  const t0 = performance.now();
  for (const l of labelled) {
    const got = await classifiers.get(l.event)!(l.text, l.tags);
    if (got === l.intent) ok++;
    else {
      const k = `${l.intent} → ${got}`;
      confusions.set(k, (confusions.get(k) ?? 0) + 1);
      if (!examples.has(k)) examples.set(k, `${l.text} [${l.tags.join(',')}]`);
    }
  }
  const perQuestionUs = ((performance.now() - t0) * 1000) / labelled.length;
  console.log(`${name}: ${ok}/${labelled.length} = ${((100 * ok) / labelled.length).toFixed(1)}% top-1; training ${trainMs.toFixed(0)} ms for ${classifiers.size} event(s); ${perQuestionUs.toFixed(1)} µs per question`);
  if (process.env.VERBOSE) for (const [k, n] of [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${String(n).padStart(4)}  ${k}   e.g. ${examples.get(k)}`);
}

const examplesFor = (event: string) => {
  const engine = engineFor(event);
  const firstDay = engine.agenda.days[0]!.startsAt.toJSDate();
  return trainingExamples(loadUtterances(NLU_DIR, 'en'), engine.event).map((e) => ({ intent: e.intent, ...engine.classifierInput(e.text, firstDay) }));
};

await measure('linear (word + char n-grams, logistic regression)', async (event) => {
  const model = LinearClassifier.train(examplesFor(event));
  return (text, tags) => model.classify(text, tags)[0]!.intent;
});

if (withNlpjs) {
  const { containerBootstrap } = await import('@nlpjs/core');
  const { Nlp } = await import('@nlpjs/nlp');
  const { LangEn } = await import('@nlpjs/lang-en');
  // NLP.js has no notion of entity kinds: they are appended as marker words ("zzspeaker").
  const withTags = (text: string, tags: string[]) => [text, ...tags.map((t) => `zz${t.replace(/\W/g, '')}`)].join(' ');
  await measure('NLP.js 4.26 (@nlpjs/nlp + lang-en)', async (event) => {
    const container = await containerBootstrap();
    container.use(Nlp);
    container.use(LangEn);
    const nlp = container.get('nlp');
    nlp.settings.autoSave = false;
    nlp.settings.log = false;
    nlp.addLanguage('en');
    for (const e of examplesFor(event)) nlp.addDocument('en', withTags(e.text, e.tags), e.intent);
    await nlp.train();
    return async (text, tags) => ((await nlp.process('en', withTags(text, tags))) as { intent: string }).intent;
  });
}

if (process.env.LABELS) {
  const counts = new Map<string, number>();
  for (const l of labelled) counts.set(l.intent, (counts.get(l.intent) ?? 0) + 1);
  console.log([...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', '));
}
