// The organisers' console as an organiser uses it, in real headless Chromium: signs in with the admin token,
// sees a registration made through /api/messages a moment earlier, downloads the CSV, sends an announcement to one
// session's followers and watches it reach the channel and count as sent, and finds a question the bot could not
// answer. And what it refuses: a wrong token, no cookie, a forged POST from another site. Keeps screenshots in
// test-artifacts/. Skips (with a note) when /usr/bin/chromium is missing.
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock.ts';
import { projectRoot } from '../../src/config.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';
import { ADMIN_TEST_TOKEN } from '../support/organiser.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(projectRoot, 'test-artifacts');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SS7 = 'd1-infrastructure-vulnerabilities';

describe('organisers’ console in a real browser (Chromium)', function () {
  this.timeout(120_000);
  let bot: BotUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let evil: http.Server;
  let evilUrl = '';
  const problems: string[] = [];
  const offOrigin: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    NOTE: ${CHROMIUM} not found; browser tests skipped. Install it (apt-get install -y chromium) or run .ci/run.`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    bot = await startBot({ ADMIN_TOKEN: ADMIN_TEST_TOKEN }, { clock: new ManualClock('2022-03-20T08:00:00Z') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    context = await browser.newContext({ acceptDownloads: true, timezoneId: 'Africa/Nairobi', locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
      if (/Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http') && u.host !== new URL(bot.url).host) offOrigin.push(r.url());
    });
    // Another site (localhost is not 127.0.0.1) whose page tries to make the console announce something.
    evil = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><form id="f" method="post" action="${bot.url}/api/admin/announce" enctype="text/plain">
<input name='{"text":"Forged announcement","x":"' value='"}'></form>
<script>
fetch('${bot.url}/api/admin/announce', { method: 'POST', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{"text":"Forged by fetch"}' })
  .then((r) => (document.title = 'fetch ' + r.status), () => (document.title = 'fetch blocked'))
  .finally(() => document.getElementById('f').submit());
</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}`;
    mkdirSync(ARTIFACTS, { recursive: true });

    // A moment earlier, in the chat: an attendee registers and follows the SS7 session; someone asks what the bot can't answer.
    const say = (text: string) => bot.ask(text, { userId: 'attendee-1', conversationId: 'conv-attendee' });
    for (const answer of ['register', 'Wanjiru Kamau', 'wanjiru@example.org']) await say(answer);
    for (const answer of [await bot.mail.codeFor('wanjiru@example.org'), 'Safaricom', 'Kenya', 'Mobile network operator', "I'll choose", 'yes']) await say(answer);
    expect(await say('confirm')).to.match(/registered/i);
    expect(await say('remind me about the SS7 session')).to.contain('Done');
    expect(await bot.ask('Can I bring my dog along?', { userId: 'visitor', conversationId: 'conv-visitor' })).to.match(/Sorry/);
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (evil ? evil.close(r) : r(undefined)));
    await bot?.stop();
  });

  it('refuses a wrong token, and shows no data', async () => {
    await page.goto(`${bot.url}/admin`);
    await page.getByLabel('Admin token').fill('not-the-admin-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).to.contain('not the admin token');
    expect(await page.content()).not.to.contain('Wanjiru');
    expect((await context.cookies()).length).to.equal(0);
  });

  it('signs in with the token and shows the registration made a moment earlier, with totals and charts', async () => {
    await page.getByLabel('Admin token').fill(ADMIN_TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Registrations', level: 2 }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'admin-session');
    expect(cookie).to.deep.include({ httpOnly: true, sameSite: 'Strict', secure: false });
    await page.locator('#registration-results tbody tr').filter({ hasText: 'Wanjiru Kamau' }).waitFor();
    expect(await page.locator('#total-registrations').innerText()).to.equal('1');
    expect(await page.locator('#by-country tbody').innerText()).to.contain('Kenya');
    expect(await page.locator('#by-category tbody').innerText()).to.contain('Mobile network operator');
    expect(await page.locator('#by-country [data-chart] svg rect').count()).to.equal(1);
    // The cookie is httpOnly: the page's scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).to.equal('');
    await page.getByLabel(/Name, e-mail/).fill('wanjiru@');
    expect(await page.locator('#registration-results tbody tr').count()).to.equal(1);
    await page.getByLabel(/Name, e-mail/).fill('nobody-like-this');
    expect(await page.locator('#registration-results tbody tr').count()).to.equal(0);
    await page.screenshot({ path: resolve(ARTIFACTS, 'admin-console.png'), fullPage: true });
  });

  it('downloads the registrations as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).to.equal('registrations-dfs-security-clinic-2022.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).to.contain('Wanjiru Kamau').and.contain('wanjiru@example.org').and.contain(SS7);
  });

  it('shows each session’s reminders, with the attendee following SS7', async () => {
    const row = page.locator(`#reminders-table tr[data-session="${SS7}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(1).innerText()).to.equal('1'); // followers
    expect(await page.locator('#reminders-next').innerText()).to.match(/Next due:/);
  });

  it('previews an announcement, sends it to one session’s followers, and watches it count as sent', async () => {
    const before = bot.connector.to('conv-attendee').length;
    await page.getByLabel('Message').fill('The SS7 session moves to **room B**.');
    await page.locator('.preview-teams [data-preview] strong').filter({ hasText: 'room B' }).waitFor();
    expect(await page.locator('.preview-webchat [data-preview]').innerText()).to.contain('Announcement from the organisers of DFS Security Clinic');
    // The French text, for attendees who registered in French: previewed as they will see it.
    expect(await page.locator('#preview-french').isHidden()).to.equal(true);
    await page.getByLabel('In French').fill('La session SS7 passe en **salle B**.');
    await page.locator('#preview-french [data-preview-fr] strong').filter({ hasText: 'salle B' }).waitFor();
    expect(await page.locator('#preview-french [data-preview-fr]').innerText()).to.contain('Annonce des organisateurs de « Clinique sur la sécurité des SFN »'.replace(/ ([:»])/g, '\u00a0$1').replace('« ', '«\u00a0'));
    await page.getByLabel('Send to').selectOption(SS7);
    // The audience line is written once the console's session list has loaded: wait for it, don't read it early.
    await page.locator('#announce-recipients').filter({ hasText: 'Goes to 1 attendee following' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Send announcement' }).click();
    await page.locator('#announce-status [data-field="sent"] dd').filter({ hasText: '1' }).waitFor({ timeout: 15_000 });
    await page.locator('#announce-status').getByText('finished.').waitFor({ timeout: 15_000 });
    expect(await page.locator('#announce-status [data-field="pending"] dd').innerText()).to.equal('0');
    const received = bot.connector.to('conv-attendee').slice(before);
    expect(received).to.have.length(1);
    expect(visibleText(received[0])).to.contain('room B');
    expect(visibleText(received[0])).not.to.contain('salle B'); // registered in English
    expect(bot.connector.to('conv-visitor').map(visibleText).join('\n')).not.to.contain('room B');
    // The history lists it with its delivery by channel (the web attendee gets it in the chat and by e-mail).
    const history = page.locator('#announce-history tbody tr').filter({ hasText: 'The SS7 session moves to **room B**.' });
    await history.locator('[data-channel="email"]').filter({ hasText: '1 sent' }).waitFor({ timeout: 15_000 });
    expect(await history.count()).to.equal(1);
    expect(await history.locator('[data-field="sent"]').innerText()).to.equal('1');
    expect(await history.locator('[data-field="pending"]').innerText()).to.equal('0');
    expect(await history.locator('[data-channel="chat"]').innerText()).to.equal('1 sent');
    expect(await history.innerText()).to.contain('Followers of');
  });

  it('lists the question the bot could not answer, and marks it handled', async () => {
    const item = page.locator('#unanswered-list li').filter({ hasText: 'can i bring my dog along?' });
    await item.waitFor();
    expect(await item.innerText()).to.contain('Asked 1 time');
    await item.getByRole('button', { name: /Mark .* handled/ }).click();
    await item.waitFor({ state: 'detached' });
    await page.getByLabel('Show handled questions').check();
    expect(await page.locator('#unanswered-list li.handled').innerText()).to.contain('can i bring my dog');
  });

  it('gives nothing to a browser without the cookie', async () => {
    const stranger = await browser.newContext();
    const res = await stranger.request.get(`${bot.url}/api/admin/registrations`);
    expect(res.status()).to.equal(401);
    expect(await res.text()).not.to.contain('Wanjiru');
    const p = await stranger.newPage();
    await p.goto(`${bot.url}/admin`);
    expect(await p.getByLabel('Admin token').count()).to.equal(1);
    expect(await p.content()).not.to.contain('Wanjiru');
    await stranger.close();
  });

  it('refuses a forged POST from another site while the organiser is signed in', async () => {
    const announcementsBefore = (await bot.app.store.list('announcement:')).length;
    const sentBefore = bot.connector.sent.length;
    const evilPage = await context.newPage();
    const answered = evilPage.waitForResponse((r) => r.url() === `${bot.url}/api/admin/announce` && r.request().method() === 'POST' && r.request().resourceType() === 'document');
    await evilPage.goto(evilUrl);
    const res = await answered;
    expect(res.status()).to.be.oneOf([401, 403]);
    expect((await bot.app.store.list('announcement:')).length).to.equal(announcementsBefore);
    expect(bot.connector.sent.length).to.equal(sentBefore);
    await evilPage.close();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect((await context.cookies()).filter((c) => c.name === 'admin-session')).to.deep.equal([]);
  });

  it('is usable on a phone-sized screen', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${bot.url}/admin`);
    await phone.getByLabel('Admin token').fill(ADMIN_TEST_TOKEN);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.locator('#registration-results tbody tr').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).to.be.at.most(0);
    await phone.screenshot({ path: resolve(ARTIFACTS, 'admin-console-phone.png'), fullPage: true });
    await phone.close();
  });

  it('loaded everything from its own origin, without CSP violations or script errors', () => {
    expect(offOrigin, offOrigin.join('\n')).to.deep.equal([]);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
