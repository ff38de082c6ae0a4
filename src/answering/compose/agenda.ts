// Answers about the programme: by day, day hours, breaks, what's on at a time, now and next.
import { DateTime } from 'luxon';
import type { ResolvedDay, Session } from '../../event/agenda.ts';
import type { Entities } from '../../understanding/entities.ts';
import type { PartOfDay } from '../../understanding/times.ts';
import type { ContentSection, ReplyContent } from '../../conversation/content.ts';
import type { AnswerContext } from '../context.ts';
import { titleInSentence } from './sessions.ts';
import { duration, fromNowLabel } from '../timeFormat.ts';
import { zoned } from '../../understanding/zonedTime.ts';
import type { Answer } from './types.ts';

export function sessionLine(ctx: AnswerContext, s: Session): string {
  const who = ctx.speakerNames(s);
  return `${ctx.sessionTime(s)} — ${who.length ? `${titleInSentence(s.title)} (${who.join(', ')})` : s.title}`;
}

/** A day's sessions as rows: times in each zone, title, speakers; breaks quieter. */
function daySection(ctx: AnswerContext, d: ResolvedDay, heading: boolean): ContentSection {
  return {
    ...(heading ? { heading: `${ctx.dayLabel(d)} · ${ctx.hm(d.startsAt)}–${ctx.hm(d.endsAt)} ${ctx.label}` } : {}),
    rows: d.sessions.map((s) => ({ times: ctx.times(s.startsAt, s.endsAt), title: s.title, detail: ctx.speakerNames(s).join(', ') || undefined, minor: s.kind === 'break' })),
  };
}

/** The agenda of some days as content: one row per session, the zones named once. */
export function agendaContent(ctx: AnswerContext, days: ResolvedDay[], title: string): ReplyContent {
  return {
    title,
    zones: ctx.zoneColumns(),
    sections: days.map((d) => daySection(ctx, d, days.length > 1)),
    links: [{ title: ctx.say('card.eventPage'), url: ctx.event.eventPage }],
  };
}

function noSuchDay(ctx: AnswerContext, e: Entities): Answer {
  const label = e.day?.missing?.label;
  const days = ctx.agenda.days.map((d) => ctx.dayLabel(d)).join(ctx.semicolon);
  const when = !label ? ctx.say('agenda.thatDay') : /^(today|tomorrow|yesterday|tonight)$/.test(label) ? ctx.say(`rel.${label}`) : ctx.say('agenda.onLabel', { label });
  return {
    reply: {
      text: ctx.say('agenda.noSuchDay', { title: ctx.event.title, when, days: dayCount(ctx), list: days }),
      suggestions: ctx.agenda.days.map((d) => ctx.say('s.dayAgenda', { n: d.day })),
    },
  };
}

/** "2 days" / "2 jours": how many days the event runs. */
export function dayCount(ctx: AnswerContext): string {
  const n = ctx.agenda.days.length;
  return n === 1 ? ctx.say('facts.days.one') : ctx.say('facts.days.many', { n });
}

