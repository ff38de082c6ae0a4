// Proving an e-mail address with a code, through the real doors: POST /api/messages (mock channel) for the
// chat, a real SMTP server on 127.0.0.1 for the mail. An address proves nothing until its code comes back,
// and the reply to a typed address is the same whether or not it is registered already.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest, type SayOptions } from '../support/botUnderTest.ts';

const ENV = { MESSAGES_PER_MINUTE_PER_CLIENT: '100000' };
let n = 0;
const chat = (bot: BotUnderTest, o: SayOptions = {}) => {
  const who = { conversationId: `proof-conv-${++n}`, userId: `proof-user-${n}`, ...o };
  return { ...who, ask: (text: string) => bot.ask(text, who) };
};

/** Registers `email` from a new chat, code and all; returns the chat and the reference. */
async function registered(bot: BotUnderTest, email: string) {
  const c = chat(bot);
  for (const answer of ['register', 'Ada Lovelace', email]) await c.ask(answer);
  for (const answer of [await bot.mail.codeFor(email), 'Analytical Engines', 'Kenya', 'Other', 'None', 'I agree']) await c.ask(answer);
  const done = await c.ask('confirm');
  const reference = done.match(/\*\*([A-Z2-9]{4}-[A-Z2-9]{4})\*\*/)?.[1];
  expect(reference, done).to.be.a('string');
  return { c, reference: reference! };
}

/** A new chat that starts registering and types `email`: the reply to the address. */
async function typesEmail(bot: BotUnderTest, email: string) {
  const c = chat(bot);
  await c.ask('register');
  await c.ask('Ada Lovelace');
  return { c, reply: await c.ask(email) };
}

