// Sessions asked about by name, ordinal or pronoun (or, as a last resort, by words of their descriptions):
// what about them is asked (when, who, how long, reports, where they stand against the clock…).
import type { Session } from '../../event/agenda.ts';
import type { Decision, StatusCheck } from '../decision.ts';
import type { Question } from './question.ts';
import { has, POLAR, QUESTION_WORDS, W } from './words.ts';

/** A named session against the clock: "how long until the SS7 session?", "did I miss the opening?", "is it still on?". */
const SESSION_STATUS = /\bhow (long|much time|many (hours|minutes)) (until|till|til|before|to go|left)\b|\b(time|minutes|hours) (until|till|left)\b|\b(did|have) (i|we) (miss|missed)\b|\b(has|have) (it|they|(the|that|this) [a-z0-9 ]{1,40}) (already )?(started|begun|finished|ended)\b|\bstill (on|going|running|happening|live)\b|\b(started|begun|over|finished) (yet|already)\b|\b(is|are) (it|they|(the|that|this) [a-z0-9 ]{1,40}) (on|going on|running|happening|live|over|finished) (now|yet|already)$|\b(is|it is|are|will) [a-z0-9 ]{0,40}\b(soon|shortly)\b|\bhow soon\b|\bhow (long|far) from now\b/;

/** What is asked about the sessions `s`. */
export function sessionAspect({ t, e }: Question, s: Session[]): Decision {
  if (has(SESSION_STATUS, t)) {
    const check: StatusCheck | undefined = has(/\bmiss(ed)?\b/, t) ? 'missed' : has(/\b(started|begun)\b/, t) ? 'started' : has(/\b(still|on now|going on|running|happening|live)\b/, t) ? 'on' : undefined;
    return { intent: 'session', sessions: s, aspect: 'status', check };
  }
  if (has(W.report, t)) return { intent: 'reports', sessions: s.slice(0, 1) };
  if (has(W.duration, t) && !has(/\blast (session|talk|item)\b|\b(comes|is|s|on|goes|speaks) last\b/, t)) return { intent: 'session', sessions: s, aspect: 'duration' };
  if (has(/\b(moderat\w*|chair|chairs|chaired|chairing|chairperson|facilitat\w*|mc|emcee)\b/, t)) return { intent: 'session', sessions: s, aspect: 'moderator' };
  if (has(W.who, t)) return { intent: 'session', sessions: s, aspect: 'who' };
  if (has(W.when, t) || (e.time && POLAR.test(t))) return { intent: 'session', sessions: s, aspect: 'when' };
  if (has(W.about, t)) return { intent: 'session', sessions: s, aspect: 'about' };
  return { intent: 'session', sessions: s, aspect: 'details' };
}

// "is there a Q&A?", "will there be time for questions?": where the programme leaves room for discussion
export function discussion({ t, r }: Question): Decision | undefined {
  if (has(/\b(questions and answers|time for questions|(ask|put) (the )?(speakers?|panel(l)?ists?|presenters?) (a )?questions?|ask questions|audience questions|live questions|open floor|open discussion|discussion (session|time|slot)|interactive (session|part|discussion))\b/, t) && !r.sessionsNamed && !r.speakers.length)
    return { intent: 'discussion' };
  return undefined;
}

// a session by name, ordinal or pronoun
export function namedSession(q: Question): Decision | undefined {
  if (q.r.sessions.length) return sessionAspect(q, q.r.sessions);
  return undefined;
}

// "when will they talk about databases": words of one session's description only, asked when.
export function weakSessionWhen(q: Question): Decision | undefined {
  const { t, r } = q;
  if (r.weakSessions.length && has(/\b(when|what time|which day)\b/, t) && !r.aboutEvent) return sessionAspect(q, r.weakSessions);
  return undefined;
}

/** Words of one session's description, asked who, what about, or any question: the last resort before a fallback. */
export function weakSession(q: Question): Decision | undefined {
  const { t, r } = q;
  if (r.weakSessions.length && (has(QUESTION_WORDS, t) || has(W.who, t) || has(W.about, t))) return sessionAspect(q, r.weakSessions);
  return undefined;
}