export function composeAgenda(ctx: AnswerContext, e: Entities, day?: number): Answer {
  if (day === -1) return noSuchDay(ctx, e);
  const days = day ? [ctx.agenda.day(day)!] : ctx.agenda.days;
  const text = days
    .map((d) => `${ctx.dayLabel(d)} (${ctx.span(d.startsAt, d.endsAt)}):\n${d.sessions.map((s) => `• ${sessionLine(ctx, s)}`).join('\n')}`)
    .join('\n\n');
  const title = ctx.say('agenda.title', { what: day ? ctx.dayLabel(day) : ctx.event.title });
  const others = ctx.agenda.days.filter((d) => d.day !== day).map((d) => ctx.say('s.dayAgenda', { n: d.day }));
  return {
    reply: {
      text: `${title}\n${text}\n${ctx.say('agenda.allTimesIn', { zone: ctx.label })}`,
      lead: day
        ? ctx.say('agenda.dayRuns', { day: ctx.dayLabel(days[0]), span: ctx.span(days[0].startsAt, days[0].endsAt) })
        : ctx.say('agenda.allRuns', { title: ctx.event.title, days: dayCount(ctx), zones: ctx.zoneColumns().map((z, i) => (i ? `${z.label.toLowerCase()} (${z.detail})` : z.label)).join(ctx.say('word.and')) }),
      content: agendaContent(ctx, days, day ? ctx.say('agenda.cardDay', { day: ctx.dayLabel(days[0]) }) : ctx.say('agenda.title', { what: ctx.event.title })),
      suggestions: [...(day ? others.slice(0, 1) : []), day ? ctx.say('s.remindDay', { n: day }) : ctx.say('s.speakers'), ctx.say('s.isBreak')],
    },
    memory: { ...ctx.memory, sessionId: undefined, day: day ?? ctx.memory.day, listed: { kind: 'session', ids: days.flatMap((d) => d.sessions.map((s) => s.id)) } },
  };
}

/**
 * "what about the afternoon?": the sessions of a day that fall (even partly) in that part of it — in the event's
 * zone, or the attendee's own when they say "my afternoon" — and, when nothing does, when the day does run.
 */
export function composePartOfDay(ctx: AnswerContext, e: Entities, period: PartOfDay, day: number | undefined): Answer {
  if (day === -1) return noSuchDay(ctx, e);
  const zone = e.ownTime && ctx.userZone ? ctx.userZone : ctx.event.timeZone;
  const whose = zone === ctx.event.timeZone ? ctx.label : ctx.say('time.yourTime');
  const minutesIn = (t: DateTime) => {
    const z = t.setZone(zone);
    return z.hour * 60 + z.minute;
  };
  const days = day ? [ctx.agenda.day(day)!] : ctx.agenda.days;
  const inPeriod = (s: Session) => minutesIn(s.startsAt) < period.to && (minutesIn(s.endsAt) > period.from || minutesIn(s.endsAt) < minutesIn(s.startsAt));
  const found = days.map((d) => ({ d, sessions: d.sessions.filter(inPeriod) }));
  const name = ctx.say(`period.${period.name}`);
  const lines = found.map(({ d, sessions }) =>
    sessions.length
      ? `${ctx.say('period.sessions', { day: ctx.dayLabel(d), period: name, whose })}\n${sessions.map((s) => `• ${sessionLine(ctx, s)}`).join('\n')}${+sessions[sessions.length - 1].endsAt >= +d.endsAt ? `\n${ctx.say('period.dayEnds', { time: ctx.span(d.endsAt) })}` : ''}`
      : ctx.say('period.nothing', { period: name, whose, day: ctx.dayLabel(d), span: ctx.span(d.startsAt, d.endsAt) }),
  );
  const listed = found.flatMap((f) => f.sessions.map((s) => s.id));
  return {
    reply: { text: lines.join('\n\n'), suggestions: [day ? ctx.say('s.dayAgenda', { n: day }) : ctx.say('s.showAgenda'), ctx.say('s.timeZone')] },
    memory: { ...ctx.memory, sessionId: undefined, day: day ?? ctx.memory.day, listed: listed.length ? { kind: 'session', ids: listed } : ctx.memory.listed },
  };
}

