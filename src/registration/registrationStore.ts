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

/** The e-mail already belongs to another attendee's registration (and linking was not confirmed). */
export class EmailTakenError extends Error {
  constructor() {
    super('That e-mail address belongs to another registration');
    this.name = 'EmailTakenError';
  }
}

export type RegistrationDraft = Omit<Registration, 'reference' | 'identities' | 'createdAt' | 'updatedAt'>;

type RemovedListener = (removed: Registration) => Promise<void> | void;
type SavedListener = (saved: Registration) => void;
/** Listeners per underlying store, so every RegistrationStore over the same storage hears every deletion. */
const removedListeners = new WeakMap<KeyValueStore, RemovedListener[]>();
const savedListeners = new WeakMap<KeyValueStore, SavedListener[]>();

export class RegistrationStore {
  constructor(private readonly store: KeyValueStore) {}

  /**
   * Called after a registration was deleted, with what it held (e.g. so reminders can forget what they
   * keep about the attendee too).
   */
  onRemoved(listener: RemovedListener) {
    const listeners = removedListeners.get(this.store) ?? [];
    listeners.push(listener);
    removedListeners.set(this.store, listeners);
  }

  /** Called after a registration was saved or changed (e.g. so reminders it asks for are scheduled at once). */
  onSaved(listener: SavedListener) {
    savedListeners.set(this.store, [...(savedListeners.get(this.store) ?? []), listener]);
  }

  private saved(reg: Registration | undefined) {
    if (reg) for (const listener of savedListeners.get(this.store) ?? []) listener(reg);
    return reg;
  }

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

  async isRegistered(identity: string): Promise<boolean> {
    return (await this.byIdentity(identity)) !== undefined;
  }

  /**
   * Creates or updates the registration for `draft.email` and links `identity` to it. Registering twice
   * updates (keeping the reference and other linked identities), never duplicates. When the e-mail is
   * already registered from another identity, `link: true` (the attendee confirmed it is theirs) is
   * required, else EmailTakenError.
   */
  async save(draft: RegistrationDraft, identity: string, options: { link?: boolean; now?: Date } = {}): Promise<Registration> {
    const now = (options.now ?? new Date()).toISOString();
    const previous = await this.byIdentity(identity);
    const key = emailKey(draft.email);
    const saved = (await this.store.update<Registration>(key, (current) => {
      if (current && !current.identities.includes(identity) && !options.link) throw new EmailTakenError();
      return {
        ...(pickDraft(draft) as RegistrationDraft),
        email: normaliseEmail(draft.email),
        reference: current?.reference ?? newReference(),
        identities: [...new Set([...(current?.identities ?? []), identity])],
        consentAt: current?.consentAt ?? draft.consentAt,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
    }))!;
    await this.store.set(IDENTITY + identity, key);
    // The identity moved to another e-mail: unlink it from the old registration.
    if (previous && emailKey(previous.email) !== key) await this.unlink(previous.email, identity);
    return this.saved(saved)!;
  }

  /**
   * Applies a change to the registration linked to `identity`; undefined when not registered. A new
   * e-mail moves the record (same reference, every linked identity follows); EmailTakenError when that
   * e-mail is another attendee's.
   */
  async update(identity: string, change: (r: Registration) => Partial<RegistrationDraft>, now = new Date()): Promise<Registration | undefined> {
    const reg = await this.byIdentity(identity);
    if (!reg) return undefined;
    const patch = pickDraft(change(reg));
    const updatedAt = now.toISOString();
    if (patch.email && normaliseEmail(patch.email) !== reg.email) {
      const email = normaliseEmail(patch.email);
      const newKey = emailKey(email);
      const moved = (await this.store.update<Registration>(newKey, (current) => {
        if (current && current.reference !== reg.reference) throw new EmailTakenError();
        return { ...reg, ...patch, email, updatedAt };
      }))!;
      await Promise.all(moved.identities.map((i) => this.store.set(IDENTITY + i, newKey)));
      await this.store.delete(emailKey(reg.email));
      return this.saved(moved);
    }
    return this.saved(await this.store.update<Registration>(emailKey(reg.email), (current) => (current ? { ...current, ...patch, updatedAt } : undefined)));
  }

  /** Applies a change to the registration with this reference (an unsubscribe link names no chat); undefined when none. */
  async updateByReference(reference: string, change: (r: Registration) => Partial<RegistrationDraft>, now = new Date()): Promise<Registration | undefined> {
    const reg = (await this.all()).find((r) => r.reference === reference);
    if (!reg) return undefined;
    const patch = pickDraft(change(reg));
    delete patch.email; // an e-mail change needs its proof; never through here
    const updated = await this.store.update<Registration>(emailKey(reg.email), (current) => (current?.reference === reference ? { ...current, ...patch, updatedAt: now.toISOString() } : undefined));
    return updated?.reference === reference ? this.saved(updated) : undefined;
  }

  /** Links another channel identity to an existing registration (after the user confirmed it is theirs). */
  async link(email: string, identity: string): Promise<Registration | undefined> {
    const key = emailKey(email);
    const previous = await this.byIdentity(identity);
    const linked = await this.store.update<Registration>(key, (current) =>
      current && !current.identities.includes(identity) ? { ...current, identities: [...current.identities, identity] } : undefined,
    );
    if (!linked) return undefined;
    await this.store.set(IDENTITY + identity, key);
    if (previous && emailKey(previous.email) !== key) await this.unlink(previous.email, identity);
    return linked;
  }

  /** Deletes the attendee's data: the registration and every identity link. Nothing is kept as a flag. */
  async remove(identity: string): Promise<boolean> {
    const reg = await this.byIdentity(identity);
    if (!reg) return false;
    await this.store.delete(emailKey(reg.email));
    await Promise.all(reg.identities.map((i) => this.store.delete(IDENTITY + i)));
    for (const listener of removedListeners.get(this.store) ?? []) await listener(reg);
    return true;
  }

  /** Every registration, oldest first. */
  async all(): Promise<Registration[]> {
    return (await this.store.list<Registration>(REG)).map((e) => e.value).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private async unlink(email: string, identity: string) {
    await this.store.update<Registration>(emailKey(email), (current) =>
      current && current.identities.includes(identity) ? { ...current, identities: current.identities.filter((i) => i !== identity) } : undefined,
    );
  }
}

/** Only the fields a registration holds: nothing else a caller passes along is stored. */
function pickDraft<T extends Partial<RegistrationDraft>>(d: T): Partial<RegistrationDraft> {
  const out: Partial<RegistrationDraft> = {};
  const keys: (keyof RegistrationDraft)[] = ['fullName', 'email', 'organisation', 'country', 'category', 'reminders', 'followedSessionIds', 'emailReminders', 'emailRemindersSince', 'consentAt', 'language'];
  for (const k of keys) if (d[k] !== undefined) (out as Record<string, unknown>)[k] = d[k];
  return out;
}
