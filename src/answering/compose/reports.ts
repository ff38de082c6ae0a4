// Answers about the related reports: which exist, their links, which session each belongs to.
import type { Session } from '../../event/agenda.ts';
import type { Report } from '../../event/schema.ts';
import { titleInSentence } from './sessions.ts';
import type { AnswerContext } from '../context.ts';
import type { Answer } from './types.ts';

function reportLine(ctx: AnswerContext, r: Report, day?: number) {
  const sessions = ctx.agenda.sessionsWithReport(r.id).filter((s) => day === undefined || s.day === day);
  const published = r.publishedTitle ? ctx.say('reports.publishedAs', { title: r.publishedTitle }) : '';
  return `${r.title}${published} — ${r.url}${r.note ? ` (${r.note})` : ''}${sessions.length ? ctx.say('reports.for', { list: sessions.map((s) => `${s.title}, ${ctx.sessionWhen(s)}`).join(ctx.semicolon) }) : ''}`;
}

export function composeReports(ctx: AnswerContext, reports?: Report[], sessions?: Session[], day?: number): Answer {
  const e = ctx.event;
  let list: Report[];
  let title: string;
  const onDay = day !== undefined ? ctx.agenda.day(day) : undefined;
  if (onDay && !reports?.length && !sessions?.length) {
    // A day's reports: those of its sessions, each listed once, with only that day's sessions under it.
    list = [...new Set(onDay.sessions.flatMap((s) => ctx.agenda.reportsOf(s)))];
    if (!list.length) {
      const page = e.reportsPage ? ctx.say('reports.allPage', { url: e.reportsPage }) : '';
      return { reply: { text: ctx.say('reports.noneDay', { day: ctx.dayLabel(onDay), page }), suggestions: [ctx.say('s.reports'), ctx.say('s.dayAgenda', { n: onDay.day })] }, memory: { ...ctx.memory, day: onDay.day } };
    }
    title = ctx.say('reports.forDay', { day: ctx.dayLabel(onDay), n: list.length });
  } else if (reports?.length) {
    list = reports;
    title = list.length === 1 ? ctx.say('reports.one', { title: list[0].title }) : ctx.say('reports.matching');
  } else if (sessions?.length) {
    list = [...new Set(sessions.flatMap((s) => ctx.agenda.reportsOf(s)))];
    if (!list.length) {
      const page = e.reportsPage ? ctx.say('reports.allPage', { url: e.reportsPage }) : '';
      return { reply: { text: ctx.say('reports.noneSession', { title: sessions[0].title, page }), suggestions: [ctx.say('s.reports')] }, memory: { ...ctx.memory, sessionId: sessions[0].id } };
    }
    title = ctx.say(list.length > 1 ? 'reports.forSession.many' : 'reports.forSession.one', { title: sessions[0].title });
  } else {
    list = e.reports;
    if (!list.length) return { reply: { text: ctx.say('reports.none', { title: e.title, page: e.reportsPage ? ctx.say('reports.see', { url: e.reportsPage }) : '' }), suggestions: [ctx.say('s.showAgenda')] } };
    title = ctx.say('reports.related', { n: list.length });
  }
  const page = e.reportsPage ? ctx.say('reports.all', { url: e.reportsPage }) : '';
  const text = [list.length === 1 ? `${list[0].title}: ${list[0].url}` : title, ...list.map((r) => `• ${reportLine(ctx, r, onDay?.day)}`), page].filter(Boolean).join('\n');
  return {
    reply: {
      text,
      lead: list.length === 1 ? `${list[0].title}: ${list[0].url}` : title.replace(/[\s\u00a0]*:$/, '.'),
      content: {
        title: list.length === 1 ? ctx.say('card.report') : onDay ? ctx.say('reports.cardDay', { day: ctx.dayLabel(onDay), n: list.length }) : ctx.say('reports.card', { n: list.length }),
        sections: [{ rows: list.map((r) => ({ title: r.title, url: r.url, detail: [r.publishedTitle ? ctx.say('reports.cardPublished', { title: r.publishedTitle }) : '', r.note ?? ''].filter(Boolean).join(' · ') || undefined, lines: ctx.agenda.sessionsWithReport(r.id).filter((s) => !onDay || s.day === onDay.day).map((s) => ctx.say('reports.cardFor', { title: `${titleInSentence(s.title)}${onDay ? '' : `, ${ctx.dayLabel(s.day)}`}` })) })) }],
        links: [...(list.length === 1 ? [{ title: ctx.say('reports.open'), url: list[0].url }] : []), ...(e.reportsPage ? [{ title: ctx.say('reports.allLink'), url: e.reportsPage }] : [])],
      },
      suggestions: onDay ? [ctx.say('s.dayAgenda', { n: onDay.day }), ...ctx.agenda.days.filter((d) => d.day !== onDay.day).map((d) => ctx.say('s.reportsDay', { n: d.day }))].slice(0, 3) : [ctx.say('s.whichSession'), ctx.say('s.showAgenda')].slice(list.length === 1 ? 0 : 1),
    },
    memory: { ...ctx.memory, ...(onDay ? { day: onDay.day } : {}), ...(list.length > 1 ? { listed: { kind: 'report' as const, ids: list.map((r) => r.id) } } : {}), reportId: list[0].id, sessionId: sessions?.[0]?.id ?? ctx.agenda.sessionsWithReport(list[0].id)[0]?.id ?? ctx.memory.sessionId },
  };
}

export function composeReportSessions(ctx: AnswerContext, reports: Report[]): Answer {
  const r = reports[0];
  const sessions = ctx.agenda.sessionsWithReport(r.id);
  const text = sessions.length
    ? ctx.say('reports.goesWith', { title: r.title, list: sessions.map((s) => `${s.title} — ${ctx.sessionWhen(s)}`).join(ctx.semicolon), url: r.url })
    : ctx.say('reports.noSession', { title: r.title, url: r.url });
  return { reply: { text, suggestions: [ctx.say('s.reports'), ctx.say('s.showAgenda')] }, memory: { ...ctx.memory, reportId: r.id, sessionId: sessions[0]?.id ?? ctx.memory.sessionId } };
}