/** "is there a Q&A?": the items whose kind is for discussion (interactive, panel, workshop), or that say so. */
export function composeDiscussion(ctx: AnswerContext): Answer {
  const open = ctx.agenda.sessions.filter((s) => s.kind === 'interactive' || s.kind === 'panel' || s.kind === 'workshop' || /\b(interactive|discussion|q ?& ?a|questions)\b/i.test(`${s.title} ${s.description ?? ''} ${s.keywords.join(' ')}`));
  if (!open.length) {
    const c = ctx.event.contact;
    return { reply: { text: ctx.say('agenda.noDiscussion', { title: ctx.event.title, name: c.name, email: c.email }), suggestions: [ctx.say('s.showAgenda')] } };
  }
  return {
    reply: {
      text: `${ctx.say('agenda.discussion')}\n${open.map((s) => `• ${ctx.dayLabel(s.day)}, ${sessionLine(ctx, s).replace(/\.$/, '')}${s.kind === 'interactive' || s.kind === 'panel' || s.kind === 'workshop' ? ` (${s.kind})` : ''}`).join('\n')}`,
      suggestions: [ctx.say('s.showAgenda')],
    },
    memory: { ...ctx.memory, sessionId: open[0].id, day: open[0].day, listed: open.length > 1 ? { kind: 'session', ids: open.map((s) => s.id) } : ctx.memory.listed },
  };
}

export function composeHours(ctx: AnswerContext, e: Entities, day: number | undefined, edge: 'start' | 'end' | 'both'): Answer {
  if (e.day?.missing) return noSuchDay(ctx, e);
  const days = day ? [ctx.agenda.day(day)!] : ctx.agenda.days;
  // The first or last item too: "how does day 2 end?" may mean either.
  const items = (d: ResolvedDay) => d.sessions.filter((s) => s.kind !== 'break');
  // "how much longer does today run?": how far off the asked edge is, when it is later the same day.
  const fromNow = (at: ResolvedDay['startsAt']) => {
    const minutes = Math.round((+at - ctx.now) / 60_000);
    return minutes > 0 && minutes < 24 * 60 ? ctx.say('hours.fromNow', { d: ctx.duration(minutes) }) : '';
  };
  const one = (d: ResolvedDay) =>
    edge === 'start'
      ? `${ctx.say('hours.start', { day: ctx.dayLabel(d), start: ctx.span(d.startsAt), end: ctx.span(d.endsAt) })}${fromNow(d.startsAt)}${items(d).length ? ctx.say('hours.first', { line: sentence(sessionLine(ctx, items(d)[0])) }) : ''}`
      : edge === 'end'
        ? `${ctx.say('hours.end', { day: ctx.dayLabel(d), start: ctx.span(d.startsAt), end: ctx.span(d.endsAt) })}${+d.startsAt <= ctx.now ? fromNow(d.endsAt) : ''}${items(d).length ? ctx.say('hours.last', { line: sentence(sessionLine(ctx, items(d)[items(d).length - 1])) }) : ''}`
        : ctx.say('hours.both', { day: ctx.dayLabel(d), span: ctx.span(d.startsAt, d.endsAt), duration: ctx.duration(Math.round((+d.endsAt - +d.startsAt) / 60_000)) });
  const sameHours = days.length > 1 && days.every((d) => ctx.hm(d.startsAt) === ctx.hm(days[0].startsAt) && ctx.hm(d.endsAt) === ctx.hm(days[0].endsAt));
  const first = days.length > 1 && edge === 'both' ? `${sameHours ? ctx.say('hours.same', { start: ctx.hm(days[0].startsAt), end: ctx.hm(days[0].endsAt), zone: ctx.label }) : ctx.say('hours.each')}\n` : '';
  return {
    reply: { text: `${first}${days.map(one).join('\n')}`, suggestions: [day ? ctx.say('s.dayAgenda', { n: day }) : ctx.say('s.showAgenda'), ctx.say('s.timeZone')] },
    memory: { ...ctx.memory, day: day ?? ctx.memory.day },
  };
}

