// Accessibility of the organisers' console, checked by axe-core in real headless Chromium: the sign-in page (also
// with its error), and the signed-in console with every panel filled (registrations, reminders, a sent
// announcement in the history, an unanswered question), on a desktop and a 390 px phone, in light and dark
// colour schemes. No serious or critical violation; nothing wider than the phone's screen. Skips (with a note)
// when /usr/bin/chromium is missing.
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { ADMIN_TEST_TOKEN } from '../support/organiser.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serious and critical violations, one line each, naming the rule and the elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('organisers’ console accessibility (axe-core in Chromium)', function () {
  this.timeout(120_000);
  let bot: BotUnderTest;
  let browser: Browser;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    NOTE: ${CHROMIUM} not found; browser tests skipped.`);
      this.skip();
    }
    bot = await startBot({ ADMIN_TOKEN: ADMIN_TEST_TOKEN }, { clock: new ManualClock('2022-03-20T08:00:00Z') });
    // Every panel with something in it: a registration following a session, a sent announcement, an unanswered question.
    const say = (text: string) => bot.ask(text, { userId: 'attendee-1', conversationId: 'conv-attendee' });
    for (const answer of ['register', 'Wanjiru Kamau', 'wanjiru@example.org']) await say(answer);
    for (const answer of [await bot.mail.codeFor('wanjiru@example.org'), 'Safaricom', 'Kenya', 'Mobile network operator', 'All sessions', 'yes']) await say(answer);
    expect(await say('confirm')).to.match(/registered/i);
    expect(await bot.ask('Can I bring my dog along?', { userId: 'visitor', conversationId: 'conv-visitor' })).to.match(/Sorry/);
    await bot.app.reminders.service.announce('Badges are at the **front desk**.');
    await bot.app.reminders.service.settle();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  const screens = [
    { name: 'desktop, light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
    { name: 'phone (390 px), light', viewport: { width: 390, height: 844 }, colorScheme: 'light' as const },
    { name: 'desktop, dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const },
    { name: 'phone (390 px), dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
  ];
  for (const screen of screens) {
    it(`sign-in page and signed-in console: no serious or critical violations (${screen.name})`, async () => {
      const context = await browser.newContext({ viewport: screen.viewport, colorScheme: screen.colorScheme, locale: 'en-GB', timezoneId: 'Africa/Nairobi' });
      const page = await context.newPage();
      try {
        await page.goto(`${bot.url}/admin`);
        expect(await seriousViolations(page), 'sign-in').to.deep.equal([]);
        expect(await overflow(page), 'sign-in overflow').to.be.at.most(0);

        await page.getByLabel('Admin token').fill('not-the-admin-token');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
        expect(await seriousViolations(page), 'sign-in with an error').to.deep.equal([]);

        await page.getByLabel('Admin token').fill(ADMIN_TEST_TOKEN);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.locator('#registration-results tbody tr').filter({ hasText: 'Wanjiru Kamau' }).waitFor();
        await page.locator('#announce-history tbody tr').filter({ hasText: 'front desk' }).waitFor();
        await page.locator('#unanswered-list li').filter({ hasText: 'dog' }).waitFor();
        await page.getByLabel('Message').fill('Day 2 starts **10 minutes late**.');
        await page.locator('.preview-teams [data-preview] strong').waitFor();
        expect(await seriousViolations(page), 'console').to.deep.equal([]);
        expect(await overflow(page), 'console overflow').to.be.at.most(0);
      } finally {
        await context.close();
      }
    });
  }
});
