// Counts and extremes computed from the programme: "how many speakers?", "how many sessions on day 2?",
// "which session is the longest?", "how many hours in total?", "is one day longer than the other?".
// The number leads; what was counted (and what was not, e.g. breaks) is said, then the items themselves.
import type { Session } from '../../event/agenda.ts';
import type { CountSubject } from '../../understanding/intents.ts';
import type { AnswerContext } from '../context.ts';
import { isWith, type Organisation } from '../../understanding/organisations.ts';
import { titleInSentence } from './sessions.ts';
import { duration } from '../timeFormat.ts';
import type { Answer } from './types.ts';

interface Scope {
  day?: number;
  /** Speakers of one session. */
  session?: Session;
  /** "apart from the opening remarks": the opening left out of a count of sessions. */
  withoutOpening?: boolean;
  /** Speakers of one organisation. */
  organisation?: Organisation;
  /** "not counting the breaks": time without them. */
  withoutBreaks?: boolean;
  /** Other sessions set aside ("without the SS7 session"), by id. */
  without?: string[];
}

/** "5 h 40 min (340 min)": a long stretch that is not whole hours, readable. */
const hoursAndMinutes = (m: number) => (m % 60 && m > 90 ? `${Math.floor(m / 60)} h ${m % 60} min (${m} min)` : duration(m));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 sessions" / "3 sessions", "1 break" / "1 pause": a count in the reply's language. */
const counted = (ctx: AnswerContext, n: number, noun: 'speaker' | 'organisation' | 'session' | 'break' | 'report' | 'day') => ctx.say(`n.${noun}.${n === 1 ? 'one' : 'many'}`, { n });

