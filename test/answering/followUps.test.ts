// A terse follow-up changes one slot of the question before it (src/answering/followUp.ts): the aspect asked of
// the thing just discussed ("link?" after a report, "since when?" after a topic, "when exactly?" after a speaker),
// or the day ("and day 2?" after a day's coffee break) — in English and French through the same code. A question
// that names its own subject is answered on its own.
import { expect } from 'chai';
import type { DialogueMemory, Understood } from '../../src/conversation/types.ts';
import type { Language } from '../../src/language/languages.ts';
import { BEFORE, getEngines } from '../understanding/fixtures.ts';

const { dfs } = getEngines();
const chat = (language: Language, turns: string[]): Understood[] => {
  let memory: DialogueMemory = {};
  return turns.map((text) => {
    const u = dfs.understand({ text, now: BEFORE, memory, language });
    memory = u.memory;
    return u;
  });
};

interface Row {
  turns: string[];
  language?: Language;
  /** The intent decided for the last turn. */
  intent: string;
  /** What the last reply says (and does not say). */
  says: RegExp;
  not?: RegExp;
}

const ROWS: Record<string, Row> = {
  'an aspect of the speaker just discussed': { turns: ['tell me about Bilel Jamoussi', 'when exactly?'], intent: 'speaker', says: /^Bilel Jamoussi speaks in: Opening and Welcome Remarks — Day 1, Wed 30 March 2022, 10:00–10:20 EAT/ },
  'the link of the report just recommended': { turns: ['what should I read for the audit guideline session?', 'link?'], intent: 'reports', says: /2021-FIGI-Digital-Financial-Services-security-audit-guideline/, not: /event page/i },
  'the date of the announcement just named': { turns: ['which circular announced the clinic?', 'when was it dated?'], intent: 'fact.source', says: /25 February 2022/ },
  'when a topic just explained began': { turns: ['what is the DFS security lab?', 'since when?'], intent: 'topic', says: /set up in November 2020/ },
  'how many the list just shown holds': { turns: ['who are all the speakers?', 'how many is that?'], intent: 'count', says: /^7 speakers/ },
  'when the session just described is': { turns: ['tell me about the audit guideline session', 'which day and what time?'], intent: 'session', says: /^DFS security audit guideline is on Day 2, Thu 31 March 2022, 11:25–12:00 EAT/ },
  'the same question about another day': { turns: ["when's the coffee break on day 1?", 'and day 2?'], intent: 'breaks', says: /11:15–11:25 EAT/, not: /11:50/ },
  'the weekday of the dates just given': { turns: ['when is the clinic?', 'what weekday is that?'], intent: 'fact.dates', says: /Wed 30 March 2022/ },
  'French: the same question about another day': { language: 'fr', turns: ['La pause café du 31, c’est à quelle heure ?', 'et celle du 30 ?'], intent: 'breaks', says: /11 h 50/, not: /11 h 15/ },
  'French: when a topic just explained began': { language: 'fr', turns: ['C’est quoi le laboratoire de sécurité des SFN ?', 'depuis quand ?'], intent: 'topic', says: /novembre 2020/ },
  'what comes after the session just discussed: the next item, a break too': { turns: ['when is the assurance framework session?', 'what comes after?'], intent: 'session', says: /^Coffee break — Day 2, Thu 31 March 2022, 11:15–11:25 EAT/ },
  'what comes before it': { turns: ['tell me about the audit guideline session', 'and before that?'], intent: 'session', says: /^Coffee break — Day 2/ },
  'the next talk is a talk, not the break': { turns: ['tell me about the SS7 session', 'and the next talk?'], intent: 'session', says: /^DFS security vulnerabilities: USSD, STK and Android/ },
  'what is first on a day is its first item, which "and then?" follows': { turns: ['which is first on the 30th?', 'and then?'], intent: 'session', says: /^DFS security vulnerabilities: Infrastructure vulnerabilities/ },
  'the item of the list a word of its title names': { turns: ['reports for day 2?', "the audit one, what's its link?"], intent: 'reports', says: /^DFS security audit guideline: https:/ },
  'French: the item of the list a word of its title names': { language: 'fr', turns: ['Quels sont les rapports du jour 2 ?', 'et celui sur l’assurance, il date de quelle année ?'], intent: 'reports', says: /^DFS Security Assurance Framework: https:[\s\S]*\(2021\)/ },
  'who follows the speaker just discussed, within their session': { turns: ['who gives the introduction to the security lab?', 'who follows him?'], intent: 'speaker.adjacent', says: /^After Vijay Mauree: Arnold Kibuuka/ },
  'which of a speaker\'s sessions is the shortest': { turns: ['what does Arnold Kibuuka present?', 'which one is shorter?'], intent: 'extreme', says: /DFS security audit guideline — 35 min/ },
  'French: which of a speaker\'s sessions is the longest': { language: 'fr', turns: ['Quelles sessions anime Vijay Mauree ?', 'laquelle dure le plus longtemps ?'], intent: 'extreme', says: /Cadre d'assurance de la sécurité des SFN — 1 h 15/ },
  'a question of its own that names a day is answered as asked': { turns: ["when's the coffee break on day 1?", 'what time does day 2 start?'], intent: 'hours', says: /^Day 2, Thu 31 March 2022 starts at 10:00 EAT/ },
  'a speaker\'s session on a day, which "it" then is': { turns: ["what's Arnold Kibuuka's day 2 session?", 'any reading for it?'], intent: 'reports', says: /^DFS security audit guideline: https:/ },
  '"that day" is the day just discussed': { turns: ['when does Karel Van Der Lecq speak?', 'who else is on that same day?'], intent: 'agenda', says: /Day 1, Wed 30 March 2022[\s\S]*Opening and Welcome Remarks/, not: /Day 2/ },
  'French: "ce jour-là" is the day just discussed': { language: 'fr', turns: ['Quel jour a lieu la session sur l’audit ?', 'qui d’autre intervient ce jour-là ?'], intent: 'agenda', says: /Jour 2[\s\S]*Vijay Mauree/ },
  'French: the title of the speaker just discussed': { language: 'fr', turns: ['Qui est Arnold Kibuuka ?', 'son poste ?'], intent: 'speaker', says: /^Arnold Kibuuka est Chargé de projet/ },
  'the department of the speaker just discussed': { turns: ['tell me about Bilel Jamoussi', 'which department?'], intent: 'speaker', says: /Chief of Study Groups Department/ },
  'the publication year of the report just named': { turns: ['is there a report on USSD and STK testing?', 'what year was it published?'], intent: 'reports', says: /\(2020\)/ },
  'a session named by its title\'s initials, then its length': { turns: ['tell me about the SAF session', 'duration?'], intent: 'session', says: /^DFS Security Assurance Framework lasts 75 min/ },
  'a question that names its own subject stands alone': { turns: ['when is the SS7 session?', 'who organises the clinic?'], intent: 'fact.organisers', says: /organised by International Telecommunication Union/ },
  'a question about the event after a session is about the event': { turns: ['tell me about the audit guideline session', 'who is hosting it'], intent: 'fact.organisers', says: /EACO/ },
};

describe('dialogue state: a terse follow-up changes one slot of the question before', function () {
  // (the first French row trains the French model: seconds alone, more on a busy machine)
  this.timeout(120_000);
  for (const [name, row] of Object.entries(ROWS)) {
    it(name, () => {
      const last = chat(row.language ?? 'en', row.turns).at(-1)!;
      const text = last.reply!.text.replace(/[\u00a0\u202f]/g, ' ');
      expect(last.intent, text).to.equal(row.intent);
      expect(text).to.match(row.says);
      if (row.not) expect(text).not.to.match(row.not);
    });
  }

  it('remembers what was asked, and keeps it over a thanks', () => {
    const [asked, thanks] = chat('en', ['when is the SS7 session?', 'thanks!']);
    expect(asked.memory.last).to.deep.equal({ intent: 'session.when' });
    expect(thanks.memory.last).to.deep.equal({ intent: 'session.when' });
  });
});
