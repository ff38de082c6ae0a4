// Answers about speakers: who someone is, what and when they present, who else, speakers of an
// organisation, all speakers.
import type { Session } from '../../event/agenda.ts';
import type { Speaker } from '../../event/schema.ts';
import type { SpeakerAspect } from '../../understanding/intents.ts';
import { isWith, type Organisation } from '../../understanding/organisations.ts';
import type { ReplyContent } from '../../conversation/content.ts';
import type { AnswerContext } from '../context.ts';
import { composeReports } from './reports.ts';
import { speakerLabel, titleInSentence } from './sessions.ts';
import type { Answer } from './types.ts';

function talkLine(ctx: AnswerContext, sp: Speaker, s: Session) {
  const talk = s.speakers.find((x) => x.speakerId === sp.id)?.talkTitle;
  return `${talk ? ctx.say('speaker.talkIn', { talk }) : ''}${s.title} — ${ctx.sessionWhen(s)}`;
}

/** A speaker's profile: who they are, then a row per session (its times, the talk, the day). */
function speakerContent(ctx: AnswerContext, sp: Speaker, sessions: Session[], introduced: boolean): ReplyContent {
  return {
    title: sp.name,
    // (not when the lead already said who they are)
    ...(introduced ? {} : { subtitle: [sp.title, sp.unit, sp.organisation].filter(Boolean).join(', ') }),
    zones: sessions.length ? ctx.zoneColumns() : undefined,
    sections: sessions.length
      ? [{ rows: sessions.map((s) => {
          const talk = s.speakers.find((x) => x.speakerId === sp.id)?.talkTitle;
          return { times: ctx.times(s.startsAt, s.endsAt), title: talk ? `“${talk}”` : titleInSentence(s.title), detail: `${talk ? `${titleInSentence(s.title)} · ` : ''}${ctx.dayLabel(s.day)}` };
        }) }]
      : [],
  };
}

/**
 * "Day 1, 10:20–11:50 (09:20–10:50)": one session's time in a list row, in the content's zones in order; the
 * zones are named once, in the note under the list, not after every time.
 */
function shortWhen(ctx: AnswerContext, s: Session): string {
  const [main, ...others] = ctx.times(s.startsAt, s.endsAt);
  return `${ctx.agenda.days.length > 1 ? ctx.shortDay(s.day) : ctx.dayLabel(s.day)}, ${main}${others.length ? ` (${others.join(ctx.semicolon)})` : ''}`;
}

