// The clock: what time it is, where the event stands now, what is on now or next, what is left or missed.
import type { Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, POLAR, TAG_QUESTION, W } from './words.ts';
import { recogniseDayCheck } from '../times.ts';

// "what time is it in Nairobi now?": the clock itself
// ("what time is it in Nairobi when the event starts?", "what time is it for me?" after a session ask about that)
export function clock({ t, e, r, memory }: Question): Decision | undefined {
  // "what day is it today?", "what's the date?": the clock too
  if (has(/\bwhat (day|date) is (it )?(today|now)\b|\bwhat is (the |today s |todays )?date( today)?$|\btoday s date\b|\bwhat day is it\b/, t) && !r.sessionsNamed) return { intent: 'clock' };
  const clockWords = has(/\bwhat (time|s the time) is it\b|\bwhat is the (time|current time|local time)\b|\b(current|present) time\b|\btime (is it )?(now|right now)$|\bthe time (now|right now)\b|\bwhat time do you have\b/, t);
  const rightNow = has(/\b(now|right now|currently|at the moment|at this moment|current|present)\b/, t);
  const bare = has(/^(so |and |ok |okay )?what (time is it|is the time|s the time)( (in|at) [a-z ]+| there| here)?$/, t) && !memory.sessionId && !memory.speakerId;
  if (clockWords && (rightNow || bare) && !has(/\b(when|then|for me|for us|my time|starts?|begins?|ends?|session|talk)\b/, t) && !r.sessionsNamed && !r.speakers.length && !e.time)
    return { intent: 'clock' };
  return undefined;
}

// "has it started?", "is it still on?", "can I still join?": where the event stands now
export function eventStatus({ t, e, r }: Question): Decision | undefined {
  // ("is the SS7 talk starting soon?" is that session's: the session rules say where it stands)
  if (r.sessionsNamed && !r.aboutEvent) return undefined;
  if (has(/\b(is it|is the (event|clinic|webinar|workshop|forum|conference|meeting)|does it) (start\w*|begin\w*|happening|coming up|on) soon\b|\b(start\w*|begin\w*|kick\w* off|coming up|happening) (very )?(soon|shortly)\b|\b(is it|it is|is the (event|clinic|webinar|workshop|forum|conference|meeting)) (still )?(far|long) (off|away|from now)\b|\b(is it|it is|is the (event|clinic|webinar|workshop|forum|conference|meeting)) (coming up |happening )?(soon|shortly)\b|\b(is it|is the (event|clinic|webinar|workshop|forum|conference|meeting)) (this|next) (week|month)\b/, t) && !e.day) return { intent: 'now' };
  if (has(/\bhas (it|the (event|clinic|webinar|workshop|forum|conference|meeting)) (already )?(started|begun|finished|ended)\b|\b(it|the (event|clinic|webinar|workshop|forum|conference|meeting)) has (already )?(started|begun|finished|ended)\b|\bis (it|the (event|clinic|webinar|workshop|forum|conference|meeting)) (still |already )?(on|happening|running|over|live|finished)( (now|today|yet|still|anymore|any more))?$|\bcan (i|we) still (join|attend|participate|take part|watch)\b|\b(is it|am i|are we) too late (for (me|us) )?to (join|attend|participate|take part|watch|tune in)\b/, t) && !has(/\b(which|what) (days?|dates?)\b|^when\b/, t))
    return { intent: 'now' };
  return undefined;
}

