// Changing what an attendee is reminded about: a pure function from (registration, request, agenda) to a
// registration patch and the reply. The bot edge stores the patch.
import type { Reply } from '../conversation/types.ts';
import type { Agenda, Session } from '../event/agenda.ts';
import type { Registration } from '../registration/registration.ts';
import { sessionTitle, timeRange } from './messages.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';
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
  /** The language to answer in (the turn's). */
  language?: Language;
}

function targetsOf(request: SubscriptionRequest, agenda: Agenda): { sessions: Session[]; onlyBreaks: boolean } | undefined {
  let asked: Session[] | undefined;
  if (request.sessionIds?.length) asked = request.sessionIds.map((id) => agenda.session(id)).filter((s): s is Session => !!s);
  else if (request.day !== undefined) asked = agenda.day(request.day)?.sessions ?? [];
  if (!asked) return undefined;
  const sessions = asked.filter(remindable);
  return { sessions, onlyBreaks: asked.length > 0 && sessions.length === 0 };
}

const line = (s: Session, agenda: Agenda, ctx: Ctx) => {
  const language = ctx.language ?? DEFAULT_LANGUAGE;
  const started = s.startsAt.toMillis() <= ctx.now ? say(language, 'rem.sub.alreadyStarted') : '';
  return say(language, 'rem.sub.line', { day: s.day, range: timeRange(s, agenda, ctx.userZone, language), title: sessionTitle(s, agenda, language), started });
};

export function applySubscriptionChange(reg: Registration, request: SubscriptionRequest, agenda: Agenda, ctx: Ctx): SubscriptionResult {
  const all = agenda.sessions.filter(remindable);
  const targets = targetsOf(request, agenda);
  const followed = new Set(reg.reminders === 'all' ? all.map((s) => s.id) : reg.reminders === 'none' ? [] : reg.followedSessionIds);
  const language = ctx.language ?? DEFAULT_LANGUAGE;
  const t = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  const which = [t('rem.s.which')];

  if (targets?.onlyBreaks) return { reply: { text: t('rem.sub.break'), suggestions: which } };
  if (targets && !targets.sessions.length)
    return { reply: { text: request.day !== undefined ? t('rem.sub.noDay', { day: request.day }) : t('rem.sub.noSession'), suggestions: [t('rem.s.day1')] } };

  if (request.action === 'follow') {
    if (!targets) {
      return {
        patch: { reminders: 'all', followedSessionIds: reg.followedSessionIds },
        reply: { text: t('rem.sub.allDone', { n: ctx.leadMinutes }), suggestions: which },
      };
    }
    // A session that has started (or ended) has nothing left to remind about.
    const upcoming = targets.sessions.filter((s) => s.startsAt.toMillis() > ctx.now);
    const started = targets.sessions.filter((s) => s.startsAt.toMillis() <= ctx.now);
    const onNow = started.filter((s) => s.endsAt.toMillis() > ctx.now);
    const titles = started.map((s) => sessionTitle(s, agenda, language)).join('; ');
    const startedNote = started.length
      ? `${t(`rem.sub.${onNow.length === started.length ? 'started' : 'ended'}.${started.length > 1 ? 'many' : 'one'}`, { titles })}${onNow.length ? t('rem.sub.onNow') : ''}.`
      : '';
    if (!upcoming.length) return { reply: { text: startedNote, suggestions: onNow.length ? [t('rem.s.join'), t('rem.s.next')] : [t('rem.s.next')] } };
    if (reg.reminders === 'all')
      return { reply: { text: `${t('rem.sub.alreadyAll')}\n${upcoming.map((s) => line(s, agenda, ctx)).join('\n')}${startedNote ? `\n${startedNote}` : ''}`, suggestions: which } };
    upcoming.forEach((s) => followed.add(s.id));
    return {
      patch: { reminders: 'choose', followedSessionIds: all.filter((s) => followed.has(s.id)).map((s) => s.id) },
      reply: {
        text: `${t('rem.sub.followed', { n: ctx.leadMinutes })}\n${upcoming.map((s) => line(s, agenda, ctx)).join('\n')}${startedNote ? `\n${startedNote}` : ''}`,
        suggestions: [t('rem.s.which'), t('rem.s.stop')],
      },
    };
  }

  if (!targets) {
    if (reg.reminders === 'none' || followed.size === 0) return { reply: { text: t('rem.sub.nothingToStop'), suggestions: [t('rem.s.all')] } };
    return {
      patch: { reminders: 'none', followedSessionIds: [] },
      reply: { text: t('rem.sub.stopped'), suggestions: [t('rem.s.all')] },
    };
  }
  const removed = targets.sessions.filter((s) => followed.has(s.id));
  if (!removed.length) return { reply: { text: t('rem.sub.notFollowing'), suggestions: which } };
  removed.forEach((s) => followed.delete(s.id));
  return {
    patch: { reminders: 'choose', followedSessionIds: all.filter((s) => followed.has(s.id)).map((s) => s.id) },
    reply: { text: `${t('rem.sub.unfollowed')}\n${removed.map((s) => line(s, agenda, ctx)).join('\n')}`, suggestions: which },
  };
}
