// Server-rendered HTML for the event page (/) and the Teams tab (/tab), in the page's language (pageLanguage.ts).
// No inline scripts or event handlers: behaviour lives in /assets/*.js (the CSP allows same-origin scripts only),
// and the words those scripts show come from data-* attributes rendered here. Every time is rendered in the
// event's zone with a machine-readable instant (<time datetime>), and the browser adds the visitor's own zone.
import type { DateTime } from 'luxon';
import type { Agenda, Session } from '../../event/agenda.ts';
import type { EventData } from '../../event/schema.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../language/languages.ts';
import { escapeHtml } from './escapeHtml.ts';
import { privacyText, termsText } from './legalTexts.ts';
import { botRegistersNow, lifecycleAt, type Lifecycle } from '../../event/lifecycle.ts';
import { registrationLine } from '../../conversation/registrationText.ts';
import { wallClock } from '../../language/dateTime.ts';
import { clock, eventDatesIn, LANGUAGE_NAMES, LANGUAGES_SHOWN, PAGE_TEXT, WEB_LOCALE } from './pageLanguage.ts';

const iso = (t: DateTime) => t.toUTC().toISO({ suppressMilliseconds: true })!;

function speakersLine(agenda: Agenda, s: Session): string {
  const names = agenda.speakersOf(s).map(({ speaker }) => speaker.name + (speaker.organisation ? ` (${speaker.organisation})` : ''));
  return names.length ? `<p class="speakers">${escapeHtml(names.join('; '))}</p>` : '';
}

export interface AgendaOptions {
  /** Open "Add to calendar" links in a new window (inside Teams). */
  newWindowLinks?: boolean;
  headingLevel?: 2 | 3;
  lang?: Language;
}

