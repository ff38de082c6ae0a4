// The organisers' console on SQLite across a restart of the bot process (`node src/main.ts`, as `npm start` runs
// it): the organiser's session, the registrations, the sent announcements with their delivery counts and the
// unanswered questions are all still there afterwards, nothing is sent twice, and the console keeps working.
import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnBot, type BotProcess } from '../support/botProcess.ts';
import { MailCatcher } from '../support/mailCatcher.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';
import { ADMIN_TEST_TOKEN, consolePost, signIn, type Organiser } from '../support/organiser.ts';

let seq = 0;
async function ask(connector: MockConnector, botUrl: string, conversationId: string, userId: string, text: string): Promise<string> {
  const before = connector.to(conversationId).length;
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `r${++seq}`, channelId: 'webchat', serviceUrl: connector.url, text, locale: 'en-US',
      from: { id: userId, name: 'Test' }, recipient: { id: 'bot' }, conversation: { id: conversationId },
    }),
  });
  expect(res.status, text).to.equal(200);
  return connector.to(conversationId).slice(before).map(visibleText).join('\n');
}

const getJson = async (url: string, o: Organiser) => {
  const res = await fetch(url, { headers: { cookie: o.cookie } });
  expect(res.status, url).to.equal(200);
  return (await res.json()) as any;
};

async function untilDelivered(url: string, o: Organiser, id: string) {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const status = await getJson(`${url}/api/admin/announce/${id}`, o);
    if (status.done) return status;
    await sleep(200);
  }
  throw new Error(`announcement ${id} still pending after 20 s`);
}

describe('organisers’ console on SQLite across a restart of the bot', function () {
  this.timeout(120_000);
  const file = join(mkdtempSync(join(tmpdir(), 'console-restart-')), 'bot.sqlite');
  const env = { STORAGE_URL: `sqlite://${file}`, ADMIN_TOKEN: ADMIN_TEST_TOKEN };
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

  it('keeps the session, registrations, announcement history and unanswered questions, and goes on working', async () => {
    const first = await spawnBot({ ...env, SMTP_URL: mail.url });
    bots.push(first);
    const say = (url: string, text: string) => ask(connector, url, 'conv-grace', 'grace', text);
    for (const text of ['register', 'Grace Hopper', 'grace@example.org']) await say(first.url, text);
    let last = '';
    for (const text of [await mail.codeFor('grace@example.org'), 'Navy Labs', 'Kenya', 'Regulator', 'None', 'I agree', 'confirm']) last = await say(first.url, text);
    expect(last).to.match(/reference is/);
    expect(await ask(connector, first.url, 'conv-visitor', 'visitor', 'Can I bring my parrot along?')).to.match(/Sorry/);

    const o = await signIn(first.url);
    const sent = await consolePost(first.url, o, '/api/admin/announce', { text: 'Badges are at the **front desk**.' });
    expect(sent.status).to.equal(202);
    const { id } = (await sent.json()) as { id: string };
    expect(await untilDelivered(first.url, o, id)).to.deep.include({ total: 1, sent: 1, pending: 0 });
    const announced = () => connector.to('conv-grace').map(visibleText).filter((t) => t.includes('front desk')).length;
    expect(announced()).to.equal(1);
    await first.kill('SIGTERM');

    const second = await spawnBot({ ...env, SMTP_URL: mail.url });
    bots.push(second);
    // The organiser is still signed in: the console page, not the sign-in form.
    const page = await (await fetch(`${second.url}/admin`, { headers: { cookie: o.cookie } })).text();
    expect(page).to.contain('id="registrations"').and.contain(`content="${o.csrf}"`);
    expect(JSON.stringify(await getJson(`${second.url}/api/admin/registrations`, o))).to.contain('Grace Hopper').and.contain('Navy Labs');
    expect(await getJson(`${second.url}/api/admin/registrations/summary`, o)).to.deep.include({ total: 1 });
    const { announcements } = await getJson(`${second.url}/api/admin/announcements`, o);
    expect(announcements).to.have.length(1);
    expect(announcements[0]).to.deep.include({ id, text: 'Badges are at the **front desk**.', total: 1, sent: 1, pending: 0, done: true });
    expect(announcements[0].byChannel.chat.sent).to.equal(1);
    const { groups } = await getJson(`${second.url}/api/admin/unanswered`, o);
    expect(groups.map((g: { text: string }) => g.text)).to.include('can i bring my parrot along?');

    // The restarted bot sends nothing twice, and the console (same CSRF token) sends the next announcement.
    const next = await consolePost(second.url, o, '/api/admin/announce', { text: 'Lunch is in the hall.' });
    expect(next.status).to.equal(202);
    await untilDelivered(second.url, o, ((await next.json()) as { id: string }).id);
    expect(connector.to('conv-grace').map(visibleText).filter((t) => t.includes('Lunch is in the hall')).length).to.equal(1);
    expect(announced()).to.equal(1);
    expect((await getJson(`${second.url}/api/admin/announcements`, o)).announcements.map((a: { text: string }) => a.text)).to.deep.equal(['Lunch is in the hall.', 'Badges are at the **front desk**.']);
  });
});
