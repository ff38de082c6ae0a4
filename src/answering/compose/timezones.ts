// Answers about time zones: which zone the programme uses, converting a time or the last thing talked
// about into another zone, and confirming the attendee's own zone.
import type { Entities } from '../../understanding/entities.ts';
import type { Session } from '../../event/agenda.ts';
import type { DayCheck } from '../../understanding/times.ts';
import { offsetLabel, zoned } from '../../understanding/zonedTime.ts';
import type { AnswerContext } from '../context.ts';
import { composeNowNext, instantOn } from './agenda.ts';
import { datesLine } from './facts.ts';
import { composeSession } from './sessions.ts';
import type { Answer } from './types.ts';

/** "EAT (East Africa Time, UTC+3, Africa/Nairobi)". `longName` is computed once per event. */
export function eventZoneDescription(ctx: AnswerContext, longName: string): string {
  const offsets = [...new Set(ctx.agenda.days.map((d) => offsetLabel(zoned(+d.startsAt, ctx.event.timeZone).offset)))].join(' / ');
  const parts = [longName && longName !== ctx.label ? longName : '', offsets, ctx.event.timeZone].filter(Boolean);
  return `${ctx.label} (${parts.join(', ')})`;
}

export function composeZoneInfo(ctx: AnswerContext, e: Entities, longName: string): Answer {
  const place = e.target ?? (e.time?.zoneLabel ? { zone: e.time.zone, label: e.time.zoneLabel } : undefined);
  const desc = eventZoneDescription(ctx, longName);
  const d = ctx.agenda.days[0];
  let lead: string;
  if (place) {
    const named = /\btime$/i.test(place.label) ? place.label : ctx.say('zone.placeTime', { place: place.label });
    const there = zoned(+d.startsAt, place.zone);
    // "are the times in EAT?": the event's own zone needs no "same as".
    const own = place.label.toLowerCase() === ctx.label.toLowerCase() || place.zone === ctx.event.timeZone && /^[A-Z]{2,5}$/.test(place.label);
    lead = own
      ? ctx.say('zone.own', { desc })
      : ctx.sameOffsets(place.zone)
      ? ctx.say('zone.same', { desc, named })
      : ctx.say('zone.not', { desc, named, day: ctx.dayLabel(d), start: ctx.hm(d.startsAt), label: ctx.label, there: ctx.hmIn(+d.startsAt, place.zone), place: place.label, offset: offsetLabel(there.offset) });
  } else {
    lead = ctx.say('zone.all', { desc });
  }
  return { reply: { text: `${lead}\n${datesLine(ctx)}`, suggestions: [ctx.say('s.setZone'), ctx.say('s.showAgenda')] } };
}

