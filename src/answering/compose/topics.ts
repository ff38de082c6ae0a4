// Answers about the event's topics (a lab, an initiative): what it is, when it was set up, what it
// does, where its page is.
import type { Topic } from '../../event/schema.ts';
import type { AnswerContext } from '../context.ts';
import { titleInSentence } from './sessions.ts';
import type { Answer } from './types.ts';
import type { QuestionSlots } from '../../understanding/slots.ts';

export function composeTopic(ctx: AnswerContext, topic: Topic, slots: QuestionSlots): Answer {
  // Where the programme covers it: a talk named after it (with its speaker), or a session that mentions it.
  const names = [topic.name, ...topic.aliases].map((a) => a.toLowerCase());
  const mentions = (x: string | undefined) => !!x && names.some((a) => x.toLowerCase().includes(a));
  const covering = ctx.agenda.sessions.filter((s) => s.speakers.some((x) => mentions(x.talkTitle)) || [s.title, s.description, ...s.keywords].some(mentions));
  const coverage = ctx.agenda.sessions.flatMap((s) => {
    const talks = s.speakers.filter((x) => mentions(x.talkTitle));
    if (talks.length) return talks.map((x) => ctx.say('topic.talkBy', { talk: x.talkTitle!, name: ctx.agenda.speaker(x.speakerId)?.name ?? x.speakerId, title: titleInSentence(s.title), when: ctx.sessionWhen(s) }));
    return [s.title, s.description, ...s.keywords].some(mentions) ? [`${titleInSentence(s.title)} (${ctx.sessionWhen(s)})`] : [];
  });
  // "when is the lab introduced, and by whom?": the programme item, not the lab's founding date.
  const inProgramme = coverage.length > 0 && slots.topic.programme;
  const when = !inProgramme && topic.established && slots.topic.when;
  const does = topic.objectives.length && slots.topic.does;
  const where = topic.url && slots.topic.where;
  const lead = inProgramme
    ? ctx.say('topic.inProgramme', { name: topic.name, where: coverage[0] })
    : when
    ? ctx.say('topic.setUpIn', { name: topic.name, when: topic.established! })
    : where
      ? `${topic.name}: ${topic.url}`
      : does
        ? ctx.say('topic.does', { name: topic.name })
        : `${topic.name}: ${topic.summary}`;
  const lines = [slots.asksCount && topic.objectives.length ? ctx.say('topic.objectivesCount', { name: topic.name, n: topic.objectives.length }) : lead];
  if (lead !== `${topic.name}: ${topic.summary}`) lines.push(topic.summary);
  if (topic.objectives.length) lines.push(`${ctx.say('topic.objectives')}\n${topic.objectives.map((o) => `• ${o}`).join('\n')}`);
  if (topic.established && !when) lines.push(ctx.say('topic.setUp', { when: topic.established }));
  if (topic.url && !where) lines.push(ctx.say('topic.more', { url: topic.url }));
  const rest = inProgramme ? coverage.slice(1) : coverage;
  if (rest.length) lines.push(ctx.say(inProgramme ? 'topic.alsoCovered' : 'topic.covered', { list: rest.join(ctx.semicolon) }));
  return {
    reply: {
      text: lines.join('\n'),
      suggestions: [ctx.say('s.showAgenda'), ctx.say('s.reports')],
    },
    // The session that presents it is "it" next ("remind me", "what time?") when the answer was about the programme.
    memory: { ...ctx.memory, topicId: topic.id, ...(inProgramme && covering.length ? { sessionId: covering[0].id, day: covering[0].day } : {}) },
  };
}
