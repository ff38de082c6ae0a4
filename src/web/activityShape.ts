// The minimum an incoming activity must have before it reaches the adapter: anything less is the
// client's mistake and gets a 400, not a failed turn.
import { z } from 'zod';

const id = z.string().min(1).max(1024);
const httpUrl = z
  .string()
  .max(2048)
  .refine((u) => /^https?:\/\/[^\s/]+/i.test(u), 'must be an http(s) URL');

export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: httpUrl,
    conversation: z.object({ id }).passthrough(),
    from: z.object({ id, name: z.string().max(1024).optional().nullable() }).passthrough(),
    recipient: z.object({ id: z.string().max(1024) }).passthrough().optional(),
    id: z.string().max(1024).optional(),
    text: z.string().optional().nullable(),
    locale: z.string().max(64).optional().nullable(),
    localTimezone: z.string().max(128).optional().nullable(),
    entities: z.array(z.object({ type: z.string() }).passthrough()).optional().nullable(),
    attachments: z.array(z.object({}).passthrough()).optional().nullable(),
    membersAdded: z.array(z.object({ id: z.string() }).passthrough()).optional().nullable(),
    membersRemoved: z.array(z.object({ id: z.string() }).passthrough()).optional().nullable(),
    deliveryMode: z.string().max(32).optional().nullable(),
  })
  .passthrough();

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const optStr = (v: unknown, max: number) => v === undefined || v === null || (typeof v === 'string' && v.length <= max);
const optArrayOf = (v: unknown, ok: (item: unknown) => boolean) => v === undefined || v === null || (Array.isArray(v) && v.every(ok));
const URL_START = /^https?:\/\/[^\s/]+/i;

/**
 * The schema above, checked by hand for the common case: true only when zod would accept the activity too
 * (anything unusual falls through to zod, which also words the 400). zod's passthrough objects copy the
 * whole activity on every turn; this reads it.
 */
export function plainlyValidActivity(a: Record<string, unknown>): boolean {
  const conversation = a.conversation;
  const from = a.from;
  const recipient = a.recipient;
  return (
    str(a.type, 1, 64) &&
    str(a.channelId, 1, 64) &&
    typeof a.serviceUrl === 'string' && a.serviceUrl.length <= 2048 && URL_START.test(a.serviceUrl) &&
    isObject(conversation) && str(conversation.id, 1, 1024) &&
    isObject(from) && str(from.id, 1, 1024) && optStr(from.name, 1024) &&
    (recipient === undefined || (isObject(recipient) && str(recipient.id, 0, 1024))) &&
    (a.id === undefined || str(a.id, 0, 1024)) &&
    optStr(a.text, Infinity) &&
    optStr(a.locale, 64) &&
    optStr(a.localTimezone, 128) &&
    optStr(a.deliveryMode, 32) &&
    optArrayOf(a.entities, (e) => isObject(e) && typeof e.type === 'string') &&
    optArrayOf(a.attachments, isObject) &&
    optArrayOf(a.membersAdded, (m) => isObject(m) && typeof m.id === 'string') &&
    optArrayOf(a.membersRemoved, (m) => isObject(m) && typeof m.id === 'string')
  );
}

export function describeActivityProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (an activity)';
  if (plainlyValidActivity(body as Record<string, unknown>)) return undefined;
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `${issue.path.join('.') || 'activity'}: ${issue.message}`;
}
