// Starts the real app (restify + CloudAdapter + bot) on a free port with test settings, and talks to it
// over HTTP exactly as a channel does: POST /api/messages with serviceUrl pointing at a MockConnector.
import { createApp, type App } from '../../src/app.ts';
import type { Clock } from '../../src/clock.ts';
import { loadSettings } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { MailCatcher } from './mailCatcher.ts';
import { botNowDefault } from './testClock.ts';
import { MockConnector, visibleText } from './mockConnector.ts';

export interface BotUnderTest {
  app: App;
  connector: MockConnector;
  /** The local SMTP server the bot sends its e-mail to (codes, reminders). */
  mail: MailCatcher;
  url: string;
  /** Posts a message and returns what the bot sent back to that conversation during the turn. */
  say(text: string, opts?: SayOptions): Promise<Record<string, any>[]>;
  post(activity: Record<string, unknown>): Promise<Response>;
  /** say() and join the visible text of the replies. */
  ask(text: string, opts?: SayOptions): Promise<string>;
  stop(): Promise<void>;
}

export interface SayOptions {
  conversationId?: string;
  userId?: string;
  channelId?: string;
  localTimezone?: string;
  extra?: Record<string, unknown>;
}

let counter = 0;

export { BEFORE_THE_EVENT } from './testClock.ts';

export async function startBot(env: Record<string, string> = {}, opts: { clock?: Clock; connector?: MockConnector; mail?: MailCatcher; log?: Logger } = {}): Promise<BotUnderTest> {
  const connector = opts.connector ?? (await new MockConnector().start());
  const mail = opts.mail ?? (await new MailCatcher().start());
  // The bot's clock: a test's own clock or BOT_NOW, else a week before the clinic (registration open), so a test
  // does not change meaning as the real date moves on.
  const now = opts.clock ? {} : { BOT_NOW: botNowDefault() };
  // Every test's chats come from 127.0.0.1: the per-address chat budget (20 a minute, a new conversation costing
  // 5) would make one test's conversations another's 429. Tests of that budget set it themselves.
  const settings = loadSettings({ PORT: '0', HOST: '127.0.0.1', STORAGE_URL: 'memory://', LOG_LEVEL: 'silent', SMTP_URL: mail.url, CHAT_TOKENS_PER_MINUTE_PER_CLIENT: '100000', ...now, ...env });
  const app = await createApp(settings, { clock: opts.clock, log: opts.log ?? createLogger('silent') });
  const url = await app.listen();
  const post = (activity: Record<string, unknown>) =>
    fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const say = async (text: string, o: SayOptions = {}) => {
    const conversationId = o.conversationId ?? 'conv-default';
    const before = connector.to(conversationId).length;
    const res = await post({
      type: 'message',
      id: `m${++counter}`,
      timestamp: new Date().toISOString(),
      channelId: o.channelId ?? 'webchat',
      serviceUrl: connector.url,
      from: { id: o.userId ?? 'user-1', name: 'Test User' },
      recipient: { id: 'bot', name: 'Event Bot' },
      conversation: { id: conversationId },
      text,
      locale: 'en-US',
      ...(o.localTimezone ? { localTimezone: o.localTimezone } : {}),
      ...o.extra,
    });
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
    return connector.to(conversationId).slice(before);
  };
  return {
    app,
    connector,
    mail,
    url,
    say,
    post,
    ask: async (text, o) => (await say(text, o)).map(visibleText).join('\n'),
    async stop() {
      await app.stop();
      if (!opts.connector) await connector.stop();
      if (!opts.mail) await mail.stop();
    },
  };
}
