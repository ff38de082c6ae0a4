// Each case's expected outcome, checked in (test/eval/expected.json): a case recorded as passing that fails is a
// regression (npm test fails); a known failure that passes is reported so its record can be updated
// (`npm run eval -- --update`). Each record also keeps the case's reference intent for precision/recall.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvalResult } from './harness.ts';
import { EVAL_DIR } from './suites.ts';

export const RECORDS_FILE = resolve(EVAL_DIR, 'expected.json');

export interface CaseRecord {
  expect: 'pass' | 'fail';
  /** Why a known failure fails (first written from the miss; edit it to say what kind of miss it is). */
  reason?: string;
  /** The reference intent label. */
  intent?: string;
  /** Where the label comes from: absent = the engine's decision when the case was recorded passing;
   * 'kind' = the intent the suite's passing cases of the same `kind` all share (for a known failure). */
  intentFrom?: 'kind';
}

export type SuiteRecords = Record<string, CaseRecord>;

export interface Records {
  about: string;
  suites: Record<string, SuiteRecords>;
}

const ABOUT =
  'Expected outcome of every case of every suite in test/eval/suites.ts: "pass", or "fail" with a reason (a known failure). ' +
  'npm test fails when a "pass" case fails; a "fail" case that passes is reported. Rewrite with `npm run eval -- --update` ' +
  '(refuses to record a regression unless given --accept-regressions). "intent" is the reference label for per-intent ' +
  "precision/recall: the intent the engine decided (Understood.intent) when the case was first recorded passing, kept " +
  'across updates (--relabel takes them again); for a known failure, "intentFrom": "kind" marks a label taken from the ' +
  "suite's passing cases of the same kind when they all share one intent; other known failures are unlabelled.";

export function loadRecords(file = RECORDS_FILE): Records {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Records;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { about: ABOUT, suites: {} };
    throw e;
  }
}

/** One line per case, so a diff shows exactly which cases changed. */
export function formatRecords(r: Records): string {
  const suites = Object.entries(r.suites).map(([suite, cases]) => {
    const lines = Object.entries(cases).map(([id, rec]) => `      ${JSON.stringify(id)}: ${JSON.stringify(rec)}`);
    return `    ${JSON.stringify(suite)}: {\n${lines.join(',\n')}\n    }`;
  });
  return `{\n  "about": ${JSON.stringify(ABOUT)},\n  "suites": {\n${suites.join(',\n')}\n  }\n}\n`;
}

export function saveRecords(r: Records, file = RECORDS_FILE): void {
  writeFileSync(file, formatRecords(r));
}

/** What went wrong in a failing case, in one line. */
export function describeMiss(x: EvalResult): string {
  const parts = [];
  if (x.missing.length) parts.push(`missing ${x.missing.join(' & ')}`);
  if (x.forbidden.length) parts.push(`forbidden ${x.forbidden.join(', ')}`);
  return `${parts.join('; ')} [${x.intent}]`;
}

export interface Comparison {
  /** Recorded as passing, failing now. */
  regressed: EvalResult[];
  /** Recorded as known failures, passing now. */
  nowPassing: EvalResult[];
  /** Cases with no record. */
  unrecorded: string[];
  /** Records whose case is gone from the suite. */
  stale: string[];
}

export function compare(results: EvalResult[], records: SuiteRecords = {}): Comparison {
  const ids = new Set(results.map((x) => x.id));
  const out: Comparison = { regressed: [], nowPassing: [], unrecorded: [], stale: Object.keys(records).filter((id) => !ids.has(id)) };
  for (const x of results) {
    const rec = records[x.id];
    if (!rec) out.unrecorded.push(x.id);
    else if (rec.expect === 'pass' && !x.pass) out.regressed.push(x);
    else if (rec.expect === 'fail' && x.pass) out.nowPassing.push(x);
  }
  return out;
}

export interface UpdateOptions {
  /** Record cases that passed and now fail as known failures (otherwise updating refuses). */
  acceptRegressions?: boolean;
  /** Take every passing case's label from the engine again (when the intent names change). */
  relabel?: boolean;
  /** The day written into an accepted regression's reason. */
  today?: string;
}

/** The suite's records rewritten from a run; throws on a regression unless accepted. */
export function updateSuite(results: EvalResult[], old: SuiteRecords = {}, opts: UpdateOptions = {}): SuiteRecords {
  const regressed = results.filter((x) => !x.pass && old[x.id]?.expect === 'pass');
  if (regressed.length && !opts.acceptRegressions) {
    throw new Error(`refusing to record ${regressed.length} regression(s) as known failures (${regressed.map((x) => x.id).join(', ')}); fix them, or pass --accept-regressions`);
  }
  const next: SuiteRecords = {};
  for (const x of results) {
    const prev = old[x.id];
    const keepLabel = prev?.intent && !opts.relabel && !(x.pass && prev.intentFrom);
    const label: Pick<CaseRecord, 'intent' | 'intentFrom'> = keepLabel ? { intent: prev.intent, ...(prev.intentFrom ? { intentFrom: prev.intentFrom } : {}) } : x.pass ? { intent: x.intent } : {};
    if (x.pass) next[x.id] = { expect: 'pass', ...label };
    else if (prev?.expect === 'fail') next[x.id] = { expect: 'fail', reason: prev.reason ?? describeMiss(x), ...label };
    else if (prev?.expect === 'pass') next[x.id] = { expect: 'fail', reason: `regressed, accepted ${opts.today ?? new Date().toISOString().slice(0, 10)}: ${describeMiss(x)}`, ...label };
    else next[x.id] = { expect: 'fail', reason: describeMiss(x), ...label };
  }
  // Unlabelled known failures: the intent every passing case of the same kind in this suite got, if they agree.
  const byKind = new Map<string, Set<string>>();
  for (const x of results) if (x.pass && x.kind) byKind.set(x.kind, (byKind.get(x.kind) ?? new Set()).add(next[x.id].intent!));
  for (const x of results) {
    const rec = next[x.id];
    const shared = x.kind ? byKind.get(x.kind) : undefined;
    if (rec.expect === 'fail' && !rec.intent && shared?.size === 1) Object.assign(rec, { intent: [...shared][0], intentFrom: 'kind' as const });
  }
  return next;
}

export interface IntentStat {
  intent: string;
  /** Cases labelled with this intent. */
  support: number;
  precision: number;
  recall: number;
}

/** Per-intent precision/recall and the confusions (label → decided), over labelled cases. */
export function intentReport(pairs: { id: string; label: string; got: string }[]) {
  const intents = [...new Set(pairs.flatMap((p) => [p.label, p.got]))].sort();
  const stats: IntentStat[] = intents.map((intent) => {
    const tp = pairs.filter((p) => p.label === intent && p.got === intent).length;
    const decided = pairs.filter((p) => p.got === intent).length;
    const support = pairs.filter((p) => p.label === intent).length;
    return { intent, support, precision: decided ? tp / decided : NaN, recall: support ? tp / support : NaN };
  });
  const confusions = new Map<string, string[]>();
  for (const p of pairs) if (p.label !== p.got) confusions.set(`${p.label} → ${p.got}`, [...(confusions.get(`${p.label} → ${p.got}`) ?? []), p.id]);
  return { stats, confusions: [...confusions].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])) };
}
