// The registration dialog in French, through the real app over HTTP (POST /api/messages, replies recorded by the
// mock Bot Connector): every prompt, check, choice, the privacy notice, the summary and the confirmation come in the
// language the conversation was in when the dialog started, whatever an answer is written in.
import { expect } from 'chai';
import { say } from '../../src/language/messages.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const TITLE_FR = 'Clinique sur la sécurité des SFN';
let n = 0;
/** A fresh conversation for one user, from a page whose Web Chat says en-US: the French is the attendee's, not the locale's. */
const chat = (bot: BotUnderTest) => {
  const who = { conversationId: `fr-reg-${++n}`, userId: `fr-user-${n}` };
  const say = (text: string) => bot.say(text, who);
  return { ...who, say, ask: async (text: string) => (await say(text)).map(visibleText).join('\n') };
};
const suggestions = (activities: Record<string, any>[]) => activities.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x: { title: string }) => x.title));

describe('registration dialog in French (HTTP)', function () {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000' });
  });
  after(async () => bot.stop());

  it('registers an attendee who types only French: French prompts, checks, choices, privacy notice, summary and confirmation; stored once, with its language', async () => {
    const c = chat(bot);
    const start = await c.ask("Bonjour, je veux m'inscrire");
    expect(start).to.include(`Inscrivons-vous à «${NBSP}${TITLE_FR}${NBSP}»`).and.include(`Quel est votre nom complet${NNBSP}?`);
    expect(await c.ask('Amina Uwase')).to.include(`Quelle est votre adresse e-mail${NNBSP}?`);
    // a check says what is wrong in French, and asks again
    expect(await c.ask('amina chez example')).to.include('Une adresse e-mail contient un @').and.include('Quelle est votre adresse e-mail');
    const code = await c.say('amina.uwase@example.org');
    expect(code.map(visibleText).join('\n')).to.include('Je vous ai envoyé un code à six chiffres').and.include('**renvoyer**');
    expect(suggestions(code)).to.deep.equal(['Renvoyer']);
    // the code e-mail itself is in French
    const mail = bot.mail.to('amina.uwase@example.org').at(-1)!;
    expect(mail.subject).to.match(new RegExp(`^\\d{6} est votre code pour «${NBSP}${TITLE_FR}${NBSP}»$`));
    expect(mail.text).to.include('Tapez-le dans la conversation').and.not.include('Type it');
    expect(await c.ask('123')).to.include('Le code a six chiffres');
    expect(await c.ask(await bot.mail.codeFor('amina.uwase@example.org'))).to.include('votre adresse est confirmée').and.include(`Pour quelle organisation travaillez-vous${NNBSP}?`);
    // an English organisation name is an answer, not a change of language
    expect(await c.ask('International Telecommunication Union')).to.include(`Dans quel pays êtes-vous basé${NNBSP}?`);
    const category = await c.say('je suis au Rwanda');
    expect(category.map(visibleText).join('\n')).to.include('Laquelle de ces catégories vous décrit le mieux');
    expect(suggestions(category)).to.deep.equal(['Régulateur des télécommunications/TIC', 'Fournisseur de SFN', 'Banque centrale', 'Opérateur de réseau mobile', 'Autre']);
    const reminders = await c.say('banque centrale');
    expect(suggestions(reminders)).to.deep.equal(['Toutes les sessions', 'Je choisirai', 'Aucun rappel']);
    const consent = await c.say('toutes les sessions');
    const notice = consent.map(visibleText).join('\n');
    expect(notice).to.include('au sujet de votre vie privée').and.include('Les questions auxquelles je ne sais pas répondre sont conservées 30 jours').and.include(`Acceptez-vous que je les enregistre${NNBSP}?`);
    expect(notice).to.not.match(/privacy|Do you agree|Questions I can't/);
    expect(suggestions(consent)).to.deep.equal(["J'accepte", 'Non merci']);
    const summary = await c.say("j'accepte");
    const summaryText = summary.map(visibleText).join('\n');
    expect(summaryText).to.include('Vérifiez vos coordonnées').and.include('Vos coordonnées').and.include('Pays').and.include('Rwanda').and.include('Banque centrale').and.include('avant chaque session');
    expect(summaryText).to.not.match(/Your details|Country|Central bank|before every session/);
    expect(suggestions(summary)).to.deep.equal(['Confirmer', 'Modifier quelque chose']);
    const done = await c.ask('confirmer');
    expect(done).to.include(`Vous êtes inscrit à «${NBSP}${TITLE_FR}${NBSP}»${NNBSP}!`).and.include('Et maintenant').and.include('*comment me connecter').and.include('Je vous préviendrai peu avant chaque session');
    const reference = done.match(/Votre référence est \*\*([A-Z2-9]{4}-[A-Z2-9]{4})\*\*/)?.[1];
    expect(reference, done).to.be.a('string');

    const stored = (await bot.app.registrations.all()).filter((r) => r.email === 'amina.uwase@example.org');
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({ fullName: 'Amina Uwase', organisation: 'International Telecommunication Union', category: 'Central bank', reminders: 'all', language: 'fr', reference });
    // stored as the organisers read it (the export): the country's code and English name
    expect(stored[0]!.country).to.deep.equal({ code: 'RW', name: 'Rwanda' });
    // the conversation is still in French after the English organisation name: a short "merci" is answered in French
    expect(await c.ask('merci')).to.include('Je vous en prie');
  });

  it('keeps the dialog in French when an answer is just a name or an acronym ("ITU")', async () => {
    const c = chat(bot);
    await c.ask("je voudrais m'inscrire");
    expect(await c.ask('John Smith')).to.include('Quelle est votre adresse e-mail');
    await c.ask('john.smith@example.org');
    await c.ask(await bot.mail.codeFor('john.smith@example.org'));
    expect(await c.ask('ITU')).to.include('Dans quel pays êtes-vous basé');
    expect(await c.ask('Kenya')).to.include('Laquelle de ces catégories');
  });

  // Countries as French speakers type them, recognised and shown in French (i18n-iso-countries).
  const COUNTRIES: [typed: string, code: string, shown: string][] = [
    ['Rwanda', 'RW', 'Rwanda'],
    ['RD Congo', 'CD', 'République démocratique du Congo'],
    ['République démocratique du Congo', 'CD', 'République démocratique du Congo'],
    ['Côte d’Ivoire', 'CI', 'Côte-d’Ivoire'],
    ["j'habite en Tanzanie", 'TZ', 'République unie de Tanzanie'],
    ['le Burundi', 'BI', 'Burundi'],
  ];
  it('reads countries typed in French and shows them in French, changed at the summary ("modifier le pays")', async () => {
    const c = chat(bot);
    for (const answer of ["je m'inscris", 'Jean-Paul Habimana', 'jp.habimana@example.org']) await c.ask(answer);
    for (const answer of [await bot.mail.codeFor('jp.habimana@example.org'), 'Banque nationale', 'Ouganda', 'Fournisseur de SFN', 'Je choisirai']) await c.ask(answer);
    expect(await c.ask('oui')).to.include('Vérifiez vos coordonnées').and.include('Ouganda');
    for (const [typed, code, shown] of COUNTRIES) {
      expect(await c.ask('modifier le pays'), typed).to.include('Dans quel pays êtes-vous basé').and.include('Actuellement');
      const summary = await c.ask(typed);
      expect(summary, typed).to.include('Vérifiez vos coordonnées').and.include(shown);
      void code;
    }
    expect(await c.ask('confirmer')).to.include('Vous êtes inscrit');
    const stored = (await bot.app.registrations.all()).find((r) => r.email === 'jp.habimana@example.org');
    expect(stored?.country).to.deep.equal({ code: 'BI', name: 'Burundi' });
    expect(stored?.category).to.equal('DFS provider');
    expect(stored?.reminders).to.equal('choose');
  });

  it('stops in French ("annuler") with nothing stored, and says no to the privacy notice in French', async () => {
    const c = chat(bot);
    await c.ask("je veux m'inscrire");
    await c.ask('Marie Nkurunziza');
    expect(await c.ask('annuler')).to.include("D'accord, j'arrête").and.include('Rien n');
    const d = chat(bot);
    for (const answer of ["je veux m'inscrire", 'Claude Mbuyi', 'claude.mbuyi@example.org']) await d.ask(answer);
    for (const answer of [await bot.mail.codeFor('claude.mbuyi@example.org'), 'ARPTC', 'RDC', 'Régulateur', 'Aucun rappel']) await d.ask(answer);
    expect(await d.ask('non merci')).to.include("Pas de problème : je n'ai enregistré aucune de vos coordonnées".replace(' :', `${NBSP}:`));
    const emails = (await bot.app.registrations.all()).map((r) => r.email);
    expect(emails).to.not.include('claude.mbuyi@example.org');
  });

  it('an English registration is unchanged: English prompts, no language stored but English', async () => {
    const c = chat(bot);
    expect(await c.ask('register')).to.include("What's your full name?");
    expect(await c.ask('Jean Dupont')).to.include("What's your e-mail address?");
  });
});

describe('French typography keeps published titles as published', () => {
  // The template is typeset (no-break spaces before ? ! : ; and inside « »); the values go in untouched.
  const TITLES = ['DFS security vulnerabilities: USSD, STK and Android platform vulnerabilities', 'What next? A panel!', 'Q&A; wrap-up'];
  for (const title of TITLES)
    it(`"${title}"`, () => {
      const text = say('fr', 'regd.ok.new', { title, ref: 'ABCD-EFGH' });
      expect(text).to.include(`«${NBSP}${title}${NBSP}»${NNBSP}!`);
    });
});
