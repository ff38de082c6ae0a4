import { expect } from 'chai';
import { buildAcronyms } from '../../src/understanding/acronyms.ts';
import { dfs, sample } from './fixtures.ts';

describe('acronyms from the event text', () => {
  const a = buildAcronyms(dfs, 'East Africa Time').expansions;
  const cases: [string, string | undefined][] = [
    ['dfs', 'Digital Financial Services'],
    ['eaco', 'East African Communications Organization'],
    ['figi', 'Financial Inclusion Global Initiative'],
    ['eat', 'East Africa Time'],
    ['it', undefined], // "IT security professionals" is not "International Telecommunication"
    ['tsb', 'Telecommunication Standardization Bureau'], // spelt out only in who signed the announcement
    ['ussd', undefined], // not spelt out in the event file: never invented
  ];
  for (const [acr, full] of cases) it(`${acr} -> ${full ?? '(none)'}`, () => expect(a.get(acr)).to.equal(full));
  it('works for the sample event', () => expect(buildAcronyms(sample).expansions.get('ern')).to.equal('Example Resilience Network'));
});
