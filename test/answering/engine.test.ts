// Reply contract: answer first, cards 1.5 with allowed actions, plain-text fallback, suggestions,
// memory for follow-ups, command payloads, zones, determinism, and the sample event.
import { expect } from 'chai';
import type { DialogueMemory, Understood } from '../../src/conversation/types.ts';
import { capabilitiesOf } from '../../src/render/capabilities.ts';
import { render } from '../../src/render/render.ts';
import { BEFORE, getEngines } from '../understanding/fixtures.ts';

const { dfs, sample } = getEngines();
const ask = (text: string, memory: DialogueMemory = {}, userTimeZone?: string, now = BEFORE) => dfs.understand({ text, now, memory, userTimeZone });
const firstLine = (u: Understood) => u.reply!.text.split('\n')[0];
/** The card Teams would get for the reply. */
const cardOf = (u: Understood) => render(u.reply!, capabilitiesOf('msteams')).card;

function walkActions(card: unknown, out: string[] = []): string[] {
  if (Array.isArray(card)) card.forEach((c) => walkActions(c, out));
  else if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o.type);
    Object.values(o).forEach((v) => walkActions(v, out));
  }
  return out;
}

describe('AnsweringEngine replies', () => {
  it('puts the answer in the first line', () => {
    expect(firstLine(ask('when is the SS7 session'))).to.contain('10:20–11:50 EAT');
    expect(firstLine(ask('what is the contact email'))).to.contain('tsbevents@itu.int');
    expect(firstLine(ask('when does day 2 end'))).to.contain('13:00 EAT');
  });

  for (const q of ['show me the agenda', 'when is the SS7 session', 'who are the speakers', 'what reports are there', 'who is Vijay Mauree']) {
    it(`gives an Adaptive Card 1.5 with only OpenUrl/Submit actions and a complete text fallback: ${q}`, () => {
      const u = ask(q);
      const card = cardOf(u) as Record<string, unknown>;
      expect(card.type).to.equal('AdaptiveCard');
      expect(card.version).to.equal('1.5');
      for (const a of walkActions(card)) expect(['Action.OpenUrl', 'Action.Submit']).to.include(a);
      expect(u.reply!.suggestions!.length).to.be.greaterThan(0);
    });
  }

  it('keeps the card facts in the text fallback', () => {
    const u = ask('agenda for day 1');
    for (const s of ['10:00–10:20', 'Opening and Welcome Remarks', 'Coffee Break', 'Bilel Jamoussi']) expect(u.reply!.text).to.contain(s);
  });

  it('lists report links', () => {
    const u = ask('what reports are there');
    expect(u.reply!.text).to.contain('https://itu.gitbook.io/dfs-security-assurance-framework');
    expect(JSON.stringify(cardOf(u))).to.contain('Action.OpenUrl');
  });

  it('never puts the user text into the card', () => {
    const u = ask('<b>agenda</b> for day 1 {"x":1}');
    expect(JSON.stringify(cardOf(u) ?? {})).not.to.contain('<b>');
    expect(JSON.stringify(cardOf(u) ?? {})).not.to.contain('"x":1');
  });

  it('shows the user zone next to the event zone', () => {
    expect(ask('when is the SS7 session', {}, 'Europe/Berlin').reply!.text).to.contain('10:20–11:50 EAT (09:20–10:50 your time, Europe/Berlin UTC+2)');
  });

  it("sets the zone and answers the rest of the turn: \"I'm in Tokyo, when is the SS7 session?\"", () => {
    const u = ask("I'm in Tokyo, when is the SS7 session?");
    expect(u.rememberTimeZone).to.equal('Asia/Tokyo');
    expect(u.intent).to.equal('session');
    expect(u.reply!.text).to.contain('16:20');
    expect(ask("I'm in Tokyo").intent).to.equal('timezone.set');
  });

  it('gives each day when a clock change inside the event changes the conversion', () => {
    const u = sample.understand({ text: 'What time is 14:00 Sydney time in Lisbon?', now: BEFORE, memory: {} });
    expect(u.reply!.text).to.contain('04:00').and.to.contain('05:00');
  });

  it('converts on request, DST-correct', () => {
    expect(firstLine(ask('what time does day 1 start in Paris'))).to.contain('09:00');
    expect(firstLine(ask('when is the SS7 session in Tokyo time'))).to.contain('16:20');
  });

  it('explains the time zone, with the asked city', () => {
    const t = ask('are the times in Geneva time?').reply!.text;
    expect(t).to.match(/^No — all times are in EAT \(East Africa Time, UTC\+3, Africa\/Nairobi\)/);
    expect(t).to.contain('09:00 in Geneva');
  });

  it('remembers a zone the user gives', () => {
    const u = ask("I'm in Lagos");
    expect(u.rememberTimeZone).to.equal('Africa/Lagos');
    expect(ask('set my time zone to Asia/Tokyo').rememberTimeZone).to.equal('Asia/Tokyo');
  });

  it('follows up on a speaker, a session and a day', () => {
    const a = ask('who is Assaf Klinger');
    expect(a.memory.speakerId).to.equal('assaf-klinger');
    expect(firstLine(ask('when does he speak?', a.memory))).to.contain('10:20');
    const b = ask('tell me about the interactive session');
    expect(b.memory.sessionId).to.equal('d2-interactive-session');
    expect(firstLine(ask('how long is it?', b.memory))).to.contain('1 hour');
    const c = ask("what's on day 2");
    expect(ask('who presents the first session?', c.memory).reply!.text).to.contain('Vijay Mauree');
  });

  // Each conversation: the turns in order; the last reply's first line must contain `expect` and not `absent`.
  const followUps: { name: string; turns: string[]; expect: string; absent?: string }[] = [
    { name: '"there" is the place asked about last', turns: ['what time does day 2 start in London?', 'and when does it end there?'], expect: '11:00 in London' },
    { name: '"there" in another phrasing', turns: ['when is the SS7 session in Tokyo', 'and the assurance framework session, what time is that there?'], expect: 'in Tokyo' },
    { name: '"is there …" names no place', turns: ['what time does day 2 start in London?', 'is there a break on day 1?'], expect: 'break', absent: 'London' },
    { name: 'a new place replaces the old', turns: ['when does day 1 start in London', 'when does day 2 start in Tokyo', 'and when does it end there?'], expect: 'in Tokyo', absent: 'London' },
    { name: '"it" after a question about a day is that day', turns: ["what's on day 2", 'when does it end?'], expect: 'Day 2' },
    { name: 'a thanks in between keeps the list, and singular "they" is the speaker', turns: ["who's giving the Signalling Security talk?", 'thank you', 'and where do they work?'], expect: 'Adaptive Mobile' },
    { name: '"the one after the break" is on the day discussed', turns: ["what's the first session on day 2?", 'and the one after the break?', 'who gives it?'], expect: 'Arnold Kibuuka' },
    { name: '"which one of them is from EACO?" picks from the list, and "his" is that one', turns: ['who gives the welcome remarks?', 'which one of them is from EACO?', "what's his title?"], expect: 'Executive Secretary' },
    { name: 'the contact is also a speaker: "is he speaking?"', turns: ["who's the contact person for the clinic?", 'and is he speaking at the clinic?'], expect: 'Vijay Mauree is a speaker' },
    { name: 'speakers who share a session make it "that session"', turns: ['who is speaking on the SS7 session from Adaptive Mobile?', 'who else speaks in that session?'], expect: 'Assaf Klinger' },
    { name: '"thanks! and on day 2?" asks the rest', turns: ["I'm in Cairo", 'when does Vijay Mauree speak on day 1?', 'thanks! and on day 2?'], expect: 'Day 2' },
    { name: '"besides X": the others, and "his" is then the other one', turns: ['Who gives opening remarks besides Bilel?', 'and his organisation?'], expect: 'Ally Yahaya Simba is with EACO' },
    { name: '"it" after a session stays the session', turns: ['tell me about the interactive session', 'when does it end?'], expect: 'security audits for DFS is on Day 2' },
  ];
  for (const c of followUps) {
    it(`follows up: ${c.name}`, () => {
      let memory: DialogueMemory = {};
      let last: Understood | undefined;
      for (const text of c.turns) {
        last = ask(text, memory);
        memory = last.memory;
      }
      const line = firstLine(last!);
      expect(line).to.contain(c.expect);
      if (c.absent) expect(line).not.to.contain(c.absent);
    });
  }

  // Practical details: the event file's own answer when it has one, otherwise "not mentioned" and where to ask.
  const details: { engine: 'dfs' | 'sample'; question: string; expect: string[]; absent?: string[] }[] = [
    { engine: 'dfs', question: 'is it free?', expect: ['does not mention a fee', 'Registration is mandatory', 'tsbevents@itu.int'] },
    { engine: 'sample', question: 'is it free?', expect: ['free of charge'], absent: ['does not mention'] },
    { engine: 'dfs', question: 'whats the registration deadline', expect: ['does not mention a registration deadline'] },
    { engine: 'sample', question: 'what is the deadline to register', expect: ['closes on 26 March 2027'] },
    { engine: 'dfs', question: 'will the sessions be recorded?', expect: ['does not mention recordings'], absent: ['will be recorded'] },
    { engine: 'sample', question: 'do we get a certificate?', expect: ['does not mention a certificate', 'forum@example.org'] },
    { engine: 'dfs', question: 'who signed the circular?', expect: ['Chaesub Lee, Director of the Telecommunication Standardization Bureau', 'not a speaker'] },
    { engine: 'sample', question: 'who signed the announcement?', expect: ['does not say who signed'] },
    { engine: 'sample', question: 'do the clocks change during the forum?', expect: ['Yes — the clocks change in Australia/Sydney', 'Day 3, Sun 4 April 2027: UTC+10'] },
    { engine: 'dfs', question: 'do the clocks change during the clinic?', expect: ['No — Africa/Nairobi stays at UTC+3'] },
    { engine: 'sample', question: 'what day of the week does it start on?', expect: ['starts on Friday'] },
    { engine: 'sample', question: 'is there parking at the venue?', expect: ['does not mention parking'] },
    { engine: 'dfs', question: 'is the programme final?', expect: ['is a draft', 'itu.int'] },
    { engine: 'sample', question: 'is the programme final?', expect: ['does not say whether its programme may still change'] },
  ];
  for (const c of details) {
    it(`answers a practical detail from the event file (${c.engine}): ${c.question}`, () => {
      const u = (c.engine === 'dfs' ? dfs : sample).understand({ text: c.question, now: BEFORE, memory: {} });
      for (const x of c.expect) expect(u.reply!.text).to.contain(x);
      for (const x of c.absent ?? []) expect(u.reply!.text).not.to.contain(x);
    });
  }

  it('ignores a remembered place that storage returned damaged', () => {
    const damaged = { place: { zone: 'Not/AZone', label: 'Nowhere' } } as DialogueMemory;
    expect(firstLine(ask('when does day 1 end there?', damaged))).not.to.contain('Nowhere');
  });

  // Against the clock (EAT = UTC+3; day 1 runs 07:00–10:00 UTC on 30 March, day 2 the same on 31 March).
  const clock: { now: string; question: string; expect: string[]; absent?: string[] }[] = [
    { now: '2022-03-30T05:00:00Z', question: 'how long until it starts', expect: ['starts today at 10:00 EAT', 'in 2 hours'] },
    { now: '2022-03-29T17:00:00Z', question: 'how long till it starts?', expect: ['tomorrow', 'in 14 hours'] },
    { now: '2022-03-30T08:55:00Z', question: 'how long until the next session', expect: ['12:00', 'in 5 min'] },
    { now: '2022-03-30T09:30:00Z', question: 'is there anything left today', expect: ['Still on: 12:00–13:00', 'ending in 30 min'] },
    { now: '2022-03-30T12:00:00Z', question: 'anything left today?', expect: ['Nothing more is on today', 'tomorrow'] },
    { now: '2022-03-31T09:30:00Z', question: 'what did I miss this morning', expect: ['Earlier today', 'Assurance Framework', 'audit guideline'] },
    { now: '2022-03-31T10:30:00Z', question: 'is there anything left today', expect: ['is over'] },
    { now: '2022-03-31T09:20:00Z', question: 'how much longer does today run?', expect: ['ends at 13:00 EAT', '40 min from now'] },
    { now: '2022-03-30T08:00:00Z', question: 'how long until the clinic ends?', expect: ['ends on Day 2', 'Today (Day 1, Wed 30 March 2022) ends at 13:00 EAT, in 2 hours'] },
  ];
  for (const c of clock) {
    it(`answers against the clock at ${c.now}: ${c.question}`, () => {
      const text = ask(c.question, {}, undefined, new Date(c.now)).reply!.text;
      for (const x of c.expect) expect(text).to.contain(x);
      for (const x of c.absent ?? []) expect(text).not.to.contain(x);
    });
  }

  // Compound messages: each question answered in order; a part the engine cannot answer alone is left to the others.
  const compound: [string, string[]][] = [
    ['What are the dates, is it online, and do I need to register?', ['runs on 2 days', 'fully virtual', 'Registration is mandatory']],
    ['when does day 2 start and who speaks first?', ['Day 2, Thu 31 March 2022 starts at 10:00 EAT', 'the only speaker is Vijay Mauree']],
    ['Where do I register, do I actually have to, and what time zone are the times in?', ['Registration is mandatory', 'All times are in EAT']],
    ['what is on day 1 and day 2', ['Agenda — DFS Security Clinic']],
  ];
  for (const [question, has] of compound) {
    it(`answers each question of a compound message: ${question}`, () => {
      const text = ask(question).reply!.text;
      for (const x of has) expect(text).to.contain(x);
    });
  }

  it('finds the question in a long message that tells a story around it', () => {
    const story =
      'Our legal department has a few questions about data handling for the online sessions and wants to write directly to someone at ITU rather than go through the general registration form. ' +
      "I've looked around but couldn't see it clearly: who is the named contact for this clinic and what email should they write to? They might call instead if there's a number.";
    expect(ask(story).reply!.text).to.contain('tsbevents@itu.int');
  });

  it('keeps a command in a compound message for the router', () => {
    expect(ask('register me and when does it start?').command?.intent).to.equal('register');
  });

  // Two sessions set against each other, each recognised on its own words.
  const comparisons: [string, string[]][] = [
    ['is the SS7 session before the coffee break?', ['Yes — DFS security vulnerabilities: Infrastructure', '11:50–12:00']],
    ['is the USSD session before the opening?', ['No —']],
    ['Is the assurance framework session longer than the audit guideline one?', ['Yes — DFS Security Assurance Framework lasts 75 min', '35 min']],
    ["What's in between the assurance framework session and the audit guideline session?", ['Coffee break (11:15–11:25 EAT)']],
    ['Is the day 2 coffee break also at 11:50?', ['No — the break is at Day 2', '11:15–11:25']],
  ];
  for (const [question, has] of comparisons) {
    it(`compares sessions: ${question}`, () => {
      const text = ask(question).reply!.text;
      for (const x of has) expect(text).to.contain(x);
    });
  }

  // Counts and extremes computed from the programme (the clinic: 7 speakers, 6 sessions and 2 breaks over 2 days of 3 hours).
  const counts: [string, string[]][] = [
    ['how many speakers are there', ['7 speakers']],
    ['how many speakers from ITU', ['3 speakers from ITU']],
    ['how many speakers does the SS7 session have', ['3 speakers in DFS security vulnerabilities']],
    ['Not counting the coffee break, how many sessions are there on 31 March?', ['3 sessions on Day 2', 'not counting 1 break']],
    ['how many breaks are there altogether?', ['2 breaks, 20 min in all']],
    ['how many hours of programme in total', ['6 hours of programme in all']],
    ['which session is the longest?', ['The longest session', 'Infrastructure vulnerabilities', '90 min']],
    ['what is the shortest slot, including breaks', ['The shortest sessions are Coffee Break']],
    ['is one day longer than the other?', ['No day is longer', '3 hours']],
  ];
  for (const [question, has] of counts) {
    it(`counts from the programme: ${question}`, () => {
      const text = ask(question).reply!.text;
      for (const x of has) expect(text).to.contain(x);
    });
  }

  // "Is X covered?": the programme when it names X, else the stated objectives, else plainly nothing.
  const coverage: [string, string[], string[]?][] = [
    ['is SS7 covered?', ['Infrastructure vulnerabilities'], ['objectives mention']],
    ['is there anything about SIM swap in this clinic?', ['objectives mention it', 'SIM swaps']],
    ['does the clinic cover blockchain?', ['No — nothing in the DFS Security Clinic programme or its objectives mentions blockchain']],
    ['is there a session on Blockchain?', ['No — nothing in', 'mentions Blockchain']],
    ['is there an SS7 session?', ['Infrastructure vulnerabilities'], ['nothing']],
    ['are there any sessions on quantum computing', ['mentions quantum computing'], ['Agenda']],
    ['is there anything on 2 april', ['31'], ['mentions']],
  ];
  for (const [question, has, hasNot = []] of coverage) {
    it(`says what covers a subject: ${question}`, () => {
      const text = ask(question).reply!.text;
      for (const x of has) expect(text).to.contain(x);
      for (const x of hasNot) expect(text).not.to.contain(x);
    });
  }

  it('keeps a list of breaks referable: "when is the second one?"', () => {
    const breaks = ask('breaks?');
    expect(firstLine(ask('when is the second one', breaks.memory))).to.contain('11:15');
  });

  it('says what is on now and next from the clock', () => {
    expect(firstLine(ask("what's on now", {}, undefined, new Date('2022-03-30T08:00:00Z')))).to.contain('Infrastructure vulnerabilities');
    expect(firstLine(ask("what's on now", {}, undefined, BEFORE))).to.contain('not started');
    const after = ask("what's on now", {}, undefined, new Date('2023-01-01T00:00:00Z')).reply!.text;
    expect(after).to.contain('is over');
    expect(after).to.contain('reports');
  });

  it('returns commands with their details', () => {
    expect(ask('remind me about the SS7 session').command).to.deep.equal({ intent: 'remind', sessionIds: ['d1-infrastructure-vulnerabilities'] });
    expect(ask('remind me about day 2').command).to.deep.equal({ intent: 'remind', day: 2 });
    expect(ask('change my e-mail to Jane.Doe@Example.org').command).to.deep.equal({ intent: 'update-registration', field: 'email', value: 'Jane.Doe@Example.org' });
    expect(ask('sign me up').command).to.deep.equal({ intent: 'register' });
    expect(ask('is registration required?').command).to.equal(undefined);
  });

  it('marks small talk and fallbacks as not event questions', () => {
    expect(ask('thanks').isEventQuestion).to.equal(false);
    expect(ask('Jane Doe').isEventQuestion).to.equal(false);
    expect(ask('when is the SS7 session').isEventQuestion).to.equal(true);
    expect(ask('who won the world cup').reply!.text).to.match(/^Sorry, I can only help with DFS Security Clinic/);
  });

  it('is deterministic', () => {
    const a = JSON.stringify(ask('who speaks in the USSD and STK session'));
    const b = JSON.stringify(ask('who speaks in the USSD and STK session'));
    expect(a).to.equal(b);
  });

  it('survives odd input', () => {
    for (const text of ['', '   ', '?!?', 'x'.repeat(5000), '🙂', '\u0000', 'day 99', 'at 99:99']) expect(() => ask(text)).not.to.throw();
  });

  it('answers the sample event from its own file', () => {
    const u = sample.understand({ text: 'when does day 3 start in UTC', now: BEFORE, memory: {} });
    expect(firstLine(u)).to.contain('04:00');
    expect(sample.understand({ text: 'who is tomasz wiercinski', now: BEFORE, memory: {} }).reply!.text).to.contain('Head of Incident Response');
  });
});
