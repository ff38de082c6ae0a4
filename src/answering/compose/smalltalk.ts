// Greetings, thanks, help, goodbye, and the polite refusal for questions outside the event.
import type { Session } from '../../event/agenda.ts';
import type { AnswerContext } from '../context.ts';
import { titleInSentence } from './sessions.ts';
import type { Answer } from './types.ts';

const SUGGESTIONS = ['Show the agenda', 'Who are the speakers?', 'Is registration required?', 'Which time zone are the times in?'];

function capabilities(ctx: AnswerContext): string {
  return `I can tell you about ${ctx.event.title}: the dates and agenda, sessions and their times (in your time zone too), speakers, related reports, registration, how to join, and the contact person. I can also register you and remind you before sessions.`;
}

export function composeGreeting(ctx: AnswerContext): Answer {
  return { reply: { text: `Hello! I'm the assistant for ${ctx.event.title}. Ask me anything about it — or type "help".`, suggestions: SUGGESTIONS } };
}

export function composeThanks(_ctx: AnswerContext): Answer {
  return { reply: { text: `You're welcome! Anything else I can help with?`, suggestions: SUGGESTIONS.slice(0, 2) } };
}

export function composeAck(_ctx: AnswerContext): Answer {
  return { reply: { text: 'Anything else I can help with?', suggestions: SUGGESTIONS.slice(0, 2) } };
}

export function composeBye(ctx: AnswerContext): Answer {
  return { reply: { text: `Goodbye, see you at ${ctx.event.title}!` } };
}

export function composeHelp(ctx: AnswerContext): Answer {
  return {
    reply: {
      text: `${capabilities(ctx)}\nTry: "what's on day 1?", "when is the next session?", "who is speaking?", "what time does day 1 start in Paris?", "register me", "remind me about day 1".`,
      suggestions: [...SUGGESTIONS, 'Register me'],
    },
  };
}

export function composeFallback(ctx: AnswerContext): Answer {
  return {
    reply: {
      text: `Sorry, I can only help with ${ctx.event.title} — its agenda, speakers, reports, registration and times. Try asking "show the agenda", "who are the speakers?" or "when does day 1 start?".`,
      suggestions: SUGGESTIONS,
    },
  };
}

/** Two readings were close: which one was meant, each offered as the question it would answer. */
export function composeClarify(readings: string[]): Answer {
  const quoted = readings.map((r) => `"${r}"`);
  return { reply: { text: `Did you mean ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}?`, suggestions: readings } };
}

/**
 * A request to attack someone or to produce something: declined plainly. A harmful one gets nothing of the
 * programme attached (not even the defender's view of its topic); a task gets what the event offers on it.
 */
export function composeRefusal(ctx: AnswerContext, harmful: boolean, sessions: Session[]): Answer {
  const no = harmful ? "Sorry, I can't help with that." : "Sorry, I can't do that.";
  const offer = sessions.length && !harmful
    ? `What ${ctx.event.title} offers on it is the defender's view: ${sessions.map((s) => `${titleInSentence(s.title)} (${ctx.sessionWhen(s)})`).join('; ')}.`
    : `I only answer questions about ${ctx.event.title} — its agenda, speakers, reports, registration and times.`;
  return { reply: { text: `${no} ${offer}`, suggestions: SUGGESTIONS } };
}
