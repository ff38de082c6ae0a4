// The embedded default when no SMTP server is configured: each message is written, as the exact RFC 5322
// message SMTP would carry (nodemailer's stream transport), to a file in an outbox folder. Nothing is lost
// and an operator can open, forward or re-send the files; the start-up log names the folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from './mailer.ts';
import type { SendOutcome } from '../proactive/retry.ts';

export class OutboxMailer implements Mailer {
  readonly description: string;
  private readonly transport: Transporter;

  constructor(
    private readonly folder: string,
    private readonly from: string,
  ) {
    this.description = `outbox ${folder}`;
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<SendOutcome> {
    try {
      const info = (await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, headers: message.headers })) as { message: Buffer };
      mkdirSync(this.folder, { recursive: true });
      // Sortable by time, unique across instances sharing the folder.
      writeFileSync(join(this.folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`), info.message, { mode: 0o600 });
      return { ok: true };
    } catch {
      return { ok: false, kind: 'transient' }; // disk full or not writable: worth another try later
    }
  }

  async close() {
    this.transport.close();
  }
}
