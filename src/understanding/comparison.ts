// Two sessions set against each other in one question ("is the SS7 session before the coffee break?", "which is
// longer, A or B?", "what comes between A and B?"): recognised here, each side on its own words, so the better-known
// name does not drown the other; answered by answering/compose/comparison.ts.
import type { Session } from '../event/agenda.ts';

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
