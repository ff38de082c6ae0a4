// The privacy and terms wording, one text for the event page's footer and the /privacy and /terms pages.
import type { EventData } from '../../event/schema.ts';
import { unansweredPrivacyNote } from '../../unanswered/privacyNote.ts';
import { escapeHtml } from './escapeHtml.ts';

/** What the assistant keeps and how to see or delete it (HTML). */
export function privacyText(event: EventData, unansweredRetentionDays: number | undefined): string {
  return (
    `${escapeHtml(unansweredPrivacyNote(unansweredRetentionDays).replace(/^Questions I can't answer/, "Questions the assistant can't answer"))} ` +
    `When you register, the assistant stores the details you give it (name, e-mail, organisation, country, category and reminder choice) for ${escapeHtml(event.title)} only; ` +
    'the organisers use them to run the event and send your reminders. Say <em>show my registration</em> or <em>cancel my registration</em> in the chat to see or delete them, or write to the contact above.'
  );
}

export const termsText = 'The assistant answers from the published programme; the official event page prevails where they differ.';
