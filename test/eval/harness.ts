// Runs question files (the dev-set format) straight against AnsweringEngine: each case's turns in one
// conversation (memory and a remembered zone carried over), the last turn's reply flattened the way
// the channel harness flattens activities, the user's own words removed, then expect/forbid checked.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { AnsweringEngine } from '../../src/answering/engine.ts';
import { loadEventFile } from '../../src/event/load.ts';
import type { DialogueMemory, Understood } from '../../src/conversation/types.ts';
import { languageOfTurn, type Language } from '../../src/language/index.ts';

export interface EvalCase {
  id: string;
  turns: string[];
  expect: string[][];
  forbid?: string[];
  tz?: string;
  event?: string;
  now?: string;
  /** The kind of question (the coverage matrix groups its cases by it). */
  kind?: string;
}

export interface EvalResult {
  id: string;
  kind?: string;
  pass: boolean;
  missing: string[];
  forbidden: string[];
  got: string;
  intent: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EVENTS: Record<string, string> = {
  dfs: resolve(root, 'events/dfs-security-clinic-2022.json'),
  sample: resolve(root, 'events/sample-cloud-resilience-forum.json'),
};
export const DEFAULT_NOW = '2022-03-01T08:00:00Z';

const engines = new Map<string, AnsweringEngine>();
export function engineFor(event = 'dfs'): AnsweringEngine {
  let e = engines.get(event);
  if (!e) engines.set(event, (e = new AnsweringEngine(loadEventFile(EVENTS[event] ?? event))));
  return e;
}

const SKIP_KEYS = new Set(['type', 'contentType', '$schema', 'version', 'id', 'style', 'size', 'weight', 'color', 'spacing', 'horizontalAlignment', 'width', 'height', 'msteams']);

export function flattenUnderstood(u: Understood): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (v == null) return;
    if (typeof v === 'string') {
      if (!SKIP_KEYS.has(key)) out.push(v);
      return;
    }
    if (typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  // What the attendee sees: the answers sent before a command acts, then the reply.
  if (u.preface?.text) out.push(u.preface.text);
  if (u.reply?.text) out.push(u.reply.text);
  walk(u.reply?.content, 'content');
  walk(u.reply?.suggestions, 'suggestions');
  return out.join('\n');
}

export function matches(text: string, alt: string): boolean {
  if (alt.startsWith('/') && alt.lastIndexOf('/') > 0) {
    const i = alt.lastIndexOf('/');
    return new RegExp(alt.slice(1, i), alt.slice(i + 1) || 'i').test(text);
  }
  return text.toLowerCase().includes(alt.toLowerCase());
}

export function runCase(c: EvalCase, nowDefault = DEFAULT_NOW): EvalResult & { last: Understood } {
  const engine = engineFor(c.event);
  let memory: DialogueMemory = {};
  let zone = c.tz;
  let last!: Understood;
  // Each turn in the language the bot would answer it in (src/language), the conversation's carried over.
  let language: Language | undefined;
  for (const text of c.turns) {
    language = languageOfTurn(text, { remembered: language }).language;
    last = engine.understand({ text, now: new Date(c.now ?? nowDefault), memory, userTimeZone: zone, language });
    memory = last.memory;
    if (last.rememberTimeZone) zone = last.rememberTimeZone;
  }
  return { ...checkReply(c, flattenUnderstood(last)), intent: last.intent, last };
}

/** Checks the reply a case's last turn got (as the attendee sees it) against its expect and forbid lists. */
export function checkReply(c: EvalCase, reply: string): Omit<EvalResult, 'intent'> {
  // the user's own words repeated back earn nothing; French typography's no-break spaces ("1 h 30", "Qui ?") read as
  // the plain spaces a question's writer types
  const text = reply.split(c.turns[c.turns.length - 1]).join(' ').replace(/[\u00a0\u202f]/g, ' ');
  const missing = c.expect.filter((g) => !g.some((a) => matches(text, a))).map((g) => g.join('|'));
  const forbidden = (c.forbid ?? []).filter((a) => matches(text, a));
  return { id: c.id, kind: c.kind, pass: !missing.length && !forbidden.length, missing, forbidden, got: text.replace(/\s+/g, ' ').slice(0, 400) };
}

export function runFile(file: string, nowDefault = DEFAULT_NOW) {
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: EvalCase[] };
  const results = cases.map((c) => runCase(c, nowDefault));
  const passed = results.filter((r) => r.pass).length;
  return { results, passed, total: cases.length, accuracy: passed / cases.length };
}
