// Yes/no questions lead with the verdict the event's data gives; people not in the programme are said
// not to be in it (never given a session); a break next to a session; talks named by their own titles.
import { expect } from 'chai';
import type { DialogueMemory, Understood } from '../../src/conversation/types.ts';
import { BEFORE, getEngines } from '../understanding/fixtures.ts';

const { dfs, sample } = getEngines();
const ask = (text: string, memory: DialogueMemory = {}, userTimeZone?: string) => dfs.understand({ text, now: BEFORE, memory, userTimeZone });
const askSample = (text: string) => sample.understand({ text, now: BEFORE, memory: {} });
const first = (u: Understood) => u.reply!.text.split('\n')[0];
const chat = (...turns: string[]) => {
  let memory: DialogueMemory = {};
  let u!: Understood;
  for (const t of turns) memory = (u = ask(t, memory)).memory;
  return u;
};

describe('yes/no questions', () => {
  const cases: [string, RegExp][] = [
    ['is Vijay Mauree speaking on day 2?', /^Yes — Vijay Mauree speaks on Day 2/],
    ['is Assaf Klinger speaking on day 2?', /^No — Assaf Klinger does not speak on Day 2.*Day 1/],
    ['does Kibuuka speak more than once', /^Yes — Arnold Kibuuka speaks 2 times/],
    ['is Jamoussi from ITU?', /^Yes — Bilel Jamoussi is with ITU/],
    ['does the clinic end at 1pm?', /^Yes — Day 1.*ends at 13:00 EAT; Day 2.*ends at 13:00 EAT/],
    ['does day 2 finish at 2pm?', /^No — Day 2.*ends at 13:00 EAT/],
    ['does day 1 start at 9?', /^No — Day 1.*starts at 10:00 EAT/],
    ['does the SS7 session start at 10:20', /^Yes — it starts at 10:20 EAT/],
    ['does the audit guideline session start before noon?', /^Yes — it starts at 11:25 EAT/],
    ['is the SS7 session on day 2?', /^No — it is on Day 1/],
    ['is EACO involved?', /^Yes — EACO is an organiser/],
    ['is this for central banks?', /^Yes/],
    ['is it open to mobile network operators?', /^Yes — they are part of the intended audience/],
    ['is it in person?', /^No — DFS Security Clinic is fully virtual/],
    ['is it online?', /^Yes — DFS Security Clinic is fully virtual/],
    ['is registration required?', /^Yes — registration is mandatory/],
    ['can I attend without registering', /^No — registration is mandatory/],
    ['is there a break on day 1?', /^Yes — there is a break on Day 1/],
    ['is the clinic on 30 March?', /^Yes — Day 1, Wed 30 March 2022 is an event day/],
    // false premises are corrected, tag questions included
    ["Bilel Jamoussi is the executive secretary of EACO, isn't he?", /^No — Bilel Jamoussi is Chief of Study Groups Department, ITU; Executive Secretary of EACO is Ally Yahaya Simba/],
    ['is Vijay Mauree the programme coordinator', /^Yes — Vijay Mauree is Programme Coordinator, ITU/],
    ['Is Bilel Jamoussi speaking on the 31st?', /^No — Bilel Jamoussi does not speak on Day 2/],
    ['is the audit guideline session on the 31st?', /^Yes — it is on Day 2/],
    ['does it start on 30 March?', /^Yes/],
  ];
  for (const [q, re] of cases) it(q, () => expect(first(ask(q))).to.match(re));

  it('says nothing of yes or no when the data does not decide', () => {
    expect(first(ask('is the break 10 minutes'))).not.to.match(/^(Yes|No)\b/);
  });
  it('works on a follow-up pronoun', () => {
    expect(first(chat("who's Arnold Kibuuka", 'is he speaking on day 1?'))).to.match(/^Yes — Arnold Kibuuka speaks on Day 1/);
  });
  it('works for the sample event too', () => {
    expect(first(askSample('is Mei-Lin Okafor speaking on day 2?'))).to.match(/^No — Mei-Lin Okafor does not speak on Day 2/);
    expect(first(askSample('does day 1 start at 9am?'))).to.match(/^Yes — Day 1.*starts at 09:00/);
  });
});

