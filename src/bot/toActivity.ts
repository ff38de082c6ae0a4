// Turns a channel-neutral Reply into a Bot Framework message activity: text first, the Adaptive Card as an
// attachment, suggestions as imBack buttons. The activity's text already carries every fact of the card for
// clients that cannot render cards, so the card does not repeat it (half the bytes on the busiest path).
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../conversation/types.ts';

const MAX_SUGGESTIONS = 6;

export function toActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  if (reply.card) {
    activity.attachments = [CardFactory.adaptiveCard(reply.card)];
  }
  if (reply.suggestions?.length) {
    activity.suggestedActions = {
      to: [],
      actions: reply.suggestions.slice(0, MAX_SUGGESTIONS).map((s) => ({ type: ActionTypes.ImBack, title: s, value: s })),
    };
  }
  return activity;
}
