// How stored values become strings: the format of keyv's own serialiser (@keyv/serialize: JSON, with a
// string that starts with ':' stored with one more ':' and Buffers as ':base64:…'), so data written by
// earlier versions reads back unchanged. Its hand-written recursion and JSON.parse reviver cost more than
// the SQLite statement around them; native JSON does the same job whenever no string starts with ':',
// which one scan of the output detects: a string *value* starting with ':' shows as `":` right after
// `:`, `[` or `,` (keys are never escaped, so a key starting with ':' only sends us down the slow path).
// Stored values are JSON data: Buffers, which keyv's format also encodes, are never stored here.
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';

const COLON_STRING = /(?:^|[:[,])":/;

export function serialize(data: unknown): string {
  const json = JSON.stringify(data);
  return json !== undefined && !COLON_STRING.test(json) ? json : defaultSerialize(data);
}

export function deserialize<T>(raw: string): T {
  return (COLON_STRING.test(raw) ? defaultDeserialize(raw) : JSON.parse(raw)) as T;
}