/** Converts a stated time ("10:00 EAT in Berlin"), or re-answers the last subject in another zone. */
export function composeConvert(ctx: AnswerContext, e: Entities, longName: string): Answer {
  const yours = !e.target && !!ctx.userZone;
  const target = e.target ? { zone: e.target.zone, label: e.target.label } : ctx.userZone ? { zone: ctx.userZone, label: ctx.say('time.yourTime') } : undefined;
  const ask = (q: string): Answer => ({ reply: { text: ctx.say('convert.hint', { question: ctx.say(q), desc: eventZoneDescription(ctx, longName) }), suggestions: [ctx.say('s.setZone')] } });
  if (e.time?.mine && !ctx.userZone) return ask('convert.askYours');
  if (!target) return ask('convert.askWhich');
  if (!e.time && e.source && e.source.zone !== target.zone) {
    // Zone to zone: the offsets, and the event's first start in both.
    const d = ctx.agenda.days[0];
    const from = zoned(+d.startsAt, e.source.zone);
    const to = zoned(+d.startsAt, target.zone);
    const diff = (from.offset - to.offset) / 60;
    const n = Math.abs(diff);
    const rel = ctx.say(diff === 0 ? 'convert.sameAs' : `convert.${diff > 0 ? 'ahead' : 'behind'}${n === 1 ? '1' : 'N'}`, { n, target: target.label });
    const name = (p: { label: string; zone: string }, z: { offset: number }) => `${p.label} (${p.zone === 'Etc/GMT' || p.zone === 'UTC' ? 'UTC' : `${p.zone}, ${offsetLabel(z.offset)}`})`;
    const toOffset = `${offsetLabel(to.offset)}${offsetLabel(to.offset) === 'UTC' ? '+0' : ''}`;
    const eventZones = e.source.zone === ctx.event.timeZone ? '' : ctx.say('convert.eventZones', { desc: eventZoneDescription(ctx, longName) });
    return {
      reply: {
        text: ctx.say('convert.zones', {
          source: name(e.source, from),
          rel,
          target: target.label,
          toOffset,
          sourceLabel: e.source.label,
          fromOffset: offsetLabel(from.offset),
          day: ctx.dayLabel(d),
          from: ctx.hmIn(+d.startsAt, e.source.zone),
          to: ctx.hmIn(+d.startsAt, target.zone),
          eventZones,
        }),
        suggestions: [ctx.say('s.showAgenda'), ctx.say('s.setZone')],
      },
    };
  }
  if (e.time) {
    const time = e.time;
    const fromLabel = time.zone === ctx.event.timeZone ? ctx.label : (time.zoneLabel ?? time.zone);
    const line = (day: NonNullable<ReturnType<typeof ctx.agenda.day>>) => {
      const at = instantOn(ctx, day, time.minutes, time.zone);
      const from = zoned(at, time.zone);
      const there = zoned(at, target.zone);
      const otherDay = there.isoDate !== from.isoDate ? ` (${ctx.shortDateIn(at, target.zone)})` : '';
      return { hm: there.hm, text: ctx.say('convert.at', { from: ctx.hmIn(at, time.zone), fromLabel, day: ctx.dayLabel(day), there: ctx.hmIn(at, target.zone), otherDay, place: target.label, zone: target.zone, offset: offsetLabel(there.offset) }) };
    };
    const named = e.day?.day ?? ctx.memory.day;
    // No day named and a clock change falls inside the event: the answer differs by day, so give each.
    if (!named) {
      const all = ctx.agenda.days.map(line);
      if (all.some((x) => x.hm !== all[0].hm)) return { reply: { text: all.map((x) => x.text).join('\n'), suggestions: [ctx.say('s.showAgenda')] } };
    }
    return { reply: { text: line(ctx.agenda.day(named ?? ctx.agenda.days[0].day)!).text, suggestions: [ctx.say('s.showAgenda')] } };
  }
  const session = ctx.memory.sessionId ? ctx.agenda.session(ctx.memory.sessionId) : undefined;
  if (session) return composeSession(ctx, [session], 'when');
  const lines = ctx.agenda.days.map((d) => ctx.say('convert.dayLine', { day: ctx.dayLabel(d), span: ctx.span(d.startsAt, d.endsAt) }));
  const heading = yours ? ctx.say('convert.inYourTime', { title: ctx.event.title }) : ctx.say('convert.inTime', { title: ctx.event.title, place: /\btime$/i.test(target.label) || ctx.language !== 'en' ? target.label : `${target.label} time` });
  return { reply: { text: `${heading}\n${lines.join('\n')}`, suggestions: [ctx.say('s.showAgenda')] } };
}

export function composeSetZone(ctx: AnswerContext, zone: string | undefined, label: string | undefined, assumed?: boolean): Answer {
  if (!zone) {
    return { reply: { text: ctx.say('zone.askWhich'), suggestions: [ctx.say('s.imInLondon'), ctx.say('s.setZoneUtc')] } };
  }
  const d = ctx.agenda.days[0];
  const local = zoned(+d.startsAt, zone);
  const name = label && label !== zone ? `${label} (${zone})` : zone;
  const example = ctx.sameOffsets(zone)
    ? ctx.say('zone.sameAsEvent', { day: ctx.dayLabel(d), start: ctx.hm(d.startsAt), label: ctx.label })
    : ctx.say('zone.example', { day: ctx.dayLabel(d), start: ctx.hm(d.startsAt), label: ctx.label, local: ctx.hmIn(+d.startsAt, zone), offset: offsetLabel(local.offset) });
  const note = assumed ? ctx.say('zone.assumed', { zone }) : '';
  return { reply: { text: `${ctx.say('zone.set', { name, note })}\n${example}`, suggestions: [ctx.say('s.showAgenda'), ctx.say('s.onNow')] } };
}

/** "what time is it in Nairobi now?": the bot's clock in the place asked (else the attendee's zone, else the event's), and the event's own time beside it. */
export function composeClock(ctx: AnswerContext, e: Entities): Answer {
  const place = e.target ? { zone: e.target.zone, label: ctx.say('clock.inPlace', { place: e.target.label }) } : ctx.userZone ? { zone: ctx.userZone, label: ctx.say('clock.inYourZone') } : undefined;
  const eventTime = ctx.say('clock.eventTime', { hm: ctx.hmIn(ctx.now, ctx.event.timeZone), label: ctx.label, zone: ctx.event.timeZone, date: ctx.longDateIn(ctx.now, ctx.event.timeZone) });
  let text: string;
  if (place && !ctx.sameOffsets(place.zone)) {
    const z = zoned(ctx.now, place.zone);
    text = ctx.say('clock.elsewhere', { hm: ctx.hmIn(ctx.now, place.zone), where: place.label, zone: place.zone, offset: offsetLabel(z.offset), date: ctx.longDateIn(ctx.now, place.zone), eventTime });
  } else text = ctx.say('clock.event', { hm: ctx.hmIn(ctx.now, ctx.event.timeZone), where: place ? ` ${place.label}` : '', label: ctx.label, zone: ctx.event.timeZone, date: ctx.longDateIn(ctx.now, ctx.event.timeZone) });
  // What is on at this moment, when the event is under way or about to be.
  const onNow = composeNowNext(ctx, 'now').reply?.text;
  const running = ctx.agenda.days.some((d) => +d.startsAt - 24 * 3_600_000 <= ctx.now && ctx.now <= +d.endsAt);
  return { reply: { text: running && onNow ? `${text}\n${onNow}` : text, suggestions: [ctx.say('clock.s.now'), ctx.say('clock.s.next')] } };
}

