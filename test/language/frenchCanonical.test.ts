// French read in the recognisers' form: days, dates, clock times, parts of the day, places and follow-ups.
import { expect } from 'chai';
import { FrenchCanonical } from '../../src/language/frenchCanonical.ts';
import { NLU_DIR } from '../../src/understanding/nlu/recognizer.ts';

describe('French read for the recognisers', () => {
  const fr = new FrenchCanonical(NLU_DIR);
  const cases: [string, string][] = [
    ['la session de 10 h 20', '10:20'],
    ['à 14h30', '14:30'],
    ['vers 9 heures', '9:00'],
    ["qu'est-ce qu'il y a à midi ?", 'noon'],
    ['le deuxième jour', 'second day'],
    ['programme du jour 2', 'day 2'],
    ['Mercredi après-midi', 'wednesday afternoon'],
    ['le 31 mars', '31 march'],
    ['et le lendemain ?', 'and the next day'],
    ['je suis à Kinshasa', 'i am in kinshasa'],
    ["aujourd'hui", 'today'],
    ['c est quand la pause café', 'when is'],
  ];
  for (const [text, want] of cases) it(`reads "${text}" with "${want}"`, () => expect(fr.read(text)).to.contain(want));

  it('leaves what it does not know as typed, lowercase and without accents', () => {
    expect(fr.read('Vulnérabilités SS7')).to.equal('vulnerabilites ss7');
  });
});
