// E-mail through an SMTP server (nodemailer), from SMTP_URL: smtp://user:pass@host:587 (STARTTLS when the
// server offers it) or smtps://user:pass@host:465. Pooled connections, bounded timeouts, no retries of its own:
// the caller (the delivery dispatcher, or the code prompt) decides what to do with a failure.
import nodemailer, { type Transporter } from 'nodemailer';
import { classifySmtpError, type MailMessage, type Mailer } from './mailer.ts';
import type { SendOutcome } from '../proactive/retry.ts';

export class SmtpMailer implements Mailer {
  readonly description: string;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    options: { maxConnections?: number; timeoutMs?: number } = {},
  ) {
    const url = new URL(smtpUrl);
    this.description = `SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as never);
  }

  async send(message: MailMessage): Promise<SendOutcome> {
    try {
      await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, headers: message.headers });
      return { ok: true };
    } catch (err) {
      return classifySmtpError(err);
    }
  }

  async close() {
    this.transport.close();
  }
}
