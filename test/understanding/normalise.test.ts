import { expect } from 'chai';
import { normalise } from '../../src/understanding/normalise.ts';
import { editDistance } from '../../src/understanding/distance.ts';
import { dfsVocab } from './fixtures.ts';

describe('normalise', () => {
  const cases: [string, string][] = [
    ["What's on Day 2?", 'what is on day 2'],
    ['Who’s Bilel Jamoussi', 'who is bilel jamoussi'],
    ['Wierciński', 'wiercinski'],
    ['man-in-the-middle', 'man in the middle'],
    ['e-mail address', 'email address'],
    ['are the times in E.A.T.?', 'are the times in eat'],
    ['what is on at 10.30 on the 31st', 'what is on at 10:30 on the 31'],
    ['shedule for the frist day', 'schedule for the first day'],
    ['wen is the infrastucture sesion', 'when is the infrastructure session'],
    ["vijay mauree's talk", 'vijay mauree talk'],
    ['thx!!', 'thanks'],
    ['the weather is designed', 'the weather is designed'],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(want)}`, () => {
      expect(normalise(input, dfsVocab).text).to.equal(want);
    });
  }
  it('keeps the words as typed in `plain` for place names', () => {
    expect(normalise('I am in Lagos', dfsVocab).plain).to.deep.equal(['i', 'am', 'in', 'lagos']);
  });
});

describe('editDistance', () => {
  const cases: [string, string, number][] = [
    ['first', 'frist', 1],
    ['klinger', 'klingr', 1],
    ['kibuuka', 'kibuka', 1],
    ['schedule', 'shedule', 1],
    ['abc', 'abc', 0],
    ['security', 'sec', 3],
  ];
  for (const [a, b, d] of cases) it(`${a} ~ ${b} = ${d}`, () => expect(editDistance(a, b, 2)).to.equal(Math.min(d, 3)));
});
