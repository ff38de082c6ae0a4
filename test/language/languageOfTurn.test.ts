// The language of a turn: what the message is written in when it says enough, else the conversation's language,
// else the channel's locale; "parlez-vous français ?" and "in English please" switch it.
import { expect } from 'chai';
import { languageOfTurn, languageOfLocale } from '../../src/language/index.ts';

describe('language of a turn', () => {
  const french = [
    'Quand a lieu la clinique ?',
    'À quelle heure commence la clinique chaque jour ?',
    'La clinique se tient à Nairobi ou à distance ?',
    'qui est Arnold Kibuuka ?',
    'et le lendemain ?',
    'qui la présente ?',
    'je suis à Kinshasa',
    'est ce que la session sur la fraude est enregistree',
    'Combien de sessions le deuxième jour ?',
    'merci',
  ];
  const english = ["what's on day 2?", 'who is Arnold Kibuuka?', "I'm in Kinshasa", 'is there French interpretation?', 'is it free?', 'thanks', 'register'];

  for (const text of french) it(`reads "${text}" as French, whatever the locale`, () => {
    expect(languageOfTurn(text, { locale: 'en-US', remembered: 'en' })).to.include({ language: 'fr', why: 'detected', switched: false });
  });
  for (const text of english) it(`reads "${text}" as English, whatever the locale`, () => {
    expect(languageOfTurn(text, { locale: 'fr-FR', remembered: 'fr' })).to.include({ language: 'en', why: 'detected', switched: false });
  });

  it('keeps the conversation’s language for a message too short or mixed to tell', () => {
    for (const text of ['ok', 'SS7?', 'Kibuuka', '2', 'la session mobile money', 'super']) {
      expect(languageOfTurn(text, { remembered: 'fr', locale: 'en-US' }), text).to.include({ language: 'fr', why: 'remembered' });
      expect(languageOfTurn(text, { remembered: 'en', locale: 'fr-FR' }), text).to.include({ language: 'en', why: 'remembered' });
    }
  });

  it('falls back to the channel’s locale, then English', () => {
    expect(languageOfTurn('SS7?', { locale: 'fr-CA' })).to.include({ language: 'fr', why: 'locale' });
    expect(languageOfTurn('SS7?', { locale: 'de-DE' })).to.include({ language: 'en', why: 'default' });
    expect(languageOfTurn('SS7?')).to.include({ language: 'en', why: 'default' });
    expect(languageOfLocale('FR_be')).to.equal('fr');
    expect(languageOfLocale(42)).to.equal(undefined);
  });

  it('switches on a request, in either language', () => {
    for (const text of ['parlez-vous français ?', 'Parlez vous francais?', 'do you speak French?', 'en français svp']) {
      expect(languageOfTurn(text, { remembered: 'en', locale: 'en-US' }), text).to.include({ language: 'fr', switched: true });
    }
    for (const text of ['in English please', 'English please', 'parlez-vous anglais ?', 'can you speak english?']) {
      expect(languageOfTurn(text, { remembered: 'fr', locale: 'fr-FR' }), text).to.include({ language: 'en', switched: true });
    }
  });

  it('does not take a question about the event’s language for a request to switch', () => {
    expect(languageOfTurn('is there French interpretation?')).to.include({ language: 'en', switched: false });
    expect(languageOfTurn('y a-t-il une traduction en anglais ?')).to.include({ language: 'fr', switched: false });
  });
});
