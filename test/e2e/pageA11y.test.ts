// Accessibility of what attendees open, checked by axe-core in real headless Chromium on a desktop (1366×900) and a
// 390 px phone: the event page `/` as it loads, the Teams tab `/tab`, and the event page's chat after a few turns
// (the day-2 agenda, the speakers and the reports for day 1, each an Adaptive Card in the transcript), each in English and in French. No serious
// or critical violation. Skips (with a note) when /usr/bin/chromium is missing.
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { TEAMS_JS_VALID_DOMAINS_URL } from '../../src/web/pages/pages.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { ask, DESKTOP, openChat, PHONE } from '../support/webChatCards.ts';
import { launchChromium } from '../support/webChatPage.ts';

/** Serious and critical violations, one line each, naming the rule and the first elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .slice(0, 5)
          .join(' | ')}`,
    );
}

describe('event page, Teams tab and chat accessibility (axe-core in Chromium)', function () {
  this.timeout(180_000);
  let bot: BotUnderTest;
  let browser: Browser | undefined;

  before(async function () {
    browser = await launchChromium();
    if (!browser) return this.skip();
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000' }, { clock: new ManualClock('2022-03-20T08:00:00Z') });
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  // In English and in French (a browser in French gets the French page and chat: issue 13).
  for (const [device, lang] of [DESKTOP, PHONE].flatMap(
    (d) =>
      [
        [d, 'en'],
        [d, 'fr'],
      ] as const,
  )) {
    describe(`on a ${device.name} (${device.viewport.width}×${device.viewport.height}), ${lang === 'fr' ? 'in French' : 'in English'}`, () => {
      let page: Page;
      let context: BrowserContext;

      beforeEach(async function () {
        if (!browser) return this.skip();
        // (axe-core runs its checks across frames through a context of its own making, not browser.newPage())
        context = await browser.newContext({ viewport: device.viewport, timezoneId: 'Europe/Berlin', locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
        page = await context.newPage();
      });
      afterEach(async () => context?.close());

      it('the event page `/` as it loads: no serious or critical violations', async () => {
        await openChat(page, bot.url);
        expect(await page.getAttribute('html', 'lang')).to.equal(lang);
        // the visitor's own times are filled in by the page's script
        await page.locator('[data-visitor-time]').first().filter({ hasNotText: '—' }).waitFor();
        expect(await seriousViolations(page)).to.deep.equal([]);
      });

      it('the Teams tab `/tab`: no serious or critical violations', async () => {
        // teams-js asks Microsoft's CDN for its valid hosts; answered here (no network in tests)
        await page.route(TEAMS_JS_VALID_DOMAINS_URL, (route) =>
          route.fulfill({
            status: 200,
            contentType: 'application/json',
            headers: { 'access-control-allow-origin': '*' },
            body: JSON.stringify({ validOrigins: ['teams.microsoft.com'] }),
          }),
        );
        await page.goto(`${bot.url}/tab`);
        await page.waitForFunction(() => document.body.getAttribute('data-host') === 'browser');
        expect(await page.getAttribute('html', 'lang')).to.equal(lang);
        expect(await seriousViolations(page)).to.deep.equal([]);
      });

      it('the chat after the day-2 agenda, the speakers and the reports for day 1: no serious or critical violations', async () => {
        await openChat(page, bot.url);
        const questions =
          lang === 'fr'
            ? ['programme du jour 2 ?', 'qui sont les intervenants ?', 'rapports du jour 1 ?']
            : ["what's on day 2?", 'who are the speakers?', 'reports for day 1?'];
        for (const question of questions) {
          const answer = await ask(page, question);
          expect(answer.cards, question).to.have.length(1);
        }
        expect(await seriousViolations(page)).to.deep.equal([]);
      });
    });
  }
});
