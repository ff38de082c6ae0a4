// The intent recogniser: a question's normalised words in, every intent ranked with a score out (compare
// botbuilder's RecognizerResult: intents with scores; the slots come from the entity recognisers beside it).
// The model is trained from nlu/<lang>/*.json filled with the event's data (trainingData.ts), once per distinct
// training set: the examples are hashed, and an identical set (the same event loaded twice, tests) reuses the
// model already trained in this process, else the one a ModelCache kept on disk from an earlier start.
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { EventData } from '../../event/schema.ts';
import { DEFAULT_TRAINING, LinearClassifier, MODEL_FORMAT, type ScoredIntent, type TrainingExample } from './linearClassifier.ts';
import { loadUtterances, trainingExamples } from './trainingData.ts';
import type { ModelCache } from './modelCache.ts';

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
  /** Where the model came from: trained now, already trained in this process, or loaded from the disk cache. */
  readonly origin: 'trained' | 'memory' | 'disk';
  private readonly model: LinearClassifier;

  constructor(
    readonly lang: string,
    examples: readonly TrainingExample[],
    cache?: ModelCache,
  ) {
    this.modelId = IntentRecognizer.idOf(lang, examples);
    let model = trained.get(this.modelId);
    this.origin = 'memory';
    if (!model) {
      model = cache?.load(this.modelId);
      this.origin = 'disk';
      if (!model) {
        model = LinearClassifier.train(examples);
        this.origin = 'trained';
        cache?.save(this.modelId, model);
      }
      trained.set(this.modelId, model);
    }
    this.model = model;
  }

  /** The id of the model these examples train: a hash of them, the training options and the model format. */
  static idOf(lang: string, examples: readonly TrainingExample[]): string {
    return `linear-${lang}-${createHash('sha256').update(JSON.stringify({ v: MODEL_FORMAT, options: DEFAULT_TRAINING, examples })).digest('hex').slice(0, 12)}`;
  }

  /**
   * The recogniser for an event: the language's utterances filled with the event's data, each read the way a
   * question will be (`prepare`: normalised, and its entities recognised by the event's own recognisers).
   */
  static forEvent(event: EventData, lang: string, prepare: (text: string) => { text: string; tags: string[] }, options: { dir?: string; cache?: ModelCache } = {}): IntentRecognizer {
    const examples = trainingExamples(loadUtterances(options.dir ?? NLU_DIR, lang), event).map((e) => ({ intent: e.intent, ...prepare(e.text) }));
    return new IntentRecognizer(lang, examples, options.cache);
  }

  recognize(text: string, tags: readonly string[] = []): RecognizerResult {
    return { intents: this.model.classify(text, tags), modelId: this.modelId };
  }
}

/** Models trained in this process, by id (the hash of what they were trained on). */
const trained = new Map<string, LinearClassifier>();

/** nlu/ at the repository root (from src/understanding/nlu, or from dist/ in the bundle). */
export const NLU_DIR = [resolve(dirname(fileURLToPath(import.meta.url)), '../../../nlu'), resolve(dirname(fileURLToPath(import.meta.url)), '../nlu')].find((d) => existsSync(d)) ?? resolve('nlu');
