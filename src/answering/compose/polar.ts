// Yes/no questions ("is Vijay Mauree speaking on day 2?", "does the clinic end at 1pm?", "is EACO
// involved?"): the answer composed for the question's kind, led by the verdict the event's data gives.
// Only kinds whose verdict the data decides get one; anything else is answered as it is.
import type { Reply } from '../../conversation/types.ts';
import type { EventData } from '../../event/schema.ts';
import { POLAR, TAG_QUESTION, type Decision } from '../../understanding/intents.ts';
import type { Entities } from '../../understanding/entities.ts';
import type { AnswerContext } from '../context.ts';
import { isWith } from '../../understanding/organisations.ts';
import { instantOn } from './agenda.ts';
import { wordsOf } from '../../understanding/vocabulary.ts';

const SPEAKS = /\b(speak|speaks|speaking|present|presents|presenting|talk|talks|talking|a speaker|on the (programme|program|agenda|panel)|among the speakers|giving|give|participat\w*|involved)\b/;
const MORE_THAN_ONCE = /\b(more than (once|one)|twice|several|multiple|many times|again|two (talks|sessions|times))\b/;

/** Speaker title -> the words of it that tell it apart ("executive", "secretary"), worked out once per event. */
export type TitleWords = ReadonlyMap<string, string[]>;

const significant = (title: string) => wordsOf(title).filter((w) => w.length > 2 && !['the', 'and', 'for', 'department'].includes(w));

/** The significant words of every speaker title of the event (not recomputed for every speaker on each question). */
export function speakerTitleWords(event: EventData): TitleWords {
  const words = new Map<string, string[]>();
  for (const sp of event.speakers) if (sp.title && !words.has(sp.title)) words.set(sp.title, significant(sp.title));
  return words;
}

/**
 * A yes/no question's reply led by its verdict ("Yes — …"), said once; the reply as composed when the question is
 * no yes/no question, the reply already says yes or no, or the data does not settle it.
 */
export function withVerdict(ctx: AnswerContext, d: Decision, e: Entities, t: string, titles: TitleWords, reply: Reply): Reply {
  if (!(POLAR.test(t) || TAG_QUESTION.test(t)) || !reply?.text) return reply;
  const verdict = polarVerdict(ctx, d, e, t, titles);
  if (!verdict || /^(yes|no)\b/i.test(reply.text)) return reply;
  // The verdict may repeat the answer's own first line ("Yes — it is fully virtual." / "It is fully virtual."): say it once.
  const [first, ...rest] = reply.text.split('\n');
  const same = verdict.replace(/^(yes|no) — /i, '').toLowerCase() === first.toLowerCase();
  return { ...reply, text: same ? [verdict, ...rest].join('\n') : `${verdict}\n${reply.text}` };
}

