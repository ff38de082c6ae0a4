// A local Bot Connector (the channel side of the Bot Framework protocol) for tests: records every
// activity the bot sends, answers member lookups like Teams, and can be told to fail.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  activity: Record<string, any>;
}

export interface MockConnectorOptions {
  /** Profile returned for GET /v3/conversations/:id/members/:userId (Teams prefill). */
  member?: (userId: string) => Record<string, unknown> | undefined;
  /** Return a status to fail a send (e.g. 429, 503); undefined to accept it. */
  failSend?: (conversationId: string, activity: Record<string, any>) => number | undefined;
  /** Milliseconds to wait before answering a send: a slow channel. */
  sendDelayMs?: number;
}

export class MockConnector {
  readonly sent: SentActivity[] = [];
  /** Every request the bot made, as "METHOD path" (e.g. the member lookups of a Teams profile prefill). */
  readonly requests: string[] = [];
  private server?: http.Server;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  url = '';
  constructor(private options: MockConnectorOptions = {}) {}

  configure(options: MockConnectorOptions) {
    this.options = { ...this.options, ...options };
  }

  async start(): Promise<this> {
    let seq = 0;
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', async () => {
        const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(payload));
        };
        const url = req.url ?? '';
        this.requests.push(`${req.method} ${url}`);
        const send = url.match(/^\/v3\/conversations\/([^/]+)\/activities/);
        if (req.method === 'POST' && send) {
          const conversationId = decodeURIComponent(send[1]);
          let activity: Record<string, any> = {};
          try {
            activity = JSON.parse(body || '{}');
          } catch {}
          if (this.options.sendDelayMs) await new Promise((r) => setTimeout(r, this.options.sendDelayMs));
          const fail = this.options.failSend?.(conversationId, activity);
          if (fail) return json(fail, { error: { code: 'Throttled', message: 'mock failure' } }, fail === 429 ? { 'retry-after': '1' } : {});
          this.sent.push({ conversationId, activity });
          this.notify();
          return json(200, { id: `r${++seq}` });
        }
        const member = url.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/);
        if (req.method === 'GET' && member) {
          const profile = this.options.member?.(decodeURIComponent(member[2]));
          return profile ? json(200, profile) : json(404, { error: { code: 'MemberNotFound', message: 'no such member' } });
        }
        if (req.method === 'POST' && url.startsWith('/v3/conversations')) return json(200, { id: `conv-${++seq}`, activityId: `a${seq}` });
        json(200, {});
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Everything sent to one conversation, in order. */
  to(conversationId: string) {
    return this.sent.filter((s) => s.conversationId === conversationId).map((s) => s.activity);
  }

  /** Resolves once `predicate` holds (checked on every send), or rejects after `ms`. */
  waitFor(predicate: () => boolean, ms = 5000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the bot to send')), ms);
      this.waiters.push({ predicate, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private notify() {
    this.waiters = this.waiters.filter((w) => (w.predicate() ? (w.resolve(), false) : true));
  }

  async stop() {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** All text a user would see in an activity: text, card texts, suggested actions. */
export function visibleText(activity: Record<string, any>): string {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (v == null) return;
    if (typeof v === 'string') {
      if (!['type', 'contentType', '$schema', 'version', 'id', 'style', 'size', 'weight', 'color', 'spacing'].includes(key)) out.push(v);
      return;
    }
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  if (activity.text) out.push(activity.text);
  walk(activity.attachments);
  walk(activity.suggestedActions);
  return out.join('\n');
}
