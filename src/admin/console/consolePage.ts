// Server-rendered HTML for the organisers' console (/admin): the sign-in form, and the console's frame whose
// panels /assets/admin.js fills from the JSON API. No inline script (the CSP allows same-origin files only);
// the CSRF token reaches the script through a <meta> tag.
import type { EventData } from '../../event/schema.ts';
import { escapeHtml } from '../../web/pages/escapeHtml.ts';

function page(title: string, body: string, extraHead = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="stylesheet" href="/assets/admin.css">
<link rel="icon" href="/assets/icon.png" type="image/png">
${extraHead}
</head>
<body class="admin">
<a class="skip-link" href="#main">Skip to content</a>
${body}
</body>
</html>
`;
}

export interface SignInPageOptions {
  /** Shown above the form (wrong token, too many attempts, signed out). */
  message?: { kind: 'error' | 'info'; text: string };
}

export function renderSignIn(event: EventData, options: SignInPageOptions = {}): string {
  const m = options.message;
  return page(
    `Sign in · Organisers' console · ${event.title}`,
    `<main id="main" class="wrap admin-signin">
  <h1>Organisers' console</h1>
  <p class="admin-event">${escapeHtml(event.title)}</p>
  ${m ? `<p class="notice ${m.kind}" ${m.kind === 'error' ? 'role="alert"' : 'role="status"'}>${escapeHtml(m.text)}</p>` : ''}
  <form method="post" action="/admin/sign-in" class="signin-form">
    <label for="token">Admin token</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false" autocapitalize="off">
    <p class="hint" id="token-hint">The <code>ADMIN_TOKEN</code> the bot was started with. You stay signed in for a limited time.</p>
    <button type="submit" class="button primary">Sign in</button>
  </form>
</main>`,
  );
}

export function renderConsoleOff(): string {
  return page(
    "Organisers' console is off",
    `<main id="main" class="wrap admin-signin">
  <h1>Organisers' console is off</h1>
  <p>Set <code>ADMIN_TOKEN</code> (at least 16 characters) and restart the bot to use it.</p>
</main>`,
  );
}

export interface ConsolePageOptions {
  csrfToken: string;
  expiresAt: string;
  unansweredEnabled: boolean;
  retentionDays: number;
}