export function composeSpeaker(ctx: AnswerContext, speakers: Speaker[], aspect: SpeakerAspect, first = false, session?: Session, day?: number, nth?: number): Answer {
  const sp = speakers[0];
  if (aspect === 'absent') return absentFrom(ctx, speakers, day);
  let sessions = ctx.agenda.sessionsOfSpeaker(sp.id);
  // A day asked about narrows the sessions to it; a day without any of theirs is said, then all are shown.
  const onDay = day ? sessions.filter((s) => s.day === day) : [];
  const notThatDay = day && ctx.agenda.day(day) && !onDay.length && sessions.length ? ctx.say('speaker.noneOnDay', { name: sp.name, day: ctx.dayLabel(day) }) : '';
  if (onDay.length && speakers.length === 1) sessions = onDay;
  if (first && sessions.length) sessions = sessions.slice(0, 1);
  else if (nth && speakers.length === 1) {
    const picked = nth < 0 ? sessions[sessions.length - 1] : sessions[nth - 1];
    if (picked) sessions = [picked];
  }
  const talks = sessions.map((s) => talkLine(ctx, sp, s));
  let lead: string;
  let others: Speaker[] = [];
  switch (aspect) {
    case 'reports':
      return composeReports(ctx, undefined, ctx.agenda.sessionsOfSpeaker(sp.id));
    case 'member': {
      const yes = session && session.speakers.some((x) => x.speakerId === sp.id);
      const by = session ? ctx.speakerNames(session) : [];
      lead = yes
        ? ctx.say('speaker.memberYes', { name: sp.name, title: session!.title, when: ctx.sessionWhen(session!) })
        : ctx.say('speaker.memberNo', { name: sp.name, title: session!.title, by: by.length ? ctx.say('speaker.givenBy', { names: by.join(', ') }) : '', talks: talks.join(ctx.semicolon) || ctx.say('speaker.noSessionWord') });
      break;
    }
    case 'when':
      lead = notThatDay + (sessions.length ? ctx.say(sessions.length > 1 ? 'speaker.speaksInN' : 'speaker.speaksIn', { name: sp.name, n: sessions.length, talks: talks.join(ctx.semicolon) }) : ctx.say('speaker.noSession', { name: sp.name }));
      break;
    case 'talks':
      lead = notThatDay + (sessions.length ? ctx.say('speaker.presents', { name: sp.name, talks: talks.join(ctx.semicolon) }) : ctx.say('speaker.noSession', { name: sp.name }));
      break;
    case 'organisation':
      lead = sp.title ? ctx.say('speaker.orgTitled', { name: sp.name, org: sp.organisation, title: `${sp.title}${sp.unit ? `, ${sp.unit}` : ''}` }) : ctx.say('speaker.org', { name: sp.name, org: sp.organisation });
      break;
    case 'contact': {
      const c = ctx.event.contact;
      // The speaker may be the event's contact person.
      if (c.name === sp.name) {
        lead = ctx.say('speaker.isContact', { name: sp.name, title: ctx.event.title, reach: `${c.email}${c.phone ? ctx.say('speaker.phone', { phone: c.phone }) : ''}` });
        break;
      }
      lead = ctx.say('speaker.noContact', { name: sp.name, org: sp.organisation ? ` (${sp.organisation})` : '', title: ctx.event.title, contact: c.name, reach: `${c.email}${c.phone ? ctx.say('speaker.phone', { phone: c.phone }) : ''}` });
      break;
    }
    case 'title':
      lead = sp.title ? ctx.say('speaker.title', { name: sp.name, title: `${sp.title}${sp.unit ? `, ${sp.unit}` : ''}, ${sp.organisation}` }) : ctx.say('speaker.noTitle', { name: sp.name, org: sp.organisation });
      break;
    case 'others': {
      others = [...new Set(sessions.flatMap((s) => ctx.agenda.speakersOf(s).map((x) => x.speaker)).filter((o) => o.id !== sp.id))];
      // Those who give the same talk come first: "who is he presenting it with?"
      const talkOf = (id: string) => sessions.flatMap((s) => s.speakers).find((x) => x.speakerId === id)?.talkTitle;
      const own = talkOf(sp.id);
      const cotalk = own ? others.filter((o) => talkOf(o.id) === own) : [];
      const rest = others.filter((o) => !cotalk.includes(o));
      lead = cotalk.length
        ? `${ctx.say('speaker.cotalk', { name: sp.name, talk: own!, with: cotalk.map(speakerLabel).join(ctx.semicolon) })}${rest.length ? ctx.say('speaker.alsoInSession', { list: rest.map(speakerLabel).join(ctx.semicolon) }) : ''}`
        : others.length ? ctx.say('speaker.with', { name: sp.name, list: others.map(speakerLabel).join(ctx.semicolon) }) : ctx.say('speaker.alone', { name: sp.name });
      if (cotalk.length) others = cotalk;
      break;
    }
    default:
      lead = `${speakerLabel(sp)}.`;
  }
  // "when do they speak?", "what do they talk about?" for several people: each one's talks.
  const several = speakers.length > 1 && (aspect === 'when' || aspect === 'talks');
  if (several) lead = speakers.map((o) => `${o.name}${ctx.language === 'fr' ? '\u00a0:' : ':'} ${ctx.agenda.sessionsOfSpeaker(o.id).map((x) => talkLine(ctx, o, x)).join(ctx.semicolon) || ctx.say('speaker.noSessionListed')}.`).join('\n');
  const more = several ? [] : speakers.slice(1).map((o) => ctx.say('speaker.also', { label: speakerLabel(o) }));
  const text = [lead, aspect === 'profile' || aspect === 'title' || aspect === 'organisation' ? ctx.say('speaker.sessions', { talks: talks.join(ctx.semicolon) || ctx.say('speaker.noneListed') }) : speakerLabel(sp), ...more].join('\n');
  return {
    reply: {
      text,
      // Several people's talks ("when do they speak?") are all in the text; one person gets their profile.
      ...(several
        ? {}
        : {
            // The card lists the sessions: the line before it says how many rather than listing them too.
            lead: [(aspect === 'when' || aspect === 'talks') && sessions.length > 1 ? `${notThatDay}${ctx.say('speaker.speaksCount', { name: sp.name, n: sessions.length })}` : lead, ...more].join('\n'),
            content: speakerContent(ctx, sp, sessions, !['member', 'when', 'talks', 'contact', 'others'].includes(aspect)),
          }),
      suggestions: [ctx.say('s.whenSpeaks', { name: sp.name }), ctx.say('s.speakers'), ctx.say('s.showAgenda')],
    },
    // The speakers just shown stay referable as "they"/"them" on the next turn (singular they included).
    // After "who else speaks with X?", "he" is the other speaker when there is just one.
    memory: others.length
      ? { ...ctx.memory, speakerId: others.length === 1 ? others[0].id : sp.id, sessionId: sessions[0]?.id ?? ctx.memory.sessionId, day: sessions[0]?.day ?? ctx.memory.day, listed: { kind: 'speaker', ids: others.map((o) => o.id) } }
      : { ...ctx.memory, speakerId: sp.id, sessionId: session && sessions.includes(session) ? session.id : sessions.length >= 1 ? sessions[0].id : ctx.memory.sessionId, day: sessions[0]?.day ?? ctx.memory.day, listed: listedAfter(ctx, sp, speakers, sessions, aspect) },
  };
}

