// The Teams tab in real headless Chromium: teams-js fetches its list of valid hosts from Microsoft's CDN when it
// loads, and the tab's CSP lets exactly that through (no CSP error in the console); the privacy and terms pages
// the Teams app links to are real pages. The CDN is answered by the test (no network).
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { TEAMS_JS_VALID_DOMAINS_URL } from '../../src/web/pages/pages.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('Teams tab in a real browser (Chromium)', function () {
  this.timeout(60_000);
  let bot: BotUnderTest;
  let browser: Browser;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    NOTE: ${CHROMIUM} not found; browser tests skipped.`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    bot = await startBot({}, { clock: new ManualClock('2022-03-20T08:00:00Z') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('the teams-js bundle we serve fetches its valid-domains list from the URL the CSP allows', async () => {
    const teamsJs = await (await fetch(`${bot.url}/assets/teams.js`)).text();
    expect(teamsJs).to.contain(TEAMS_JS_VALID_DOMAINS_URL);
  });

  it('loads the tab with teams-js and no CSP error in the console', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const cdnRequests: string[] = [];
    await page.route(TEAMS_JS_VALID_DOMAINS_URL, (route) => {
      cdnRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] }) });
    });
    // teams-js starts the fetch as it loads; a CSP that refuses it means the request never leaves the page.
    const fetched = page.waitForRequest(TEAMS_JS_VALID_DOMAINS_URL, { timeout: 10_000 }).catch(() => undefined);
    await page.goto(`${bot.url}/tab`);
    await page.waitForFunction(() => document.body.getAttribute('data-host') === 'browser');
    await fetched;
    expect(cdnRequests, 'teams-js fetched its list').to.deep.equal([TEAMS_JS_VALID_DOMAINS_URL]);
    expect(problems, problems.join('\n')).to.deep.equal([]);
    await page.close();
  });

  it('serves the privacy statement and terms of use the Teams app links to, as pages of their own', async () => {
    const page = await browser.newPage();
    for (const [path, heading] of [['/privacy', 'Privacy statement'], ['/terms', 'Terms of use']]) {
      const res = await page.goto(`${bot.url}${path}`);
      expect(res!.status()).to.equal(200);
      expect(await page.locator('h1').innerText()).to.equal(heading);
    }
    expect(await page.locator('main').innerText()).to.contain('official event page prevails');
    await page.goto(`${bot.url}/privacy`);
    expect(await page.locator('main').innerText()).to.contain('cancel my registration');
    await page.close();
  });
});
