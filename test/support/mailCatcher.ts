// A real SMTP server for tests (smtp-server on 127.0.0.1, port 0): the bot sends to it through SMTP_URL
// exactly as it would to a mail provider, and tests read what arrived (codes, reminders, unsubscribe links).
// It can be told to answer with SMTP errors, to exercise retries.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface CaughtMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  /** Header lines as sent, by lower-case name ("list-unsubscribe": "<https://…>"). */
  headers: Map<string, string>;
}

export interface MailCatcherOptions {
  /** An SMTP reply code to refuse a message with (e.g. 451, 550); undefined to accept it. */
  refuse?: (to: string, seq: number) => number | undefined;
}

export class MailCatcher {
  readonly received: CaughtMail[] = [];
  /** Messages refused on purpose. */
  refused = 0;
  url = '';
  private server?: SMTPServer;
  private seq = 0;
  private readonly taken = new Set<CaughtMail>();
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];

  constructor(private options: MailCatcherOptions = {}) {}

  configure(options: MailCatcherOptions) {
    this.options = { ...this.options, ...options };
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 1024 * 1024,
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
        const refuseWith = this.options.refuse?.(to, ++this.seq);
        simpleParser(stream)
          .then((parsed) => {
            if (refuseWith) {
              this.refused++;
              return callback(Object.assign(new Error(`refused by the test (${refuseWith})`), { responseCode: refuseWith }));
            }
            this.received.push({ to, from: parsed.from?.text ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '', headers: new Map(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])) });
            callback();
            this.notify();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Messages to one address, in arrival order. */
  to(address: string): CaughtMail[] {
    return this.received.filter((m) => m.to === address.toLowerCase());
  }

  /** Resolves once `predicate` holds (checked on each arrival), or rejects after `ms`. */
  waitFor(predicate: () => boolean, ms = 5000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for e-mail')), ms);
      this.waiters.push({ predicate, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** The code in the newest code e-mail to `address` not read before (waits for it to arrive). */
  async codeFor(address: string, ms = 5000): Promise<string> {
    // The code e-mail in English or French ("123456 is your code …", "123456 est votre code …").
    const unread = () => this.to(address).filter((m) => /^\d{6} (is your|est votre) code/.test(m.subject) && !this.taken.has(m));
    await this.waitFor(() => unread().length > 0, ms);
    const list = unread();
    list.forEach((m) => this.taken.add(m));
    const code = list[list.length - 1].text.match(/(?:Your|Votre) code[\s\u00a0]?: (\d{6})/)?.[1];
    if (!code) throw new Error('a code e-mail without a code');
    return code;
  }

  private notify() {
    this.waiters = this.waiters.filter((w) => (w.predicate() ? (w.resolve(), false) : true));
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
