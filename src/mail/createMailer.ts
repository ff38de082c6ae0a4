// The mailer the settings ask for: SMTP when SMTP_URL is set, else the outbox folder in DATA_DIR.
import { join } from 'node:path';
import type { Settings } from '../config.ts';
import type { Mailer } from './mailer.ts';
import { OutboxMailer } from './outboxMailer.ts';
import { SmtpMailer } from './smtpMailer.ts';

/** MAIL_FROM, else the event's name at no-reply@ the public host (or localhost). */
export function senderAddress(settings: Pick<Settings, 'MAIL_FROM' | 'PUBLIC_URL'>, eventTitle: string): string {
  if (settings.MAIL_FROM) return settings.MAIL_FROM;
  const host = settings.PUBLIC_URL ? new URL(settings.PUBLIC_URL).hostname : 'localhost';
  return `"${eventTitle.replace(/["\\\r\n]/g, '')}" <no-reply@${host}>`;
}

export function createMailer(settings: Pick<Settings, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL' | 'dataDir'>, eventTitle: string): Mailer {
  const from = senderAddress(settings, eventTitle);
  return settings.SMTP_URL ? new SmtpMailer(settings.SMTP_URL, from) : new OutboxMailer(join(settings.dataDir, 'outbox'), from);
}
