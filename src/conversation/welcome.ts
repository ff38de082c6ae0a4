// The first thing an attendee sees: what the bot is for and what to try, from the event data, in the language of
// the channel's locale (Web Chat on the event page with FR selected, a Teams client in French).
import type { EventData } from '../event/schema.ts';
import { localiseEvent } from '../event/translations.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import type { Reply } from './types.ts';
import { DateTime } from 'luxon';
import { botRegistersNow, lifecycleAt } from '../event/lifecycle.ts';
import { say, sayList } from '../language/messages.ts';
import { registrationLine } from './registrationText.ts';

/** "30–31 March 2022" / "30–31 mars 2022". */
export function eventDates(event: EventData, lang: Language = DEFAULT_LANGUAGE): string {
  const locale = lang === 'fr' ? 'fr' : 'en-GB';
  const first = DateTime.fromISO(event.days[0].date).setLocale(locale);
  const last = DateTime.fromISO(event.days[event.days.length - 1].date).setLocale(locale);
  if (first.hasSame(last, 'day')) return first.toFormat('d LLLL yyyy');
  if (first.hasSame(last, 'month')) return `${first.toFormat('d')}–${last.toFormat('d LLLL yyyy')}`;
  return `${first.toFormat('d LLLL')} – ${last.toFormat('d LLLL yyyy')}`;
}

/** `event` in the event's own language; its translation into `lang` gives the title and format. */
export function welcomeReply(event: EventData, now: Date | number = Date.now(), lang: Language = DEFAULT_LANGUAGE): Reply {
  const e = localiseEvent(event, lang);
  const lc = lifecycleAt(e, now);
  const registration =
    lc.phase === 'ended'
      ? say(lang, 'reg.welcome.ended', { title: e.title })
      : botRegistersNow(lc)
        ? say(lang, e.registration.mandatory ? 'reg.welcome.bot.mandatory' : 'reg.welcome.bot.optional')
        : say(lang, 'reg.welcome.other', { line: registrationLine(e, lc, lang) });
  const [agenda, speakers, register, help] = sayList(lang, 'welcome.suggestions');
  const suggestions = [agenda!, speakers!, botRegistersNow(lc) ? register! : lc.phase === 'ended' ? say(lang, 's.showReports') : '', help!].filter(Boolean);
  return {
    text: say(lang, 'welcome.text', { title: e.title, dates: eventDates(e, lang), format: e.formatLabel.toLowerCase(), zone: e.timeZoneLabel, registration }),
    suggestions,
  };
}
