// One rendering per channel, chosen on purpose: where cards render, the reply's lead line and a card made from
// its content; elsewhere the lead and the same content as markdown. A reply without content is its text, as
// markdown. Never the same content twice. Suggested actions are capped so they fit a phone in one row or two.
import type { Reply } from '../conversation/types.ts';
import { adaptiveCard } from './adaptiveCard.ts';
import type { ChannelCapabilities } from './capabilities.ts';
import { contentMarkdown, textMarkdown } from './markdownText.ts';
import { en, type RendererStrings } from './strings.ts';

export interface Rendered {
  /** The message text (markdown). */
  text: string;
  /** An Adaptive Card to attach, when the channel renders cards and the reply has content. */
  card?: Record<string, unknown>;
  /** Suggested actions' titles (each also the text it sends). */
  suggestions: string[];
}

export function render(reply: Reply, caps: ChannelCapabilities, strings: RendererStrings = en): Rendered {
  const suggestions = (reply.suggestions ?? []).slice(0, caps.maxSuggestions);
  if (!reply.content) return { text: textMarkdown(reply.text), suggestions };
  const lead = textMarkdown(reply.lead ?? reply.text.split('\n')[0]);
  if (caps.cardVersion >= 1.5) return { text: lead, card: adaptiveCard(reply.content, strings), suggestions };
  return { text: `${lead}\n\n${contentMarkdown(reply.content, strings)}`, suggestions };
}
