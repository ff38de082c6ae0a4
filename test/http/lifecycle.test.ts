// The event's lifecycle through the doors attendees use (POST /api/messages with the mock channel, GET /): after
// the event the page says it has ended and lists the reports, the bot says so when asked to register or how to join,
// the registration dialog does not start and no joining details are given, and questions about sessions, speakers
// and reports are still answered. Before it, one registration route — the one the event file names — in every answer.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const ENV = { MESSAGES_PER_MINUTE_PER_CLIENT: '100000' };
const ITU_PAGE = 'itu.int/en/ITU-T/webinars/dfs/sc/20220330';
/** The ITU page offered as where to register (it stays the event's page, where the circular's details are). */
const REGISTER_AT_ITU = /regist[^\n]*itu\.int\/en\/ITU-T\/webinars/i;
const JOIN_URL = 'https://meet.example.org/dfs-clinic-lifecycle';
const AFTER = '2022-04-05T09:00:00Z';
let n = 0;

const chat = (bot: BotUnderTest, lang?: string) => {
  const who = { conversationId: `lc-conv-${++n}`, userId: `lc-user-${n}`, ...(lang ? { extra: { locale: lang } } : {}) };
  return {
    say: (text: string) => bot.say(text, who),
    ask: (text: string) => bot.ask(text, who),
    async giveEmail(email: string) {
      expect(await bot.ask(email, who)).to.include("I've sent a six-digit code to");
      return bot.ask(await bot.mail.codeFor(email), who);
    },
  };
};
const titles = (activities: Record<string, any>[]) => activities.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x: { title: string }) => x.title));

async function register(c: ReturnType<typeof chat>, email: string) {
  expect(await c.ask('register')).to.include("What's your full name?");
  expect(await c.ask('Ada Lovelace')).to.include("What's your e-mail address?");
  expect(await c.giveEmail(email)).to.include('Which organisation are you with?');
  expect(await c.ask('Analytical Engines')).to.include('Which country are you based in?');
  expect(await c.ask('Kenya')).to.include('Which of these best describes you?');
  expect(await c.ask('Central bank')).to.include('reminders');
  expect(await c.ask('All sessions')).to.include('Do you agree');
  expect(await c.ask('I agree')).to.include('Please check your details');
  expect(await c.ask('confirm')).to.include("You're registered");
}

/** An event file: a copy of `file` with its registration changed, written to a temporary folder. */
function editedEvent(dir: string, file: string, registration: Record<string, unknown>): string {
  const e = JSON.parse(readFileSync(file, 'utf8'));
  e.registration = { ...e.registration, ...registration };
  const out = join(dir, `event-${++n}.json`);
  writeFileSync(out, JSON.stringify(e, null, 2));
  return out;
}

