// Small helpers shared by the registration dialogs and commands.
import type { TurnContext } from 'botbuilder';
import { toActivity } from '../src/bot/toActivity.ts';
import type { Reply } from '../src/conversation/types.ts';
import type { Language } from '../src/language/languages.ts';
import { identityOf } from '../src/registration/registration.ts';

/** The channel identity a registration is linked to: "<channelId>:<userId>". */
export const identityOfTurn = (context: TurnContext) => identityOf(context.activity.channelId, context.activity.from.id);

/** `language`: the reply's (the renderer's own words, a card's notes), English by default. */
export async function send(context: TurnContext, reply: Reply, language?: Language) {
  await context.sendActivity(toActivity(reply, context.activity, language));
}
