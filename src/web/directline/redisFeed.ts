// The feed across instances: every instance publishes "conversation X changed" on one Redis channel and listens
// to it, waking its own sockets on X. No sticky sessions: a message posted to one instance, or a reminder sent
// from another, reaches the socket wherever it is open. Only ids travel; the activities are read from the store.
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../storage/backend.ts';
import { LocalFeed, type ActivityFeed } from './feed.ts';

export class RedisFeed implements ActivityFeed {
  private readonly local = new LocalFeed();
  private unsubscribe?: () => Promise<void>;

  private constructor(
    private readonly pubsub: PubSub,
    private readonly channel: string,
    private readonly log: Logger,
  ) {}

  static async open(pubsub: PubSub, channel: string, log: Logger): Promise<RedisFeed> {
    const feed = new RedisFeed(pubsub, channel, log);
    feed.unsubscribe = await pubsub.subscribe(channel, (conversationId) => feed.local.publish(conversationId));
    return feed;
  }

  subscribe(conversationId: string, onChange: () => void): () => void {
    return this.local.subscribe(conversationId, onChange);
  }

  publish(conversationId: string): void {
    // Our own sockets at once; the others through Redis (we hear our own message too: a second look finds nothing new).
    this.local.publish(conversationId);
    this.pubsub.publish(this.channel, conversationId).catch((err: Error) => {
      // Sockets elsewhere catch up on their next periodic look, or when the client reconnects with its watermark.
      this.log.warn({ err: err.message }, 'Direct Line feed could not publish to Redis');
    });
  }

  async close(): Promise<void> {
    await this.unsubscribe?.().catch(() => {});
    await this.local.close();
  }
}
