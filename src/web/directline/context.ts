// What the built-in Direct Line's parts share: settings, the store-backed conversations, the feed that wakes
// sockets, the signing key's products (tokens, identity cookie, connector key) and the way into the bot.
import type { Request, Response } from 'restify';
import type { Settings } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { isStorageUnavailable } from '../../storage/keyValueStore.ts';
import { sendError } from '../server.ts';
import type { ConversationCapacity } from './capacity.ts';
import type { ConversationStore, StoredActivity } from './conversations.ts';
import type { ActivityFeed } from './feed.ts';
import type { TokenIssuer, TokenRevocations } from './tokens.ts';
import type { TurnRunner } from './turnRunner.ts';
import type { WebIdentity } from './webIdentity.ts';

export interface BotAccount {
  id: string;
  name: string;
  role: 'bot';
}

export interface DirectLineContext {
  settings: Settings;
  log: Logger;
  now: () => number;
  conversations: ConversationStore;
  /** Which conversations hold a place, and which are active (see capacity.ts). */
  capacity: ConversationCapacity;
  feed: ActivityFeed;
  tokens: TokenIssuer;
  revocations: TokenRevocations;
  identity: WebIdentity;
  turns: TurnRunner;
  botAccount: BotAccount;
  /** The secret path segment of the connector endpoints (derived from the signing key: the same on every instance). */
  connectorKey: string;
  /** The serviceUrl the bot replies to for built-in conversations. */
  serviceUrl(): string;
}

/** Stores an activity in the conversation and wakes the sockets listening to it (on any instance). */
export async function deliver(dl: DirectLineContext, conversationId: string, activity: Record<string, unknown>, keepId?: string): Promise<StoredActivity | undefined> {
  const stored = await dl.conversations.append(conversationId, activity, keepId);
  if (stored) dl.feed.publish(conversationId);
  return stored;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** A route whose store may be down: a 503 the client retries, not a 500. */
export function guarded(log: Logger, handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (res.headersSent) return;
      if (!isStorageUnavailable(err)) throw err;
      log.warn({ path: req.path() }, 'Direct Line request failed: storage unavailable');
      res.setHeader('Retry-After', '5');
      sendError(res, 503, 'ServiceUnavailable', 'The chat is briefly unavailable; please try again in a moment.');
    }
  };
}