describe('event lifecycle (HTTP)', function () {
  describe('the clinic, after it has ended (BOT_NOW after 31 March 2022)', () => {
    let bot: BotUnderTest;
    const clock = new ManualClock('2022-03-23T08:00:00Z');
    let ada: ReturnType<typeof chat>;
    before(async () => {
      bot = await startBot({ ...ENV, JOIN_URL }, { clock });
      ada = chat(bot);
      // Registered a week before; the joining link was given then.
      await register(ada, 'ada.lifecycle@example.org');
      expect(await ada.ask('how do I join?')).to.include(JOIN_URL);
      clock.set(AFTER);
    });
    after(async () => bot.stop());

    it('"register" says the event has ended and does not start the dialog', async () => {
      const c = chat(bot);
      const reply = await c.say('register');
      const text = reply.map((a) => a.text ?? '').join('\n');
      expect(text).to.include('DFS Security Clinic ended on').and.match(/closed/i).and.not.include("What's your full name?");
      expect(titles(reply)).to.not.include('Register');
      // The next message is a message, not an answer to a name prompt.
      expect(await c.ask('Ada Lovelace')).to.not.include("What's your e-mail address?");
      expect(await c.ask('sign me up please')).to.not.include("What's your full name?");
    });

    it('"how do I join?" says it has ended and gives no joining details, to the registered too', async () => {
      for (const who of [ada, chat(bot)]) {
        const text = await who.ask('how do I join?');
        expect(text).to.include('has ended').and.include('no joining details');
        expect(text).to.not.include(JOIN_URL).and.not.include('meet.example.org');
      }
    });

    it('still answers sessions, speakers and reports, and "what\'s next?" agrees that it is over', async () => {
      const c = chat(bot);
      expect(await c.ask('reports for day 1?')).to.include('SS7 Vulnerabilities and Mitigation Measures for DFS Transactions');
      expect(JSON.stringify(await chat(bot).say('who are the speakers?'))).to.include('Arnold Kibuuka').and.include('Bilel Jamoussi');
      expect(await c.ask('what can you do?')).to.include('which has ended').and.not.include('register you');
      expect(await c.ask("what's on day 2?")).to.include('DFS Security Assurance Framework');
      expect(await c.ask("what's next?")).to.include('is over');
    });

    it('"is registration required?" and "how do I register?" say registration is closed, not where to register', async () => {
      const c = chat(bot);
      const required = await c.ask('is registration required?');
      expect(required).to.match(/^Yes — registration was mandatory\./).and.include('closed').and.not.include('say **register**').and.not.match(REGISTER_AT_ITU);
      const how = await c.say('can I attend in person?');
      expect(how.map((a) => a.text).join('\n')).to.include('closed').and.not.match(REGISTER_AT_ITU);
      expect(titles(how)).to.not.include('Register me').and.not.include('How do I join?');
    });

    it('the registered can still see and delete their details', async () => {
      expect(await ada.ask('am I registered?')).to.include("you're registered");
    });

    it('answers in French too', async () => {
      const c = chat(bot, 'fr-FR');
      const text = await c.ask('comment puis-je rejoindre la session ?');
      expect(text).to.include('est terminé').and.not.include(JOIN_URL);
    });

    it('the event page shows that the event has ended, with the reports, and no "Register (required)"', async () => {
      const html = await (await fetch(`${bot.url}/`)).text();
      expect(html).to.include('This event has ended');
      expect(html).to.not.include('Register (required)').and.not.include('id="register-cta"').and.not.include('say <strong>register</strong>');
      const reports = [...html.matchAll(/<ul class="report-links"[\s\S]*?<\/ul>/g)].join('');
      expect(reports.match(/<li><a href="https:\/\//g)?.length).to.equal(5);
      const tab = await (await fetch(`${bot.url}/tab`)).text();
      expect(tab).to.include('This event has ended').and.not.include('or to register');
    });
  });

  describe('a registration under way when registration closes', () => {
    let bot: BotUnderTest;
    const clock = new ManualClock('2022-03-31T09:50:00Z'); // 12:50 EAT on day 2: ten minutes before the end
    before(async () => {
      bot = await startBot(ENV, { clock });
    });
    after(async () => bot.stop());

    it('is not saved when confirmed after the event has ended, and the attendee is told why', async () => {
      const c = chat(bot);
      expect(await c.ask('register')).to.include("What's your full name?");
      expect(await c.ask('Grace Hopper')).to.include("What's your e-mail address?");
      expect(await c.giveEmail('grace.lifecycle@example.org')).to.include('Which organisation are you with?');
      expect(await c.ask('Navy Labs')).to.include('Which country are you based in?');
      expect(await c.ask('Kenya')).to.include('Which of these best describes you?');
      expect(await c.ask('Central bank')).to.include('reminders');
      expect(await c.ask('None')).to.include('Do you agree');
      expect(await c.ask('I agree')).to.include('Please check your details');
      clock.set('2022-03-31T10:05:00Z');
      const text = await c.ask('confirm');
      expect(text).to.include('closed').and.not.include("You're registered");
      expect(await bot.app.registrations.byEmail('grace.lifecycle@example.org')).to.equal(undefined);
      // and the conversation goes on: a question is answered, no prompt comes back
      expect(await c.ask('reports for day 2?')).to.include('DFS Security Assurance').and.not.include('Please check your details');
    });
  });

  describe('the clinic before it (registration through the bot)', () => {
    let bot: BotUnderTest;
    before(async () => {
      bot = await startBot(ENV); // BOT_NOW a week before the clinic
    });
    after(async () => bot.stop());

    it('every answer about registering gives the one route: here, in this chat (never the ITU page)', async () => {
      for (const q of ['is it free?', 'can I attend in person?', 'is registration required?', 'is there a deadline to register?', 'where do I register?']) {
        const text = await chat(bot).ask(q);
        expect(text, q).to.include('right here').and.not.match(REGISTER_AT_ITU);
      }
      expect(await chat(bot).ask('how do I register?')).to.include("What's your full name?").and.not.include(ITU_PAGE);
      const html = await (await fetch(`${bot.url}/`)).text();
      expect(html).to.include('id="register-cta"').and.include('Register (required)').and.not.include('This event has ended');
    });
  });

  describe('another event, unchanged: the sample, whose announced deadline closes registration before it starts', () => {
    let bot: BotUnderTest;
    const clock = new ManualClock('2027-03-20T00:00:00Z');
    before(async () => {
      bot = await startBot({ ...ENV, EVENT_FILE: 'events/sample-cloud-resilience-forum.json' }, { clock });
    });
    after(async () => bot.stop());

    it('registers before the deadline, and says registration has closed after it (the event still to come)', async () => {
      expect(await chat(bot).ask('register')).to.include("What's your full name?");
      clock.set('2027-03-28T00:00:00Z');
      const c = chat(bot);
      const text = await c.ask('register');
      expect(text).to.include('Registration closed on').and.include('26 March 2027').and.not.include("What's your full name?");
      expect(await c.ask('how do I join?')).to.include('Registration closed on').and.not.include('meet.example.org');
      const html = await (await fetch(`${bot.url}/`)).text();
      expect(html).to.include('Registration closed on').and.not.include('id="register-cta"').and.not.include('This event has ended');
    });
  });

  describe('an event whose file names an external registration page', () => {
    let bot: BotUnderTest;
    let dir: string;
    const page = 'https://events.example.org/cloud-resilience-forum/register';
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
      const file = editedEvent(dir, 'events/sample-cloud-resilience-forum.json', { via: 'page' });
      bot = await startBot({ ...ENV, EVENT_FILE: file }, { clock: new ManualClock('2027-03-01T00:00:00Z') });
    });
    after(async () => {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('every answer sends people to that page, and the bot never starts its own registration', async () => {
      for (const q of ['is it free?', 'can I attend in person?', 'is registration required?', 'where do I register?', 'register', 'how do I register?']) {
        const text = await chat(bot).ask(q);
        expect(text, q).to.include(page).and.not.include('say **register**').and.not.include("What's your full name?");
      }
      const html = await (await fetch(`${bot.url}/`)).text();
      expect(html).to.include(`id="register-page" href="${page}"`).and.not.include('id="register-cta"').and.not.include('say <strong>register</strong>');
    });
  });
});
