// The built-in Direct Line 3.0: what Web Chat (and botframework-directlinejs) talk to when no Azure Direct Line
// secret is configured. Activities enter the same CloudAdapter and bot as every channel (channelId "webchat"),
// with a serviceUrl pointing back at this server's own Bot Connector endpoints (/directline-connector/<key>/v3/…),
// so replies and proactive messages (reminders) land in the conversation, get a watermark, and are pushed to
// the conversation's open WebSockets.
//
//   POST /api/directline/token                         a token bound to a new conversation and the browser's user
//                                                      (its signed cookie, see webIdentity.ts; rate limited)
//   POST /api/directline/signout                       forgets the browser's user (clears the cookie)
//   POST /v3/directline/tokens/refresh                 a fresh token for the same conversation
//   POST /v3/directline/conversations                  start (or resume) the token's conversation
//   GET  /v3/directline/conversations/:id              resume: a new streamUrl
//   POST /v3/directline/conversations/:id/activities   send an activity to the bot
//   GET  /v3/directline/conversations/:id/activities   poll (?watermark=)
//   WS   /v3/directline/conversations/:id/stream       pushed activities (?watermark=&t=token)
//
// With DIRECT_LINE_SECRET set, /api/directline/token exchanges it at Azure instead (see azure.ts).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ConnectorClient, MicrosoftAppCredentials, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, WebSocket } from 'ws';
import type { Settings } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { describeActivityProblem } from '../activityShape.ts';
import { sendError } from '../server.ts';
import { azureToken, AzureDirectLineError } from './azure.ts';
import { ConversationStore, defaultLimits, type Conversation, type ConversationLimits, type StoredActivity } from './conversations.ts';
import { RateLimiter } from '../rateLimiter.ts';
import { clientAddress } from '../clientAddress.ts';
import { bearer, TokenIssuer, type TokenClaims } from './tokens.ts';
import { WebIdentity } from './webIdentity.ts';

export interface DirectLineOptions {
  settings: Settings;
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  log: Logger;
  /** Wraps a turn so the app's stop() waits for it. */
  track?: (work: () => Promise<void>) => Promise<void>;
  limits?: Partial<ConversationLimits>;
  /** Tokens issued per client IP per minute. */
  tokensPerMinute?: number;
  tokenLifetimeSeconds?: number;
  now?: () => number;
}

export interface DirectLine {
  conversations: ConversationStore;
  tokens: TokenIssuer;
  /** The serviceUrl the bot replies to for built-in conversations. */
  serviceUrl(): string;
  close(): void;
}

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?#]+)\/stream(?:\?|$)/;
const KEEPALIVE_MS = 25_000;
const MAX_NAME = 100;

