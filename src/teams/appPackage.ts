// The Teams app package: manifest/manifest.template.json filled from settings and the event file, validated
// offline against the official Teams manifest schema (bundled in @microsoft/app-manifest), zipped with the icons.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import JSZip from 'jszip';
import { projectRoot } from '../config.ts';
import type { EventData } from '../event/schema.ts';
import { localiseEvent } from '../event/translations.ts';

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
  /** Host (and optional port) serving the bot and the tab, e.g. bot.example.org; https://bot.example.org/ is cleaned. */
  botDomain?: string;
  /** Used for BOT_DOMAIN when botDomain is missing. */
  publicUrl?: string;
  /** The privacy statement and terms of use; the bot's own /privacy and /terms pages when missing. */
  privacyUrl?: string;
  termsUrl?: string;
  event: EventData;
  version?: string;
  templatePath?: string;
}

export interface BuiltManifest {
  manifest: Record<string, unknown>;
  teamsAppId: string;
  /** True when the Teams app id was generated for this build (the caller should tell the user to keep it). */
  generatedId: boolean;
  /** Translations of the manifest's text (manifest/<lang>.json, filled like the manifest), by file name. */
  localizations: Record<string, Record<string, unknown>>;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

// The schema's limits (manifest 1.19): names and the developer's name are never cut, a longer value is refused.
const LIMITS = { developerName: 32, shortName: 30, fullName: 100, shortDescription: 80, fullDescription: 4000 };

/** BOT_DOMAIN as Teams wants it (host[:port]); a scheme and a trailing slash are accepted and removed. */
export function cleanBotDomain(raw: string): { host?: string; problem?: string } {
  let value = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme) {
    if (scheme !== 'https')
      return { problem: `BOT_DOMAIN "${raw}": Teams reaches bots and tabs over https only; give the host that serves this bot over https.` };
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { problem: `BOT_DOMAIN "${raw}" is not a host name.` };
    }
    if (url.pathname !== '/' || url.search || url.hash || url.username)
      return { problem: `BOT_DOMAIN "${raw}" has a path: the bot must be served at the root of its host; give the host only, e.g. ${url.host}.` };
    value = url.host;
  }
  value = value.replace(/\/$/, '').toLowerCase();
  if (!HOST.test(value)) return { problem: `BOT_DOMAIN "${raw}" must be a host name, e.g. bot.example.org.` };
  return { host: value };
}

/** The language files next to the template (manifest/fr.json, …): Teams' localizationInfo lists each one. */
export function localizationFiles(dir = manifestDir): string[] {
  return readdirSync(dir)
    .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.json$/.test(f))
    .sort();
}

/**
 * The app's names and descriptions from the event's text (its own, or a translation laid over it): whole names
 * within the schema's limits, each problem named. EVENT_TITLE and EVENT_SUBTITLE are there for language files.
 */
function textValues(event: EventData, problems: string[], where = ''): Record<string, string> {
  // The title, else the event file's shortTitle, else the title's own head: without a "(…)" note, or before a colon or dash.
  const titleHeads = [event.title.replace(/\s*\([^)]*\)\s*$/, ''), event.title.split(/\s*[:–—]\s+|\s+-\s+/)[0]!];
  const shortName = [event.title, event.shortTitle, ...titleHeads].find((n) => n && n.length <= LIMITS.shortName);
  if (!shortName)
    problems.push(
      `The event's title${where} is longer than Teams' ${LIMITS.shortName} characters for the app's short name: add a shortTitle to the event file.`,
    );
  const fullName = [`${event.title} assistant`, event.title].find((n) => n.length <= LIMITS.fullName);
  if (!fullName) problems.push(`The event's title${where} is longer than Teams' ${LIMITS.fullName} characters for the app's full name.`);
  return {
    SHORT_NAME: shortName ?? '',
    FULL_NAME: fullName ?? '',
    EVENT_TITLE: event.title,
    EVENT_SUBTITLE: event.subtitle ?? '',
    SHORT_DESCRIPTION: [`Agenda, speakers, registration and reminders for ${shortName}.`, 'Agenda, speakers, registration and reminders for the event.'].find(
      (d) => d.length <= LIMITS.shortDescription,
    )!,
    FULL_DESCRIPTION: clip(
      `Ask about ${event.title}${event.subtitle ? ` (${event.subtitle})` : ''}: the agenda in your own time zone, sessions, speakers and reports. ` +
        'Register in chat, follow sessions and get reminders before they start. The Agenda tab shows every session with Add to calendar links.',
      LIMITS.fullDescription,
    ),
  };
}

