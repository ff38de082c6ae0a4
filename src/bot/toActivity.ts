// Turns a channel-neutral Reply into a Bot Framework message activity for the channel it goes to: the renderer
// (src/render/) decides text, card and suggested actions; this only wraps them in the SDK's shapes.
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../conversation/types.ts';
import { capabilitiesOf } from '../render/capabilities.ts';
import { render } from '../render/render.ts';

/** Where the activity goes: the incoming activity, or a stored conversation reference. */
export interface Destination {
  channelId?: string;
  channelData?: unknown;
}

export function toActivity(reply: Reply, to: Destination): Partial<Activity> {
  const out = render(reply, capabilitiesOf(to.channelId, to.channelData));
  const activity = MessageFactory.text(out.text);
  activity.textFormat = 'markdown';
  if (out.card) activity.attachments = [CardFactory.adaptiveCard(out.card)];
  if (out.suggestions.length) {
    activity.suggestedActions = { to: [], actions: out.suggestions.map((s) => ({ type: ActionTypes.ImBack, title: s, value: s })) };
  }
  return activity;
}