/** "which day 2 sessions does Mauree NOT speak in?": the items (breaks aside) of that day, or all, without them. */
function absentFrom(ctx: AnswerContext, speakers: Speaker[], day?: number): Answer {
  const ids = new Set(speakers.map((sp) => sp.id));
  const names = speakers.map((sp) => sp.name).join(ctx.say('word.and'));
  const scope = day && ctx.agenda.day(day) ? ctx.agenda.sessions.filter((s) => s.day === day) : ctx.agenda.sessions;
  const without = scope.filter((s) => s.kind !== 'break' && !s.speakers.some((x) => ids.has(x.speakerId)));
  const onDay = day && ctx.agenda.day(day) ? ctx.say('count.onDay', { day: ctx.dayLabel(day) }) : '';
  const line = (s: Session) => `• ${ctx.sessionWhen(s)} — ${s.title}${ctx.speakerNames(s).length ? ` (${ctx.speakerNames(s).join(', ')})` : ''}`;
  const text = without.length ? `${ctx.say('speaker.absent', { names, onDay, n: without.length })}\n${without.map(line).join('\n')}` : ctx.say('speaker.inAll', { names, onDay });
  return {
    reply: { text, suggestions: [ctx.say('s.whenSpeaks', { name: speakers[0].name }), ctx.say('s.showAgenda')] },
    memory: { ...ctx.memory, speakerId: speakers[0].id, day: day ?? ctx.memory.day, sessionId: without.length === 1 ? without[0].id : ctx.memory.sessionId, listed: without.length ? { kind: 'session', ids: without.map((s) => s.id) } : ctx.memory.listed },
  };
}

function speakerList(ctx: AnswerContext, title: string, speakers: Speaker[]): Answer {
  // Each speaker's talk titles with their times: "the Adaptive Mobile speaker, what is his talk?"
  const row = (sp: Speaker) => {
    const talks = ctx.agenda.sessionsOfSpeaker(sp.id).map((s) => {
      const talk = s.speakers.find((x) => x.speakerId === sp.id)?.talkTitle;
      return `${talk ? `“${talk}”, ` : ''}${ctx.sessionWhen(s)}`;
    });
    return `${speakerLabel(sp)}${talks.length ? ` — ${talks.join(ctx.semicolon)}` : ''}`;
  };
  const shared = sharedSession(ctx, speakers);
  return {
    reply: {
      text: `${title}\n${speakers.map((s) => `• ${row(s)}`).join('\n')}`,
      lead: speakers.length === 1 ? `${title.replace(/[\s\u00a0]*:$/, '')}${ctx.language === 'fr' ? '\u00a0:' : ':'} ${speakers[0].name}.` : title.replace(/[\s\u00a0]*:$/, '.'),
      content: {
        title: ctx.say('speakers.count', { n: speakers.length }),
        zones: ctx.zoneColumns(),
        sections: [{ rows: speakers.map((sp) => ({ title: sp.name, detail: [sp.title, sp.organisation].filter(Boolean).join(', '), lines: talksOf(ctx, sp) })) }],
      },
      suggestions: speakers.slice(0, 2).map((s) => ctx.say('s.whenSpeaks', { name: s.name })).concat(ctx.say('s.showAgenda')),
    },
    // Speakers who share one session make it "that session" for the next turn.
    memory: {
      ...ctx.memory,
      ...(speakers.length === 1 ? { speakerId: speakers[0].id } : { listed: { kind: 'speaker' as const, ids: speakers.map((s) => s.id) } }),
      ...(shared ? { sessionId: shared.id } : {}),
    },
  };
}

