// What a channel can show, so each reply is rendered once, on purpose: a card where cards render, markdown
// text where they don't. Decided from the channel id (and, on Direct Line, from whether the client is Web Chat).

export interface ChannelCapabilities {
  /** Renders Adaptive Cards up to this version (Teams' host and Web Chat: 1.5); 0 = no cards. */
  cardVersion: number;
  /** Most suggested actions worth showing: more push the answer off a phone screen. */
  maxSuggestions: number;
}

const CARDS: ChannelCapabilities = { cardVersion: 1.5, maxSuggestions: 3 };
const TEXT: ChannelCapabilities = { cardVersion: 0, maxSuggestions: 3 };

/** Channels whose every client renders Adaptive Cards 1.5. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'emulator']);

/**
 * The capabilities of the channel an activity came from. Azure's Direct Line ('directline') also serves
 * clients that are not Web Chat: those get text unless the client marks itself as Web Chat (it sends a
 * clientActivityID with every message).
 */
export function capabilitiesOf(channelId: string | undefined, channelData?: unknown): ChannelCapabilities {
  if (channelId && CARD_CHANNELS.has(channelId)) return CARDS;
  if (channelId === 'directline') {
    const webChat = !!channelData && typeof channelData === 'object' && typeof (channelData as Record<string, unknown>).clientActivityID === 'string';
    return webChat ? CARDS : TEXT;
  }
  return TEXT;
}
