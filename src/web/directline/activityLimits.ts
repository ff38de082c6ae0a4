// How much one built-in Direct Line conversation may hold (issue 19 finding 4: one token sending 900 KB messages
// in a loop ran the bot out of memory after ~240 of them). A client's message carries at most MAX_TEXT_CHARS of
// text (the bot reads the first 1,000) and MAX_CLIENT_ACTIVITY_BYTES in all; a conversation keeps its newest
// activities up to CONVERSATION_BUDGET_BYTES (always at least the newest one). 2,000 conversations at their full
// budget are ~96 MB: inside the 256 MB heap `npm start` gives the bot, with room for everything else.
export const MAX_TEXT_CHARS = 5_000;
export const MAX_CLIENT_ACTIVITY_BYTES = 16 * 1024;
export const CONVERSATION_BUDGET_BYTES = 48 * 1024;
/**
 * A Direct Line client request whose declared body is larger than this is refused (413) before it is read: an
 * activity is at most MAX_CLIENT_ACTIVITY_BYTES, so a body several times that can only be refused, and reading
 * and parsing a 900 KB one first costs ~5 ms of the event loop and 2–3 MB of garbage each time.
 */
export const MAX_CLIENT_BODY_BYTES = 64 * 1024;

/** Why a Direct Line client request is refused by its declared size alone (413), or undefined. */
export function clientBodyTooLarge(path: string, contentLength: string | undefined): string | undefined {
  if (!path.startsWith('/v3/directline/') || !contentLength || !(Number(contentLength) > MAX_CLIENT_BODY_BYTES)) return undefined;
  return `A message may be at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters long and an activity ${MAX_CLIENT_ACTIVITY_BYTES / 1024} KB; this request is ${Math.round(Number(contentLength) / 1024)} KB.`;
}

/** Why a client's activity is too large to take (answered 413), or undefined. */
export function clientActivityTooLarge(activity: Record<string, unknown>): string | undefined {
  if (typeof activity.text === 'string' && activity.text.length > MAX_TEXT_CHARS)
    return `A message may be at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters long; please shorten it.`;
  if (Buffer.byteLength(JSON.stringify(activity)) > MAX_CLIENT_ACTIVITY_BYTES)
    return `An activity may be at most ${MAX_CLIENT_ACTIVITY_BYTES / 1024} KB.`;
  return undefined;
}

/** The newest activities that fit the byte budget and the count cap (the newest always stays). */
export function newestWithinBudget<T>(activities: T[], maxCount: number, budgetBytes = CONVERSATION_BUDGET_BYTES): T[] {
  let bytes = 0;
  let from = activities.length;
  while (from > 0 && activities.length - from < maxCount) {
    const size = Buffer.byteLength(JSON.stringify(activities[from - 1]));
    if (from < activities.length && bytes + size > budgetBytes) break;
    bytes += size;
    from--;
  }
  return from === 0 ? activities : activities.slice(from);
}
