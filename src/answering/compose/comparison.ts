// Two sessions set against each other: "is the SS7 session before the coffee break?", "is the assurance
// framework session longer than the audit one?", "what comes between the SS7 session and the USSD session?".
// Each side is recognised on its own words, so the better-known name does not drown the other.
import type { Session } from '../../event/agenda.ts';
import type { AnswerContext } from '../context.ts';
import { duration } from '../timeFormat.ts';
import { capitalise, titleInSentence } from './sessions.ts';
import type { Answer } from './types.ts';

/** Two sessions and what is asked about them: what lies between, or how the first compares with the second. */
export interface SessionComparison {
  a: Session;
  b: Session;
  how: 'between' | 'before' | 'after' | 'earlier than' | 'later than' | 'longer than' | 'shorter than' | Which;
}

/** "which is longer, A or B?", "compare A and B": the answer names the one, or sets both side by side. */
type Which = 'longer' | 'shorter' | 'earlier' | 'later' | 'compare';
const WHICH: Record<string, Which> = { longer: 'longer', shorter: 'shorter', earlier: 'earlier', first: 'earlier', sooner: 'earlier', later: 'later', last: 'later', second: 'later' };

/**
 * The comparison a question asks for, when it names two different sessions; `sessionOf` finds the session some words
 * name, `current` is the session just discussed ("longer or shorter than the USSD one?"), `all` the programme.
 */
export function comparisonAsked(t: string, sessionOf: (words: string) => Session | undefined, current: Session | undefined, all: Session[]): SessionComparison | undefined {
  // ("is there a break between …/after …?" is the breaks rule's: it answers whether a break is there)
  if (/^(is|are) there\b/.test(t)) return undefined;
  // "longer or shorter than the USSD one?", "is it longer than the audit session?": the session just discussed against another
  const followUp = current && t.match(/^(?:and |so )?(?:is (?:it|that|this) |was (?:it|that) )?(longer|shorter|earlier|later)(?: or (?:longer|shorter|earlier|later))? than (?:the )?(.+?)$/);
  if (followUp && current) {
    const other = sessionOf(followUp[2]);
    return other && other !== current ? { a: current, b: other, how: followUp[1] as Which } : undefined;
  }
  // "before or after the break?", "is it after the coffee break?": the session just discussed against another
  const order = current && t.match(/^(?:and |so )?(?:is (?:it|that|this) |does (?:it|that|this) (?:come |happen |start )?|(?:it|that) is )?(before|after)(?: or (?:before|after))? (?:the )?(.+?)$/);
  if (order && current) {
    const found = sessionOf(order[2]);
    const other = found && found.kind === 'break' && found.day !== current.day ? (all.find((s) => s.kind === 'break' && s.day === current.day) ?? found) : found;
    return other && other !== current ? { a: current, b: other, how: 'earlier' } : undefined;
  }
  // "how much longer is the SS7 session than the USSD one?"
  const howMuch = t.match(/^how (?:much|many minutes) (longer|shorter) (?:is|does|will) (?:the )?(.+?) (?:last |run |take )?than (?:the )?(.+?)$/);
  if (howMuch) {
    const [a, b] = [howMuch[2], howMuch[3]].map(sessionOf);
    return a && b && a !== b ? { a, b, how: howMuch[1] as Which } : undefined;
  }
  const between = t.match(/^(?:what|which)\b.*\bbetween (?:the )?(.+?) and (?:the )?(.+?)$/);
  const versus = between ? undefined : t.match(/^(?:is|does|do|will|was|are) (?:the )?(.+?) (?:session |talk )?(?:start |starts |come |comes |happen |take place |run |end |go |on )?(before or after|after or before|before|after|earlier than|later than|longer than|shorter than) (?:the )?(.+?)$/);
  const which = between || versus ? undefined : t.match(/^(?:which|what)(?: one| session| talk)?(?: of them)? (?:is|s|lasts|runs|goes|takes|comes|starts|happens|is on|takes place)? ?(longer|shorter|earlier|first|sooner|later|last|second)\b(?: of the two)?,? (?:the )?(.+?) or (?:the )?(.+?)$/);
  const compare = between || versus || which ? undefined : t.match(/^(?:please )?(?:compare|contrast) (?:the )?(.+?) (?:and|with|to|vs|versus) (?:the )?(.+?)$|^(?:the )?(.+?) (?:vs|versus) (?:the )?(.+?)$/);
  const sides = between ? [between[1], between[2]] : versus ? [versus[1], versus[3]] : which ? [which[2], which[3]] : compare ? [compare[1] ?? compare[3], compare[2] ?? compare[4]] : undefined;
  if (!sides) return undefined;
  const [a, found] = sides.map(sessionOf);
  if (!a || !found) return undefined;
  // "the coffee break" beside a session means that day's break
  const b = found.kind === 'break' && found.day !== a.day ? (all.find((s) => s.kind === 'break' && s.day === a.day) ?? found) : found;
  if (a === b) return undefined;
  const asked = versus?.[2];
  const how: SessionComparison['how'] = between ? 'between' : asked ? (/ or /.test(asked) ? 'earlier' : (asked as SessionComparison['how'])) : which ? WHICH[which[1]] : 'compare';
  return { a, b, how };
}

