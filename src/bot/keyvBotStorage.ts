// botbuilder's Storage contract on the project's KeyValueStore: a stale eTag write fails, '*' or no
// eTag overwrites. The compare happens inside an atomic update, so two concurrent turns cannot both win.
import type { Storage, StoreItems } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

const PREFIX = 'state:';

export interface KeyvBotStorageOptions {
  /**
   * How long a conversation's state (dialog stack, follow-up memory) outlives its last turn. Abandoned
   * half-finished registrations must not be kept for ever; user state (the remembered zone) has no expiry.
   */
  conversationTtlMs?: number;
}

const isConversationKey = (key: string) => key.includes('/conversations/');

export class KeyvBotStorage implements Storage {
  constructor(
    private readonly store: KeyValueStore,
    private readonly options: KeyvBotStorageOptions = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const item = await this.store.get<Record<string, unknown>>(PREFIX + key);
        if (item !== undefined) items[key] = item;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const wanted = item?.eTag as string | undefined;
        const next = { ...item, eTag: randomUUID() };
        const ttl = isConversationKey(key) ? this.options.conversationTtlMs : undefined;
        if (!wanted || wanted === '*') return this.store.set(PREFIX + key, next, ttl);
        await this.store.update<Record<string, unknown>>(
          PREFIX + key,
          (current) => {
            if (current && current.eTag !== wanted) throw new ETagConflictError(key);
            return next;
          },
          ttl,
        );
      }),
    );
  }

  /** Forgets what UserState keeps for one channel user (botbuilder's key: "<channelId>/users/<userId>/<namespace>", namespace ""). */
  async deleteUser(channelId: string, userId: string): Promise<void> {
    await this.store.delete(`${PREFIX}${channelId}/users/${userId}/`);
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(PREFIX + key)));
  }
}
