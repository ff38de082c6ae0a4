// Issue 13 in real Chromium: on the event page with FR selected, an attendee registers entirely in French in Web
// Chat (the e-mail code read from the local SMTP server), sees the French summary card and confirmation, and the
// reminder for a session they follow arrives in French in the page's chat when the bot's clock reaches it.
import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { chatReady, launchChromium, say, transcript, waitForText } from '../support/webChatPage.ts';

const ARTIFACTS = resolve('test-artifacts');
const SS7_DUE = '2022-03-30T07:05:00Z'; // 15 minutes before the SS7 session (10:20 EAT)
const S = '[\\s\\u00a0\\u202f]'; // a space, or the no-break spaces French typography puts before : ? ! and inside « »

describe('registration and reminder in French on the event page (Chromium)', function () {
  this.timeout(180_000);
  let bot: BotUnderTest;
  let browser: Browser | undefined;
  let page: Page;
  const clock = new ManualClock('2022-03-30T07:01:00Z'); // day 1, just after the opening began

  before(async function () {
    browser = await launchChromium();
    if (!browser) return this.skip();
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000', REMINDER_LEAD_MINUTES: '15' }, { clock });
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('registers in French from the page with FR selected, and the reminder arrives in French in its chat', async () => {
    await page.goto(`${bot.url}/`);
    await chatReady(page);
    await Promise.all([page.waitForURL(/\?lang=fr$/), page.getByRole('link', { name: 'Français' }).click()]);
    await chatReady(page);
    expect(await page.getAttribute('html', 'lang')).to.equal('fr');

    await say(page, "je veux m'inscrire", new RegExp(`Quel est votre nom complet${S}\\?`));
    await say(page, 'Aline Mukamana', new RegExp(`Quelle est votre adresse e-mail${S}\\?`));
    await say(page, 'aline.mukamana@example.org', 'code à six chiffres');
    await say(page, await bot.mail.codeFor('aline.mukamana@example.org'), 'Pour quelle organisation travaillez-vous');
    await say(page, 'National Bank of Rwanda', 'Dans quel pays êtes-vous basé');
    await say(page, 'Rwanda', 'Laquelle de ces catégories vous décrit le mieux');
    await say(page, 'Banque centrale', 'Souhaitez-vous des rappels avant les sessions');
    await say(page, 'Toutes les sessions', 'Acceptez-vous que je les enregistre');
    const summary = await say(page, "J'accepte", 'Vérifiez vos coordonnées');
    // The summary card, in French: its title, labels and values.
    const card = page.locator('.ac-adaptiveCard').last();
    const cardText = await card.innerText();
    expect(cardText).to.contain('Vos coordonnées').and.contain('Pays').and.contain('Rwanda').and.contain('Banque centrale').and.contain('avant chaque session');
    expect(cardText).to.not.match(/Your details|Country|Central bank/);
    expect(summary).to.not.contain('Please check');
    const done = await say(page, 'confirmer', 'Votre référence est');
    expect(done).to.match(new RegExp(`Vous êtes inscrit à «${S}Clinique sur la sécurité des SFN${S}»${S}!`));
    const reference = done.match(/Votre référence est ([A-Z2-9]{4}-[A-Z2-9]{4})/)?.[1];
    expect(reference, done.slice(-600)).to.be.a('string');
    const stored = await bot.app.registrations.byEmail('aline.mukamana@example.org');
    expect(stored).to.include({ reference, language: 'fr', reminders: 'all', category: 'Central bank' });

    // The bot's clock reaches the SS7 reminder: it arrives unprompted in the page's chat, in French.
    clock.set(new Date(SS7_DUE));
    await waitForText(page, 'Dans 15 minutes', 1, 30_000);
    const chat = await transcript(page);
    const reminder = chat.slice(chat.lastIndexOf('Dans 15 minutes'));
    expect(reminder).to.contain('Vulnérabilités de sécurité des SFN');
    expect(reminder).to.match(new RegExp(`Jour 1, 10${S}h${S}20–11${S}h${S}50 EAT \\(9${S}h${S}20–10${S}h${S}50 votre heure, Europe/Paris\\)`));
    expect(reminder).to.contain('Intervenants').and.not.match(/Starting in|Speakers|your time/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'registration-french.png'), fullPage: true });
  });
});
