// The intent each KIND of question lands on, through the real engine (recognisers + rules).
import { expect } from 'chai';
import type { DialogueMemory } from '../../src/conversation/types.ts';
import { BEFORE, getEngines } from './fixtures.ts';

const cases: [string, string, DialogueMemory?][] = [
  // small talk and fallbacks
  ['hi', 'greeting'],
  ['thanks!', 'thanks'],
  ['help', 'help'],
  ['what can you do?', 'help'],
  ['bye', 'bye'],
  ["what's the capital of France", 'fallback'],
  ['what is the price of bitcoin', 'fallback'],
  ["what's the weather in Nairobi tomorrow", 'fallback'],
  ['can you recommend a good crypto exchange?', 'fallback'],
  ['Is there a website with more info about the speakers', 'fact.page'],
  ['recommend a good restaurant', 'fallback'],
  // commands
  ['register', 'command.register'],
  ['sign me up', 'command.register'],
  ['I want to attend', 'command.register'],
  ['how do I join the webinar', 'command.join'],
  ['meeting link', 'command.join'],
  ['remote connection details', 'command.join'],
  ['am I registered?', 'command.registration-status'],
  ['show my registration', 'command.registration-status'],
  ['change my e-mail to a@b.org', 'command.update-registration'],
  ['cancel my registration', 'command.cancel-registration'],
  ['remind me about the SS7 session', 'command.remind'],
  ['stop the reminders', 'command.stop-reminders'],
  ['which reminders do I have', 'command.list-reminders'],
  ['cancel', 'command.cancel'],
  ['stop', 'command.cancel'],
  // practical details the announcement may not give: said so, with where to ask
  ['is it free?', 'detail'],
  ['how much does it cost to attend', 'detail'],
  ['registration fee', 'detail'],
  ['whats the registration deadline', 'detail'],
  ['will the sessions be recorded', 'detail'],
  ['is there a recording if i miss day 1?', 'detail'],
  ['will the presentation slides be shared after?', 'detail'],
  ['do we get a certificate of attendance', 'detail'],
  ['is there french interpretation', 'detail'],
  ['what is the dress code', 'detail'],
  ['who is in charge of the clinic', 'fact.organisers'],
  // the announcement itself
  ['who signed the circular', 'fact.signatory'],
  ['who is Chaesub Lee?', 'fact.signatory'],
  ['is the programme final?', 'fact.programme-status'],
  ['is the agenda subject to change', 'fact.programme-status'],
  // where the event stands, from the clock
  ['has it started yet', 'now'],
  ['is the clinic still on?', 'now'],
  ['can i still join the clinic?', 'now'],
  ['do i need to travel or is it on the internet', 'fact.format'],
  // facts (not commands)
  ['is registration required?', 'fact.registration'],
  ['where do I register', 'fact.registration'],
  ['how can I attend?', 'fact.attend'],
  ['is it virtual', 'fact.format'],
  ['who organises the clinic', 'fact.organisers'],
  ['contact e-mail', 'fact.contact'],
  ['event page', 'fact.page'],
  ['who is the event for', 'fact.audience'],
  ['what are the objectives', 'fact.objectives'],
  ['when is the event', 'fact.dates'],
  // topics and zones
  ['what does the security lab do', 'topic'],
  ['what is FIGI', 'topic'],
  ['which time zone are the times in', 'timezone.info'],
  ['are the times in Geneva time?', 'timezone.info'],
  ["I'm in Lagos", 'timezone.set'],
  ['set my time zone to Asia/Tokyo', 'timezone.set'],
  ['what is 10:00 EAT in Berlin', 'timezone.convert'],
  // programme
  ['agenda', 'agenda'],
  ['what is on day 2', 'agenda'],
  ['when does day 2 end', 'hours'],
  ['is there a break on day 1', 'breaks'],
  ["what's on at 11:30 on 30 March", 'at'],
  ["what's on now", 'now'],
  ["what's next", 'next'],
  ['when is the SS7 session', 'session'],
  ['who speaks in the USSD session', 'session'],
  ['who opens the clinic', 'session'],
  // speakers and reports
  ['who is Faaez Burney', 'speaker'],
  ['who is from ITU?', 'speakers.organisation'],
  ['who are the speakers', 'speakers.all'],
  ['what reports are there', 'reports'],
  ['which session is the ss7 report for', 'report.sessions'],
  // follow-ups
  ['when does he speak?', 'speaker', { speakerId: 'assaf-klinger' }],
  ['how long is it?', 'session', { sessionId: 'd2-interactive-session' }],
  ['is there a report for it?', 'reports', { sessionId: 'd2-audit-guideline' }],
  ['who presents the first session?', 'session', { day: 2 }],
];

describe('intents', () => {
  const { dfs } = getEngines();
  for (const [text, intent, memory] of cases) {
    it(`${JSON.stringify(text)}${memory ? ` ${JSON.stringify(memory)}` : ''} → ${intent}`, () => {
      expect(dfs.understand({ text, now: BEFORE, memory: memory ?? {} }).intent).to.equal(intent);
    });
  }
});

describe('reminder commands carry their target, whichever way round', () => {
  const rows: [string, string, { sessionIds?: string[]; day?: number }][] = [
    ['remind me about day 2', 'remind', { day: 2 }],
    ['remind me about the SS7 session', 'remind', { sessionIds: ['d1-infrastructure-vulnerabilities'] }],
    ["don't remind me about day 1", 'stop-reminders', { day: 1 }],
    ['stop reminding me about the audit guideline session', 'stop-reminders', { sessionIds: ['d2-audit-guideline'] }],
    ['stop all reminders', 'stop-reminders', {}],
  ];
  for (const [text, intent, target] of rows) {
    it(`${JSON.stringify(text)} → ${intent} ${JSON.stringify(target)}`, () => {
      const { command } = getEngines().dfs.understand({ text, now: BEFORE, memory: {} });
      expect(command?.intent).to.equal(intent);
      expect({ sessionIds: command?.sessionIds, day: command?.day }).to.deep.equal({ sessionIds: target.sessionIds, day: target.day });
    });
  }
});