/** Fills the template; throws TeamsPackageError naming each missing or malformed setting. */
export function buildManifest(input: PackageInput): BuiltManifest {
  const problems: string[] = [];
  const appId = input.microsoftAppId?.trim();
  if (!appId) problems.push('MicrosoftAppId is not set: use the Microsoft App ID of your Azure Bot registration.');
  else if (!GUID.test(appId)) problems.push(`MicrosoftAppId "${appId}" is not a GUID.`);
  const generatedId = !input.teamsAppId?.trim();
  const teamsAppId = input.teamsAppId?.trim() || randomUUID();
  if (!GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID "${teamsAppId}" is not a GUID.`);
  let domain: string | undefined;
  const rawDomain = input.botDomain?.trim() || (input.publicUrl ? new URL(input.publicUrl).origin : undefined);
  if (!rawDomain) problems.push('BOT_DOMAIN is not set: the host name serving this bot over HTTPS, e.g. bot.example.org (or set PUBLIC_URL).');
  else {
    const cleaned = cleanBotDomain(rawDomain);
    if (cleaned.problem) problems.push(cleaned.problem);
    domain = cleaned.host;
  }

  const event = input.event;
  const organiser = event.organisers[0];
  // Whole names only: the organiser's short name when the full one does not fit.
  const developerName = [organiser.name, organiser.shortName].find((n) => n && n.length <= LIMITS.developerName);
  if (!developerName)
    problems.push(
      `organisers[0].name "${organiser.name}" is longer than Teams' ${LIMITS.developerName} characters for the developer's name: add a shortName to it in the event file.`,
    );
  const text = textValues(event, problems);
  if (problems.length) throw new TeamsPackageError(problems);

  const values: Record<string, string> = {
    APP_VERSION: input.version ?? '1.0.0',
    TEAMS_APP_ID: teamsAppId,
    MICROSOFT_APP_ID: appId!,
    BOT_DOMAIN: domain!,
    PRIVACY_URL: input.privacyUrl ?? `https://${domain}/privacy`,
    TERMS_URL: input.termsUrl ?? `https://${domain}/terms`,
    DEVELOPER_NAME: developerName!,
    ...text,
  };
  const fill = (template: string, file: string, vars = values) =>
    template.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
      if (!(name in vars)) problems.push(`${file} uses an unknown placeholder ${whole}.`);
      return JSON.stringify(vars[name] ?? '').slice(1, -1);
    });
  const templatePath = input.templatePath ?? resolve(manifestDir, 'manifest.template.json');
  const manifest = JSON.parse(fill(readFileSync(templatePath, 'utf8'), 'The template')) as Record<string, unknown>;
  // Translations of the app's own text: each manifest/<lang>.json is listed and shipped, its placeholders filled
  // from the event's text in that language (its "translations" block; the event's own text where it has none).
  const localizations: Record<string, Record<string, unknown>> = {};
  for (const file of localizationFiles(dirname(templatePath))) {
    const lang = file.replace(/\.json$/, '');
    const own: string[] = [];
    const vars = { ...values, ...textValues(localiseEvent(event, lang.split('-')[0]!.toLowerCase()), own, ` (in ${file})`) };
    problems.push(...own);
    localizations[file] = JSON.parse(fill(readFileSync(resolve(dirname(templatePath), file), 'utf8'), file, vars));
  }
  if (Object.keys(localizations).length)
    manifest.localizationInfo = {
      defaultLanguageTag: 'en',
      additionalLanguages: Object.keys(localizations).map((file) => ({ languageTag: file.replace(/\.json$/, ''), file })),
    };
  if (problems.length) throw new TeamsPackageError(problems);
  return { manifest, teamsAppId, generatedId, localizations };
}