export function composeBreaks(ctx: AnswerContext, e: Entities, day: number | undefined, aspect: 'when' | 'duration' | 'next', around?: { session: Session; after: boolean }): Answer {
  if (e.day?.missing) return noSuchDay(ctx, e);
  if (around) {
    // "is there a break after the SS7 session?": the item next to it, on the same day.
    const all = ctx.agenda.sessions;
    const i = all.indexOf(around.session);
    const other = all[around.after ? i + 1 : i - 1];
    const s = { ...around.session, title: around.session.title.replace(/[.\s]+$/, '') };
    const side = ctx.say(around.after ? 'breaks.after' : 'breaks.before');
    const text =
      other && other.day === s.day && other.kind === 'break'
        ? ctx.say('breaks.aroundYes', { side, title: s.title, break: other.title.toLowerCase(), day: ctx.dayLabel(other.day), time: ctx.sessionTime(other), duration: ctx.duration(other.durationMinutes) })
        : other && other.day === s.day
          ? ctx.say(around.after ? 'breaks.aroundNoAfter' : 'breaks.aroundNoBefore', { title: s.title, line: sessionLine(ctx, other) })
          : ctx.say(around.after ? 'breaks.lastItem' : 'breaks.firstItem', { title: s.title, day: ctx.dayLabel(s.day), when: ctx.sessionWhen(s) });
    return { reply: { text, suggestions: [ctx.say('s.showAgenda')] }, memory: { ...ctx.memory, sessionId: other?.id ?? around.session.id, day: s.day } };
  }
  let breaks = ctx.agenda.sessions.filter((s) => s.kind === 'break' && (!day || s.day === day));
  if (aspect === 'next') {
    const next = breaks.find((b) => +b.endsAt > ctx.now);
    if (!next && breaks.length) return { reply: { text: ctx.say('breaks.over', { title: ctx.event.title }), suggestions: [ctx.say('s.reports')] } };
    breaks = next ? [next] : [];
  }
  if (!breaks.length) {
    return { reply: { text: day ? ctx.say('breaks.noneOn', { day: ctx.dayLabel(day) }) : ctx.say('breaks.none'), suggestions: [ctx.say('s.showAgenda')] } };
  }
  // (the next break: how far off it is, or that it is on and when it ends — "how long until the break?")
  const when = (b: Session) => (aspect !== 'next' ? '' : +b.startsAt > ctx.now ? (+b.startsAt - ctx.now < 86_400_000 ? ` (${ctx.fromNow(+b.startsAt - ctx.now)})` : '') : ` — ${ctx.say('breaks.onNow', { fromNow: ctx.fromNow(+b.endsAt - ctx.now) })}`);
  const list = breaks.map((b) => ctx.say('breaks.item', { title: b.title, day: ctx.dayLabel(b.day), time: ctx.sessionTime(b), duration: ctx.duration(b.durationMinutes) }) + when(b));
  const lead =
    aspect === 'next'
      ? `${ctx.say('breaks.next')}\n`
      : aspect === 'duration' && breaks.every((b) => b.durationMinutes === breaks[0].durationMinutes)
      ? `${ctx.say(breaks.length > 1 ? 'breaks.lasts.many' : 'breaks.lasts.one', { duration: ctx.duration(breaks[0].durationMinutes) })}\n`
      : `${ctx.say(`breaks.count${day ? 'On' : ''}.${breaks.length === 1 ? 'one' : 'many'}`, { n: breaks.length, ...(day ? { day: ctx.dayLabel(day) } : {}) })}\n`;
  return {
    reply: { text: `${lead}${list.map((l) => `• ${l}`).join('\n')}`, suggestions: [ctx.say('s.showAgenda')] },
    // The breaks listed stay referable: "when is the second one?".
    // "the coffee break" among several breaks: the one whose name was used is "that" next turn.
    memory: { ...ctx.memory, sessionId: breaks.length === 1 ? breaks[0].id : (namedBreak(e, breaks)?.id ?? ctx.memory.sessionId), day: day ?? ctx.memory.day, listed: breaks.length > 1 ? { kind: 'session', ids: breaks.map((b) => b.id) } : ctx.memory.listed },
  };
}

