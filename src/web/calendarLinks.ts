// Links to the calendar files served by calendar.ts, for cards and pages.
export function calendarUrl(publicUrl: string | undefined, sessionId: string): string {
  return `${base(publicUrl)}/calendar/${encodeURIComponent(sessionId)}.ics`;
}

/** Every session of the event in one file. */
export function allSessionsCalendarUrl(publicUrl: string | undefined): string {
  return `${base(publicUrl)}/calendar/all.ics`;
}

function base(publicUrl: string | undefined) {
  return (publicUrl ?? '').replace(/\/+$/, '');
}
