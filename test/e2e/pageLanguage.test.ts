// Issue 13, the event page in French or English, in real Chromium: the FR/EN switch (real links) changes the page's
// own text, its dates and times as each language writes them, the event's text (its French translation), Web
// Chat's own strings and the locale the bot hears; the choice survives a reload; a browser in French gets French
// first. A French question in the chat is answered in French. The legal pages follow, and so does the Teams tab.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { TEAMS_JS_VALID_DOMAINS_URL } from '../../src/web/pages/pages.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { ask } from '../support/webChatCards.ts';
import { chatReady, launchChromium, say, transcript } from '../support/webChatPage.ts';

const NBSP = '\u00a0';
const placeholder = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]').getAttribute('placeholder');

describe('event page in French or English (Chromium)', function () {
  this.timeout(180_000);
  let bot: BotUnderTest;
  let browser: Browser | undefined;
  let context: BrowserContext;
  /** The locale of each message the bot received from Web Chat. */
  const locales: string[] = [];

  before(async function () {
    browser = await launchChromium();
    if (!browser) return this.skip();
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000' }, { clock: new ManualClock('2022-03-20T08:00:00Z') });
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });
  beforeEach(async function () {
    if (!browser) return this.skip();
    context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 390, height: 844 } });
    context.on('request', (r) => {
      if (r.method() === 'POST' && /\/v3\/directline\/conversations\/[^/]+\/activities$/.test(r.url()))
        locales.push(String((r.postDataJSON() as { locale?: string }).locale));
    });
  });
  afterEach(async () => context?.close());

  it('switches an English page to French with the FR link: page text, dates and times, the event’s French text, Web Chat’s strings and locale; kept after a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${bot.url}/`);
    await chatReady(page);
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    expect(await page.locator('h1').innerText()).to.equal('DFS Security Clinic');
    expect(await page.locator('#agenda-heading').innerText()).to.equal('Agenda');
    const englishPlaceholder = await placeholder(page);

    // The switch is a pair of links named in their own language, the current one marked.
    const fr = page.getByRole('link', { name: 'Français' });
    expect(await fr.getAttribute('hreflang')).to.equal('fr');
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).to.equal('true');
    await Promise.all([page.waitForURL(/\?lang=fr$/), fr.click()]);
    await chatReady(page);

    const check = async () => {
      expect(await page.getAttribute('html', 'lang')).to.equal('fr');
      expect(await page.getByRole('link', { name: 'Français' }).getAttribute('aria-current')).to.equal('true');
      // The event's own French text (its translations block) and the page's words.
      expect(await page.locator('h1').innerText()).to.equal('Clinique sur la sécurité des SFN');
      expect(await page.locator('.hero .when').innerText())
        .to.contain('30–31 mars 2022')
        .and.contain('Entièrement virtuel')
        .and.contain(`10${NBSP}h–13${NBSP}h EAT`);
      expect(await page.locator('#agenda-heading').innerText()).to.equal('Programme');
      expect(await page.locator('#day-1').innerText()).to.equal(`Jour 1${NBSP}: mercredi 30 mars 2022`);
      expect(await page.locator('#register-cta').innerText()).to.equal('S’inscrire (obligatoire)');
      expect(await page.getByRole('button', { name: 'Se déconnecter de ce navigateur' }).count()).to.equal(1);
      const head = await page.locator('table.agenda thead').first().innerText();
      expect(head).to.contain('Heure de l’événement (EAT)').and.contain('Votre heure');
      // Times as French writes them, the event's and the visitor's own (Paris is an hour behind Nairobi then).
      const firstRow = page.locator('tr[data-start]').first();
      expect(await firstRow.locator('.event-time').innerText()).to.equal(`10${NBSP}h–10${NBSP}h${NBSP}20`);
      await firstRow.locator('[data-visitor-time]').filter({ hasNotText: '—' }).waitFor();
      expect(await firstRow.locator('[data-visitor-time]').innerText()).to.equal(`9${NBSP}h–9${NBSP}h${NBSP}20`);
      expect(await page.locator('[data-visitor-zone-note]').innerText()).to.equal('Vos heures sont affichées dans le fuseau Europe/Paris.');
      expect(await firstRow.getByRole('link', { name: /^Ajouter « Ouverture/ }).count()).to.equal(1);
      // Web Chat's own strings are French (the same chat resumes: its English greeting stays where it was).
      expect(await placeholder(page))
        .to.equal('Tapez votre message')
        .and.not.equal(englishPlaceholder);
    };
    await check();
    await page.reload();
    await chatReady(page);
    expect(page.url()).to.match(/\?lang=fr$/);
    await page.goto(`${bot.url}/`); // the plain address: the choice is remembered
    await chatReady(page);
    await check();

    // And back: English again, remembered too.
    await Promise.all([page.waitForURL(/\?lang=en$/), page.getByRole('link', { name: 'English' }).click()]);
    await page.goto(`${bot.url}/`);
    await chatReady(page);
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    expect(await page.locator('#day-1').innerText()).to.equal('Day 1: Wednesday 30 March 2022');
    expect(await placeholder(page)).to.equal(englishPlaceholder);
  });

  it('a browser in French gets the French page first (Accept-Language), and a French question is answered in French', async () => {
    const french = await browser!.newContext({ locale: 'fr-FR', timezoneId: 'Africa/Nairobi' });
    try {
      const page = await french.newPage();
      await page.goto(`${bot.url}/`);
      await chatReady(page);
      expect(await page.getAttribute('html', 'lang')).to.equal('fr');
      expect(await page.locator('[data-visitor-zone-note]').innerText()).to.equal('Vous êtes dans le fuseau horaire de l’événement.');
      // A new chat starts in the page's locale: the bot greets in French.
      await page
        .getByText(/Bonjour.*l.assistant de «.Clinique sur la sécurité des SFN.» \(30–31 mars 2022/)
        .first()
        .waitFor({ timeout: 15_000 });
      const answer = await ask(page, 'Quel est le programme du jour 2 ?');
      expect(answer.cards).to.have.length(1);
      expect(await answer.cards[0]!.innerText())
        .to.contain('Jour 2, jeudi 31 mars 2022')
        .and.contain(`10${NBSP}h`);
      expect(await transcript(page)).not.to.contain('Day 2');
      // The Register button types the French command: the bot starts registering (its prompt).
      const before = (await transcript(page)).length;
      await page.locator('#register-cta').click();
      await page.waitForFunction((n) => (document.querySelector('#webchat') as HTMLElement).innerText.length > n + 40, before);
      await page
        .getByText(/full name|nom complet|votre nom/i)
        .last()
        .waitFor({ timeout: 30_000 });
      expect(await transcript(page)).to.match(/je veux m.inscrire/);
    } finally {
      await french.close();
    }
  });

  it('Web Chat sends the page’s locale with every message; the legal pages follow the page’s language', async () => {
    const page = await context.newPage();
    await page.goto(`${bot.url}/?lang=fr`);
    await chatReady(page);
    locales.length = 0;
    await say(page, 'qui sont les intervenants ?', 'Secrétaire exécutif');
    expect(locales).to.deep.equal(['fr-FR']);
    await page.getByRole('link', { name: 'Déclaration de confidentialité' }).click();
    expect(await page.locator('h1').innerText()).to.equal('Déclaration de confidentialité');
    expect(await page.getAttribute('html', 'lang')).to.equal('fr');
    expect(await page.locator('main').innerText()).to.contain('annule mon inscription');
    await page.goto(`${bot.url}/terms`);
    expect(await page.locator('h1').innerText()).to.equal('Conditions d’utilisation');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('h1').innerText()).to.equal('Terms of use');
  });

  it('the Teams tab follows Teams’ locale (app.getContext → app.locale), whatever the browser’s language', async () => {
    // A Teams host stand-in: the tab framed by a page of its own origin, and teams-js answered with a context
    // whose app.locale is French (the real teams-js needs Teams on the other side of postMessage).
    await context.route(`${bot.url}/teams-host`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>host</title><iframe title="tab" src="/tab" width="390" height="800"></iframe></html>`,
      }),
    );
    await context.route(`${bot.url}/assets/teams.js`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: `window.microsoftTeams = { app: { initialize: function () { return Promise.resolve(); }, getContext: function () { return Promise.resolve({ app: { locale: 'fr-FR', theme: 'default', osLocaleInfo: { timezone: 'Europe/Paris' } } }); }, notifySuccess: function () {} } };`,
      }),
    );
    await context.route(TEAMS_JS_VALID_DOMAINS_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"validOrigins":[]}' }));
    const page = await context.newPage();
    await page.goto(`${bot.url}/teams-host`);
    const tab = page.frameLocator('iframe');
    await tab.locator('html[lang="fr"] body[data-host="teams"]').waitFor({ timeout: 15_000 });
    expect(await tab.locator('h1').innerText()).to.equal('Clinique sur la sécurité des SFN');
    expect(await tab.locator('#day-1').innerText()).to.equal(`Jour 1${NBSP}: mercredi 30 mars 2022`);
    expect(await tab.locator('tr[data-start] [data-visitor-time]').first().innerText()).to.equal(`9${NBSP}h–9${NBSP}h${NBSP}20`);
  });
});
