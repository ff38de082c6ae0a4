// Durable registrations on the KeyValueStore. Keyed by a hash of the e-mail (one attendee per e-mail, and
// no e-mail in key names); each channel identity points at its registration.
import { createHash, randomInt } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';
import type { Registration } from './registration.ts';

const REG = 'registration:';
const IDENTITY = 'identity:';
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
const emailKey = (email: string) => REG + createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 32);

export function newReference(): string {
  const pick = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

export class RegistrationStore {
  constructor(private readonly store: KeyValueStore) {}

  async byEmail(email: string): Promise<Registration | undefined> {
    return this.store.get<Registration>(emailKey(email));
  }

  async byIdentity(identity: string): Promise<Registration | undefined> {
    const key = await this.store.get<string>(IDENTITY + identity);
    if (!key) return undefined;
    const reg = await this.store.get<Registration>(key);
    // A link left behind by a deleted or re-keyed registration is ignored.
    return reg && reg.identities.includes(identity) ? reg : undefined;
  }

  /**
   * Creates or updates the registration for `draft.email` and links `identity` to it. Registering twice
   * updates (keeping the reference and other linked identities), never duplicates.
   */
  async save(draft: Omit<Registration, 'reference' | 'identities' | 'createdAt' | 'updatedAt'>, identity: string, now = new Date()): Promise<Registration> {
    const previous = await this.byIdentity(identity);
    const key = emailKey(draft.email);
    const saved = (await this.store.update<Registration>(key, (current) => ({
      ...draft,
      email: normaliseEmail(draft.email),
      reference: current?.reference ?? newReference(),
      identities: [...new Set([...(current?.identities ?? []), identity])],
      createdAt: current?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    })))!;
    await this.store.set(IDENTITY + identity, key);
    // The identity moved to another e-mail: unlink it from the old registration.
    if (previous && emailKey(previous.email) !== key) await this.unlink(previous.email, identity);
    return saved;
  }

  /** Applies a change to the registration linked to `identity`; undefined when not registered. */
  async update(identity: string, change: (r: Registration) => Partial<Registration>, now = new Date()): Promise<Registration | undefined> {
    const reg = await this.byIdentity(identity);
    if (!reg) return undefined;
    const patch = change(reg);
    if (patch.email && normaliseEmail(patch.email) !== reg.email) {
      // A new e-mail is a new key: move the record, then drop the old one.
      const moved = await this.save({ ...reg, ...patch }, identity, now);
      for (const other of reg.identities.filter((i) => i !== identity)) await this.link(moved.email, other);
      await this.store.delete(emailKey(reg.email));
      return this.byEmail(moved.email);
    }
    return this.store.update<Registration>(emailKey(reg.email), (current) => (current ? { ...current, ...patch, updatedAt: now.toISOString() } : undefined));
  }

  /** Links another channel identity to an existing registration (after the user confirmed it is theirs). */
  async link(email: string, identity: string): Promise<Registration | undefined> {
    const key = emailKey(email);
    const linked = await this.store.update<Registration>(key, (current) =>
      current && !current.identities.includes(identity) ? { ...current, identities: [...current.identities, identity] } : undefined,
    );
    if (linked) await this.store.set(IDENTITY + identity, key);
    return linked;
  }

  /** Deletes the attendee's data: the registration and every identity link. */
  async remove(identity: string): Promise<boolean> {
    const reg = await this.byIdentity(identity);
    if (!reg) return false;
    await this.store.delete(emailKey(reg.email));
    await Promise.all(reg.identities.map((i) => this.store.delete(IDENTITY + i)));
    return true;
  }

  async all(): Promise<Registration[]> {
    return (await this.list()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private async list(): Promise<Registration[]> {
    return (await this.store.list<Registration>(REG)).map((e) => e.value);
  }

  private async unlink(email: string, identity: string) {
    await this.store.update<Registration>(emailKey(email), (current) =>
      current && current.identities.includes(identity) ? { ...current, identities: current.identities.filter((i) => i !== identity) } : undefined,
    );
  }
}
