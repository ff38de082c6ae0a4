// Issue 17 acceptance: a web attendee survives a restart of the bot. Real Chromium on `/` of the bot as a process
// (`node src/main.ts`) on a SQLite DATA_DIR: register in the chat with the code read from the local SMTP server,
// reload — still registered; restart the process on the same DATA_DIR, reload — still registered, the chat's history
// still there; an announcement sent after the restart (admin API) shows in the reopened page and arrives by e-mail,
// once each.
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';
import { MailCatcher } from '../support/mailCatcher.ts';
import { activitiesWith, chatReady, launchChromium, registerInChat, say, waitForText } from '../support/webChatPage.ts';

const ADMIN = 'restart-test-admin-token-0123';

describe('a web attendee across a restart of the bot (Chromium, SQLite, bot process)', function () {
  this.timeout(240_000);
  const mail = new MailCatcher();
  const dataDir = mkdtempSync(join(tmpdir(), 'web-restart-'));
  let browser: Browser | undefined;
  let bot: BotProcess | undefined;
  let page: Page;
  const env = () => ({ DATA_DIR: dataDir, SMTP_URL: mail.url, ADMIN_TOKEN: ADMIN, BOT_NOW: '2022-03-20T08:00:00Z', LOG_LEVEL: 'info' });

  before(async function () {
    browser = await launchChromium();
    if (!browser) this.skip();
    await mail.start();
    bot = await spawnBot(env());
    page = await (await browser!.newContext({ locale: 'en-US' })).newPage();
  });

  after(async () => {
    await browser?.close();
    await bot?.kill();
    await mail.stop();
  });

  it('stays registered after a reload and a restart, and gets an announcement sent after the restart once in the page and once by e-mail', async () => {
    await page.goto(`${bot!.url}/`);
    await chatReady(page);
    const reference = await registerInChat(page, mail, 'Grace Hopper', 'grace@restart.example.org');
    await page.reload();
    await chatReady(page);
    expect(await say(page, 'am I registered?', "Yes, you're registered")).to.include(reference);

    // The same process, on the same port and data, started again.
    const port = Number(new URL(bot!.url).port);
    await bot!.kill('SIGTERM');
    bot = await spawnBot(env(), { port });
    await page.reload();
    await chatReady(page);
    // The conversation resumed: what was said before the restart is still in the chat.
    await waitForText(page, `reference is ${reference}`);
    expect(await say(page, 'am I registered?', "Yes, you're registered")).to.include(reference);

    const text = 'The opening moves to 10:30 EAT (restart test).';
    const res = await fetch(`${bot!.url}/api/admin/announce`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(res.status, await res.clone().text()).to.equal(202);
    const { id } = (await res.json()) as { id: string };
    await waitForText(page, '10:30 EAT (restart test)');
    await mail.waitFor(() => mail.to('grace@restart.example.org').some((m) => m.text.includes('(restart test)')), 30_000);
    // Once everything is delivered, each channel has it exactly once.
    for (let done = false; !done; await page.waitForTimeout(200)) {
      const status = (await (await fetch(`${bot!.url}/api/admin/announce/${id}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { done: boolean; failed: number };
      expect(status.failed, JSON.stringify(status)).to.equal(0);
      done = status.done;
    }
    expect(await activitiesWith(page, '10:30 EAT (restart test)')).to.equal(1);
    expect(mail.to('grace@restart.example.org').filter((m) => m.text.includes('(restart test)'))).to.have.length(1);
    // Neither process logged a Direct Line failure (the 401s of issue 17: a key that died with the process).
    expect(bot!.output()).to.not.match(/proactive message rejected|status 401/);
  });
});
