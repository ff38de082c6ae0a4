// Changing what an attendee is reminded about: a pure function from (registration, request, agenda) to a
// registration patch and the reply. The bot edge stores the patch.
import type { Reply } from '../conversation/types.ts';
import type { Agenda, Session } from '../event/agenda.ts';
import type { Registration } from '../registration/registration.ts';
import { timeRange } from './messages.ts';
import { remindable } from './schedule.ts';

export interface SubscriptionRequest {
  action: 'follow' | 'unfollow';
  sessionIds?: string[];
  day?: number;
}

export interface SubscriptionResult {
  patch?: Pick<Registration, 'reminders' | 'followedSessionIds'>;
  reply: Reply;
}

interface Ctx {
  now: number;
  userZone?: string;
  leadMinutes: number;
}

function targetsOf(request: SubscriptionRequest, agenda: Agenda): { sessions: Session[]; onlyBreaks: boolean } | undefined {
  let asked: Session[] | undefined;
  if (request.sessionIds?.length) asked = request.sessionIds.map((id) => agenda.session(id)).filter((s): s is Session => !!s);
  else if (request.day !== undefined) asked = agenda.day(request.day)?.sessions ?? [];
  if (!asked) return undefined;
  const sessions = asked.filter(remindable);
  return { sessions, onlyBreaks: asked.length > 0 && sessions.length === 0 };
}

const line = (s: Session, agenda: Agenda, ctx: Ctx) =>
  `- Day ${s.day}, ${timeRange(s, agenda, ctx.userZone)}: ${s.title}${s.startsAt.toMillis() <= ctx.now ? ' (already started)' : ''}`;

export function applySubscriptionChange(reg: Registration, request: SubscriptionRequest, agenda: Agenda, ctx: Ctx): SubscriptionResult {
  const all = agenda.sessions.filter(remindable);
  const targets = targetsOf(request, agenda);
  const followed = new Set(reg.reminders === 'all' ? all.map((s) => s.id) : reg.reminders === 'none' ? [] : reg.followedSessionIds);

  if (targets?.onlyBreaks) return { reply: { text: "That's a break, so there's nothing to remind you about. I send reminders for sessions.", suggestions: ['Which reminders do I have?'] } };
  if (targets && !targets.sessions.length)
    return { reply: { text: `I couldn't find ${request.day !== undefined ? `day ${request.day}` : 'that session'} in the programme.`, suggestions: ['What is on day 1?'] } };

  if (request.action === 'follow') {
    if (!targets) {
      return {
        patch: { reminders: 'all', followedSessionIds: reg.followedSessionIds },
        reply: { text: `Done: I'll remind you ${ctx.leadMinutes} minutes before every session.`, suggestions: ['Which reminders do I have?'] },
      };
    }
    // A session that has started (or ended) has nothing left to remind about.
    const upcoming = targets.sessions.filter((s) => s.startsAt.toMillis() > ctx.now);
    const started = targets.sessions.filter((s) => s.startsAt.toMillis() <= ctx.now);
    const onNow = started.filter((s) => s.endsAt.toMillis() > ctx.now);
    const startedNote = started.length
      ? `${started.map((s) => s.title).join('; ')} ${started.length > 1 ? 'have' : 'has'} already ${onNow.length === started.length ? 'started' : 'begun or ended'}, so there's no reminder to set${onNow.length ? ': it is on now, say **how do I join?** for the joining details' : ''}.`
      : '';
    if (!upcoming.length) return { reply: { text: startedNote, suggestions: onNow.length ? ['How do I join?', 'What is next?'] : ['What is next?'] } };
    if (reg.reminders === 'all')
      return { reply: { text: `You already get a reminder before every session, including:\n${upcoming.map((s) => line(s, agenda, ctx)).join('\n')}${startedNote ? `\n${startedNote}` : ''}`, suggestions: ['Which reminders do I have?'] } };
    upcoming.forEach((s) => followed.add(s.id));
    return {
      patch: { reminders: 'choose', followedSessionIds: all.filter((s) => followed.has(s.id)).map((s) => s.id) },
      reply: {
        text: `Done: I'll remind you ${ctx.leadMinutes} minutes before:\n${upcoming.map((s) => line(s, agenda, ctx)).join('\n')}${startedNote ? `\n${startedNote}` : ''}`,
        suggestions: ['Which reminders do I have?', 'Stop reminders'],
      },
    };
  }

  if (!targets) {
    if (reg.reminders === 'none' || followed.size === 0) return { reply: { text: "You don't have any reminders, so there's nothing to stop.", suggestions: ['Remind me about all sessions'] } };
    return {
      patch: { reminders: 'none', followedSessionIds: [] },
      reply: { text: 'OK, no more reminders. Say "remind me about day 2" (or a session) whenever you want them back.', suggestions: ['Remind me about all sessions'] },
    };
  }
  const removed = targets.sessions.filter((s) => followed.has(s.id));
  if (!removed.length) return { reply: { text: "You weren't getting reminders for that anyway.", suggestions: ['Which reminders do I have?'] } };
  removed.forEach((s) => followed.delete(s.id));
  return {
    patch: { reminders: 'choose', followedSessionIds: all.filter((s) => followed.has(s.id)).map((s) => s.id) },
    reply: { text: `OK, no reminders for:\n${removed.map((s) => line(s, agenda, ctx)).join('\n')}`, suggestions: ['Which reminders do I have?'] },
  };
}
