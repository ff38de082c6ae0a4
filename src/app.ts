// The composition root: settings in, a running bot out. Tests start it on port 0 with their own settings.
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AnsweringEngine } from './answering/engine.ts';
import { ModelCache } from './understanding/nlu/modelCache.ts';
import { prepareLanguageDetector } from './language/index.ts';
import { clockStartingAt, systemClock, type Clock } from './clock.ts';
import type { Settings } from './config.ts';
import type { Agenda } from './event/agenda.ts';
import { EventSource } from './event/eventSource.ts';
import type { EventData } from './event/schema.ts';
import { createLogger, type Logger } from './logger.ts';
import { openBackend } from './storage/backend.ts';
import { StartupError } from './startup/startupError.ts';
import { isStorageUnavailable, KeyValueStore } from './storage/keyValueStore.ts';
import { EventBot, STORAGE_APOLOGY } from './bot/eventBot.ts';
import type { BotFeature } from './bot/feature.ts';
import { KeyvBotStorage } from './bot/keyvBotStorage.ts';
import { BotAdapter } from './bot/botAdapter.ts';
import { JsonCheckedConversationState, JsonCheckedUserState } from './bot/jsonCheckedState.ts';
import { CachingBotFrameworkAuthentication } from './bot/cachingAuthentication.ts';
import { mountWeb } from './web/pages/mountWeb.ts';
import { directLineSigningKey } from './web/directline/signingKey.ts';
import { RedisFeed } from './web/directline/redisFeed.ts';
import { directLineTurns } from './bot/directLineTurns.ts';
import { createHttpServer } from './web/server.ts';
import { mountMessagesRoute } from './web/messagesRoute.ts';
import { channelActivities } from './bot/channelActivities.ts';
import { BotProactiveSender } from './bot/botProactiveSender.ts';
import { createReminders, type Reminders } from './proactive/index.ts';
import { IdleUsers } from './proactive/idleUsers.ts';
import { RegistrationStore } from './registration/registrationStore.ts';
import { EmailProof } from './registration/emailProof.ts';
import { titleIn } from './registration/replies.ts';
import { createMailer } from './mail/createMailer.ts';
import type { Mailer } from './mail/mailer.ts';
import { EmailLinks } from './mail/emailLinks.ts';
import { mountUnsubscribeRoutes } from './mail/unsubscribeRoutes.ts';
import { createRegistrationFeature } from '../dialogs/registrationFeature.ts';
import { createCalendarFeature } from './web/calendarFeature.ts';
import { mountAdminRoutes } from './admin/adminRoutes.ts';
import { AdminAuth } from './admin/adminAuth.ts';
import { AdminSessions } from './admin/adminSessions.ts';
import { SignInAttempts } from './admin/signInAttempts.ts';
import { mountAdminConsole } from './admin/console/consoleRoutes.ts';
import { UnansweredQuestions } from './unanswered/unansweredQuestions.ts';
import { mountUnansweredRoutes } from './unanswered/routes.ts';

export interface App {
  settings: Settings;
  /** The one live event: every consumer reads it, and an edited event file reaches them all at once. */
  events: EventSource;
  /** The live event's data and agenda (shorthands for events.event and events.agenda). */
  readonly event: EventData;
  readonly agenda: Agenda;
  clock: Clock;
  store: KeyValueStore;
  adapter: BotAdapter;
  bot: EventBot;
  server: Server;
  log: Logger;
  /** Reminder scheduler, delivery queue, conversation references, announcements. */
  reminders: Reminders;
  /** Durable registrations (one per e-mail, channel identities linked); reminder preferences live in each record. */
  registrations: RegistrationStore;
  /** Where e-mail goes: SMTP (SMTP_URL) or the outbox folder. */
  mailer: Mailer;
  /** Forgets unregistered chat users idle for USER_RETENTION_DAYS (hourly; sweep() runs it now). */
  idleUsers: IdleUsers;
  /** http://host:port once listening. */
  url: string;
  listen(): Promise<string>;
  /** Stops taking requests, lets in-flight turns finish, closes storage. */
  stop(): Promise<void>;
}

/** The SDK takes either no endpoint overrides or all of them: the public cloud's, with our own key source. */
function publicCloudWithSigningKeysAt(openIdMetadataUrl: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** Why the server could not listen, as the setting to change. */
function listenFailure(err: NodeJS.ErrnoException, port: number, host: string): Error {
  const where = `${host}:${port}`;
  if (err.code === 'EADDRINUSE') return new StartupError('PORT', `${where} is already in use by another process`, `stop that process or set PORT to a free port (e.g. PORT=${port + 1})`, { cause: err });
  if (err.code === 'EACCES') return new StartupError('PORT', `${where} needs privileges this process does not have`, 'set PORT to 1024 or above (put a reverse proxy on 80/443)', { cause: err });
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
    return new StartupError('HOST', `${host} is not an address of this machine`, 'set HOST to one of its addresses (127.0.0.1, 0.0.0.0 for all)', { cause: err });
  return err;
}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
}

