// Turns a channel-neutral Reply into a Bot Framework message activity: text first, the Adaptive Card as an
// attachment (with the text as its fallback), suggestions as imBack buttons.
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../conversation/types.ts';

const MAX_SUGGESTIONS = 6;

export function toActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  if (reply.card) {
    const card = { ...reply.card, fallbackText: reply.text };
    activity.attachments = [CardFactory.adaptiveCard(card)];
  }
  if (reply.suggestions?.length) {
    activity.suggestedActions = {
      to: [],
      actions: reply.suggestions.slice(0, MAX_SUGGESTIONS).map((s) => ({ type: ActionTypes.ImBack, title: s, value: s })),
    };
  }
  return activity;
}
