// Registration conversations through the real app over HTTP (POST /api/messages, replies recorded by the
// mock Bot Connector): every path a user can take, asserted on what the user sees.
import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type BotUnderTest, type SayOptions } from '../support/botUnderTest.ts';
import { MockConnector, visibleText } from '../support/mockConnector.ts';

const ENV = { MESSAGES_PER_MINUTE_PER_CLIENT: '100000' };
let n = 0;
/** A fresh conversation for one user. */
const chat = (bot: BotUnderTest, o: SayOptions = {}) => {
  const who = { conversationId: `reg-conv-${++n}`, userId: `reg-user-${n}`, ...o };
  return {
    ...who,
    say: (text: string) => bot.say(text, who),
    ask: (text: string) => bot.ask(text, who),
    /** Gives an e-mail address, reads the code it was sent from the local SMTP server and types it: the reply to the code. */
    async giveEmail(email: string) {
      expect(await bot.ask(email, who)).to.include("I've sent a six-digit code to");
      return bot.ask(await bot.mail.codeFor(email), who);
    },
  };
};
const suggestions = (activities: Record<string, any>[]) => activities.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x: { title: string }) => x.title));

/** Answers every question of a web registration; returns the confirmation text. */
async function registerOnWeb(c: ReturnType<typeof chat>, who = { name: 'Ada Lovelace', email: 'ada@example.org' }) {
  expect(await c.ask('register')).to.include("What's your full name?");
  expect(await c.ask(who.name)).to.include("What's your e-mail address?");
  expect(await c.giveEmail(who.email)).to.include('Which organisation are you with?');
  expect(await c.ask('Analytical Engines')).to.include('Which country are you based in?');
  expect(await c.ask('Kenya')).to.include('Which of these best describes you?');
  expect(await c.ask('Central bank')).to.include('reminders');
  expect(await c.ask('All sessions')).to.include('Do you agree');
  expect(await c.ask('I agree')).to.include('Please check your details');
  return c.ask('confirm');
}

