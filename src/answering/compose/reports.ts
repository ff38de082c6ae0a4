// Answers about the related reports: which exist, their links, which session each belongs to.
import type { Session } from '../../event/agenda.ts';
import type { Report } from '../../event/schema.ts';
import { titleInSentence } from './sessions.ts';
import type { AnswerContext } from '../context.ts';
import type { Answer } from './types.ts';

function reportLine(ctx: AnswerContext, r: Report, day?: number) {
  const sessions = ctx.agenda.sessionsWithReport(r.id).filter((s) => day === undefined || s.day === day);
  const published = r.publishedTitle ? ` (published as: ${r.publishedTitle})` : '';
  return `${r.title}${published} — ${r.url}${r.note ? ` (${r.note})` : ''}${sessions.length ? ` · for: ${sessions.map((s) => `${s.title}, ${ctx.sessionWhen(s)}`).join('; ')}` : ''}`;
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
      const page = e.reportsPage ? ` All related reports: ${e.reportsPage}` : '';
      return { reply: { text: `No report is listed for ${ctx.dayLabel(onDay)}.${page}`, suggestions: ['What reports are there?', `Day ${onDay.day} agenda`] }, memory: { ...ctx.memory, day: onDay.day } };
    }
    title = `Reports for ${ctx.dayLabel(onDay)} (${list.length}):`;
  } else if (reports?.length) {
    list = reports;
    title = list.length === 1 ? `Report: ${list[0].title}` : 'Matching reports:';
  } else if (sessions?.length) {
    list = [...new Set(sessions.flatMap((s) => ctx.agenda.reportsOf(s)))];
    if (!list.length) {
      const page = e.reportsPage ? ` All related reports: ${e.reportsPage}` : '';
      return { reply: { text: `No report is listed for ${sessions[0].title}.${page}`, suggestions: ['What reports are there?'] }, memory: { ...ctx.memory, sessionId: sessions[0].id } };
    }
    title = `Report${list.length > 1 ? 's' : ''} for ${sessions[0].title}:`;
  } else {
    list = e.reports;
    if (!list.length) return { reply: { text: `No reports are listed for ${e.title}.${e.reportsPage ? ` See ${e.reportsPage}` : ''}`, suggestions: ['Show the agenda'] } };
    title = `Related reports (${list.length}):`;
  }
  const page = e.reportsPage ? `All reports: ${e.reportsPage}` : '';
  const text = [list.length === 1 ? `${list[0].title}: ${list[0].url}` : title, ...list.map((r) => `• ${reportLine(ctx, r, onDay?.day)}`), page].filter(Boolean).join('\n');
  return {
    reply: {
      text,
      lead: list.length === 1 ? `${list[0].title}: ${list[0].url}` : title.replace(/:$/, '.'),
      content: {
        title: list.length === 1 ? 'Report' : onDay ? `Reports for ${ctx.dayLabel(onDay)} (${list.length})` : `Reports (${list.length})`,
        sections: [{ rows: list.map((r) => ({ title: r.title, url: r.url, detail: [r.publishedTitle ? `Published as: ${r.publishedTitle}` : '', r.note ?? ''].filter(Boolean).join(' · ') || undefined, lines: ctx.agenda.sessionsWithReport(r.id).filter((s) => !onDay || s.day === onDay.day).map((s) => `For: ${titleInSentence(s.title)}${onDay ? '' : `, ${ctx.dayLabel(s.day)}`}`) })) }],
        links: [...(list.length === 1 ? [{ title: 'Open the report', url: list[0].url }] : []), ...(e.reportsPage ? [{ title: 'All reports', url: e.reportsPage }] : [])],
      },
      suggestions: onDay ? [`Day ${onDay.day} agenda`, ...ctx.agenda.days.filter((d) => d.day !== onDay.day).map((d) => `Reports for day ${d.day}`)].slice(0, 3) : ['Which session is it for?', 'Show the agenda'].slice(list.length === 1 ? 0 : 1),
    },
    memory: { ...ctx.memory, ...(onDay ? { day: onDay.day } : {}), ...(list.length > 1 ? { listed: { kind: 'report' as const, ids: list.map((r) => r.id) } } : {}), reportId: list[0].id, sessionId: sessions?.[0]?.id ?? ctx.agenda.sessionsWithReport(list[0].id)[0]?.id ?? ctx.memory.sessionId },
  };
}

export function composeReportSessions(ctx: AnswerContext, reports: Report[]): Answer {
  const r = reports[0];
  const sessions = ctx.agenda.sessionsWithReport(r.id);
  const text = sessions.length
    ? `${r.title} goes with ${sessions.map((s) => `${s.title} — ${ctx.sessionWhen(s)}`).join('; ')}.\nLink: ${r.url}`
    : `${r.title} is not tied to a session. Link: ${r.url}`;
  return { reply: { text, suggestions: ['What reports are there?', 'Show the agenda'] }, memory: { ...ctx.memory, reportId: r.id, sessionId: sessions[0]?.id ?? ctx.memory.sessionId } };
}
