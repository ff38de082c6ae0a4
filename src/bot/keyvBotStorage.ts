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

export class KeyvBotStorage implements Storage {
  constructor(private readonly store: KeyValueStore) {}

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
        if (!wanted || wanted === '*') return this.store.set(PREFIX + key, next);
        await this.store.update<Record<string, unknown>>(PREFIX + key, (current) => {
          if (current && current.eTag !== wanted) throw new ETagConflictError(key);
          return next;
        });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(PREFIX + key)));
  }
}
