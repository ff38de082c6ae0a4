// The web door for people: the event page (/), the Teams agenda tab (/tab) and their assets, all served from
// this origin (Web Chat's and teams-js' bundles too: no CDN, works offline). Security headers per page:
// same-origin scripts only, connect-src limited to the Direct Line in use, and the tab framable only by Teams.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { projectRoot, type Settings } from '../../config.ts';
import { Agenda } from '../../event/agenda.ts';
import { localiseEvent } from '../../event/translations.ts';
import type { Language } from '../../language/languages.ts';
import type { Clock } from '../../clock.ts';
import { pageLanguage } from './pageLanguage.ts';
import { pageState, renderEventPage, renderTab } from './render.ts';
import { renderPrivacyPage, renderTermsPage } from './legalPages.ts';
import { BASE_CSP, commonPageHeaders, cspHeader } from './securityHeaders.ts';

const require = createRequire(import.meta.url);

/** Where Teams (web, desktop, mobile) and the other Microsoft 365 hosts frame a tab from. */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.microsoft.us',
  'https://*.teams.microsoft.us',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

/** teams-js fetches the list of hosts it may talk to from here when it loads (its fallback list is built in). */
export const TEAMS_JS_VALID_DOMAINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

interface Asset {
  file: string;
  type: string;
  body?: Buffer;
  gzip?: Buffer;
  etag?: string;
}

function assets(): Record<string, Asset> {
  const webchatDist = resolve(dirname(require.resolve('botframework-webchat')), '..', 'dist');
  const teamsDist = resolve(dirname(require.resolve('@microsoft/teams-js/package.json')), 'dist', 'umd');
  const pub = resolve(projectRoot, 'public');
  return {
    'webchat.js': { file: resolve(webchatDist, 'webchat.js'), type: 'text/javascript; charset=utf-8' },
    'teams.js': { file: resolve(teamsDist, 'MicrosoftTeams.min.js'), type: 'text/javascript; charset=utf-8' },
    'page.js': { file: resolve(pub, 'page.js'), type: 'text/javascript; charset=utf-8' },
    'tab.js': { file: resolve(pub, 'tab.js'), type: 'text/javascript; charset=utf-8' },
    'agenda.js': { file: resolve(pub, 'agenda.js'), type: 'text/javascript; charset=utf-8' },
    'site.css': { file: resolve(pub, 'site.css'), type: 'text/css; charset=utf-8' },
    'admin.js': { file: resolve(pub, 'admin.js'), type: 'text/javascript; charset=utf-8' },
    'admin.css': { file: resolve(pub, 'admin.css'), type: 'text/css; charset=utf-8' },
    'icon.png': { file: resolve(projectRoot, 'manifest', 'color.png'), type: 'image/png' },
  };
}

export interface PagesOptions {
  settings: Settings;
  /** The live agenda: read per request, so an edited event file shows at once. */
  agenda: () => Agenda;
  /** The bot's clock: the page says when registration has closed and when the event has ended. */
  clock: Clock;
}