/** A speaker's talks, one line each: "“Talk title”, Day 1, 10:20–11:50 EAT". */
function talksOf(ctx: AnswerContext, sp: Speaker): string[] {
  return ctx.agenda.sessionsOfSpeaker(sp.id).map((s) => {
    const talk = s.speakers.find((x) => x.speakerId === sp.id)?.talkTitle;
    return `${talk ? `“${talk}”` : titleInSentence(s.title)} — ${shortWhen(ctx, s)}`;
  });
}

function sharedSession(ctx: AnswerContext, speakers: Speaker[]) {
  const sessions = speakers.map((sp) => ctx.agenda.sessionsOfSpeaker(sp.id));
  const common = sessions[0]?.filter((s) => sessions.every((list) => list.includes(s))) ?? [];
  return common.length === 1 ? common[0] : undefined;
}

export function composeAllSpeakers(ctx: AnswerContext, everyDay = false): Answer {
  if (everyDay && ctx.agenda.days.length > 1) {
    // "which speakers appear on both days?"
    const all = ctx.event.speakers.filter((sp) => ctx.agenda.days.every((d) => ctx.agenda.sessionsOfSpeaker(sp.id).some((s) => s.day === d.day)));
    if (!all.length) return { reply: { text: ctx.say('speakers.everyDayNone', { title: ctx.event.title }), suggestions: [ctx.say('s.speakers')] } };
    return speakerList(ctx, ctx.say('speakers.everyDay', { title: ctx.event.title, n: all.length }), all);
  }
  return speakerList(ctx, ctx.say('speakers.all', { title: ctx.event.title, n: ctx.event.speakers.length }), ctx.event.speakers);
}

export function composeOrganisationSpeakers(ctx: AnswerContext, org: Organisation, session?: Session): Answer {
  const all = ctx.event.speakers.filter((s) => isWith(s, org));
  const name = org.shortName && org.shortName !== org.name ? `${org.name} (${org.shortName})` : org.name;
  const inSession = session ? all.filter((sp) => session.speakers.some((x) => x.speakerId === sp.id)) : [];
  if (session && inSession.length) return speakerList(ctx, ctx.say('speakers.fromIn', { org: name, title: titleInSentence(session.title) }), inSession);
  const speakers = all;
  if (!speakers.length) {
    return { reply: { text: ctx.say('speakers.noneFrom', { org: name, organiser: org.organiser ? ctx.say('speakers.noneFromOrganiser', { org: name, title: ctx.event.title }) : '' }), suggestions: [ctx.say('s.speakers')] } };
  }
  return speakerList(ctx, ctx.say('speakers.from', { org: name, organiser: org.organiser ? ctx.say('speakers.anOrganiser') : '' }), speakers);
}

export function composeOrganisation(ctx: AnswerContext, org: Organisation): Answer {
  const speakers = ctx.event.speakers.filter((s) => isWith(s, org));
  const name = org.shortName && org.shortName !== org.name ? `${org.name} (${org.shortName})` : org.name;
  // An organiser is named with the others it runs the event with ("ITU … together with EACO").
  const partners = ctx.event.organisers.filter((o) => o.name !== org.name).map((o) => (o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name));
  const title = ctx.event.title;
  const many = speakers.length > 1;
  const role = org.organiser
    ? ctx.say('org.organiser', { name, title, partners: partners.length ? ctx.say('org.partners', { names: partners.join(ctx.say('list.and')) }) : '' })
    : org.unitOf
      ? ctx.say(many ? 'org.unitMany' : 'org.unitOne', { name, parent: org.unitOf, title })
      : ctx.say(many ? 'org.ofSpeakerMany' : 'org.ofSpeakerOne', { name, title });
  const who = speakers.length ? `\n${ctx.say('org.speakersFrom', { org: org.shortName ?? org.name, names: speakers.map((s) => s.name).join(', ') })}` : '';
  return { reply: { text: `${role}${org.url ? ` ${org.url}` : ''}${who}`, suggestions: [ctx.say('s.speakers'), ctx.say('s.organisers')] } };
}

/** "is Bill Gates speaking?": nobody of that name is in the programme; never guess a session for them. */
export function composeUnknownSpeaker(ctx: AnswerContext, name: string): Answer {
  const all = ctx.event.speakers.map((s) => s.name);
  return {
    reply: {
      text: `${ctx.say('speaker.unknown', { name, title: ctx.event.title })}${all.length ? `\n${ctx.say('speaker.unknownList', { list: all.join(ctx.semicolon) })}` : ''}`,
      suggestions: [ctx.say('s.speakers'), ctx.say('s.showAgenda')],
    },
  };
}

