import { expect } from 'chai';
import { recogniseDay } from '../../src/understanding/days.ts';
import { dfsAgenda, sampleAgenda, BEFORE } from './fixtures.ts';

describe('recogniseDay', () => {
  const cases: [string, number | undefined, string?][] = [
    ['agenda for day 2', 2],
    ['what happens on day one', 1],
    ['the second day', 2],
    ['on the first day', 1],
    ['the last day', 2],
    ['the final day', 2],
    ['what is on 31 march', 2],
    ['what is on 30th of march', 1],
    ['agenda for march 31', 2],
    ['2022-03-30', 1],
    ['on 31/3', 2],
    ['what is on thursday', 2],
    ['wednesday please', 1],
    ['day 3', undefined, 'day 3'],
    ['what is on monday', undefined, 'Monday'],
    ['on 1 april', undefined, '1 april'],
    ['who is speaking', undefined],
  ];
  for (const [text, day, missing] of cases) {
    it(`${JSON.stringify(text)} → ${day ?? missing ?? 'nothing'}`, () => {
      const got = recogniseDay(text, dfsAgenda, BEFORE);
      if (day) expect(got?.day).to.equal(day);
      else if (missing) expect(got?.missing?.label).to.equal(missing);
      else expect(got).to.equal(undefined);
    });
  }
  it('reads today and tomorrow from the clock in the event zone', () => {
    // 23:30 UTC on 29 March is already 30 March in Nairobi.
    expect(recogniseDay('what is on today', dfsAgenda, new Date('2022-03-29T23:30:00Z'))?.day).to.equal(1);
    expect(recogniseDay('and tomorrow', dfsAgenda, new Date('2022-03-30T08:00:00Z'))?.day).to.equal(2);
    expect(recogniseDay('what is on today', dfsAgenda, BEFORE)?.missing?.date).to.equal('2022-03-01');
  });
  it('works for another event', () => {
    expect(recogniseDay('what is on day 3', sampleAgenda, BEFORE)?.day).to.equal(3);
    expect(recogniseDay('on sunday', sampleAgenda, BEFORE)?.day).to.equal(3);
  });
});
