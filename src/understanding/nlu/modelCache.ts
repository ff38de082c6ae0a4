// Trained models kept on disk, by model id (a hash of exactly what the model was trained on: the prepared
// examples, the training options and the model format), so a restart with the same event and utterances loads
// the weights in milliseconds instead of training for a second or more. The id changes with any change to the
// data, so a cached model is never stale; a file that cannot be read is ignored and the model trained again.
// An alias ("bundle-…" → model id) lets the bundle find its model without preparing the examples (recognizer.ts).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinearClassifier } from './linearClassifier.ts';

export class ModelCache {
  constructor(readonly dir: string) {}

  private file(id: string): string {
    return join(this.dir, `${id.replace(/[^\w.-]/g, '_')}.model`);
  }

  /** The model stored under this id, or undefined (none, or unreadable). */
  load(id: string): LinearClassifier | undefined {
    try {
      return LinearClassifier.fromBytes(readFileSync(this.file(id)));
    } catch {
      return undefined;
    }
  }

  /** The model another key stands for ("bundle-…" → "linear-en-…"), with that model's id; undefined if either is missing. */
  loadAlias(key: string): { modelId: string; model: LinearClassifier } | undefined {
    try {
      const modelId = readFileSync(this.file(key).replace(/\.model$/, '.alias'), 'utf8').trim();
      const model = this.load(modelId);
      return model ? { modelId, model } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records that a key stands for a stored model. */
  saveAlias(key: string, modelId: string): boolean {
    return this.write(this.file(key).replace(/\.model$/, '.alias'), Buffer.from(modelId, 'utf8'));
  }

  /** Stores a model (written aside, then renamed: a reader never sees half a file). A failed write only costs the next start a training. */
  save(id: string, model: LinearClassifier): boolean {
    return this.write(this.file(id), model.toBytes());
  }

  private write(file: string, bytes: Buffer): boolean {
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
      return true;
    } catch {
      return false;
    }
  }
}
