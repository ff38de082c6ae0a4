// E-mail as a reminder channel, through the real doors: registered at /api/messages (code and all), reminders
// and announcements read from a real SMTP server on 127.0.0.1, the unsubscribe link followed over HTTP.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';
import { seedAttendee } from './support.ts';

const SS7_DUE = Date.parse('2022-03-30T07:05:00Z'); // 15 minutes before the SS7 session (10:20 EAT)
const TOKEN = 'test-admin-token-0123456789';

describe('reminders by e-mail', () => {
  let bot: BotUnderTest;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(new Date(SS7_DUE - 20_000));
    bot = await startBot({ ADMIN_TOKEN: TOKEN, REMINDER_LEAD_MINUTES: '15', JOIN_URL: 'https://meet.example.org/dfs', MESSAGES_PER_MINUTE_PER_CLIENT: '100000' }, { clock });
  });
  afterEach(() => bot.stop());

  /** Registers on the web (the code read from SMTP), following the SS7 session. */
  async function registerOnWeb(userId: string, email: string) {
    const say = (text: string) => bot.ask(text, { userId, conversationId: `conv-${userId}`, localTimezone: 'Europe/London' });
    for (const answer of ['register', 'Wanjiru Kamau', email]) await say(answer);
    for (const answer of [await bot.mail.codeFor(email), 'Safaricom', 'Kenya', 'Mobile network operator', "I'll choose", 'yes', 'confirm']) await say(answer);
    expect(await say('remind me about the SS7 session')).to.contain('Done');
    return say;
  }

  const reminderMails = (email: string) => bot.mail.to(email).filter((m) => !/is your code/.test(m.subject));

  it('a web attendee gets the reminder in the chat and by e-mail, once each, with a working unsubscribe link', async () => {
    await registerOnWeb('web-1', 'wanjiru@example.org');
    const before = bot.connector.to('conv-web-1').length;
    clock.set(new Date(SS7_DUE));
    bot.app.reminders.service.poke();
    await bot.mail.waitFor(() => reminderMails('wanjiru@example.org').length > 0, 8000);
    await bot.app.reminders.service.settle();
    expect(bot.connector.to('conv-web-1').slice(before)).to.have.length(1);
    const [mail] = reminderMails('wanjiru@example.org');
    expect(reminderMails('wanjiru@example.org')).to.have.length(1);
    const inChat = visibleText(bot.connector.to('conv-web-1').at(-1)!);
    const title = inChat.match(/Starting in 15 minutes: \*\*(.+?)\*\*/)![1];
    expect(mail.subject).to.equal(`Starting in 15 minutes: ${title} (DFS Security Clinic)`);
    expect(mail.text).to.include('10:20–11:50 EAT').and.include('08:20–09:50 your time, Europe/London').and.include('Join: https://meet.example.org/dfs');
    expect(mail.text).not.to.include('**');
    const link = mail.text.match(/Stop these e-mails: (\S+)/)![1];
    expect(link.startsWith(`${bot.url}/email/unsubscribe?`)).to.equal(true);
    expect(String(mail.headers.get('list-unsubscribe'))).to.include(link);
    expect(String(mail.headers.get('list-unsubscribe-post'))).to.equal('List-Unsubscribe=One-Click');

    // Another scan later: nothing new on either channel.
    clock.advance(60_000);
    bot.app.reminders.service.poke();
    await bot.app.reminders.service.settle();
    expect(reminderMails('wanjiru@example.org')).to.have.length(1);
    expect(bot.connector.to('conv-web-1').slice(before)).to.have.length(1);

    // Opening the link (as a mail scanner would) changes nothing; the button does.
    const page = await fetch(link);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.include('Stop e-mails').and.include('<form method="post"');
    expect((await bot.app.registrations.byEmail('wanjiru@example.org'))?.emailReminders).to.equal(undefined);
    const done = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).to.equal(200);
    expect(await done.text()).to.include('E-mails stopped').and.include('no longer come by e-mail');
    expect((await bot.app.registrations.byEmail('wanjiru@example.org'))?.emailReminders).to.equal(false);

    // A forged or cut link is refused and changes nothing.
    const forged = link.replace(/s=[^&]+/, 's=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await fetch(forged, { method: 'POST' })).status).to.equal(400);
    expect((await fetch(`${bot.url}/email/unsubscribe?r=XXXX-XXXX`)).status).to.equal(400);

    // The chat still gets the next announcement; the e-mail does not.
    await bot.app.reminders.service.announce('Slides are online.');
    await bot.app.reminders.service.settle();
    expect(visibleText(bot.connector.to('conv-web-1').at(-1)!)).to.include('Slides are online.');
    expect(reminderMails('wanjiru@example.org')).to.have.length(1);
  });

  it('"also send my reminders by e-mail" and "stop e-mails" from a Teams chat', async () => {
    const reg = await seedAttendee(bot.app.store, 'teams-1', { channelId: 'msteams', serviceUrl: bot.connector.url });
    const say = (text: string) => bot.ask(text, { channelId: 'msteams', userId: 'user-teams-1', conversationId: 'conv-teams-1' });
    await bot.app.reminders.service.announce('First announcement.');
    await bot.app.reminders.service.settle();
    expect(bot.mail.to(reg.email)).to.have.length(0); // Teams: the chat reaches them
    clock.advance(1000);

    expect(await say('also send my reminders by e-mail')).to.include('also go to attendee-teams-1@example').and.include('stop e-mails');
    clock.advance(1000);
    await bot.app.reminders.service.announce('Second announcement.');
    await bot.app.reminders.service.settle();
    expect(bot.mail.to(reg.email).map((m) => m.subject)).to.deep.equal(['Announcement: DFS Security Clinic']);
    expect(bot.mail.to(reg.email)[0].text).to.include('Second announcement.');

    expect(await say('stop e-mails')).to.include('no more e-mails').and.include('keep coming here');
    await bot.app.reminders.service.announce('Third announcement.');
    await bot.app.reminders.service.settle();
    expect(bot.mail.to(reg.email)).to.have.length(1);
    expect(bot.connector.to('conv-teams-1').map(visibleText).join('\n')).to.include('Third announcement.');
  });

  it('asks someone not registered to register first', async () => {
    expect(await bot.ask('also send my reminders by e-mail', { userId: 'nobody', conversationId: 'conv-nobody' })).to.match(/register/i);
  });

  it('retries transient SMTP failures (421/451) with backoff: the e-mail arrives once; a 554 is not retried', async () => {
    const ok = await seedAttendee(bot.app.store, 'flaky', { serviceUrl: bot.connector.url });
    const spam = await seedAttendee(bot.app.store, 'spam', { serviceUrl: bot.connector.url });
    const tries = new Map<string, number>();
    bot.mail.configure({
      refuse: (to) => {
        const n = (tries.get(to) ?? 0) + 1;
        tries.set(to, n);
        if (to === spam.email) return 554;
        return n <= 2 ? [421, 451][n - 1] : undefined;
      },
    });
    const { id } = (await bot.app.reminders.service.announce('Retry me by e-mail.'))!;
    await bot.app.reminders.service.settle();
    expect(tries.get(ok.email)).to.equal(3);
    expect(bot.mail.to(ok.email)).to.have.length(1);
    expect(tries.get(spam.email)).to.equal(1);
    const status = await bot.app.reminders.service.announcementStatus(id);
    const of = (reference: string) => status!.attendees.find((a) => a.reference === reference)!;
    expect(of(ok.reference).email).to.deep.equal({ state: 'sent' });
    expect(of(spam.reference).email).to.deep.equal({ state: 'failed', reason: 'rejected', status: 554 });
    expect(of(spam.reference).reached).to.equal('chat');
  });
});