describe('a break next to a session', () => {
  it('finds the break after a session even though the break names itself louder', () => {
    const u = ask('is there a coffee break after the ss7 session');
    expect(u.intent).to.equal('breaks');
    expect(first(u)).to.match(/^Yes — after DFS security vulnerabilities: Infrastructure.*11:50–12:00 EAT/);
  });
  it('between two sessions, and after "it"', () => {
    expect(first(ask('is there a coffee break between the ss7 and ussd sessions'))).to.match(/^Yes.*11:50–12:00/);
    expect(first(chat('tell me about the SS7 session', 'is there a break after it?'))).to.match(/^Yes.*11:50–12:00/);
  });
  it('says no when another session follows, or the day ends', () => {
    expect(first(ask('is there a pause before the interactive session'))).to.match(/^No — there is no break before .*DFS security audit guideline/);
    expect(first(ask('is there a break after the interactive session'))).to.match(/^No — .* is the last item of Day 2/);
  });
  it('still reads "what is after the coffee break" as the session after it', () => {
    expect(ask("what's after the coffee break on day 1").intent).to.equal('session');
  });
});

describe('people not in the programme', () => {
  for (const q of ['is Bill Gates speaking?', 'when does Elon Musk talk', 'who is John Smith', 'tell me about Satya Nadella', 'is bill gates speaking']) {
    it(q, () => {
      const u = ask(q);
      expect(u.intent).to.equal('speaker.unknown');
      expect(u.reply!.text).to.match(/couldn't find anyone called/).and.not.match(/\d\d:\d\d/);
    });
  }
  for (const q of ['who is speaking', 'who is presenting', 'who is Kibuuka', 'tell me about asaf klingr', 'tell me about yourself', 'who is the contact', 'tell me about mobile money']) {
    it(`not for: ${q}`, () => expect(ask(q).intent).not.to.equal('speaker.unknown'));
  }
  it('for the sample event too', () => expect(askSample('is Elon Musk speaking?').intent).to.equal('speaker.unknown'));
});

describe('a talk named by its own title', () => {
  it('answers with that talk\'s speaker, who is then "he"', () => {
    const u = ask('who does the introduction to the security lab');
    expect(first(u)).to.match(/^Vijay Mauree presents/);
    expect(first(ask("what's his title", u.memory))).to.contain('Programme Coordinator');
  });
  it('not when the words name the whole session', () => {
    const t = ask('who speaks in the USSD and STK session').reply!.text;
    expect(t).to.contain('Mauree').and.contain('Kibuuka');
  });
});

describe('other persona wordings', () => {
  it('"what about in New York" shows the last answer in that zone', () => {
    expect(chat('when does day 2 start', 'what about in New York').reply!.text).to.contain('03:00');
  });
  it('"to who I write", "for who is this"', () => {
    expect(ask('to who I write if I have a question?').intent).to.equal('fact.contact');
    expect(ask('for who is this clinic?').intent).to.equal('fact.audience');
  });
  it('a time before the day starts says so', () => {
    expect(ask("what's on at 9:00 on day 1").reply!.text).to.contain('before the day starts');
  });
  it('"d2", "day2", "dya 2" name the day', () => {
    expect(first(ask('d2 agenda'))).to.contain('Day 2');
    expect(first(ask('day2 start'))).to.contain('Day 2');
    expect(first(ask('agnda for dya 2'))).to.contain('Day 2');
    expect(first(ask('hw long is d1'))).to.match(/Day 1.*10:00–13:00/);
  });
  it('"could you ..." is a request, not a yes/no question', () => {
    expect(first(ask('Would you kindly inform me which talks Mr. Kibuuka is giving?'))).to.match(/^Arnold Kibuuka presents/);
  });
  it('follow-ups on a session\'s speakers: "the second one", a bare "who\'s presenting", "they", "who does he present with"', () => {
    expect(first(chat('who speaks at the opening', "what's the second one's role"))).to.contain('Executive Secretary');
    expect(first(chat('tell me about the audit session', "who's presenting"))).to.contain('Kibuuka');
    expect(ask("who's presenting").intent).to.equal('speakers.all');
    const they = chat('who speaks in the ss7 session', 'what do they talk about').reply!.text;
    expect(they).to.contain('Signalling Security').and.contain('SS7 Security');
    expect(first(chat('tell me about Faaez Burney', 'who does he present with'))).to.match(/^Faaez Burney presents “Signalling Security” with Karel Van Der Lecq/);
  });
  it('clipped words: "apps"', () => {
    expect(first(ask('report on audit of dfs apps'))).to.not.contain('audit guideline:');
    expect(ask('report on audit of dfs apps').reply!.text).to.contain('Security audit of various DFS applications');
  });
  it('a speaker\'s contact gives the event contact, not an invented one', () => {
    expect(chat('who is Vijay Mauree', 'how can I contact him').reply!.text).to.contain('tsbevents@itu.int');
  });
});
