// A composed reply's lead and content follow what later steps do to its text: words put before the answer
// (a yes/no verdict, "Got it — I'll show times for Tokyo too.") go before the lead as well, and a change to
// every time (12-hour clock) reaches the card's rows too. Without this a card channel would lose them.
import type { Reply } from '../conversation/types.ts';

/** `after` is `before` with words added or its first line replaced: the lead gets the same words. */
export function carryLead(before: Reply | undefined, after: Reply | undefined): Reply | undefined {
  if (!before || !after?.content || after.text === before.text) return after;
  const lead = before.lead ?? before.text.split('\n')[0];
  if (after.text.endsWith(before.text)) return { ...after, lead: `${after.text.slice(0, after.text.length - before.text.length).trimEnd()}\n${lead}`.replace(/^\n/, '') };
  const beforeLines = before.text.split('\n');
  const afterLines = after.text.split('\n');
  const added = afterLines.filter((l) => !beforeLines.includes(l));
  // The first line replaced ("Yes — …" instead of the same fact): the lead it was is gone too.
  const replaced = !afterLines.includes(beforeLines[0]) && lead === beforeLines[0];
  return { ...after, lead: [...added, ...(replaced ? [] : [lead])].join('\n') };
}

/** Every string of the reply mapped (a 12-hour clock asked for): text, lead and the content's rows. */
export function mapReplyText(reply: Reply, f: (s: string) => string): Reply {
  return { ...reply, text: f(reply.text), ...(reply.lead ? { lead: f(reply.lead) } : {}), ...(reply.content ? { content: mapStrings(reply.content, f) } : {}) };
}

function mapStrings<T>(v: T, f: (s: string) => string): T {
  if (typeof v === 'string') return f(v) as T;
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'url' ? x : mapStrings(x, f)])) as T;
  return v;
}