/** "who speaks right after Mauree on day 2?": the nearest item with speakers before or after theirs (on that day). */
export function composeAdjacentSpeaker(ctx: AnswerContext, sp: Speaker, after: boolean, day?: number): Answer {
  const own = ctx.agenda.sessionsOfSpeaker(sp.id);
  const session = (day ? own.find((s) => s.day === day) : undefined) ?? own[0];
  if (!session) return { reply: { text: ctx.say('adjacent.noSession', { name: sp.name }), suggestions: [ctx.say('s.showAgenda')] } };
  // Within the session first: the speaker whose talk comes next in it ("who follows him in that session?").
  const inSession = ctx.agenda.speakersOf(session);
  const j = inSession.findIndex((x) => x.speaker.id === sp.id);
  const neighbour = j >= 0 ? inSession[after ? j + 1 : j - 1] : undefined;
  if (neighbour) {
    const talk = neighbour.talkTitle ? ` (“${neighbour.talkTitle}”)` : '';
    return {
      reply: { text: ctx.say(after ? 'adjacent.sameAfter' : 'adjacent.sameBefore', { name: sp.name, other: neighbour.speaker.name, talk, title: titleInSentence(session.title), when: ctx.sessionWhen(session) }), suggestions: [ctx.say('s.whoIs', { name: neighbour.speaker.name }), ctx.say('s.showAgenda')] },
      memory: { ...ctx.memory, speakerId: neighbour.speaker.id, sessionId: session.id, day: session.day },
    };
  }
  const sameDay = ctx.agenda.sessions.filter((s) => s.day === session.day);
  const i = sameDay.indexOf(session);
  const around = after ? sameDay.slice(i + 1) : sameDay.slice(0, i).reverse();
  const other = around.find((s) => s.speakers.length > 0 && s.kind !== 'break');
  const where = ctx.say('adjacent.where', { name: sp.name, title: titleInSentence(session.title), when: ctx.sessionWhen(session) });
  if (!other) {
    return {
      reply: { text: ctx.say(after ? 'adjacent.noneAfter' : 'adjacent.noneBefore', { where }), suggestions: [ctx.say('s.showAgenda')] },
      memory: { ...ctx.memory, speakerId: sp.id, sessionId: session.id, day: session.day },
    };
  }
  const names = ctx.speakerNames(other);
  const between = around.slice(0, around.indexOf(other)).map((s) => s.title.toLowerCase());
  return {
    reply: {
      text: `${ctx.say(after ? 'adjacent.after' : 'adjacent.before', { name: sp.name, names: names.join(', '), title: titleInSentence(other.title), when: ctx.sessionWhen(other) })}${between.length ? ctx.say('adjacent.between', { list: between.join(', ') }) : ''}\n${where}.`,
      suggestions: names.slice(0, 1).map((n) => ctx.say('s.whoIs', { name: n })).concat(ctx.say('s.showAgenda')),
    },
    memory: { ...ctx.memory, speakerId: names.length === 1 ? ctx.agenda.speakersOf(other)[0].speaker.id : ctx.memory.speakerId, sessionId: other.id, day: other.day },
  };
}

/** What "the second one" means after a speaker answer: their sessions when those were listed, else the speakers. */
function listedAfter(ctx: AnswerContext, sp: Speaker, speakers: Speaker[], sessions: Session[], aspect: SpeakerAspect) {
  if ((aspect === 'when' || aspect === 'talks') && speakers.length === 1 && sessions.length > 1) return { kind: 'session' as const, ids: sessions.map((s) => s.id) };
  return ctx.memory.listed?.kind === 'speaker' && ctx.memory.listed.ids.includes(sp.id) ? ctx.memory.listed : { kind: 'speaker' as const, ids: speakers.map((s) => s.id) };
}

/** "is there anyone from Safaricom?": no speaker or organiser is; the organisations that are there. */
export function composeUnknownOrganisation(ctx: AnswerContext, name: string): Answer {
  const orgs = [...new Set([...ctx.event.organisers.map((o) => o.shortName ?? o.name), ...ctx.event.speakers.map((sp) => sp.organisation)])];
  return { reply: { text: ctx.say('org.none', { name, title: ctx.event.title, list: orgs.join(', ') }), suggestions: [ctx.say('s.speakers')] } };
}
