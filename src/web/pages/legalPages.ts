// The privacy statement (/privacy) and terms of use (/terms) the Teams app links to when PRIVACY_URL and TERMS_URL
// are not set: real pages an admin and an attendee can read, with the same text as the event page's footer, in the
// page's language (`event` is the event in that language).
import type { EventData } from '../../event/schema.ts';
import type { Language } from '../../language/languages.ts';
import { escapeHtml } from './escapeHtml.ts';
import { contactBelow, privacyText, termsText } from './legalTexts.ts';
import { PAGE_TEXT } from './pageLanguage.ts';
import { head, languageSwitch } from './render.ts';

const CONTACT: Record<Language, (name: string, email: string, page: string) => string> = {
  en: (name, email, page) => `Contact: ${name}, ${email}. Official event page: ${page}.`,
  fr: (name, email, page) => `Contact\u00a0: ${name}, ${email}. Page officielle de l’événement\u00a0: ${page}.`,
};

function legalPage(event: EventData, lang: Language, path: string, title: string, body: string): string {
  const email = `<a href="mailto:${escapeHtml(event.contact.email)}">${escapeHtml(event.contact.email)}</a>`;
  const page = `<a href="${escapeHtml(event.eventPage)}">${escapeHtml(new URL(event.eventPage).host)}</a>`;
  return `${head(`${event.title}: ${title}`, [], 'class="legal"', lang)}
<main id="main" class="wrap">
  ${languageSwitch(lang, path)}
  <h1>${escapeHtml(title)}</h1>
  <p>${body}</p>
  <p>${CONTACT[lang](escapeHtml(event.contact.name), email, page)} <a href="/?lang=${lang}">${escapeHtml(event.title)}</a></p>
</main>
</body>
</html>
`;
}

export const renderPrivacyPage = (event: EventData, unansweredRetentionDays: number | undefined, lang: Language = 'en') =>
  legalPage(event, lang, '/privacy', PAGE_TEXT[lang].privacyStatement, contactBelow(privacyText(event, unansweredRetentionDays, lang), lang));

export const renderTermsPage = (event: EventData, lang: Language = 'en') =>
  legalPage(event, lang, '/terms', PAGE_TEXT[lang].terms, escapeHtml(termsText(lang)));