/** The verdict line to lead with, or undefined when the data does not settle the question. */
export function polarVerdict(ctx: AnswerContext, d: Decision, e: Entities, t: string, titles: TitleWords): string | undefined {
  const yes = (ok: boolean, y: string, n: string) => (ok ? `Yes — ${y}` : `No — ${n}`);
  switch (d.intent) {
    case 'speaker': {
      if (d.aspect === 'member' || d.aspect === 'contact' || d.aspect === 'reports') return undefined;
      const sp = d.speakers[0];
      const sessions = ctx.agenda.sessionsOfSpeaker(sp.id);
      if (e.day?.day && !e.day.missing) {
        const on = sessions.filter((s) => s.day === e.day!.day);
        const label = ctx.dayLabel(e.day.day);
        return yes(on.length > 0, `${sp.name} speaks on ${label}.`, `${sp.name} does not speak on ${label}${sessions.length ? `; ${sp.name} speaks on ${[...new Set(sessions.map((s) => ctx.dayLabel(s.day)))].join(' and ')}` : ''}.`);
      }
      if (MORE_THAN_ONCE.test(t)) return yes(sessions.length > 1, `${sp.name} speaks ${sessions.length} times.`, `${sp.name} speaks ${sessions.length ? 'once' : 'in no session'}.`);
      // "Bilel Jamoussi is the executive secretary of EACO, isn't he?": another speaker's title, put on this one.
      const words = new Set(t.split(' '));
      const titleSaid = (title: string) => {
        const its = titles.get(title) ?? significant(title);
        return its.length >= 2 && its.every((w) => words.has(w));
      };
      const claimed = ctx.event.speakers.find((o) => o.id !== sp.id && o.title && titleSaid(o.title));
      if (claimed) return `No — ${sp.name} is ${sp.title ? `${sp.title}, ` : ''}${sp.organisation}; ${claimed.title} of ${claimed.organisation} is ${claimed.name}.`;
      if (sp.title && titleSaid(sp.title)) return `Yes — ${sp.name} is ${sp.title}, ${sp.organisation}.`;
      const org = e.organisations[0]?.organisation;
      // ("is Simba an ITU official?": the organisation put on the speaker, whatever else is asked)
      if (org && (d.aspect === 'organisation' || /\b(official|staff|employee|representative|member|person|guy|lady|from|with|works? (for|at))\b/.test(t))) {
        const same = isWith(sp, org);
        return yes(same, `${sp.name} is with ${sp.organisation}.`, `${sp.name} is with ${sp.organisation}.`);
      }
      if (SPEAKS.test(t)) return yes(sessions.length > 0, `${sp.name} is a speaker.`, `${sp.name} has no session in the programme.`);
      return undefined;
    }
    case 'organisation':
      if (!d.organisation.organiser) return undefined;
      {
        const others = ctx.event.organisers.filter((o) => o.name !== d.organisation.name).map((o) => o.shortName ?? o.name);
        return `Yes — ${d.organisation.shortName ?? d.organisation.name} is an organiser${others.length ? `, with ${others.join(' and ')}` : ''}.`;
      }
    case 'fact': {
      const ev = ctx.event;
      if (d.fact === 'audience' && ctx.event.audience.groups.length && /\b(for|aimed|open|allowed|eligible|welcome|relevant|suitable|invited|attend|join|participate)\b/.test(t)) {
        const words = ev.audience.groups.flatMap((g) => g.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length > 3);
        const named = t.split(' ').some((w) => words.includes(w) || words.includes(w.replace(/s$/, '')));
        return named ? 'Yes — they are part of the intended audience.' : undefined;
      }
      if (d.fact === 'format' || d.fact === 'attend') {
        const online = /\b(virtual|online|remote|remotely|zoom|from home)\b/.test(t);
        const inPerson = /\b(in person|physical|physically|on site|onsite|face to face|venue|travel)\b/.test(t);
        if (online === inPerson) return undefined;
        const isVirtual = ev.format === 'virtual';
        const isHybrid = ev.format === 'hybrid';
        if (isHybrid) return 'Yes — it is hybrid: in person and online.';
        const ok = online ? isVirtual : !isVirtual;
        return yes(ok, `${ev.title} is ${ev.formatLabel.toLowerCase()}.`, `${ev.title} is ${ev.formatLabel.toLowerCase()}.`);
      }
      if (d.fact === 'registration') {
        if (/\bwithout\b|\bskip\b/.test(t)) return yes(!ev.registration.mandatory, 'registration is optional.', 'registration is mandatory.');
        if (/\b(required|require|requires|mandatory|necessary|need|needed|must|have to|compulsory|obligatory)\b/.test(t)) return yes(ev.registration.mandatory, 'registration is mandatory.', 'registration is optional.');
      }
      return undefined;
    }
    case 'hours': {
      const time = e.time;
      // "does it start tomorrow?": the day the question names is the event's first.
      if (!time && d.edge === 'start' && d.day && /\b(it|the (event|clinic|webinar|workshop|forum|conference))\b/.test(t))
        return d.day === ctx.agenda.days[0].day ? `Yes — ${ctx.event.title} starts on ${ctx.dayLabel(d.day)}.` : `No — ${ctx.event.title} starts on ${ctx.dayLabel(ctx.agenda.days[0])}.`;
      if (!time || d.edge === 'both') return undefined;
      const days = d.day ? [ctx.agenda.day(d.day)!] : ctx.agenda.days;
      const at = (day: (typeof days)[number]) => (d.edge === 'start' ? +day.startsAt : +day.endsAt);
      const ok = days.every((day) => instantOn(ctx, day, time.minutes, time.zone) === at(day));
      const what = d.edge === 'start' ? 'starts' : 'ends';
      const lines = days.map((day) => `${ctx.dayLabel(day)} ${what} at ${ctx.span(at(day))}`).join('; ');
      return yes(ok, `${lines}.`, `${lines}.`);
    }
    case 'session': {
      const s = d.sessions[0];
      const time = e.time;
      // "the SS7 session is one hour long, yes?": the length stated, checked
      const stated = s && !time && (d.aspect === 'duration' || /\b(long|last|lasts|minutes?|mins?|hours?)\b/.test(t)) && !/\b(after|before|until|till|from|in)\b/.test(t) ? statedMinutes(t) : undefined;
      if (s && stated !== undefined) return yes(stated === s.durationMinutes, `it lasts ${s.durationMinutes} min.`, `it lasts ${s.durationMinutes} min (${ctx.sessionTime(s)}), not ${stated} min.`);
      // "is the SS7 session on day 2?"
      if (s && e.day?.day && !e.day.missing && !time) return yes(s.day === e.day.day, `it is on ${ctx.dayLabel(s.day)}.`, `it is on ${ctx.dayLabel(s.day)}, not ${ctx.dayLabel(e.day.day)}.`);
      if (!s || !time || d.aspect !== 'when') return undefined;
      const end = /\b(end|ends|ending|finish|finishes|over|close|closes)\b/.test(t);
      const instant = instantOn(ctx, ctx.agenda.day(s.day)!, time.minutes, time.zone);
      const target = end ? +s.endsAt : +s.startsAt;
      // "does it start before noon?" / "after 10?" / "at 10:20?"
      const ok = /\b(before|by|earlier than)\b/.test(t) ? target < instant : /\b(after|later than)\b/.test(t) ? target > instant : instant === target;
      return yes(ok, `it ${end ? 'ends' : 'starts'} at ${ctx.span(target)}.`, `it ${end ? 'ends' : 'starts'} at ${ctx.span(target)}.`);
    }
    case 'agenda':
      // "is the clinic on 30 March?", "is there anything on 1 April?"
      if (!e.day || e.time || /\b(after|before|at|from|until|till|by|around) \d/.test(t) || !/^(and |so )?(is|are|will|does|do)\b.*\b(on|in)\b/.test(t)) return undefined;
      if (e.day.missing) return 'No.';
      return e.day.day ? `Yes — ${ctx.dayLabel(e.day.day)} is an event day.` : undefined;
    case 'breaks': {
      // "is the day 2 break (also) at 11:50?"
      if (e.time && d.aspect === 'when') {
        const time = e.time;
        const breaks = ctx.agenda.sessions.filter((s) => s.kind === 'break' && (!d.day || s.day === d.day));
        if (breaks.length) {
          const hit = breaks.some((b) => instantOn(ctx, ctx.agenda.day(b.day)!, time.minutes, time.zone) === +b.startsAt);
          const when = breaks.map((b) => `${ctx.dayLabel(b.day)}, ${ctx.sessionTime(b)}`).join('; ');
          return yes(hit, `the break is then: ${when}.`, `the break${breaks.length > 1 ? 's are' : ' is'} at ${when}.`);
        }
      }
      if (d.around || d.aspect !== 'when' || !/\b(is there|are there|any)\b/.test(t)) return undefined;
      const breaks = ctx.agenda.sessions.filter((s) => s.kind === 'break' && (!d.day || s.day === d.day));
      const on = d.day ? ` on ${ctx.dayLabel(d.day)}` : '';
      return breaks.length ? `Yes — there ${breaks.length > 1 ? `are ${breaks.length} breaks` : 'is a break'}${on}.` : `No — there is no scheduled break${on}.`;
    }
    default:
      return undefined;
  }
}

const NUMBER: Record<string, number> = { one: 1, an: 1, a: 1, two: 2, three: 3, half: 0.5 };

/** A length the question states ("one hour", "90 minutes", "1.5 hours", "an hour and a half"), in minutes. */
function statedMinutes(t: string): number | undefined {
  const m = t.match(/\b(\d+(?:\.\d+)?|one|an|a|two|three|half) (hours?|hrs?|h|minutes?|mins?)\b( and a half)?/);
  if (!m) return undefined;
  const n = NUMBER[m[1]] ?? Number(m[1]);
  return Math.round((m[2].startsWith('h') ? n * 60 : n) + (m[3] ? 30 : 0));
}
