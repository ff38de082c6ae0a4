// Counting and comparing what the programme holds: "how many speakers?", "which session is the longest?",
// "which day has more reports?".
import type { CountSubject, Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, W } from './words.ts';

// "which day has more reports?"
export function countByDay({ t }: Question): Decision | undefined {
  const byDay = t.match(/\b(which|what) day (has|had|have|with|is there|are there|offers|features)( the)? (more|most|fewer|less|least)\b/);
  if (byDay) {
    const what = has(/\breports?\b/, t) ? 'reports' : has(/\b(speakers?|presenters?|people)\b/, t) ? 'speakers' : has(/\bbreaks?\b/, t) ? 'breaks' : has(/\b(sessions?|talks?|items|presentations?)\b/, t) ? 'sessions' : undefined;
    if (what) return { intent: 'count.byDay', what, fewer: /fewer|less|least/.test(byDay[4]) };
  }
  return undefined;
}

/** What a count or a comparison leaves out, and the session it may be about. */
function countScope({ t, r }: Question) {
  // (a break named in the question is what is counted, not a session asked about; "not counting the break" is not the subject)
  // "apart from the opening remarks, …": the opening is left out of what is counted, not the subject.
  const withoutOpening = has(/\b(apart from|excluding|not counting|leaving out|without|except|other than|besides)\b.*\bopening\b/, t);
  // ("how many speakers does it have?": the session just discussed counts as named)
  const namedSession = (r.sessionsNamed || (r.sessions.length === 1 && /\b(it|that|this|that session|this session)\b/.test(t))) && r.sessions.some((s) => s.kind !== 'break' && !(withoutOpening && s.kind === 'opening')) ? r.sessions.find((s) => s.kind !== 'break') : undefined;
  const tc = t.replace(/\b(not counting|excluding|without|apart from|except|leaving out|other than|besides)( (for|and|or|the|coffee|tea|opening|welcome|remarks|breaks?))+\b/g, ' ');
  return { withoutOpening, namedSession, tc };
}

// counts and extremes from the programme: "how many speakers?", "which session is the longest?"
export function count(q: Question): Decision | undefined {
  const { t, e, r } = q;
  const { withoutOpening, namedSession, tc } = countScope(q);
  if (has(/\b(how many|number of|count of)\b|\b(in total|altogether|all together|in all)\b.*\b(hours|minutes|breaks|sessions|speakers|reports)\b|\btotal (hours|minutes|time|number)\b/, t)) {
    const what: CountSubject | undefined = has(/\b(organi[sz]ations?|companies|institutions|employers)\b/, tc) ? 'organisations'
      : has(/\bbreaks?\b/, tc) ? 'breaks'
      : has(/\b(speakers?|people|presenters?|persons|panelists)\b/, tc) ? 'speakers'
      : has(/\b(sessions?|talks?|items|presentations?|slots)\b/, tc) ? 'sessions'
      : has(/\b(reports?|publications?)\b/, tc) ? 'reports'
      : has(/\b(hours|minutes)\b/, tc) && has(/\b(total|in all|altogether|all together|programme|program|event|clinic|both days|overall|of content)\b/, tc) ? 'hours'
      : has(/\bdays\b/, tc) ? 'days' : undefined;
    // "how many sessions does Kibuuka present in?": that speaker's sessions
    if ((what === 'sessions' || what === undefined) && r.speakers.length === 1 && !namedSession) return { intent: 'speaker', speakers: r.speakers, aspect: 'when' };
    // "how many speakers does the SS7 session have?" counts that session's; "… counting the opening too" counts all.
    const inSession = namedSession && !has(/\b(counting|including|incl|plus|as well)\b/, t) ? namedSession : undefined;
    if (what && (!inSession || what === 'speakers')) return { intent: 'count', what, day: e.day?.day, organisation: e.organisations[0]?.organisation, session: inSession, withoutOpening };
  }
  return undefined;
}

// "which session is the longest?", "is day 1 longer than day 2?"
// ("how much longer …?" is a countdown, not a comparison)
export function extremes(q: Question): Decision | undefined {
  const { t, e, r, memory } = q;
  // "which of them …?" after a list of sessions drawn from no one day (a speaker's): among those
  const listed = memory.listed;
  const among = r.listReference === 'session' && listed?.kind === 'session' && !listed.day && !e.day ? { among: listed.ids } : {};
  const { withoutOpening, namedSession, tc } = countScope(q);
  const extreme = t.match(/\b(longest|shortest)\b|\b(longer|shorter) than\b|\bwhich one (is|s) (longer|shorter)\b|\b(one|which|what|any) (day|session|talk)s? (is |are )?(longer|shorter)\b|\b(days?|sessions?) (is |are )?(longer|shorter)\b/);
  if (extreme && !r.speakers.length && (!namedSession || r.sessions.length > 1)) {
    const which = /long/.test(extreme[0]) ? 'longest' : 'shortest';
    if (has(/\bdays?\b/, t) && !has(/\b(session|talk|slot|item|presentation)\b/, t)) return { intent: 'extreme', which, what: 'day', includeBreaks: false };
    // ("not counting the coffee breaks" leaves them out)
    const withBreaks = /\b(including|with|(?<!not )counting) (the )?(coffee )?breaks?\b/;
    if (!has(W.brk, tc) || has(withBreaks, t))
      return { intent: 'extreme', which, what: 'session', includeBreaks: has(withBreaks, t) || has(/\bslot\b|\banything\b/, t), day: e.day?.day, withoutOpening, ...among };
  }
  return undefined;
}

// "how many?" right after a list: how many of that kind there are
export function countListed({ t, memory }: Question): Decision | undefined {
  const kind = memory.listed?.kind;
  if (!kind || kind === 'day' || !/^(and |so )?how many( are there| of them| in total| in all)?$/.test(t)) return undefined;
  return { intent: 'count', what: kind === 'speaker' ? 'speakers' : kind === 'report' ? 'reports' : 'sessions' };
}
