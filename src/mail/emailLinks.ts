// Signed links in e-mails that work without signing in: "stop these e-mails" names the registration by its
// reference and carries an HMAC of it, so only a link the bot wrote is honoured. The key comes from
// EMAIL_LINK_SECRET, else it is generated once and kept in the store (shared by every instance on it).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../storage/keyValueStore.ts';

const SECRET_KEY = 'secret:email-links';
const PURPOSE = 'unsubscribe:';

export class EmailLinks {
  private constructor(
    private readonly key: Buffer,
    private readonly baseUrl: () => string,
  ) {}

  /** The configured key, or the one kept in the store (the first instance to start creates it). */
  static async open(store: KeyValueStore, configured: string | undefined, baseUrl: () => string): Promise<EmailLinks> {
    if (configured) return new EmailLinks(Buffer.from(configured, 'utf8'), baseUrl);
    await store.claim(SECRET_KEY, randomBytes(32).toString('hex'), 100 * 365 * 24 * 60 * 60_000);
    const kept = await store.get<string>(SECRET_KEY);
    if (!kept) throw new Error('could not keep the e-mail link key in the store');
    return new EmailLinks(Buffer.from(kept, 'hex'), baseUrl);
  }

  private sign(reference: string): string {
    return createHmac('sha256', this.key).update(PURPOSE + reference).digest('base64url');
  }

  /** The link that turns e-mail off for this registration. */
  unsubscribeUrl(reference: string): string {
    return `${this.baseUrl().replace(/\/$/, '')}/email/unsubscribe?r=${encodeURIComponent(reference)}&s=${this.sign(reference)}`;
  }

  /** The reference a link was signed for, when its signature is ours. */
  verify(reference: unknown, signature: unknown): string | undefined {
    if (typeof reference !== 'string' || typeof signature !== 'string' || reference.length > 20 || signature.length > 64) return undefined;
    const expected = Buffer.from(this.sign(reference));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? reference : undefined;
  }
}
