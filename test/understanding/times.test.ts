import { expect } from 'chai';
import { recogniseTime } from '../../src/understanding/times.ts';

describe('recogniseTime', () => {
  const cases: [string, number | undefined][] = [
    ["what's on at 11:30", 11 * 60 + 30],
    ['at 10.30 on day 2', 10 * 60 + 30],
    ['at 10am', 10 * 60],
    ['at 3 pm', 15 * 60],
    ['12:30 pm', 12 * 60 + 30],
    ['at half past ten', 10 * 60 + 30],
    ['at quarter past eleven', 11 * 60 + 15],
    ['quarter to twelve', 11 * 60 + 45],
    ['at noon', 12 * 60],
    ['at 11', 11 * 60],
    ['at 1', 13 * 60],
    ['at 11 o’clock', 11 * 60],
    ['on 31 march', undefined],
    ['day 2', undefined],
    ['call +41 22 730 5591', undefined],
  ];
  for (const [text, minutes] of cases) {
    it(`${JSON.stringify(text)} → ${minutes ?? 'none'}`, () => expect(recogniseTime(text.replace('’', "'"))?.minutes).to.equal(minutes));
  }
});