export function mountPages(server: Server, { settings, agenda, clock }: PagesOptions) {
  const table = assets();
  // Rendered once per version of the event and language, on the first request that sees it: the event's text in
  // that language (its translations block laid over it), the page's own words and dates as that language writes them.
  const unansweredRetentionDays = settings.UNANSWERED_QUESTIONS === 'on' ? settings.UNANSWERED_RETENTION_DAYS : undefined;
  // Rendered again when the event's state by the bot's clock changes (registration closes, the event ends).
  let rendered: { of: Agenda; state: string; byLanguage: Map<Language, { agenda: Agenda; page?: string; tab?: string }> } | undefined;
  const inLanguage = (lang: Language) => {
    const live = agenda();
    const state = pageState(live, clock.now().getTime());
    if (rendered?.of !== live || rendered.state !== state) rendered = { of: live, state, byLanguage: new Map() };
    let entry = rendered.byLanguage.get(lang);
    if (!entry) {
      const event = localiseEvent(live.event, lang);
      rendered.byLanguage.set(lang, (entry = { agenda: event === live.event ? live : new Agenda(event) }));
    }
    return entry;
  };
  const page = (lang: Language) => {
    const entry = inLanguage(lang);
    return (entry.page ??= renderEventPage(entry.agenda, { unansweredRetentionDays, lang, now: clock.now().getTime() }));
  };
  const tab = (lang: Language) => {
    const entry = inLanguage(lang);
    return (entry.tab ??= renderTab(entry.agenda, clock.now().getTime(), lang));
  };
  const secure = Boolean(settings.PUBLIC_URL?.startsWith('https://'));
  /** The request's page language; remembers an explicit ?lang= choice in a cookie. */
  const languageOf = (req: Request, res: Response) => {
    const { lang, setCookie } = pageLanguage(req, secure || String(req.headers['x-forwarded-proto'] ?? '').startsWith('https'));
    if (setCookie) res.setHeader('Set-Cookie', setCookie);
    res.setHeader('Vary', 'Cookie, Accept-Language');
    res.setHeader('Content-Language', lang);
    return lang;
  };

  const directLineOrigins = (req: Request) => {
    if (settings.DIRECT_LINE_SECRET) {
      const u = new URL(settings.DIRECT_LINE_ENDPOINT);
      return `${u.origin} ${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}`;
    }
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '')
      .split(',')[0]
      .trim();
    // 'self' covers http(s); WebSocket origins are listed explicitly for browsers that don't map 'self' to ws(s).
    return /^[\w.:[\]-]+$/.test(host) ? `ws://${host} wss://${host}` : '';
  };

  const common = (res: Response) => commonPageHeaders(res, settings.PUBLIC_URL);
  const csp = cspHeader;
  const baseCsp = BASE_CSP;
  const html = (res: Response, body: string) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.writeHead(200);
    res.end(body);
  };

  server.get('/', async (req: Request, res: Response) => {
    common(res);
    res.setHeader('Content-Security-Policy', csp({ ...baseCsp, 'connect-src': `'self' ${directLineOrigins(req)}`, 'frame-ancestors': "'none'" }));
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    html(res, page(languageOf(req, res)));
  });

  server.get('/tab', async (req: Request, res: Response) => {
    common(res);
    // Framed by Teams: no X-Frame-Options (it cannot list several origins), frame-ancestors instead.
    // connect-src: that one file for teams-js, nothing else off this origin.
    res.setHeader(
      'Content-Security-Policy',
      csp({ ...baseCsp, 'connect-src': `'self' ${TEAMS_JS_VALID_DOMAINS_URL}`, 'frame-ancestors': `'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}` }),
    );
    html(res, tab(languageOf(req, res)));
  });

  // The privacy statement and terms of use (the Teams app links here unless PRIVACY_URL / TERMS_URL say otherwise).
  const legal = (render: (lang: Language) => string) => async (req: Request, res: Response) => {
    common(res);
    const lang = languageOf(req, res);
    res.setHeader('Content-Security-Policy', csp({ ...baseCsp, 'connect-src': "'none'", 'frame-ancestors': "'none'" }));
    res.setHeader('X-Frame-Options', 'DENY');
    html(res, render(lang));
  };
  server.get(
    '/privacy',
    legal((lang) => renderPrivacyPage(inLanguage(lang).agenda.event, unansweredRetentionDays, lang)),
  );
  server.get(
    '/terms',
    legal((lang) => renderTermsPage(inLanguage(lang).agenda.event, lang)),
  );

  server.get('/assets/:name', async (req: Request, res: Response) => {
    const asset = table[String(req.params.name)];
    if (!asset) {
      res.status(404);
      res.json({ error: 'NotFound', message: 'No such asset.' });
      return;
    }
    try {
      if (!asset.body) {
        asset.body = readFileSync(asset.file);
        asset.etag = `"${createHash('sha256').update(asset.body).digest('base64url').slice(0, 22)}"`;
        if (!asset.type.startsWith('image/')) asset.gzip = gzipSync(asset.body, { level: 9 });
      }
    } catch {
      res.status(404);
      res.json({ error: 'NotFound', message: 'Asset missing on the server.' });
      return;
    }
    common(res);
    res.setHeader('Content-Type', asset.type);
    res.setHeader('ETag', asset.etag!);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    const body = gzip ? asset.gzip! : asset.body!;
    res.setHeader('Content-Length', String(body.length));
    res.writeHead(200);
    res.end(body);
  });
}
