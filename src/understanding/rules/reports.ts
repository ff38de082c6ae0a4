// The reports (the event's documents): which ones, for which session, and which session a report belongs to.
import type { Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, W } from './words.ts';

// which session a report belongs to
export function reportSessions({ t, e, r }: Question): Decision | undefined {
  const namedReports = e.reports.map((x) => x.report);
  if (r.reportLink) return { intent: 'reports', reports: namedReports.slice(0, 1) };
  if (r.fromList && namedReports.length && !r.speakers.length && !r.sessionsNamed) {
    // "tell me about the second one" after a list of reports
    if (has(/\b(which|what) (session|talk|presentation|part)\b|\bdiscussed in\b|\bpresented (in|at)\b/, t)) return { intent: 'report.sessions', reports: namedReports.slice(0, 1) };
    return { intent: 'reports', reports: namedReports.slice(0, 1) };
  }
  if (namedReports.length && has(W.report, t) && has(/\b(which|what|in which|for which) (session|talk|presentation|part)\b|\bsession (is|does) (it|the \w+ report)\b|\bdiscussed in\b|\bpresented (in|at)\b/, t)) {
    return { intent: 'report.sessions', reports: namedReports.slice(0, 1) };
  }
  return undefined;
}

// reports: those named, a session's, a day's, or all of them
export function reports({ t, e, r }: Question): Decision | undefined {
  const namedReports = e.reports.map((x) => x.report);
  // ("which of them are for day 2?" right after the reports: the reports are what is asked about)
  // (a report's own title, typed as it is, names the report, whatever session shares its words)
  // (unless a session has that very title too: "DFS security audit guideline" is both)
  const exact = e.reports[0]?.exact === true && !e.sessions.some((s) => s.exact);
  if ((has(W.report, t) || r.listReference === 'report' || exact) && !has(/\b(reporting|report to)\b/, t) && !(has(/\b(official )?(web ?page|web ?site|site|event page|home ?page)\b/, t) && !has(/\breports?\b/, t))) {
    // a day the question names is a slot like a session: "reports for day 1?" lists that day's sessions' reports
    if (e.day?.day && !namedReports.length && !r.sessionsNamed) return { intent: 'reports', day: e.day.day };
    // "are there other reports?", "all the reports": the whole list, whatever was discussed
    if (has(/\b(other|more|all|every|any other|else|full list|list of)\b/, t) && !namedReports.length && !r.sessionsNamed) return { intent: 'reports' };
    if (namedReports.length && (exact || !(r.sessionsNamed && r.entities.sessions[0].score > e.reports[0].score * 1.5))) return { intent: 'reports', reports: exact ? namedReports.slice(0, 1) : namedReports };
    if (r.sessions.length) return { intent: 'reports', sessions: r.sessions.slice(0, 1) };
    if (!e.topics.length) return { intent: 'reports' };
  }
  return undefined;
}
