// Two sessions set against each other (understanding/comparison.ts recognises the question): which is longer or
// earlier, what lies between them.
import type { Session } from '../../event/agenda.ts';
import type { AnswerContext } from '../context.ts';
import { capitalise, titleInSentence } from './sessions.ts';
import type { Answer } from './types.ts';
import type { SessionComparison } from '../../understanding/comparison.ts';

export function composeComparison(ctx: AnswerContext, { a, b, how }: SessionComparison): Answer {
  const s = (id: string, vars: Record<string, string | number> = {}) => ctx.say(id, vars);
  const label = (x: Session) => `${titleInSentence(x.title)} (${ctx.sessionWhen(x)})`;
  let text: string;
  if (how === 'between') {
    const [first, second] = +a.startsAt <= +b.startsAt ? [a, b] : [b, a];
    const inside = ctx.agenda.sessions.filter((x) => +x.startsAt >= +first.endsAt && +x.endsAt <= +second.startsAt && x.day === first.day);
    text =
      first.day !== second.day
        ? s('cmp.differentDays', { a: label(first), b: label(second) })
        : inside.length
          ? s('cmp.between', { first: titleInSentence(first.title), second: titleInSentence(second.title), list: inside.map((x) => `${x.title} (${ctx.sessionTime(x)})`).join(ctx.semicolon) })
          : s('cmp.adjacent', { second: titleInSentence(second.title), first: titleInSentence(first.title), time: ctx.sessionTime(second) });
  } else if (how === 'compare' || how === 'longer' || how === 'shorter' || how === 'earlier' || how === 'later') {
    const both = s('cmp.both', { a: titleInSentence(a.title), aWhen: ctx.sessionWhen(a), aDur: ctx.duration(a.durationMinutes), b: titleInSentence(b.title), bWhen: ctx.sessionWhen(b), bDur: ctx.duration(b.durationMinutes) });
    const pick =
      how === 'longer' || how === 'shorter'
        ? a.durationMinutes === b.durationMinutes ? undefined : (a.durationMinutes > b.durationMinutes) === (how === 'longer') ? a : b
        : how === 'earlier' || how === 'later' ? (+a.startsAt < +b.startsAt) === (how === 'earlier') ? a : b : undefined;
    const gap = Math.abs(a.durationMinutes - b.durationMinutes);
    const order = a.day === b.day ? s(+a.startsAt < +b.startsAt ? 'cmp.before' : 'cmp.after', { a: capitalise(titleInSentence(a.title)), b: titleInSentence(b.title) }) : '';
    const verdict =
      how === 'compare' ? ''
      : how === 'earlier' || how === 'later' ? order || (pick ? s(how === 'earlier' ? 'cmp.first' : 'cmp.later', { a: capitalise(titleInSentence(pick.title)) }) : '')
      : pick ? s(how === 'longer' ? 'cmp.longer' : 'cmp.shorter', { a: capitalise(titleInSentence(pick.title)), gap: ctx.duration(gap) }) : s('cmp.sameLength');
    text = `${verdict}${both}.`;
  } else {
    const ok = how === 'before' || how === 'earlier than' ? +a.startsAt < +b.startsAt : how === 'after' || how === 'later than' ? +a.startsAt > +b.startsAt : how === 'longer than' ? a.durationMinutes > b.durationMinutes : a.durationMinutes < b.durationMinutes;
    const facts =
      how.endsWith('than') && /long|short/.test(how)
        ? s('cmp.lasts', { a: titleInSentence(a.title), aDur: ctx.duration(a.durationMinutes), aTime: ctx.sessionTime(a), b: titleInSentence(b.title), bDur: ctx.duration(b.durationMinutes), bTime: ctx.sessionTime(b) })
        : s('cmp.when', { a: titleInSentence(a.title), aWhen: ctx.sessionWhen(a), b: titleInSentence(b.title), bWhen: ctx.sessionWhen(b) });
    text = s(ok ? 'polar.yes' : 'polar.no', { text: `${facts}.` });
  }
  return { reply: { text, suggestions: [s('s.showAgenda')] }, memory: { ...ctx.memory, sessionId: a.id, day: a.day } };
}
