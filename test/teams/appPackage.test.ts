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
    const { manifest, teamsAppId, generatedId } = buildManifest({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event, version: '0.1.0' });
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
    expect(await validateManifest(manifest)).to.deep.equal([]);
  });

  it('reports schema problems (offline) instead of packaging an invalid manifest', async () => {
    const { manifest } = buildManifest({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event });
    const broken = { ...manifest, name: { short: 'x'.repeat(31), full: 'ok' }, accentColor: 'blue', unexpected: true };
    const problems = await validateManifest(broken);
    expect(problems.join('\n')).to.match(/\/name\/short/).and.match(/accentColor/).and.match(/additional/i);
  });

  it('generates a Teams app id when none is set, and names each missing or malformed setting', () => {
    const built = buildManifest({ microsoftAppId: BOT_ID, botDomain: 'bot.example.org', event });
    expect(built.generatedId).to.equal(true);
    expect(built.teamsAppId).to.match(/^[0-9a-f-]{36}$/);
    expect(buildManifest({ microsoftAppId: BOT_ID, publicUrl: 'https://tunnel.example.net/', event }).manifest.validDomains).to.deep.equal(['tunnel.example.net']);
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

  it('writes a zip with manifest.json and the two icons at its root', async () => {
    const result = await writeTeamsPackage({ microsoftAppId: BOT_ID, teamsAppId: APP_ID, botDomain: 'bot.example.org', event, outDir: out });
    expect(result.zipPath).to.equal(join(out, 'teams-app.zip'));
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.id).to.equal(APP_ID);
    expect(await validateManifest(manifest)).to.deep.equal([]);
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
