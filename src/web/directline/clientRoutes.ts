// The client side of the built-in Direct Line 3.0 (what Web Chat and botframework-directlinejs call):
//
//   POST /api/directline/token                         a token for the browser's user (its signed cookie, see
//                                                      webIdentity.ts) and its latest conversation, else a new one
//   POST /api/directline/signout                       forgets the browser's user (clears the cookie)
//   POST /v3/directline/tokens/refresh                 a fresh token for the same conversation
//   POST /v3/directline/conversations                  start (or resume) the token's conversation
//   GET  /v3/directline/conversations/:id              resume: a new streamUrl
//   POST /v3/directline/conversations/:id/activities   send an activity to the bot
//   GET  /v3/directline/conversations/:id/activities   poll (?watermark=)
//
// With DIRECT_LINE_SECRET set, /api/directline/token exchanges it at Azure instead (see azure.ts).
import type { Request, Response, Server } from 'restify';
import { describeActivityProblem } from '../activityShape.ts';
import { clientAddress } from '../clientAddress.ts';
import { clientActivityTooLarge } from './activityLimits.ts';
import { RateLimiter } from '../rateLimiter.ts';
import { sendError } from '../server.ts';
import { azureToken, AzureDirectLineError } from './azure.ts';
import { deliver, guarded, type DirectLineContext } from './context.ts';
import { ConversationStore, type Conversation } from './conversations.ts';
import { bearer, type TokenClaims } from './tokens.ts';
import { WebIdentity } from './webIdentity.ts';

export interface ClientRouteOptions {
  /** The budget per client address a minute (CHAT_TOKENS_PER_MINUTE_PER_CLIENT by default). */
  tokensPerMinute?: number;
}

const MAX_NAME = 100;
/** What a new conversation costs of the client's budget on top of its token (issue 19 finding 8): at the default
 * 20 a minute, four new conversations or twenty tokens and refreshes, whereas resuming one costs nothing more. */
export const NEW_CONVERSATION_COST = 4;

/** This server's http(s) and ws(s) origins as the client reached them (directly or through a proxy). */
export function origins(req: Request, port: number) {
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? `127.0.0.1:${port}`).split(',')[0].trim();
  const secure = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https' || (req.socket as { encrypted?: boolean }).encrypted;
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}

