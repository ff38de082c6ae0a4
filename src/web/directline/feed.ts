// Who is told that a conversation has new activities: the WebSockets open on it. The activities themselves are
// in the store (conversations.ts); the feed only says "look again". In one process that is a local call; with
// several instances a Redis channel carries it to the instance holding the socket (see redisFeed.ts).
export interface ActivityFeed {
  /** Calls `onChange` whenever the conversation may have new activities; returns the unsubscribe. */
  subscribe(conversationId: string, onChange: () => void): () => void;
  /** Tells every subscriber (on every instance) that the conversation changed. */
  publish(conversationId: string): void;
  close(): Promise<void>;
}

export class LocalFeed implements ActivityFeed {
  private readonly subscribers = new Map<string, Set<() => void>>();

  subscribe(conversationId: string, onChange: () => void): () => void {
    let set = this.subscribers.get(conversationId);
    if (!set) this.subscribers.set(conversationId, (set = new Set()));
    set.add(onChange);
    return () => {
      set.delete(onChange);
      if (!set.size && this.subscribers.get(conversationId) === set) this.subscribers.delete(conversationId);
    };
  }

  publish(conversationId: string): void {
    for (const onChange of [...(this.subscribers.get(conversationId) ?? [])]) {
      try {
        onChange();
      } catch {
        // one broken socket must not keep the others from hearing
      }
    }
  }

  /** Conversations with a subscriber in this process. */
  get conversationIds(): string[] {
    return [...this.subscribers.keys()];
  }

  async close(): Promise<void> {
    this.subscribers.clear();
  }
}
