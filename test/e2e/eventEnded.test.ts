// After the event, in real headless Chromium (BOT_NOW after 31 March 2022): the event page shows "This event has
// ended" with the reports and no "Register (required)", axe finds no serious or critical violation in it; in the
// page's Web Chat, "register" says the event has ended and does not start the dialog, "how do I join?" gives no
// joining details, and the reports for day 1 are still answered. Screenshot in test-artifacts/.
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { ARTIFACTS, DESKTOP, openChat } from '../support/webChatCards.ts';
import { launchChromium, say, transcript } from '../support/webChatPage.ts';

const JOIN_URL = 'https://meet.example.org/dfs-clinic-ended';

describe('after the event, in a real browser (Chromium)', function () {
  this.timeout(180_000);
  let bot: BotUnderTest;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];

  before(async function () {
    browser = await launchChromium();
    if (!browser) return this.skip();
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000', BOT_NOW: '2022-04-05T09:00:00Z', JOIN_URL });
    const context = await browser.newContext({ viewport: DESKTOP.viewport, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await openChat(page, bot.url);
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('the page says the event has ended, lists the reports, and offers no registration', async () => {
    const banner = page.getByRole('region', { name: 'This event has ended' });
    expect(await banner.isVisible()).to.equal(true);
    expect(await banner.innerText()).to.include('DFS Security Clinic ended on').and.include('Reports');
    const reports = banner.getByRole('list').getByRole('link');
    expect(await reports.count()).to.equal(5);
    expect(await reports.first().getAttribute('href')).to.match(/^https:\/\//);
    const hero = await page.locator('header.hero').innerText();
    expect(hero).to.not.match(/Register/i);
    expect(await page.locator('#register-cta').count()).to.equal(0);
    expect(await page.getByRole('link', { name: 'Read the reports' }).count()).to.equal(1);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).to.deep.equal([]);
  });

  it('in the chat: the greeting says it has ended; "register" does not start the dialog; no joining details; reports answered', async () => {
    expect(await transcript(page)).to.include('has ended');
    await say(page, 'register', 'so I can no longer take your name');
    // the next message is not taken as a name: no e-mail prompt follows
    const after = await say(page, 'Ada Lovelace', 'I can only help with');
    expect(after).to.not.include("What's your e-mail address?").and.not.include("What's your full name?");
    const joined = await say(page, 'how do I join?', 'no joining details');
    expect(joined).to.not.include(JOIN_URL);
    await say(page, 'reports for day 1?', 'SS7 Vulnerabilities and Mitigation Measures for DFS Transactions');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'event-ended.png'), fullPage: true });
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
