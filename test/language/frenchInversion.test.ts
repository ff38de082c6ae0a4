// French yes/no questions asked by inversion ("la session est-elle enregistrée ?", "parle-t-il le 31 ?", "y a-t-il une
// pause ?") are answered as the same question asked with "est-ce que", through POST /api/messages, in French.
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

/** [inverted, the same with "est-ce que", what the answer says] */
const PAIRS: [inverted: string, estCeQue: string, says: RegExp][] = [
  ['Faaez Burney parle-t-il le 31 ?', 'est-ce que Faaez Burney parle le 31 ?', /^Non — Faaez Burney n'intervient pas le Jour 2, jeudi 31 mars/],
  ['Assaf Klinger intervient-il le deuxième jour ?', "est-ce qu'Assaf Klinger intervient le deuxième jour ?", /^Non — Assaf Klinger n'intervient pas le Jour 2/],
  ['la session SS7 est-elle enregistrée ?', 'est-ce que la session SS7 est enregistrée ?', /ne mentionne pas d'enregistrement/],
  ['les sessions sont-elles enregistrées ?', 'est-ce que les sessions sont enregistrées ?', /ne mentionne pas d'enregistrement/],
  ['y a-t-il une pause ?', "est-ce qu'il y a une pause ?", /^Oui — il y a 2 pauses/],
  ['la clinique est-elle en ligne ?', 'est-ce que la clinique est en ligne ?', /entièrement virtuel/],
  ["ok merci. et l'inscription est-elle obligatoire ?", "ok merci. et est-ce que l'inscription est obligatoire ?", /^Oui — l'inscription est obligatoire/],
];

describe('French yes/no questions by inversion (HTTP)', () => {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot();
  });
  after(() => bot.stop());

  for (const [inverted, estCeQue, says] of PAIRS) {
    it(`"${inverted}" is answered as "${estCeQue}"`, async () => {
      const ask = (text: string, n: number) =>
        bot.ask(text, { conversationId: `conv-inv-${n}-${inverted}`, userId: `user-inv-${n}-${inverted}`, extra: { locale: 'fr-FR' } });
      const a = (await ask(inverted, 1)).replace(/[\u00a0\u202f]/g, ' ');
      const b = (await ask(estCeQue, 2)).replace(/[\u00a0\u202f]/g, ' ');
      expect(a, inverted).to.match(says);
      expect(a, inverted).to.equal(b);
    });
  }
});
