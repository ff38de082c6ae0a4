// Trained models kept on disk, by model id (a hash of exactly what the model was trained on: the prepared
// examples, the training options and the model format), so a restart with the same event and utterances loads
// the weights in milliseconds instead of training for a second or more. The id changes with any change to the
// data, so a cached model is never stale; a file that cannot be read is ignored and the model trained again.
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

  /** Stores a model (written aside, then renamed: a reader never sees half a file). A failed write only costs the next start a training. */
  save(id: string, model: LinearClassifier): boolean {
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file(id)}.${process.pid}.tmp`;
      writeFileSync(tmp, model.toBytes());
      renameSync(tmp, this.file(id));
      return true;
    } catch {
      return false;
    }
  }
}
