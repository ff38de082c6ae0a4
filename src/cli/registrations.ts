// `npm run registrations [-- --csv]`: prints every registration from the store the bot uses (same
// .env / settings / STORAGE_URL as `npm start`), as JSON (default) or CSV. Output goes to stdout so it
// can be redirected: `npm run -s registrations -- --csv > registrations.csv`.
import 'dotenv/config';
import { exportRegistration, registrationsCsv } from '../admin/registrationsExport.ts';
import { ConfigError, loadSettings } from '../config.ts';
import { RegistrationStore } from '../registration/registrationStore.ts';
import { openBackend } from '../storage/backend.ts';
import { KeyValueStore } from '../storage/keyValueStore.ts';

const USAGE = 'Usage: npm run registrations [-- --csv | --json]\n  Prints the registrations from STORAGE_URL (default: sqlite in DATA_DIR).';

export async function printRegistrations(args: string[], env: NodeJS.ProcessEnv = process.env, out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.filter((a) => !['--csv', '--json'].includes(a));
  if (unknown.length) {
    out(`Unknown option ${unknown[0]}\n${USAGE}\n`);
    return 2;
  }
  const settings = loadSettings(env);
  const store = new KeyValueStore(await openBackend(settings.storageUrl, { keyPrefix: settings.STORAGE_KEY_PREFIX }));
  try {
    const regs = await new RegistrationStore(store).all();
    out(args.includes('--csv') ? registrationsCsv(regs) : `${JSON.stringify(regs.map(exportRegistration), null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/registrations.ts')) {
  printRegistrations(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err) => {
      console.error(err instanceof ConfigError ? err.message : `Could not read the registrations: ${(err as Error).message}`);
      process.exit(1);
    });
}
