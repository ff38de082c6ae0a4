// The question suites, run straight on the engine (no HTTP), case by case against their records
// (test/eval/expected.json): a case recorded as passing must pass; a known failure that passes is reported so its
// record can be updated (`npm run eval -- --update`). The shared development set must pass whole (skipped when
// ../shared is absent). How the suites are made and scored: docs/evaluation.md.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { runFile, type EvalResult } from './harness.ts';
import { buildAll, MATRIX_FILE } from './matrix.ts';
import { compare, loadRecords } from './records.ts';
import { DEV_SET, SUITES, suitePath } from './suites.ts';

const miss = (x: EvalResult) => `${x.id} [${x.intent}] missing ${x.missing.join(' & ') || '-'}${x.forbidden.length ? ` forbidden ${x.forbidden.join(',')}` : ''}: ${x.got.slice(0, 160)}`;

describe('eval: attendee questions on the engine', () => {
  const records = loadRecords();

  it('has a record for every suite, and none for a suite that is gone', () => {
    expect(Object.keys(records.suites).sort(), 'run: npm run eval -- --update').to.deep.equal([...SUITES].sort());
  });

  for (const suite of SUITES) {
    const recs = records.suites[suite] ?? {};
    const passing = Object.values(recs).filter((r) => r.expect === 'pass').length;
    it(`${suite}: the ${passing} cases recorded as passing still pass (${Object.keys(recs).length - passing} known failures)`, () => {
      const { results } = runFile(suitePath(suite));
      const c = compare(results, recs);
      if (c.nowPassing.length) console.log(`      now passing (record them: npm run eval -- --update): ${c.nowPassing.map((x) => x.id).join(', ')}`);
      expect(c.unrecorded, 'cases without a record (npm run eval -- --update)').to.deep.equal([]);
      expect(c.stale, 'records of cases no longer in the suite (npm run eval -- --update)').to.deep.equal([]);
      expect(c.regressed.map(miss), 'regressed').to.deep.equal([]);
    });
  }

  // Event data × question templates (test/eval/matrix.ts), for both event files: the committed file is what the
  // generator makes today.
  it('keeps the coverage matrix generated from the event files', () => {
    const committed = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as { cases: unknown[] };
    expect(committed.cases, 'questions.matrix.json is stale: node --import tsx test/eval/matrix.ts').to.deep.equal(JSON.parse(JSON.stringify(buildAll())));
  });

  // Before the event and after it (the live bot runs on today's clock): the answers must not depend on it.
  for (const now of ['2022-03-01T08:00:00Z', '2026-01-15T12:00:00Z']) {
    it(`answers the shared development set at 100% (clock ${now})`, function () {
      if (!existsSync(DEV_SET)) {
        console.log('    (skipped: ../shared/eval/questions.dev.json not found)');
        this.skip();
      }
      const r = runFile(DEV_SET, now);
      expect(r.results.filter((x) => !x.pass).map(miss)).to.deep.equal([]);
    });
  }
});
