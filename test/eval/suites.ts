// The project's question suites, in one list shared by the gate (eval.test.ts) and the report (run-eval.ts).
// Adding a batch: put questions.freshN.json here, then `npm run eval -- --update` records its cases (docs/evaluation.md).
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const EVAL_DIR = dirname(fileURLToPath(import.meta.url));

/** File names under test/eval/, each a suite whose every case has a record in expected.json. */
export const SUITES = [
  'questions.json',
  'questions.heldout-style.json',
  'questions.fresh4.json',
  'questions.fresh5.json',
  'questions.fresh6.json',
  'questions.fresh7.json',
  'questions.fresh8.json',
  'questions.fresh9.json',
  'questions.sample2.json',
  'questions.fresh10.json',
  'questions.fresh11.json',
  'questions.fresh12.json',
  'questions.fresh13.json',
  'questions.fresh14.json',
  'questions.fresh15.json',
  'questions.fresh16.json',
  'questions.fresh17.json',
  'questions.fresh18.json',
  'questions.fresh19.json',
  'questions.fresh20.json',
  'questions.fresh21.json',
  'questions.fresh22.json',
  'questions.fresh24.json',
  'questions.fresh25.json',
  'questions.fresh26.json',
  'questions.fresh27.json',
  'questions.fresh28.json',
  'questions.fresh29.json',
  'questions.fresh30.json',
  'questions.fresh31.json',
  'questions.fresh32.json',
  'questions.matrix.json',
  'questions.fr-probe.json',
  'questions.fresh33.json',
  'questions.fr-blind1.json',
  'questions.fresh34.json',
  'questions.fr-blind2.json',
  'questions.fr-blind3.json',
  'questions.fresh35.json',
  'questions.fresh36.json',
] as const;

export const suitePath = (suite: string) => resolve(EVAL_DIR, suite);

/** The shared development set (outside the repository; every case must pass, on two clocks). */
export const DEV_SET = resolve(EVAL_DIR, '../../../shared/eval/questions.dev.json');
