// Yes/no questions ("is Vijay Mauree speaking on day 2?", "does the clinic end at 1pm?", "is EACO
// involved?"): the answer composed for the question's kind, led by the verdict the event's data gives.
// Only kinds whose verdict the data decides get one; anything else is answered as it is.
import type { Reply } from '../../conversation/types.ts';
import type { Decided } from '../../understanding/decision.ts';
import type { Entities } from '../../understanding/entities.ts';
import type { AnswerContext } from '../context.ts';
import { isWith } from '../../understanding/organisations.ts';
import { instantOn } from './agenda.ts';
import { titleInSentence } from './sessions.ts';
import { zoned } from '../../understanding/zonedTime.ts';

/**
 * A yes/no question's reply led by its verdict ("Yes — …"), said once; the reply as composed when the question is
 * no yes/no question, the reply already says yes or no, or the data does not settle it.
 */
export function withVerdict(ctx: AnswerContext, d: Decided, e: Entities, reply: Reply): Reply {
  if (!d.slots.polar || !reply?.text) return reply;
  const verdict = polarVerdict(ctx, d, e);
  if (!verdict || /^(yes|no|oui|non)\b/i.test(reply.text)) return reply;
  // The verdict may repeat the answer's own first line ("Yes — it is fully virtual." / "It is fully virtual."): say it once.
  const [first, ...rest] = reply.text.split('\n');
  const same = verdict.replace(/^(yes|no|oui|non) — /i, '').toLowerCase() === first.toLowerCase();
  return { ...reply, text: same ? [verdict, ...rest].join('\n') : `${verdict}\n${reply.text}` };
}

