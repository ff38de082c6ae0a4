// What every rule is handed: the question's words, what was resolved in them, and the conversation so far.
import type { DialogueMemory } from '../../conversation/types.ts';
import type { Entities } from '../entities.ts';
import type { Normalised } from '../normalise.ts';
import type { Resolved } from '../decision.ts';

export interface Question {
  n: Normalised;
  r: Resolved;
  memory: DialogueMemory;
  /** The normalised text, `n.text`. */
  t: string;
  /** The entities found in it, `r.entities`. */
  e: Entities;
  /** How many words it has. */
  words: number;
}

export function question(n: Normalised, r: Resolved, memory: DialogueMemory): Question {
  return { n, r, memory, t: n.text, e: r.entities, words: n.tokens.length };
}
