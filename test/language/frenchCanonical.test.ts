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
    ['le 31 mars', 'the 31th march'],
    ['le 31 ?', 'the 31th'],
    ['à 10 h 20 le 31', '10:20 the 31th'],
    ['la session SS7 est-elle enregistrée ?', 'is it true that the session ss7 is recorded'],
    ['Faaez Burney parle-t-il le 31 ?', 'is it true that faaez burney speaks the 31th'],
    ["ok merci. et l'inscription est-elle gratuite ?", 'and is it true that the registration is free'],
    ['y a-t-il une pause ?', 'is there a break'],
    ["est-ce qu'il y a une pause ?", 'is there a break'],
    ['quand commence-t-elle ?', 'when does it start'],
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
