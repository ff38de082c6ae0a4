// "Can I add it to my calendar?": links to the calendar files this server serves (web/calendar.ts), the named
// session's or the whole programme's. The links need the server's public address (PUBLIC_URL), else the
// local one the built-in Direct Line page uses.
import type { BotFeature } from '../bot/feature.ts';
import type { Agenda } from '../event/agenda.ts';
import { allSessionsCalendarUrl, calendarUrl } from './calendarLinks.ts';

export function createCalendarFeature(liveAgenda: () => Agenda, baseUrl: string): BotFeature {
  return {
    commands: {
      async calendar(turn) {
        const agenda = liveAgenda();
        const session = turn.understood.command?.sessionIds?.map((id) => agenda.session(id)).find((s) => s && s.kind !== 'break');
        const all = allSessionsCalendarUrl(baseUrl);
        const text = session
          ? `Add ${session.title} to your calendar with this file: ${calendarUrl(baseUrl, session.id)}\nEvery session of ${agenda.event.title} in one file: ${all}`
          : `Add ${agenda.event.title} to your calendar with this file (every session, in your calendar's own time zone): ${all}`;
        await turn.send({ text, suggestions: ['Show the agenda', 'Remind me about day 1'] });
      },
    },
  };
}