export function composeCount(ctx: AnswerContext, what: CountSubject, scope: Scope): Answer {
  const { agenda, event } = ctx;
  const onDay = scope.day ? ctx.say('count.onDay', { day: ctx.dayLabel(scope.day) }) : '';
  const sessionsInScope = (list: Session[]) => (scope.day ? list.filter((s) => s.day === scope.day) : list);
  const speakersInScope = () => (scope.day ? event.speakers.filter((sp) => agenda.sessionsOfSpeaker(sp.id).some((s) => s.day === scope.day)) : event.speakers);
  const say = (text: string, suggestions = [ctx.say('s.showAgenda'), ctx.say('s.speakers')]): Answer => ({ reply: { text, suggestions } });
  switch (what) {
    case 'speakers': {
      const org = scope.organisation;
      let speakers = speakersInScope();
      if (org) speakers = speakers.filter((sp) => isWith(sp, org));
      if (scope.session) speakers = agenda.speakersOf(scope.session).map((x) => x.speaker);
      const from = `${org ? ctx.say('count.from', { org: org.shortName ?? org.name }) : ''}${scope.session ? ctx.say('count.inSession', { title: titleInSentence(scope.session.title) }) : ''}`;
      return {
        reply: { text: ctx.say('count.speakers', { count: counted(ctx, speakers.length, 'speaker'), from, onDay, list: speakers.map((sp) => `${sp.name} (${sp.organisation})`).join(ctx.semicolon) }), suggestions: [ctx.say('s.speakers'), ctx.say('s.showAgenda')] },
        memory: { ...ctx.memory, listed: { kind: 'speaker', ids: speakers.map((sp) => sp.id) } },
      };
    }
    case 'organisations': {
      // The speakers' organisations, as the programme names them.
      const orgs = [...new Set(speakersInScope().map((sp) => sp.organisation))];
      return say(ctx.say('count.organisations', { onDay, count: counted(ctx, orgs.length, 'organisation'), list: orgs.join(', ') }), [ctx.say('s.speakers'), ctx.say('s.whoOrganises')]);
    }
    case 'sessions': {
      const items = sessionsInScope(agenda.sessions.filter((s) => s.kind !== 'break' && !(scope.withoutOpening && s.kind === 'opening') && !scope.without?.includes(s.id)));
      const breaks = sessionsInScope(agenda.sessions.filter((s) => s.kind === 'break')).length;
      const aside = sessionsInScope(agenda.sessions.filter((s) => scope.without?.includes(s.id))).map((s) => ctx.say('count.alsoExcluded', { title: titleInSentence(s.title) })).join('');
      const opening = (scope.withoutOpening ? ctx.say('count.openingExcluded') : items.some((s) => s.kind === 'opening') ? ctx.say('count.openingIncluded') : '') + aside;
      return {
        reply: { text: `${ctx.say('count.sessions', { count: counted(ctx, items.length, 'session'), onDay, breaks: counted(ctx, breaks, 'break'), opening })}\n${items.map((s) => `• ${ctx.sessionTime(s)} — ${s.title}`).join('\n')}`, suggestions: [ctx.say('s.showAgenda'), ctx.say('s.longest')] },
        memory: { ...ctx.memory, day: scope.day ?? ctx.memory.day, listed: { kind: 'session', ids: items.map((s) => s.id) } },
      };
    }
    case 'breaks': {
      const breaks = sessionsInScope(agenda.sessions.filter((s) => s.kind === 'break'));
      const total = breaks.reduce((m, s) => m + s.durationMinutes, 0);
      if (!breaks.length) return say(ctx.say('count.noBreaks', { onDay }));
      // (the breaks listed stay referable: "how long are they?")
      return {
        ...say(`${ctx.say('count.breaks', { count: counted(ctx, breaks.length, 'break'), onDay, duration: ctx.duration(total) })}\n${breaks.map((s) => `• ${ctx.sessionWhen(s)} — ${s.title} (${ctx.duration(s.durationMinutes)})`).join('\n')}`, [ctx.say('s.showAgenda')]),
        memory: { ...ctx.memory, listed: { kind: 'session', ids: breaks.map((s) => s.id) } },
      };
    }
    case 'reports': {
      const reports = scope.day ? [...new Set(sessionsInScope(agenda.sessions).flatMap((s) => agenda.reportsOf(s)))] : event.reports;
      return say(ctx.say('count.reports', { count: counted(ctx, reports.length, 'report'), scope: scope.day ? ctx.say('count.reportsDay', { onDay }) : '', list: reports.map((r) => r.title).join(ctx.semicolon) }), [ctx.say('s.reports')]);
    }
    case 'days':
      return say(ctx.say('count.days', { count: counted(ctx, agenda.days.length, 'day'), list: agenda.days.map((d) => `${ctx.dayLabel(d)}, ${ctx.span(d.startsAt, d.endsAt)}`).join(ctx.semicolon) }), [ctx.say('s.showAgenda')]);
    case 'hours': {
      const days = scope.day ? [agenda.day(scope.day)!] : agenda.days;
      const minutes = days.reduce((m, d) => m + (+d.endsAt - +d.startsAt) / 60_000, 0);
      const breaks = days.flatMap((d) => d.sessions).filter((s) => s.kind === 'break').reduce((m, s) => m + s.durationMinutes, 0);
      const spans = days.map((d) => `${ctx.dayLabel(d)} ${ctx.span(d.startsAt, d.endsAt)}`).join(ctx.semicolon);
      // "… without the opening", "… leaving out the SS7 session": those set aside too, each named
      const aside = days.flatMap((d) => d.sessions).filter((s) => s.kind !== 'break' && ((scope.withoutOpening && s.kind === 'opening') || scope.without?.includes(s.id)));
      if (aside.length) {
        const left = Math.round(minutes) - (scope.withoutBreaks ? breaks : 0) - aside.reduce((m, s) => m + s.durationMinutes, 0);
        const list = [...(scope.withoutBreaks ? [ctx.say('count.theBreaks', { duration: ctx.duration(breaks) })] : []), ...aside.map((s) => `${titleInSentence(s.title)} (${ctx.duration(s.durationMinutes)})`)].join(ctx.say('word.and'));
        return say(ctx.say('count.hoursWithout', { time: ctx.language === 'en' ? hoursAndMinutes(left) : ctx.duration(left), scope: onDay || ctx.say('count.inAll'), list, spans }), [ctx.say('s.showAgenda')]);
      }
      // "not counting the breaks": the time without them leads, and what was left out is said
      if (scope.withoutBreaks)
        return say(ctx.say('count.hoursNoBreaks', { time: ctx.language === 'en' ? hoursAndMinutes(Math.round(minutes) - breaks) : ctx.duration(Math.round(minutes) - breaks), scope: onDay || ctx.say('count.inAll'), breaks: ctx.duration(breaks), spans }), [ctx.say('s.showAgenda')]);
      return say(ctx.say('count.hours', { time: ctx.duration(Math.round(minutes)), scope: onDay || ctx.say('count.inAll'), breaks: breaks ? ctx.say('count.hoursBreaks', { duration: ctx.duration(breaks) }) : '', spans }), [ctx.say('s.showAgenda')]);
    }
  }
}