describe('registration dialog (HTTP)', function () {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot(ENV);
  });
  after(async () => bot.stop());

  it('registers an attendee typed turn by turn, every choice offered as a suggested action', async () => {
    const c = chat(bot);
    const start = await c.say('sign me up');
    expect(start.map(visibleText).join('\n')).to.include("Let's get you registered for DFS Security Clinic").and.include("What's your full name?");
    expect(await c.ask('Ada Lovelace')).to.include("What's your e-mail address?");
    expect(await c.ask('ada@example.org')).to.include("I've sent a six-digit code to **ada@example.org**").and.include('send again');
    const code = await bot.mail.codeFor('ada@example.org');
    expect(await c.ask(code)).to.include('your address is confirmed').and.include('Which organisation are you with?');
    expect(await c.ask('Analytical Engines Ltd')).to.include('Which country are you based in?');
    const category = await c.say('Kenia');
    expect(category.map(visibleText).join('\n')).to.include('Which of these best describes you?');
    expect(suggestions(category)).to.deep.equal(['Telecom/ICT regulator', 'DFS provider', 'Central bank', 'Mobile network operator', 'Other']);
    const reminders = await c.say('centrl bank');
    expect(suggestions(reminders)).to.deep.equal(['All sessions', "I'll choose", 'None']);
    const consent = await c.say("I'll choose");
    expect(consent.map(visibleText).join('\n')).to.include('privacy').and.include('Do you agree');
    expect(suggestions(consent)).to.deep.equal(['I agree', 'No thanks']);
    const summary = await c.ask('yes');
    expect(summary).to.include('Please check your details').and.include('Ada Lovelace').and.include('Kenya').and.include('Central bank').and.include('only for sessions you pick');
    const done = await c.ask('confirm');
    const reference = done.match(/reference is \*\*([A-Z2-9]{4}-[A-Z2-9]{4})\*\*/)?.[1];
    expect(reference, done).to.be.a('string');
    expect(done).to.include('how do I join?').and.include('show my registration').and.include('remind me about');

    const stored = await bot.app.registrations.byIdentity(`webchat:${c.userId}`);
    expect(stored).to.include({ fullName: 'Ada Lovelace', email: 'ada@example.org', organisation: 'Analytical Engines Ltd', category: 'Central bank', reminders: 'choose', reference });
    expect(stored?.country).to.deep.equal({ code: 'KE', name: 'Kenya' });
    expect(stored?.followedSessionIds).to.deep.equal([]);

    expect(await c.ask('am I registered?')).to.include("Yes, you're registered").and.include(reference!).and.include('Analytical Engines Ltd');
  });

  it('re-asks a bad e-mail with the reason', async () => {
    const c = chat(bot);
    await c.ask('register');
    await c.ask('Grace Hopper');
    const reply = await c.ask('grace@navy');
    expect(reply).to.include('missing its domain ending').and.include("What's your e-mail address?");
    expect(await c.ask('grace at navy dot mil')).to.include('needs an @');
    expect(await c.giveEmail('grace@navy.mil')).to.include('Which organisation');
  });

  it('says when a country is unknown, confirms a typo and asks which of several', async () => {
    const c = chat(bot);
    await c.ask('register');
    await c.ask('Grace Hopper');
    await c.giveEmail('grace@example.org');
    await c.ask('US Navy');
    expect(await c.ask('Narnia')).to.include(`I couldn't find a country called "Narnia"`).and.include('Which country are you based in?');
    const typo = await c.say('Tanznia');
    expect(typo.map(visibleText).join('\n')).to.include('Did you mean **Tanzania**?');
    expect(suggestions(typo)).to.deep.equal(['Yes', 'No']);
    expect(await c.ask('no')).to.include('Which country are you based in?');
    const several = await c.say('Congo');
    expect(several.map(visibleText).join('\n')).to.include('Which one do you mean?');
    expect(suggestions(several)).to.include.members(['Democratic Republic of the Congo', 'Republic of the Congo', 'None of these']);
    expect(await c.ask('Republic of the Congo')).to.include('Which of these best describes you?');
    await c.ask('Other');
    await c.ask('None');
    await c.ask('yes');
    expect(await c.ask('confirm')).to.include("You're registered");
    expect((await bot.app.registrations.byIdentity(`webchat:${c.userId}`))?.country.code).to.equal('CG');
  });

  it('answers a question about the event mid-dialog, then re-asks where it was', async () => {
    const c = chat(bot);
    await c.ask('register');
    await c.ask('Ada Lovelace');
    await c.giveEmail('ada@q.example.org');
    const reply = await c.ask('what time does day 1 start?');
    expect(reply).to.include('10:00');
    expect(reply).to.include('Back to your registration. Which organisation are you with?');
    const help = await c.ask('help');
    expect(help).to.include('Back to your registration. Which organisation are you with?');
    const join = await c.ask('how do I join?');
    expect(join).to.include("You'll get the joining details as soon as you're registered").and.include('Which organisation are you with?');
    // The earlier answers are kept: the next answer goes on with the form.
    expect(await c.ask('Analytical Engines')).to.include('Which country');
  });

  it('cancel and stop leave cleanly, say so, and store nothing', async () => {
    for (const word of ['cancel', 'stop']) {
      const c = chat(bot);
      await c.ask('register');
      await c.ask('Ada Lovelace');
      const reply = await c.ask(word);
      expect(reply).to.match(/I've stopped/).and.include('Nothing was saved');
      expect(await bot.app.registrations.byIdentity(`webchat:${c.userId}`)).to.equal(undefined);
      // Out of the dialog: the next text is a question again, not an e-mail answer.
      expect(await c.ask('who are the speakers?')).to.not.include('e-mail');
    }
  });

  it('ends politely after three unusable answers at one prompt, with the way back', async () => {
    const c = chat(bot);
    await c.ask('register');
    await c.ask('Ada Lovelace');
    expect(await c.ask('no idea')).to.include("What's your e-mail address?");
    expect(await c.ask('still no')).to.include("What's your e-mail address?");
    const end = await c.ask('nope');
    expect(end).to.include("I've stopped the registration for now").and.include('nothing was saved').and.include('register');
    expect(end).to.not.include("What's your e-mail address?");
    expect(await c.ask('what is on day 2?')).to.not.include('e-mail');
  });

  it('stores nothing without consent, and says so kindly', async () => {
    const c = chat(bot);
    await c.ask('register');
    await c.ask('Ada Lovelace');
    await c.giveEmail('nocon@example.org');
    await c.ask('Analytical Engines');
    await c.ask('UK');
    await c.ask('Other');
    await c.ask('None');
    expect(await c.ask('No thanks')).to.include("I haven't stored any of your details").and.include('register');
    expect(await bot.app.registrations.byEmail('nocon@example.org')).to.equal(undefined);
  });

  it('changes any field from the summary before saving', async () => {
    const c = chat(bot);
    await c.ask('register');
    await c.ask('Ada Lovelace');
    await c.giveEmail('ada@summary.example.org');
    await c.ask('Analytical Engines');
    await c.ask('UK');
    await c.ask('Other');
    await c.ask('None');
    const summary = await c.say('yes');
    expect(suggestions(summary)).to.deep.equal(['Confirm', 'Change something']);
    const pick = await c.say('Change something');
    expect(pick.map(visibleText).join('\n')).to.include('What would you like to change?');
    expect(suggestions(pick)).to.deep.equal(['Name', 'E-mail', 'Organisation', 'Country', 'Category', 'Reminders']);
    expect(await c.ask('Country')).to.include('Which country are you based in? (Now: United Kingdom.)');
    expect(await c.ask('USA')).to.include('Please check your details').and.include('United States');
    expect(await c.ask('change organisation to Babbage and Co')).to.include('Babbage and Co');
    expect(await c.ask('what?')).to.include('Say **confirm** to save');
    expect(await c.ask('confirm')).to.include("You're registered");
    expect(await bot.app.registrations.byEmail('ada@summary.example.org')).to.include({ organisation: 'Babbage and Co' });
  });

  it('registering twice updates, never duplicates', async () => {
    const c = chat(bot);
    await registerOnWeb(c, { name: 'Ada Lovelace', email: 'twice@example.org' });
    const again = await c.ask('register');
    expect(again).to.include("You're already registered").and.include('Here are your details');
    expect(await c.ask('change category')).to.include('Which of these best describes you?');
    expect(await c.ask('DFS provider')).to.include('DFS provider');
    expect(await c.ask('confirm')).to.include('Saved').and.include('still');
    const all = (await bot.app.registrations.all()).filter((r) => r.email === 'twice@example.org');
    expect(all).to.have.length(1);
    expect(all[0].category).to.equal('DFS provider');
  });

  it('updates one field on request: "change my organisation", "change my e-mail to …"', async () => {
    const c = chat(bot);
    await registerOnWeb(c, { name: 'Ada Lovelace', email: 'update@example.org' });
    expect(await c.ask('change my organisation')).to.include('Which organisation are you with now? (Now: Analytical Engines.)');
    expect(await c.ask('Babbage & Co')).to.include('Done: your organisation is now Babbage \\& Co.');
    expect(await c.ask('change my e-mail to ada.new@example.org')).to.include("I've sent a six-digit code to **ada.new@example.org**");
    expect(await c.ask(await bot.mail.codeFor('ada.new@example.org'))).to.include('Done: your e-mail address is now ada.new@example.org.').and.not.include('\\');
    const reg = await bot.app.registrations.byIdentity(`webchat:${c.userId}`);
    expect(reg).to.include({ organisation: 'Babbage & Co', email: 'ada.new@example.org' });
    expect(await bot.app.registrations.byEmail('update@example.org')).to.equal(undefined);
    // Switching field halfway keeps the first one as it was.
    await c.ask('change my country');
    expect(await c.ask('change my e-mail')).to.include("What's your new e-mail address?");
    await c.giveEmail('ada.newer@example.org');
    expect(await bot.app.registrations.byIdentity(`webchat:${c.userId}`)).to.include({ email: 'ada.newer@example.org' }).and.nested.include({ 'country.code': 'KE' });
  });

  it('a change for someone not registered offers registration', async () => {
    const c = chat(bot);
    const reply = await c.say('change my e-mail to x@example.org');
    expect(reply.map(visibleText).join('\n')).to.include("You're not registered yet");
    expect(suggestions(reply)).to.include('Register');
  });

  it('cancels a registration after confirmation and deletes the data', async () => {
    const c = chat(bot);
    await registerOnWeb(c, { name: 'Ada Lovelace', email: 'delete@example.org' });
    const ask = await c.say('cancel my registration');
    expect(ask.map(visibleText).join('\n')).to.include('Do you want to cancel your registration').and.include('Delete it?');
    expect(suggestions(ask)).to.deep.equal(['Yes, delete it', 'No, keep it']);
    expect(await c.ask('No, keep it')).to.include("I've kept your registration");
    expect(await bot.app.registrations.byEmail('delete@example.org')).to.not.equal(undefined);
    await c.ask('cancel my registration');
    expect(await c.ask('Yes, delete it')).to.include("your registration is cancelled and I've deleted your details");
    expect(await bot.app.registrations.byEmail('delete@example.org')).to.equal(undefined);
    expect((await bot.app.store.list('registration:')).some((e) => JSON.stringify(e.value).includes('delete@example.org'))).to.equal(false);
    expect(await c.ask('am I registered?')).to.include("You're not registered");
    expect(await c.ask('cancel my registration')).to.include("nothing to cancel");
  });

  it('refuses markup and links as a name or an organisation, and shows what it keeps as text', async () => {
    const c = chat(bot);
    await c.ask('register');
    expect(await c.ask('[x](javascript:alert(1)) <script>alert(1)</script>')).to.include('plain text').and.include('full name');
    expect(await c.ask('ok')).to.include("doesn't look like a name");
    await c.ask("Ada O'Brien-Smith");
    await c.giveEmail('xss@example.org');
    expect(await c.ask('**Evil** Corp http://evil.example.com')).to.include('plain text').and.include('organisation');
    await c.ask('Evil Corp evil.example.com (AT&T)');
    await c.ask('Kenya');
    await c.ask('Other');
    await c.ask('None');
    const summary = (await c.say('yes')).find((a) => a.text?.includes('Please check your details'))!;
    // Web Chat shows the details as a card: every value in it is read as markdown too.
    const facts = summary.attachments[0].content.body.flatMap((e: Record<string, any>) => e.facts ?? []) as { title: string; value: string }[];
    const html = [summary.text, ...facts.map((f) => f.value)].map((t) => new MarkdownIt({ linkify: true }).render(t)).join('\n');
    // (the validated e-mail address may become a mailto: link; nothing else may)
    expect(html).to.not.match(/<a href="(?!mailto:)|<script/);
    expect(html).to.include("Ada O'Brien-Smith").and.include('Evil Corp evil.example.com (AT&amp;T)').and.include('xss@example.org');
  });
});

