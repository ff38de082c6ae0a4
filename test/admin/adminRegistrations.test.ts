// GET /api/admin/registrations over HTTP (with and without the token, JSON and CSV), the reusable
// Bearer check, CSV escaping with formula neutralisation, and the `npm run registrations` CLI.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAdminAuthorization } from '../../src/admin/adminAuth.ts';
import { csvCell, toCsv } from '../../src/admin/csv.ts';
import { printRegistrations } from '../../src/cli/registrations.ts';
import { RegistrationStore, type RegistrationDraft } from '../../src/registration/registrationStore.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const TOKEN = 'test-admin-token-0123456789';
const draft = (over: Partial<RegistrationDraft> = {}): RegistrationDraft => ({
  fullName: 'Ada Lovelace',
  email: 'ada@example.org',
  organisation: 'Analytical Engines',
  country: { code: 'CI', name: 'Côte d’Ivoire' },
  category: 'Central bank',
  reminders: 'all',
  followedSessionIds: [],
  consentAt: '2022-03-01T00:00:00.000Z',
  ...over,
});

/** A minimal RFC 4180 reader for the assertions. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('admin: registrations API', () => {
  let bot: BotUnderTest;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${bot.url}${path}`, { headers });
  before(async () => {
    bot = await startBot({ ADMIN_TOKEN: TOKEN });
    await bot.app.registrations.save(draft(), 'webchat:u1');
    await bot.app.registrations.save(
      draft({ fullName: '=HYPERLINK("http://evil.example","click")', email: 'evil@example.org', organisation: '+Acme, "Quoted"\nLine two', category: '-Other' }),
      'msteams:29:x',
    );
    // Semicolon-separated spreadsheets (most of Europe) split an unquoted ";": "Acme;=2+3" became a formula cell.
    await bot.app.registrations.save(
      draft({ fullName: ' =1+1', email: 'semi@example.org', organisation: 'Acme;=2+3', category: '\uff1dHYPERLINK("http://evil.example")' }),
      'webchat:u3',
    );
  });
  after(async () => bot.stop());

  it('answers 401 without the token or with a wrong one', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: `Basic ${TOKEN}` }, { authorization: `Bearer ${TOKEN}x` }]) {
      const res = await get('/api/admin/registrations', headers);
      expect(res.status, JSON.stringify(headers)).to.equal(401);
      expect(res.headers.get('www-authenticate')).to.include('Bearer');
      const body = (await res.json()) as Record<string, string>;
      expect(body.error).to.equal('Unauthorized');
      expect(JSON.stringify(body)).to.not.include('ada@example.org');
    }
  });

  it('lists registrations as JSON with the token', async () => {
    const res = await get('/api/admin/registrations', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('application/json');
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const body = (await res.json()) as { event: string; count: number; registrations: Record<string, unknown>[] };
    expect(body.event).to.equal('dfs-security-clinic-2022');
    expect(body.count).to.equal(3);
    expect(body.registrations[0]).to.include({ fullName: 'Ada Lovelace', email: 'ada@example.org', countryCode: 'CI', category: 'Central bank', reminders: 'all' });
    expect(body.registrations[0].channels).to.deep.equal(['webchat']);
    expect(JSON.stringify(body)).to.not.include('29:x'); // channel user ids stay internal
  });

  it('exports CSV with ?format=csv or Accept: text/csv, escaped and formula-safe', async () => {
    for (const [path, headers] of [
      ['/api/admin/registrations?format=csv', {}],
      ['/api/admin/registrations', { accept: 'text/csv' }],
    ] as const) {
      const res = await get(path, { authorization: `Bearer ${TOKEN}`, ...headers });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).to.include('registrations-dfs-security-clinic-2022.csv');
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const rows = parseCsv(text);
      expect(rows[0].slice(0, 4)).to.deep.equal(['reference', 'fullName', 'email', 'organisation']);
      expect(rows).to.have.length(4);
      const semi = rows.find((r) => r[2] === 'semi@example.org')!;
      expect(text).to.include(',"Acme;=2+3",');
      expect(semi[1]).to.equal("' =1+1");
      expect(semi[3]).to.equal('Acme;=2+3');
      expect(semi[6]).to.equal(`'\uff1dHYPERLINK("http://evil.example")`);
      expect(rows[1][1]).to.equal('Ada Lovelace');
      expect(rows[1][5]).to.equal('Côte d’Ivoire');
      const evil = rows.find((r) => r[2] === 'evil@example.org')!;
      expect(evil[1]).to.equal(`'=HYPERLINK("http://evil.example","click")`);
      expect(evil[3]).to.equal(`'+Acme, "Quoted"\nLine two`);
      expect(evil[6]).to.equal(`'-Other`);
    }
  });

  it('rejects an unknown format', async () => {
    const res = await get('/api/admin/registrations?format=xml', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).to.equal(400);
  });

  it('is off, and says so, when no ADMIN_TOKEN is set', async () => {
    const off = await startBot();
    try {
      const res = await fetch(`${off.url}/api/admin/registrations`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).to.equal(503);
      const body = (await res.json()) as Record<string, string>;
      expect(body.message).to.include('ADMIN_TOKEN');
    } finally {
      await off.stop();
    }
  });
});

describe('admin: Bearer check and CSV cells', () => {
  it('accepts only the exact token', () => {
    expect(checkAdminAuthorization(`Bearer ${TOKEN}`, TOKEN)).to.deep.equal({ ok: true });
    expect(checkAdminAuthorization(`bearer ${TOKEN}`, TOKEN)).to.deep.equal({ ok: true });
    expect(checkAdminAuthorization(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).to.include({ ok: false, status: 401 });
    expect(checkAdminAuthorization(undefined, TOKEN)).to.include({ ok: false, status: 401 });
    expect(checkAdminAuthorization(`Bearer ${TOKEN}`, undefined)).to.include({ ok: false, status: 503 });
  });
  it('escapes and neutralises cells', () => {
    expect(csvCell('plain')).to.equal('plain');
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('-2')).to.equal("'-2");
    expect(csvCell('+44 20')).to.equal("'+44 20");
    expect(csvCell('\tx')).to.equal(`"'\tx"`);
    expect(csvCell('a;b')).to.equal('"a;b"');
    expect(csvCell('  =1')).to.equal("'  =1");
    expect(csvCell('\uff0b1')).to.equal("'\uff0b1");
    expect(csvCell(undefined)).to.equal('');
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).to.equal('a,b\r\n1,"x\ny"\r\n');
  });
});

describe('npm run registrations', () => {
  it('prints the store as JSON or CSV, reading STORAGE_URL like the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reg-cli-'));
    const url = `sqlite://${join(dir, 'x.sqlite')}`;
    try {
      const kv = new KeyValueStore(await openBackend(url));
      await new RegistrationStore(kv).save(draft(), 'webchat:u1');
      await kv.close();
      let out = '';
      expect(await printRegistrations(['--csv'], { STORAGE_URL: url }, (s) => (out += s))).to.equal(0);
      const rows = parseCsv(out);
      expect(rows[0][0]).to.equal('reference');
      expect(rows[1][1]).to.equal('Ada Lovelace');
      // (the language the bot writes to the attendee in: English for a registration from before it was kept)
      expect(rows[1][rows[0].indexOf('language')]).to.equal('en');
      out = '';
      expect(await printRegistrations([], { STORAGE_URL: url }, (s) => (out += s))).to.equal(0);
      expect(JSON.parse(out)[0]).to.include({ email: 'ada@example.org', language: 'en' });
      out = '';
      expect(await printRegistrations(['--nope'], { STORAGE_URL: url }, (s) => (out += s))).to.equal(2);
      expect(out).to.include('Usage');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
