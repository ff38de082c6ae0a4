// The records gate: what counts as a regression, what an update writes, and the intent report.
import { expect } from 'chai';
import type { EvalResult } from './harness.ts';
import { compare, formatRecords, intentReport, updateSuite, type SuiteRecords } from './records.ts';

const result = (id: string, pass: boolean, intent = 'session', kind?: string): EvalResult => ({ id, kind, pass, intent, missing: pass ? [] : ['09:30'], forbidden: [], got: '' });

describe('eval records', () => {
  const records: SuiteRecords = {
    held: { expect: 'pass', intent: 'session' },
    slid: { expect: 'pass', intent: 'speaker' },
    fixed: { expect: 'fail', reason: 'the day is lost after a list' },
    still: { expect: 'fail', reason: 'no premise check' },
    gone: { expect: 'pass', intent: 'hours' },
  };
  const run = [result('held', true), result('slid', false, 'fallback'), result('fixed', true, 'agenda'), result('still', false), result('new', true)];

  it('finds regressions, known failures now passing, cases without a record and records without a case', () => {
    const c = compare(run, records);
    expect(c.regressed.map((x) => x.id)).to.deep.equal(['slid']);
    expect(c.nowPassing.map((x) => x.id)).to.deep.equal(['fixed']);
    expect(c.unrecorded).to.deep.equal(['new']);
    expect(c.stale).to.deep.equal(['gone']);
  });

  it('refuses to record a regression unless told to', () => {
    expect(() => updateSuite(run, records)).to.throw(/slid/);
  });

  it('rewrites the records from a run: passes recorded, reasons and labels kept, stale records dropped', () => {
    const next = updateSuite(run, records, { acceptRegressions: true, today: '2026-12-05' });
    expect(next).to.deep.equal({
      held: { expect: 'pass', intent: 'session' },
      slid: { expect: 'fail', reason: 'regressed, accepted 2026-12-05: missing 09:30 [fallback]', intent: 'speaker' },
      fixed: { expect: 'pass', intent: 'agenda' },
      still: { expect: 'fail', reason: 'no premise check' },
      new: { expect: 'pass', intent: 'session' },
    });
    expect(updateSuite([result('held', true, 'detail')], records, { relabel: true }).held.intent).to.equal('detail');
  });

  it("labels a known failure from its kind only when that kind's passing cases agree", () => {
    const next = updateSuite([result('a', true, 'hours', 'when'), result('b', true, 'hours', 'when'), result('c', false, 'fallback', 'when'), result('d', true, 'speaker', 'who'), result('e', true, 'session', 'who'), result('f', false, 'fallback', 'who')]);
    expect(next.c).to.deep.include({ intent: 'hours', intentFrom: 'kind' });
    expect(next.f.intent).to.equal(undefined);
  });

  it('computes precision and recall per intent and lists the confusions', () => {
    const { stats, confusions } = intentReport([
      { id: '1', label: 'hours', got: 'hours' },
      { id: '2', label: 'hours', got: 'session' },
      { id: '3', label: 'session', got: 'session' },
    ]);
    expect(stats).to.deep.equal([
      { intent: 'hours', support: 2, precision: 1, recall: 0.5 },
      { intent: 'session', support: 1, precision: 0.5, recall: 1 },
    ]);
    expect(confusions).to.deep.equal([['hours → session', ['2']]]);
  });

  it('writes one line per case', () => {
    const text = formatRecords({ about: '', suites: { 'questions.json': { held: records.held, still: records.still } } });
    expect(text).to.contain('\n      "held": {"expect":"pass","intent":"session"},\n      "still": {"expect":"fail","reason":"no premise check"}\n');
    expect(JSON.parse(text).suites['questions.json'].still.reason).to.equal('no premise check');
  });
});
