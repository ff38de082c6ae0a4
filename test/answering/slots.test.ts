// What a question's words say besides its intent — the exclusion it makes, the premise it states, the format it
// asks for — reaches the reply through the decision's slots: "not counting the breaks" leaves them out of the
// answer (and does not make the question one about breaks), a premise is checked, "12-hour" changes the times.
import { expect } from 'chai';
import { normalise } from '../../src/understanding/normalise.ts';
import { splitExclusion } from '../../src/understanding/exclusion.ts';
import { SlotFiller } from '../../src/understanding/slots.ts';
import { BEFORE, dfs as dfsEvent, dfsVocab, getEngines } from '../understanding/fixtures.ts';

const { dfs } = getEngines();
const ask = (text: string) => dfs.understand({ text, now: BEFORE, memory: {} });

describe('question slots', () => {
  it('takes "not counting the breaks" out of the words the intent is read from, and leaves the breaks out of the answer', () => {
    const hours = ask('how many hours of programme without the breaks?');
    expect(hours.intent).to.equal('count');
    expect(hours.reply!.text).to.match(/^5 h 40 min \(340 min\) of sessions in all, not counting the breaks \(20 min\)/);
    const items = ask('how many items are on day 1 if you leave out the coffee break?');
    expect(items.intent).to.equal('count');
    expect(items.reply!.text).to.match(/^3 sessions on Day 1/);
    expect(items.reply!.text).not.to.match(/Coffee Break/);
  });

  it('sets aside every thing a clause lists (breaks, the opening, a session named), in counts and in time', () => {
    const time = ask("what's the total programme time over both days if you take away the breaks and the welcome?");
    expect(time.intent).to.equal('count');
    expect(time.reply!.text).to.match(/^5 h 20 min \(320 min\) of sessions in all, not counting the breaks \(20 min\) and Opening and Welcome Remarks/);
    expect(ask('how long does day 2 run once you skip the coffee break?').reply!.text).to.match(/^2 h 50 min \(170 min\) of sessions on Day 2/);
    expect(ask('how much content is there on day 1 once you remove the break and the welcome remarks?').reply!.text).to.match(/^2 h 30 min \(150 min\) of sessions on Day 1/);
    const items = ask('how many sessions if you leave out the opening and the USSD session');
    expect(items.reply!.text).to.match(/^4 sessions \(not counting 2 breaks or the opening or DFS security vulnerabilities: USSD/);
    expect(items.reply!.text).not.to.match(/• .*USSD/);
    // a clause that names nothing of the programme is not an exclusion
    const n = normalise('can I attend without registering?', dfsVocab);
    expect(splitExclusion(n).exclude).to.deep.equal({ breaks: false });
  });

  it('answers a denied question with what it denies: the sessions a speaker is not in', () => {
    const d2 = ask('what sessions on day 2 do not feature Mauree?');
    expect(d2.reply!.text).to.match(/^Vijay Mauree does not speak in 2 of the sessions on Day 2/);
    expect(d2.reply!.text).to.match(/audit guideline[\s\S]*Implementing/);
    expect(d2.reply!.text).not.to.match(/Assurance Framework/);
    // a question tag is not a denial
    expect(ask("Vijay Mauree speaks on day 2, doesn't he?").reply!.text).not.to.match(/does not speak in/);
  });

  it('checks a time put on a session named ("the audit guideline talk is at 11:00, right?") rather than saying what is on then', () => {
    expect(ask('The audit guideline talk is at 11:00 on day 2, right?').reply!.text).to.match(/^No — it starts at 11:25 EAT/);
    expect(ask('The coffee break on day 2 is at 11:50, correct?').reply!.text).to.match(/^No — the break is at Day 2, Thu 31 March 2022, 11:15–11:25 EAT/);
    expect(ask('what is on at 11:00 on day 2?').intent).to.equal('at');
  });

  it('answers "how do I register?" with the route (and a deadline the event gives) before the form starts', () => {
    const how = ask('what is the procedure to sign up for the clinic?');
    expect(how.command?.intent).to.equal('register');
    expect(how.preface!.text).to.match(/^Registration is mandatory, and I register you right here in this chat/);
    expect(ask('register me').preface).to.equal(undefined);
  });

  it('takes a subject the programme names in its own words ("android mobile money apps") as covered, and still says no to one it does not', () => {
    expect(ask('will android mobile money apps be covered at some point?').reply!.text).to.match(/^DFS security vulnerabilities: USSD, STK and Android platform vulnerabilities/);
    expect(ask('will blockchain wallets be discussed?').reply!.text).to.match(/^No — nothing in the DFS Security Clinic programme or its objectives mentions blockchain wallets/);
  });

  it('keeps the question whole when it leaves nothing out', () => {
    const n = normalise('how many breaks are there on day 1?', dfsVocab);
    expect(splitExclusion(n)).to.deep.equal({ n, exclude: { breaks: false } });
    expect(ask('how many breaks are there on day 1?').reply!.text).to.match(/^1 break on Day 1/);
  });

  it('fills premises and formats from the words: a stated length, a month, a claimed title, 12-hour times', () => {
    const slots = new SlotFiller(dfsEvent, new Set(['clinic', 'dfs']));
    const fill = (text: string) => slots.fill(normalise(text, dfsVocab));
    expect(fill('the SS7 session is an hour and a half long, yes?').premise.minutes).to.equal(90);
    expect(fill('the SS7 session is an hour and a half long, yes?').polar).to.equal(true);
    expect(fill('is the clinic in April?').premise.month).to.equal('april');
    expect(fill('it runs for three days, right?').premise.days).to.equal(3);
    expect(fill('Bilel Jamoussi is the executive secretary of EACO, isn\'t he?').premise.titles).to.deep.equal(['Executive Secretary']);
    expect(fill('agenda for day 1 in 12-hour format').twelveHour).to.equal(true);
    expect(ask('agenda for day 1 in 12-hour format').reply!.text).to.match(/10:00 AM/i);
  });

  it('checks a place in the day put on a speaker ("Kibuuka opens day 2, doesn\'t he?") against the programme', () => {
    expect(ask("Arnold Kibuuka opens day 2, doesn't he?").reply!.text).to.match(/^No — Day 2.* opens with DFS Security Assurance Framework \(Vijay Mauree\)/);
    expect(ask('Vijay Mauree opens day 2, right?').reply!.text).to.match(/^Yes — Vijay Mauree speaks in DFS Security Assurance Framework, which opens Day 2/);
    expect(ask('does Bilel Jamoussi open the clinic?').reply!.text).to.match(/^Yes — Bilel Jamoussi speaks in Opening and Welcome Remarks, which opens Day 1/);
    expect(ask('Kibuuka closes day 2, right?').reply!.text).to.match(/^No — Day 2.* closes with Implementing the DFS security recommendations/);
  });

  it('answers a report asked for by its own title with the report, and a title a session shares with the session', () => {
    const report = ask('Security testing for USSD and STK based DFS applications');
    expect(report.intent).to.equal('reports');
    expect(report.reply!.text).to.match(/^Security testing for USSD and STK based DFS applications: https:/);
    expect(ask('DFS security audit guideline').intent).to.equal('session');
  });
});
