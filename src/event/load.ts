// Loads and validates an event file. A broken file stops start-up with a message naming the file,
// the field and the problem: the bot never runs on a half-loaded agenda.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ZodIssue } from 'zod';
import { eventSchema, type EventData } from './schema.ts';

export class EventFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Event file ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EventFileError';
  }
}

const fieldPath = (path: (string | number)[]) =>
  path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '') || '(root)';

const describe = (issue: ZodIssue) => `${fieldPath(issue.path)}: ${issue.message}`;

/** Parses event JSON text; throws EventFileError naming each invalid field. */
export function parseEvent(json: string, file = '(inline)'): EventData {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new EventFileError(file, [`not valid JSON: ${locateJsonError(json) ?? (err as Error).message}`]);
  }
  const result = eventSchema.safeParse(raw);
  if (!result.success) throw new EventFileError(file, result.error.issues.map(describe));
  return Object.freeze(result.data) as EventData;
}

/** Where strict JSON parsing first fails, as an editor shows it: "line 3, column 12: value expected". */
function locateJsonError(json: string): string | undefined {
  // JSON.parse only gives an offset (and not on every Node version); jsonc-parser, strict, gives offset and kind.
  const errors: ParseError[] = [];
  parseJsonc(json, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const before = json.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const what = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `line ${line}, column ${column}: ${what}`;
}

export function loadEventFile(file: string): EventData {
  const path = resolve(file);
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (err) {
    throw new EventFileError(path, [`cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  return parseEvent(json, path);
}
