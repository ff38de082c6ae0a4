// What the bot says about registrations, channel-neutral (Reply). Anything the attendee typed is
// escaped, so it shows as text and never as markup or a link.
import type { ReplyContent } from '../conversation/content.ts';
import type { Reply } from '../conversation/types.ts';
import type { EventData } from '../event/schema.ts';
import { reminderLabelIn } from './fields.ts';
import { countryLabel } from './country.ts';
import { botRegistersNow, joinDetailsOffered, type Lifecycle } from '../event/lifecycle.ts';
import { eventEndedReply, registrationLine } from '../conversation/registrationText.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';
import { escapeEmail, escapeMarkdown as esc } from './markdown.ts';
import { OTHER_CATEGORY } from './fields.ts';
import type { Country, Registration, ReminderChoice } from './registration.ts';

export interface Details {
  fullName?: string;
  email?: string;
  organisation?: string;
  country?: Country;
  category?: string;
  reminders?: ReminderChoice;
}

/** A category as the attendee is shown it: the event's translation of its audience group, else as stored. */
export function categoryLabel(event: EventData | undefined, category: string | undefined, language: Language): string {
  if (!category) return '';
  if (category === OTHER_CATEGORY) return say(language, 'regd.other');
  const i = event?.audience.groups.indexOf(category) ?? -1;
  const shown = i >= 0 && language !== DEFAULT_LANGUAGE ? event?.translations?.[language]?.audience?.groups?.[i] : undefined;
  return shown ?? category;
}

/**
 * The details as structured content (a row per field) for the registration summary: a card where cards render,
 * a list elsewhere. Values are plain text: the renderer escapes them.
 */
export function detailsContent(d: Details, reference?: string, language: Language = DEFAULT_LANGUAGE, event?: EventData): ReplyContent {
  const t = (field: string) => say(language, `regd.title.${field}`);
  return {
    title: say(language, 'regd.details'),
    ...(reference ? { subtitle: say(language, 'regd.reference', { ref: reference }) } : {}),
    sections: [
      {
        facts: [
          { label: t('fullName'), value: d.fullName ?? '', typed: true },
          { label: t('email'), value: d.email ?? '' }, // validated: only its formatting characters are escaped (a mailto: link is fine)
          { label: t('organisation'), value: d.organisation ?? '', typed: true },
          { label: t('country'), value: countryLabel(d.country, language) },
          { label: t('category'), value: categoryLabel(event, d.category, language) },
          { label: t('reminders'), value: d.reminders ? reminderLabelIn(language, d.reminders) : '' },
        ],
      },
    ],
  };
}

/** The details as a markdown list, every value escaped. */
export function detailLines(d: Details, language: Language = DEFAULT_LANGUAGE, event?: EventData): string {
  // The label is the template ("Nom :" typeset in French), the value goes in as it is.
  const line = (field: string, value: string) => `${say(language, 'regd.line', { label: say(language, `regd.title.${field}`) })}${value}`;
  return [
    line('fullName', esc(d.fullName ?? '')),
    line('email', escapeEmail(d.email ?? '')),
    line('organisation', esc(d.organisation ?? '')),
    line('country', esc(countryLabel(d.country, language))),
    line('category', esc(categoryLabel(event, d.category, language))),
    line('reminders', d.reminders ? reminderLabelIn(language, d.reminders) : ''),
  ].join('\n');
}

/** Where registered attendees join: the JOIN_URL setting, else the event's own joinUrl. */
export function joinLink(event: EventData, joinUrlSetting?: string): string | undefined {
  return joinUrlSetting ?? event.joinUrl;
}

export function joinDetailsReply(event: EventData, reg: Registration | undefined, joinUrlSetting?: string, lc?: Lifecycle, language: Language = DEFAULT_LANGUAGE): Reply {
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  // Nothing to join once the event is over; registration closed or elsewhere: said, with no offer to register here.
  if (lc && !joinDetailsOffered(lc)) return eventEndedReply(event, lc, language);
  if (!reg && lc && !botRegistersNow(lc)) return { text: s('reg.joinClosed', { line: registrationLine(event, lc, language), page: event.eventPage }), suggestions: [s('s.showAgenda')] };
  const title = titleIn(event, language);
  if (!reg) {
    const why = event.registration.mandatory ? s('regd.join.mandatory', { title }) : s('regd.join.optional', { title });
    return { text: s('regd.join.register', { why, page: event.eventPage }), suggestions: [s('regd.s.register')] };
  }
  const url = joinLink(event, joinUrlSetting);
  if (!url) return { text: s('regd.join.noUrl', { ref: reg.reference, page: event.eventPage }), suggestions: [s('regd.s.showRegistration'), s('regd.s.agenda')] };
  return { text: s('regd.join.url', { title, url, ref: reg.reference }), suggestions: [s('regd.s.agenda'), s('regd.s.showRegistration')] };
}

export function statusReply(event: EventData, reg: Registration | undefined, lc?: Lifecycle, language: Language = DEFAULT_LANGUAGE): Reply {
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  const title = titleIn(event, language);
  if (!reg) return notRegisteredReply(event, s('regd.status.not', { title }), lc, language);
  return {
    text: s('regd.status.yes', { title, ref: reg.reference, details: detailLines(reg, language, event) }),
    suggestions: lc && !joinDetailsOffered(lc) ? [s('regd.s.showReports'), s('regd.s.cancelRegistration')] : [s('regd.s.changeRegistration'), s('regd.s.howJoin'), s('regd.s.cancelRegistration')],
  };
}

/** `opening`, then how to register now: here in the chat while that is open, else where registration stands. */
export function notRegisteredReply(event: EventData, opening: string, lc?: Lifecycle, language: Language = DEFAULT_LANGUAGE): Reply {
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  if (lc && !botRegistersNow(lc)) return { text: s('regd.notReg.closed', { opening, line: registrationLine(event, lc, language) }), suggestions: [s('s.showAgenda'), s('regd.s.help')] };
  const mandatory = event.registration.mandatory ? s('regd.notReg.mandatory') : '';
  return { text: s('regd.notReg.here', { opening, mandatory }), suggestions: [s('regd.s.register'), s('regd.s.help')] };
}

export function registeredReply(event: EventData, reg: Registration, updated: boolean, language: Language = DEFAULT_LANGUAGE): Reply {
  const s = (id: string, vars: Record<string, string | number> = {}) => say(language, id, vars);
  const title = titleIn(event, language);
  const opening = updated ? s('regd.ok.updated', { title, ref: reg.reference }) : s('regd.ok.new', { title, ref: reg.reference });
  return {
    text: s('regd.ok.next', { opening, reminders: s(`regd.ok.rem.${reg.reminders}`) }),
    suggestions: [s('regd.s.howJoin'), s('regd.s.showRegistration'), s('regd.s.help')],
  };
}

/** The event's title in `language`: its translation when the event file gives one, else as published. */
export function titleIn(event: EventData, language: Language): string {
  return (language !== DEFAULT_LANGUAGE ? event.translations?.[language]?.title : undefined) ?? event.title;
}
