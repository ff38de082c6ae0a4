// Account and reminder commands typed in French outside any dialog reach the same features as the English ones and
// are answered in French, through POST /api/messages: the suggested actions the bot offers in French ("Voir mon
// inscription", "Rappelle-moi toutes les sessions") and what attendees type in their own words.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { seedAttendee } from '../reminders/support.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

/** One conversation, in order: what the attendee types, what the reply must say (in French), what it must not. */
const TURNS: [typed: string, says: RegExp, never: RegExp][] = [
  ['voir mon inscription', /vous êtes inscrit.*Votre référence est/s, /You are|obligatoire/],
  ['rappelle-moi la session SS7', /je vous préviendrai 15 minutes avant.*Jour 1, 10 h 20/s, /I'll|Jour 2/],
  ['mets un rappel pour le jour 2', /je vous préviendrai.*Jour 2, 10 h–11 h 15 EAT/s, /I'll|Programme/],
  ['mes rappels', /Vous recevez un rappel 15 minutes avant ces sessions/, /You get/],
  ['désactive les rappels', /plus de rappels/, /C'est fait/],
  ['active les rappels', /je vous préviendrai 15 minutes avant chaque session/, /plus de rappels/],
  ['arrête les rappels', /plus de rappels/, /C'est fait/],
  ['Rappelle-moi toutes les sessions', /je vous préviendrai 15 minutes avant chaque session/, /Programme|Jour 1, mercredi/],
  ['modifier mon inscription', /Voici vos coordonnées.*confirmer/s, /obligatoire/],
  ['annuler', /Rien n'a été enregistré ni modifié/, /Vous êtes inscrit/],
  ['changer mon pays', /Dans quel pays/, /fuseau|Programme/],
  ['annuler', /Rien n'a été enregistré ni modifié/, /Vous êtes inscrit/],
];

describe('French commands outside a dialog (HTTP)', () => {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({}, { clock: new ManualClock('2022-03-01T08:00:00Z') });
  });
  after(() => bot.stop());

  it('see, change and cancel one’s registration and set or stop reminders, typed in French, each answered by its feature in French', async () => {
    await seedAttendee(bot.app.store, 'fr', { serviceUrl: bot.connector.url, reminders: 'none' });
    const who = { userId: 'user-fr', conversationId: 'conv-fr-commands', locale: 'fr-FR' };
    for (const [typed, says, never] of TURNS) {
      const reply = (await bot.ask(typed, who)).replace(/[\u00a0\u202f]/g, ' ');
      expect(reply, typed).to.match(says).and.not.match(never);
    }
    // the registration was only looked at and left as it was
    const [stored] = await new RegistrationStore(bot.app.store).all();
    expect(stored?.country.name).to.equal('Kenya');
  });

  it('cancelling one’s registration in French asks first and keeps it on "non"', async () => {
    await seedAttendee(bot.app.store, 'fr2', { serviceUrl: bot.connector.url });
    const who = { userId: 'user-fr2', conversationId: 'conv-fr2-commands', locale: 'fr-FR' };
    const asked = await bot.ask('annuler mon inscription', who);
    expect(asked).to.match(/annuler|supprimer/i).and.not.match(/obligatoire|Are you sure/);
    await bot.ask('non', who);
    expect((await new RegistrationStore(bot.app.store).all()).map((r) => r.email)).to.include('attendee-fr2@example.org');
  });
});
