// The privacy statement (/privacy) and terms of use (/terms) the Teams app links to when PRIVACY_URL and TERMS_URL
// are not set: real pages an admin and an attendee can read, with the same text as the event page's footer.
import type { EventData } from '../../event/schema.ts';
import { unansweredPrivacyNote } from '../../unanswered/privacyNote.ts';
import { escapeHtml, head } from './render.ts';

/** What the assistant keeps and how to see or delete it (HTML). */
export function privacyText(event: EventData, unansweredRetentionDays: number | undefined): string {
  return (
    `${escapeHtml(unansweredPrivacyNote(unansweredRetentionDays).replace(/^Questions I can't answer/, "Questions the assistant can't answer"))} ` +
    `When you register, the assistant stores the details you give it (name, e-mail, organisation, country, category and reminder choice) for ${escapeHtml(event.title)} only; ` +
    'the organisers use them to run the event and send your reminders. Say <em>show my registration</em> or <em>cancel my registration</em> in the chat to see or delete them, or write to the contact above.'
  );
}

export const termsText = 'The assistant answers from the published programme; the official event page prevails where they differ.';

function legalPage(event: EventData, title: string, body: string): string {
  return `${head(`${event.title}: ${title}`, [], 'class="legal"')}
<main id="main" class="wrap">
  <h1>${escapeHtml(title)}</h1>
  <p>${body}</p>
  <p>Contact: ${escapeHtml(event.contact.name)}, <a href="mailto:${escapeHtml(event.contact.email)}">${escapeHtml(event.contact.email)}</a>. Official event page: <a href="${escapeHtml(event.eventPage)}">${escapeHtml(new URL(event.eventPage).host)}</a>. <a href="/">${escapeHtml(event.title)}</a></p>
</main>
</body>
</html>
`;
}

export const renderPrivacyPage = (event: EventData, unansweredRetentionDays: number | undefined) =>
  legalPage(event, 'Privacy statement', privacyText(event, unansweredRetentionDays).replace('the contact above', 'the contact below'));

export const renderTermsPage = (event: EventData) => legalPage(event, 'Terms of use', escapeHtml(termsText));
