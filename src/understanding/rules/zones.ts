// Time zones: the attendee saying where they are, which zone the times are given in, and zone-to-zone
// conversions (the last answer again in another zone).
import type { Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, W } from './words.ts';

// the attendee tells us where they are
export function zoneSet({ t, e }: Question): Decision | undefined {
  const setZone =
    has(/\b(set|change|update|switch|use|put)\b.*\b(time ?zone|timezone|zone|location|local time|tz)\b/, t) ||
    has(/\bmy (time ?zone|timezone|zone|location|local time|city|country)\b.*\b(is|to)\b/, t) ||
    has(/\bi am (actually |really |now |still |currently |based |located |living |staying |working |sitting )*(in|at)\b|\bi (live|stay|work|reside) in\b|\b(joining|attending|connecting|dialling|dialing|calling|participating) from\b|\bi am from\b|^(greetings|hello|hi|hey|good (morning|afternoon|evening|day)|regards|salutations|cheers)( all| everyone| there)? from\b|\b(writing|watching|tuning in|joining us|here) from\b|^((hi|hello|hey)\W* )?(based|located|living|sitting|staying) (in|at)\b|\b(btw|fyi|fwiw) i am in\b/, t);
  if (setZone) {
    const place = e.target;
    if (place) return { intent: 'timezone.set', zone: place.zone, label: place.label, assumed: place.assumed };
    if (has(/\b(time ?zone|timezone|zone|tz|local time)\b/, t)) return { intent: 'timezone.set' };
  }
  return undefined;
}

// which zone the times are in
export function zoneInfo({ t, e, r }: Question): Decision | undefined {
  // ("is the clinic in Nairobi?" asks where it is held, not which zone its times are in)
  if (has(/^(is|will|does) (it|the (event|clinic|webinar|workshop|forum|conference|meeting|security clinic|dfs security clinic)|this) (be )?(held |taking place |happening |hosted |located |going to be )?(in|at)\b/, t) && !has(/\b(time|times|hours|timezone|zone|schedule)\b/, t) && (e.target?.kind === 'city' || e.target?.kind === 'country')) return undefined;
  const placeCheck = !!(e.target || e.time?.zoneLabel);
  // ("when does the SS7 session start in my time zone?" asks for the session, shown in the user's zone)
  const inMyZone = has(/\b(in|for) (my|our) (own )?(local )?(time ?zone|timezone|tz)\b/, t) && (r.sessionsNamed || r.speakers.length > 0 || !!e.day);
  if (
    (has(/\b(time ?zone|timezone|tz)\b/, t) && !inMyZone) ||
    (placeCheck && !r.sessionsNamed && !e.day && has(/\b(are|is) (the |all |these |those |this |that |it |they )?(times?|hours|schedule|agenda|programme|program)?\s*(given |shown |listed |expressed |quoted )?(in|at)\b/, t) && !has(/\bwhat time\b|\bwhen\b|^what (is|s) (that|this|it)\b/, t)) ||
    (placeCheck && has(/\b(is|are) (that|this|it|these|those|they|the times)\b.*\btime\b/, t) && !has(/^(what|when)\b/, t) && !r.sessionsNamed) ||
    has(/^(are|is|were) (the |all |these |those )?(times?|hours|timings|schedule|agenda|programme|program)\b.*\blocal\b/, t) ||
    (placeCheck && !e.time && !e.day && has(/^(are|is|were|will)\b/, t) && !has(/\b(when|what time|travel|fly|flights?|hotels?|visas?|go|come|visit|venue|held|located|location|physically|person|attend|based|online|virtual|remote)\b/, t))
  )
    return { intent: 'timezone.info' };
  return undefined;
}

// zone to zone: "what is EAT in GMT", "how many hours ahead of GMT is EAT"
export function zoneToZone({ e, r }: Question): Decision | undefined {
  if (e.source && e.target && !e.time && !r.sessionsNamed) return { intent: 'timezone.convert' };
  return undefined;
}

// "what about in New York?", "and for Tokyo?": the last answer again in that zone
export function zoneFollowUp({ t, e, r, words }: Question): Decision | undefined {
  if ((e.target || e.ownTime) && !e.time && !r.sessionsNamed && !r.speakers.length && words <= 7 && has(/^(and |so |ok |okay )?((what|how) about|what of)\b|^(and )?(in|for) \w+/, t) && !has(W.report, t)) return { intent: 'timezone.convert' };
  return undefined;
}

// "and in Paris?": show the last thing again in that zone
export function zoneAgain({ t, e, words }: Question): Decision | undefined {
  // ("which session should I follow, at what time for me?" asks for a session first, not the last answer again)
  if ((e.target || e.ownTime) && !has(/\bwhich (session|talk|presentation)s?\b/, t) && (has(/\b(what time|when|time|convert|what day|which day|what date)\b/, t) || words <= 5)) return { intent: 'timezone.convert' };
  return undefined;
}
