// Answers about one programme item: when, who, how long, what about, which reports.
import type { Session } from '../../event/agenda.ts';
import type { Speaker } from '../../event/schema.ts';
import type { SessionAspect, StatusCheck } from '../../understanding/intents.ts';
import type { ReplyContent } from '../../conversation/content.ts';
import type { AnswerContext } from '../context.ts';
import { duration, fromNowLabel } from '../timeFormat.ts';
import type { Answer } from './types.ts';

/** One session in full: when (every zone once), how long, a row per speaker with their talk, reports, description. */
export function sessionContent(ctx: AnswerContext, s: Session): ReplyContent {
  const speakers = ctx.agenda.speakersOf(s);
  const reports = ctx.agenda.reportsOf(s);
  return {
    title: s.title,
    subtitle: `${ctx.sessionWhen(s)} · ${ctx.duration(s.durationMinutes)}`,
    sections: [
      ...(speakers.length ? [{ heading: ctx.say('card.speakers'), rows: speakers.map(({ speaker, talkTitle }) => ({ title: speaker.name, detail: [speaker.title, speaker.organisation].filter(Boolean).join(', '), lines: talkTitle ? [`“${talkTitle}”`] : [] })) }] : []),
      ...(s.description ? [{ paragraphs: [s.description] }] : []),
      ...(reports.length ? [{ heading: ctx.say(reports.length > 1 ? 'card.reports' : 'card.report'), rows: reports.map((r) => ({ title: r.title, url: r.url })) }] : []),
    ],
    links: [...reports.map((r) => ({ title: ctx.say('card.reportLink', { title: r.title }), url: r.url })), { title: ctx.say('card.eventPage'), url: ctx.event.eventPage }],
  };
}

export function speakerLabel(sp: Speaker) {
  return `${sp.name}${sp.title ? `, ${sp.title}` : ''}${sp.unit ? `, ${sp.unit}` : ''}, ${sp.organisation}`;
}

/** The full plain-text description of a session: the card's fallback. */
export function sessionText(ctx: AnswerContext, s: Session): string {
  const lines = [`${s.title}`, ctx.say('session.when', { when: ctx.sessionWhen(s), duration: ctx.duration(s.durationMinutes) })];
  const speakers = ctx.agenda.speakersOf(s);
  if (speakers.length) lines.push(ctx.say('session.speakersLine', { list: speakers.map(({ speaker, talkTitle }) => `${speakerLabel(speaker)}${talkTitle ? ` — “${talkTitle}”` : ''}`).join(ctx.semicolon) }));
  if (s.description) lines.push(s.description);
  const reports = ctx.agenda.reportsOf(s);
  if (reports.length) lines.push(ctx.say(reports.length > 1 ? 'session.reports.many' : 'session.reports.one', { list: reports.map((r) => `${r.title} — ${r.url}`).join(ctx.semicolon) }));
  return lines.join('\n');
}

/** A title inside a sentence: without the full stop some titles end with ("… audits for DFS."). */
export function titleInSentence(title: string): string {
  return title.replace(/\.+$/, '');
}

export function composeSession(ctx: AnswerContext, sessions: Session[], aspect: SessionAspect, check?: StatusCheck): Answer {
  const s = sessions[0];
  const title = titleInSentence(s.title);
  const speakers = ctx.speakerNames(s);
  let lead: string;
  switch (aspect) {
    case 'who':
      lead = ctx.say(speakers.length > 1 ? 'session.who.many' : speakers.length ? 'session.who.one' : 'session.who.none', { title, names: speakers.join(', '), when: ctx.sessionWhen(s) });
      break;
    case 'moderator':
      // The event data names speakers, not moderators or chairs: say so rather than pass a speaker off as one.
      lead = ctx.say('session.moderator', { title, speakers: speakers.length ? ctx.say(speakers.length > 1 ? 'session.moderator.many' : 'session.moderator.one', { names: speakers.join(', ') }) : '', when: ctx.sessionWhen(s) });
      break;
    case 'duration':
      lead = ctx.say('session.duration', { title, duration: ctx.duration(s.durationMinutes), when: ctx.sessionWhen(s) });
      break;
    case 'when':
      lead = ctx.say('session.on', { title, when: ctx.sessionWhen(s) });
      break;
    case 'status':
      lead = sessionStatus(ctx, s, check);
      break;
    default:
      lead = ctx.say('session.details', { title, when: ctx.sessionWhen(s) });
  }
  const also = sessions.slice(1, 3).map((o) => ctx.say('session.also', { title: titleInSentence(o.title), when: ctx.sessionWhen(o) }));
  const body = sessionText(ctx, s).split('\n').slice(1).join('\n');
  const first = speakers[0] ? ctx.agenda.speakersOf(s)[0].speaker : undefined;
  const suggestions = [
    aspect !== 'who' && speakers.length ? ctx.say('s.speakers') : undefined,
    ctx.agenda.reportsOf(s).length ? ctx.say('s.reportForIt') : undefined,
    s.kind !== 'break' ? ctx.say('s.remindSession') : undefined,
    ctx.say('s.showAgenda'),
  ].filter((x): x is string => !!x);
  return {
    reply: { text: [lead, body, ...also].join('\n'), lead: [lead, ...also].join('\n'), content: sessionContent(ctx, s), suggestions: suggestions.slice(0, 3) },
    memory: {
      ...ctx.memory,
      sessionId: s.id,
      day: s.day,
      speakerId: speakers.length === 1 && first ? first.id : ctx.memory.speakerId,
      reportId: ctx.agenda.reportsOf(s)[0]?.id ?? ctx.memory.reportId,
      // "who speaks at the opening?" → "what does the second one do?": the speakers (and their talks) just shown.
      // (after the session's details, "the second one" is the second talk: co-presenters of one talk are one item)
      ...((aspect === 'who' || aspect === 'details' || aspect === 'about') && speakers.length > 1 ? { listed: { kind: 'speaker' as const, ids: listedSpeakers(ctx, s, aspect === 'who') } } : {}),
    },
  };
}

