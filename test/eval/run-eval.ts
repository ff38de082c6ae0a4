// npm run eval [-- file.json ...]: accuracy of the engine on the project's question suite and, when
// ../shared is present, on the shared development set. VERBOSE=1 lists each failure.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { runFile } from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
// Only as a script: mocha given the test/eval folder loads this file too, with its own arguments.
const asScript = resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
const files = !asScript ? [] : process.argv.slice(2).length
  ? process.argv.slice(2)
  : [resolve(here, 'questions.json'), resolve(here, 'questions.heldout-style.json'), resolve(here, 'questions.fresh4.json'), resolve(here, 'questions.fresh5.json'), resolve(here, 'questions.fresh6.json'), resolve(here, 'questions.fresh7.json'), resolve(here, 'questions.fresh8.json'), resolve(here, 'questions.fresh9.json'), resolve(here, 'questions.sample2.json'), resolve(here, 'questions.fresh10.json'), resolve(here, 'questions.fresh11.json'), resolve(here, 'questions.fresh12.json'), resolve(here, 'questions.fresh13.json'), resolve(here, 'questions.fresh14.json'), resolve(here, 'questions.fresh15.json'), resolve(here, 'questions.fresh16.json'), resolve(here, 'questions.fresh17.json'), resolve(here, 'questions.fresh18.json'), resolve(here, 'questions.fresh19.json'), resolve(here, 'questions.fresh20.json'), resolve(here, 'questions.fresh21.json'), resolve(here, 'questions.fresh22.json'), resolve(here, 'questions.fresh24.json'), resolve(here, 'questions.fresh25.json'), resolve(here, 'questions.fresh26.json'), resolve(here, 'questions.fresh27.json'), resolve(here, 'questions.fresh28.json'), resolve(here, 'questions.fresh29.json'), resolve(here, 'questions.fresh30.json'), resolve(here, 'questions.fresh31.json'), resolve(here, 'questions.fresh32.json'), resolve(here, 'questions.matrix.json'), resolve(here, '../../../shared/eval/questions.dev.json')].filter((f) => existsSync(f));
const now = process.env.EVAL_NOW;
for (const file of files) {
  const { results, passed, total, accuracy } = runFile(file, now);
  const fails = results.filter((r) => !r.pass);
  if (process.env.VERBOSE) for (const f of fails) console.log(JSON.stringify({ id: f.id, intent: f.intent, missing: f.missing, forbidden: f.forbidden, got: f.got }));
  const kinds = new Map<string, { n: number; ok: number }>();
  for (const r of results) if (r.kind) {
    const k = kinds.get(r.kind) ?? { n: 0, ok: 0 };
    k.n++;
    if (r.pass) k.ok++;
    kinds.set(r.kind, k);
  }
  if (kinds.size) for (const [k, v] of [...kinds].sort()) console.log(`  ${k.padEnd(18)} ${v.ok}/${v.n} = ${((100 * v.ok) / v.n).toFixed(1)}%`);
  console.log(`${file}\n  failed: ${fails.map((f) => f.id).join(', ') || 'none'}\n  accuracy: ${passed}/${total} = ${(100 * accuracy).toFixed(1)}%`);
}
