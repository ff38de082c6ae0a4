// Server-rendered HTML for the event page (/) and the Teams tab (/tab). No inline scripts or event handlers:
// behaviour lives in /assets/*.js (the CSP allows same-origin scripts only). Every time is rendered in the event's
// zone with a machine-readable instant (<time datetime>), and the browser adds the visitor's own zone.
import { DateTime } from 'luxon';
import type { Agenda, Session } from '../../event/agenda.ts';
import type { EventData } from '../../event/schema.ts';
import { eventDates } from '../../conversation/welcome.ts';
import { escapeHtml } from './escapeHtml.ts';
import { privacyText, termsText } from './legalTexts.ts';
import { botRegistersNow, lifecycleAt, type Lifecycle } from '../../event/lifecycle.ts';
import { registrationLine } from '../../conversation/registrationText.ts';
import { wallClock } from '../../language/dateTime.ts';

const iso = (t: DateTime) => t.toUTC().toISO({ suppressMilliseconds: true })!;

function speakersLine(agenda: Agenda, s: Session): string {
  const names = agenda.speakersOf(s).map(({ speaker }) => speaker.name + (speaker.organisation ? ` (${speaker.organisation})` : ''));
  return names.length ? `<p class="speakers">${escapeHtml(names.join('; '))}</p>` : '';
}

export interface AgendaOptions {
  /** Open "Add to calendar" links in a new window (inside Teams). */
  newWindowLinks?: boolean;
  headingLevel?: 2 | 3;
}

