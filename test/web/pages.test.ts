// The event page, the Teams tab, their assets and the calendar files, over HTTP.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { calendarUrl, allSessionsCalendarUrl } from '../../src/web/calendarLinks.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const cspOf = (res: Response) =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  ) as Record<string, string[]>;

describe('event page and Teams tab', function () {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({}, { clock: new ManualClock('2022-03-01T12:00:00Z') });
  });
  after(async () => bot.stop());

  it('serves the page in the visitor’s language: ?lang= (remembered in a cookie), else the remembered choice, else Accept-Language, else English', async () => {
    const lang = async (headers: Record<string, string>, path = '/') => {
      const res = await fetch(`${bot.url}${path}`, { headers });
      expect(res.status).to.equal(200);
      expect(res.headers.get('vary')).to.contain('Cookie').and.contain('Accept-Language');
      const html = await res.text();
      return { lang: /<html lang="(\w+)"/.exec(html)?.[1], cookie: res.headers.get('set-cookie'), html, contentLanguage: res.headers.get('content-language') };
    };
    expect((await lang({})).lang).to.equal('en');
    expect((await lang({ 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' })).lang).to.equal('fr');
    expect((await lang({ 'accept-language': 'de-DE,fr;q=0.5,en;q=0.7' })).lang).to.equal('en');
    expect((await lang({ 'accept-language': 'de-DE, fr;q=0.3' })).lang).to.equal('fr');
    expect((await lang({ 'accept-language': 'fr;q=0, en-GB' })).lang).to.equal('en');
    const chosen = await lang({ 'accept-language': 'en-GB' }, '/?lang=fr');
    expect(chosen).to.include({ lang: 'fr', contentLanguage: 'fr' });
    expect(chosen.cookie).to.match(/^page-lang=fr; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await lang({ cookie: 'page-lang=fr', 'accept-language': 'en' })).lang).to.equal('fr');
    expect((await lang({ cookie: 'page-lang=en', 'accept-language': 'fr' })).lang).to.equal('en');
    // Anything else is no choice: the browser's language decides, and nothing is remembered.
    const odd = await lang({ cookie: 'page-lang=xx; %%%', 'accept-language': 'x'.repeat(2000) }, '/?lang=de');
    expect(odd).to.include({ lang: 'en', cookie: null });
    // The French page: the event's French text, French dates and times, French words, no inline script.
    const fr = chosen.html;
    expect(fr).to.contain('<h1>Clinique sur la sécurité des SFN</h1>').and.contain('30–31 mars 2022');
    expect(fr).to.contain('<time datetime="2022-03-30T07:00:00Z">10\u00a0h</time>');
    expect(fr).to.contain('aria-label="Conversation avec l’assistant de l’événement"').and.contain('data-command="je veux m’inscrire"');
    expect(fr).to.match(/<a href="\/\?lang=fr" hreflang="fr" lang="fr" [^>]*aria-current="true">Français<\/a>/);
    expect(fr).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await lang({}, '/tab?lang=fr')).html).to.contain('Jour 1\u00a0: mercredi 30 mars 2022');
    expect((await lang({ 'accept-language': 'fr' }, '/privacy')).html).to.contain('<h1>Déclaration de confidentialité</h1>');
  });

  it('serves the event page with title, dates, agenda, register call to action and the chat region', async () => {
    const res = await fetch(`${bot.url}/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    const html = await res.text();
    expect(html).to.contain('<h1>DFS Security Clinic</h1>');
    expect(html).to.contain('30–31 March 2022');
    expect(html)
      .to.match(/<main id="main"/)
      .and.match(/<header/)
      .and.match(/<footer/);
    expect(html).to.contain('id="register-cta"');
    expect(html).to.contain('id="webchat"').and.contain('aria-label="Chat with the event assistant"');
    // Agenda rows carry instants for the browser, and event-zone times for everyone.
    expect(html).to.match(/<tr class="kind-opening" data-start="2022-03-30T07:00:00Z" data-end="2022-03-30T07:\d\d:00Z">/);
    expect(html).to.contain('<time datetime="2022-03-30T07:00:00Z">10:00</time>');
    expect(html).to.contain('href="/calendar/all.ics"');
    expect(html).to.match(/href="\/calendar\/[a-z0-9-]+\.ics" aria-label="Add “[^"]+” to your calendar"/);
    // No inline scripts or handlers: everything runs from same-origin files.
    expect(html).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).to.not.match(/\son[a-z]+=/i);
    expect(html).to.contain('<script src="/assets/webchat.js" defer></script>');
  });

  it('sends security headers: same-origin scripts only, Direct Line in connect-src, no framing', async () => {
    const res = await fetch(`${bot.url}/`);
    const csp = cspOf(res);
    expect(csp['script-src']).to.deep.equal(["'self'"]);
    expect(csp['default-src']).to.deep.equal(["'none'"]);
    expect(csp['frame-ancestors']).to.deep.equal(["'none'"]);
    const host = new URL(bot.url).host;
    expect(csp['connect-src']).to.include.members(["'self'", `ws://${host}`, `wss://${host}`]);
    expect(res.headers.get('x-frame-options')).to.equal('DENY');
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('referrer-policy')).to.be.a('string');
  });

  it('serves the Teams tab framable by Teams only, with teams-js from our own origin', async () => {
    const res = await fetch(`${bot.url}/tab`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.contain('<script src="/assets/teams.js" defer></script>');
    expect(html).to.contain('target="_blank" rel="noopener" aria-label="Add');
    expect(res.headers.get('x-frame-options')).to.equal(null);
    const csp = cspOf(res);
    expect(csp['frame-ancestors']).to.include.members(['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.office.com']);
    expect(csp['script-src']).to.deep.equal(["'self'"]);
  });

  it('serves Web Chat, teams-js and the page scripts from this origin, compressed and cacheable', async () => {
    const webchat = await fetch(`${bot.url}/assets/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(webchat.status).to.equal(200);
    expect(webchat.headers.get('content-type')).to.match(/javascript/);
    expect(webchat.headers.get('content-encoding')).to.equal('gzip');
    const body = await webchat.text();
    expect(body).to.contain('renderWebChat');
    const etag = webchat.headers.get('etag')!;
    expect((await fetch(`${bot.url}/assets/webchat.js`, { headers: { 'if-none-match': etag } })).status).to.equal(304);
    const teams = await fetch(`${bot.url}/assets/teams.js`);
    expect(teams.status).to.equal(200);
    expect(await teams.text()).to.contain('microsoftTeams');
    for (const name of ['page.js', 'tab.js', 'agenda.js', 'site.css', 'icon.png'])
      expect((await fetch(`${bot.url}/assets/${name}`)).status, name).to.equal(200);
    expect((await fetch(`${bot.url}/assets/..%2Fpackage.json`)).status).to.equal(404);
    expect((await fetch(`${bot.url}/assets/nope.js`)).status).to.equal(404);
  });
});

describe('calendar files', function () {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({ PUBLIC_URL: 'https://bot.example.org' }, { clock: new ManualClock('2022-03-01T12:00:00Z') });
  });
  after(async () => bot.stop());

  it('serves one session as a standards-compliant iCalendar file with UTC times', async () => {
    const session = bot.app.agenda.sessions.find((s) => s.kind !== 'break')!;
    const res = await fetch(`${bot.url}/calendar/${session.id}.ics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/calendar/);
    expect(res.headers.get('content-disposition')).to.contain(`${session.id}.ics`);
    const ics = await res.text();
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(ics)
      .to.match(/^BEGIN:VCALENDAR\r\n/)
      .and.match(/END:VCALENDAR\r\n$/);
    expect(ics).to.contain('\r\n'); // CRLF line endings (RFC 5545)
    expect(unfolded).to.contain('VERSION:2.0').and.contain('PRODID:');
    expect(unfolded.match(/BEGIN:VEVENT/g)).to.have.length(1);
    expect(unfolded).to.contain(`UID:${session.id}@dfs-security-clinic-2022.event-assistant`);
    expect(unfolded).to.contain('DTSTAMP:20220301T120000Z');
    expect(unfolded).to.contain(`DTSTART:${session.startsAt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    expect(unfolded).to.contain(`DTEND:${session.endsAt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    expect(unfolded).to.match(/SUMMARY:.*DFS Security Clinic/);
    expect(unfolded).to.match(/DESCRIPTION:.*EAT \(Africa\/Nairobi\)/);
    expect(unfolded).to.contain('URL;VALUE=URI:https://bot.example.org/#agenda');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).to.be.at.most(75);
  });

  it('serves every session in all.ics and 404 for unknown ids', async () => {
    const res = await fetch(`${bot.url}/calendar/all.ics`);
    expect(res.status).to.equal(200);
    const ics = await res.text();
    const talks = bot.app.agenda.sessions.filter((s) => s.kind !== 'break');
    expect(ics.match(/BEGIN:VEVENT/g)).to.have.length(talks.length);
    expect((await fetch(`${bot.url}/calendar/no-such-session.ics`)).status).to.equal(404);
    expect((await fetch(`${bot.url}/calendar/${talks[0].id}.txt`)).status).to.equal(404);
    expect((await fetch(`${bot.url}/calendar/..%2F..%2Fetc.ics`)).status).to.equal(404);
  });

  it('builds links for cards', () => {
    expect(calendarUrl('https://bot.example.org/', 'd1-opening')).to.equal('https://bot.example.org/calendar/d1-opening.ics');
    expect(calendarUrl(undefined, 'd1-opening')).to.equal('/calendar/d1-opening.ics');
    expect(allSessionsCalendarUrl('https://bot.example.org')).to.equal('https://bot.example.org/calendar/all.ics');
  });
});
