// The first thing an attendee sees: what the bot is for and what to try, from the event data.
import type { EventData } from '../event/schema.ts';
import type { Reply } from './types.ts';
import { DateTime } from 'luxon';

export function eventDates(event: EventData): string {
  const first = DateTime.fromISO(event.days[0].date);
  const last = DateTime.fromISO(event.days[event.days.length - 1].date);
  if (first.hasSame(last, 'day')) return first.toFormat('d LLLL yyyy');
  if (first.hasSame(last, 'month')) return `${first.toFormat('d')}–${last.toFormat('d LLLL yyyy')}`;
  return `${first.toFormat('d LLLL')} – ${last.toFormat('d LLLL yyyy')}`;
}

export function welcomeReply(event: EventData): Reply {
  const registration = event.registration.mandatory ? ' Registration is mandatory, and I can register you right here.' : ' I can register you right here.';
  return {
    text:
      `Hi! I'm the assistant for ${event.title} (${eventDates(event)}, ${event.formatLabel.toLowerCase()}, times in ${event.timeZoneLabel}).\n\n` +
      `Ask me about the agenda, sessions, speakers, times in your own time zone and the related reports.${registration}`,
    suggestions: ['Day 1 agenda', 'Who are the speakers?', 'Register', 'Help'],
  };
}
