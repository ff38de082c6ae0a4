// What the conversation holds between turns lets a terse follow-up change one thing of the question before:
// "which of them …?" keeps the day of the list just shown, the talk a question named makes its speaker the one
// "his title?" asks about, and after the announcement's signatory "his title?" is the signatory's.
import { expect } from 'chai';
import type { DialogueMemory, Understood } from '../../src/conversation/types.ts';
import { BEFORE, getEngines } from '../understanding/fixtures.ts';

const { dfs } = getEngines();
const chat = (...turns: string[]): Understood[] => {
  let memory: DialogueMemory = {};
  return turns.map((text) => {
    const u = dfs.understand({ text, now: BEFORE, memory });
    memory = u.memory;
    return u;
  });
};

describe('dialogue state: terse follow-ups', () => {
  it('"which of them is the longest?" after a day\'s sessions answers for that day', () => {
    const [, longest] = chat('how many sessions on day 2?', 'which of them is the longest?');
    expect(longest.reply!.text).to.match(/^The longest session \(breaks left out\) on Day 2.* is DFS Security Assurance Framework — 75 min/);
    const [, shortest] = chat("what's on day 2?", 'which of them is the shortest?');
    expect(shortest.reply!.text).to.match(/on Day 2.* is DFS security audit guideline — 35 min/);
  });

  it('the day stays with the list, not with whatever was said since', () => {
    const [count, longest] = chat('how many sessions on day 2?', 'which of them is the longest?');
    expect(count.memory.listed).to.include({ kind: 'session', day: 2 });
    expect(longest.reply!.text).not.to.match(/Day 1/);
    // without a list, the question is about the whole programme
    const [alone] = chat('which session is the longest?');
    expect(alone.reply!.text).to.match(/Day 1.*90 min|90 min.*Day 1/);
  });

  it('"which of them are for day 2?" after all the reports: that day\'s reports', () => {
    const [, day2] = chat('which reports are linked to the clinic?', 'which of them are for day 2?');
    expect(day2.intent).to.equal('reports');
    expect(day2.reply!.text).to.match(/Assurance Framework/).and.to.match(/audit guideline/i);
    expect(day2.reply!.text).not.to.match(/SS7 Vulnerabilities/);
  });

  it('a talk named in the question makes its speaker the person discussed', () => {
    const [session, job] = chat('who presents the Android, USSD and STK tests?', "what's his job?");
    expect(session.memory.speakerId).to.equal('arnold-kibuuka');
    expect(job.intent).to.equal('speaker');
    expect(job.reply!.text).to.match(/^Arnold Kibuuka is Project Officer/);
  });

  it('"his title?" after the signatory is the signatory\'s, not the last speaker\'s', () => {
    const [, , title] = chat('who is Ally Yahaya Simba?', 'who signed the circular?', 'his title?');
    expect(title.reply!.text).to.match(/Chaesub Lee, Director/);
    expect(title.reply!.text).not.to.match(/Executive Secretary/);
    const [, , again] = chat('who signed the circular?', 'who is Vijay Mauree?', 'his title?');
    expect(again.reply!.text).to.match(/^Vijay Mauree is Programme Coordinator/);
  });

  it('"the second talk" of a day\'s programme counts its talks, not the break between them', () => {
    const [, second] = chat('Give me the day 2 programme', 'how long is the second talk?');
    expect(second.reply!.text).to.match(/^DFS security audit guideline lasts 35 min/);
  });

  it('"what\'s it called?" right after a talk names the talk, and after the event the event', () => {
    const [, talk] = chat("when is Arnold Kibuuka's talk on day 1?", "what's it called?");
    expect(talk.intent).to.equal('session');
    expect(talk.reply!.text).to.match(/Android, USSD and STK tests/);
    const [, event] = chat("what's the clinic called?", "what's it called?");
    expect(event.intent).to.equal('fact.name');
  });

  it('a long message\'s story says what its buried question is about', () => {
    const [long] = chat(
      "Hello! I'm a fraud analyst at a mobile operator and my director forwarded me the ITU circular about this clinic. " +
        'Our team keeps seeing attacks on signalling, so I was asked to follow anything on SS7 and brief everyone afterwards. ' +
        'My calendar is packed that week. Bottom line: which talk must I attend, and when is it?',
    );
    expect(long.reply!.text).to.match(/^DFS security vulnerabilities: Infrastructure vulnerabilities.* 10:20–11:50 EAT/);
  });

  it('"how long are they?" right after a list of sessions (the breaks) is about those sessions', () => {
    const [, after] = chat('how many coffee breaks are there?', 'how long are they?');
    expect(after.reply!.text).to.match(/^Coffee Break lasts 10 min/);
    const [, told] = chat('Tell me about the coffee breaks', 'and how long are they?');
    expect(told.reply!.text).to.match(/10 min/);
    expect(told.intent).not.to.equal('fact');
  });

  it('a short message of background then one question answers the question, keeping a place the background gives', () => {
    const [report] = chat("I'm at a regulator and we want to audit mobile money apps. Which report covers how to audit DFS?");
    expect(report.reply!.text).to.match(/^DFS security audit guideline: https:/);
    const [zoned] = chat("I'm joining from Lagos. When does day 1 start?");
    expect(zoned.reply!.text).to.match(/Africa\/Lagos/);
  });

  it('"who opens the clinic for ITU?" is the ITU speaker of the opening, and "his title?" then his', () => {
    const [who, title] = chat('who opens the clinic for ITU?', 'his title?');
    expect(who.reply!.text).to.match(/Opening and Welcome Remarks/);
    expect(who.reply!.text).not.to.match(/Mauree|Kibuuka/);
    expect(title.reply!.text).to.match(/^Bilel Jamoussi is Chief of Study Groups Department/);
  });
});