/** The schema of the language files (MicrosoftTeams.Localization.schema.json) bundled for the manifest's version. */
function localSchema(manifest: Record<string, unknown>, name: string): Record<string, unknown> {
  const version = String(manifest.manifestVersion ?? '');
  if (!/^1\.\d+$/.test(version)) throw new TeamsPackageError([`manifestVersion "${version}" is not a Teams manifest version.`]);
  const file = resolve(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', `v${version}`, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new TeamsPackageError([`No bundled ${name} for manifest version ${version} (@microsoft/app-manifest has no v${version}).`]);
  }
  // Same workaround as the library: one schema pattern uses \a, which JavaScript regexes reject; the localization
  // schema's activityTypes patterns close a bracket unescaped ("\b]"), which ajv's unicode regexes reject too.
  return JSON.parse(text.replace(/\\a/g, '\\x07').replace(/\\\\b\]/g, '\\\\b\\\\]'));
}

/** The manifest's own schema version, loaded from the package's bundled copy (no network). */
export const localSchemaFor = (manifest: Record<string, unknown>) => localSchema(manifest, 'MicrosoftTeams.schema.json');

/** The value at a language file's key ("bots[0].commandLists[0].commands[2].title") in the manifest, if any. */
function valueAt(manifest: Record<string, unknown>, key: string): unknown {
  let at: unknown = manifest;
  for (const part of key.match(/[^.[\]]+/g) ?? []) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

/**
 * Schema problems, empty when valid: the manifest against its schema, and each language file (`localizations`,
 * by file name) against the localization schema of the same version, listed in localizationInfo, and translating
 * only text the manifest has (a key for a fourth command when there are three is refused).
 */
export async function validateManifest(manifest: Record<string, unknown>, localizations: Record<string, Record<string, unknown>> = {}): Promise<string[]> {
  const { ManifestUtil } = await import('@microsoft/app-manifest');
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest as never, localSchemaFor(manifest) as never);
  const extra: string[] = [];
  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  for (const icon of [icons?.color, icons?.outline])
    if (icon && !/^[\w.-]+\.png$/.test(icon)) extra.push(`icon "${icon}" must be a PNG file at the root of the package`);
  const info = manifest.localizationInfo as { additionalLanguages?: { languageTag: string; file: string }[] } | undefined;
  const listed = new Set((info?.additionalLanguages ?? []).map((l) => l.file));
  const files = Object.keys(localizations);
  for (const file of listed) if (!files.includes(file)) extra.push(`localizationInfo lists ${file}, which is not in the package`);
  if (files.length) {
    const schema = localSchema(manifest, 'MicrosoftTeams.Localization.schema.json');
    for (const file of files) {
      if (!listed.has(file)) extra.push(`${file} is not listed in localizationInfo.additionalLanguages`);
      const strings = localizations[file]!;
      for (const e of await ManifestUtil.validateManifestAgainstSchema(strings as never, schema as never)) extra.push(`${file}: ${e}`);
      for (const key of Object.keys(strings)) {
        if (key === '$schema' || key === 'localizationKeys') continue;
        if (typeof valueAt(manifest, key) !== 'string') extra.push(`${file}: "${key}" translates nothing in the manifest`);
      }
    }
  }
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
  const problems = await validateManifest(built.manifest, built.localizations);
  const color = readFileSync(resolve(manifestDir, 'color.png'));
  const outline = readFileSync(resolve(manifestDir, 'outline.png'));
  const c = pngInfo(color);
  const o = pngInfo(outline);
  if (c.width !== 192 || c.height !== 192) problems.push(`color.png is ${c.width}×${c.height}; Teams needs 192×192.`);
  if (o.width !== 32 || o.height !== 32 || !o.alpha)
    problems.push(`outline.png must be 32×32 with transparency (is ${o.width}×${o.height}${o.alpha ? '' : ', opaque'}).`);
  if (problems.length) throw new TeamsPackageError(problems);

  const zip = new JSZip();
  // A fixed date keeps the archive byte-identical for the same inputs.
  const date = new Date('2020-01-01T00:00:00Z');
  zip.file('manifest.json', JSON.stringify(built.manifest, null, 2), { date });
  zip.file('color.png', color, { date });
  zip.file('outline.png', outline, { date });
  for (const [file, text] of Object.entries(built.localizations)) zip.file(file, JSON.stringify(text, null, 2), { date });
  const outDir = input.outDir ?? resolve(manifestDir, 'build');
  await mkdir(outDir, { recursive: true });
  const zipPath = resolve(outDir, 'teams-app.zip');
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  return { ...built, zipPath };
}
