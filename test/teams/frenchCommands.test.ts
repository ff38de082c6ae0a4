// The French bot commands the Teams app lists (manifest/fr.json, the menu a French Teams shows) do what their
// English ones do, answered through /api/messages like a Teams message from a French client.
import { expect } from 'chai';
import { resolve } from 'node:path';
import { ManualClock } from '../../src/clock.ts';
import { projectRoot } from '../../src/config.ts';
import { loadEventFile } from '../../src/event/load.ts';
import { buildManifest } from '../../src/teams/appPackage.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const event = loadEventFile(resolve(projectRoot, 'events/dfs-security-clinic-2022.json'));

/** What each English command's answer shows; its French title must lead to the same (the dialog's prompt in either language). */
const EXPECTED: Record<string, RegExp> = {
  agenda: /Jour 1, mercredi 30 mars 2022/,
  speakers: /Secrétaire exécutif/,
  register: /full name|nom complet|votre nom/i,
  'my reminders': /reminders|rappels/i,
  help: /Je peux vous renseigner/,
};

describe('French bot commands of the Teams app', function () {
  this.timeout(60_000);
  let bot: BotUnderTest;
  before(async () => (bot = await startBot({}, { clock: new ManualClock('2022-03-20T08:00:00Z') })));
  after(async () => bot?.stop());

  it('each command in fr.json gets the answer its English command gets', async () => {
    const { manifest, localizations } = buildManifest({ microsoftAppId: '11111111-2222-3333-4444-555555555555', botDomain: 'bot.example.org', event });
    const english = (manifest.bots as { commandLists: { commands: { title: string }[] }[] }[])[0].commandLists[0].commands;
    const fr = localizations['fr.json'] as Record<string, string>;
    expect(english.map((c) => c.title)).to.have.members(Object.keys(EXPECTED));
    for (const [i, { title }] of english.entries()) {
      const french = fr[`bots[0].commandLists[0].commands[${i}].title`];
      const reply = await bot.ask(french, { conversationId: `teams-fr-${i}`, userId: `teams-fr-user-${i}`, channelId: 'msteams', extra: { locale: 'fr-FR' } });
      expect(reply, `${french} (${title})`).to.match(EXPECTED[title]!);
      expect(reply, french).not.to.match(/Sorry|Désolé/);
    }
  });
});
