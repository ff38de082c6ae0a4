// Issue 17: a web attendee stays who they are. In real Chromium on the event page: register in the chat (the code
// read from the local SMTP server), reload and open a new tab — still registered, with the reference; "Sign out of
// this browser" forgets it. A second browser typing the same e-mail sees nothing without the code, and links with it.
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { chatReady, launchChromium, registerInChat, say, transcript } from '../support/webChatPage.ts';

describe('a web attendee across reloads, tabs and sign-out (Chromium)', function () {
  this.timeout(180_000);
  let bot: BotUnderTest;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let reference = '';
  const tokenUsers: string[] = [];

  before(async function () {
    browser = await launchChromium();
    if (!browser) this.skip();
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000' }, { clock: new ManualClock('2022-03-20T08:00:00Z') });
    context = await browser!.newContext({ locale: 'en-US' });
    context.on('response', async (r) => {
      if (r.url().endsWith('/api/directline/token')) tokenUsers.push(((await r.json()) as { userId: string }).userId);
    });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('keeps the browser’s attendee id in a signed HttpOnly SameSite cookie the page cannot read', async () => {
    await page.goto(`${bot.url}/`);
    await chatReady(page);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'webchat-user');
    expect(cookie, 'identity cookie').to.not.equal(undefined);
    expect(cookie).to.include({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    expect(cookie.value.startsWith(`${tokenUsers[0]}.`)).to.equal(true);
    expect(await page.evaluate(() => document.cookie)).to.not.include('webchat-user');
  });

  it('is still registered, with the reference, after a reload and in a new tab', async () => {
    reference = await registerInChat(page, bot.mail, 'Ada Lovelace', 'ada@reload.example.org');
    await page.reload();
    await chatReady(page);
    expect(await say(page, 'am I registered?', "Yes, you're registered")).to.include(reference);
    const tab = await context.newPage();
    await tab.goto(`${bot.url}/`);
    await chatReady(tab);
    expect(await say(tab, 'am I registered?', "Yes, you're registered")).to.include(reference);
    await tab.close();
    // One attendee: every token this browser got was for the same user, and the registration knows only it.
    expect(new Set(tokenUsers).size).to.equal(1);
    const reg = await bot.app.registrations.byEmail('ada@reload.example.org');
    expect(reg?.identities).to.deep.equal([`webchat:${tokenUsers[0]}`]);
  });

  it('a second browser typing the same e-mail sees nothing without the code, and links with it', async () => {
    const other = await browser!.newContext({ locale: 'en-US' });
    try {
      const phone = await other.newPage();
      await phone.goto(`${bot.url}/`);
      await chatReady(phone);
      await say(phone, 'register', /What.s your full name\?/);
      await say(phone, 'A. Lovelace', "What's your e-mail address?");
      await say(phone, 'ada@reload.example.org', 'six-digit code');
      const code = await bot.mail.codeFor('ada@reload.example.org');
      expect(await say(phone, code === '123456' ? '654321' : '123456', "That code isn't right")).to.not.include(reference);
      await say(phone, 'cancel', 'Nothing was saved');
      expect(await say(phone, 'am I registered?', 'not registered')).to.not.include(reference);
      expect((await bot.app.registrations.byEmail('ada@reload.example.org'))?.fullName).to.equal('Ada Lovelace');
      // With the code (a fresh one: the first was given up with the cancel) the second browser links.
      await say(phone, 'register', /What.s your full name\?/);
      await say(phone, 'A. Lovelace', "What's your e-mail address?");
      await say(phone, 'ada@reload.example.org', 'six-digit code');
      expect(await say(phone, await bot.mail.codeFor('ada@reload.example.org'), 'this chat is now linked')).to.include(reference);
      expect((await bot.app.registrations.byEmail('ada@reload.example.org'))?.identities).to.have.length(2);
    } finally {
      await other.close();
    }
  });

  it('"Sign out of this browser" forgets the attendee: the chat that follows is a new visitor', async () => {
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign out of this browser' }).click()]);
    await chatReady(page);
    expect(await say(page, 'am I registered?', 'not registered')).to.not.include(reference);
    expect(new Set(tokenUsers).size).to.equal(2);
    // The registration itself is kept: signing in again (the code) brings it back.
    expect(await bot.app.registrations.byEmail('ada@reload.example.org')).to.not.equal(undefined);
    expect(await transcript(page)).to.not.include('Ada Lovelace');
  });
});
