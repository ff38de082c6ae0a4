// The organisers' console with two bot processes on one Redis (REDIS_URL), in real headless Chromium: an attendee
// registers through instance A; the organiser, signed in to instance B's console, sees the registration, sends an
// announcement, and it reaches the attendee's chat (the conversation A served) and counts as sent in the history of
// both instances. A key prefix of its own (STORAGE_KEY_PREFIX) keeps this run apart from everything else on the
// server, and is cleared afterwards. Skips without REDIS_URL or /usr/bin/chromium.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';
import { MailCatcher } from '../support/mailCatcher.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';
import { ADMIN_TEST_TOKEN } from '../support/organiser.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const redisUrl = process.env.REDIS_URL;

let seq = 0;
async function ask(connector: MockConnector, botUrl: string, conversationId: string, userId: string, text: string): Promise<string> {
  const before = connector.to(conversationId).length;
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `x${++seq}`, channelId: 'webchat', serviceUrl: connector.url, text, locale: 'en-US',
      from: { id: userId, name: 'Test' }, recipient: { id: 'bot' }, conversation: { id: conversationId },
    }),
  });
  expect(res.status, text).to.equal(200);
  return connector.to(conversationId).slice(before).map(visibleText).join('\n');
}

(redisUrl ? describe : describe.skip)('organisers’ console on two bot processes sharing Redis, in Chromium', function () {
  this.timeout(120_000);
  const prefix = `console-e2e-${randomUUID().slice(0, 8)}`;
  const connector = new MockConnector();
  const mail = new MailCatcher();
  let a: BotProcess;
  let b: BotProcess;
  let browser: Browser;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    NOTE: ${CHROMIUM} not found; browser tests skipped.`);
      this.skip();
    }
    await connector.start();
    await mail.start();
    const env = { STORAGE_URL: redisUrl!, STORAGE_KEY_PREFIX: prefix, ADMIN_TOKEN: ADMIN_TEST_TOKEN, SMTP_URL: mail.url };
    [a, b] = await Promise.all([spawnBot(env), spawnBot(env)]);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await connector.stop();
    await mail.stop();
    // Everything this run stored lives under its own prefix: clear it.
    const store = new KeyValueStore(await openBackend(redisUrl!, { keyPrefix: prefix }));
    for (const { key } of await store.list('')) await store.delete(key);
    await store.close();
  });

  it('a registration made through A shows in B’s console, and an announcement sent from B reaches the attendee A served', async () => {
    const say = (text: string) => ask(connector, a.url, 'conv-amina', 'amina', text);
    for (const text of ['register', 'Amina Odhiambo', 'amina@example.org']) await say(text);
    let last = '';
    for (const text of [await mail.codeFor('amina@example.org'), 'Airtel', 'Uganda', 'Regulator', 'None', 'I agree', 'confirm']) last = await say(text);
    expect(last).to.match(/reference is/);

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${b.url}/admin`);
    await page.getByLabel('Admin token').fill(ADMIN_TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#registration-results tbody tr').filter({ hasText: 'Amina Odhiambo' }).waitFor();
    expect(await page.locator('#total-registrations').innerText()).to.equal('1');
    expect(await page.locator('#by-country tbody').innerText()).to.contain('Uganda');

    await page.getByLabel('Message').fill('Day 2 starts in **hall C**.');
    // The audience line is written once the console's session list has loaded: wait for it, don't read it early.
    await page.locator('#announce-recipients').filter({ hasText: 'Goes to 1 attendee' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Send announcement' }).click();
    await page.locator('#announce-status').getByText('finished.').waitFor({ timeout: 20_000 });
    expect(await page.locator('#announce-status [data-field="sent"] dd').innerText()).to.equal('1');
    const received = connector.to('conv-amina').map(visibleText).filter((t) => t.includes('hall C'));
    expect(received).to.have.length(1);

    // A's console shows the same history.
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${a.url}/admin`);
    await other.getByLabel('Admin token').fill(ADMIN_TEST_TOKEN);
    await other.getByRole('button', { name: 'Sign in' }).click();
    const row = other.locator('#announce-history tbody tr').filter({ hasText: 'Day 2 starts in **hall C**.' });
    await row.waitFor();
    expect(await row.locator('[data-field="sent"]').innerText()).to.equal('1');
    expect(await row.locator('[data-channel="chat"]').innerText()).to.equal('1 sent');
  });

  it('keeps its data under its own key prefix', async () => {
    const ours = new KeyValueStore(await openBackend(redisUrl!, { keyPrefix: prefix }));
    const unprefixed = new KeyValueStore(await openBackend(redisUrl!));
    try {
      const regs = (await ours.list<{ fullName: string }>('registration:')).filter((r) => r.value?.fullName === 'Amina Odhiambo');
      expect(regs).to.have.length.greaterThan(0);
      expect(JSON.stringify(await unprefixed.list('registration:'))).not.to.contain('Amina Odhiambo');
    } finally {
      await ours.close();
      await unprefixed.close();
    }
  });
});
