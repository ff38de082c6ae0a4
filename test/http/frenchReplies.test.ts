// Replies in the language asked, through /api/messages with a mock channel: French questions get French sentences,
// card labels and suggested actions (typeset: a no-break space before ? ! : ;), and a conversation that switches
// language mid-way answers each turn in the language of that turn.
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('replies in French through /api/messages', () => {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot();
  });
  after(() => bot.stop());

  const titles = (a: Record<string, any>) => (a.suggestedActions?.actions ?? []).map((x: { title: string }) => x.title) as string[];
  const card = (a: Record<string, any>) => JSON.stringify(a.attachments?.[0]?.content ?? {});

  it('answers a day’s agenda in French: the lead, the card’s title and zone note, and the suggestions', async () => {
    const [reply] = await bot.say('Quel est le programme du jour 2 ?', { conversationId: 'fr-agenda', userId: 'u-fr-agenda', channelId: 'msteams' });
    expect(reply!.text).to.match(/^Jour 2, jeudi 31 mars 2022\u00a0: 10\u00a0h–13\u00a0h EAT\.$/);
    expect(card(reply!)).to.contain('Programme\u00a0: Jour 2').and.contain('Heures en EAT').and.not.contain('Times in').and.not.contain('Agenda');
    expect(titles(reply!)).to.deep.equal(['Programme du jour 1', 'Rappelez-moi le jour 2', `Y a-t-il une pause${NNBSP}?`]);
  });

  it('answers speakers, sessions, counts, breaks, reports and time zones with French sentence frames', async () => {
    const cases: [string, RegExp][] = [
      ['Qui présente la session sur le SS7 ?', /les intervenants sont Faaez Burney/],
      ['Quand parle Vijay Mauree ?', /Vijay Mauree intervient dans 2 sessions/],
      ['Combien de sessions y a-t-il le jour 2 ?', /3 sessions le Jour 2, jeudi 31 mars 2022 \(sans compter 1 pause\)/],
      ["C'est quand la pause café ?", /Il y a 2 pauses\u00a0:/],
      ['Quels rapports pour le jour 2 ?', /Rapports du Jour 2, jeudi 31 mars 2022 \(2\)/],
      ['Les heures sont dans quel fuseau horaire ?', /Toutes les heures sont en EAT/],
      ['Qui organise la clinique ?', /est organisé par l'Union internationale des télécommunications/],
      ['C’est gratuit ?', /ne mentionne pas de frais/],
    ];
    for (const [i, [question, expected]] of cases.entries()) {
      const text = await bot.ask(question, { conversationId: `fr-kinds-${i}`, userId: 'u-fr-kinds' });
      expect(text, question).to.match(expected);
      // No English frame or suggestion is left in a French reply.
      expect(text, question).not.to.match(/\b(Show the agenda|Who are the speakers|speakers are|There (is|are)|Related reports|All times are|is organised by|does not mention)\b/);
    }
  });

  it('typesets French: a no-break space before ? and :, never a plain one', async () => {
    const text = await bot.ask('Qui sont les intervenants ?', { conversationId: 'fr-type', userId: 'u-fr-type' });
    expect(text).to.contain(`Quand parle Bilel Jamoussi${NNBSP}?`).and.contain(`${NBSP}:`);
    expect(text).not.to.match(/[\p{L}\d)] [?!:;](\s|$)/u);
  });

  it('answers times in the attendee’s zone in French: "votre heure"', async () => {
    const opts = { conversationId: 'fr-zone', userId: 'u-fr-zone' };
    expect(await bot.ask('je suis à Paris', opts)).to.contain("C'est noté").and.contain('Europe/Paris');
    expect(await bot.ask('à quelle heure commence le jour 2 ?', opts)).to.match(/10\u00a0h EAT \(9\u00a0h votre heure, Europe\/Paris UTC\+2\)/);
  });

  it('answers each turn of a mixed conversation in the language of that turn, and back', async () => {
    const opts = { conversationId: 'mixed', userId: 'u-mixed' };
    expect(await bot.ask('Qui est Arnold Kibuuka ?', opts)).to.contain('Chargé de projet');
    expect(await bot.ask('Quel est le programme du jour 1 ?', opts)).to.contain('Programme').and.contain('Rappelez-moi le jour 1');
    const english = await bot.ask('when does he speak?', opts);
    expect(english).to.contain('Arnold Kibuuka speaks in 2 sessions').and.contain('Project Officer').and.contain('Times in EAT');
    expect(english).not.to.match(/Jour|intervient|Heures en/);
    const agendaEn = await bot.ask("what's on day 2?", opts);
    expect(agendaEn).to.contain('Day 2, Thu 31 March 2022 runs 10:00–13:00 EAT.').and.contain('Day 1 agenda');
    const backToFrench = await bot.ask('Et le lendemain ?', opts);
    expect(backToFrench).to.satisfy((t: string) => /Jour|programme|Programme/.test(t));
    const french = await bot.ask('Combien de pauses en tout ?', opts);
    expect(french).to.contain('2 pauses, 20\u00a0min au total').and.not.contain('breaks');
  });

  it('keeps English replies in English for an English user (unchanged wording)', async () => {
    const [reply] = await bot.say("what's on day 2?", { conversationId: 'en-agenda', userId: 'u-en-agenda', channelId: 'msteams' });
    expect(reply!.text).to.equal('Day 2, Thu 31 March 2022 runs 10:00–13:00 EAT.');
    expect(card(reply!)).to.contain('Agenda: Day 2').and.contain('Times in EAT');
    expect(titles(reply!)).to.deep.equal(['Day 1 agenda', 'Remind me about day 2', 'Is there a break?']);
    expect(visibleText(reply!)).not.to.match(/Jour|Programme/);
  });
});
