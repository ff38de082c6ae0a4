// With no SMTP_URL, e-mail is not lost: each message is written to DATA_DIR/outbox as the RFC 5322 message
// SMTP would carry, and the start-up log says where. SMTP replies are classified like a chat channel's.
import { BEFORE_THE_EVENT } from '../support/botUnderTest.ts';
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createApp } from '../../src/app.ts';
import { loadSettings } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { classifySmtpError } from '../../src/mail/mailer.ts';
import { MockConnector } from '../support/mockConnector.ts';

describe('e-mail without SMTP: the outbox folder', () => {
  it('writes the code e-mail to DATA_DIR/outbox and says so at start-up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const connector = await new MockConnector().start();
    let logs = '';
    const settings = loadSettings({ PORT: '0', HOST: '127.0.0.1', STORAGE_URL: 'memory://', DATA_DIR: dir, LOG_LEVEL: 'info', BOT_NOW: BEFORE_THE_EVENT });
    const app = await createApp(settings, { log: createLogger('info', { write: (s: string) => void (logs += s) }) });
    const url = await app.listen();
    try {
      expect(logs).to.include('written to the outbox folder').and.include(join(dir, 'outbox'));
      let i = 0;
      for (const text of ['register', 'Ada Lovelace', 'ada@outbox.example.org']) {
        const res = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', id: `o${++i}`, channelId: 'webchat', serviceUrl: connector.url, from: { id: 'outbox-user' }, recipient: { id: 'bot' }, conversation: { id: 'outbox-conv' }, text }),
        });
        expect(res.status).to.equal(200);
      }
      const files = readdirSync(join(dir, 'outbox'));
      expect(files).to.have.length(1);
      expect(files[0]).to.match(/\.eml$/);
      const mail = await simpleParser(readFileSync(join(dir, 'outbox', files[0])));
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').to.equal('ada@outbox.example.org');
      expect(mail.subject).to.match(/^\d{6} is your code for DFS Security Clinic$/);
      expect(logs).not.to.match(new RegExp(`(?<!\\d)${mail.subject!.slice(0, 6)}(?!\\d)`)); // (digits inside timestamps aside)
    } finally {
      await app.stop();
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SMTP replies', () => {
  const cases: [string, unknown, Record<string, unknown>][] = [
    ['a refused connection is worth another try', { code: 'ECONNECTION' }, { kind: 'transient' }],
    ['421 service not available', { responseCode: 421 }, { kind: 'transient', status: 421 }],
    ['451 greylisted / local error', { responseCode: 451 }, { kind: 'transient', status: 451 }],
    ['452 mailbox full for now', { responseCode: 452 }, { kind: 'transient', status: 452 }],
    ['550 no such mailbox', { responseCode: 550 }, { kind: 'unreachable', status: 550 }],
    ['553 address not allowed', { responseCode: 553 }, { kind: 'unreachable', status: 553 }],
    ['554 rejected as spam', { responseCode: 554 }, { kind: 'rejected', status: 554 }],
  ];
  for (const [what, err, expected] of cases) it(what, () => expect(classifySmtpError(err)).to.include(expected));
});