/** The instant a wall-clock time on an event day stands for, in the zone it was said in. */
export function instantOn(ctx: AnswerContext, d: ResolvedDay, minutes: number, zone: string): number {
  if (zone === ctx.event.timeZone) {
    // Event hours never straddle a DST change, so the day's own offset holds all day.
    const [h, m] = d.start.split(':').map(Number);
    return +d.startsAt + (minutes - h * 60 - m) * 60_000;
  }
  return +DateTime.fromISO(d.date, { zone }).startOf('day').plus({ minutes });
}

/** "what's on at 11:30 (on day 2)": the time is in the event zone unless the user named another. */
export function composeAt(ctx: AnswerContext, e: Entities, day: number | undefined): Answer {
  if (e.day?.missing) return noSuchDay(ctx, e);
  const t = e.time!;
  const days = day ? [ctx.agenda.day(day)!] : ctx.agenda.days;
  const out: string[] = [];
  let found: Session | undefined;
  for (const d of days) {
    const instant = instantOn(ctx, d, t.minutes, t.zone);
    const running = ctx.agenda.sessions.filter((s) => +s.startsAt <= instant && instant < +s.endsAt);
    const asked = `${ctx.hmIn(instant, t.zone)} ${t.zone !== ctx.event.timeZone ? (t.zoneLabel ?? t.zone) : ctx.label}`;
    if (running.length) {
      found ??= running[0];
      out.push(ctx.say('at.found', { asked, day: ctx.dayLabel(d), lines: running.map((s) => sessionLine(ctx, s)).join(ctx.semicolon) }));
    } else {
      const next = ctx.agenda.sessions.find((s) => s.day === d.day && +s.startsAt > instant);
      const span = ctx.say('at.dayRuns', { day: ctx.dayLabel(d), span: ctx.span(d.startsAt, d.endsAt) });
      const edge = instant < +d.startsAt ? ctx.say('at.beforeDay') : instant >= +d.endsAt ? ctx.say('at.afterDay') : '';
      out.push(ctx.say('at.nothing', { asked, day: ctx.dayLabel(d), span, edge, next: next ? ctx.say(instant < +d.startsAt ? 'at.first' : 'at.next', { line: sessionLine(ctx, next) }) : '' }));
    }
  }
  return {
    reply: { text: out.join('\n'), suggestions: found ? [ctx.say('s.whoSpeaking'), ctx.say('s.howLong'), ctx.say('s.showAgenda')] : [ctx.say('s.showAgenda')] },
    memory: { ...ctx.memory, sessionId: found?.id ?? ctx.memory.sessionId, day: found?.day ?? day ?? ctx.memory.day },
  };
}

/**
 * Where the programme stands by the clock. `today` ("anything left today?"): everything that remains of today — what is
 * on, then each item still to come — or, when nothing does, that nothing more is on today and what comes next.
 */