export function mountDirectLine(server: Server, options: DirectLineOptions): DirectLine {
  const { settings, adapter, bot, log } = options;
  const now = options.now ?? Date.now;
  const track = options.track ?? ((work) => work());
  const tokens = new TokenIssuer(settings.DIRECT_LINE_TOKEN_SECRET, options.tokenLifetimeSeconds, now);
  const conversations = new ConversationStore({ ...defaultLimits, ...options.limits }, now);
  const tokenLimiter = new RateLimiter(options.tokensPerMinute ?? 20, 60_000, now);
  const messageLimiter = new RateLimiter(settings.MESSAGES_PER_MINUTE_PER_CLIENT, 60_000, now);
  const connectorKey = tokens.derive('directline-connector');
  const identity = new WebIdentity(tokens.derive('web-user'), settings.PUBLIC_URL);
  const botAccount = { id: settings.MicrosoftAppId ?? 'event-assistant-bot', name: 'Event Assistant', role: 'bot' };

  const serviceUrl = () => {
    const address = server.address() as AddressInfo | null;
    const host = !address || address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
    const hostPart = host.includes(':') ? `[${host}]` : host;
    return `http://${hostPart}:${address?.port ?? settings.PORT}/directline-connector/${connectorKey}`;
  };

  // In local mode the adapter needs no credentials. With MicrosoftAppId set, a turn from the built-in Direct Line
  // still replies to this server without an AAD token (the path key authenticates); proactive sends use the
  // adapter's own credentials and reach the same endpoint.
  const authFor = (): string | AuthenticateRequestResult => {
    if (settings.localMode) return '';
    const appId = settings.MicrosoftAppId!;
    const claimsIdentity = new ClaimsIdentity([{ type: 'aud', value: appId }, { type: 'appid', value: appId }, { type: 'ver', value: '1.0' }], true);
    return {
      audience: 'https://api.botframework.com',
      claimsIdentity,
      connectorFactory: { create: async (url: string) => new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: url }) } as never,
    };
  };

  const origins = (req: Request) => {
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? `127.0.0.1:${settings.PORT}`).split(',')[0].trim();
    const secure = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https' || (req.socket as { encrypted?: boolean }).encrypted;
    return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
  };
  const streamUrl = (req: Request, c: Conversation, token: string, watermark?: string) =>
    `${origins(req).ws}/v3/directline/conversations/${encodeURIComponent(c.id)}/stream?t=${encodeURIComponent(token)}${watermark ? `&watermark=${encodeURIComponent(watermark)}` : ''}`;

  const cors = (res: Response) => {
    // Tokens travel as bearer headers (never cookies), so any site embedding the chat may call these routes.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '600');
    res.setHeader('Cache-Control', 'no-store');
  };
  const preflight = async (_req: Request, res: Response) => {
    cors(res);
    res.send(204);
  };
  server.opts('/api/directline/token', preflight);
  server.opts('/v3/directline/*', preflight);

  /** The token's claims, or an error answered (401 without/with a bad token, 403 for another conversation). */
  const authorize = (req: Request, res: Response, conversationId?: string): TokenClaims | undefined => {
    cors(res);
    const check = tokens.verify(bearer(req.headers.authorization));
    if (!check.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'Unauthorized', check.reason === 'missing' ? 'A Direct Line token is required (Authorization: Bearer <token>).' : `The token is ${check.reason === 'expired' ? 'expired' : 'not valid'}.`);
      return undefined;
    }
    if (conversationId !== undefined && conversationId !== check.claims.conversationId) {
      sendError(res, 403, 'Forbidden', 'This token does not open that conversation.');
      return undefined;
    }
    return check.claims;
  };

  const conversationOf = (claims: TokenClaims, res: Response) => {
    const c = conversations.get(claims.conversationId);
    if (!c) sendError(res, 404, 'NotFound', 'The conversation has expired. Get a new token to start again.');
    return c;
  };

  /** Tells the bot the user joined, as Azure's Direct Line does: the bot's welcome shows before anyone types. */
  const start = async (c: Conversation, locale?: string) => {
    if (c.started) return;
    c.started = true;
    const update = {
      type: 'conversationUpdate',
      id: `${c.id}|start`,
      timestamp: new Date(now()).toISOString(),
      channelId: 'webchat',
      serviceUrl: serviceUrl(),
      from: { id: c.userId, role: 'user' },
      recipient: botAccount,
      conversation: { id: c.id },
      membersAdded: [{ id: botAccount.id, name: botAccount.name }, { id: c.userId }],
      ...(locale ? { locale } : {}),
    };
    await runTurn(update);
  };

  const runTurn = async (activity: Record<string, unknown>) => {
    await track(async () => {
      try {
        await adapter.processActivityDirect(authFor(), activity as unknown as Activity, (context) => bot.run(context));
      } catch (err) {
        // onTurnError has already told the user; this is the adapter itself failing.
        log.warn({ err: (err as Error).message.split('\n')[0], conversationId: (activity.conversation as { id: string }).id }, 'built-in Direct Line turn failed');
      }
    });
  };

  // ---- Tokens ----

  server.post('/api/directline/token', async (req: Request, res: Response) => {
    cors(res);
    const wait = tokenLimiter.hit(clientAddress(req, settings.TRUST_PROXY_HOPS));
    if (wait) {
      res.setHeader('Retry-After', String(wait));
      return sendError(res, 429, 'TooManyRequests', `Too many chat sessions from this address; try again in ${wait} s.`);
    }
    // The browser's own attendee id (its signed cookie), else a new one it keeps from now on.
    const userId = identity.userOf(req) ?? WebIdentity.newUserId();
    res.setHeader('Set-Cookie', identity.cookieFor(req, userId));
    if (settings.DIRECT_LINE_SECRET) {
      try {
        const t = await azureToken(settings.DIRECT_LINE_ENDPOINT, settings.DIRECT_LINE_SECRET, { userId });
        res.json({ ...t, mode: 'azure' });
        return;
      } catch (err) {
        const status = err instanceof AzureDirectLineError ? err.status : 0;
        log.warn({ status, err: (err as Error).message }, 'Direct Line token exchange failed');
        return sendError(res, 502, 'BadGateway', 'The chat service did not issue a token; please try again shortly.');
      }
    }
    const conversationId = ConversationStore.newId();
    const t = tokens.issue(conversationId, userId);
    res.json({ token: t.token, conversationId, userId, expires_in: t.expiresIn, domain: `${origins(req).http}/v3/directline`, mode: 'builtin' });
  });

  // "Sign out of this browser": the cookie is forgotten, so the next chat is a new, anonymous attendee. Only our
  // own pages may ask (a cross-site form must not sign a visitor out).
  server.post('/api/directline/signout', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    if (String(req.headers['sec-fetch-site'] ?? '') === 'cross-site') return sendError(res, 403, 'Forbidden', 'Sign out from the event page.');
    res.setHeader('Set-Cookie', identity.clearing(req));
    res.send(204);
  });

  server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
    const claims = authorize(req, res);
    if (!claims) return;
    const t = tokens.issue(claims.conversationId, claims.userId);
    res.json({ conversationId: claims.conversationId, token: t.token, expires_in: t.expiresIn });
  });

  // ---- Conversations ----

  server.post('/v3/directline/conversations', async (req: Request, res: Response) => {
    const claims = authorize(req, res);
    if (!claims) return;
    const token = bearer(req.headers.authorization)!;
    const existed = conversations.get(claims.conversationId);
    const c = conversations.open(claims.conversationId, claims.userId);
    const body = (req.body ?? {}) as { locale?: unknown };
    await start(c, typeof body.locale === 'string' ? body.locale.slice(0, 64) : undefined);
    res.status(existed ? 200 : 201);
    res.json({ conversationId: c.id, token, expires_in: claims.exp - Math.floor(now() / 1000), streamUrl: streamUrl(req, c, token) });
  });

  server.get('/v3/directline/conversations/:conversationId', async (req: Request, res: Response) => {
    const claims = authorize(req, res, req.params.conversationId);
    if (!claims) return;
    const c = conversationOf(claims, res);
    if (!c) return;
    const token = bearer(req.headers.authorization)!;
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.json({ conversationId: c.id, token, expires_in: claims.exp - Math.floor(now() / 1000), streamUrl: streamUrl(req, c, token, watermark) });
  });

  server.get('/v3/directline/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    const claims = authorize(req, res, req.params.conversationId);
    if (!claims) return;
    const c = conversationOf(claims, res);
    if (!c) return;
    conversations.touch(c);
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.json(conversations.since(c, watermark));
  });

  server.post('/v3/directline/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    const claims = authorize(req, res, req.params.conversationId);
    if (!claims) return;
    const c = conversationOf(claims, res);
    if (!c) return;
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return sendError(res, 400, 'BadRequest', 'The body must be a JSON activity.');
    const wait = messageLimiter.hit(c.id);
    if (wait) {
      res.setHeader('Retry-After', String(wait));
      return sendError(res, 429, 'TooManyRequests', `Slow down: try again in ${wait} s.`);
    }
    const type = typeof body.type === 'string' ? body.type : 'message';
    if (!['message', 'event', 'typing', 'invoke', 'messageReaction'].includes(type)) return sendError(res, 400, 'BadRequest', `Activity type "${type.slice(0, 32)}" is not supported here.`);
    const from = (body.from ?? {}) as { name?: unknown };
    // The client chooses the content (text, value, locale, localTimezone, channelData …), never who it is or where it goes.
    const { id: _id, from: _from, recipient: _recipient, conversation: _conversation, serviceUrl: _serviceUrl, channelId: _channelId, timestamp: _ts, ...content } = body;
    const activity = {
      ...content,
      type,
      channelId: 'webchat',
      serviceUrl: serviceUrl(),
      from: { id: claims.userId, ...(typeof from.name === 'string' && from.name ? { name: from.name.slice(0, MAX_NAME) } : {}), role: 'user' },
      recipient: botAccount,
      conversation: { id: c.id },
    };
    const problem = describeActivityProblem(activity);
    if (problem) return sendError(res, 400, 'BadRequest', `Not a valid activity: ${problem}`);
    if (type === 'typing') {
      res.json({ id: `${c.id}|typing` });
      return;
    }
    await start(c, typeof body.locale === 'string' ? body.locale : undefined);
    // Echoed to the conversation (Web Chat marks its message as sent when it sees the echo), then the turn runs.
    const stored = conversations.append(c, activity);
    await runTurn(stored);
    res.json({ id: stored.id });
  });

  server.post('/v3/directline/conversations/:conversationId/upload', async (req: Request, res: Response) => {
    if (!authorize(req, res, req.params.conversationId)) return;
    sendError(res, 415, 'UnsupportedMediaType', 'This bot reads text only; attachments are not accepted.');
  });

  // ---- The Bot Connector side: where the bot's replies (and proactive messages) arrive ----

  const connectorConversation = (req: Request, res: Response): Conversation | undefined => {
    const key = Buffer.from(String(req.params.key));
    const expected = Buffer.from(connectorKey);
    if (key.length !== expected.length || !timingSafeEqual(key, expected)) {
      sendError(res, 401, 'Unauthorized', 'Unknown connector.');
      return undefined;
    }
    const c = conversations.get(String(req.params.conversationId));
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
  const base = '/directline-connector/:key/v3/conversations/:conversationId';

  server.post(`${base}/activities`, async (req: Request, res: Response) => {
    const c = connectorConversation(req, res);
    if (!c) return;
    res.json({ id: conversations.append(c, fromBot(c, req.body)).id });
  });
  server.post(`${base}/activities/:activityId`, async (req: Request, res: Response) => {
    const c = connectorConversation(req, res);
    if (!c) return;
    res.json({ id: conversations.append(c, fromBot(c, req.body, String(req.params.activityId))).id });
  });
  server.put(`${base}/activities/:activityId`, async (req: Request, res: Response) => {
    const c = connectorConversation(req, res);
    if (!c) return;
    const original = conversations.find(c, String(req.params.activityId));
    if (!original) return sendError(res, 404, 'ActivityNotFound', 'No such activity.');
    // An update is delivered as a new activity carrying the original id, which Web Chat replaces in place.
    const updated = conversations.append(c, fromBot(c, req.body));
    updated.id = original.id;
    res.json({ id: original.id });
  });
  server.del(`${base}/activities/:activityId`, async (req: Request, res: Response) => {
    if (!connectorConversation(req, res)) return;
    res.send(200);
  });
  server.get(`${base}/members`, async (req: Request, res: Response) => {
    const c = connectorConversation(req, res);
    if (!c) return;
    res.json([{ id: c.userId }]);
  });
  server.get(`${base}/members/:userId`, async (req: Request, res: Response) => {
    const c = connectorConversation(req, res);
    if (!c) return;
    if (req.params.userId !== c.userId) return sendError(res, 404, 'MemberNotFound', 'No such member.');
    res.json({ id: c.userId });
  });
  server.get(`${base}/activities/:activityId/members`, async (req: Request, res: Response) => {
    const c = connectorConversation(req, res);
    if (!c) return;
    res.json([{ id: c.userId }, { id: botAccount.id, name: botAccount.name }]);
  });

  // ---- WebSocket stream ----

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  // The only upgrades this server takes are Direct Line streams: anything else is answered and closed, so no
  // socket is left half-open (an unanswered upgrade holds a descriptor until the client gives up, if ever).
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const match = (req.url ?? '').match(STREAM_PATH);
    if (!match) return refuse(socket, 404, 'Not Found');
    const conversationId = decodePathSegment(match[1]);
    if (conversationId === undefined) return refuse(socket, 400, 'Bad Request');
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const check = tokens.verify(query.get('t') ?? bearer(req.headers.authorization));
    if (!check.ok) return refuse(socket, 401, 'Unauthorized');
    if (check.claims.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    const c = conversations.get(conversationId);
    if (!c) return refuse(socket, 404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const listener = {
        send: (payload: { activities: StoredActivity[]; watermark: string }) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(payload)),
        close: (code: number, reason: string) => ws.close(code, reason),
      };
      c.listeners.add(listener);
      const backlog = conversations.since(c, query.get('watermark') ?? undefined);
      if (backlog.activities.length) listener.send({ activities: backlog.activities, watermark: backlog.watermark! });
      // Direct Line sends empty messages as keep-alives; proxies then keep the socket open.
      const keepAlive = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send(''), KEEPALIVE_MS);
      keepAlive.unref();
      ws.on('message', () => conversations.touch(c));
      ws.on('close', () => {
        clearInterval(keepAlive);
        c.listeners.delete(listener);
      });
      ws.on('error', () => ws.terminate());
    });
  };
  server.server.on('upgrade', onUpgrade);

  const sweeper = setInterval(() => conversations.sweep(), 60_000);
  sweeper.unref();

  return {
    conversations,
    tokens,
    serviceUrl,
    close() {
      clearInterval(sweeper);
      server.server.off('upgrade', onUpgrade);
      conversations.closeAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function refuse(socket: Duplex, status: number, text: string) {
  // Answer, then release the descriptor even if the client never closes its side.
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

/** A percent-encoded path segment, or undefined when it does not decode (`%`, `%E0%A4%A`). */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
