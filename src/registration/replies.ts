// What the bot says about registrations, channel-neutral (Reply). Anything the attendee typed is
// escaped, so it shows as text and never as markup or a link.
import type { ReplyContent } from '../conversation/content.ts';
import type { Reply } from '../conversation/types.ts';
import type { EventData } from '../event/schema.ts';
import { reminderLabel } from './fields.ts';
import { botRegistersNow, joinDetailsOffered, type Lifecycle } from '../event/lifecycle.ts';
import { eventEndedReply, registrationLine } from '../conversation/registrationText.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';
import { escapeEmail, escapeMarkdown as esc } from './markdown.ts';
import type { Country, Registration, ReminderChoice } from './registration.ts';

export interface Details {
  fullName?: string;
  email?: string;
  organisation?: string;
  country?: Country;
  category?: string;
  reminders?: ReminderChoice;
}

/**
 * The details as structured content (a row per field) for the registration summary: a card where cards render,
 * a list elsewhere. Values are plain text: the renderer escapes them.
 */
export function detailsContent(d: Details, reference?: string): ReplyContent {
  return {
    title: 'Your details',
    ...(reference ? { subtitle: `Reference ${reference}` } : {}),
    sections: [
      {
        facts: [
          { label: 'Name', value: d.fullName ?? '', typed: true },
          { label: 'E-mail', value: d.email ?? '' }, // validated: only its formatting characters are escaped (a mailto: link is fine)
          { label: 'Organisation', value: d.organisation ?? '', typed: true },
          { label: 'Country', value: d.country?.name ?? '' },
          { label: 'Category', value: d.category ?? '' },
          { label: 'Reminders', value: d.reminders ? reminderLabel[d.reminders] : '' },
        ],
      },
    ],
  };
}

/** The details as a markdown list, every value escaped. */
export function detailLines(d: Details): string {
  return [
    `- Name: ${esc(d.fullName ?? '')}`,
    `- E-mail: ${escapeEmail(d.email ?? '')}`,
    `- Organisation: ${esc(d.organisation ?? '')}`,
    `- Country: ${esc(d.country?.name ?? '')}`,
    `- Category: ${esc(d.category ?? '')}`,
    `- Reminders: ${d.reminders ? reminderLabel[d.reminders] : ''}`,
  ].join('\n');
}

/** Where registered attendees join: the JOIN_URL setting, else the event's own joinUrl. */
export function joinLink(event: EventData, joinUrlSetting?: string): string | undefined {
  return joinUrlSetting ?? event.joinUrl;
}

export function joinDetailsReply(event: EventData, reg: Registration | undefined, joinUrlSetting?: string, lc?: Lifecycle, language: Language = DEFAULT_LANGUAGE): Reply {
  // Nothing to join once the event is over; registration closed or elsewhere: said, with no offer to register here.
  if (lc && !joinDetailsOffered(lc)) return eventEndedReply(event, lc, language);
  if (!reg && lc && !botRegistersNow(lc)) return { text: say(language, 'reg.joinClosed', { line: registrationLine(event, lc, language), page: event.eventPage }), suggestions: [say(language, 's.showAgenda')] };
  if (!reg) {
    const why = event.registration.mandatory
      ? `Registration for ${event.title} is mandatory, and the joining details go to registered attendees only.`
      : `The joining details for ${event.title} go to registered attendees only.`;
    return {
      text: `${why} I can register you right here; it takes about a minute. Say **register** to start.\n\nThe event page is open to everyone: ${event.eventPage}`,
      suggestions: ['Register'],
    };
  }
  const url = joinLink(event, joinUrlSetting);
  if (!url)
    return {
      text: `You're registered (reference ${reg.reference}), so you're all set. The remote connection details will be published on the event page: ${event.eventPage}`,
      suggestions: ['Show my registration', 'Agenda'],
    };
  return {
    text: `Here's how to join ${event.title}: ${url}\n\nYour registration reference is ${reg.reference}. Please keep the link to yourself; it is for registered attendees.`,
    suggestions: ['Agenda', 'Show my registration'],
  };
}

export function statusReply(event: EventData, reg: Registration | undefined, lc?: Lifecycle, language: Language = DEFAULT_LANGUAGE): Reply {
  if (!reg) return notRegisteredReply(event, `You're not registered for ${event.title} yet.`, lc, language);
  return {
    text: `Yes, you're registered for ${event.title}. Your reference is **${reg.reference}**.\n\n${detailLines(reg)}\n\nTo change something, say for example *change my organisation*; to delete your details, say *cancel my registration*.`,
    suggestions: lc && !joinDetailsOffered(lc) ? ['Show the reports', 'Cancel my registration'] : ['Change my registration', 'How do I join?', 'Cancel my registration'],
  };
}

/** `opening`, then how to register now: here in the chat while that is open, else where registration stands. */
export function notRegisteredReply(event: EventData, opening: string, lc?: Lifecycle, language: Language = DEFAULT_LANGUAGE): Reply {
  if (lc && !botRegistersNow(lc)) return { text: `${opening} ${registrationLine(event, lc, language)}.`, suggestions: [say(language, 's.showAgenda'), 'Help'] };
  const mandatory = event.registration.mandatory ? ' Registration is mandatory.' : '';
  return { text: `${opening}${mandatory} Say **register** and I'll sign you up right here; it takes about a minute.`, suggestions: ['Register', 'Help'] };
}

export function registeredReply(event: EventData, reg: Registration, updated: boolean): Reply {
  const reminders: Record<ReminderChoice, string> = {
    all: "I'll remind you shortly before every session.",
    choose: 'Tell me which sessions you want reminders for, for example *remind me about the interactive session*.',
    none: "You won't get reminders; say *remind me about* a session if you change your mind.",
  };
  const opening = updated
    ? `Saved. Your registration for ${event.title} is up to date; your reference is still **${reg.reference}**.`
    : `You're registered for ${event.title}! Your reference is **${reg.reference}**.`;
  return {
    text:
      `${opening}\n\nWhat's next:\n` +
      `- Joining details: ask *how do I join?* whenever you need them.\n` +
      `- Reminders: ${reminders[reg.reminders]}\n` +
      `- Your details: say *show my registration* to see or change them, or *cancel my registration* to delete them.`,
    suggestions: ['How do I join?', 'Show my registration', 'Help'],
  };
}
