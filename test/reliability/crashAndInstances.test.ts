// The bot as processes: killed mid-registration and restarted, two instances sharing Redis, and what it
// writes to its logs.
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';
import { MailCatcher } from '../support/mailCatcher.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';

let seq = 0;
async function ask(connector: MockConnector, botUrl: string, conversationId: string, userId: string, text: string): Promise<string> {
  const before = connector.to(conversationId).length;
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `p${++seq}`, channelId: 'webchat', serviceUrl: connector.url, text, locale: 'en-US',
      from: { id: userId, name: 'Test' }, recipient: { id: 'bot' }, conversation: { id: conversationId },
    }),
  });
  expect(res.status, text).to.equal(200);
  return connector.to(conversationId).slice(before).map(visibleText).join('\n');
}

describe('reliability: SIGKILL during a registration, then a restart on the same SQLite file', function () {
  this.timeout(90_000);
  const file = join(mkdtempSync(join(tmpdir(), 'crash-')), 'bot.sqlite');
  const connector = new MockConnector();
  const mail = new MailCatcher();
  const bots: BotProcess[] = [];
  before(async () => {
    await connector.start();
    await mail.start();
  });
  after(async () => {
    for (const b of bots) await b.kill('SIGKILL');
    await connector.stop();
    await mail.stop();
  });

  it('resumes the dialog at the same step and loses nothing stored', async () => {
    const first = await spawnBot({ STORAGE_URL: `sqlite://${file}`, SMTP_URL: mail.url });
    bots.push(first);
    // Someone registered before the crash.
    let last = '';
    for (const text of ['register', 'Grace Hopper', 'grace@example.org']) last = await ask(connector, first.url, 'before-crash', 'grace', text);
    const done = [await mail.codeFor('grace@example.org'), 'Navy Labs', 'Kenya', 'Regulator', 'None', 'I agree', 'confirm'];
    for (const text of done) last = await ask(connector, first.url, 'before-crash', 'grace', text);
    expect(last).to.match(/reference is/);
    // Someone is half-way through when the process dies: their code was mailed, not yet typed.
    expect(await ask(connector, first.url, 'mid-crash', 'ada', 'register')).to.include('full name');
    expect(await ask(connector, first.url, 'mid-crash', 'ada', 'Ada Lovelace')).to.include('e-mail');
    expect(await ask(connector, first.url, 'mid-crash', 'ada', 'ada@example.org')).to.include('six-digit code');
    await first.kill('SIGKILL');

    const second = await spawnBot({ STORAGE_URL: `sqlite://${file}`, SMTP_URL: mail.url });
    bots.push(second);
    expect(await ask(connector, second.url, 'mid-crash', 'ada', await mail.codeFor('ada@example.org'))).to.include('Which organisation');
    expect(await ask(connector, second.url, 'mid-crash', 'ada', 'Analytical Engines')).to.include('Which country');
    for (const text of ['Kenya', 'Central bank', 'All sessions', 'I agree']) last = await ask(connector, second.url, 'mid-crash', 'ada', text);
    expect(last).to.include('Ada Lovelace').and.include('Analytical Engines').and.include('Kenya').and.match(/ada@example\\?\.org/);
    expect(await ask(connector, second.url, 'mid-crash', 'ada', 'confirm')).to.match(/reference is/);
    expect(await ask(connector, second.url, 'before-crash', 'grace', 'am I registered?')).to.include('Navy Labs');
  });

  it('never writes names, e-mails, codes or message text to its logs', () => {
    const logs = bots.map((b) => b.output()).join('\n');
    expect(logs.length).to.be.greaterThan(0);
    const codes = mail.received.map((m) => m.text.match(/Your code: (\d{6})/)![1]);
    expect(codes).to.have.length(2);
    for (const code of codes) expect(logs).not.to.match(new RegExp(`(?<!\\d)${code}(?!\\d)`)); // not inside a timestamp's digits
    for (const secret of ['Grace Hopper', 'grace@example.org', 'Navy Labs', 'Ada Lovelace', 'ada@example.org', 'Analytical Engines', 'am I registered']) expect(logs).not.to.include(secret);
  });
});

(process.env.REDIS_URL ? describe : describe.skip)('several instances on one Redis, requests alternating between them', function () {
  this.timeout(90_000);
  const connector = new MockConnector();
  const mail = new MailCatcher();
  const bots: BotProcess[] = [];
  before(async () => {
    await connector.start();
    await mail.start();
    bots.push(await spawnBot({ STORAGE_URL: process.env.REDIS_URL!, SMTP_URL: mail.url }), await spawnBot({ STORAGE_URL: process.env.REDIS_URL!, SMTP_URL: mail.url }));
  });
  after(async () => {
    for (const b of bots) await b.kill();
    await connector.stop();
    await mail.stop();
  });

  it('continues conversations and dialogs across instances, with one consistent registration', async () => {
    const run = Date.now().toString(36);
    const user = `multi-${run}`;
    const conversation = `multi-conv-${run}`;
    const turns: [string, string][] = [
      ['who is Arnold Kibuuka?', 'Project Officer'],
      ['when does he speak?', '12:00'],
      ['register', 'full name'],
      ['Katherine Johnson', 'e-mail'],
      // The code is mailed by one instance and checked by the other.
      [`katherine-${run}@example.org`, 'six-digit code'],
      [`code:katherine-${run}@example.org`, 'organisation'],
      ['Langley', 'country'],
      ['Ghana', 'describes you'],
      ['DFS provider', 'reminders'],
      ['All sessions', 'agree'],
      ['I agree', 'Please check your details'],
      ['confirm', 'reference is'],
    ];
    for (const [i, [said, expected]] of turns.entries()) {
      const text = said.startsWith('code:') ? await mail.codeFor(said.slice(5)) : said;
      expect(await ask(connector, bots[i % 2].url, conversation, user, text), text).to.include(expected);
    }
    // The same e-mail registered again from the other instance updates, never duplicates.
    for (const b of bots) expect(await ask(connector, b.url, conversation, user, 'am I registered?')).to.include('Langley');
  });
});
