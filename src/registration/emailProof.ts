// Proof that an attendee owns an e-mail address: a six-digit code sent to it, typed back in the chat.
// Until the code comes back, the address proves nothing: a registration is not stored under it and an
// existing registration is not linked to the chat that typed it.
//
// - Codes are random (crypto.randomInt), stored only as an HMAC with a per-code salt, expire after
//   `codeTtlMs`, and allow `maxAttempts` tries; the comparison is constant-time.
// - Sends are limited per address and per chat identity (a window of `sendWindowMs`), so nobody can flood an
//   inbox or guess through endless fresh codes.
// - Nothing here logs: a code or an address never reaches the logs.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';
import type { Mailer } from '../mail/mailer.ts';
import { normaliseEmail } from './registrationStore.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';

export interface EmailProofOptions {
  codeTtlMs: number;
  maxAttempts: number;
  maxSendsPerAddress: number;
  maxSendsPerIdentity: number;
  sendWindowMs: number;
}

export const defaultEmailProofOptions: EmailProofOptions = {
  codeTtlMs: 10 * 60_000,
  maxAttempts: 5,
  maxSendsPerAddress: 3,
  maxSendsPerIdentity: 6,
  sendWindowMs: 60 * 60_000,
};

export type SendResult =
  | { status: 'sent'; expiresInMinutes: number }
  /** Too many codes lately for this address or this chat: try again in `retryInMinutes`. */
  | { status: 'rate-limited'; retryInMinutes: number }
  /** The mail server did not take it. */
  | { status: 'not-sent' };

export type CheckResult =
  | { status: 'proven' }
  | { status: 'wrong'; attemptsLeft: number }
  | { status: 'expired' }
  /** The last try allowed was wrong (or tries were used up before): this code is void. */
  | { status: 'too-many' }
  /** No code was sent for this address in this chat (or it was already used). */
  | { status: 'none' };

interface CodeRecord {
  salt: string;
  hash: string;
  expiresAt: number;
  attempts: number;
}

interface SendCount {
  count: number;
  since: number;
}

const CODE = 'emailproof:code:';
const SENDS = 'emailproof:sends:';
/** How long an expired code is remembered, so that typing it says "expired" rather than "no code". */
const KEEP_EXPIRED_MS = 24 * 60 * 60_000;

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
const hmac = (salt: string, code: string) => createHmac('sha256', Buffer.from(salt, 'hex')).update(code).digest();

/** The digits of a typed code ("123 456", "123-456" → "123456"); undefined unless exactly six. */
export function readCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^[\d\s-]{6,11}$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

export class EmailProof {
  constructor(
    private readonly store: KeyValueStore,
    private readonly mailer: Mailer,
    /** The live event's title in a language (the event file can change while the bot runs). */
    private readonly eventTitle: (language: Language) => string,
    private readonly now: () => number,
    readonly options: EmailProofOptions = defaultEmailProofOptions,
  ) {}

  /** Sends a fresh code to `email` for the chat `identity` (replacing any earlier one), written in `language`. */
  async send(email: string, identity: string, language: Language = DEFAULT_LANGUAGE): Promise<SendResult> {
    const address = normaliseEmail(email);
    const limited = (await this.countSend(`a:${digest(address)}`, this.options.maxSendsPerAddress)) ?? (await this.countSend(`i:${digest(identity)}`, this.options.maxSendsPerIdentity));
    if (limited) return limited;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const record: CodeRecord = { salt, hash: hmac(salt, code).toString('hex'), expiresAt: this.now() + this.options.codeTtlMs, attempts: 0 };
    await this.store.set(this.codeKey(address, identity), record, this.options.codeTtlMs + KEEP_EXPIRED_MS);
    const minutes = Math.round(this.options.codeTtlMs / 60_000);
    const title = this.eventTitle(language);
    const sent = await this.mailer.send({ to: address, subject: say(language, 'mail.code.subject', { code, title }), text: say(language, 'mail.code.body', { code, title, minutes }) });
    if (!sent.ok) {
      await this.store.delete(this.codeKey(address, identity));
      return { status: 'not-sent' };
    }
    return { status: 'sent', expiresInMinutes: minutes };
  }

  /** Checks a typed code for `email` in the chat `identity`; a proven code is used up. */
  async check(email: string, identity: string, typed: string): Promise<CheckResult> {
    const key = this.codeKey(normaliseEmail(email), identity);
    const now = this.now();
    const { maxAttempts } = this.options;
    let result = { status: 'none' } as CheckResult;
    await this.store.update<CodeRecord>(
      key,
      (current) => {
        if (!current) return void (result = { status: 'none' });
        if (now >= current.expiresAt) return void (result = { status: 'expired' });
        if (current.attempts >= maxAttempts) return void (result = { status: 'too-many' });
        const expected = Buffer.from(current.hash, 'hex');
        const given = hmac(current.salt, readCode(typed) ?? typed.trim());
        const attempts = current.attempts + 1;
        if (timingSafeEqual(expected, given)) result = { status: 'proven' };
        else result = attempts >= maxAttempts ? { status: 'too-many' } : { status: 'wrong', attemptsLeft: maxAttempts - attempts };
        return { ...current, attempts };
      },
      this.options.codeTtlMs + KEEP_EXPIRED_MS,
    );
    if (result.status === 'proven') await this.store.delete(key);
    return result;
  }

  private codeKey(address: string, identity: string) {
    return CODE + digest(identity, address);
  }

  /** Counts one send against `key`'s window; the rate-limited result when the window is full. */
  private async countSend(key: string, max: number): Promise<SendResult | undefined> {
    const now = this.now();
    const window = this.options.sendWindowMs;
    let limited: SendResult | undefined;
    await this.store.update<SendCount>(
      SENDS + key,
      (current) => {
        limited = undefined;
        if (!current || now - current.since >= window || now < current.since) return { count: 1, since: now };
        if (current.count >= max) {
          limited = { status: 'rate-limited', retryInMinutes: Math.max(1, Math.ceil((current.since + window - now) / 60_000)) };
          return undefined;
        }
        return { ...current, count: current.count + 1 };
      },
      window,
    );
    return limited;
  }
}
