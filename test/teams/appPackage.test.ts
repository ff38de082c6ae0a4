// `npm run teams:package`: the manifest filled from settings, validated offline against the official schema,
// zipped with the icons; clear failures when settings are missing or the result is invalid.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { projectRoot } from '../../src/config.ts';
import { loadEventFile } from '../../src/event/load.ts';
import { buildManifest, manifestDir, pngInfo, TeamsPackageError, validateManifest, writeTeamsPackage } from '../../src/teams/appPackage.ts';

const run = promisify(execFile);
// tsx's loader by absolute URL, so the CLI can run from an empty directory.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const event = loadEventFile(resolve(projectRoot, 'events/dfs-security-clinic-2022.json'));
const BOT_ID = '11111111-2222-3333-4444-555555555555';
const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('Teams app package', function () {
  let out: string;
  beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'teams-pkg-'))));
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('fills the template from settings and the event, and the result validates against the bundled schema', async () => {
    const { manifest, teamsAppId, generatedId, localizations } = buildManifest({
      microsoftAppId: BOT_ID,
      teamsAppId: APP_ID,
      botDomain: 'bot.example.org',
      event,
      version: '0.1.0',
    });
    expect(generatedId).to.equal(false);
    expect(teamsAppId).to.equal(APP_ID);
    expect(manifest).to.include({ manifestVersion: '1.19', id: APP_ID, version: '0.1.0' });
    const bots = manifest.bots as { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
    expect(bots[0].botId).to.equal(BOT_ID);
    expect(bots[0].scopes).to.have.members(['personal', 'team', 'groupChat']);
    expect(bots[0].commandLists[0].commands.map((c) => c.title)).to.deep.equal(['agenda', 'speakers', 'register', 'my reminders', 'help']);
    const tabs = manifest.staticTabs as { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
    expect(tabs[0]).to.include({ entityId: 'agenda', name: 'Agenda', contentUrl: 'https://bot.example.org/tab' });
    expect(tabs[0].scopes).to.deep.equal(['personal']);
    expect(manifest.validDomains).to.deep.equal(['bot.example.org']);
    expect(JSON.stringify(manifest)).to.not.contain('${{');
    expect(await validateManifest(manifest, localizations)).to.deep.equal([]);
  });

  it('reports schema problems (offline) instead of packaging an invalid manifest', async () => {
    const { manifest } = buildManifest({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event });
    const broken = { ...manifest, name: { short: 'x'.repeat(31), full: 'ok' }, accentColor: 'blue', unexpected: true };
    const problems = await validateManifest(broken);
    expect(problems.join('\n'))
      .to.match(/\/name\/short/)
      .and.match(/accentColor/)
      .and.match(/additional/i);
  });

  it('generates a Teams app id when none is set, and names each missing or malformed setting', () => {
    const built = buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event });
    expect(built.generatedId).to.equal(true);
    expect(built.teamsAppId).to.match(/^[0-9a-f-]{36}$/);
    expect(buildManifest({ microsoftAppId: BOT_ID, publicUrl: 'https://tunnel.example.net/', event }).manifest.validDomains).to.deep.equal([
      'tunnel.example.net',
    ]);
    try {
      buildManifest({ microsoftAppId: 'not-a-guid', botDomain: 'https://bot.example.org/x', event });
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(TeamsPackageError);
      const problems = (err as TeamsPackageError).problems.join('\n');
      expect(problems).to.contain('MicrosoftAppId').and.contain('BOT_DOMAIN');
    }
    expect(() => buildManifest({ event })).to.throw(TeamsPackageError, /MicrosoftAppId is not set[\s\S]*BOT_DOMAIN is not set/);
  });

  it('keeps names whole: the organiser’s short name when the full one exceeds 32 characters, the event title as the short name', async () => {
    const { manifest } = buildManifest({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event });
    expect((manifest.developer as { name: string }).name).to.equal('ITU');
    expect(manifest.name).to.deep.equal({ short: 'DFS Security Clinic', full: 'DFS Security Clinic assistant' });
    expect(JSON.stringify(manifest)).not.to.contain('…');
    const sample = loadEventFile(resolve(projectRoot, 'events/sample-cloud-resilience-forum.json'));
    const other = buildManifest({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event: sample });
    expect(other.manifest.name).to.deep.equal({ short: 'Cloud Resilience Forum', full: 'Cloud Resilience Forum (SAMPLE) assistant' });
    expect(await validateManifest(other.manifest, other.localizations)).to.deep.equal([]);
    // A title too long for the short name needs the event file's shortTitle; the package never cuts it.
    const long = { ...event, title: 'Digital Financial Services Security Clinic for East Africa' };
    expect(() => buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event: long })).to.throw(TeamsPackageError, /add a shortTitle/);
    const named = buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event: { ...long, shortTitle: 'DFS Security Clinic EA' } }).manifest;
    expect(named.name).to.deep.equal({ short: 'DFS Security Clinic EA', full: 'Digital Financial Services Security Clinic for East Africa assistant' });
    const noShort = { ...event, organisers: [{ name: 'The International Organisation of Event Organisers' }] } as typeof event;
    expect(() => buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event: noShort })).to.throw(
      TeamsPackageError,
      /organisers\[0\]\.name .* add a shortName/,
    );
  });

  it('accepts BOT_DOMAIN with or without https://, and refuses http:// or a path', () => {
    for (const raw of ['bot.example.org', 'https://bot.example.org', 'https://Bot.Example.org/', 'bot.example.org/'])
      expect(buildManifest({ microsoftAppId: BOT_ID, botDomain: raw, event }).manifest.validDomains, raw).to.deep.equal(['bot.example.org']);
    expect(buildManifest({ microsoftAppId: BOT_ID, botDomain: 'https://bot.example.org:8443', event }).manifest.validDomains).to.deep.equal([
      'bot.example.org:8443',
    ]);
    expect(() => buildManifest({ microsoftAppId: BOT_ID, botDomain: 'http://bot.example.org', event })).to.throw(TeamsPackageError, /https only/);
    expect(() => buildManifest({ microsoftAppId: BOT_ID, botDomain: 'https://bot.example.org/bot', event })).to.throw(TeamsPackageError, /has a path/);
  });

  it('links privacy and terms to the bot’s own /privacy and /terms pages, or to PRIVACY_URL and TERMS_URL', () => {
    const own = buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event }).manifest.developer;
    expect(own).to.include({ privacyUrl: 'https://bot.example.org/privacy', termsOfUseUrl: 'https://bot.example.org/terms' });
    const set = buildManifest({
      microsoftAppId: BOT_ID,
      botDomain: 'bot.example.org',
      privacyUrl: 'https://www.itu.int/privacy',
      termsUrl: 'https://www.itu.int/terms',
      event,
    }).manifest.developer;
    expect(set).to.include({ privacyUrl: 'https://www.itu.int/privacy', termsOfUseUrl: 'https://www.itu.int/terms' });
  });

  it('ships the app’s text in French (manifest/fr.json, names from the event’s French text), listed in localizationInfo and valid against the localization schema', async () => {
    const built = buildManifest({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event });
    expect(built.manifest.localizationInfo).to.deep.equal({ defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'fr', file: 'fr.json' }] });
    const fr = built.localizations['fr.json'] as Record<string, string>;
    // The event's French title is 32 characters: its translated shortTitle names the app; the full name is whole.
    expect(fr).to.include({
      'name.short': 'Clinique sécurité des SFN',
      'name.full': 'Clinique sur la sécurité des SFN – l’assistant',
      'staticTabs[0].name': 'Programme',
    });
    expect(fr['description.full']).to.contain('Clinique sur la sécurité des SFN');
    // Every command the manifest lists has a French title and description, and nothing else is translated.
    const commands = (built.manifest.bots as { commandLists: { commands: unknown[] }[] }[])[0].commandLists[0].commands;
    for (let i = 0; i < commands.length; i++) expect(fr).to.have.property(`bots[0].commandLists[0].commands[${i}].title`).that.is.a('string');
    expect(JSON.stringify(fr)).not.to.contain('${{');
    expect(await validateManifest(built.manifest, built.localizations)).to.deep.equal([]);
    // An event without French text still gets the French file, with its own names.
    const sample = loadEventFile(resolve(projectRoot, 'events/sample-cloud-resilience-forum.json'));
    const other = buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event: sample });
    expect(other.localizations['fr.json']).to.include({ 'name.short': 'Cloud Resilience Forum' });
    expect(await validateManifest(other.manifest, other.localizations)).to.deep.equal([]);
  });

  it('refuses a language file that breaks the localization schema, translates what the manifest lacks, or is not listed', async () => {
    const built = buildManifest({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event });
    const fr = built.localizations['fr.json'];
    const { ['description.full']: _dropped, ...withoutRequired } = fr;
    const problems = await validateManifest(built.manifest, {
      'fr.json': { ...withoutRequired, 'name.short': 'x'.repeat(31), 'bots[0].commandLists[0].commands[7].title': 'agenda' },
      'de.json': fr,
    });
    expect(problems.join('\n'))
      .to.match(/fr\.json: .*description\.full/)
      .and.match(/fr\.json: \/name\.short must NOT have more than 30/)
      .and.contain('fr.json: "bots[0].commandLists[0].commands[7].title" translates nothing')
      .and.contain('de.json is not listed in localizationInfo');
    expect(await validateManifest(built.manifest, {})).to.deep.equal(['localizationInfo lists fr.json, which is not in the package']);
  });

  it('names the translation when an event’s title in another language is too long for the short name', () => {
    const long = {
      ...event,
      translations: { fr: { ...event.translations!.fr, title: 'Clinique sur la sécurité des services financiers numériques', shortTitle: undefined } },
    };
    expect(() => buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event: long })).to.throw(
      TeamsPackageError,
      /title \(in fr\.json\) is longer than Teams' 30/,
    );
  });

  it('writes a zip with manifest.json, the two icons and fr.json at its root', async () => {
    const result = await writeTeamsPackage({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event, outDir: out });
    expect(result.zipPath).to.equal(join(out, 'teams-app.zip'));
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).to.deep.equal(['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.id).to.equal(APP_ID);
    // What an admin uploads, read back from the zip: the manifest and its French file, each against its schema.
    const fr = JSON.parse(await zip.file('fr.json')!.async('string'));
    expect(fr['name.short']).to.equal('Clinique sécurité des SFN');
    expect(await validateManifest(manifest, { 'fr.json': fr })).to.deep.equal([]);
    expect(pngInfo(await zip.file('color.png')!.async('nodebuffer'))).to.deep.include({ width: 192, height: 192 });
    expect(pngInfo(await zip.file('outline.png')!.async('nodebuffer'))).to.deep.equal({ width: 32, height: 32, alpha: true });
  });

  it('ships an outline icon that is white on transparent, as Teams requires', async () => {
    const { inflateSync } = await import('node:zlib');
    const png = readFileSync(resolve(manifestDir, 'outline.png'));
    // Our generator writes one IDAT chunk of 8-bit RGBA rows, each prefixed by filter byte 0.
    const idat = png.indexOf(Buffer.from('IDAT'));
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    let transparent = 0;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const p = 1 + y * 129 + x * 4;
        const [r, g, b, a] = raw.subarray(p, p + 4);
        if (a === 0) transparent++;
        else expect([r, g, b]).to.deep.equal([255, 255, 255]);
      }
    expect(transparent).to.be.greaterThan(512);
  });

  it('runs as `npm run teams:package`: prints the generated id, and fails clearly without settings', async function () {
    this.timeout(60_000);
    const cwd = mkdtempSync(join(tmpdir(), 'teams-cli-'));
    // An empty working directory: no .env of the developer's leaks into the run.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    try {
      const ok = await run(process.execPath, ['--import', tsxLoader, resolve(projectRoot, 'src/cli/teams-package.ts')], {
        cwd,
        env: { ...env, MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'bot.example.org' },
      });
      expect(ok.stdout).to.match(/TEAMS_APP_ID was not set, so a new one was generated: [0-9a-f-]{36}/);
      expect(ok.stdout).to.contain('manifest/build/teams-app.zip');
      expect(ok.stdout)
        .to.match(/version 0\.1\.0\b/)
        .and.contain('bump');
      const bumped = await run(process.execPath, ['--import', tsxLoader, resolve(projectRoot, 'src/cli/teams-package.ts')], {
        cwd,
        env: { ...env, MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'https://bot.example.org/', TEAMS_APP_ID: APP_ID, TEAMS_APP_VERSION: '1.4.2' },
      });
      const zip = await JSZip.loadAsync(readFileSync(resolve(projectRoot, 'manifest/build/teams-app.zip')));
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      expect(bumped.stdout).to.contain('version 1.4.2');
      expect(manifest).to.include({ version: '1.4.2', id: APP_ID });
      expect(manifest.validDomains).to.deep.equal(['bot.example.org']);
      const failed = await run(process.execPath, ['--import', tsxLoader, resolve(projectRoot, 'src/cli/teams-package.ts')], { cwd, env }).then(
        () => expect.fail('should exit 1'),
        (e: { code: number; stderr: string }) => e,
      );
      expect(failed.code).to.equal(1);
      expect(failed.stderr).to.contain('MicrosoftAppId is not set').and.contain('BOT_DOMAIN is not set');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