// against the clock: "how long until it starts?", "anything left today?", "what did I miss this morning?"
export function againstTheClock(q: Question): Decision | undefined {
  const { t, e, r } = q;
  // (and "in how many days is the clinic?", "in how long does it start?": the same countdown, the measure first)
  const countdown = has(/\bhow (long|much time|many (hours|minutes|days|weeks)) (until|till|til|before|to go|left|away)\b|\bhow many (days|weeks) (is it )?(away|to go|left)\b|\bhow long (to go|left)\b|\btime (until|till|left)\b|\bcountdown\b|\bin how (long|much time|many (days|weeks|hours|minutes))\b|\bhow soon\b|\bhow (long|far) from now\b|\bhow (long|much time) (is |s )?(left|remaining)\b/, t);
  // ("how long until the break?": the break named is the next one, by the clock)
  const onlyBreaks = r.sessionsNamed && r.sessions.length > 0 && r.sessions.every((s) => s.kind === 'break');
  if (countdown && (!r.sessionsNamed || onlyBreaks) && !r.speakers.length) {
    if (e.day?.day) return { intent: 'hours', day: e.day.day, edge: has(/\b(end|ends|finish|finishes|over|close|closes)\b/, t) ? 'end' : 'start' };
    if (has(W.brk, t)) return { intent: 'breaks', aspect: 'next' };
    if (has(/\b(end|ends|finish|finishes|over|close|closes)\b/, t)) return { intent: 'ending' };
    return { intent: has(W.next, t) ? 'next' : 'now' };
  }
  // "is the coffee break soon?": how long until the next break
  if (onlyBreaks && has(/\b(soon|shortly)\b/, t)) return { intent: 'breaks', aspect: 'next' };
  if (has(/\b(what|anything|something) (did|have) (i|we) miss(ed)?\b|\bwhat (have i|i have|did i) missed\b|\bwhat (happened|was on|did they (cover|discuss)) (this morning|earlier|so far|today)\b|\bwhat (has|have) (been )?(happened|covered) so far\b/, t))
    return { intent: 'earlier' };
  // "anything left today?", "what else is on today?", "the rest of the day?": all that remains of today (the next
  // event day's start when nothing does)
  if (restOfToday(q)) return { intent: 'next', today: true };
  // "is it over for today?", "are we done for the day?", "la journée est finie ?": today's programme, checked by the clock
  if (has(/\b(is it|it is|are we|we are|is the day|the day is|is today|is everything|everything is|is that it|that is it) (all )?(over|done|finished|ended|wrapped up)\b|\b(done|finished|over) for (the day|today)\b|\bthat s it for today\b/, t) && (has(/\b(today|the day|for the day)\b/, t)) && !r.sessionsNamed && !r.speakers.length)
    return { intent: 'next', today: true, over: true };
  if (has(/\b(anything|something|what is|what s|is there anything) (else |more )?(left|remaining|still on)\b|\banything (else |more )?(on|happening) later\b/, t)) return { intent: 'next' };
  if (has(/^(is|are) (it|the (event|clinic|webinar|workshop|forum|conference|meeting)|there (anything|something)) (on|happening|running) today$/, t)) return { intent: 'now' };
  if (has(/\bam i (late|too late|early|too early|on time|in time)\b|\b(did|have) (i|we) miss(ed)? (it|anything|something|the start|the beginning)\b/, t) && !r.sessionsNamed) return { intent: 'now' };
  return undefined;
}

/** What remains of today is asked: "anything left (for) today?", "what else is on today?", "the rest of the day". */
function restOfToday({ t, e, r }: Question): boolean {
  if (r.sessionsNamed || r.speakers.length || e.time) return false;
  // a day other than today named ("what else is on day 2?") is that day's programme
  const today = has(/\b(today|this (morning|afternoon))\b/, t);
  if (e.day && !today) return false;
  const left = has(/\b(anything|something|what|what is|what s|is there anything|is there more) (else |more )?(is )?(left|remaining|still (on|to come)|to come)\b|\bwhat (else )?remains\b|\b(left|remaining) (for |of )?(today|the day)\b|\brest of (the day|today|the (morning|afternoon))\b/, t);
  const elseToday = today && has(/\b(else|more|still|left|remain|remaining|remains|rest|other|later)\b/, t) && !has(/\bwho\b/, t) && !has(W.brk, t);
  return (left && !has(/\bhow (many|much)\b/, t)) || elseToday;
}

/** "which session are we in?", "what is this session?", "where are we in the programme?": the one running now. */
const CURRENT = /\b(which|what) (session|talk|item|part|presentation|slot) (are we|am i|is this|is it now|is (on|running|happening|live)( now| right now)?$)|\b(are we|am i) (in|at) (which|what) (session|talk|item|part|point|moment|stage)\b|\b(where are we|are we where) (now |at )?(in the (programme|program|agenda|schedule|day))\b/;

