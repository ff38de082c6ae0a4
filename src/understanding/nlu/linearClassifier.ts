// A multinomial logistic regression over sparse binary features (features.ts), trained by stochastic
// gradient descent with a fixed seed: the same examples always give the same weights. Small and fast
// enough to train at start-up (a few thousand examples, well under a second) and to score a question in
// microseconds; its softmax gives scores that can be compared against a threshold.
import { featuresOf } from './features.ts';
import { mulberry32 } from './seededRandom.ts';

export interface TrainingExample {
  text: string;
  intent: string;
  /** The kinds of entity recognised in the text (features.ts). */
  tags?: string[];
}

export interface ScoredIntent {
  intent: string;
  score: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update (weight decay), keeps rare features from dominating. */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 10, learningRate: 0.6, l2: 1e-4, seed: 12 };

export class LinearClassifier {
  private constructor(
    readonly intents: readonly string[],
    private readonly featureIndex: Map<string, number>,
    /** weights[f * intents.length + k] */
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  static train(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): LinearClassifier {
    const intents = [...new Set(examples.map((e) => e.intent))].sort();
    const intentIndex = new Map(intents.map((x, i) => [x, i]));
    const featureIndex = new Map<string, number>();
    const rows = examples.map((e) => {
      const ids = featuresOf(e.text, e.tags).map((f) => {
        let i = featureIndex.get(f);
        if (i === undefined) featureIndex.set(f, (i = featureIndex.size));
        return i;
      });
      return { ids, y: intentIndex.get(e.intent)! };
    });
    const K = intents.length;
    const weights = new Float64Array(featureIndex.size * K);
    const bias = new Float64Array(K);
    const order = rows.map((_, i) => i);
    const random = mulberry32(options.seed);
    const p = new Float64Array(K);
    const touched: number[] = [];
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      const rate = options.learningRate / (1 + epoch * 0.25);
      const decay = 1 - options.l2 * rate;
      for (const r of order) {
        const { ids, y } = rows[r]!;
        const scale = 1 / Math.sqrt(ids.length);
        scores(ids, scale, weights, bias, K, p);
        softmax(p);
        // the gradient of the log-loss: (1 − p) for the right intent, −p for the others; tiny ones skipped
        touched.length = 0;
        for (let k = 0; k < K; k++) {
          const g = (k === y ? 1 : 0) - p[k]!;
          if (g > 1e-3 || g < -1e-3) {
            p[k] = rate * g * scale;
            bias[k] = bias[k]! + rate * g * 0.1;
            touched.push(k);
          }
        }
        for (const f of ids) {
          const base = f * K;
          for (const k of touched) weights[base + k] = weights[base + k]! * decay + p[k]!;
        }
      }
    }
    return new LinearClassifier(intents, featureIndex, weights, bias);
  }

  /** Every intent, best first, with softmax scores that sum to 1. */
  classify(text: string, tags: readonly string[] = []): ScoredIntent[] {
    const K = this.intents.length;
    const ids: number[] = [];
    for (const f of featuresOf(text, tags)) {
      const i = this.featureIndex.get(f);
      if (i !== undefined) ids.push(i);
    }
    const p = new Float64Array(K);
    scores(ids, ids.length ? 1 / Math.sqrt(ids.length) : 0, this.weights, this.bias, K, p);
    softmax(p);
    const out: ScoredIntent[] = [];
    for (let k = 0; k < K; k++) out.push({ intent: this.intents[k]!, score: p[k]! });
    return out.sort((a, b) => b.score - a.score || (a.intent < b.intent ? -1 : 1));
  }

  get featureCount(): number {
    return this.featureIndex.size;
  }

  /** The model as bytes (a JSON header with the intents and feature names, then the weights as float64), exact. */
  toBytes(): Buffer {
    const header = Buffer.from(JSON.stringify({ format: MODEL_FORMAT, intents: this.intents, features: [...this.featureIndex.keys()] }), 'utf8');
    const out = Buffer.alloc(8 + header.length + (this.weights.length + this.bias.length) * 8);
    out.writeUInt32LE(header.length, 0);
    header.copy(out, 8);
    const data = 8 + header.length;
    Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).copy(out, data);
    Buffer.from(this.bias.buffer, this.bias.byteOffset, this.bias.byteLength).copy(out, data + this.weights.byteLength);
    return out;
  }

  /** A model written by toBytes(); throws on anything else (a truncated or foreign file). */
  static fromBytes(bytes: Buffer): LinearClassifier {
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')) as { format?: number; intents?: string[]; features?: string[] };
    if (header.format !== MODEL_FORMAT || !Array.isArray(header.intents) || !Array.isArray(header.features)) throw new Error('not a model of this format');
    const K = header.intents.length;
    const data = 8 + length;
    const count = header.features.length * K + K;
    if (bytes.length !== data + count * 8) throw new Error('model file has the wrong length');
    // (copied: the file's buffer need not be 8-byte aligned)
    const values = new Float64Array(count);
    Buffer.from(values.buffer).set(bytes.subarray(data));
    const weights = values.subarray(0, count - K);
    const bias = values.subarray(count - K);
    return new LinearClassifier(header.intents, new Map(header.features.map((f, i) => [f, i])), weights, bias);
  }
}

/** Bumped whenever the byte layout, the features or the training change: a cached model of another format is retrained. */
export const MODEL_FORMAT = 1;

function scores(ids: readonly number[], scale: number, weights: Float64Array, bias: Float64Array, K: number, out: Float64Array): void {
  for (let k = 0; k < K; k++) out[k] = bias[k]!;
  for (const f of ids) {
    const base = f * K;
    for (let k = 0; k < K; k++) out[k] += weights[base + k]! * scale;
  }
}

function softmax(p: Float64Array): void {
  let max = -Infinity;
  for (const v of p) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < p.length; k++) sum += p[k] = Math.exp(p[k]! - max);
  for (let k = 0; k < p.length; k++) p[k]! /= sum;
}

function shuffle<T>(xs: T[], random: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}
