// `npm run teams:package`: writes manifest/build/teams-app.zip for uploading to Teams, from MicrosoftAppId,
// TEAMS_APP_ID (generated and printed when missing) and BOT_DOMAIN (or PUBLIC_URL's host), after validating
// it offline against the official schema. Exits 1 with the problems listed when anything is wrong.
import 'dotenv/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadSettings, projectRoot } from '../config.ts';
import { loadEventFile } from '../event/load.ts';
import { TeamsPackageError, writeTeamsPackage } from '../teams/appPackage.ts';

async function main() {
  // Packaging needs the bot's id, never its password: don't make the person packaging hold the secret.
  const settings = loadSettings({ ...process.env, MicrosoftAppPassword: process.env.MicrosoftAppPassword || 'not-needed-for-packaging' });
  const event = loadEventFile(settings.eventFile);
  // Teams accepts an update only with a higher version: TEAMS_APP_VERSION, else package.json's.
  const version = settings.TEAMS_APP_VERSION ?? (JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const result = await writeTeamsPackage({
    microsoftAppId: settings.MicrosoftAppId,
    teamsAppId: settings.TEAMS_APP_ID,
    botDomain: settings.BOT_DOMAIN,
    publicUrl: settings.PUBLIC_URL,
    privacyUrl: settings.PRIVACY_URL,
    termsUrl: settings.TERMS_URL,
    event,
    version,
  });
  if (result.generatedId) {
    console.log(`TEAMS_APP_ID was not set, so a new one was generated: ${result.teamsAppId}`);
    console.log('Add it to .env (TEAMS_APP_ID=...) so later packages update the same app instead of creating another.');
  }
  const bots = result.manifest.bots as { botId: string }[];
  console.log(`Manifest valid (schema ${result.manifest.manifestVersion}): app ${result.teamsAppId} version ${result.manifest.version}, bot ${bots[0].botId}, domain ${(result.manifest.validDomains as string[])[0]}`);
  console.log('Uploading an update? Teams needs a higher version each time: bump package.json\'s version or set TEAMS_APP_VERSION.');
  console.log(`Wrote ${result.zipPath}`);
}

main().catch((err) => {
  if (err instanceof TeamsPackageError || err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