export async function createApp(settings: Settings, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(settings.LOG_LEVEL);
  const events = EventSource.fromFile(settings.eventFile, { log: log.child({ part: 'event' }) });
  const clock = options.clock ?? (settings.BOT_NOW ? clockStartingAt(new Date(settings.BOT_NOW)) : systemClock);
  const store = new KeyValueStore(await openBackend(settings.storageUrl, { setting: settings.STORAGE_URL ? 'STORAGE_URL' : 'DATA_DIR', keyPrefix: settings.STORAGE_KEY_PREFIX }));
  const botStorage = new KeyvBotStorage(store, { conversationTtlMs: settings.CONVERSATION_TTL_DAYS * 24 * 60 * 60 * 1000 });
  const conversationState = new JsonCheckedConversationState(botStorage);
  const userState = new JsonCheckedUserState(botStorage);

  // One connector client per service URL instead of one per turn (see bot/cachingAuthentication.ts).
  const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.MicrosoftAppId ?? '',
    MicrosoftAppPassword: settings.MicrosoftAppPassword ?? '',
    MicrosoftAppType: settings.MicrosoftAppType,
    MicrosoftAppTenantId: settings.MicrosoftAppTenantId ?? '',
    ...(settings.BotOpenIdMetadata ? publicCloudWithSigningKeysAt(settings.BotOpenIdMetadata) : {}),
  }));
  const adapter = new BotAdapter(auth);

  // The engine (and what it builds from the event) is rebuilt for each new version of the event file.
  // Its intent model is kept in DATA_DIR/models by a hash of what it was trained on: a restart loads it instead of training.
  const modelCache = new ModelCache(join(settings.dataDir, 'models'));
  let engine = new AnsweringEngine(events.event, { modelCache });
  prepareLanguageDetector(modelCache);
  // ("disk": a restart found the model trained before; "trained": the event or the utterances changed)
  log.info({ model: engine.recognizer.modelId, origin: engine.recognizer.origin }, 'intent model ready');
  events.subscribe((live) => (engine = new AnsweringEngine(live.event, { modelCache })));
  // Capabilities plug in here: each brings its dialogs, commands and per-turn hooks (see bot/feature.ts).
  const features: BotFeature[] = [];
  const registrations = new RegistrationStore(store);
  const mailer = createMailer(settings, events.event.title);
  log.info({ mail: mailer.description }, settings.SMTP_URL ? 'e-mail goes out through SMTP' : 'no SMTP_URL: e-mail (codes, reminders) is written to the outbox folder, not sent');
  const proof = new EmailProof(store, mailer, (language) => titleIn(events.event, language), () => clock.now().getTime());
  const unansweredRetentionDays = settings.UNANSWERED_QUESTIONS === 'on' ? settings.UNANSWERED_RETENTION_DAYS : undefined;
  // The Teams profile (name, e-mail) is read and its e-mail taken as proven only when the tenant vouches for it,
  // i.e. behind Bot Framework authentication; in local mode anyone could answer the profile lookup.
  features.push(
    createRegistrationFeature({
      store: registrations,
      get event() {
        return events.event;
      },
      clock,
      log,
      joinUrl: settings.JOIN_URL,
      proof,
      trustChannelProfile: !settings.localMode,
      unansweredRetentionDays,
    }),
  );
  // Reminders and announcements: conversation references on every turn, subscriptions, proactive delivery.
  let listeningAt = '';
  // Links in e-mails point at PUBLIC_URL, else at the address this process listens on.
  const publicBase = () => settings.PUBLIC_URL ?? (listeningAt || `http://localhost:${settings.PORT}`);
  const links = await EmailLinks.open(store, settings.EMAIL_LINK_SECRET, publicBase);
  const reminders = createReminders({ settings, agenda: events.agenda, clock, store, sender: new BotProactiveSender(adapter, settings.MicrosoftAppId ?? ''), log, registrations, mail: { mailer, links } });
  events.subscribe((live) => reminders.service.setAgenda(live.agenda));
  // Chat users who never registered are forgotten (reference, user state) after USER_RETENTION_DAYS idle.
  const idleUsers = new IdleUsers({
    references: reminders.references,
    registrations,
    forgetUserState: (channelId, userId) => botStorage.deleteUser(channelId, userId),
    retentionMs: settings.USER_RETENTION_DAYS * 24 * 60 * 60_000,
    clock,
    log,
  });
  features.push(reminders.feature);
  features.push(createCalendarFeature(() => events.agenda, settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`));
  // Questions the bot could not answer, text only, for the organisers' console (off with UNANSWERED_QUESTIONS=off).
  const unanswered = unansweredRetentionDays === undefined ? undefined : new UnansweredQuestions(store, unansweredRetentionDays * 24 * 60 * 60 * 1000);
  const onUnanswered = unanswered && ((text: string) => unanswered.record(text, clock.now()));
  const bot = new EventBot({
    get event() {
      return events.event;
    },
    get engine() {
      return engine;
    },
    clock,
    conversationState,
    userState,
    features,
    log,
    onUnanswered,
  });

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Ids only: never the message text or the user's name.
    log.error({ err: { name: error.name, message: error.message, stack: error.stack }, conversationId: context.activity.conversation?.id, activityType: context.activity.type }, 'turn failed');
    try {
      await conversationState.delete(context); // a broken dialog stack must not trap the user
    } catch (cleanupError) {
      log.warn({ err: (cleanupError as Error).message, conversationId: context.activity.conversation?.id }, 'could not clear conversation state');
    }
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(isStorageUnavailable(error) ? STORAGE_APOLOGY : 'Sorry, something went wrong on my side. Please try again; if you were registering, say "register" to start over.');
    } catch {
      // The channel itself is unreachable; nothing more to do for this turn.
    }
  };

  const server = createHttpServer({ maxBodyBytes: settings.MAX_BODY_BYTES, log });
  let inFlight = 0;
  let draining: (() => void) | undefined;
  const track = async (work: () => Promise<void>) => {
    inFlight++;
    try {
      await work();
    } finally {
      if (--inFlight === 0) draining?.();
    }
  };

  // Channels' activities: POST /api/messages, answered by the bot on the adapter (the SDK's part in bot/channelActivities.ts).
  mountMessagesRoute(server, { settings, process: channelActivities(adapter, bot), log, track });

  // Capabilities mount their own HTTP routes below (admin API, Direct Line, web pages, calendar).
  // Organisers: the Bearer token or the console's session (kept in the store, so any instance accepts it).
  const adminAuth = new AdminAuth({
    adminToken: settings.ADMIN_TOKEN,
    sessions: new AdminSessions(store, settings.ADMIN_SESSION_MINUTES * 60_000),
    attempts: new SignInAttempts(store, settings.ADMIN_SIGNIN_ATTEMPTS),
    publicUrl: settings.PUBLIC_URL,
    trustedProxyHops: settings.TRUST_PROXY_HOPS,
  });
  mountAdminRoutes(server, { guard: adminAuth.guard, get event() { return events.event; }, registrations, log });
  // Announcements: POST /api/admin/announce, GET /api/admin/announce/:id; GET /api/admin/reminders.
  reminders.mountRoutes(server, adminAuth.guard);
  mountUnansweredRoutes(server, { questions: unanswered, retentionDays: settings.UNANSWERED_RETENTION_DAYS, clock, guard: adminAuth.guard });
  // The console (/admin): sign-in, sign-out, and the page that uses the API above.
  mountAdminConsole(server, { auth: adminAuth, get event() { return events.event; }, log, publicUrl: settings.PUBLIC_URL, unansweredEnabled: Boolean(unanswered), retentionDays: settings.UNANSWERED_RETENTION_DAYS });
  // "Stop these e-mails" links: GET shows a confirmation, POST (or a mail client's one-click) turns e-mail off.
  mountUnsubscribeRoutes(server, { links, registrations, eventTitle: () => events.event.title, now: () => clock.now(), log });
  // Web: built-in Direct Line (/v3/directline, /api/directline/token), event page, Teams tab, calendar files.
  const directLineKey = await directLineSigningKey(store, settings.DIRECT_LINE_TOKEN_SECRET);
  const turns = directLineTurns({ settings, adapter, bot, log, track });
  // With Redis, instances wake each other's Direct Line sockets (no sticky sessions); else one process holds them all.
  const feed = store.pubsub ? await RedisFeed.open(store.pubsub, store.channel('directline'), log) : undefined;
  const web = mountWeb(server, { settings, agenda: () => events.agenda, clock, store, directLineKey, turns, feed, log });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const storageOk = await store.ping();
    // `event.version` names the live version of the event file; `event.rejected`, an edit that was refused.
    const { version, loadedAt, rejected } = events.status();
    res.json({ status: storageOk ? 'ok' : 'degraded', event: { id: events.event.id, version, loadedAt, ...(rejected ? { rejected } : {}) }, storage: { backend: store.backendName, reachable: storageOk } });
  });

  const app: App = {
    settings,
    events,
    get event() {
      return events.event;
    },
    get agenda() {
      return events.agenda;
    },
    clock,
    store,
    adapter,
    bot,
    server,
    log,
    reminders,
    registrations,
    mailer,
    idleUsers,
    url: '',
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', (err: NodeJS.ErrnoException) => reject(listenFailure(err, settings.PORT, settings.HOST)));
        server.listen(settings.PORT, settings.HOST, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      app.url = `http://127.0.0.1:${port}`;
      listeningAt = settings.HOST === '0.0.0.0' || settings.HOST === '::' ? `http://localhost:${port}` : app.url;
      return app.url;
    },
    async stop() {
      events.stop();
      await web.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // restify keeps idle keep-alive sockets open; end them so close() can finish.
        (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      if (inFlight > 0) await new Promise<void>((resolve) => (draining = resolve));
      await reminders.stop();
      await idleUsers.stop();
      await mailer.close();
      await store.close();
    },
  };
  events.start();
  reminders.start();
  idleUsers.start();
  return app;
}
