// The built-in Direct Line's signing key: tokens, the browser's identity cookie and the connector's path key all
// derive from it. From DIRECT_LINE_TOKEN_SECRET when set; otherwise generated once and kept in the store, so a
// restart and every instance on the same store accept what another one signed.
import { randomBytes } from 'node:crypto';
import type { KeyValueStore } from '../../storage/keyValueStore.ts';

const SECRET_KEY = 'secret:directline';

export async function directLineSigningKey(store: KeyValueStore, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  // The first instance to start wins; the others (and later restarts) read what it stored.
  await store.claim(SECRET_KEY, randomBytes(32).toString('hex'), 100 * 365 * 24 * 60 * 60_000);
  const key = await store.get<string>(SECRET_KEY);
  if (!key) throw new Error('the Direct Line signing key could not be stored');
  return key;
}
