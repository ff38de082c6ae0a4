// Requests restify cannot safely read are answered here, at the Node HTTP server, before restify sees them:
// - a Host header that does not make a URL (`a b`, `[`, `a:99999`): restify 12 builds `new URL(protocol + host
//   + path)` in Request.getUrl() on every route lookup and the TypeError it throws is uncaught (process exit);
// - a compressed body (Content-Encoding): restify's bodyReader limits the compressed bytes, not what they inflate
//   to, so 600 kB of gzip became 600 MB in memory. No Bot Framework channel or Direct Line client compresses
//   requests, so they are refused rather than inflated.
// - a Direct Line client request declaring a body far above what an activity may be (see activityLimits.ts): 413
//   unread, instead of reading and parsing up to MAX_BODY_BYTES to refuse it afterwards.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { clientBodyTooLarge } from './directline/activityLimits.ts';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Why a request cannot be handed to restify, as a status and a message; undefined when it can. */
export function requestProblem(req: IncomingMessage): { status: number; message: string } | undefined {
  if (!parsesAsRestifyWill(req)) return { status: 400, message: 'The Host header or the request target is not valid.' };
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity')
    return { status: 415, message: 'Compressed request bodies are not accepted; send the body uncompressed.' };
  const tooLarge = clientBodyTooLarge(req.url ?? '', req.headers['content-length']);
  if (tooLarge) return { status: 413, message: tooLarge };
  return undefined;
}

// RFC 9110 Host: uri-host [ ":" port ], uri-host an IP literal or a reg-name. Anything else (a backslash, a path)
// would parse into a URL whose path is not the request's.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::\d{0,5})?$/;

/** The Host is well formed and the URL restify's getUrl() will build parses (the same two forms it uses). */
export function parsesAsRestifyWill(req: Pick<IncomingMessage, 'url' | 'headers'>): boolean {
  const url = req.url ?? '/';
  const host = req.headers.host;
  if (host !== undefined && host !== '' && !HOST.test(host)) return false;
  const base = `http://${host || 'localhost'}`;
  try {
    if (url.charAt(0) === '/') new URL(base + url);
    else new URL(url, base);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts the check in front of every listener restify registered for 'request' and 'checkContinue' (a request
 * with `Expect: 100-continue` arrives through the latter). Call once, right after restify.createServer().
 */
/** A refused request's body up to this size is read and thrown away rather than cut off (see below). */
const DISCARD_AT_MOST_BYTES = 4 * 1024 * 1024;

export function guardRequests(server: Server): void {
  for (const event of ['request', 'checkContinue'] as const) {
    const listeners = server.listeners(event) as RequestListener[];
    server.removeAllListeners(event);
    server.on(event, (req: IncomingMessage, res: ServerResponse) => {
      const problem = requestProblem(req);
      if (!problem) {
        for (const listener of listeners) listener.call(server, req, res);
        return;
      }
      const error = problem.status === 415 ? 'UnsupportedMediaType' : problem.status === 413 ? 'PayloadTooLarge' : 'BadRequest';
      const body = JSON.stringify({ error, message: problem.message });
      // The body is not parsed. Closing with it unread makes TCP reset the connection, and a client still sending
      // loses the answer (EPIPE): a body refused for its declared size (413), up to a bound, is left to Node, which reads and discards an
      // unread request body once the response is sent; anything else closes the connection after answering.
      const declared = Number(req.headers['content-length']);
      const discard = problem.status === 413 && declared > 0 && declared <= DISCARD_AT_MOST_BYTES;
      res.writeHead(problem.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(discard ? {} : { Connection: 'close' }) });
      res.end(body);
    });
  }
}
