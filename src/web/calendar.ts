// iCalendar files for the agenda: /calendar/<sessionId>.ics and /calendar/all.ics. Times are UTC instants
// (DTSTART:…Z), so every calendar shows them in its owner's zone; the description repeats them in the event zone.
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../clock.ts';
import type { Agenda, Session } from '../event/agenda.ts';
import { sendError } from './server.ts';

export function sessionsCalendar(agenda: Agenda, sessions: Session[], now: Date, publicUrl?: string): string {
  const event = agenda.event;
  const cal = ical({
    name: event.title,
    prodId: { company: 'event-assistant-bot', product: event.id, language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const s of sessions) {
    const speakers = agenda.speakersOf(s).map(({ speaker, talkTitle }) => `${speaker.name}${speaker.organisation ? `, ${speaker.organisation}` : ''}${talkTitle ? `: ${talkTitle}` : ''}`);
    const description = [
      `${event.title}, day ${s.day}: ${s.startsAt.toFormat('HH:mm')}–${s.endsAt.toFormat('HH:mm')} ${event.timeZoneLabel} (${event.timeZone}).`,
      s.description,
      speakers.length ? `Speakers: ${speakers.join('; ')}` : undefined,
      `Event page: ${event.eventPage}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    cal.createEvent({
      id: `${s.id}@${event.id}.event-assistant`,
      start: s.startsAt.toUTC().toJSDate(),
      end: s.endsAt.toUTC().toJSDate(),
      stamp: now,
      summary: `${s.title} (${event.title})`,
      description,
      url: publicUrl ? `${publicUrl.replace(/\/+$/, '')}/#agenda` : event.eventPage,
      location: event.location ?? event.formatLabel,
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** `agenda` is the live one, read per request: an edited event file gives new files at once. */
export function mountCalendar(server: Server, { agenda: liveAgenda, clock, publicUrl }: { agenda: () => Agenda; clock: Clock; publicUrl?: string }) {
  server.get('/calendar/:file', async (req: Request, res: Response) => {
    const agenda = liveAgenda();
    const file = String(req.params.file ?? '');
    const m = file.match(/^([a-z0-9][a-z0-9-]*)\.ics$/);
    const id = m?.[1];
    const sessions = id === 'all' ? agenda.sessions.filter((s) => s.kind !== 'break') : id && agenda.session(id) ? [agenda.session(id)!] : undefined;
    if (!sessions) return sendError(res, 404, 'NotFound', `No session "${file.slice(0, 80)}" in this event's agenda.`);
    const body = sessionsCalendar(agenda, sessions, clock.now(), publicUrl);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${id === 'all' ? agenda.event.id : id}.ics"`);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.writeHead(200);
    res.end(body);
  });
}
