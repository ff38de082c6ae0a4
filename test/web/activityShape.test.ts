// The hand-written fast check never accepts what the zod schema rejects, and accepts ordinary activities.
import { expect } from 'chai';
import fc from 'fast-check';
import { describeActivityProblem, incomingActivitySchema, plainlyValidActivity } from '../../src/web/activityShape.ts';

const base = { type: 'message', id: 'a1', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:1', text: 'hi', locale: 'en-US', from: { id: 'u', name: 'N' }, recipient: { id: 'b' }, conversation: { id: 'c' }, localTimezone: 'Europe/Berlin' };

describe('activity shape: fast check agrees with the schema', () => {
  it('accepts ordinary Web Chat and Teams activities without zod', () => {
    expect(plainlyValidActivity(base)).to.equal(true);
    expect(plainlyValidActivity({ ...base, entities: [{ type: 'clientInfo', timezone: 'Africa/Nairobi' }], attachments: [], channelData: { tenant: { id: 't' } } })).to.equal(true);
    expect(describeActivityProblem(base)).to.equal(undefined);
  });

  it('never accepts an activity the schema rejects (property)', () => {
    const anyValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(''), fc.constant('x'.repeat(70)), fc.constant([]), fc.constant({}), fc.constant([{}]), fc.constant([{ type: 1 }]), fc.constant([{ id: 'm' }]), fc.constant([1]));
    const field = (good: unknown) => fc.oneof({ weight: 3, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: anyValue });
    const activity = fc.record({
      type: field('message'), channelId: field('webchat'), serviceUrl: fc.oneof(field('https://x.example'), fc.constant('ftp://x'), fc.constant('http:// x')),
      conversation: fc.oneof(field({ id: 'c' }), fc.record({ id: field('c') })), from: fc.oneof(field({ id: 'u' }), fc.record({ id: field('u'), name: field('N') })),
      recipient: fc.oneof(field({ id: 'b' }), fc.record({ id: field('') })), id: field('i'), text: field('t'), locale: field('en'), localTimezone: field('UTC'),
      entities: field([{ type: 'mention' }]), attachments: field([{ contentType: 'x' }]), membersAdded: field([{ id: 'm' }]), membersRemoved: field([{ id: 'm' }]), deliveryMode: field('normal'),
    }, { requiredKeys: [] });
    fc.assert(fc.property(activity, (a) => {
      const zodOk = incomingActivitySchema.safeParse(a).success;
      if (plainlyValidActivity(a)) expect(zodOk, JSON.stringify(a)).to.equal(true);
      expect(describeActivityProblem(a) === undefined).to.equal(zodOk);
    }), { numRuns: 3000 });
  });
});
