// Greetings, thanks, help, goodbye, and the polite refusal for questions outside the event; the words are the
// reply language's (locales/<lang>.json).
import type { Session } from '../../event/agenda.ts';
import type { AnswerContext } from '../context.ts';
import { titleInSentence } from './sessions.ts';
import type { Answer } from './types.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../language/languages.ts';
import { say, sayList, typeset } from '../../language/messages.ts';
import { botRegistersNow } from '../../event/lifecycle.ts';

const suggestions = (ctx: AnswerContext) => sayList(ctx.language, 'smalltalk.suggestions');

/** What the bot can do; once the event is over, without registering, joining or reminders. */
function capabilities(ctx: AnswerContext): string {
  return ctx.say(ctx.lifecycle.phase === 'ended' ? 'smalltalk.capabilities.ended' : 'smalltalk.capabilities', { title: ctx.event.title });
}

export function composeGreeting(ctx: AnswerContext): Answer {
  return { reply: { text: ctx.say('smalltalk.greeting', { title: ctx.event.title }), suggestions: suggestions(ctx) } };
}

export function composeThanks(ctx: AnswerContext): Answer {
  return { reply: { text: ctx.say('smalltalk.thanks'), suggestions: suggestions(ctx).slice(0, 2) } };
}

export function composeAck(ctx: AnswerContext): Answer {
  return { reply: { text: ctx.say('smalltalk.ack'), suggestions: suggestions(ctx).slice(0, 2) } };
}

export function composeBye(ctx: AnswerContext): Answer {
  return { reply: { text: ctx.say('smalltalk.bye', { title: ctx.event.title }) } };
}

export function composeHelp(ctx: AnswerContext): Answer {
  return {
    reply: {
      text: ctx.say(ctx.lifecycle.phase === 'ended' ? 'smalltalk.help.ended' : 'smalltalk.help', { capabilities: capabilities(ctx) }),
      suggestions: [...suggestions(ctx), ctx.say(botRegistersNow(ctx.lifecycle) ? 'smalltalk.help.register' : 's.showReports')],
    },
  };
}

export function composeFallback(ctx: AnswerContext): Answer {
  return { reply: { text: ctx.say('smalltalk.fallback', { title: ctx.event.title }), suggestions: suggestions(ctx) } };
}

/** Two readings were close: which one was meant, each offered as the question it would answer. */
export function composeClarify(written: string[], language: Language = DEFAULT_LANGUAGE): Answer {
  // (the readings are the bot's own words, nlu/<lang>/readings.json: typeset as its other text is)
  const readings = written.map((r) => typeset(language, r));
  const quoted = readings.map((r) => say(language, 'quote', { text: r }));
  return { reply: { text: say(language, 'smalltalk.clarify', { options: quoted.slice(0, -1).join(', '), last: quoted[quoted.length - 1]! }), suggestions: readings } };
}

/**
 * A request to attack someone or to produce something: declined plainly. A harmful one gets nothing of the
 * programme attached (not even the defender's view of its topic); a task gets what the event offers on it.
 */
export function composeRefusal(ctx: AnswerContext, harmful: boolean, sessions: Session[]): Answer {
  const no = ctx.say(harmful ? 'refusal.harmful' : 'refusal.task');
  const offer = sessions.length && !harmful
    ? ctx.say('refusal.offer', { title: ctx.event.title, sessions: sessions.map((s) => `${titleInSentence(s.title)} (${ctx.sessionWhen(s)})`).join(ctx.semicolon) })
    : ctx.say('refusal.only', { title: ctx.event.title });
  return { reply: { text: `${no} ${offer}`, suggestions: suggestions(ctx) } };
}