// now / next: what is on now, what comes next
export function nowOrNext({ t, e, r }: Question): Decision | undefined {
  // ("is the welcome session coming up soon?": where that session stands, the session rules')
  if (r.sessionsNamed && has(/\b(soon|shortly)\b/, t)) return undefined;
  if (has(CURRENT, t) && !r.sessionsNamed && !r.speakers.length && !e.day && !e.time) return { intent: 'now' };
  // "the current session and the one after?": what is on, which says what follows
  if (has(/\b(current|ongoing|running|on now|right now|at the moment)\b/, t) && has(/\b(next|after|after that|following|one after)\b/, t) && (!r.sessionsNamed || r.relative) && !r.speakers.length && !e.day && !e.time) return { intent: 'now' };
  // "and after?" with nothing discussed to be after: after now
  if (has(/^(and |ok |so )?(after|afterwards|then)( that| this| it)?$/, t) && !r.relative && !r.sessions.length) return { intent: 'next' };
  if ((has(W.now, t) || has(W.next, t)) && !r.relative && !r.fromList && !has(/\bnext (day|week|month|year|time)\b/, t) && !e.time && !e.day && !r.speakers.length && !(r.sessionsNamed && (!has(W.next, t) || has(/\b(after|before|following|follows)\b/, t)))) {
    if (has(W.brk, t)) return { intent: 'breaks', aspect: 'next' };
    // "what's on now and what's next?": what is on now, which says what follows
    return { intent: has(W.now, t) ? 'now' : 'next' };
  }
  return undefined;
}

// "is that before lunch for me?", "is it in the morning for me?", "will I have to get up early?": where the session
// discussed (or the event's days) falls in the attendee's own day — a yes/no by their clock, not a list of breaks or
// what is on in the morning
export function dayCheck({ n, t, e, r }: Question): Decision | undefined {
  const check = recogniseDayCheck(t);
  if (!check || r.speakers.length || e.time) return undefined;
  // asked as a yes/no (a question mark, a verb first, a tag), with no question word anywhere: a story that mentions
  // its morning ("I'll be travelling on the 30th morning", "… meetings all morning, which session …?") asks something else
  const yesNo = /\?\s*$/.test(n.raw) || POLAR.test(t) || TAG_QUESTION.test(t);
  if (!yesNo || has(/\b(what|which|who|whom|where|how|when|why|is there|are there|anything)\b/, t.replace(/\bwhere (i|we) (am|are|live)\b/g, ''))) return undefined;
  // ("is it too early to register?", "too late for me to join?" ask about registration, not the time of day)
  if (has(/\b(register\w*|registration|sign up|book)\b|\btoo (late|early) (for (me|us) )?to\b/, t)) return undefined;
  // about someone's own day: "for me", "my time", "here", "I"/"we" get up — or a session being placed in a part of the day
  // (or a place's day: "is it at night in Los Angeles?")
  const mine = has(/\b(for me|for us|here|where i am|local|i|we|my|our)\b/, t) || e.ownTime || !!e.target;
  // ("is the clinic in the middle of the night for me?": the event's days, whatever a word of it matched)
  const event = r.aboutEvent || has(/\b(it all|the (event|clinic|webinar|workshop|forum|conference|meeting|programme|program))\b/, t);
  const sessions = event && !r.talkNamed ? [] : r.sessions.filter((s) => s.kind !== 'break');
  if (sessions.length && (mine || !r.sessionsNamed || has(/^(is|are|will|would|does|do|it is|that is|this is)\b/, t))) return { intent: 'dayCheck', check, sessions: sessions.slice(0, 1) };
  // (nothing else discussed or named: the event's days — or the day named)
  if (!sessions.length && (event || !r.sessions.length) && mine) return { intent: 'dayCheck', check, sessions: [], day: e.day?.day };
  return undefined;
}
