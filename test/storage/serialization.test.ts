// Stored strings keep keyv's format: what earlier versions wrote reads back the same, and what we write
// now is byte-for-byte what keyv's own serialiser would have written.
import { expect } from 'chai';
import fc from 'fast-check';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import { deserialize, serialize } from '../../src/storage/serialization.ts';

// JSON values whose strings (and keys) often start with ':' or contain '":', the cases keyv escapes.
const tricky = fc.oneof(fc.string(), fc.constantFrom(':', '::', ':base64:', ':)', '":', 'a,":b', '[":x]', '{":'), fc.string().map((s) => `:${s}`));
const value = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('json')), fc.dictionary(tricky, tie('json'))),
})).json;

describe('stored value format', () => {
  it('writes exactly what keyv would write (property, 2,000 values)', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(serialize({ value: v, expires: null })).to.equal(defaultSerialize({ value: v, expires: null }));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads what keyv wrote as keyv would read it (property, 2,000 values)', () => {
    fc.assert(
      fc.property(value, (v) => {
        const raw = defaultSerialize({ value: v });
        expect(deserialize(raw)).to.deep.equal(defaultDeserialize(raw));
      }),
      { numRuns: 2000 },
    );
  });

  const cases: [string, unknown][] = [
    ['a name starting with a colon', { name: ':Ann', org: 'ITU' }],
    ['a message that quotes JSON', { text: 'he typed {":x"} and [":y"]' }],
    ['a list of colon strings', [':a', '::b', 'c']],
    ['a key starting with a colon', { ':k': ':v' }],
  ];
  for (const [name, v] of cases)
    it(`round-trips ${name}`, () => {
      expect(deserialize(serialize({ value: v }))).to.deep.equal({ value: v });
    });
});
