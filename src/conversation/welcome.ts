// The first thing an attendee sees: what the bot is for and what to try, from the event data.
import type { EventData } from '../event/schema.ts';
import type { Reply } from './types.ts';
import { DateTime } from 'luxon';
import { botRegistersNow, lifecycleAt } from '../event/lifecycle.ts';
import { say } from '../language/messages.ts';
import { registrationLine } from './registrationText.ts';

export function eventDates(event: EventData): string {
  const first = DateTime.fromISO(event.days[0].date);
  const last = DateTime.fromISO(event.days[event.days.length - 1].date);
  if (first.hasSame(last, 'day')) return first.toFormat('d LLLL yyyy');
  if (first.hasSame(last, 'month')) return `${first.toFormat('d')}–${last.toFormat('d LLLL yyyy')}`;
  return `${first.toFormat('d LLLL')} – ${last.toFormat('d LLLL yyyy')}`;
}

export function welcomeReply(event: EventData, now: Date | number = Date.now()): Reply {
  const lc = lifecycleAt(event, now);
  const registration =
    lc.phase === 'ended'
      ? say('en', 'reg.welcome.ended', { title: event.title })
      : botRegistersNow(lc)
        ? say('en', event.registration.mandatory ? 'reg.welcome.bot.mandatory' : 'reg.welcome.bot.optional')
        : say('en', 'reg.welcome.other', { line: registrationLine(event, lc) });
  const suggestions = ['Day 1 agenda', 'Who are the speakers?', botRegistersNow(lc) ? 'Register' : lc.phase === 'ended' ? 'Show the reports' : '', 'Help'].filter(Boolean);
  return {
    text:
      `Hi! I'm the assistant for ${event.title} (${eventDates(event)}, ${event.formatLabel.toLowerCase()}, times in ${event.timeZoneLabel}).\n\n` +
      `Ask me about the agenda, sessions, speakers, times in your own time zone and the related reports.${registration}`,
    suggestions,
  };
}