export function mountClientRoutes(server: Server, dl: DirectLineContext, options: ClientRouteOptions = {}) {
  const { settings, log, now, conversations, capacity, tokens, revocations, identity, turns, botAccount } = dl;
  const tokenLimiter = new RateLimiter(options.tokensPerMinute ?? settings.CHAT_TOKENS_PER_MINUTE_PER_CLIENT, 60_000, now);
  const messageLimiter = new RateLimiter(settings.MESSAGES_PER_MINUTE_PER_CLIENT, 60_000, now);
  const route = (handler: (req: Request, res: Response) => Promise<void>) => guarded(log, handler);

  const streamUrl = (req: Request, c: Conversation, token: string, watermark?: string) =>
    `${origins(req, settings.PORT).ws}/v3/directline/conversations/${encodeURIComponent(c.id)}/stream?t=${encodeURIComponent(token)}${watermark ? `&watermark=${encodeURIComponent(watermark)}` : ''}`;

  const cors = (res: Response) => {
    // Tokens travel as bearer headers, so any site embedding the chat may call these routes (without the cookie:
    // a cross-site call carries no credentials, so each embedding visitor is a new user there).
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

  /** Charges the client's budget; false (429 with Retry-After answered) when it is spent. */
  const charge = (req: Request, res: Response, cost: number): boolean => {
    const wait = tokenLimiter.hit(clientAddress(req, settings.TRUST_PROXY_HOPS), cost);
    if (!wait) return true;
    res.setHeader('Retry-After', String(wait));
    sendError(res, 429, 'TooManyRequests', `Too many chat sessions from this address; try again in ${wait} s.`);
    return false;
  };

  /** The token's claims, or an error answered (401 without/with a bad or refreshed token, 403 for another conversation). */
  const authorize = async (req: Request, res: Response, conversationId?: string): Promise<TokenClaims | undefined> => {
    cors(res);
    const check = tokens.verify(bearer(req.headers.authorization));
    const revoked = check.ok && (await revocations.isRevoked(check.claims));
    if (!check.ok || revoked) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      const reason = check.ok ? 'has been refreshed: use the new one' : check.reason === 'missing' ? '' : check.reason === 'expired' ? 'is expired' : 'is not valid';
      sendError(res, 401, 'Unauthorized', reason ? `The token ${reason}.` : 'A Direct Line token is required (Authorization: Bearer <token>).');
      return undefined;
    }
    if (conversationId !== undefined && conversationId !== check.claims.conversationId) {
      sendError(res, 403, 'Forbidden', 'This token does not open that conversation.');
      return undefined;
    }
    return check.claims;
  };

  const conversationOf = async (claims: TokenClaims, res: Response) => {
    const c = await conversations.get(claims.conversationId);
    if (!c) sendError(res, 404, 'NotFound', 'The conversation has expired. Get a new token to start again.');
    return c;
  };

  /** Tells the bot the user joined, as Azure's Direct Line does: the bot's welcome shows before anyone types. */
  const start = async (c: Conversation, locale?: string) => {
    if (c.started || !(await conversations.markStarted(c.id))) return;
    c.started = true;
    await turns.run({
      type: 'conversationUpdate',
      id: `${c.id}|start`,
      timestamp: new Date(now()).toISOString(),
      channelId: 'webchat',
      serviceUrl: dl.serviceUrl(),
      from: { id: c.userId, role: 'user' },
      recipient: botAccount,
      conversation: { id: c.id },
      membersAdded: [{ id: botAccount.id, name: botAccount.name }, { id: c.userId }],
      ...(locale ? { locale } : {}),
    });
  };

  // ---- Tokens ----

  server.post('/api/directline/token', route(async (req, res) => {
    cors(res);
    if (!charge(req, res, 1)) return;
    // The browser's own attendee id (its signed cookie), else a new one it keeps from now on.
    const known = identity.userOf(req);
    const userId = known ?? WebIdentity.newUserId();
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
    // A reload (or another tab) resumes the browser's conversation, with what arrived while it was away.
    const conversationId = (known && (await conversations.latestOf(known))) || ConversationStore.newId();
    const t = tokens.issue(conversationId, userId);
    res.json({ token: t.token, conversationId, userId, expires_in: t.expiresIn, domain: `${origins(req, settings.PORT).http}/v3/directline`, mode: 'builtin' });
  }));

  // "Sign out of this browser": the cookie is forgotten, so the next chat is a new, anonymous attendee. Only our
  // own pages may ask (a cross-site form must not sign a visitor out).
  server.post('/api/directline/signout', route(async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (String(req.headers['sec-fetch-site'] ?? '') === 'cross-site') return sendError(res, 403, 'Forbidden', 'Sign out from the event page.');
    const userId = identity.userOf(req);
    if (userId) await conversations.forgetUser(userId);
    res.setHeader('Set-Cookie', identity.clearing(req));
    res.send(204);
  }));

  // The old token is revoked (on every instance): a refresh replaces a token, never multiplies it.
  server.post('/v3/directline/tokens/refresh', route(async (req, res) => {
    const claims = await authorize(req, res);
    if (!claims || !charge(req, res, 1)) return;
    if (!(await revocations.revoke(claims))) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'Unauthorized', 'The token has been refreshed: use the new one.');
    }
    const t = tokens.issue(claims.conversationId, claims.userId);
    res.json({ conversationId: claims.conversationId, token: t.token, expires_in: t.expiresIn });
  }));

  // ---- Conversations ----

  server.post('/v3/directline/conversations', route(async (req, res) => {
    const claims = await authorize(req, res);
    if (!claims) return;
    const token = bearer(req.headers.authorization)!;
    // A new conversation costs the client more, and needs a place: an idle conversation's at most, never an active one's.
    if (!(await conversations.get(claims.conversationId))) {
      if (!charge(req, res, NEW_CONVERSATION_COST)) return;
      if (!(await capacity.admit(claims.conversationId))) {
        res.setHeader('Retry-After', '60');
        return sendError(res, 429, 'TooManyRequests', 'The chat is full: every conversation is in use. Please try again in a few minutes.');
      }
    }
    const { conversation: c, created } = await conversations.open(claims.conversationId, claims.userId);
    capacity.seen(c.id);
    const body = (req.body ?? {}) as { locale?: unknown };
    await start(c, typeof body.locale === 'string' ? body.locale.slice(0, 64) : undefined);
    res.status(created ? 201 : 200);
    res.json({ conversationId: c.id, token, expires_in: claims.exp - Math.floor(now() / 1000), streamUrl: streamUrl(req, c, token) });
  }));

  server.get('/v3/directline/conversations/:conversationId', route(async (req, res) => {
    const claims = await authorize(req, res, req.params.conversationId);
    if (!claims) return;
    const c = await conversationOf(claims, res);
    if (!c) return;
    capacity.seen(c.id);
    const token = bearer(req.headers.authorization)!;
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.json({ conversationId: c.id, token, expires_in: claims.exp - Math.floor(now() / 1000), streamUrl: streamUrl(req, c, token, watermark) });
  }));

  server.get('/v3/directline/conversations/:conversationId/activities', route(async (req, res) => {
    const claims = await authorize(req, res, req.params.conversationId);
    if (!claims) return;
    const c = await conversationOf(claims, res);
    if (!c) return;
    capacity.seen(c.id);
    await conversations.touch(c);
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.json(conversations.since(c, watermark));
  }));

  server.post('/v3/directline/conversations/:conversationId/activities', route(async (req, res) => {
    const claims = await authorize(req, res, req.params.conversationId);
    if (!claims) return;
    const c = await conversationOf(claims, res);
    if (!c) return;
    capacity.seen(c.id);
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
      serviceUrl: dl.serviceUrl(),
      from: { id: claims.userId, ...(typeof from.name === 'string' && from.name ? { name: from.name.slice(0, MAX_NAME) } : {}), role: 'user' },
      recipient: botAccount,
      conversation: { id: c.id },
    };
    const problem = describeActivityProblem(activity);
    if (problem) return sendError(res, 400, 'BadRequest', `Not a valid activity: ${problem}`);
    const tooLarge = clientActivityTooLarge(activity);
    if (tooLarge) return sendError(res, 413, 'PayloadTooLarge', tooLarge);
    if (type === 'typing') {
      res.json({ id: `${c.id}|typing` });
      return;
    }
    await start(c, typeof body.locale === 'string' ? body.locale : undefined);
    // Echoed to the conversation (Web Chat marks its message as sent when it sees the echo), then the turn runs.
    // The echo leaves out the serviceUrl: it names the connector endpoint (and its key) the bot replies to.
    const { serviceUrl: _own, ...echo } = activity;
    const stored = await deliver(dl, c.id, echo);
    if (!stored) return sendError(res, 404, 'NotFound', 'The conversation has expired. Get a new token to start again.');
    await turns.run({ ...stored, serviceUrl: activity.serviceUrl });
    res.json({ id: stored.id });
  }));

  server.post('/v3/directline/conversations/:conversationId/upload', route(async (req, res) => {
    if (!(await authorize(req, res, req.params.conversationId))) return;
    sendError(res, 415, 'UnsupportedMediaType', 'This bot reads text only; attachments are not accepted.');
  }));
}
