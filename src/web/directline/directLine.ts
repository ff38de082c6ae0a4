// The built-in Direct Line 3.0: what Web Chat (and botframework-directlinejs) talk to when no Azure Direct Line
// secret is configured. Activities enter the bot through a TurnRunner (channelId "webchat"), with a serviceUrl
// pointing back at this server's own Bot Connector endpoints (/directline-connector/<key>/v3/…), so replies and
// proactive messages (reminders) land in the conversation, get a watermark, and are pushed to its WebSockets.
// Conversations live in the bot's store and the signing key comes from configuration or the store, so a restart,
// or another instance on the same store, serves the same conversations and accepts the same tokens and cookies.
//
//   clientRoutes.ts     tokens, sign-out, conversations, activities (polling)
//   stream.ts           WebSocket streams
//   connectorRoutes.ts  where the bot's replies arrive
//   conversations.ts    the store-backed conversations; feed.ts wakes the sockets when one changes
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Settings } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { KeyValueStore } from '../../storage/keyValueStore.ts';
import { ConversationCapacity } from './capacity.ts';
import { mountClientRoutes } from './clientRoutes.ts';
import { mountConnectorRoutes } from './connectorRoutes.ts';
import type { DirectLineContext } from './context.ts';
import { ConversationStore, defaultLimits, type ConversationLimits } from './conversations.ts';
import { LocalFeed, type ActivityFeed } from './feed.ts';
import { mountStreams } from './stream.ts';
import { TokenIssuer, TokenRevocations } from './tokens.ts';
import type { TurnRunner } from './turnRunner.ts';
import { WebIdentity } from './webIdentity.ts';

export interface DirectLineOptions {
  settings: Settings;
  store: KeyValueStore;
  /** The key tokens and cookies are signed with (see signingKey.ts). */
  signingKey: string;
  turns: TurnRunner;
  log: Logger;
  /** Tells the instance holding a conversation's socket that it changed; local to this process by default. */
  feed?: ActivityFeed;
  limits?: Partial<ConversationLimits>;
  /** The budget per client address a minute (a token costs 1, a new conversation 4 more); CHAT_TOKENS_PER_MINUTE_PER_CLIENT by default. */
  tokensPerMinute?: number;
  /** Conversations held at once; DIRECT_LINE_MAX_CONVERSATIONS by default. */
  maxConversations?: number;
  tokenLifetimeSeconds?: number;
  now?: () => number;
}

export interface DirectLine {
  conversations: ConversationStore;
  tokens: TokenIssuer;
  /** The serviceUrl the bot replies to for built-in conversations. */
  serviceUrl(): string;
  close(): Promise<void>;
}

export function mountDirectLine(server: Server, options: DirectLineOptions): DirectLine {
  const { settings, log } = options;
  const now = options.now ?? Date.now;
  const tokens = new TokenIssuer(options.signingKey, options.tokenLifetimeSeconds, now);
  const connectorKey = tokens.derive('directline-connector');
  const serviceUrl = () => {
    const address = server.address() as AddressInfo | null;
    const host = !address || address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
    const hostPart = host.includes(':') ? `[${host}]` : host;
    return `http://${hostPart}:${address?.port ?? settings.PORT}/directline-connector/${connectorKey}`;
  };
  const conversations = new ConversationStore(options.store, { ...defaultLimits, idleMs: settings.CONVERSATION_TTL_DAYS * 24 * 60 * 60 * 1000, ...options.limits }, now);
  const capacity = new ConversationCapacity(
    options.store,
    options.maxConversations ?? settings.DIRECT_LINE_MAX_CONVERSATIONS,
    conversations.limits.idleMs,
    (id) => conversations.remove(id),
    now,
  );
  const dl: DirectLineContext = {
    settings,
    log,
    now,
    conversations,
    capacity,
    feed: options.feed ?? new LocalFeed(),
    tokens,
    revocations: new TokenRevocations(options.store, now),
    identity: new WebIdentity(tokens.derive('web-user'), settings.PUBLIC_URL),
    turns: options.turns,
    botAccount: { id: settings.MicrosoftAppId ?? 'event-assistant-bot', name: 'Event Assistant', role: 'bot' },
    connectorKey,
    serviceUrl,
  };
  mountClientRoutes(server, dl, { tokensPerMinute: options.tokensPerMinute });
  mountConnectorRoutes(server, dl);
  const streams = mountStreams(server, dl);
  return {
    conversations: dl.conversations,
    tokens,
    serviceUrl,
    async close() {
      streams.close();
      await dl.feed.close();
    },
  };
}
