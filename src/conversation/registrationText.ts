// How the bot words registration, from the event's lifecycle (src/event/lifecycle.ts): one route (this chat, or the
// external page the event file names), open, not open yet, closed, or over with the event. Every answer that
// mentions registration (facts, details, commands, joining, the welcome) takes its sentence from here.
import type { EventData } from '../event/schema.ts';
import { lifecycleAt, type Lifecycle } from '../event/lifecycle.ts';
import { wallClock } from '../language/dateTime.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';

/** "Wed 26 March 2027", with the time when the instant is not a day's end ("Wed 24 March 2027, 17:00 Sydney time"). */
export function whenLabel(event: EventData, at: Lifecycle['closesAt'], language: Language = DEFAULT_LANGUAGE): string {
  const w = wallClock(at.toMillis(), event.timeZone, language);
  const endOfDay = +at === +at.endOf('day');
  const startOfDay = +at === +at.startOf('day');
  return endOfDay || startOfDay ? w.longDate : say(language, 'reg.dateTime', { date: w.longDate, time: w.hm, zone: event.timeZoneLabel });
}

/**
 * The one sentence (no final stop) that says whether and how to register, now: "Registration is mandatory, and I
 * register you right here in this chat: say **register**", "… register at <url>", "Registration closed on …",
 * "Registration was mandatory, and it is closed now: <title> ended on …".
 */
export function registrationLine(event: EventData, lc: Lifecycle, language: Language = DEFAULT_LANGUAGE): string {
  const mandatory = event.registration.mandatory ? 'mandatory' : 'optional';
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  if (lc.registration === 'closed') {
    if (lc.phase === 'ended') return s(`reg.ended.${mandatory}`, { title: event.title, date: whenLabel(event, lc.endsAt, language) });
    return s(`reg.closed.${mandatory}`, { date: whenLabel(event, lc.closesAt, language) });
  }
  if (lc.registration === 'not-yet')
    return lc.route.via === 'page' ? s('reg.notYet.page', { date: whenLabel(event, lc.opensAt!, language), url: lc.route.url }) : s('reg.notYet.bot', { date: whenLabel(event, lc.opensAt!, language) });
  return lc.route.via === 'page' ? s(`reg.page.${mandatory}`, { url: lc.route.url }) : s(`reg.bot.${mandatory}`);
}

/** The lifecycle of an event at `now`. */
export function lifecycleOf(event: EventData, now: number | Date): Lifecycle {
  return lifecycleAt(event, now);
}

/** Said instead of joining details once the event is over: it has ended, and what is still there to ask about. */
export function eventEndedReply(event: EventData, lc: Lifecycle, language: Language = DEFAULT_LANGUAGE): { text: string; suggestions: string[] } {
  return {
    text: say(language, 'reg.eventEnded', { title: event.title, date: whenLabel(event, lc.endsAt, language), page: event.eventPage }),
    suggestions: [say(language, 's.showReports'), say(language, 's.showAgenda'), say(language, 's.speakers')],
  };
}

/** Said when "register" cannot start the bot's dialog: registration is closed, not open yet, or on the event's own page. */
export function cannotRegisterHereReply(event: EventData, lc: Lifecycle, language: Language = DEFAULT_LANGUAGE): { text: string; suggestions: string[] } {
  const line = registrationLine(event, lc, language);
  if (lc.phase === 'ended') return { text: `${say(language, 'reg.noMore', { line, title: event.title })}`, suggestions: [say(language, 's.showReports'), say(language, 's.showAgenda')] };
  if (lc.registration === 'open' && lc.route.via === 'page') return { text: say(language, 'reg.elsewhere', { title: event.title, url: lc.route.url }), suggestions: [say(language, 's.showAgenda')] };
  return { text: `${line}.`, suggestions: [say(language, 's.showAgenda'), say(language, 's.contact')] };
}
