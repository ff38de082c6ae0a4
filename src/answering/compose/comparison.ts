// Two sessions set against each other (understanding/comparison.ts recognises the question): which is longer or
// earlier, what lies between them.
import type { Session } from '../../event/agenda.ts';
import type { AnswerContext } from '../context.ts';
import { duration } from '../timeFormat.ts';
import { capitalise, titleInSentence } from './sessions.ts';
import type { Answer } from './types.ts';
import type { SessionComparison } from '../../understanding/comparison.ts';

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