export function composeNowNext(ctx: AnswerContext, which: 'now' | 'next' | 'earlier' | 'ending', restToday = false): Answer {
  const { agenda, now } = ctx;
  if (restToday) {
    const rest = restOfToday(ctx);
    if (rest) return rest;
  }
  if (now >= +agenda.endsAt) {
    const reports = ctx.event.reports.length ? ctx.say('now.reportsAfter', { page: ctx.event.reportsPage ? ` (${ctx.event.reportsPage})` : '' }) : '';
    return { reply: { text: ctx.say('now.over', { title: ctx.event.title, day: ctx.dayLabel(agenda.days[agenda.days.length - 1]), time: ctx.span(agenda.endsAt), reports }), suggestions: [ctx.say('s.reports'), ctx.say('s.showAgenda')] } };
  }
  const today = zoned(now, agenda.zone).isoDate;
  const tomorrow = zoned(now + 86_400_000, agenda.zone).isoDate;
  // "today", "tomorrow" or the day's name, and how far off: what someone checking the clock wants first.
  const whenDay = (date: string, day: number) => (date === today ? ctx.say('now.today') : ctx.say(date === tomorrow ? 'now.tomorrow' : 'now.onDay', { day: ctx.dayLabel(day) }));
  const soon = (at: number) => (at - now < 24 * 3_600_000 ? ` (${ctx.fromNow(at - now)})` : '');
  const running = agenda.sessions.filter((s) => +s.startsAt <= now && now < +s.endsAt);
  const next = agenda.sessions.find((s) => +s.startsAt > now && s.kind !== 'break');
  if (now < +agenda.startsAt) {
    const first = agenda.sessions[0];
    const d = agenda.days[0];
    return {
      // (the countdown however far off: "how many days until the clinic?")
      reply: { text: ctx.say('now.notStarted', { title: ctx.event.title, when: whenDay(d.date, d.day), time: ctx.span(agenda.startsAt), fromNow: ctx.fromNow(+agenda.startsAt - now), today: d.date === today ? `, ${ctx.dayLabel(d)}` : '', line: sentence(sessionLine(ctx, first)) }), suggestions: [ctx.say('s.showAgenda'), ctx.say('s.remindDay', { n: first.day })] },
      memory: { ...ctx.memory, sessionId: first.id, day: first.day },
    };
  }
  if (which === 'ending') {
    // "how long until it ends?": the event's end, and today's when a day is running.
    const lastDay = agenda.days[agenda.days.length - 1];
    const running = agenda.days.find((d) => +d.startsAt <= now && now < +d.endsAt);
    const today = running && running !== lastDay ? ctx.say('now.todayEnds', { day: ctx.dayLabel(running), time: ctx.span(running.endsAt), fromNow: ctx.fromNow(+running.endsAt - now) }) : '';
    return { reply: { text: ctx.say('now.ends', { title: ctx.event.title, day: ctx.dayLabel(lastDay), time: ctx.span(lastDay.endsAt), fromNow: ctx.fromNow(+lastDay.endsAt - now), today }), suggestions: [ctx.say('s.isOnNow'), ctx.say('s.showAgenda')] } };
  }
  if (which === 'earlier') {
    // "what did I miss this morning?": what has finished today, then what is on.
    const done = agenda.sessions.filter((s) => s.date === today && +s.endsAt <= now && s.kind !== 'break');
    const lines = [done.length ? `${ctx.say('now.earlier')}\n${done.map((s) => `• ${sessionLine(ctx, s)}`).join('\n')}` : ctx.say('now.nothingFinished')];
    if (running.length) lines.push(ctx.say('now.now', { list: running.map((s) => sessionLine(ctx, s)).join(ctx.semicolon) }));
    else if (next) lines.push(ctx.say('now.next', { line: `${sessionLine(ctx, next)} ${whenDay(next.date, next.day)}${soon(+next.startsAt)}` }));
    return {
      reply: { text: lines.join('\n'), suggestions: [ctx.say('s.reports'), ctx.say('s.showAgenda')] },
      memory: { ...ctx.memory, day: done[0]?.day ?? ctx.memory.day, listed: done.length ? { kind: 'session', ids: done.map((s) => s.id) } : ctx.memory.listed },
    };
  }
  const lines: string[] = [];
  // (with how long it still runs: "how long left?")
  const ending = (s: Session) => ctx.say('now.ending', { line: sessionLine(ctx, s), fromNow: ctx.fromNow(+s.endsAt - now) });
  if (which === 'now') lines.push(running.length ? ctx.say('now.now', { list: running.map(ending).join(ctx.semicolon) }) : ctx.say('now.nothingNow'));
  // "anything left today?" while the day's last session runs: that session is what is left.
  else if (running.length && (!next || next.date !== today)) lines.push(ctx.say('now.stillOn', { list: running.map(ending).join(ctx.semicolon) }));
  if (next && next.date !== today && which === 'next' && !running.length) lines.push(ctx.say('now.nothingMoreToday'));
  // A break before the next session is what comes first ("what's next?" at 10:00 with morning tea at 11:00).
  const breakFirst = next && agenda.sessions.find((s) => s.kind === 'break' && +s.startsAt > now && +s.startsAt < +next.startsAt && s.date === next.date);
  if (breakFirst) lines.push(ctx.say('now.breakFirst', { title: breakFirst.title, time: ctx.sessionTime(breakFirst), soon: soon(+breakFirst.startsAt) }));
  if (next) lines.push(`${breakFirst ? '' : ctx.say('now.nextPrefix')}${sessionLine(ctx, next)}${next.date !== today ? ` ${whenDay(next.date, next.day)}` : ''}${soon(+next.startsAt)}`);
  else if (which === 'next') lines.push(ctx.say('now.nothingScheduled'));
  const focus = which === 'now' ? (running[0] ?? next) : (next ?? running[0]);
  return {
    reply: { text: lines.join('\n'), suggestions: [ctx.say('s.whoSpeaking'), ctx.say('s.showAgenda')] },
    memory: { ...ctx.memory, sessionId: focus?.id ?? ctx.memory.sessionId, day: focus?.day ?? ctx.memory.day },
  };
}