/** The verdict line to lead with, or undefined when the data does not settle the question. */
export function polarVerdict(ctx: AnswerContext, d: Decided, e: Entities): string | undefined {
  const { slots } = d;
  const premise = slots.premise;
  const say = (id: string, vars: Record<string, string | number> = {}) => ctx.say(id, vars);
  const s = say;
  const yes = (ok: boolean, y: string, n: string) => (ok ? s('polar.yes', { text: y }) : s('polar.no', { text: n }));
  const and = s('list.and');
  switch (d.intent) {
    case 'speaker': {
      if (d.aspect === 'member' || d.aspect === 'contact' || d.aspect === 'reports') return undefined;
      const sp = d.speakers[0];
      const sessions = ctx.agenda.sessionsOfSpeaker(sp.id);
      // "Kibuuka opens day 2, doesn't he?": the item that opens (or closes) the day, and whether it is theirs.
      if (premise.position) {
        const day = e.day?.day && !e.day.missing ? e.day.day : premise.position === 'opens' ? ctx.agenda.days[0].day : ctx.agenda.days[ctx.agenda.days.length - 1].day;
        const items = ctx.agenda.sessions.filter((s) => s.day === day && s.kind !== 'break');
        const item = premise.position === 'opens' ? items[0] : items[items.length - 1];
        if (item) {
          const names = ctx.agenda.speakersOf(item).map((x) => x.speaker.name).join(and);
          const opens = premise.position === 'opens';
          return item.speakers.some((x) => x.speakerId === sp.id)
            ? s('polar.yes', { text: s('polar.speaksInItem', { name: sp.name, title: titleInSentence(item.title), verb: s(opens ? 'polar.opens' : 'polar.closes'), day: ctx.dayLabel(day) }) })
            : s('polar.no', { text: s('polar.dayWith', { day: ctx.dayLabel(day), verb: s(opens ? 'polar.opensWith' : 'polar.closesWith'), title: titleInSentence(item.title), names: names ? ` (${names})` : '', time: ctx.sessionTime(item) }) });
        }
      }
      if (e.day?.day && !e.day.missing) {
        const on = sessions.filter((s) => s.day === e.day!.day);
        const label = ctx.dayLabel(e.day.day);
        const others = sessions.length ? s('polar.speaksOnOthers', { name: sp.name, days: [...new Set(sessions.map((x) => ctx.dayLabel(x.day)))].join(and) }) : '';
        return yes(on.length > 0, s('polar.speaksOn', { name: sp.name, day: label }), s('polar.notSpeaksOn', { name: sp.name, day: label, others }));
      }
      if (premise.moreThanOnce) return yes(sessions.length > 1, s('polar.speaksTimes', { name: sp.name, n: sessions.length }), s(sessions.length ? 'polar.speaksOnce' : 'polar.speaksNone', { name: sp.name }));
      // "Bilel Jamoussi is the executive secretary of EACO, isn't he?": another speaker's title, put on this one.
      const titleSaid = (title: string) => premise.titles.includes(title);
      const claimed = ctx.event.speakers.find((o) => o.id !== sp.id && o.title && titleSaid(o.title));
      if (claimed) return s('polar.no', { text: s('polar.claimed', { name: sp.name, role: `${sp.title ? `${sp.title}, ` : ''}${sp.organisation}`, title: claimed.title!, org: claimed.organisation, other: claimed.name }) });
      if (sp.title && titleSaid(sp.title)) return s('polar.yes', { text: s('polar.isTitle', { name: sp.name, title: sp.title, org: sp.organisation }) });
      const org = e.organisations[0]?.organisation;
      // ("is Simba an ITU official?": the organisation put on the speaker, whatever else is asked)
      if (org && (d.aspect === 'organisation' || premise.affiliation)) {
        const same = isWith(sp, org);
        return yes(same, s('polar.isWith', { name: sp.name, org: sp.organisation }), s('polar.isWith', { name: sp.name, org: sp.organisation }));
      }
      if (premise.speaks) return yes(sessions.length > 0, s('polar.isSpeaker', { name: sp.name }), s('polar.noSession', { name: sp.name }));
      return undefined;
    }
    case 'organisation':
      if (!d.organisation.organiser) return undefined;
      {
        const others = ctx.event.organisers.filter((o) => o.name !== d.organisation.name).map((o) => o.shortName ?? o.name);
        return s('polar.yes', { text: s('polar.organiser', { name: d.organisation.shortName ?? d.organisation.name, others: others.length ? s('polar.withOthers', { names: others.join(and) }) : '' }) });
      }
    case 'fact': {
      const ev = ctx.event;
      if (d.fact === 'audience' && ctx.event.audience.groups.length && premise.audience) {
        return premise.audienceGroup ? s('polar.yes', { text: s('polar.audience') }) : undefined;
      }
      if (d.fact === 'format' || d.fact === 'attend') {
        const { online, inPerson } = premise;
        if (online === inPerson) return undefined;
        const isVirtual = ev.format === 'virtual';
        const isHybrid = ev.format === 'hybrid';
        if (isHybrid) return s('polar.yes', { text: s('polar.hybrid') });
        const ok = online ? isVirtual : !isVirtual;
        const format = s('polar.format', { title: ev.title, label: ev.formatLabel.toLowerCase() });
        return yes(ok, format, format);
      }
      if (d.fact === 'registration') {
        // once the event is over, said in the past (the line below says registration is closed)
        const past = ctx.lifecycle.phase === 'ended' ? 'Past' : '';
        const optional = s(`polar.regOptional${past}`);
        const mandatory = s(`polar.regMandatory${past}`);
        if (premise.registrationWithout) return yes(!ev.registration.mandatory, optional, mandatory);
        if (premise.registrationRequired) return yes(ev.registration.mandatory, mandatory, optional);
      }
      return undefined;
    }
    case 'hours': {
      const time = e.time;
      // "does it start tomorrow?": the day the question names is the event's first.
      if (!time && d.edge === 'start' && d.day && slots.refersToEvent)
        return d.day === ctx.agenda.days[0].day ? s('polar.yes', { text: s('polar.startsOn', { title: ctx.event.title, day: ctx.dayLabel(d.day) }) }) : s('polar.no', { text: s('polar.startsOn', { title: ctx.event.title, day: ctx.dayLabel(ctx.agenda.days[0]) }) });
      if (!time || d.edge === 'both') return undefined;
      const days = d.day ? [ctx.agenda.day(d.day)!] : ctx.agenda.days;
      const at = (day: (typeof days)[number]) => (d.edge === 'start' ? +day.startsAt : +day.endsAt);
      // ("does day 2 end before 8 pm for me?": before / after / at the time stated)
      const ok = days.every((day) => {
        const instant = instantOn(ctx, day, time.minutes, time.zone);
        return premise.relation === 'before' ? at(day) < instant : premise.relation === 'after' ? at(day) > instant : instant === at(day);
      });
      const what = d.edge === 'start' ? 'polar.dayStartsAt' : 'polar.dayEndsAt';
      const lines = days.map((day) => s(what, { day: ctx.dayLabel(day), time: ctx.span(at(day)) })).join(ctx.semicolon);
      return yes(ok, `${lines}.`, `${lines}.`);
    }
    case 'session': {
      const s = d.sessions[0];
      const time = e.time;
      // "the SS7 session is one hour long, yes?": the length stated, checked
      const stated = s && !time && (d.aspect === 'duration' || premise.lengthWords) && !premise.relationWords ? premise.minutes : undefined;
      if (s && stated !== undefined) return yes(stated === s.durationMinutes, say('polar.lasts', { n: s.durationMinutes }), say('polar.lastsNot', { n: s.durationMinutes, time: ctx.sessionTime(s), stated }));
      // "is the SS7 session on day 2?"
      if (s && e.day?.day && !e.day.missing && !time) return yes(s.day === e.day.day, say('polar.isOnDay', { day: ctx.dayLabel(s.day) }), say('polar.isOnDayNot', { day: ctx.dayLabel(s.day), other: ctx.dayLabel(e.day.day) }));
      if (!s || !time || d.aspect !== 'when') return undefined;
      const end = slots.edge.end;
      const instant = instantOn(ctx, ctx.agenda.day(s.day)!, time.minutes, time.zone);
      const target = end ? +s.endsAt : +s.startsAt;
      // "does it start before noon?" / "after 10?" / "at 10:20?"
      const ok = premise.relation === 'before' ? target < instant : premise.relation === 'after' ? target > instant : instant === target;
      const at = say(end ? 'polar.endsAt' : 'polar.startsAt', { time: ctx.span(target) });
      return yes(ok, at, at);
    }
    case 'next':
    case 'now': {
      // "is there anything left today?" / "are we done for the day?": today's programme by the clock
      if (!d.today) return undefined;
      const today = ctx.agenda.days.find((x) => +x.startsAt - 12 * 3_600_000 <= ctx.now && ctx.now < +x.endsAt + 12 * 3_600_000 && zonedDate(ctx, +x.startsAt) === zonedDate(ctx, ctx.now));
      if (!today) return undefined;
      const left = ctx.now < +today.endsAt;
      const line = left ? s('polar.dayRunsUntil', { day: ctx.dayLabel(today), time: ctx.span(today.endsAt) }) : s('polar.dayOver', { day: ctx.dayLabel(today), time: ctx.span(today.endsAt) });
      return d.over ? yes(!left, line, line) : yes(left, line, line);
    }
    case 'agenda':
      // "is the clinic on 30 March?", "is there anything on 1 April?"
      if (!e.day || e.time || premise.timeRelation || !slots.asksIfOn) return undefined;
      if (e.day.missing) return s('polar.noShort');
      if (!e.day.day) return undefined;
      // "is the clinic tomorrow?": tomorrow said back, with its date and hours
      if (e.day.relative && e.day.relative !== 'yesterday') {
        const day = ctx.agenda.day(e.day.day)!;
        return s('polar.yes', { text: s('polar.eventDayWhen', { when: s(`polar.${e.day.relative}`), day: ctx.dayLabel(day), time: ctx.span(day.startsAt, day.endsAt) }) });
      }
      return s('polar.yes', { text: s('polar.eventDay', { day: ctx.dayLabel(e.day.day) }) });
    case 'breaks': {
      // "is the day 2 break (also) at 11:50?"
      if (e.time && d.aspect === 'when') {
        const time = e.time;
        const breaks = ctx.agenda.sessions.filter((s) => s.kind === 'break' && (!d.day || s.day === d.day));
        if (breaks.length) {
          const hit = breaks.some((b) => instantOn(ctx, ctx.agenda.day(b.day)!, time.minutes, time.zone) === +b.startsAt);
          const when = breaks.map((b) => `${ctx.dayLabel(b.day)}, ${ctx.sessionTime(b)}`).join(ctx.semicolon);
          return yes(hit, s('polar.breakThen', { when }), s(breaks.length > 1 ? 'polar.breaksAt' : 'polar.breakAt', { when }));
        }
      }
      if (d.around || d.aspect !== 'when' || !slots.existential) return undefined;
      const breaks = ctx.agenda.sessions.filter((s) => s.kind === 'break' && (!d.day || s.day === d.day));
      const on = d.day ? s('polar.onDay', { day: ctx.dayLabel(d.day) }) : '';
      return breaks.length ? s('polar.yes', { text: s(breaks.length > 1 ? 'polar.thereAreBreaks' : 'polar.thereIsBreak', { n: breaks.length, on }) }) : s('polar.no', { text: s('polar.noBreak', { on }) });
    }
    default:
      return undefined;
  }
}

/** The calendar date of an instant in the event's zone. */
function zonedDate(ctx: AnswerContext, ms: number): string {
  return zoned(ms, ctx.event.timeZone).isoDate;
}
