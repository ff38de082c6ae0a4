// The days' hours: when the event's days (or one of them) start and end, and how long they last.
import type { Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, W, POLAR, TAG_QUESTION } from './words.ts';

/** Whether the words ask when something starts or when it ends. */
const edgeOf = (t: string) => has(/\b(start|starts|starting|begin|begins|beginning|open|opens|kick off|kicks off)\b/, t) ? 'start' : has(/\b(end|ends|ending|finish|finishes|finishing|close|closes|over|wrap up|wraps up)\b/, t) ? 'end' : undefined;

// "how long does each day last?": the days' hours
export function eachDay({ t }: Question): Decision | undefined {
  if (has(/\bhow long (is|does|will|do)? ?(each|every) day\b|\b(each|every|a) day (last|lasts|run|runs|take|takes)\b|\bhow long (each|every) day\b|\bhow (many|much) hours (is |are )?(each|every|a|per) day\b/, t)) return { intent: 'hours', edge: 'both' };
  return undefined;
}

// one word: "time?", "hours", "timings": the event's days and hours
export function bareTime({ t }: Question): Decision | undefined {
  if (has(/^(the )?(time|times|timing|timings|hours|what time)( please| pls)?$/, t)) return { intent: 'hours', edge: 'both' };
  return undefined;
}

// "does the clinic end at 1pm?", "does day 1 start at 9?": the day's hours, checked against that time
export function edgeChecked({ t, e, r }: Question): Decision | undefined {
  const edgeAsked = edgeOf(t);
  // (a statement checked by its tag too: "day 1 ends at 1 pm, correct?")
  if (e.time && edgeAsked && (POLAR.test(t) || TAG_QUESTION.test(t)) && !r.sessionsNamed && !r.speakers.length && !has(W.agenda, t)) return { intent: 'hours', day: e.day?.day, edge: edgeAsked };
  return undefined;
}

// when a day (or each day) starts and ends
export function dayHours({ t, e }: Question): Decision | undefined {
  const edge = edgeOf(t);
  if (e.day?.day && edge && !has(W.agenda, t)) return { intent: 'hours', day: e.day.day, edge };
  if (e.day?.day && has(/\bhow (much )?longer\b|\b(time|hours|minutes) (left|remaining)\b|\bhow long (is|does) (it|today|the day) (still )?(go on|run|last)\b/, t)) return { intent: 'hours', day: e.day.day, edge: 'end' };
  if (e.day?.day && has(/^(how long|what is the (duration|length))\b/, t) && !has(W.agenda, t)) return { intent: 'hours', day: e.day.day, edge: 'both' };
  if (has(/\b(each|every|per) day\b|\b(both|all|the two) days\b.*\b(hours|times?|same|start|end|long)\b|\bsame (hours|times?)\b|\bdaily\b|\b(hours|times) (of|for) the (event|day|days)\b|^(hours|what are the hours|opening hours)/, t) || (e.day?.day && has(/\bhours\b/, t)))
    return { intent: 'hours', day: e.day?.day, edge: edge ?? 'both' };
  return undefined;
}