/** What remains of today, when today is an event day: undefined otherwise (the clock's answer as for "what's next?"). */
function restOfToday(ctx: AnswerContext): Answer | undefined {
  const { agenda, now } = ctx;
  const today = zoned(now, agenda.zone).isoDate;
  if (!agenda.days.some((d) => d.date === today) || now >= +agenda.endsAt) return undefined;
  const running = agenda.sessions.filter((s) => s.date === today && +s.startsAt <= now && now < +s.endsAt);
  const coming = agenda.sessions.filter((s) => s.date === today && +s.startsAt > now);
  const soon = (at: number) => ` (${ctx.fromNow(at - now)})`;
  const lines: string[] = [];
  const list = running.map((s) => ctx.say('now.ending', { line: sessionLine(ctx, s), fromNow: ctx.fromNow(+s.endsAt - now) })).join('; ');
  if (coming.length) {
    if (running.length) lines.push(ctx.say('now.now', { list }));
    lines.push(ctx.say('now.laterToday'), ...coming.map((s) => `• ${sessionLine(ctx, s)}${soon(+s.startsAt)}`));
  } else {
    // nothing more today (but what is still on): said so, and the next event day's first item
    const next = agenda.sessions.find((s) => +s.startsAt > now && s.kind !== 'break');
    lines.push(running.length ? ctx.say('now.stillOn', { list }) : ctx.say('now.nothingMoreToday'));
    if (next) {
      const tomorrow = zoned(now + 86_400_000, agenda.zone).isoDate;
      const when = next.date === tomorrow ? ctx.say('now.tomorrow', { day: ctx.dayLabel(next.day) }) : ctx.say('now.onDay', { day: ctx.dayLabel(next.day) });
      lines.push(ctx.say('now.firstThen', { when, line: sessionLine(ctx, next) }));
    } else lines.push(ctx.say('now.nothingScheduled'));
  }
  const focus = running[0] ?? coming.find((s) => s.kind !== 'break') ?? coming[0];
  const items = [...running, ...coming].filter((s) => s.kind !== 'break');
  return {
    reply: { text: lines.join('\n'), suggestions: [ctx.say('s.whoSpeaking'), ctx.say('s.showAgenda')] },
    memory: { ...ctx.memory, sessionId: focus?.id ?? ctx.memory.sessionId, day: focus?.day ?? ctx.memory.day, listed: items.length > 1 ? { kind: 'session', ids: items.map((s) => s.id) } : ctx.memory.listed },
  };
}

/** Ends a line with one full stop: session titles may end with their own. */
function sentence(line: string): string {
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

/** The one break of `breaks` the question named by its title ("the coffee break"), if exactly one. */
function namedBreak(e: Entities, breaks: Session[]): Session | undefined {
  const named = e.sessions.filter((x) => x.strong && breaks.includes(x.session));
  return named.length === 1 ? named[0].session : undefined;
}
