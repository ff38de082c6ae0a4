// Turns a channel-neutral Reply into a Bot Framework message activity for the channel it goes to: the renderer
// (src/render/) decides text, card and suggested actions; this only wraps them in the SDK's shapes.
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../conversation/types.ts';
import { capabilitiesOf } from '../render/capabilities.ts';
import { render } from '../render/render.ts';
import { rendererStrings } from '../render/strings.ts';
import type { Language } from '../language/languages.ts';

/** Where the activity goes: the incoming activity, or a stored conversation reference. */
export interface Destination {
  channelId?: string;
  channelData?: unknown;
}

/** `language`: the reply's, for the words the renderer adds (card notes, spoken summaries); English by default. */
export function toActivity(reply: Reply, to: Destination, language?: Language): Partial<Activity> {
  const out = render(reply, capabilitiesOf(to.channelId, to.channelData), rendererStrings(language));
  const activity = MessageFactory.text(out.text);
  activity.textFormat = 'markdown';
  if (out.card) activity.attachments = [CardFactory.adaptiveCard(out.card)];
  if (out.suggestions.length) {
    activity.suggestedActions = { to: [], actions: out.suggestions.map((s) => ({ type: ActionTypes.ImBack, title: s, value: s })) };
  }
  return activity;
}
