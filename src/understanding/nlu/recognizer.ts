// The intent recogniser: a question's normalised words in, every intent ranked with a score out (compare
// botbuilder's RecognizerResult: intents with scores; the slots come from the entity recognisers beside it).
// The model is trained from nlu/<lang>/*.json filled with the event's data (trainingData.ts), once per distinct
// training set: the examples are hashed, and an identical set (the same event loaded twice, tests) reuses the
// model already trained in this process, else the one a ModelCache kept on disk from an earlier start.
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
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
  /** Where its model came from: trained now, already trained in this process, or loaded from the disk cache. */
  readonly origin?: 'trained' | 'memory' | 'disk';
  /** `text`: the question normalised (understanding/normalise.ts `text`); `tags`: the kinds of entity found in it (entityTags). */
  recognize(text: string, tags?: readonly string[]): RecognizerResult;
}

export class IntentRecognizer implements Recognizer {
  readonly modelId: string;
  /** Where the model came from: trained now, already trained in this process, or loaded from the disk cache. */
  readonly origin: 'trained' | 'memory' | 'disk';
  private readonly model: LinearClassifier;

  /** `examples`: what to train on; or a model already known by its id (loaded through a bundle key, see forEvent). */
  constructor(
    readonly lang: string,
    examples: readonly TrainingExample[] | { modelId: string; model: LinearClassifier },
    cache?: ModelCache,
  ) {
    if (!Array.isArray(examples)) {
      const known = examples as { modelId: string; model: LinearClassifier };
      this.modelId = known.modelId;
      this.origin = 'disk';
      this.model = trained.get(known.modelId) ?? known.model;
      trained.set(known.modelId, this.model);
      return;
    }
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
    const raw = trainingExamples(loadUtterances(options.dir ?? NLU_DIR, lang), event);
    // Run from the bundle, the code that prepares the examples is that one file: a model kept under (the filled
    // utterances, the event, the bundle's hash) was trained on exactly what preparing them again would give, so a
    // start with nothing changed skips the preparing too. (From source, the prepared examples are the key.)
    const cache = options.cache;
    const code = bundleHash();
    const bundleKey = cache && code ? `bundle-${lang}-${createHash('sha256').update(JSON.stringify({ v: MODEL_FORMAT, code, raw, event })).digest('hex').slice(0, 16)}` : undefined;
    const known = bundleKey ? cache!.loadAlias(bundleKey) : undefined;
    if (known) return new IntentRecognizer(lang, known);
    const recognizer = new IntentRecognizer(lang, raw.map((e) => ({ intent: e.intent, ...prepare(e.text) })), cache);
    if (bundleKey) cache!.saveAlias(bundleKey, recognizer.modelId);
    return recognizer;
  }

  recognize(text: string, tags: readonly string[] = []): RecognizerResult {
    return { intents: this.model.classify(text, tags), modelId: this.modelId };
  }
}

/** Models trained in this process, by id (the hash of what they were trained on). */
const trained = new Map<string, LinearClassifier>();

let bundle: string | undefined | null = null;
/** A hash of the running bundle (dist/main.js), or undefined when running from source. */
function bundleHash(): string | undefined {
  if (bundle === null) {
    const file = fileURLToPath(import.meta.url);
    bundle = file.endsWith('.js') && existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) : undefined;
  }
  return bundle;
}

/** nlu/ at the repository root (from src/understanding/nlu, or from dist/ in the bundle). */
export const NLU_DIR = [resolve(dirname(fileURLToPath(import.meta.url)), '../../../nlu'), resolve(dirname(fileURLToPath(import.meta.url)), '../nlu')].find((d) => existsSync(d)) ?? resolve('nlu');
