// npm run eval [-- [--update [--accept-regressions] [--relabel]] [file.json ...]]
// Runs the suites (test/eval/suites.ts) on the engine and prints each one's accuracy against its records
// (expected.json: regressions, known failures now passing), then per-intent precision/recall over the labelled cases
// and the confusions (reference label → decided intent). Exits 1 on a regression or a case without a record.
// --update rewrites the records from this run (docs/evaluation.md). VERBOSE=1 lists each failure and per-kind scores;
// EVAL_NOW sets the clock of cases that give none. Other files given are run and scored without records.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFile, type EvalResult } from './harness.ts';
import { compare, intentReport, loadRecords, saveRecords, updateSuite, RECORDS_FILE } from './records.ts';
import { DEV_SET, SUITES, suitePath } from './suites.ts';

// Only as a script: mocha given the test/eval folder loads this file too, with its own arguments.
const asScript = resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
if (asScript) main(process.argv.slice(2));

function main(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => !['--update', '--accept-regressions', '--relabel'].includes(f));
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}; usage: npm run eval -- [--update [--accept-regressions] [--relabel]] [file.json ...]`);
    process.exit(2);
  }
  const named = argv.filter((a) => !a.startsWith('--'));
  const files = named.length ? named.map((f) => resolve(f)) : [...SUITES.map(suitePath), DEV_SET].filter((f) => existsSync(f));
  const suiteOf = (file: string) => (SUITES as readonly string[]).includes(basename(file)) && resolve(suitePath(basename(file))) === file ? basename(file) : undefined;
  const records = loadRecords();
  const now = process.env.EVAL_NOW;
  const pairs: { id: string; label: string; got: string }[] = [];
  let broken = 0;

  for (const file of files) {
    const { results, passed, total, accuracy } = runFile(file, now);
    const suite = suiteOf(file);
    const score = `${passed}/${total} = ${(100 * accuracy).toFixed(1)}%`;
    if (process.env.VERBOSE) {
      for (const f of results.filter((r) => !r.pass)) console.log(JSON.stringify({ id: f.id, intent: f.intent, missing: f.missing, forbidden: f.forbidden, got: f.got }));
      printKinds(results);
    }
    if (!suite) {
      console.log(`${file}  ${score}  failed: ${results.filter((r) => !r.pass).map((r) => r.id).join(', ') || 'none'}`);
      continue;
    }
    const c = compare(results, records.suites[suite]);
    const known = Object.values(records.suites[suite] ?? {}).filter((r) => r.expect === 'fail').length;
    console.log(`${suite.padEnd(30)} ${score.padEnd(20)} known failures ${known}${c.regressed.length ? `  REGRESSED ${c.regressed.length}` : ''}${c.nowPassing.length ? `  now passing ${c.nowPassing.length}` : ''}${c.unrecorded.length ? `  UNRECORDED ${c.unrecorded.length}` : ''}${c.stale.length ? `  stale records ${c.stale.length}` : ''}`);
    for (const x of c.regressed) console.log(`  regressed ${x.id} [${x.intent}]: missing ${x.missing.join(' & ') || '-'}${x.forbidden.length ? ` forbidden ${x.forbidden.join(', ')}` : ''}: ${x.got.slice(0, 160)}`);
    for (const x of c.nowPassing) console.log(`  now passing ${x.id} (record it: npm run eval -- --update)`);
    if (flags.has('--update')) {
      try {
        records.suites[suite] = updateSuite(results, records.suites[suite], { acceptRegressions: flags.has('--accept-regressions'), relabel: flags.has('--relabel') });
      } catch (e) {
        console.error(`  ${suite}: ${(e as Error).message}`);
        broken++;
      }
    } else if (c.regressed.length || c.unrecorded.length) broken++;
    const recs = records.suites[suite] ?? {};
    for (const x of results) if (recs[x.id]?.intent) pairs.push({ id: `${suite.replace(/^questions\.|\.json$/g, '') || 'questions'}:${x.id}`, label: recs[x.id].intent!, got: x.intent });
  }

  if (pairs.length) printIntents(pairs);
  if (flags.has('--update') && !named.length) {
    // Suites no longer listed lose their records.
    for (const s of Object.keys(records.suites)) if (!(SUITES as readonly string[]).includes(s)) delete records.suites[s];
  }
  if (flags.has('--update') && !broken) {
    saveRecords(records);
    console.log(`records written to ${RECORDS_FILE}`);
  } else if (flags.has('--update')) console.error('records not written');
  if (broken) process.exitCode = 1;
}

function printKinds(results: EvalResult[]) {
  const kinds = new Map<string, { n: number; ok: number }>();
  for (const r of results) if (r.kind) {
    const k = kinds.get(r.kind) ?? { n: 0, ok: 0 };
    k.n++;
    if (r.pass) k.ok++;
    kinds.set(r.kind, k);
  }
  for (const [k, v] of [...kinds].sort()) console.log(`  ${k.padEnd(18)} ${v.ok}/${v.n} = ${((100 * v.ok) / v.n).toFixed(1)}%`);
}

function printIntents(pairs: { id: string; label: string; got: string }[]) {
  const { stats, confusions } = intentReport(pairs);
  const pct = (x: number) => (Number.isNaN(x) ? '    -' : `${(100 * x).toFixed(1).padStart(5)}`);
  console.log(`\nper intent, over ${pairs.length} labelled cases (label = reference intent in expected.json)`);
  console.log(`  ${'intent'.padEnd(26)} ${'cases'.padStart(5)}  precision  recall`);
  for (const s of stats) console.log(`  ${s.intent.padEnd(26)} ${String(s.support).padStart(5)}  ${pct(s.precision)}%     ${pct(s.recall)}%`);
  console.log(`\nconfusions (label → decided: cases)${confusions.length ? '' : ': none'}`);
  for (const [pair, ids] of confusions) console.log(`  ${pair}: ${ids.length}  ${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ', …' : ''}`);
}
