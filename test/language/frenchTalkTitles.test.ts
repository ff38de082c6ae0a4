// A talk or session named in French by a rendering of its English (published) title is found by the search, through
// POST /api/messages: "la sécurité de la signalisation" is "Signalling Security", "le cadre d'assurance" is the "DFS
// Security Assurance Framework", "ce que les régulateurs doivent faire" is "SS7 Security: What regulators need to do?".
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const CASES: [typed: string, says: RegExp, never: RegExp][] = [
  ['qui présente la sécurité de la signalisation ?', /Faaez Burney.*Karel Van Der Lecq/s, /Vijay Mauree|Désolé/],
  ['quand a lieu la présentation sur la sécurité de la signalisation ?', /Jour 1, mercredi 30 mars 2022, 10 h 20–11 h 50 EAT/, /Jour 2|Désolé/],
  ['qui présente le cadre d’assurance ?', /Vijay Mauree.*Jour 2, jeudi 31 mars 2022, 10 h–11 h 15/s, /Faaez|Désolé/],
  ['quand a lieu le cadre d’assurance de la sécurité des SFN ?', /Jour 2, jeudi 31 mars 2022, 10 h–11 h 15 EAT/, /Jour 1|Désolé/],
  ['qui présente la sécurité SS7 : ce que les régulateurs doivent faire ?', /^Assaf Klinger présente/, /Faaez|Karel/],
];

describe('talks named by a French rendering of their English title (HTTP)', () => {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot();
  });
  after(() => bot.stop());

  CASES.forEach(([typed, says, never], i) => {
    it(`"${typed}"`, async () => {
      const who = { conversationId: `conv-talk-${i}`, userId: `user-talk-${i}`, extra: { locale: 'fr-FR' } };
      const reply = (await bot.ask(typed, who)).replace(/[\u00a0\u202f]/g, ' ');
      expect(reply).to.match(says).and.not.match(never);
    });
  });
});
