// Conversation and user state that decide "changed since load?" by comparing JSON text. botbuilder's BotState
// hashes the state three times a turn (load, the check before saving, after saving): JSON.stringify with a
// per-key replacer, then SHA-256 — ~90 µs of a registration turn (BENCHMARKS.md, round 3). The state is plain
// JSON (it is stored as JSON), so the text itself is an exact fingerprint. Everything else is BotState's own
// logic, unchanged: same storage keys, eTag '*' on write, the same cache entry that get/clear/delete use.
import { ConversationState, UserState, type Storage, type StorageKeyFactory, type TurnContext } from 'botbuilder';

interface Cached {
  state: Record<string, unknown>;
  hash: string;
}

/** The state's JSON without its eTag, as BotState's hash leaves the eTag out. */
export function stateFingerprint(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

// BotState keeps its per-turn cache under a private symbol; the subclasses must use the same entry.
const cacheKeyOf = (state: ConversationState | UserState) => (state as unknown as { stateKey: symbol }).stateKey;

async function load(owner: ConversationState | UserState, storage: Storage, storageKey: StorageKeyFactory, context: TurnContext, force: boolean) {
  const cached = context.turnState.get(cacheKeyOf(owner)) as Cached | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await storageKey(context);
  const items = await storage.read([key]);
  const state = (items[key] ?? {}) as Record<string, unknown>;
  context.turnState.set(cacheKeyOf(owner), { state, hash: stateFingerprint(state) } satisfies Cached);
  return state;
}

async function save(owner: ConversationState | UserState, storage: Storage, storageKey: StorageKeyFactory, context: TurnContext, force: boolean) {
  let cached = context.turnState.get(cacheKeyOf(owner)) as Cached | undefined;
  if (!force && (!cached || cached.hash === stateFingerprint(cached.state))) return;
  const key = await storageKey(context);
  cached ??= { state: {}, hash: '' };
  cached.state.eTag = '*';
  await storage.write({ [key]: cached.state });
  cached.hash = stateFingerprint(cached.state);
  context.turnState.set(cacheKeyOf(owner), cached);
}

export class JsonCheckedConversationState extends ConversationState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return load(this, this.storage, this.storageKey, context, force);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return save(this, this.storage, this.storageKey, context, force);
  }
}

export class JsonCheckedUserState extends UserState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return load(this, this.storage, this.storageKey, context, force);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return save(this, this.storage, this.storageKey, context, force);
  }
}
