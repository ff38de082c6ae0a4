// The built-in Direct Line's way into the bot: each incoming activity runs a turn on the app's CloudAdapter, as a
// channel's POST /api/messages would, without the HTTP hop. In local mode the adapter needs no credentials; with
// MicrosoftAppId set, the turn is marked as already authenticated (the Direct Line token was checked) and its replies
// reach the built-in connector, whose path key authenticates them, without an AAD token.
import { ConnectorClient, MicrosoftAppCredentials, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Settings } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { TurnRunner } from '../web/directline/turnRunner.ts';

export interface DirectLineTurnsOptions {
  settings: Settings;
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  log: Logger;
  /** Wraps a turn so the app's stop() waits for it. */
  track?: (work: () => Promise<void>) => Promise<void>;
}

export function directLineTurns({ settings, adapter, bot, log, track = (work) => work() }: DirectLineTurnsOptions): TurnRunner {
  const authFor = (): string | AuthenticateRequestResult => {
    if (settings.localMode) return '';
    const appId = settings.MicrosoftAppId!;
    const claimsIdentity = new ClaimsIdentity([{ type: 'aud', value: appId }, { type: 'appid', value: appId }, { type: 'ver', value: '1.0' }], true);
    return {
      audience: 'https://api.botframework.com',
      claimsIdentity,
      connectorFactory: { create: async (url: string) => new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: url }) } as never,
    };
  };
  return {
    run: (activity) =>
      track(async () => {
        try {
          await adapter.processActivityDirect(authFor(), activity as unknown as Activity, (context) => bot.run(context));
        } catch (err) {
          // onTurnError has already told the user; this is the adapter itself failing.
          log.warn({ err: (err as Error).message.split('\n')[0], conversationId: (activity.conversation as { id: string }).id }, 'built-in Direct Line turn failed');
        }
      }),
  };
}