/** Where a session stands against the bot's clock: to come (and how soon), on now (and how long left), or over. */
function sessionStatus(ctx: AnswerContext, s: Session, check?: StatusCheck): string {
  const title = titleInSentence(s.title);
  const start = +s.startsAt;
  const end = +s.endsAt;
  const phase = ctx.now < start ? 'before' : ctx.now < end ? 'on' : 'over';
  // The yes/no the question asked, for each phase: [before, on, over].
  const verdicts: Record<StatusCheck, [string, string, string]> = { missed: ['no', 'notAll', 'yes'], on: ['no', 'yes', 'no'], started: ['no', 'yes', 'yes'] };
  const verdict = check ? `${ctx.say(`verdict.${verdicts[check][phase === 'before' ? 0 : phase === 'on' ? 1 : 2]}`)} — ` : '';
  const subject = verdict ? title : capitalise(title);
  const bare = (ms: number) => ctx.fromNow(ms).replace(/^(in|dans) /, '');
  if (phase === 'before') return ctx.say('status.before', { verdict, subject, fromNow: ctx.fromNow(start - ctx.now), when: ctx.sessionWhen(s) });
  if (phase === 'on') return ctx.say('status.on', { verdict, subject, start: ctx.span(start), end: ctx.span(end), left: bare(end - ctx.now) });
  return ctx.say('status.over', { verdict, subject, ago: ctx.language === 'en' ? agoLabel(ctx.now - end) : bare(ctx.now - end), when: ctx.sessionWhen(s) });
}

/** A title or phrase put at the start of a sentence. */
export const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
/** "40 min ago", "2 hours ago", "3 days ago". */
const agoLabel = (ms: number) => `${fromNowLabel(ms).replace(/^in /, '')} ago`;

/** "which session has no speaker listed?" */
export function composeUnstaffedSessions(ctx: AnswerContext): Answer {
  const none = ctx.agenda.sessions.filter((s) => s.kind !== 'break' && !s.speakers.length);
  if (!none.length) return { reply: { text: ctx.say('unstaffed.none', { title: ctx.event.title }), suggestions: [ctx.say('s.speakers')] } };
  return {
    reply: { text: ctx.say('unstaffed.list', { list: none.map((s) => `${titleInSentence(s.title)} (${ctx.sessionWhen(s)}${s.kind !== 'talk' ? `, ${s.kind}` : ''})`).join(ctx.semicolon) }), suggestions: [ctx.say('s.showAgenda')] },
    memory: { ...ctx.memory, sessionId: none[0].id, day: none[0].day, listed: none.length > 1 ? { kind: 'session', ids: none.map((s) => s.id) } : ctx.memory.listed },
  };
}

/** "which sessions are most relevant for a regulator?": the sessions whose own words (title, talks, description) name the group. */
export function composeSessionsFor(ctx: AnswerContext, group: string): Answer {
  const stem = group.replace(/(s|ies|y|ors?|ers?)$/, '').slice(0, Math.max(4, group.length - 2));
  const text = (s: Session) => [s.title, s.description ?? '', ...s.keywords, ...s.speakers.map((x) => x.talkTitle ?? '')].join(' ').toLowerCase();
  const named = ctx.agenda.sessions.filter((s) => s.kind !== 'break' && text(s).includes(stem));
  const audience = ctx.event.audience.description;
  if (!named.length) {
    return { reply: { text: `The programme does not single out sessions for ${group}s; the whole clinic is meant for its audience: ${audience}`, suggestions: ['Show the agenda'] } };
  }
  return {
    reply: {
      text: `For ${group}s, these sessions speak to them directly:\n${named.map((s) => `• ${ctx.sessionWhen(s)} — ${s.title}${s.speakers.some((x) => x.talkTitle?.toLowerCase().includes(stem)) ? ` (“${s.speakers.find((x) => x.talkTitle?.toLowerCase().includes(stem))!.talkTitle}”)` : ''}`).join('\n')}\n${audience}`,
      suggestions: ['Show the agenda', 'Remind me about these sessions'],
    },
    memory: { ...ctx.memory, sessionId: named[0].id, day: named[0].day, listed: named.length > 1 ? { kind: 'session', ids: named.map((s) => s.id) } : ctx.memory.listed },
  };
}

/** The session's speakers in order, or one per distinct talk (its first presenter). */
function listedSpeakers(ctx: AnswerContext, s: Session, everyone: boolean): string[] {
  const seen = new Set<string>();
  return ctx.agenda.speakersOf(s).filter((x) => {
    const talk = x.talkTitle ?? x.speaker.id;
    if (!everyone && seen.has(talk)) return false;
    seen.add(talk);
    return true;
  }).map((x) => x.speaker.id);
}
