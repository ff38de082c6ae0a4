// The Bot Connector side of the built-in Direct Line: where the bot's replies and proactive messages (reminders,
// announcements) arrive, at /directline-connector/<key>/v3/conversations/… (the serviceUrl of every built-in
// conversation). Each lands in the stored conversation under the next watermark and wakes its sockets.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../server.ts';
import { deliver, guarded, type DirectLineContext } from './context.ts';
import type { Conversation } from './conversations.ts';

export function mountConnectorRoutes(server: Server, dl: DirectLineContext) {
  const { conversations, botAccount, connectorKey } = dl;
  const route = (handler: (req: Request, res: Response) => Promise<void>) => guarded(dl.log, handler);

  const connectorConversation = async (req: Request, res: Response): Promise<Conversation | undefined> => {
    const key = Buffer.from(String(req.params.key));
    const expected = Buffer.from(connectorKey);
    if (key.length !== expected.length || !timingSafeEqual(key, expected)) {
      sendError(res, 401, 'Unauthorized', 'Unknown connector.');
      return undefined;
    }
    const c = await conversations.get(String(req.params.conversationId));
    if (!c) sendError(res, 404, 'ConversationNotFound', 'The conversation has ended or expired.');
    return c;
  };
  const fromBot = (c: Conversation, body: unknown, replyToId?: string): Record<string, unknown> => {
    const a = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const { id: _id, timestamp: _ts, serviceUrl: _s, ...content } = a;
    return {
      ...content,
      type: typeof a.type === 'string' ? a.type : 'message',
      channelId: 'webchat',
      from: { ...botAccount, ...((a.from as object) ?? {}), role: 'bot' },
      recipient: { id: c.userId, role: 'user' },
      conversation: { id: c.id },
      ...(replyToId ? { replyToId } : {}),
    };
  };
  const append = async (res: Response, c: Conversation, activity: Record<string, unknown>, keepId?: string) => {
    const stored = await deliver(dl, c.id, activity, keepId);
    if (!stored) return sendError(res, 404, 'ConversationNotFound', 'The conversation has ended or expired.');
    res.json({ id: stored.id });
  };
  const base = '/directline-connector/:key/v3/conversations/:conversationId';

  server.post(`${base}/activities`, route(async (req, res) => {
    const c = await connectorConversation(req, res);
    if (c) await append(res, c, fromBot(c, req.body));
  }));
  server.post(`${base}/activities/:activityId`, route(async (req, res) => {
    const c = await connectorConversation(req, res);
    if (c) await append(res, c, fromBot(c, req.body, String(req.params.activityId)));
  }));
  server.put(`${base}/activities/:activityId`, route(async (req, res) => {
    const c = await connectorConversation(req, res);
    if (!c) return;
    const original = conversations.find(c, String(req.params.activityId));
    if (!original) return sendError(res, 404, 'ActivityNotFound', 'No such activity.');
    // An update is delivered as a new activity carrying the original id, which Web Chat replaces in place.
    await append(res, c, fromBot(c, req.body), original.id);
  }));
  server.del(`${base}/activities/:activityId`, route(async (req, res) => {
    if (!(await connectorConversation(req, res))) return;
    res.send(200);
  }));
  server.get(`${base}/members`, route(async (req, res) => {
    const c = await connectorConversation(req, res);
    if (!c) return;
    res.json([{ id: c.userId }]);
  }));
  server.get(`${base}/members/:userId`, route(async (req, res) => {
    const c = await connectorConversation(req, res);
    if (!c) return;
    if (req.params.userId !== c.userId) return sendError(res, 404, 'MemberNotFound', 'No such member.');
    res.json({ id: c.userId });
  }));
  server.get(`${base}/activities/:activityId/members`, route(async (req, res) => {
    const c = await connectorConversation(req, res);
    if (!c) return;
    res.json([{ id: c.userId }, { id: botAccount.id, name: botAccount.name }]);
  }));
}