describe('registration: e-mail proven by a code', function () {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({ ...ENV, JOIN_URL: 'https://meet.example.org/members-only' });
  });
  after(async () => bot.stop());

  it('mails a six-digit code from the configured sender, and registers once it is typed back', async () => {
    const { c, reply } = await typesEmail(bot, 'first@proof.example.org');
    expect(reply).to.include("I've sent a six-digit code to **first@proof.example.org**");
    const [mail] = bot.mail.to('first@proof.example.org');
    expect(mail.subject).to.match(/^\d{6} is your code for DFS Security Clinic$/);
    expect(mail.text).to.include('Type it in the chat').and.include('10 minutes');
    expect(mail.from).to.include('no-reply@localhost');
    expect(await bot.app.registrations.byEmail('first@proof.example.org')).to.equal(undefined);
    expect(await c.ask(await bot.mail.codeFor('first@proof.example.org'))).to.include('your address is confirmed').and.include('Which organisation');
  });

  it('answers a registered and an unregistered address alike, and a second chat sees nothing without the code', async () => {
    const { c: owner, reference } = await registered(bot, 'owner@proof.example.org');
    const taken = await typesEmail(bot, 'owner@proof.example.org');
    const fresh = await typesEmail(bot, 'nobody@proof.example.org');
    // Finding 9 of the hardening issue: the answer must not tell which typed addresses are registered.
    expect(taken.reply.replaceAll('owner@', 'X@')).to.equal(fresh.reply.replaceAll('nobody@', 'X@'));
    expect(taken.reply).not.to.include(reference).and.not.include('already');

    const stranger = taken.c;
    expect(await stranger.ask('am I registered?')).to.include('in the middle of registering you').and.not.include(reference);
    expect(await stranger.ask('how do I join?')).to.include("You'll get the joining details as soon as you're registered");
    const code = await bot.mail.codeFor('owner@proof.example.org');
    expect(await stranger.ask(code === '123456' ? '654321' : '123456')).to.include("That code isn't right");
    expect(await stranger.ask('cancel')).to.include('Nothing was saved');
    expect(await stranger.ask('am I registered?')).to.include('not registered').and.not.include(reference);
    expect(await stranger.ask('how do I join?')).not.to.include('meet.example.org/members-only');
    const reg = await bot.app.registrations.byEmail('owner@proof.example.org');
    expect(reg?.identities).to.deep.equal([`webchat:${owner.userId}`]);
    expect((await bot.app.registrations.all()).filter((r) => r.email === 'owner@proof.example.org')).to.have.length(1);
  });

  it('"I registered on my laptop, now I\'m on my phone": the code links the new chat to the registration', async () => {
    const { reference } = await registered(bot, 'laptop@proof.example.org');
    const phone = chat(bot, { userId: 'phone-user' });
    await phone.ask('register');
    await phone.ask('A. Lovelace');
    expect(await phone.ask('Laptop@Proof.example.org')).to.include("I've sent a six-digit code");
    const linked = await phone.ask(await bot.mail.codeFor('laptop@proof.example.org'));
    expect(linked).to.include('this chat is now linked').and.include(reference).and.include('Here are your details').and.include('Ada Lovelace');
    expect(await phone.ask('confirm')).to.include('nothing changed');
    expect(await phone.ask('am I registered?')).to.include("Yes, you're registered").and.include(reference);
    const reg = await bot.app.registrations.byEmail('laptop@proof.example.org');
    expect(reg?.identities).to.include('webchat:phone-user').and.have.length(2);
  });

  it('counts wrong codes, voids the code after too many, and a new code works', async () => {
    const { c } = await typesEmail(bot, 'typo@proof.example.org');
    const code = await bot.mail.codeFor('typo@proof.example.org');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await c.ask(wrong)).to.include("That code isn't right. You can try 4 more times.").and.include('six-digit code');
    expect(await c.ask('12345')).to.include('The code has six digits.');
    for (const left of [3, 2, 1]) expect(await c.ask(wrong)).to.include(`try ${left} more time`);
    const voided = await c.ask(wrong);
    expect(voided).to.include("That's too many wrong tries, so that code no longer works").and.include('send again');
    expect(await c.ask(code)).to.include('too many wrong tries');
    expect(await c.ask('send again')).to.include("I've sent a new code").and.include('six-digit code to **typo@proof.example.org**');
    expect(await c.ask(await bot.mail.codeFor('typo@proof.example.org'))).to.include('Which organisation');
  });

  it('limits how many codes one address gets, says so, and the dialog stays usable', async () => {
    const { c } = await typesEmail(bot, 'flood@proof.example.org');
    expect(await c.ask('send again')).to.include("I've sent a new code");
    expect(await c.ask('resend')).to.include("I've sent a new code");
    const limited = await c.ask('send again');
    expect(limited).to.match(/can't send another for (60|59) minutes/).and.include('last code I sent still works');
    expect(bot.mail.to('flood@proof.example.org')).to.have.length(3);
    // From another chat too: the limit is the address's, not the chat's.
    const other = await typesEmail(bot, 'flood@proof.example.org');
    expect(other.reply).to.include("can't send another").and.include("What's your e-mail address?");
    expect(await other.c.ask('other@proof.example.org')).to.include("I've sent a six-digit code to **other@proof.example.org**");
    // The first chat can still finish with the last code, or change address.
    const codes = bot.mail.to('flood@proof.example.org').map((m) => m.text.match(/Your code: (\d{6})/)![1]);
    expect(await c.ask(codes[2])).to.include('Which organisation');
  });

  it('a different address at the code prompt gets its own code', async () => {
    const { c } = await typesEmail(bot, 'mistake@proof.example.org');
    expect(await c.ask('right@proof.example.org')).to.include("I've sent a six-digit code to **right@proof.example.org**");
    const stale = await bot.mail.codeFor('mistake@proof.example.org');
    expect(await c.ask(stale)).to.not.include('Which organisation');
    expect(await c.ask(await bot.mail.codeFor('right@proof.example.org'))).to.include('Which organisation');
    expect(await c.ask('Analytical Engines')).to.include('Which country');
  });

  it('cancel at the code prompt stores nothing', async () => {
    const { c } = await typesEmail(bot, 'cancel@proof.example.org');
    expect(await c.ask('cancel')).to.include('Nothing was saved');
    expect(await bot.app.registrations.byEmail('cancel@proof.example.org')).to.equal(undefined);
    expect(await c.ask('what is on day 2?')).not.to.include('code');
  });
});

describe('registration: expired codes and a mail server that refuses', () => {
  it('an expired code says so, and "send again" gives one that works', async () => {
    const clock = new ManualClock('2022-03-01T08:00:00Z');
    const bot = await startBot(ENV, { clock });
    try {
      const { c } = await typesEmail(bot, 'late@proof.example.org');
      const code = await bot.mail.codeFor('late@proof.example.org');
      clock.advance(11 * 60_000);
      expect(await c.ask(code)).to.include('That code has expired').and.include('send again');
      await c.ask('send again');
      expect(await c.ask(await bot.mail.codeFor('late@proof.example.org'))).to.include('Which organisation');
    } finally {
      await bot.stop();
    }
  });

  it('a mailbox the server refuses (550) is asked for again, with the reason', async () => {
    const bot = await startBot(ENV);
    try {
      bot.mail.configure({ refuse: (to) => (to === 'nobody@refused.example.org' ? 550 : undefined) });
      const { c, reply } = await typesEmail(bot, 'nobody@refused.example.org');
      expect(reply).to.include("I couldn't send an e-mail to that address").and.include("What's your e-mail address?");
      expect(await c.ask('somebody@refused.example.org')).to.include("I've sent a six-digit code");
    } finally {
      await bot.stop();
    }
  });
});
