// The intent recogniser: a question's normalised words in, every intent ranked with a score out (compare
// botbuilder's RecognizerResult: intents with scores; the slots come from the entity recognisers beside it).
// The model is trained from nlu/<lang>/*.json filled with the event's data (trainingData.ts), once per distinct
// training set: the examples are hashed, and an identical set (the same event loaded twice, tests) reuses the
// model already trained.
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { EventData } from '../../event/schema.ts';
import { DEFAULT_TRAINING, LinearClassifier, type ScoredIntent, type TrainingExample } from './linearClassifier.ts';
import { loadUtterances, trainingExamples } from './trainingData.ts';

export type { ScoredIntent } from './linearClassifier.ts';

export interface RecognizerResult {
  /** Every intent the model knows, best first; scores sum to 1. */
  intents: ScoredIntent[];
  /** Which model scored it ("linear-<hash of its training data>"): logged with the decision, never the text. */
  modelId: string;
}

export interface Recognizer {
  readonly lang: string;
  readonly modelId: string;
  /** `text`: the question normalised (understanding/normalise.ts `text`); `tags`: the kinds of entity found in it (entityTags). */
  recognize(text: string, tags?: readonly string[]): RecognizerResult;
}

export class IntentRecognizer implements Recognizer {
  readonly modelId: string;
  private readonly model: LinearClassifier;

  constructor(
    readonly lang: string,
    examples: readonly TrainingExample[],
  ) {
    const hash = createHash('sha256').update(JSON.stringify({ v: 1, options: DEFAULT_TRAINING, examples })).digest('hex').slice(0, 12);
    this.modelId = `linear-${lang}-${hash}`;
    let model = trained.get(this.modelId);
    if (!model) trained.set(this.modelId, (model = LinearClassifier.train(examples)));
    this.model = model;
  }

  /**
   * The recogniser for an event: the language's utterances filled with the event's data, each read the way a
   * question will be (`prepare`: normalised, and its entities recognised by the event's own recognisers).
   */
  static forEvent(event: EventData, lang: string, prepare: (text: string) => { text: string; tags: string[] }, dir = NLU_DIR): IntentRecognizer {
    const examples = trainingExamples(loadUtterances(dir, lang), event).map((e) => ({ intent: e.intent, ...prepare(e.text) }));
    return new IntentRecognizer(lang, examples);
  }

  recognize(text: string, tags: readonly string[] = []): RecognizerResult {
    return { intents: this.model.classify(text, tags), modelId: this.modelId };
  }
}

/** Models trained in this process, by id (the hash of what they were trained on). */
const trained = new Map<string, LinearClassifier>();

/** nlu/ at the repository root (from src/understanding/nlu, or from dist/ in the bundle). */
export const NLU_DIR = [resolve(dirname(fileURLToPath(import.meta.url)), '../../../nlu'), resolve(dirname(fileURLToPath(import.meta.url)), '../nlu')].find((d) => existsSync(d)) ?? resolve('nlu');
