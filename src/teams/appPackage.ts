// The Teams app package: manifest/manifest.template.json filled from settings and the event file, validated
// offline against the official Teams manifest schema (bundled in @microsoft/app-manifest), zipped with the icons.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import JSZip from 'jszip';
import { projectRoot } from '../config.ts';
import type { EventData } from '../event/schema.ts';

const require = createRequire(import.meta.url);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;

export const manifestDir = resolve(projectRoot, 'manifest');

export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

export interface PackageInput {
  /** The Azure Bot's Microsoft App ID (the bot id in the manifest). */
  microsoftAppId?: string;
  /** The Teams app id; a new GUID when missing. */
  teamsAppId?: string;
  /** Host (and optional port) serving the bot and the tab, e.g. bot.example.org. */
  botDomain?: string;
  /** Used for BOT_DOMAIN when botDomain is missing. */
  publicUrl?: string;
  event: EventData;
  version?: string;
  templatePath?: string;
}

export interface BuiltManifest {
  manifest: Record<string, unknown>;
  teamsAppId: string;
  /** True when the Teams app id was generated for this build (the caller should tell the user to keep it). */
  generatedId: boolean;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** Fills the template; throws TeamsPackageError naming each missing or malformed setting. */
export function buildManifest(input: PackageInput): BuiltManifest {
  const problems: string[] = [];
  const appId = input.microsoftAppId?.trim();
  if (!appId) problems.push('MicrosoftAppId is not set: use the Microsoft App ID of your Azure Bot registration.');
  else if (!GUID.test(appId)) problems.push(`MicrosoftAppId "${appId}" is not a GUID.`);
  const generatedId = !input.teamsAppId?.trim();
  const teamsAppId = input.teamsAppId?.trim() || randomUUID();
  if (!GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID "${teamsAppId}" is not a GUID.`);
  let domain = input.botDomain?.trim();
  if (!domain && input.publicUrl) domain = new URL(input.publicUrl).host;
  if (!domain) problems.push('BOT_DOMAIN is not set: the host name serving this bot over HTTPS, e.g. bot.example.org (or set PUBLIC_URL).');
  else if (!HOST.test(domain)) problems.push(`BOT_DOMAIN "${domain}" must be a host name only, without https:// or a path.`);
  if (problems.length) throw new TeamsPackageError(problems);

  const event = input.event;
  const organiser = event.organisers[0];
  const values: Record<string, string> = {
    APP_VERSION: input.version ?? '1.0.0',
    TEAMS_APP_ID: teamsAppId,
    MICROSOFT_APP_ID: appId!,
    BOT_DOMAIN: domain!,
    ORGANISER_NAME: clip(organiser.name, 32),
    SHORT_NAME: clip(event.title, 30),
    FULL_NAME: clip(`${event.title} assistant`, 100),
    SHORT_DESCRIPTION: clip(`Agenda, speakers, registration and reminders for ${event.title}.`, 80),
    FULL_DESCRIPTION: clip(
      `Ask about ${event.title}${event.subtitle ? ` (${event.subtitle})` : ''}: the agenda in your own time zone, sessions, speakers and reports. ` +
        'Register in chat, follow sessions and get reminders before they start. The Agenda tab shows every session with Add to calendar links.',
      4000,
    ),
  };
  const template = readFileSync(input.templatePath ?? resolve(manifestDir, 'manifest.template.json'), 'utf8');
  const filled = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    if (!(name in values)) problems.push(`The template uses an unknown placeholder ${whole}.`);
    return JSON.stringify(values[name] ?? '').slice(1, -1);
  });
  if (problems.length) throw new TeamsPackageError(problems);
  return { manifest: JSON.parse(filled), teamsAppId, generatedId };
}

/** The manifest's own schema version, loaded from the package's bundled copy (no network). */
export function localSchemaFor(manifest: Record<string, unknown>): Record<string, unknown> {
  const version = String(manifest.manifestVersion ?? '');
  if (!/^1\.\d+$/.test(version)) throw new TeamsPackageError([`manifestVersion "${version}" is not a Teams manifest version.`]);
  const root = resolve(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  let text: string;
  try {
    text = readFileSync(root, 'utf8');
  } catch {
    throw new TeamsPackageError([`No bundled schema for manifest version ${version} (@microsoft/app-manifest has no v${version}).`]);
  }
  // Same workaround as the library: one schema pattern uses \a, which JavaScript regexes reject.
  return JSON.parse(text.replace(/\\a/g, '\\x07'));
}

/** Schema problems, empty when valid. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const { ManifestUtil } = await import('@microsoft/app-manifest');
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest as never, localSchemaFor(manifest) as never);
  const extra: string[] = [];
  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  for (const icon of [icons?.color, icons?.outline]) if (icon && !/^[\w.-]+\.png$/.test(icon)) extra.push(`icon "${icon}" must be a PNG file at the root of the package`);
  return [...errors, ...extra];
}

/** Width, height and whether the PNG has an alpha channel: Teams wants 192×192 colour and 32×32 transparent outline. */
export function pngInfo(png: Buffer): { width: number; height: number; alpha: boolean } {
  if (png.length < 33 || png.readUInt32BE(0) !== 0x89504e47) throw new TeamsPackageError(['an icon is not a PNG file']);
  const colourType = png[25];
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), alpha: colourType === 6 || colourType === 4 };
}

export interface PackageResult extends BuiltManifest {
  zipPath: string;
}

export async function writeTeamsPackage(input: PackageInput & { outDir?: string }): Promise<PackageResult> {
  const built = buildManifest(input);
  const problems = await validateManifest(built.manifest);
  const color = readFileSync(resolve(manifestDir, 'color.png'));
  const outline = readFileSync(resolve(manifestDir, 'outline.png'));
  const c = pngInfo(color);
  const o = pngInfo(outline);
  if (c.width !== 192 || c.height !== 192) problems.push(`color.png is ${c.width}×${c.height}; Teams needs 192×192.`);
  if (o.width !== 32 || o.height !== 32 || !o.alpha) problems.push(`outline.png must be 32×32 with transparency (is ${o.width}×${o.height}${o.alpha ? '' : ', opaque'}).`);
  if (problems.length) throw new TeamsPackageError(problems);

  const zip = new JSZip();
  // A fixed date keeps the archive byte-identical for the same inputs.
  const date = new Date('2020-01-01T00:00:00Z');
  zip.file('manifest.json', JSON.stringify(built.manifest, null, 2), { date });
  zip.file('color.png', color, { date });
  zip.file('outline.png', outline, { date });
  const outDir = input.outDir ?? resolve(manifestDir, 'build');
  await mkdir(outDir, { recursive: true });
  const zipPath = resolve(outDir, 'teams-app.zip');
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  return { ...built, zipPath };
}