/** "which session is the longest?", "the shortest talk", "is one day longer than the other?" */
export function composeExtreme(ctx: AnswerContext, which: 'longest' | 'shortest', what: 'session' | 'day', includeBreaks: boolean, day?: number, withoutOpening = false, among?: string[]): Answer {
  const { agenda } = ctx;
  if (what === 'day') {
    const lengths = agenda.days.map((d) => ({ d, minutes: Math.round((+d.endsAt - +d.startsAt) / 60_000) }));
    if (lengths.every((x) => x.minutes === lengths[0].minutes))
      return { reply: { text: ctx.say('extreme.noDayLonger', { all: ctx.say(agenda.days.length === 2 ? 'extreme.bothDays' : 'extreme.everyDay'), duration: ctx.duration(lengths[0].minutes), list: lengths.map((x) => `${ctx.dayLabel(x.d)} ${ctx.span(x.d.startsAt, x.d.endsAt)}`).join(ctx.semicolon) }), suggestions: [ctx.say('s.showAgenda')] } };
    const pick = [...lengths].sort((a, b) => (which === 'longest' ? b.minutes - a.minutes : a.minutes - b.minutes))[0];
    return { reply: { text: ctx.say(`extreme.day.${which}`, { day: ctx.dayLabel(pick.d), duration: ctx.duration(pick.minutes), span: ctx.span(pick.d.startsAt, pick.d.endsAt) }), suggestions: [ctx.say('s.showAgenda')] }, memory: { ...ctx.memory, day: pick.d.day } };
  }
  const pool = agenda.sessions.filter((s) => (includeBreaks || s.kind !== 'break') && !(withoutOpening && s.kind === 'opening') && (!day || s.day === day) && (!among || among.includes(s.id)));
  if (!pool.length) return { reply: { text: ctx.say('extreme.none'), suggestions: [ctx.say('s.showAgenda')] } };
  const best = which === 'longest' ? Math.max(...pool.map((s) => s.durationMinutes)) : Math.min(...pool.map((s) => s.durationMinutes));
  const hits = pool.filter((s) => s.durationMinutes === best);
  const scope = `${includeBreaks ? '' : ctx.say(withoutOpening ? 'extreme.noBreaksOpening' : 'extreme.noBreaks')}${day ? ctx.say('count.onDay', { day: ctx.dayLabel(day) }) : ''}`;
  const text = ctx.say(`extreme.${which}.${hits.length > 1 ? 'many' : 'one'}`, { scope, list: hits.map((s) => `${titleInSentence(s.title)} — ${ctx.duration(s.durationMinutes)}, ${ctx.sessionWhen(s)}`).join(ctx.semicolon) });
  return { reply: { text, suggestions: [ctx.say('s.showAgenda'), ctx.say('s.whoSpeaking')] }, memory: { ...ctx.memory, sessionId: hits[0].id, day: hits[0].day } };
}

/** "which day has more reports?": each day's count, then the day with more (or fewer), or that they are level. */
export function composeCountByDay(ctx: AnswerContext, what: 'sessions' | 'speakers' | 'reports' | 'breaks', fewer: boolean): Answer {
  const { agenda } = ctx;
  const count = (day: number) => {
    const sessions = agenda.sessions.filter((s) => s.day === day);
    if (what === 'breaks') return sessions.filter((s) => s.kind === 'break').length;
    if (what === 'sessions') return sessions.filter((s) => s.kind !== 'break').length;
    if (what === 'speakers') return new Set(sessions.flatMap((s) => s.speakers.map((x) => x.speakerId))).size;
    return new Set(sessions.flatMap((s) => agenda.reportsOf(s).map((r) => r.id))).size;
  };
  const noun = what === 'reports' ? 'related report' : what.replace(/s$/, '');
  const rows = agenda.days.map((d) => ({ d, n: count(d.day) }));
  const best = [...rows].sort((a, b) => (fewer ? a.n - b.n : b.n - a.n));
  const level = best.length > 1 && best[0].n === best[1].n;
  const lead = level ? `They are level: no day has ${fewer ? 'fewer' : 'more'} ${noun}s than another.` : `${ctx.dayLabel(best[0].d)} has ${rows.length === 2 ? (fewer ? 'fewer' : 'more') : fewer ? 'the fewest' : 'the most'} ${noun}s.`;
  return {
    reply: { text: `${lead}\n${rows.map((r) => `• ${ctx.dayLabel(r.d)}: ${plural(r.n, noun)}`).join('\n')}`, suggestions: ['Show the agenda'] },
    memory: { ...ctx.memory, day: level ? ctx.memory.day : best[0].d.day },
  };
}
