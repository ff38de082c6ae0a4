import { expect } from 'chai';
import { PlaceRecogniser } from '../../src/understanding/places.ts';
import { normalise } from '../../src/understanding/normalise.ts';

describe('PlaceRecogniser', () => {
  const places = new PlaceRecogniser(new Set(['itu', 'mobile', 'android']));
  const cases: [string, string | undefined][] = [
    ['what time does day 1 start in Paris', 'Europe/Paris'],
    ['when is it in Tokyo time', 'Asia/Tokyo'],
    ["I'm in Lagos", 'Africa/Lagos'],
    ['what time in Geneva', 'Europe/Zurich'],
    ['London time', 'Europe/London'],
    ['opening time in India', 'Asia/Kolkata'],
    ['i am based in France', 'Europe/Paris'],
    ['set my time zone to Asia/Tokyo', 'Asia/Tokyo'],
    ['set my time zone to america/new_york', 'America/New_York'],
    ['what is that in UTC', 'UTC'],
    ['convert to UTC+2', 'UTC+2'],
    ['in CET', 'Europe/Paris'],
    ['for someone in EST', 'America/New_York'],
    ['is that in EAT', 'Africa/Nairobi'],
    ['i live in the united states', 'America/New_York'],
    ['i am in the US', 'America/New_York'],
    ['new york', 'America/New_York'],
    ["what time is it in St. John's, Newfoundland", 'America/St_Johns'],
    ['day 1 in st johns', 'America/St_Johns'],
    ['what time in newfoundland', 'America/St_Johns'],
    ['in south australia', 'Australia/Adelaide'],
    ['in california', 'America/Los_Angeles'],
    ['when does it end in ontario', 'America/Toronto'],
    ['in washington', 'America/New_York'],
    ['who is from the central bank', undefined],
    ['who is from ITU', undefined],
    ['speakers from adaptive mobile', undefined],
    ['where can i eat', undefined],
    ['tell us more', undefined],
    ['is it in person', undefined],
    ['who is in the USSD session', undefined],
  ];
  for (const [text, zone] of cases) {
    it(`${JSON.stringify(text)} → ${zone ?? 'none'}`, () => {
      const n = normalise(text);
      expect(places.recognise(n.raw, n.plain)[0]?.zone).to.equal(zone);
    });
  }
  it('marks a country with several zones as assumed', () => {
    const n = normalise('I am in the United States');
    expect(places.recognise(n.raw, n.plain)[0]?.assumed).to.equal(true);
  });
});
