// Microsoft's own Direct Line client (botframework-directlinejs) in Node, for tests of the built-in Direct Line:
// a token from the bot, the activities a client sees, and posting as Web Chat does.
import { expect } from 'chai';
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
// The client is written for browsers: give it Node's equivalents of XMLHttpRequest and WebSocket.
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= require('xhr2');
// It also only streams when a global WebSocket exists (Node 20 has none).
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
export const { DirectLine, ConnectionStatus } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

export interface TokenResponse {
  token: string;
  conversationId: string;
  userId: string;
  expires_in: number;
  domain: string;
  mode: string;
}

export async function getToken(url: string): Promise<TokenResponse> {
  const res = await fetch(`${url}/api/directline/token`, { method: 'POST' });
  expect(res.status).to.equal(200);
  return (await res.json()) as TokenResponse;
}

export type Act = Record<string, any>;

/** Collects the activities a DirectLine client sees, and waits for the ones a test expects. */
export function watch(dl: InstanceType<typeof DirectLine>) {
  const seen: Act[] = [];
  const waiters: { pred: (a: Act) => boolean; resolve: (a: Act) => void }[] = [];
  const sub = dl.activity$.subscribe((a: Act) => {
    seen.push(a);
    for (const w of [...waiters]) if (w.pred(a)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(a));
  });
  return {
    seen,
    next(pred: (a: Act) => boolean, ms = 10_000): Promise<Act> {
      const already = seen.find(pred);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out; saw: ${seen.map((a) => `${a.from?.role}:${String(a.text).slice(0, 40)}`).join(' | ')}`)), ms);
        waiters.push({ pred, resolve: (a) => (clearTimeout(t), resolve(a)) });
      });
    },
    stop: () => sub.unsubscribe(),
  };
}

export function post(dl: InstanceType<typeof DirectLine>, activity: Act): Promise<string> {
  return new Promise((resolve, reject) => dl.postActivity(activity as never).subscribe({ next: resolve, error: reject }));
}


