// The privacy statement (/privacy) and terms of use (/terms) the Teams app links to when PRIVACY_URL and TERMS_URL
// are not set: real pages an admin and an attendee can read, with the same text as the event page's footer.
import type { EventData } from '../../event/schema.ts';
import { escapeHtml } from './escapeHtml.ts';
import { privacyText, termsText } from './legalTexts.ts';
import { head } from './render.ts';

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
