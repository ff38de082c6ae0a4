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

export function describeActivityProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (an activity)';
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `${issue.path.join('.') || 'activity'}: ${issue.message}`;
}