describe('registration: joining details only for the registered', () => {
  it('tells others registration is mandatory and offers it; gives JOIN_URL to the registered', async () => {
    const bot = await startBot({ ...ENV, JOIN_URL: 'https://meet.example.org/dfs-clinic' });
    try {
      const c = chat(bot);
      for (const q of ['how do I join?', 'remote connection details', 'meeting link']) {
        const reply = await c.say(q);
        const text = reply.map(visibleText).join('\n');
        expect(text, q).to.include('Registration for DFS Security Clinic is mandatory').and.not.include('meet.example.org');
        expect(suggestions(reply)).to.include('Register');
      }
      expect(await c.ask('link to the event page please')).to.include('itu.int/en/ITU-T/webinars/dfs/sc/20220330');
      await registerOnWeb(c, { name: 'Ada Lovelace', email: 'join@example.org' });
      for (const q of ['how do I join?', 'remote connection details', 'meeting link']) expect(await c.ask(q), q).to.include('https://meet.example.org/dfs-clinic');
    } finally {
      await bot.stop();
    }
  });

  it("uses the event's joinUrl when JOIN_URL is not set", async () => {
    const bot = await startBot({ ...ENV, EVENT_FILE: 'events/sample-cloud-resilience-forum.json' });
    try {
      const c = chat(bot);
      expect(await c.ask('how do I join?')).to.include('registered attendees only').and.not.include('meet.example.org');
      expect(await c.ask('register')).to.include("What's your full name?");
      await c.ask('Ada Lovelace');
      await c.giveEmail('ada@example.org');
      await c.ask('Analytical Engines');
      await c.ask('Kenya');
      expect(await c.ask('Cloud architect')).to.include('reminders');
      await c.ask('None');
      await c.ask('yes');
      await c.ask('confirm');
      expect(await c.ask('how do I join?')).to.include('https://meet.example.org/crf-2027');
    } finally {
      await bot.stop();
    }
  });

  it('without any join link, sends registered attendees to the event page', async () => {
    const bot = await startBot(ENV);
    try {
      const c = chat(bot);
      await registerOnWeb(c);
      expect(await c.ask('how do I join?')).to.include('connection details will be published on the event page').and.include('https://www.itu.int/en/ITU-T/webinars/dfs/sc/20220330/Pages/default.aspx');
    } finally {
      await bot.stop();
    }
  });
});

