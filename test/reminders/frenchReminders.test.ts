// Reminders, subscription replies and announcements in the attendee's language, through the running app: a
// registration typed in French at /api/messages, the scheduler on the bot's clock delivering to the mock Bot
// Connector and to the local SMTP server, and the organisers' announcement API.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';
import { seedAttendee } from './support.ts';

const TOKEN = 'test-admin-token-0123456789';
const SS7_DUE = Date.parse('2022-03-30T07:05:00Z'); // 15 min before the SS7 session (10:20 EAT)
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const SS7_FR = "Vulnérabilités de sécurité des SFN : vulnérabilités de l'infrastructure et mesures d'atténuation (vulnérabilités de l'infrastructure mobile)";

describe('reminders and announcements in the attendee’s language (HTTP)', () => {
  let bot: BotUnderTest;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(new Date(SS7_DUE - 60_000));
    bot = await startBot({ ADMIN_TOKEN: TOKEN, REMINDER_LEAD_MINUTES: '15' }, { clock });
  });
  afterEach(() => bot.stop());

  it('a registration typed in French gets its reminder in French, in the chat and by e-mail; reminder commands answer in French; each turn of a mixed conversation in its own language', async () => {
    const who = { userId: 'fr-1', conversationId: 'conv-fr', localTimezone: 'Europe/London' };
    const say = (text: string) => bot.ask(text, who);
    for (const answer of ["je veux m'inscrire", 'Aline Mukamana', 'aline@example.org']) await say(answer);
    // every session followed: the reminders are chosen in the dialog ("Toutes les sessions")
    for (const answer of [await bot.mail.codeFor('aline@example.org'), 'Banque nationale du Rwanda', 'Rwanda', 'Banque centrale', 'Toutes les sessions', "j'accepte"]) await say(answer);
    expect(await say('confirmer')).to.contain('Vous êtes inscrit');
    expect((await new RegistrationStore(bot.app.store).all()).map((r) => [r.language, r.reminders])).to.deep.equal([['fr', 'all']]);

    const list = await say('mes rappels');
    expect(list).to.contain(`Vous recevez un rappel 15 minutes avant chaque session. À venir${NBSP}:`).and.not.contain('You get');
    expect(list).to.contain(`- Jour 1, 10${NBSP}h${NBSP}20–11${NBSP}h${NBSP}50 EAT (8${NBSP}h${NBSP}20–9${NBSP}h${NBSP}50 votre heure, Europe/London)${NBSP}: ${SS7_FR}`);

    const before = bot.connector.to('conv-fr').length;
    clock.set(new Date(SS7_DUE)); // the scheduler wakes on its own (<= 5 s)
    await bot.connector.waitFor(() => bot.connector.to('conv-fr').length > before, 8000);
    await bot.app.reminders.service.settle();
    const delivered = bot.connector.to('conv-fr').slice(before);
    expect(delivered).to.have.length(1);
    const reminder = visibleText(delivered[0]);
    expect(reminder).to.contain(`⏰ Dans 15 minutes${NBSP}: **${SS7_FR}**`);
    expect(reminder).to.contain(`Jour 1, 10${NBSP}h${NBSP}20–11${NBSP}h${NBSP}50 EAT (8${NBSP}h${NBSP}20–9${NBSP}h${NBSP}50 votre heure, Europe/London)`);
    expect(reminder).to.contain('Intervenants').and.not.match(/Starting|Speakers|Day 1|your time/);
    expect(delivered[0].suggestedActions.actions.map((a: { title: string }) => a.title)).to.deep.equal([`Quels sont mes rappels${NNBSP}?`, 'Arrête les rappels']);

    // the e-mail copy (a web attendee gets one) is in French too
    await bot.mail.waitFor(() => bot.mail.to('aline@example.org').some((m) => /^Dans 15 minutes/.test(m.subject)), 8000);
    const mail = bot.mail.to('aline@example.org').find((m) => /^Dans 15 minutes/.test(m.subject))!;
    expect(mail.subject).to.contain(`(Clinique sur la sécurité des SFN)`);
    expect(mail.text).to.contain(`Jour 1, 10${NBSP}h${NBSP}20`).and.contain('Vous recevez ce message parce que vous êtes inscrit').and.not.contain('You get this');

    // a mixed conversation: each turn in the language it is asked in
    expect(await say('what time does day 2 start?')).to.match(/^Day 2, .* starts at 10:00 EAT/);
    expect(await say('et le jour 1 ?')).to.contain(`Jour 1`).and.contain(`10${NBSP}h`).and.not.contain('Day 1');
    expect(await say('arrête les rappels')).to.contain("D'accord, plus de rappels");
    expect((await new RegistrationStore(bot.app.store).byIdentity('webchat:fr-1'))?.reminders).to.equal('none');
  });

  const post = (body: unknown) =>
    fetch(`${bot.url}/api/admin/announce`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });

  // Who gets which text: the French one for those who registered in French when the organisers gave one, else the English.
  const CASES: { name: string; body: Record<string, string>; fr: RegExp; en: RegExp }[] = [
    {
      name: 'with a French text',
      body: { text: 'The day 2 link has changed: use the new one.', textFr: 'Le lien du jour 2 a changé : utilisez le nouveau.' },
      fr: new RegExp(`^📣 Annonce des organisateurs de «${NBSP}Clinique sur la sécurité des SFN${NBSP}»${NBSP}:\\n\\nLe lien du jour 2 a changé : utilisez le nouveau\\.$`),
      en: /^📣 Announcement from the organisers of DFS Security Clinic:\n\nThe day 2 link has changed: use the new one\.$/,
    },
    {
      name: 'without one',
      body: { text: 'Slides are on the event page.' },
      fr: /^📣 Announcement from the organisers of DFS Security Clinic:\n\nSlides are on the event page\.$/,
      en: /^📣 Announcement from the organisers of DFS Security Clinic:\n\nSlides are on the event page\.$/,
    },
  ];
  for (const c of CASES)
    it(`an announcement ${c.name} reaches a French attendee ${c.body.textFr ? 'in French' : 'in English'} and an English one in English, by chat and e-mail`, async () => {
      const fr = await seedAttendee(bot.app.store, 'fr', { serviceUrl: bot.connector.url });
      await seedAttendee(bot.app.store, 'en', { serviceUrl: bot.connector.url });
      await new RegistrationStore(bot.app.store).update('webchat:user-fr', () => ({ language: 'fr' }));
      const res = await post(c.body);
      expect(res.status).to.equal(202);
      await bot.app.reminders.service.settle();
      const got = (conv: string) => bot.connector.to(conv).map(visibleText);
      expect(got('conv-fr')).to.have.length(1);
      expect(got('conv-fr')[0]).to.match(c.fr);
      expect(got('conv-en')).to.have.length(1);
      expect(got('conv-en')[0]).to.match(c.en);
      await bot.mail.waitFor(() => bot.mail.to(fr.email).length > 0, 8000);
      const mail = bot.mail.to(fr.email)[0]!;
      expect(mail.subject).to.equal(c.body.textFr ? `Annonce${NBSP}: Clinique sur la sécurité des SFN` : 'Announcement: DFS Security Clinic');
    });

  it('checks the French text like the English one, and previews both', async () => {
    expect((await post({ text: 'ok', textFr: 'x'.repeat(4001) })).status).to.equal(400);
    expect((await post({ text: 'ok', textFr: 42 })).status).to.equal(400);
    const preview = await fetch(`${bot.url}/api/admin/announce/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: 'Hello', textFr: 'Bonjour' }),
    });
    const body = (await preview.json()) as { reply: { text: string }; replyFr: { text: string } };
    expect(body.reply.text).to.match(/Hello$/);
    expect(body.replyFr.text).to.match(/^📣 Annonce des organisateurs/).and.match(/Bonjour$/);
  });
});
