// Answers about the event's topics (a lab, an initiative): what it is, when it was set up, what it
// does, where its page is.
import type { Topic } from '../../event/schema.ts';
import { card, heading, para } from '../cards.ts';
import type { AnswerContext } from '../context.ts';
import type { Answer } from './types.ts';

export function composeTopic(ctx: AnswerContext, topic: Topic, t: string): Answer {
  const when = topic.established && /\b(when|set up|established|founded|created|launched|started|since|year|how old|begin|began)\b/.test(t);
  const does = topic.objectives.length && /\b(objectives?|goals?|aims?|purpose|does|do|doing|role|tasks?|mission|for)\b/.test(t);
  const where = topic.url && /\b(where|link|url|page|site|website|reports?|find)\b/.test(t);
  const lead = when
    ? `${topic.name} was set up in ${topic.established}.`
    : where
      ? `${topic.name}: ${topic.url}`
      : does
        ? `What ${topic.name} does:`
        : `${topic.name}: ${topic.summary}`;
  const lines = [lead];
  if (lead !== `${topic.name}: ${topic.summary}`) lines.push(topic.summary);
  if (topic.objectives.length) lines.push(`Objectives:\n${topic.objectives.map((o) => `• ${o}`).join('\n')}`);
  if (topic.established && !when) lines.push(`Set up: ${topic.established}.`);
  if (topic.url && !where) lines.push(`More: ${topic.url}`);
  const sessions = ctx.agenda.sessions.filter((s) => [s.title, s.description ?? '', ...s.keywords, ...s.speakers.map((x) => x.talkTitle ?? '')].some((x) => [topic.name, ...topic.aliases].some((a) => x.toLowerCase().includes(a.toLowerCase()))));
  if (sessions.length) lines.push(`Covered in: ${sessions.map((s) => `${s.title} (${ctx.sessionWhen(s)})`).join('; ')}`);
  return {
    reply: {
      text: lines.join('\n'),
      card: card([heading(topic.name), para(topic.summary), ...topic.objectives.map((o) => para(`• ${o}`))], topic.url ? [{ title: topic.name, url: topic.url }] : []),
      suggestions: ['Show the agenda', 'What reports are there?'],
    },
    memory: { ...ctx.memory, topicId: topic.id },
  };
}