export function composeComparison(ctx: AnswerContext, { a, b, how }: SessionComparison): Answer {
  const label = (s: Session) => `${titleInSentence(s.title)} (${ctx.sessionWhen(s)})`;
  let text: string;
  if (how === 'between') {
    const [first, second] = +a.startsAt <= +b.startsAt ? [a, b] : [b, a];
    const inside = ctx.agenda.sessions.filter((s) => +s.startsAt >= +first.endsAt && +s.endsAt <= +second.startsAt && s.day === first.day);
    text =
      first.day !== second.day
        ? `They are on different days: ${label(first)}; ${label(second)}.`
        : inside.length
          ? `Between ${titleInSentence(first.title)} and ${titleInSentence(second.title)}: ${inside.map((s) => `${s.title} (${ctx.sessionTime(s)})`).join('; ')}.`
          : `Nothing: ${titleInSentence(second.title)} follows ${titleInSentence(first.title)} directly (${ctx.sessionTime(second)}).`;
  } else if (how === 'compare' || how === 'longer' || how === 'shorter' || how === 'earlier' || how === 'later') {
    const both = `${titleInSentence(a.title)}: ${ctx.sessionWhen(a)}, ${duration(a.durationMinutes)}; ${titleInSentence(b.title)}: ${ctx.sessionWhen(b)}, ${duration(b.durationMinutes)}`;
    const pick =
      how === 'longer' || how === 'shorter'
        ? a.durationMinutes === b.durationMinutes ? undefined : (a.durationMinutes > b.durationMinutes) === (how === 'longer') ? a : b
        : how === 'earlier' || how === 'later' ? (+a.startsAt < +b.startsAt) === (how === 'earlier') ? a : b : undefined;
    const gap = Math.abs(a.durationMinutes - b.durationMinutes);
    const order = a.day === b.day ? `${capitalise(titleInSentence(a.title))} comes ${+a.startsAt < +b.startsAt ? 'before' : 'after'} ${titleInSentence(b.title)}. ` : '';
    const verdict =
      how === 'compare' ? ''
      : how === 'earlier' || how === 'later' ? order || (pick ? `${capitalise(titleInSentence(pick.title))} ${how === 'earlier' ? 'comes first' : 'comes later'}. ` : '')
      : pick ? `${capitalise(titleInSentence(pick.title))} is ${how}, by ${duration(gap)}. ` : `They are the same length. `;
    text = `${verdict}${both}.`;
  } else {
    const ok = how === 'before' || how === 'earlier than' ? +a.startsAt < +b.startsAt : how === 'after' || how === 'later than' ? +a.startsAt > +b.startsAt : how === 'longer than' ? a.durationMinutes > b.durationMinutes : a.durationMinutes < b.durationMinutes;
    const facts = how.endsWith('than') && /long|short/.test(how) ? `${titleInSentence(a.title)} lasts ${duration(a.durationMinutes)} (${ctx.sessionTime(a)}), ${titleInSentence(b.title)} ${duration(b.durationMinutes)} (${ctx.sessionTime(b)})` : `${titleInSentence(a.title)} is ${ctx.sessionWhen(a)}; ${titleInSentence(b.title)} is ${ctx.sessionWhen(b)}`;
    text = `${ok ? 'Yes' : 'No'} — ${facts}.`;
  }
  return { reply: { text, suggestions: ['Show the agenda'] }, memory: { ...ctx.memory, sessionId: a.id, day: a.day } };
}

