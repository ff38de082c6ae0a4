// The built-in Direct Line's WebSocket: WS /v3/directline/conversations/:id/stream?t=<token>&watermark=<n>.
// A socket first gets what it has not seen (after its watermark), then whatever the conversation's feed says
// arrived — read from the store, so an activity appended on another instance reaches it too, each exactly once.
// The only upgrades this server takes are these streams: anything else is answered and closed, so no socket is
// left half-open (an unanswered upgrade holds a descriptor until the client gives up, if ever).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'restify';
import { WebSocketServer, WebSocket } from 'ws';
import type { DirectLineContext } from './context.ts';
import { bearer } from './tokens.ts';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?#]+)\/stream(?:\?|$)/;
const KEEPALIVE_MS = 25_000;

export interface Streams {
  close(): void;
}

export function mountStreams(server: Server, dl: DirectLineContext): Streams {
  const { conversations, capacity, tokens, revocations, feed, log } = dl;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const closers = new Set<() => void>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const match = (req.url ?? '').match(STREAM_PATH);
    if (!match) return refuse(socket, 404, 'Not Found');
    const conversationId = decodePathSegment(match[1]);
    if (conversationId === undefined) return refuse(socket, 400, 'Bad Request');
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const check = tokens.verify(query.get('t') ?? bearer(req.headers.authorization));
    if (!check.ok) return refuse(socket, 401, 'Unauthorized');
    if (check.claims.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    Promise.all([revocations.isRevoked(check.claims), conversations.get(conversationId)]).then(
      ([revoked, c]) =>
        revoked ? refuse(socket, 401, 'Unauthorized') : c ? wss.handleUpgrade(req, socket, head, (ws) => listen(ws, conversationId, query.get('watermark') ?? undefined)) : refuse(socket, 404, 'Not Found'),
      () => refuse(socket, 503, 'Service Unavailable'),
    );
  };

  /** Sends the socket everything after `watermark`, then each new activity as the feed announces it. */
  const listen = (ws: WebSocket, conversationId: string, watermark: string | undefined) => {
    let sent = watermark;
    let pulling = false;
    let again = false;
    // One read at a time per socket, and one more if the feed spoke meanwhile: nothing sent twice or skipped.
    const pull = async () => {
      if (pulling) return void (again = true);
      pulling = true;
      try {
        do {
          again = false;
          const c = await conversations.get(conversationId);
          if (!c) return ws.close(1000, 'conversation ended');
          const next = conversations.since(c, sent);
          if (next.activities.length && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(next));
          sent = next.watermark ?? sent;
        } while (again && ws.readyState === WebSocket.OPEN);
      } catch (err) {
        // The store is briefly unreachable: the client reconnects with its watermark and loses nothing.
        log.warn({ err: (err as Error).message }, 'Direct Line stream could not read its conversation');
        ws.close(1011, 'try again');
      } finally {
        pulling = false;
      }
    };
    const unsubscribe = feed.subscribe(conversationId, () => void pull());
    void pull();
    // An open socket is an attendee at the chat: its conversation stays active (never evicted, see capacity.ts).
    capacity.seen(conversationId);
    // Direct Line sends empty messages as keep-alives; proxies then keep the socket open. Each tick also looks at
    // the store once, in case a signal from another instance was lost (Redis briefly away).
    const keepAlive = setInterval(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      ws.send('');
      capacity.seen(conversationId);
      void pull();
    }, KEEPALIVE_MS);
    keepAlive.unref();
    const close = () => ws.close(1000, 'server stopping');
    closers.add(close);
    ws.on('message', () => {
      capacity.seen(conversationId);
      conversations.get(conversationId).then((c) => c && conversations.touch(c)).catch(() => {});
    });
    ws.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      closers.delete(close);
    });
    ws.on('error', () => ws.terminate());
  };

  server.server.on('upgrade', onUpgrade);
  return {
    close() {
      server.server.off('upgrade', onUpgrade);
      for (const close of [...closers]) close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function refuse(socket: Duplex, status: number, text: string) {
  // Answer, then release the descriptor even if the client never closes its side.
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

/** A percent-encoded path segment, or undefined when it does not decode (`%`, `%E0%A4%A`). */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