describe('registration in Teams', () => {
  // Local mode (no MicrosoftAppId) authenticates no channel: whoever claims to be Teams could answer the profile
  // lookup with someone else's name and e-mail (issue 19 finding 6), so nothing is looked up and both are asked.
  it('in local mode asks a Teams user for name and e-mail instead of looking up the profile', async () => {
    const connector = await new MockConnector({
      member: (id) => (id === 'teams-ada' ? { id, name: 'Ada Lovelace', givenName: 'Ada', surname: 'Lovelace', email: 'ada@contoso.com', userPrincipalName: 'ada@contoso.com' } : undefined),
    }).start();
    const bot = await startBot(ENV, { connector });
    try {
      const c = chat(bot, { channelId: 'msteams', userId: 'teams-ada' });
      const first = await c.ask('register');
      expect(first).to.include("What's your full name?").and.not.include('Teams tells me');
      expect(await c.ask('Ada Lovelace')).to.include("What's your e-mail address?").and.not.include('ada@contoso.com');
      expect(await c.giveEmail('ada@contoso.com')).to.include('Which organisation are you with?');
      await c.ask('Contoso');
      await c.ask('USA');
      await c.ask('Other');
      await c.ask('All sessions');
      await c.ask('I agree');
      expect(await c.ask('confirm')).to.include("You're registered");
      expect(await bot.app.registrations.byIdentity('msteams:teams-ada')).to.include({ fullName: 'Ada Lovelace', email: 'ada@contoso.com' });
      expect(connector.requests.filter((r) => r.includes('/members'))).to.deep.equal([]);
    } finally {
      await bot.stop();
      await connector.stop();
    }
  });

  it('links a Teams identity to the web registration with the same e-mail once the address is proven', async () => {
    const connector = await new MockConnector({ member: (id) => ({ id, name: 'A. Lovelace', email: 'ada@web.example.org' }) }).start();
    const bot = await startBot(ENV, { connector });
    try {
      await registerOnWeb(chat(bot), { name: 'Ada Lovelace', email: 'ada@web.example.org' });
      const t = chat(bot, { channelId: 'msteams', userId: 'teams-link' });
      await t.ask('register');
      // A differently written name does not block it: the code proves the address.
      await t.ask('A. Lovelace');
      expect(await t.ask('ada@web.example.org')).to.include("I've sent a six-digit code to **ada@web.example.org**");
      expect(await t.ask(await bot.mail.codeFor('ada@web.example.org'))).to.include('this chat is now linked');
      expect(await t.ask('how do I join?')).to.include('connection details');
      expect((await bot.app.registrations.byEmail('ada@web.example.org'))?.identities).to.include('msteams:teams-link');
    } finally {
      await bot.stop();
      await connector.stop();
    }
  });
});

