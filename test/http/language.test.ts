// The language of each turn through /api/messages: asked for, detected, remembered per user, else the locale.
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../src/logger.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

describe('language per turn through /api/messages', () => {
  let bot: BotUnderTest;
  const logged: Record<string, unknown>[] = [];
  before(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (logged.push(JSON.parse(String(chunk))), done()) });
    bot = await startBot({}, { log: createLogger('info', sink) });
  });
  after(() => bot.stop());

  /** The language the turn was answered in, from its log line. */
  const languageOf = async (text: string, opts: Parameters<BotUnderTest['say']>[1]) => {
    logged.length = 0;
    await bot.say(text, opts);
    return logged.find((l) => l.msg === 'understood')?.language;
  };

  it('answers "parlez-vous français ?" in French, typeset, and "in English please" in English', async () => {
    const fr = await bot.say('parlez-vous français ?', { conversationId: 'switch', userId: 'u-switch' });
    expect(fr).to.have.length(1);
    expect(fr[0]!.text).to.contain('je vous réponds en français').and.contain('\u00a0:');
    expect(fr[0]!.suggestedActions.actions.map((a: { title: string }) => a.title)).to.include('Qui sont les intervenants\u202f?');
    const en = await bot.ask('in English please', { conversationId: 'switch', userId: 'u-switch' });
    expect(en).to.contain("I'll answer in English");
  });

  it('takes French text as French though the channel (Teams) says en-US, and keeps it for a short message', async () => {
    const opts = { conversationId: 'teams-fr', userId: 'u-teams', channelId: 'msteams', extra: { locale: 'en-US' } };
    expect(await languageOf('Quand a lieu la clinique ?', opts)).to.equal('fr');
    expect(await languageOf('ok', opts)).to.equal('fr');
    expect(await languageOf('who are the speakers?', opts)).to.equal('en');
    expect(await languageOf('ok', opts)).to.equal('en');
  });

  it('remembers the language per user, across conversations', async () => {
    await bot.say('à quelle heure commence la clinique ?', { conversationId: 'first', userId: 'u-remember' });
    expect(await languageOf('SS7?', { conversationId: 'second', userId: 'u-remember' })).to.equal('fr');
  });

  it('uses the activity’s locale when nothing else tells', async () => {
    expect(await languageOf('SS7?', { conversationId: 'loc-fr', userId: 'u-loc-fr', extra: { locale: 'fr-FR' } })).to.equal('fr');
    expect(await languageOf('SS7?', { conversationId: 'loc-en', userId: 'u-loc-en' })).to.equal('en');
  });

  it('answers French questions from the event, whatever the locale (the three from the issue)', async () => {
    const opts = { conversationId: 'fr-questions', userId: 'u-fr-questions' };
    expect(await bot.ask('Quand a lieu la clinique ?', opts)).to.match(/30/).and.match(/31/);
    expect(await bot.ask('À quelle heure commence la clinique chaque jour ?', opts)).to.match(/10\u00a0h/);
    expect(await bot.ask('La clinique se tient à Nairobi ou à distance ?', opts)).to.match(/virtuel/i);
  });

  it('follows a French conversation: "qui la présente ?", "et le lendemain ?"', async () => {
    const opts = { conversationId: 'fr-follow', userId: 'u-fr-follow' };
    await bot.ask("Quand est la session sur le cadre d'assurance ?", opts);
    expect(await bot.ask('qui la présente ?', opts)).to.contain('Vijay Mauree');
    await bot.ask('Quel est le programme du jour 1 ?', opts);
    expect(await bot.ask('et le lendemain ?', opts)).to.match(/11\u00a0h\u00a025/).and.contain("jeudi 31 mars");
  });
});
