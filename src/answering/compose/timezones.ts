// Answers about time zones: which zone the programme uses, converting a time or the last thing talked
// about into another zone, and confirming the attendee's own zone.
import { DateTime } from 'luxon';
import type { Entities } from '../../understanding/entities.ts';
import type { AnswerContext } from '../context.ts';
import { hm, utcOffset } from '../timeFormat.ts';
import { datesLine } from './facts.ts';
import { composeSession } from './sessions.ts';
import type { Answer } from './types.ts';

/** "EAT (East Africa Time, UTC+3, Africa/Nairobi)". */
export function eventZoneDescription(ctx: AnswerContext): string {
  const at = ctx.agenda.startsAt;
  const long = at.setLocale('en-US').offsetNameLong ?? '';
  const offsets = [...new Set(ctx.agenda.days.map((d) => utcOffset(d.startsAt)))].join(' / ');
  const parts = [long && long !== ctx.label ? long : '', offsets, ctx.event.timeZone].filter(Boolean);
  return `${ctx.label} (${parts.join(', ')})`;
}

export function composeZoneInfo(ctx: AnswerContext, e: Entities): Answer {
  const place = e.target ?? (e.time?.zoneLabel ? { zone: e.time.zone, label: e.time.zoneLabel } : undefined);
  const desc = eventZoneDescription(ctx);
  const d = ctx.agenda.days[0];
  let lead: string;
  if (place) {
    const same = ctx.agenda.days.every((x) => x.startsAt.setZone(place.zone).offset === x.startsAt.offset);
    lead = same
      ? `Yes — all times are in ${desc}, which is the same as ${place.label} time during the event.`
      : `No — all times are in ${desc}, not ${place.label} time. For example, ${ctx.dayLabel(d)} starts at ${hm(d.startsAt)} ${ctx.label} = ${hm(d.startsAt.setZone(place.zone))} in ${place.label} (${utcOffset(d.startsAt.setZone(place.zone))}).`;
  } else {
    lead = `All times are in ${desc}.`;
  }
  const yours = ctx.userZone && !place ? ` Tell me a city (e.g. "what time is that in Paris?") to convert.` : '';
  return {
    reply: {
      text: `${lead}\n${datesLine(ctx)}${yours}`,
      suggestions: ['Set my time zone', 'Show the agenda'],
    },
  };
}

/** Converts a stated time ("10:00 EAT in Berlin"), or re-answers the last subject in another zone. */
export function composeConvert(ctx: AnswerContext, e: Entities): Answer {
  const target = e.target ? { zone: e.target.zone, label: e.target.label } : ctx.userZone ? { zone: ctx.userZone, label: 'your time' } : undefined;
  if (!target) {
    return { reply: { text: `Which city or time zone should I convert to? For example "in Paris" or "set my time zone to Asia/Tokyo". All times are in ${eventZoneDescription(ctx)}.`, suggestions: ['Set my time zone'] } };
  }
  if (e.time) {
    const day = ctx.agenda.day(e.day?.day ?? ctx.memory.day ?? ctx.agenda.days[0].day)!;
    const at = DateTime.fromISO(day.date, { zone: e.time.zone }).startOf('day').plus({ minutes: e.time.minutes });
    const there = at.setZone(target.zone);
    const fromLabel = e.time.zone === ctx.event.timeZone ? ctx.label : (e.time.zoneLabel ?? e.time.zone);
    const otherDay = there.toISODate() !== at.toISODate() ? ` (${there.setLocale('en-GB').toFormat('ccc d LLL')})` : '';
    return {
      reply: { text: `${hm(at)} ${fromLabel} on ${ctx.dayLabel(day)} is ${hm(there)}${otherDay} in ${target.label} (${target.zone}, ${utcOffset(there)}).`, suggestions: ['Show the agenda'] },
    };
  }
  const session = ctx.memory.sessionId ? ctx.agenda.session(ctx.memory.sessionId) : undefined;
  if (session) return composeSession(ctx, [session], 'when');
  const lines = ctx.agenda.days.map((d) => `${ctx.dayLabel(d)}: ${ctx.span(d.startsAt, d.endsAt)}`);
  return { reply: { text: `${ctx.event.title} in ${target.label} time:\n${lines.join('\n')}`, suggestions: ['Show the agenda'] } };
}

export function composeSetZone(ctx: AnswerContext, zone: string | undefined, label: string | undefined, assumed?: boolean): Answer {
  if (!zone) {
    return { reply: { text: `Which city or time zone are you in? For example "I'm in Lagos" or "set my time zone to Asia/Tokyo".`, suggestions: ["I'm in London", 'Set my time zone to UTC'] } };
  }
  const d = ctx.agenda.days[0];
  const local = d.startsAt.setZone(zone);
  const same = ctx.agenda.days.every((x) => x.startsAt.setZone(zone).offset === x.startsAt.offset);
  const name = label && label !== zone ? `${label} (${zone})` : zone;
  const example = same
    ? `That is the event's own zone during the event, so the times are the same as your local time: ${ctx.dayLabel(d)} starts at ${hm(d.startsAt)} ${ctx.label}.`
    : `For example, ${ctx.dayLabel(d)} starts at ${hm(d.startsAt)} ${ctx.label} = ${hm(local)} your time (${utcOffset(local)}).`;
  const note = assumed ? ` (That country has several zones; I used ${zone}. Tell me your city if it is another.)` : '';
  return { reply: { text: `Got it — I'll show times for ${name} too.${note}\n${example}`, suggestions: ['Show the agenda', "What's on now?"] } };
}