describe('registration survives a restart mid-dialog', () => {
  it('a new app on the same SQLite file resumes at the same step with earlier answers kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reg-restart-'));
    const connector = await new MockConnector().start();
    const env = { ...ENV, STORAGE_URL: `sqlite://${join(dir, 'x.sqlite')}` };
    const who = { conversationId: 'restart-conv', userId: 'restart-user' };
    try {
      const first = await startBot(env, { connector });
      await first.ask('register', who);
      await first.ask('Ada Lovelace', who);
      await first.ask('ada@restart.example.org', who);
      await first.ask(await first.mail.codeFor('ada@restart.example.org'), who);
      expect(await first.ask('Analytical Engines', who)).to.include('Which country');
      await first.stop();

      const second = await startBot(env, { connector });
      try {
        expect(await second.ask('Kenya', who)).to.include('Which of these best describes you?');
        await second.ask('Other', who);
        await second.ask('None', who);
        const summary = await second.ask('yes', who);
        expect(summary).to.include('Ada Lovelace').and.include('ada@restart.example.org').and.include('Analytical Engines');
        expect(await second.ask('confirm', who)).to.include("You're registered");
      } finally {
        await second.stop();
      }
      const third = await startBot(env, { connector });
      try {
        expect(await third.ask('am I registered?', who)).to.include("Yes, you're registered");
      } finally {
        await third.stop();
      }
    } finally {
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
