// The programme over time: what is on at a clock time or in a part of a day, breaks, the event's topics,
// and the agenda of a day or of all days.
import type { Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, POLAR, W } from './words.ts';

/** "when's the coffee break?", "the break": one break asked about, so on the day being discussed. */
const BREAK_ON_DAY_DISCUSSED = /\bthe (coffee |tea |lunch )?break\b|\bs the (coffee |tea )?break\b/;

  // --- a clock time: what's on then, or a plain conversion
// ("is the day 2 break also at 11:50?" checks that session's time: the session rule, later, gives the verdict)
export function atTime({ t, e, r }: Question): Decision | undefined {
  const sessionAtTime = r.sessionsNamed && POLAR.test(t) && !has(/\bwhat is on\b|\bhappening\b/, t);
  if (e.time && !sessionAtTime && !(r.sessionsNamed && has(W.when, t) && !has(/\bwhat is on\b|\bhappening\b/, t))) {
    if ((e.target || e.ownTime) && !has(W.agenda, t) && !has(/\b(on|session|talk|happening)\b/, t) && !r.sessionsNamed) return { intent: 'timezone.convert' };
    return { intent: 'at', day: e.day?.day };
  }
  return undefined;
}

// a part of the day: "what's on in the afternoon?", "and the morning of day 2?"
export function period({ t, e, r, memory }: Question): Decision | undefined {
  if (e.partOfDay && !r.sessionsNamed && !r.speakers.length && !has(W.brk, t) && !has(W.report, t))
    return { intent: 'period', period: e.partOfDay, day: e.day ? (e.day.day ?? -1) : memory.day };
  return undefined;
}

// the event's topics (a lab, an initiative)
export function eventTopic({ n, t, e, r }: Question): Decision | undefined {
  const topic = e.topics[0];
  const setupWords = has(/\b(established|establish|set up|setup|founded|created|launched|built|formed|how old|since when|objectives?|goals?|purpose|aims?|mission|role|what does|what do|what will)\b/, t);
  const sessionish = has(/\b(session|sessions|talk|talks|presentation|presents|presenting|speaker|speakers|speaks)\b/, t) || (topic?.strength === 'weak' && has(/\b(when|what time)\b/, t) && !setupWords);
  const onlyTopicWords = !!topic && r.sessionsNamed && e.sessions.filter((x) => x.strong).every((x) => x.terms.every((w) => topic.tokens.some((i) => n.tokens[i] === w)));
  if (topic && (topic.strength === 'strong' || !r.sessionsNamed || onlyTopicWords || (setupWords && !r.relative && !r.fromList && e.sessions.filter((x) => x.strong).every((x) => x.terms.length <= topic.tokens.length))) && !(sessionish && r.sessionsNamed)) return { intent: 'topic', topic: topic.topic };
  return undefined;
}

// breaks: when, how long, or the one before or after a session
// "is there a break after the SS7 session?", "a coffee break between the SS7 and USSD sessions?"
// (the break asked about comes first; "what's after the coffee break" names the break instead)
export function breaks({ t, e, r, memory }: Question): Decision | undefined {
  const around = t.match(/\b(breaks?|coffee|tea|pause|recess|intermission)\b.*\b(after|following|before|preceding|between)\b/);
  const aroundOf = r.sessions.filter((s) => s.kind !== 'break');
  if (around && aroundOf.length) {
    const first = around[2] === 'between' ? [...aroundOf].sort((a, b) => +a.startsAt - +b.startsAt)[0] : aroundOf[0];
    return { intent: 'breaks', day: first.day, aspect: 'when', around: { session: first, after: around[2] !== 'before' && around[2] !== 'preceding' } };
  }
  if (has(W.brk, t) && !(r.sessionsNamed && r.sessions[0].kind !== 'break')) {
    // ("what's on day 1?" then "when's the coffee break?": that day's)
    return { intent: 'breaks', day: e.day?.day ?? (BREAK_ON_DAY_DISCUSSED.test(t) ? memory.day : undefined), aspect: has(W.duration, t) ? 'duration' : 'when' };
  }
  return undefined;
}

// the agenda, for a day or all ("day 1 vs day 2", "what's different between the two days": all of them)
export function agenda({ t, e, r }: Question): Decision | undefined {
  if (has(/\bday \d+ (and|vs|versus|or|compared (to|with)|against) (to )?day \d+\b|\b(both|the two|all) days\b|\bdifferen\w* between (the )?(two )?days\b|\bcompare (the )?days\b/, t) && !r.sessionsNamed && !r.speakers.length)
    return { intent: 'agenda' };
  if (e.day) return { intent: 'agenda', day: e.day.day ?? -1 };
  if (has(W.agenda, t)) return { intent: 'agenda' };
  return undefined;
}

// a day the programme does not have ("will there be a day 3?", "anything tomorrow?" on the last day): said so,
// before the session or pronoun in memory is taken for what is asked
export function dayNotInProgramme({ e, r }: Question): Decision | undefined {
  if (e.day?.missing && !r.sessionsNamed && !r.speakers.length) return { intent: 'agenda', day: -1 };
  return undefined;
}
