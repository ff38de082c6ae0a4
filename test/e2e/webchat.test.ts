// The event page as a visitor uses it, in real headless Chromium: the agenda in their own zone, a question typed
// into Web Chat (served from our origin, talking to the built-in Direct Line over WebSocket), a registration
// completed through the chat, and the Teams tab outside Teams. Keeps screenshots in test-artifacts/.
// Skips (with a note) when /usr/bin/chromium is missing; .ci/run installs it so CI always runs this.
import { expect } from 'chai';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { projectRoot } from '../../src/config.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(projectRoot, 'test-artifacts');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('event page in a real browser (Chromium)', function () {
  this.timeout(120_000);
  let bot: BotUnderTest;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const offOrigin: string[] = [];
  let webChatUserId = '';
  const sockets: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    NOTE: ${CHROMIUM} not found; browser tests skipped. Install it (apt-get install -y chromium) or run .ci/run.`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000' }, { clock: new ManualClock('2022-03-20T08:00:00Z') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // Nothing may leave our own origin: no CDN, works offline.
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['http:', 'ws:', 'data:', 'blob:'].includes(u.protocol) || (u.protocol.startsWith('http') || u.protocol === 'ws:' ? u.host !== new URL(bot.url).host : false)) offOrigin.push(r.url());
    });
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('response', async (r) => {
      if (r.url().endsWith('/api/directline/token')) webChatUserId = ((await r.json()) as { userId: string }).userId;
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  // Web Chat renders markdown with typographic quotes (What’s); compare with plain ones.
  const transcript = async () => (await page.locator('#webchat').innerText()).replace(/[’‘]/g, "'");
  /** Sends text through Web Chat's send box, then waits for `expected` to appear once more than before. */
  async function say(text: string, expected: string | RegExp) {
    const count = async () => ((await transcript()).match(new RegExp(typeof expected === 'string' ? expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : expected.source, 'g')) ?? []).length;
    const before = await count();
    const box = page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
    const deadline = Date.now() + 15_000;
    while ((await count()) <= before) {
      if (Date.now() > deadline) throw new Error(`"${text}" → no ${expected} in:\n${(await transcript()).slice(-1500)}`);
      await page.waitForTimeout(100);
    }
  }

  it('shows the event and the agenda in the event zone and the visitor’s zone', async () => {
    const res = await page.goto(`${bot.url}/`);
    expect(res?.status()).to.equal(200);
    await expect(await page.locator('h1').innerText()).to.equal('DFS Security Clinic');
    // Landmarks and the chat region are there for assistive technology.
    expect(await page.locator('header').count()).to.be.greaterThan(0);
    expect(await page.locator('main#main').count()).to.equal(1);
    expect(await page.locator('footer').count()).to.equal(1);
    expect(await page.getByRole('region', { name: 'Chat with the event assistant' }).count()).to.equal(1);
    // 10:00 EAT on 30 March 2022 is 03:00 in New York (EDT).
    const firstRow = page.locator('tr[data-start]').first();
    expect(await firstRow.locator('td.event-time').innerText()).to.match(/^10:00–10:\d\d$/);
    expect(await firstRow.locator('[data-visitor-time]').innerText()).to.match(/^03:00\s*(AM)?–03:\d\d\s*(AM)?$/);
    expect(await page.locator('thead [data-visitor-zone]').first().innerText()).to.equal('(America/New_York)');
  });

  it('answers a question typed into Web Chat, in the visitor’s zone', async () => {
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 20_000 });
    // The bot's greeting arrives first (conversationUpdate through the built-in Direct Line).
    await page.getByText(/assistant for DFS Security Clinic/).first().waitFor({ timeout: 15_000 });
    await say('When does day 1 start?', /starts at 10:00 EAT/);
    const text = await transcript();
    expect(text).to.match(/Day 1/).and.match(/03:00/).and.match(/America\/New_York/);
    await page.screenshot({ path: resolve(ARTIFACTS, 'event-page-answer.png'), fullPage: false });
  });

  it('completes a registration started from the Register button', async () => {
    await page.locator('#register-cta').click();
    await page.getByText(/What.s your full name\?/).first().waitFor({ timeout: 15_000 });
    await say('Ada Lovelace', "What's your e-mail address?");
    await say('ada@example.org', 'six-digit code');
    // The code read from the local SMTP server, typed like a visitor would.
    await say(await bot.mail.codeFor('ada@example.org'), 'Which organisation are you with?');
    await say('Analytical Engines', 'Which country are you based in?');
    await say('Kenya', 'Which of these best describes you?');
    // Choices are suggested actions: click one like a visitor would.
    await page.getByRole('button', { name: 'Central bank' }).last().click();
    await page.getByText(/reminders/i).last().waitFor();
    await say('All sessions', 'Do you agree');
    await say('I agree', 'Please check your details');
    await say('confirm', /reference is/);
    const text = await transcript();
    expect(text).to.match(/You're registered/);
    const reference = text.match(/reference is ([A-Z2-9]{4}-[A-Z2-9]{4})/)?.[1];
    expect(reference, text.slice(-800)).to.be.a('string');
    // The registration is stored for this Web Chat user.
    const stored = await bot.app.registrations.byIdentity(`webchat:${webChatUserId}`);
    expect(stored).to.include({ fullName: 'Ada Lovelace', email: 'ada@example.org', category: 'Central bank', reference });
    await page.screenshot({ path: resolve(ARTIFACTS, 'event-page-registered.png'), fullPage: true });
  });

  it('loaded everything from our own origin, without CSP violations or script errors, and streamed over a WebSocket', () => {
    expect(sockets.some((u) => u.startsWith(`${bot.url.replace(/^http/, 'ws')}/v3/directline/conversations/`)), sockets.join('\n')).to.equal(true);
    expect(offOrigin, offOrigin.join('\n')).to.deep.equal([]);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('shows the Teams tab outside Teams in the browser’s zone, with calendar links', async () => {
    const tab = await browser.newPage({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' } as never);
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${bot.url}/tab`);
    await tab.waitForFunction(() => document.body.getAttribute('data-host') === 'browser');
    expect(await tab.locator('tr[data-start] [data-visitor-time]').first().innerText()).to.match(/^16:00–16:\d\d$/);
    expect(await tab.locator('body').getAttribute('data-zone-source')).to.equal('browser');
    const link = tab.locator('td.calendar a').first();
    const href = await link.getAttribute('href');
    const ics = await (await fetch(`${bot.url}${href}`)).text();
    expect(ics).to.contain('BEGIN:VEVENT');
    await tab.screenshot({ path: resolve(ARTIFACTS, 'teams-tab.png') });
    expect(errors).to.deep.equal([]);
    await tab.close();
  });

  it('is usable on a phone-sized screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London' } as never);
    await phone.goto(`${bot.url}/`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).to.be.at.most(0);
    await phone.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 20_000 });
    await phone.screenshot({ path: resolve(ARTIFACTS, 'event-page-phone.png'), fullPage: true });
    await phone.close();
  });
});