/** The part of someone's day a wall-clock time (minutes after midnight) falls in, as the replies name it. */
function partOf(minutes: number): string {
  return minutes < 5 * 60 ? 'night' : minutes < 8 * 60 ? 'early' : minutes < 12 * 60 ? 'morning' : minutes < 17 * 60 ? 'afternoon' : minutes < 22 * 60 ? 'evening' : 'late';
}

/** Whether a span (wall-clock minutes in the attendee's zone, `end` past midnight when it runs over) fits the check. */
function fits(check: DayCheck, start: number, end: number): boolean {
  switch (check) {
    case 'morning':
      return start >= 5 * 60 && start < 12 * 60;
    case 'afternoon':
      return start >= 12 * 60 && start < 17 * 60;
    case 'evening':
      return start >= 17 * 60 && start < 22 * 60;
    case 'night':
      return start < 5 * 60 || start >= 22 * 60 || end > 22 * 60;
    case 'beforeNoon':
      return end <= 12 * 60 + 30;
    case 'afterNoon':
      return start >= 12 * 60;
    case 'early':
      return start < 8 * 60;
    case 'late':
      return end > 22 * 60 || start < 5 * 60;
    case 'workHours':
      return start >= 8 * 60 && end <= 18 * 60;
    case 'afterWork':
      return start >= 17 * 60;
    case 'lunch':
      return start < 14 * 60 && end > 12 * 60;
  }
}

/**
 * "is that before lunch for me?", "will I have to get up early?": yes or no by the attendee's own clock, the part of
 * their day it falls in, and the times (the event's and theirs). Without their zone: by the event's clock, said so,
 * with how to give theirs.
 */
export function composeDayCheck(ctx: AnswerContext, check: DayCheck, sessions: Session[], day?: number, place?: { zone: string; label: string }): Answer {
  // (a place named is whose day it is: "is it at night in Los Angeles?")
  const zone = place?.zone ?? ctx.userZone ?? ctx.event.timeZone;
  const spans = sessions.length
    ? sessions.map((s) => ({ start: +s.startsAt, end: +s.endsAt, what: ctx.say('local.session', { title: s.title, when: ctx.sessionWhen(s) }) }))
    : ctx.agenda.days.filter((d) => !day || d.day === day).map((d) => ({ start: +d.startsAt, end: +d.endsAt, what: ctx.say('local.day', { day: ctx.dayLabel(d), time: ctx.span(d.startsAt, d.endsAt) }) }));
  const minutes = (ms: number) => {
    const [h, m] = zoned(ms, zone).hm.split(':').map(Number);
    return h! * 60 + m!;
  };
  const rows = spans.map((x) => {
    const start = minutes(x.start);
    // (a span that runs past midnight ends the next day: later than any hour of the day it started)
    const end = minutes(x.end) + (minutes(x.end) < start ? 24 * 60 : 0);
    return { ...x, ok: fits(check, start, end), part: ctx.say(`local.${partOf(start)}`) };
  });
  const ok = rows.every((x) => x.ok);
  const parts = [...new Set(rows.map((x) => x.part))].join(ctx.say('list.and'));
  const whose = place ? ctx.say('local.inPlace', { place: place.label, zone }) : ctx.userZone ? ctx.say('local.forYou', { zone }) : ctx.say('local.inEventZone', { label: ctx.label });
  const verdict = ctx.say(ok ? 'polar.yes' : 'polar.no', { text: ctx.say('local.is', { part: parts, whose }) });
  const lines = [verdict, ...rows.map((x) => x.what)];
  if (!ctx.userZone && !place) lines.push(ctx.say('zone.askWhich'));
  const first = sessions[0];
  return {
    reply: { text: lines.join('\n'), suggestions: ctx.userZone ? [ctx.say('s.showAgenda')] : [ctx.say('s.setZone'), ctx.say('s.showAgenda')] },
    memory: first ? { ...ctx.memory, sessionId: first.id, day: first.day } : ctx.memory,
  };
}
