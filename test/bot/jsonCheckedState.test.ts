// The JSON-checked states must save exactly when botbuilder's own BotState would: the same scenarios run
// against both, on storages that record every write.
import { expect } from 'chai';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { JsonCheckedConversationState, JsonCheckedUserState } from '../../src/bot/jsonCheckedState.ts';

class RecordingStorage extends MemoryStorage {
  writes: StoreItems[] = [];
  override async write(changes: StoreItems) {
    this.writes.push(JSON.parse(JSON.stringify(changes)));
    return super.write(changes);
  }
}

type State = ConversationState | UserState;
type Step = (state: State, context: TurnContext) => Promise<void>;
const prop = (state: State) => state.createProperty<Record<string, unknown>>('memory');

// Each scenario: turns, each a list of steps run between load and saveChanges.
const scenarios: { name: string; turns: Step[][] }[] = [
  { name: 'nothing read or changed', turns: [[]] },
  { name: 'a value read with a default', turns: [[async (s, c) => void (await prop(s).get(c, {}))]] },
  { name: 'a value set', turns: [[async (s, c) => prop(s).set(c, { day: 2 })]] },
  { name: 'the same value set again next turn', turns: [[async (s, c) => prop(s).set(c, { day: 2 })], [async (s, c) => prop(s).set(c, { day: 2 })]] },
  { name: 'a value changed, then changed back in the same turn', turns: [[async (s, c) => prop(s).set(c, { day: 1 })], [async (s, c) => prop(s).set(c, { day: 3 }), async (s, c) => prop(s).set(c, { day: 1 })]] },
  { name: 'a nested value mutated in place', turns: [[async (s, c) => prop(s).set(c, { list: [1] })], [async (s, c) => void ((await prop(s).get(c))!.list as number[]).push(2)]] },
  { name: 'the state cleared', turns: [[async (s, c) => prop(s).set(c, { day: 2 })], [async (s, c) => s.clear(c)]] },
  { name: 'a value deleted', turns: [[async (s, c) => prop(s).set(c, { day: 2 })], [async (s, c) => prop(s).delete(c)]] },
];

async function run(make: (storage: RecordingStorage) => State, turns: Step[][]) {
  const storage = new RecordingStorage();
  const state = make(storage);
  const adapter = new TestAdapter(async (context) => {
    const steps = turns.shift() ?? [];
    await state.load(context);
    for (const step of steps) await step(state, context);
    await state.saveChanges(context);
  });
  const n = turns.length;
  for (let i = 0; i < n; i++) await adapter.send('hi');
  // eTags are random per write; compare what was written apart from them.
  return storage.writes.map((w) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { ...v, eTag: v.eTag === '*' ? '*' : 'etag' }])));
}

describe('JSON-checked bot state', () => {
  for (const { name, turns } of scenarios) {
    for (const [kind, sdk, ours] of [
      ['conversation', (s: RecordingStorage) => new ConversationState(s), (s: RecordingStorage) => new JsonCheckedConversationState(s)],
      ['user', (s: RecordingStorage) => new UserState(s), (s: RecordingStorage) => new JsonCheckedUserState(s)],
    ] as const) {
      it(`writes what BotState writes (${kind} state): ${name}`, async () => {
        const expected = await run(sdk, turns.map((t) => [...t]));
        const actual = await run(ours, turns.map((t) => [...t]));
        expect(actual).to.deep.equal(expected);
      });
    }
  }

  it('reads back what it wrote, and get() sees the loaded state', async () => {
    const storage = new RecordingStorage();
    const state = new JsonCheckedConversationState(storage);
    const seen: unknown[] = [];
    const adapter = new TestAdapter(async (context) => {
      await state.load(context);
      const memory = prop(state);
      seen.push(await memory.get(context));
      await memory.set(context, { turns: ((await memory.get(context, { turns: 0 }))!.turns as number) + 1 });
      seen.push(state.get(context)?.memory);
      await state.saveChanges(context);
    });
    await adapter.send('one');
    await adapter.send('two');
    expect(seen).to.deep.equal([undefined, { turns: 1 }, { turns: 1 }, { turns: 2 }]);
    expect(storage.writes).to.have.length(2);
  });
});