/** The agenda as one table per day: event time, the visitor's time (filled in by the browser), the session. */
export function renderAgenda(agenda: Agenda, options: AgendaOptions = {}): string {
  const event = agenda.event;
  const h = options.headingLevel ?? 3;
  const target = options.newWindowLinks ? ' target="_blank" rel="noopener"' : '';
  return agenda.days
    .map((day) => {
      const label = `Day ${day.day}: ${day.startsAt.setLocale('en-GB').toFormat('cccc d LLLL yyyy')}`;
      const rows = day.sessions
        .map((s) => {
          const title = escapeHtml(s.title);
          return `<tr class="kind-${escapeHtml(s.kind)}" data-start="${iso(s.startsAt)}" data-end="${iso(s.endsAt)}">
  <td class="event-time"><time datetime="${iso(s.startsAt)}">${s.startsAt.toFormat('HH:mm')}</time>–<time datetime="${iso(s.endsAt)}">${s.endsAt.toFormat('HH:mm')}</time></td>
  <td class="visitor-time" data-visitor-time>—</td>
  <td class="session"><p class="title">${title}</p>${s.description ? `<p class="description">${escapeHtml(s.description)}</p>` : ''}${speakersLine(agenda, s)}</td>
  <td class="calendar">${s.kind === 'break' ? '' : `<a href="/calendar/${encodeURIComponent(s.id)}.ics"${target} aria-label="Add “${title}” to your calendar">Add to calendar</a>`}</td>
</tr>`;
        })
        .join('\n');
      return `<h${h} id="day-${day.day}">${escapeHtml(label)}</h${h}>
<div class="table-wrap">
<table class="agenda" aria-labelledby="day-${day.day}">
<thead><tr><th scope="col">Event time (${escapeHtml(event.timeZoneLabel)})</th><th scope="col" class="visitor-time">Your time <span data-visitor-zone></span></th><th scope="col">Session</th><th scope="col"><span class="visually-hidden">Calendar</span></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
    })
    .join('\n');
}

export function head(title: string, scripts: string[], bodyAttrs: string) {
  return `<!doctype html>
<html lang="en">
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

function zoneNote(event: EventData) {
  return `<p class="zone-note">Event times are in ${escapeHtml(event.timeZoneLabel)} (${escapeHtml(event.timeZone)}). <span data-visitor-zone-note></span></p>`;
}

export interface EventPageOptions {
  /** Days unanswered questions are kept, for the privacy notice; undefined when they are not kept. */
  unansweredRetentionDays?: number;
  /** The bot's clock (epoch millis): where the event and its registration stand (src/event/lifecycle.ts). */
  now?: number;
}

/** The state of the page that depends on the clock: re-rendered when it changes. */
export function pageState(agenda: Agenda, now: number): string {
  const lc = lifecycleAt(agenda.event, now);
  return `${lc.phase}/${lc.registration}`;
}

/** Once the event is over: a banner that says so, with the reports (their links) where the file has them. */
function endedBanner(agenda: Agenda, lc: Lifecycle): string {
  const event = agenda.event;
  const last = wallClock(+lc.endsAt, event.timeZone, 'en').longDate;
  const reports = event.reports.map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.publishedTitle ?? r.title)}</a></li>`).join('\n');
  const more = event.reportsPage ? `<p>More reports: <a href="${escapeHtml(event.reportsPage)}">${escapeHtml(new URL(event.reportsPage).host)}</a></p>` : '';
  return `<section id="event-ended" class="ended-banner" aria-labelledby="ended-heading">
    <h2 id="ended-heading">This event has ended</h2>
    <p>${escapeHtml(event.title)} ended on ${escapeHtml(last)}. Registration is closed and there is nothing left to join; the agenda stays here, and the assistant still answers questions about the sessions, speakers and reports.</p>
    ${reports ? `<h3 id="reports-heading">Reports</h3>\n<ul class="report-links" aria-labelledby="reports-heading">\n${reports}\n</ul>` : ''}
    ${more}
  </section>`;
}

/** The hero's call to action: register (in the chat, or on the page the event file names), or where registration stands. */
function registrationAction(event: EventData, lc: Lifecycle): string {
  const required = event.registration.mandatory ? ' (required)' : '';
  if (lc.phase === 'ended') return `${event.reports.length ? '<a class="button primary" href="#event-ended">Read the reports</a> ' : ''}`;
  if (lc.registration === 'open')
    return lc.route.via === 'page'
      ? `<a class="button primary" id="register-page" href="${escapeHtml(lc.route.url)}">Register${required}</a> `
      : `<a class="button primary" id="register-cta" href="#chat">Register${required}</a> `;
  return '';
}

/** Where registration stands when it is not open: a line under the dates. */
function registrationNote(event: EventData, lc: Lifecycle): string {
  if (lc.phase === 'ended' || lc.registration === 'open') return '';
  return `<p class="registration-note" id="registration-state">${escapeHtml(registrationLine(event, lc).replace(/\*\*/g, ''))}.</p>`;
}

export function renderEventPage(agenda: Agenda, options: EventPageOptions = {}): string {
  const event = agenda.event;
  const organisers = event.organisers.map((o) => o.shortName ?? o.name).join(' · ');
  const first = agenda.days[0];
  const lc = lifecycleAt(event, options.now ?? Date.now());
  const calendar = lc.phase === 'ended' ? '' : ' <a class="button" href="/calendar/all.ics">Add all sessions to calendar</a>';
  const chatIntro = botRegistersNow(lc) ? 'Ask about sessions, speakers and times in your zone, or say <strong>register</strong> to sign up.' : lc.phase === 'ended' ? 'Ask about the sessions, speakers and reports.' : 'Ask about sessions, speakers and times in your zone.';
  const noscript = lc.registration === 'open' && lc.route.via === 'page' ? `You can still read the agenda and <a href="${escapeHtml(lc.route.url)}">register on the registration page</a>.` : botRegistersNow(lc) ? 'You can still read the agenda; registering happens in the chat.' : 'You can still read the agenda.';
  return `${head(event.title, ['/assets/webchat.js', '/assets/agenda.js', '/assets/page.js'], `data-event-zone="${escapeHtml(event.timeZone)}"`)}
<a class="skip-link" href="#main">Skip to content</a>
<header class="hero">
  <div class="wrap">
    <p class="organisers">${escapeHtml(organisers)}</p>
    <h1>${escapeHtml(event.title)}</h1>
    ${event.subtitle ? `<p class="subtitle">${escapeHtml(event.subtitle)}</p>` : ''}
    <p class="when"><time datetime="${escapeHtml(first.date)}">${escapeHtml(eventDates(event))}</time> · ${escapeHtml(event.formatLabel)}${event.location ? ` · ${escapeHtml(event.location)}` : ''} · ${agenda.days.map((d) => `${d.startsAt.toFormat('HH:mm')}–${d.endsAt.toFormat('HH:mm')}`).filter((v, i, a) => a.indexOf(v) === i).join(', ')} ${escapeHtml(event.timeZoneLabel)}</p>
    ${event.sample ? '<p class="sample-note">This is a sample event, made up for demonstrations.</p>' : ''}
    ${registrationNote(event, lc)}
    <p class="actions">${registrationAction(event, lc)}<a class="button" href="#agenda">See the agenda</a>${calendar}</p>
  </div>
</header>
<main id="main" class="wrap layout">
  ${lc.phase === 'ended' ? endedBanner(agenda, lc) : ''}
  <section id="agenda" class="agenda-section" aria-labelledby="agenda-heading">
    <h2 id="agenda-heading">Agenda</h2>
    ${zoneNote(event)}
    ${renderAgenda(agenda)}
  </section>
  <section id="chat" class="chat-section" aria-labelledby="chat-heading">
    <h2 id="chat-heading">Ask the event assistant</h2>
    <p>${chatIntro}</p>
    <div id="webchat" class="webchat" role="region" aria-label="Chat with the event assistant"></div>
    <p id="chat-status" class="chat-status" role="status" aria-live="polite">Loading the chat…</p>
    <p class="chat-identity">This browser remembers you in the chat. <button type="button" class="link-button" id="chat-signout">Sign out of this browser</button></p>
    <noscript><p>The chat needs JavaScript. ${noscript}</p></noscript>
  </section>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>Questions? Contact ${escapeHtml(event.contact.name)}, <a href="mailto:${escapeHtml(event.contact.email)}">${escapeHtml(event.contact.email)}</a>. Official event page: <a href="${escapeHtml(event.eventPage)}">${escapeHtml(new URL(event.eventPage).host)}</a>.</p>
    <h2 id="privacy" class="footer-heading">Privacy</h2>
    <p>${privacyText(event, options.unansweredRetentionDays)}</p>
    <h2 id="terms" class="footer-heading">Terms of use</h2>
    <p>${escapeHtml(termsText)}</p>
  </div>
</footer>
</body>
</html>
`;
}

export function renderTab(agenda: Agenda, now: number = Date.now()): string {
  const event = agenda.event;
  const lc = lifecycleAt(event, now);
  const footer = lc.phase === 'ended' ? `This event has ended. Ask the bot in chat about its sessions, speakers and reports.` : botRegistersNow(lc) ? 'Ask the bot in chat for speakers, reports or to register.' : 'Ask the bot in chat for speakers and reports.';
  return `${head(`${event.title}: agenda`, ['/assets/teams.js', '/assets/agenda.js', '/assets/tab.js'], `class="tab theme-default" data-event-zone="${escapeHtml(event.timeZone)}"`)}
<main id="main" class="wrap tab-main">
  <h1>${escapeHtml(event.title)}</h1>
  <p class="when">${escapeHtml(eventDates(event))} · ${escapeHtml(event.formatLabel)}</p>
  ${zoneNote(event)}
  <p><a class="button" href="/calendar/all.ics" target="_blank" rel="noopener">Add all sessions to calendar</a></p>
  ${renderAgenda(agenda, { newWindowLinks: true, headingLevel: 2 })}
  <p class="tab-footer">${escapeHtml(footer)}</p>
</main>
</body>
</html>
`;
}
