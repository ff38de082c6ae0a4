// Places named in French replies as French speakers write them, through POST /api/messages: a city by its French name
// (CLDR's for a zone's city: Londres, Le Caire, Alger; else as the attendee typed it: Genève, Pékin), a country by
// its French name with its article and the preposition French uses (en Inde, au Royaume-Uni, aux États-Unis).
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const CASES: [typed: string, says: RegExp, never: RegExp][] = [
  ['je suis à Londres', /les heures pour Londres \(Europe\/London\)/, /pour London/],
  ['je suis à London', /les heures pour Londres \(Europe\/London\)/, /pour London/],
  ['je suis au Caire', /les heures pour Le Caire \(Africa\/Cairo\)/, /Cairo \(/],
  ['la session SS7 à l’heure du Caire ?', /9 h 20–10 h 50 au Caire, Africa\/Cairo/, /à Le Caire|Cairo,/],
  ['quelle heure est-il à Genève quand la clinique commence ?', /9 h à Genève, Europe\/Zurich/, /Geneva/],
  ['je suis à Pékin, quand commence la session SS7 ?', /15 h 20–16 h 50 à Pékin, Asia\/Shanghai/, /Beijing/],
  ['je suis à Addis-Abeba', /les heures pour Addis-Abeba \(Africa\/Addis_Ababa\)/, /Ababa \(|Désolé/],
  ['je suis en Inde', /les heures pour l'Inde \(Asia\/Kolkata\)/, /India/],
  ['la session SS7 en Inde ?', /12 h 50–14 h 20 en Inde, Asia\/Kolkata/, /à l'Inde|India/],
  ['je suis au Royaume-Uni', /les heures pour le Royaume-Uni \(Europe\/London\)/, /United Kingdom/],
  ['je suis aux États-Unis', /les heures pour les États-Unis d'Amérique \(America\/New_York\)/, /United States|Désolé/],
  ['je suis en RDC', /les heures pour la République démocratique du Congo \(Africa\/Kinshasa\)/, /Democratic|Lagos/],
  ['10 h à Nairobi, c’est quelle heure à Londres ?', /c'est 8 h à Londres \(Europe\/London, UTC\+1\)/, /08:00|à London/],
];

describe('Places named in French replies (HTTP)', () => {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot();
  });
  after(() => bot.stop());

  CASES.forEach(([typed, says, never], i) => {
    it(`"${typed}"`, async () => {
      const who = { conversationId: `conv-places-${i}`, userId: `user-places-${i}`, extra: { locale: 'fr-FR' } };
      const reply = (await bot.ask(typed, who)).replace(/[\u00a0\u202f]/g, ' ');
      expect(reply).to.match(says).and.not.match(never);
    });
  });

  it('an English question keeps the English names', async () => {
    const reply = await bot.ask("I'm in Cairo, when does the SS7 session start?", { conversationId: 'conv-places-en', userId: 'user-places-en' });
    expect(reply).to.match(/times for Cairo \(Africa\/Cairo\)/).and.not.match(/Caire/);
  });
});
