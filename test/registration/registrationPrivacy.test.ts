// Privacy: a whole registration, update and deletion leave no name, e-mail or organisation in the logs
// (the logs carry ids and outcomes only), and the CLI entry point prints what the store holds.
import { BEFORE_THE_EVENT } from '../support/botUnderTest.ts';
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApp } from '../../src/app.ts';
import { loadSettings, projectRoot } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { MailCatcher } from '../support/mailCatcher.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';

describe('registration privacy', () => {
  it('never logs names, e-mails, organisations or e-mail codes', async () => {
    let logs = '';
    const connector = await new MockConnector().start();
    const mail = await new MailCatcher().start();
    const settings = loadSettings({ PORT: '0', HOST: '127.0.0.1', STORAGE_URL: 'memory://', LOG_LEVEL: 'trace', MESSAGES_PER_MINUTE_PER_CLIENT: '100000', SMTP_URL: mail.url, BOT_NOW: BEFORE_THE_EVENT });
    const app = await createApp(settings, { log: createLogger('trace', { write: (s: string) => void (logs += s) }) });
    const url = await app.listen();
    let i = 0;
    const say = async (text: string) => {
      const before = connector.to('privacy-conv').length;
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `p${++i}`,
          channelId: 'webchat',
          serviceUrl: connector.url,
          from: { id: 'privacy-user', name: 'Zelda Quuxworth' },
          recipient: { id: 'bot' },
          conversation: { id: 'privacy-conv' },
          text,
        }),
      });
      expect(res.status).to.equal(200);
      return connector.to('privacy-conv').slice(before).map(visibleText).join('\n');
    };
    try {
      for (const t of ['register', 'Zelda Quuxworth', 'zelda@quux.example.org']) await say(t);
      const codes = [await mail.codeFor('zelda@quux.example.org')];
      for (const t of [codes[0], 'Quuxworth Holdings', 'Kenya', 'Other', 'None', 'yes']) await say(t);
      expect(await say('confirm')).to.include("You're registered");
      expect(await say('change my e-mail to zq@quux.example.org')).to.include('six-digit code');
      codes.push(await mail.codeFor('zq@quux.example.org'));
      expect(await say(codes[1])).to.include('Done');
      await say('cancel my registration');
      expect(await say('yes')).to.include('deleted');
      expect(logs).to.include('registration saved').and.include('registration deleted');
      for (const secret of ['Zelda', 'Quuxworth', 'quux.example.org']) expect(logs, secret).to.not.include(secret);
      // A code is six digits: look for it on its own, not inside a timestamp's digits.
      for (const code of codes) expect(logs, code).to.not.match(new RegExp(`(?<!\\d)${code}(?!\\d)`));
    } finally {
      await app.stop();
      await connector.stop();
      await mail.stop();
    }
  });

  it('`npm run registrations -- --csv` prints the registrations from STORAGE_URL', async function () {
    this.timeout(30000);
    const dir = mkdtempSync(join(tmpdir(), 'reg-cli-run-'));
    try {
      const env = { ...process.env, STORAGE_URL: `sqlite://${join(dir, 'x.sqlite')}`, LOG_LEVEL: 'silent' };
      const run = promisify(execFile);
      const { stdout } = await run('npm', ['run', '-s', 'registrations', '--', '--csv'], { cwd: projectRoot, env });
      expect(stdout.split('\r\n')[0]).to.equal('reference,fullName,email,organisation,countryCode,country,category,reminders,language,followedSessionIds,channels,consentAt,createdAt,updatedAt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
