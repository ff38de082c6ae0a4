// Sending e-mail, as the domain sees it: one small interface, so the codes that prove an address and the
// reminders sent by e-mail do not care whether SMTP, an outbox folder or a test double is behind it.
import type { SendOutcome } from '../proactive/retry.ts';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text body (every message has one). */
  text: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** What is behind it, for the start-up log ("SMTP mail.example.org:587", "outbox /srv/bot/data/outbox"). */
  readonly description: string;
  /** Sends one message; never throws: failures come back classified like a chat send's. */
  send(message: MailMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}

/**
 * What an SMTP failure means. 4xx replies are temporary by definition (greylisting, mailbox busy, rate limits)
 * and so are network errors; 5xx are permanent: 550/551/553 say the mailbox does not exist or is refused
 * (unreachable, like a chat that blocked the bot), any other 5xx is a rejection retrying would not fix.
 */
export function classifySmtpError(err: unknown): SendOutcome {
  const e = (err ?? {}) as { responseCode?: number; code?: string };
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (status === undefined) return { ok: false, kind: 'transient' }; // connection refused, timeout, TLS: try later
  if (status >= 400 && status < 500) return { ok: false, kind: 'transient', status };
  if (status === 550 || status === 551 || status === 553) return { ok: false, kind: 'unreachable', status };
  return { ok: false, kind: 'rejected', status };
}