export function renderConsole(event: EventData, o: ConsolePageOptions): string {
  // A wide table scrolls inside its box on a phone; the box is a labelled region that takes keyboard focus, so the
  // scroll can be reached without a mouse.
  const chartPanel = (id: string, title: string, column: string) => `<div class="breakdown" id="by-${id}">
        <h3 id="by-${id}-heading">${title}</h3>
        <div class="chart" data-chart aria-hidden="true"></div>
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="by-${id}-heading"><table aria-labelledby="by-${id}-heading"><thead><tr><th scope="col">${column}</th><th scope="col" class="num">Registrations</th></tr></thead><tbody data-rows></tbody></table></div>
      </div>`;
  return page(
    `Organisers' console · ${event.title}`,
    `<header class="admin-header">
  <div class="wrap admin-header-row">
    <div>
      <p class="admin-event">${escapeHtml(event.title)}</p>
      <h1>Organisers' console</h1>
    </div>
    <form method="post" action="/admin/sign-out" class="signout-form">
      <input type="hidden" name="csrf" value="${escapeHtml(o.csrfToken)}">
      <button type="submit" class="button">Sign out</button>
    </form>
  </div>
  <nav class="wrap admin-nav" aria-label="Console sections">
    <a href="#registrations">Registrations</a> <a href="#reminders">Reminders</a> <a href="#announcements">Announcements</a> <a href="#unanswered">Unanswered questions</a>
  </nav>
</header>
<main id="main" class="wrap admin-main" data-session-expires="${escapeHtml(o.expiresAt)}">
  <p id="console-status" class="notice info" role="status" aria-live="polite">Loading…</p>

  <section id="registrations" class="panel" aria-labelledby="registrations-heading">
    <div class="panel-head">
      <h2 id="registrations-heading">Registrations</h2>
      <a class="button" id="csv-download" href="/api/admin/registrations?format=csv" download>Download CSV</a>
    </div>
    <dl class="totals">
      <div><dt>Registered</dt><dd id="total-registrations">–</dd></div>
      <div><dt>With reminders</dt><dd id="total-with-reminders">–</dd></div>
      <div><dt>Countries</dt><dd id="total-countries">–</dd></div>
    </dl>
    <div class="breakdowns">
      ${chartPanel('country', 'By country', 'Country')}
      ${chartPanel('category', 'By category', 'Category')}
      ${chartPanel('day', 'By day of registration', 'Day (event time)')}
    </div>
    <h3 id="search-heading">Find a registration</h3>
    <label for="registration-search">Name, e-mail, organisation, country, category or reference</label>
    <input id="registration-search" type="search" autocomplete="off" aria-controls="registration-results">
    <p id="registration-count" class="hint" role="status" aria-live="polite"></p>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="search-heading">
      <table id="registration-results" aria-labelledby="search-heading">
        <thead><tr><th scope="col">Reference</th><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Organisation</th><th scope="col">Country</th><th scope="col">Category</th><th scope="col">Reminders</th><th scope="col">Registered</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </section>

  <section id="reminders" class="panel" aria-labelledby="reminders-heading">
    <h2 id="reminders-heading">Reminders</h2>
    <p id="reminders-next" class="hint"></p>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="reminders-heading">
      <table id="reminders-table" aria-labelledby="reminders-heading">
        <thead><tr><th scope="col">Session</th><th scope="col">Reminder due</th><th scope="col" class="num">Followers</th><th scope="col" class="num">Sent</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Pending</th><th scope="col">State</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </section>

  <section id="announcements" class="panel" aria-labelledby="announcements-heading">
    <h2 id="announcements-heading">Announcements</h2>
    <form id="announce-form" class="announce-form" novalidate>
      <label for="announce-text">Message</label>
      <textarea id="announce-text" name="text" rows="5" maxlength="4000" required aria-describedby="announce-hint"></textarea>
      <p id="announce-hint" class="hint">Plain text; **bold**, _italic_, [links](https://…) and lines starting with “- ” show as in the chat. At most 4000 characters.</p>
      <label for="announce-text-fr">In French <span class="hint">(optional)</span></label>
      <textarea id="announce-text-fr" name="textFr" rows="5" maxlength="4000" lang="fr" aria-describedby="announce-fr-hint"></textarea>
      <p id="announce-fr-hint" class="hint">Attendees who registered in French get this text; without it, they get the message above, in English. At most 4000 characters.</p>
      <label for="announce-audience">Send to</label>
      <select id="announce-audience" name="sessionId">
        <option value="">Everyone registered</option>
      </select>
      <p id="announce-recipients" class="hint" role="status" aria-live="polite"></p>
      <h3 id="preview-heading">Preview</h3>
      <div class="previews" aria-labelledby="preview-heading">
        <figure class="preview preview-teams"><figcaption>Microsoft Teams</figcaption><div class="bubble" data-preview></div></figure>
        <figure class="preview preview-webchat"><figcaption>Web Chat on the event page</figcaption><div class="bubble" data-preview></div></figure>
        <figure class="preview preview-french" id="preview-french" hidden><figcaption>In French</figcaption><div class="bubble" lang="fr" data-preview-fr></div></figure>
      </div>
      <p id="announce-error" class="notice error" role="alert" hidden></p>
      <button type="submit" class="button primary" id="announce-send">Send announcement</button>
    </form>
    <h3 id="announce-status-heading">Delivery</h3>
    <div id="announce-status" aria-labelledby="announce-status-heading" aria-live="polite">
      <p class="hint">Nothing sent from this page yet.</p>
    </div>
    <h3 id="announce-history-heading">Sent announcements</h3>
    <p class="hint">Every announcement, newest first, from any organiser or instance; the counts update while deliveries are pending.</p>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="announce-history-heading">
      <table id="announce-history" aria-labelledby="announce-history-heading">
        <thead><tr><th scope="col">Sent</th><th scope="col">To</th><th scope="col">Message</th><th scope="col" class="num">Recipients</th><th scope="col" class="num">Reached</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Pending</th><th scope="col">Chat</th><th scope="col">E-mail</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </section>

  <section id="unanswered" class="panel" aria-labelledby="unanswered-heading" data-enabled="${o.unansweredEnabled}">
    <h2 id="unanswered-heading">Unanswered questions</h2>
    <p class="hint">${
      o.unansweredEnabled
        ? `Questions the bot could not answer, grouped when they ask the same thing, newest first. Only the text is kept (e-mail addresses and numbers masked), never who asked; each is kept ${o.retentionDays} days after it was last asked.`
        : 'Not being kept: UNANSWERED_QUESTIONS is off.'
    }</p>
    <p><label><input type="checkbox" id="show-handled"> Show handled questions</label></p>
    <ol id="unanswered-list" class="unanswered-list"></ol>
    <p id="unanswered-empty" class="hint" hidden>No unanswered questions.</p>
  </section>
</main>`,
    `<meta name="csrf-token" content="${escapeHtml(o.csrfToken)}">
<script src="/assets/admin.js" defer></script>`,
  );
}
