import { expect } from 'chai';
import { DateTime } from 'luxon';
import { duration, span } from '../../src/answering/timeFormat.ts';
import { offsetLabel, zoned } from '../../src/understanding/zonedTime.ts';

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('timeFormat', () => {
  const durations: [number, string][] = [[35, '35 min'], [60, '1 hour'], [90, '90 min'], [180, '3 hours'], [10, '10 min']];
  for (const [m, s] of durations) it(`duration(${m}) = ${s}`, () => expect(duration(m)).to.equal(s));

  it('shows a span in the event zone only by default', () => {
    expect(span(at('2022-03-30T10:20', 'Africa/Nairobi'), at('2022-03-30T11:50', 'Africa/Nairobi'), 'Africa/Nairobi', 'EAT', [])).to.equal('10:20–11:50 EAT');
  });
  it('adds the user zone, DST-correct (Europe moved to summer time on 27 March 2022)', () => {
    const s = span(at('2022-03-30T10:20', 'Africa/Nairobi'), at('2022-03-30T11:50', 'Africa/Nairobi'), 'Africa/Nairobi', 'EAT', [{ zone: 'Europe/Berlin', name: 'your time' }]);
    expect(s).to.equal('10:20–11:50 EAT (09:20–10:50 your time, Europe/Berlin UTC+2)');
  });
  it('names another date when the conversion crosses midnight', () => {
    const s = span(at('2022-03-30T10:00', 'Africa/Nairobi'), undefined, 'Africa/Nairobi', 'EAT', [{ zone: 'Pacific/Honolulu', name: 'in Honolulu' }]);
    expect(s).to.equal('10:00 EAT (21:00 on Tue 29 Mar in Honolulu, Pacific/Honolulu UTC-10)');
  });
  it('handles the Sydney DST end inside the sample event (2 April AEDT, 4 April AEST)', () => {
    expect(zoned(at('2027-04-02T09:00', 'Australia/Sydney'), 'UTC').hm).to.equal('22:00');
    expect(zoned(at('2027-04-04T14:00', 'Australia/Sydney'), 'UTC').hm).to.equal('04:00');
  });
  const offsets: [number, string][] = [[0, 'UTC'], [180, 'UTC+3'], [330, 'UTC+5:30'], [-240, 'UTC-4']];
  for (const [o, s] of offsets) it(`offsetLabel(${o}) = ${s}`, () => expect(offsetLabel(o)).to.equal(s));
});
