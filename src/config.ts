// Every setting the bot reads, validated in one place. An invalid value stops start-up with a message
// naming the setting; nothing else in the code reads process.env.
import { z } from 'zod';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KEY_PREFIX, KEY_PREFIX_PATTERN } from './storage/keyPrefix.ts';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), 'must be an http(s) URL');

const settingsSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Unset: 127.0.0.1 in local mode (nothing authenticates a channel, so only this machine), 0.0.0.0 with MicrosoftAppId. */
    HOST: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    EVENT_FILE: z.string().default('events/dfs-security-clinic-2022.json'),
    DATA_DIR: z.string().default('data'),
    STORAGE_URL: optionalText,
    /** Names this deployment's keys in the store, so several bots (or test runs) can share one Redis. */
    STORAGE_KEY_PREFIX: optionalText
      .refine((v) => v === undefined || KEY_PREFIX_PATTERN.test(v), 'must be 1–64 letters, digits, "-" or "_"')
      .transform((v) => v ?? DEFAULT_KEY_PREFIX),
    BOT_NOW: optionalText.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 instant, e.g. 2022-03-30T06:45:00Z'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    /** Where channel tokens' signing keys are published; the SDK's default (Azure public cloud) when unset. */
    BotOpenIdMetadata: optionalUrl,
    JOIN_URL: optionalUrl,
    ADMIN_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters (a random one: openssl rand -hex 24), or unset to turn the admin API off'),
    PUBLIC_URL: optionalUrl,
    /** How long an organiser stays signed in to the console (/admin) without signing in again. */
    ADMIN_SESSION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
    /** Wrong admin tokens allowed per client address in 15 minutes before sign-in and the API answer 429. */
    ADMIN_SIGNIN_ATTEMPTS: positiveInt(10),
    /** Keep the questions the bot could not answer (normalised text only, no ids) for the organisers' console. */
    UNANSWERED_QUESTIONS: z.enum(['on', 'off']).default('on'),
    UNANSWERED_RETENTION_DAYS: z.coerce.number().int().min(1).max(366).default(30),
    REMINDER_LEAD_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(15),
    OUTBOUND_RATE_PER_SECOND: positiveInt(50),
    OUTBOUND_RATE_PER_CONVERSATION: positiveInt(7),
    MAX_BODY_BYTES: positiveInt(1024 * 1024),
    CONVERSATION_TTL_DAYS: positiveInt(14),
    /** Days a chat user who never registered is remembered (conversation reference, time zone) after their last turn. */
    USER_RETENTION_DAYS: positiveInt(30),
    MESSAGES_PER_MINUTE_PER_CLIENT: positiveInt(600),
    /** Reverse proxies in front of the bot that append to X-Forwarded-For; 0 = the socket's address is the client. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** The built-in Direct Line's budget per client address a minute: a token or refresh costs 1, a new conversation 4 more. */
    CHAT_TOKENS_PER_MINUTE_PER_CLIENT: positiveInt(20),
    /** Conversations the built-in Direct Line holds; only one idle 15 minutes may give way to a new one. */
    DIRECT_LINE_MAX_CONVERSATIONS: positiveInt(2000),
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_TOKEN_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: z.string().url().default('https://directline.botframework.com'),
    /** smtp://user:pass@host:587 or smtps://…:465; unset: e-mail is written to DATA_DIR/outbox instead of sent. */
    SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\/\S+$/.test(v), 'must be an smtp:// or smtps:// URL'),
    /** The sender of every e-mail, e.g. "DFS Security Clinic <events@example.org>". */
    MAIL_FROM: optionalText.refine((v) => v === undefined || /^[^<>]*<?[^\s@<>]+@[^\s@<>]+\.?[^\s@<>]*>?$/.test(v), 'must be an address, optionally with a name: Name <address@example.org>'),
    /** Cap on reminder and announcement e-mails per second, per instance. */
    MAIL_RATE_PER_SECOND: positiveInt(10),
    /** Key that signs the unsubscribe links in e-mails; unset: generated once and kept in the store. */
    EMAIL_LINK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters'),
    TEAMS_APP_ID: optionalText,
    BOT_DOMAIN: optionalText,
    /** The Teams app's version; package.json's when unset. Teams takes an upload only with a higher version. */
    TEAMS_APP_VERSION: optionalText.refine((v) => v === undefined || /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(v), 'must be a version like 1.0.3 (three numbers)'),
    /** The privacy statement and terms of use the Teams app links to; the bot's own /privacy and /terms pages when unset. */
    PRIVACY_URL: optionalText.refine((v) => v === undefined || /^https:\/\/\S+$/.test(v), 'must be an https:// URL'),
    TERMS_URL: optionalText.refine((v) => v === undefined || /^https:\/\/\S+$/.test(v), 'must be an https:// URL'),
  })
  .superRefine((s, ctx) => {
    if (s.MicrosoftAppId && !s.MicrosoftAppPassword && s.MicrosoftAppType !== 'UserAssignedMSI')
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    if (s.MicrosoftAppType === 'SingleTenant' && s.MicrosoftAppId && !s.MicrosoftAppTenantId)
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for SingleTenant' });
  });

export type RawSettings = z.infer<typeof settingsSchema>;

export interface Settings extends Omit<RawSettings, 'HOST'> {
  /** The interface to listen on (HOST, else loopback in local mode and every interface with authentication). */
  HOST: string;
  storageUrl: string;
  eventFile: string;
  /** DATA_DIR resolved: the default SQLite file and the e-mail outbox live here. */
  dataDir: string;
  /** Local mode: no Bot Framework authentication (Emulator, tests, the built-in Direct Line). */
  localMode: boolean;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads settings from an environment (process.env after .env by default). */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const s = parsed.data;
  const dataDir = resolve(projectRoot, s.DATA_DIR);
  return {
    ...s,
    HOST: s.HOST ?? (s.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
    storageUrl: s.STORAGE_URL ?? `sqlite://${resolve(dataDir, 'bot.sqlite')}`,
    eventFile: resolve(projectRoot, s.EVENT_FILE),
    dataDir,
    localMode: !s.MicrosoftAppId,
  };
}
