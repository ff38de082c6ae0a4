// The answers attendees ask for most, as they read them on the event page in real Chromium, on a desktop
// (1366×900) and a phone (390×844): the day-2 agenda, the speakers, the reports for day 1 and the registration
// summary each come as one line and one Adaptive Card with a row per item, never the same content again in a
// text bubble, and nothing scrolls sideways. Screenshots go to test-artifacts/ (looked at by people, not asserted).
import { expect } from 'chai';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { Agenda } from '../../src/event/agenda.ts';
import { loadEventFile } from '../../src/event/load.ts';
import { EVENTS } from '../eval/harness.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { ARTIFACTS, ask, cardRows, DESKTOP, openChat, PHONE, sidewaysOverflow, type Answer } from '../support/webChatCards.ts';
import { launchChromium } from '../support/webChatPage.ts';

const event = loadEventFile(EVENTS.dfs);
const agenda = new Agenda(event);
const day2 = agenda.day(2)!.sessions.map((s) => s.title);
const speakers = event.speakers.map((s) => s.name);
const day1Reports = [...new Set(agenda.day(1)!.sessions.flatMap((s) => agenda.reportsOf(s)))].map((r) => r.title);
const otherReports = event.reports.map((r) => r.title).filter((t) => !day1Reports.includes(t));

/** One card, a row per expected item (each item in exactly one row, in order), and no text bubble naming the items. */
async function expectRowPerItem(answer: Answer, items: string[], what: string) {
  expect(answer.cards, `${what}: one card`).to.have.length(1);
  const rows = await cardRows(answer.cards[0]);
  const itemRows = items.map((item) => rows.findIndex((r) => r.includes(item)));
  expect(itemRows, `${what}: rows\n${rows.join('\n')}`).to.not.include(-1);
  expect(new Set(itemRows).size, `${what}: each item its own row`).to.equal(items.length);
  expect([...itemRows].sort((a, b) => a - b), `${what}: in order`).to.deep.equal(itemRows);
  for (const item of items) expect(rows.filter((r) => r.includes(item)), `${what}: "${item}" once`).to.have.length(1);
  // The line before the card says what it is; the items are in the card only.
  expect(answer.texts.length, `${what}: at most one text bubble`).to.be.at.most(1);
  for (const t of answer.texts) for (const item of items) expect(t, `${what}: text bubble repeats "${item}"`).to.not.include(item);
}

describe('answers as cards on the event page, desktop and phone (Chromium)', function () {
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

  for (const device of [DESKTOP, PHONE]) {
    describe(`on a ${device.name} (${device.viewport.width}×${device.viewport.height})`, () => {
      let page: Page;
      const shot = (name: string) => page.screenshot({ path: resolve(ARTIFACTS, `cards-${device.name}-${name}.png`) });

      before(async function () {
        if (!browser) return this.skip();
        page = await browser.newPage({ viewport: device.viewport, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
        await openChat(page, bot.url);
        await page.locator('#chat').scrollIntoViewIfNeeded();
      });
      after(async () => page?.close());

      it("\"what's on day 2?\": a row per session with its times in EAT and the visitor's, fitting without sideways scroll", async () => {
        const answer = await ask(page, "what's on day 2?");
        await expectRowPerItem(answer, day2, 'day 2');
        const rows = await cardRows(answer.cards[0]);
        // Every session row has its EAT and Berlin times (10:00 EAT is 09:00 in Berlin on 31 March 2022).
        expect(rows.find((r) => r.includes(day2[0]))).to.match(/10:00–11:15 09:00–10:15/);
        // The zones are named once, above the times, not after each time.
        expect(rows.filter((r) => /your time/i.test(r))).to.have.length(1);
        expect(await answer.cards[0].getAttribute('aria-label')).to.match(/Day 2.*4 items/);
        expect(await sidewaysOverflow(page, answer.cards[0])).to.deep.equal({ page: 0, transcript: 0, card: 0 });
        // Suggested actions: at most three, wrapping in rows (never more rows than buttons, and on a phone
        // at least two side by side).
        const buttons = await page.locator('.webchat__suggested-actions button').all();
        expect(buttons.length).to.be.within(1, 3);
        const tops = new Set(await Promise.all(buttons.map(async (b) => Math.round((await b.boundingBox())!.y))));
        expect(tops.size).to.be.lessThan(buttons.length);
        await shot('day2');
        await answer.cards[0].screenshot({ path: resolve(ARTIFACTS, `cards-${device.name}-day2-card.png`) });
      });

      it('"who are the speakers?": a row per speaker', async () => {
        const answer = await ask(page, 'who are the speakers?');
        await expectRowPerItem(answer, speakers, 'speakers');
        expect(await sidewaysOverflow(page, answer.cards[0])).to.deep.equal({ page: 0, transcript: 0, card: 0 });
        await shot('speakers');
      });

      it('"reports for day 1?": a row per report of day 1 only', async () => {
        const answer = await ask(page, 'reports for day 1?');
        await expectRowPerItem(answer, day1Reports, 'reports for day 1');
        const card = await answer.cards[0].innerText();
        for (const other of otherReports) expect(card).to.not.include(other);
        expect(await sidewaysOverflow(page, answer.cards[0])).to.deep.equal({ page: 0, transcript: 0, card: 0 });
        await shot('reports-day1');
      });

      it('the registration summary: a row per detail', async () => {
        const email = `ada-${device.name}@example.org`;
        await ask(page, 'register', /full name/);
        await ask(page, 'Ada Lovelace', /e-mail address/);
        await ask(page, email, /six-digit code/);
        await ask(page, await bot.mail.codeFor(email), /organisation/);
        await ask(page, 'Analytical Engines', /country/);
        await ask(page, 'Kenya', /best describes you/);
        await ask(page, 'Central bank', /reminders/);
        await ask(page, 'All sessions', /Do you agree/);
        const summary = await ask(page, 'I agree');
        await expectRowPerItem(summary, ['Ada Lovelace', email, 'Analytical Engines', 'Kenya', 'Central bank'], 'summary');
        expect(summary.texts.join('\n')).to.match(/Please check your details/);
        expect(await sidewaysOverflow(page, summary.cards[0])).to.deep.equal({ page: 0, transcript: 0, card: 0 });
        await shot('summary');
        const done = await ask(page, 'confirm', /You're registered/);
        expect(done.cards).to.have.length(0);
      });
    });
  }
});