/** The agenda as one table per day: event time, the visitor's time (filled in by the browser), the session. */
export function renderAgenda(agenda: Agenda, options: AgendaOptions = {}): string {
  const event = agenda.event;
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const t = PAGE_TEXT[lang];
  const h = options.headingLevel ?? 3;
  const target = options.newWindowLinks ? ' target="_blank" rel="noopener"' : '';
  return agenda.days
    .map((day) => {
      const label = t.dayHeading(day.day, t.dayDate(day.startsAt));
      const rows = day.sessions
        .map((s) => {
          const title = escapeHtml(s.title);
          return `<tr class="kind-${escapeHtml(s.kind)}" data-start="${iso(s.startsAt)}" data-end="${iso(s.endsAt)}">
  <td class="event-time"><time datetime="${iso(s.startsAt)}">${clock(lang, s.startsAt)}</time>–<time datetime="${iso(s.endsAt)}">${clock(lang, s.endsAt)}</time></td>
  <td class="visitor-time" data-visitor-time>—</td>
  <td class="session"><p class="title">${title}</p>${s.description ? `<p class="description">${escapeHtml(s.description)}</p>` : ''}${speakersLine(agenda, s)}</td>
  <td class="calendar">${s.kind === 'break' ? '' : `<a href="/calendar/${encodeURIComponent(s.id)}.ics"${target} aria-label="${escapeHtml(t.addToCalendarLabel(s.title))}">${escapeHtml(t.addToCalendar)}</a>`}</td>
</tr>`;
        })
        .join('\n');
      return `<h${h} id="day-${day.day}">${escapeHtml(label)}</h${h}>
<div class="table-wrap">
<table class="agenda" aria-labelledby="day-${day.day}">
<thead><tr><th scope="col">${escapeHtml(t.eventTime(event.timeZoneLabel))}</th><th scope="col" class="visitor-time">${escapeHtml(t.yourTime)} <span data-visitor-zone></span></th><th scope="col">${escapeHtml(t.session)}</th><th scope="col"><span class="visually-hidden">${escapeHtml(t.calendar)}</span></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
    })
    .join('\n');
}

export function head(title: string, scripts: string[], bodyAttrs: string, lang: Language = DEFAULT_LANGUAGE) {
  return `<!doctype html>
<html lang="${lang}" data-locale="${WEB_LOCALE[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/icon.png" type="image/png">
${scripts.map((s) => `<script src="${s}" defer></script>`).join('\n')}
</head>
<body ${bodyAttrs}>`;
}

/**
 * The FR/EN switch: real links (they work without JavaScript, on a phone, and from the keyboard), each named in its
 * own language, the current one marked with aria-current. `path` is the page they reload in the other language.
 */
export function languageSwitch(lang: Language, path: string): string {
  const links = LANGUAGES_SHOWN.map((l) => {
    const n = LANGUAGE_NAMES[l];
    const current = l === lang ? ' aria-current="true"' : '';
    return `<a href="${path}?lang=${l}" hreflang="${l}" lang="${l}" class="language-link" data-lang="${l}"${current}>${escapeHtml(n.name)}</a>`;
  });
  return `<nav class="language-switch" aria-label="${escapeHtml(PAGE_TEXT[lang].switchLabel)}">${links.join('')}</nav>`;
}

function zoneNote(event: EventData, lang: Language) {
  const t = PAGE_TEXT[lang];
  return `<p class="zone-note">${escapeHtml(t.zoneNote(event.timeZoneLabel, event.timeZone))} <span data-visitor-zone-note data-same-zone="${escapeHtml(t.sameZone)}" data-other-zone="${escapeHtml(t.otherZone)}"></span></p>`;
}

export interface EventPageOptions {
  /** Days unanswered questions are kept, for the privacy notice; undefined when they are not kept. */
  unansweredRetentionDays?: number;
  lang?: Language;
  /** The bot's clock (epoch millis): where the event and its registration stand (src/event/lifecycle.ts). */
  now?: number;
}

/** The state of the page that depends on the clock: re-rendered when it changes. */
export function pageState(agenda: Agenda, now: number): string {
  const lc = lifecycleAt(agenda.event, now);
  return `${lc.phase}/${lc.registration}`;
}

/** Once the event is over: a banner that says so, with the reports (their links) where the file has them. */
function endedBanner(agenda: Agenda, lc: Lifecycle, lang: Language): string {
  const event = agenda.event;
  const t = PAGE_TEXT[lang];
  const last = wallClock(+lc.endsAt, event.timeZone, lang).longDate;
  const reports = event.reports.map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.publishedTitle ?? r.title)}</a></li>`).join('\n');
  const more = event.reportsPage
    ? `<p>${escapeHtml(t.moreReports)} <a href="${escapeHtml(event.reportsPage)}">${escapeHtml(new URL(event.reportsPage).host)}</a></p>`
    : '';
  return `<section id="event-ended" class="ended-banner" aria-labelledby="ended-heading">
    <h2 id="ended-heading">${escapeHtml(t.endedHeading)}</h2>
    <p>${escapeHtml(t.endedText(event.title, last))}</p>
    ${reports ? `<h3 id="reports-heading">${escapeHtml(t.reports)}</h3>\n<ul class="report-links" aria-labelledby="reports-heading">\n${reports}\n</ul>` : ''}
    ${more}
  </section>`;
}

/** The hero's call to action: register (in the chat, or on the page the event file names), or where registration stands. */
function registrationAction(event: EventData, lc: Lifecycle, lang: Language): string {
  const t = PAGE_TEXT[lang];
  const label = escapeHtml(event.registration.mandatory ? t.registerRequired : t.register);
  if (lc.phase === 'ended') return `${event.reports.length ? `<a class="button primary" href="#event-ended">${escapeHtml(t.readReports)}</a> ` : ''}`;
  if (lc.registration === 'open')
    return lc.route.via === 'page'
      ? `<a class="button primary" id="register-page" href="${escapeHtml(lc.route.url)}">${label}</a> `
      : `<a class="button primary" id="register-cta" href="#chat" data-command="${escapeHtml(t.registerCommand)}">${label}</a> `;
  return '';
}

/** Where registration stands when it is not open: a line under the dates. */
function registrationNote(event: EventData, lc: Lifecycle, lang: Language): string {
  if (lc.phase === 'ended' || lc.registration === 'open') return '';
  return `<p class="registration-note" id="registration-state">${escapeHtml(registrationLine(event, lc, lang).replace(/\*\*/g, ''))}.</p>`;
}

/** The event page; `agenda` is the agenda of the event in `options.lang` (its translation laid over it). */
export function renderEventPage(agenda: Agenda, options: EventPageOptions = {}): string {
  const event = agenda.event;
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const t = PAGE_TEXT[lang];
  const organisers = event.organisers.map((o) => o.shortName ?? o.name).join(' · ');
  const first = agenda.days[0];
  const lc = lifecycleAt(event, options.now ?? Date.now());
  const calendar = lc.phase === 'ended' ? '' : ` <a class="button" href="/calendar/all.ics">${escapeHtml(t.addAll)}</a>`;
  const chatIntro = botRegistersNow(lc) ? t.askHtml : lc.phase === 'ended' ? t.askEndedHtml : t.askNoRegisterHtml;
  const noscript =
    lc.registration === 'open' && lc.route.via === 'page' ? t.noscriptPageHtml(lc.route.url) : botRegistersNow(lc) ? t.noscriptBotHtml : t.noscriptHtml;
  const hours = agenda.days
    .map((d) => `${clock(lang, d.startsAt)}–${clock(lang, d.endsAt)}`)
    .filter((v, i, a) => a.indexOf(v) === i)
    .join(', ');
  const email = `<a href="mailto:${escapeHtml(event.contact.email)}">${escapeHtml(event.contact.email)}</a>`;
  const officialPage = `<a href="${escapeHtml(event.eventPage)}">${escapeHtml(new URL(event.eventPage).host)}</a>`;
  return `${head(event.title, ['/assets/webchat.js', '/assets/agenda.js', '/assets/page.js'], `data-event-zone="${escapeHtml(event.timeZone)}"`, lang)}
<a class="skip-link" href="#main">${escapeHtml(t.skip)}</a>
<header class="hero">
  <div class="wrap">
    <div class="hero-top"><p class="organisers">${escapeHtml(organisers)}</p>${languageSwitch(lang, '/')}</div>
    <h1>${escapeHtml(event.title)}</h1>
    ${event.subtitle ? `<p class="subtitle">${escapeHtml(event.subtitle)}</p>` : ''}
    <p class="when"><time datetime="${escapeHtml(first.date)}">${escapeHtml(eventDatesIn(lang, event))}</time> · ${escapeHtml(event.formatLabel)}${event.location ? ` · ${escapeHtml(event.location)}` : ''} · ${hours} ${escapeHtml(event.timeZoneLabel)}</p>
    ${event.sample ? `<p class="sample-note">${escapeHtml(t.sampleNote)}</p>` : ''}
    ${registrationNote(event, lc, lang)}
    <p class="actions">${registrationAction(event, lc, lang)}<a class="button" href="#agenda">${escapeHtml(t.seeAgenda)}</a>${calendar}</p>
  </div>
</header>
<main id="main" class="wrap layout">
  ${lc.phase === 'ended' ? endedBanner(agenda, lc, lang) : ''}
  <section id="agenda" class="agenda-section" aria-labelledby="agenda-heading">
    <h2 id="agenda-heading">${escapeHtml(t.agenda)}</h2>
    ${zoneNote(event, lang)}
    ${renderAgenda(agenda, { lang })}
  </section>
  <section id="chat" class="chat-section" aria-labelledby="chat-heading">
    <h2 id="chat-heading">${escapeHtml(t.askHeading)}</h2>
    <p>${chatIntro}</p>
    <div id="webchat" class="webchat" role="region" aria-label="${escapeHtml(t.chatLabel)}"></div>
    <p id="chat-status" class="chat-status" role="status" aria-live="polite" data-failed="${escapeHtml(t.chatFailed)}" data-busy="${escapeHtml(t.chatBusy)}" data-unavailable="${escapeHtml(t.chatUnavailable)}" data-signout-failed="${escapeHtml(t.signoutFailed)}">${escapeHtml(t.loading)}</p>
    <p class="chat-identity">${escapeHtml(t.remembers)} <button type="button" class="link-button" id="chat-signout">${escapeHtml(t.signout)}</button></p>
    <noscript><p>${t.noscriptNeedsJs} ${noscript}</p></noscript>
  </section>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${t.contactHtml(event.contact.name, email, officialPage)}</p>
    <h2 id="privacy" class="footer-heading">${escapeHtml(t.privacy)}</h2>
    <p>${privacyText(event, options.unansweredRetentionDays, lang)} <a href="/privacy?lang=${lang}">${escapeHtml(t.privacyStatement)}</a></p>
    <h2 id="terms" class="footer-heading">${escapeHtml(t.terms)}</h2>
    <p>${escapeHtml(termsText(lang))} <a href="/terms?lang=${lang}">${escapeHtml(t.terms)}</a></p>
  </div>
</footer>
</body>
</html>
`;
}

/** The Teams tab; `agenda` is the agenda of the event in `lang`. */
export function renderTab(agenda: Agenda, now: number = Date.now(), lang: Language = DEFAULT_LANGUAGE): string {
  const event = agenda.event;
  const t = PAGE_TEXT[lang];
  const lc = lifecycleAt(event, now);
  const footer = lc.phase === 'ended' ? t.tabFooterEnded : botRegistersNow(lc) ? t.tabFooter : t.tabFooterNoRegister;
  return `${head(t.agendaTitle(event.title), ['/assets/teams.js', '/assets/agenda.js', '/assets/tab.js'], `class="tab theme-default" data-event-zone="${escapeHtml(event.timeZone)}"`, lang)}
<main id="main" class="wrap tab-main">
  <h1>${escapeHtml(event.title)}</h1>
  <p class="when">${escapeHtml(eventDatesIn(lang, event))} · ${escapeHtml(event.formatLabel)}</p>
  ${zoneNote(event, lang)}
  <p><a class="button" href="/calendar/all.ics" target="_blank" rel="noopener">${escapeHtml(t.addAll)}</a></p>
  ${renderAgenda(agenda, { newWindowLinks: true, headingLevel: 2, lang })}
  <p class="tab-footer">${escapeHtml(footer)}</p>
</main>
</body>
</html>
`;
}
