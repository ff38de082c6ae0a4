// Questions against the clock, through /api/messages with the bot's clock set: what is on now and what follows
// (asked together), what is left of today (or that nothing is, and what comes next), which session is running,
// how long until the event or a session, whether the event is on a day said by the clock, and a day's hours or a
// session's time stated and checked; and whether a session (or the event) falls before lunch, in the morning, early or
// late by the attendee's own clock. English and French go through the same pipeline.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

/** The bot's clock, in UTC: the event's days are 30–31 March 2022, 10:00–13:00 EAT (07:00–10:00 UTC). */
interface ClockCase {
  now: string;
  turns: string[];
  /** The attendee's zone, as Web Chat sends it (activity.localTimezone). */
  tz?: string;
  /** What the last reply must say, and must not. */
  says: RegExp[];
  not?: RegExp[];
}

const CASES: Record<string, ClockCase> = {
  // Day 1 at 11:52 EAT: the coffee break (11:50–12:00) is on, the USSD/STK session follows
  'now and next asked together, a break running': { now: '2022-03-30T08:52:00Z', turns: ["what's going on right now, and what comes after?"], says: [/Now: .*Coffee Break/, /USSD, STK/] },
  'now and next asked together, in French': { now: '2022-03-30T08:52:00Z', turns: ["qu'est-ce qui se passe maintenant et c'est quoi la suite ?"], says: [/En ce moment.*Pause café/i, /USSD, STK/] },
  // Day 2 at 10:40 EAT: the framework session runs; the break, the audit guideline and the interactive session remain
  'what remains of today, mid-morning': { now: '2022-03-31T07:40:00Z', turns: ['is there more on later today?'], says: [/Now: .*Assurance Framework/, /Coffee break/, /audit guideline/, /Implementing the DFS security recommendations/] },
  'what remains, said without "today"': { now: '2022-03-31T07:40:00Z', turns: ["what's still to come?"], says: [/Coffee break/, /audit guideline/, /Implementing/] },
  'what remains of today, in French': { now: '2022-03-31T07:40:00Z', turns: ["qu'est-ce qu'il reste encore aujourd'hui ?"], says: [/Pause café/, /audit de sécurité/, /Mettre en œuvre/] },
  // Day 1 at 13:40 EAT: the day is over; tomorrow starts with the framework session
  'nothing left today: tomorrow’s first': { now: '2022-03-30T10:40:00Z', turns: ['anything more happening today?'], says: [/Nothing more is on today/, /tomorrow.*Assurance Framework/] },
  'nothing left today, in French': { now: '2022-03-30T10:40:00Z', turns: ["il y a autre chose aujourd'hui ?"], says: [/Plus rien n'est prévu aujourd'hui/, /demain.*Cadre d'assurance/] },
  'another day named is that day, not what is left': { now: '2022-03-30T08:00:00Z', turns: ['what else is on day 2?'], says: [/Assurance Framework/], not: [/Still to come today/] },
  // Day 2 at 12:30 EAT: the interactive session runs
  'which session is running': { now: '2022-03-31T09:30:00Z', turns: ['what session are we in at the moment?'], says: [/Now: .*Implementing the DFS security recommendations/] },
  'which session is running, in French': { now: '2022-03-31T09:30:00Z', turns: ['on est à quel moment du programme ?'], says: [/En ce moment.*Mettre en œuvre/] },
  // 9:40 EAT on day 1: the opening at 10:00 is twenty minutes away
  'a session soon: how long until it': { now: '2022-03-30T06:40:00Z', turns: ['is the welcome session coming up soon?'], says: [/starts in 20 min/] },
  'the event soon, in French': { now: '2022-03-30T06:40:00Z', turns: ['la clinique commence bientôt ?'], says: [/dans 20 min/] },
  'days until the event, the measure first': { now: '2022-03-20T08:00:00Z', turns: ['in how many days does the clinic begin?'], says: [/in 10 days/] },
  'days until the event, in French': { now: '2022-03-20T08:00:00Z', turns: ['dans combien de jours commence la clinique ?'], says: [/dans 10 jours/] },
  'the event on a day said by the clock': { now: '2022-03-30T15:00:00Z', turns: ['does the clinic go on tomorrow?'], says: [/^Yes — tomorrow is Day 2, Thu 31 March 2022/] },
  'a day’s end stated and confirmed by its tag': { now: '2022-03-23T08:00:00Z', turns: ['day 2 finishes at 13:00, right?'], says: [/^Yes — Day 2, Thu 31 March 2022 ends at 13:00 EAT/] },
  'a day’s start stated wrongly, corrected': { now: '2022-03-23T08:00:00Z', turns: ['the first day begins at 9am, correct?'], says: [/^No — Day 1, Wed 30 March 2022 starts at 10:00 EAT/] },
  'a session’s time stated wrongly in French, corrected': { now: '2022-03-23T08:00:00Z', turns: ["La session sur l'audit commence à 16h, c'est bien ça ?"], says: [/^Non — elle commence à 11 h 25 EAT/] },
  'the running session and the one after it': { now: '2022-03-30T07:30:00Z', turns: ['the ongoing talk and the following one?'], says: [/Now: .*Mobile Infrastructure vulnerabilities/, /Coffee Break/] },
  'the running session and the one after it, in French': { now: '2022-03-30T07:30:00Z', turns: ['la session en cours et celle d’après ?'], says: [/En ce moment.*infrastructure mobile/, /Pause café/] },
  // 10:30 EAT on day 1: the coffee break at 11:50 is 1 hour 20 min away; at 11:52 it is on
  'how long until the break': { now: '2022-03-30T07:30:00Z', turns: ['how much time before the coffee break?'], says: [/Next break/, /11:50–12:00 EAT/, /in 1 hour 20 min/], not: [/Day 2/] },
  'the break soon, in French, while it is on': { now: '2022-03-30T08:52:00Z', turns: ['la pause café arrive bientôt ?'], says: [/Prochaine pause/, /en cours, fin dans 8 min/] },
  'which sessions remain today, in French': { now: '2022-03-30T07:30:00Z', turns: ['quelles sessions restent encore ce matin ?'], says: [/Pause café/, /USSD, STK/], not: [/Ouverture et allocutions/] },
  'a session on a day said by the clock, asked by intonation in French': { now: '2022-03-30T12:00:00Z', turns: ['la session de Vijay sur le cadre d’assurance, c’est demain ?'], says: [/^Oui — /, /Jour 2, jeudi 31 mars 2022/] },
  'the event on a day said by the clock, asked by intonation in French': { now: '2022-03-29T12:00:00Z', turns: ['c’est demain, la clinique ?'], says: [/^Oui — demain, c'est le Jour 1, mercredi 30 mars 2022/] },
  'the current session and the next, in French words of their own': { now: '2022-03-30T08:55:00Z', turns: ['c’est quoi la session actuelle, et la prochaine ?'], says: [/En ce moment.*Pause café/, /Ensuite.*USSD, STK/] },
  'where the programme stands, in French': { now: '2022-03-30T08:55:00Z', turns: ['on en est où là ?'], says: [/En ce moment.*Pause café/] },
  'the next break while it is on, in French': { now: '2022-03-30T08:55:00Z', turns: ['la prochaine pause est quand ?'], says: [/Prochaine pause/, /en cours, fin dans 5 min/] },
  'whether the event has started, said the French way': { now: '2022-03-30T06:30:00Z', turns: ['la clinique a déjà commencé ?'], says: [/n'a pas encore commencé/, /dans 30 min/] },
  'late, in French': { now: '2022-03-30T08:00:00Z', turns: ['je suis en retard ?'], says: [/En ce moment : 10 h 20–11 h 50 EAT/] },
  'how soon': { now: '2022-03-30T06:30:00Z', turns: ['how soon does the clinic begin?'], says: [/in 30 min/] },
  'the day after tomorrow': { now: '2022-03-28T08:00:00Z', turns: ['la clinique commence après-demain ?'], says: [/Jour 1, mercredi 30 mars 2022/], not: [/pas de session demain/] },
  'today over, checked by the clock: not yet': { now: '2022-03-31T09:40:00Z', turns: ['are we finished for the day?'], says: [/^No — today's programme \(Day 2, Thu 31 March 2022\) runs until 13:00 EAT/, /Implementing the DFS security recommendations/] },
  'today over, checked by the clock, in French: yes': { now: '2022-03-30T10:45:00Z', turns: ['c’est terminé pour aujourd’hui ?'], says: [/^Oui — le programme d'aujourd'hui \(Jour 1, mercredi 30 mars 2022\) s'est terminé à 13 h EAT/, /demain/] },
  'anything left today, asked yes or no, after the day': { now: '2022-03-30T10:45:00Z', turns: ['is there anything else on today?'], says: [/^No — /, /tomorrow.*Assurance Framework/] },
  // The first or last item of a day said by the clock, and its time in the attendee's zone next
  'the first item today, then its time for me': { now: '2022-03-30T05:30:00Z', tz: 'Africa/Accra', turns: ["what's on first today?", 'and what time would that be for me?'], says: [/Opening and Welcome Remarks/, /07:00–07:20 your time/] },
  'the last item tomorrow': { now: '2022-03-30T15:00:00Z', turns: ['what comes last tomorrow?'], says: [/^Implementing the DFS security recommendations/, /12:00–13:00 EAT/], not: [/lasts/] },
  // Polar checks of a time in the attendee's own day: yes/no by their clock (the session discussed, else the event's days)
  'a session after lunch for someone in Bangkok': { now: '2022-03-23T08:00:00Z', tz: 'Asia/Bangkok', turns: ['what time is the audit guideline talk?', 'would that still be before lunch for me?'], says: [/^No — that is in the afternoon for you \(Asia\/Bangkok\)/, /15:25–16:00 your time/], not: [/There are 2 breaks/] },
  'a session early for someone in Chicago': { now: '2022-03-23T08:00:00Z', tz: 'America/Chicago', turns: ['when does Vijay Mauree present the assurance framework?', 'do I need to wake up early for that?'], says: [/^Yes — that is in the middle of the night for you \(America\/Chicago\)/, /02:00–03:15 your time/] },
  'a session in the morning for someone in London': { now: '2022-03-23T08:00:00Z', tz: 'Europe/London', turns: ['when is the opening?', 'so is it in the morning for me?'], says: [/^Yes — that is in the morning for you \(Europe\/London\)/, /08:00–08:20 your time/] },
  'the event’s days at night for someone in Honolulu': { now: '2022-03-23T08:00:00Z', tz: 'Pacific/Honolulu', turns: ['will the clinic run late at night for me?'], says: [/^Yes — that is in the evening for you \(Pacific\/Honolulu\)/, /21:00–00:00 on Tue 29 Mar your time/] },
  'a session in the evening, in French, for someone in Tokyo': { now: '2022-03-23T08:00:00Z', tz: 'Asia/Tokyo', turns: ['la session USSD, c’est quand ?', 'ce sera le soir pour moi ?'], says: [/^Oui — c'est le soir pour vous \(Asia\/Tokyo\)/, /18 h–19 h votre heure/] },
  'a session called by its title’s initials, early for someone in New York': { now: '2022-03-23T08:00:00Z', tz: 'America/New_York', turns: ['is the SAF talk too early for me?'], says: [/^Yes — that is in the middle of the night for you \(America\/New_York\)/, /DFS Security Assurance Framework/, /03:00–04:15 your time/] },
  'a session’s time stated in the attendee’s own time, after it was discussed': { now: '2022-03-23T08:00:00Z', tz: 'Europe/Berlin', turns: ['when does the USSD and STK session begin?', 'so that would be 11:00 for me, right?'], says: [/^Yes — it starts at 12:00 EAT \(11:00 your time, Europe\/Berlin/] },
  'a session’s time stated wrongly in the attendee’s own time': { now: '2022-03-23T08:00:00Z', tz: 'America/Sao_Paulo', turns: ['when is the audit guideline?', 'that’s 7am where I am?'], says: [/^No — it starts at 11:25 EAT \(05:25 your time/] },
  'the event’s days against the attendee’s lunch': { now: '2022-03-23T08:00:00Z', tz: 'Africa/Lagos', turns: ['will the clinic overlap with my lunch?'], says: [/^No — that is in the morning for you \(Africa\/Lagos\)/, /08:00–11:00 your time/] },
  'office hours, in French': { now: '2022-03-23T08:00:00Z', tz: 'Europe/Paris', turns: ['est-ce que ça tombe pendant mes heures de travail ?'], says: [/^Oui — c'est le matin pour vous \(Europe\/Paris\)/] },
  'a part of a named place’s day': { now: '2022-03-23T08:00:00Z', turns: ['is the opening in the morning in Toronto?'], says: [/^No — that is in the middle of the night in Toronto \(America\/Toronto\)/, /03:00–03:20 in Toronto/] },
  'a part of a named place’s day, in French': { now: '2022-03-23T08:00:00Z', turns: ['la clinique, c’est l’après-midi à Bangkok ?'], says: [/^Oui — c'est l'après-midi à Bangkok \(Asia\/Bangkok\)/] },
  'a day’s end before a time in the attendee’s clock': { now: '2022-03-23T08:00:00Z', tz: 'Asia/Tokyo', turns: ['does the first day finish before 8 pm my time?'], says: [/^Yes — Day 1, Wed 30 March 2022 ends at 13:00 EAT \(19:00 your time/] },
  'a part of the day without the attendee’s zone: the event’s, and how to give theirs': { now: '2022-03-23T08:00:00Z', turns: ['is the SS7 session in the afternoon?'], says: [/^No — that is in the morning in EAT/, /Which city or time zone are you in/] },
  'a morning mentioned in a statement is not a yes/no': { now: '2022-03-23T08:00:00Z', tz: 'Europe/Madrid', turns: ['I will be on a train the morning of the 31st'], says: [/Assurance Framework/], not: [/^(Yes|No) —/] },
  'a morning mentioned beside a question word is not a yes/no': { now: '2022-03-23T08:00:00Z', tz: 'Africa/Kigali', turns: ['I have meetings all morning on day 2 — which session covers the audit guideline, and at what time here?'], says: [/audit guideline/, /10:25/], not: [/^(Yes|No) —/] },
  'what is on in a part of the day is still the programme': { now: '2022-03-23T08:00:00Z', tz: 'Asia/Tokyo', turns: ["what's on in the morning of day 2?"], says: [/DFS Security Assurance Framework/], not: [/^(Yes|No) —/] },
};

describe('questions against the clock, through /api/messages', () => {
  let bot: BotUnderTest;
  const clock = new ManualClock('2022-03-23T08:00:00Z');
  before(async () => {
    bot = await startBot({ MESSAGES_PER_MINUTE_PER_CLIENT: '100000' }, { clock });
  });
  after(() => bot.stop());

  let n = 0;
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      clock.set(c.now);
      const who = { conversationId: `clock-${++n}`, userId: `clock-user-${n}`, ...(c.tz ? { localTimezone: c.tz } : {}) };
      let text = '';
      for (const turn of c.turns) text = await bot.ask(turn, who);
      const plain = text.replace(/[\u00a0\u202f]/g, ' ');
      for (const re of c.says) expect(plain, c.turns.join(' / ')).to.match(re);
      for (const re of c.not ?? []) expect(plain, c.turns.join(' / ')).not.to.match(re);
    });
  }
});
