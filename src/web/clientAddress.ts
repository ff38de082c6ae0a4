// Who a request comes from, for rate limits and the local-mode "this machine only" check. Directly on the
// internet that is the socket's address. Behind reverse proxies every request arrives from a proxy, so all
// visitors would share one budget: with TRUST_PROXY_HOPS=N the client is the address the outermost of our N
// proxies saw, the N-th entry from the right of X-Forwarded-For (entries further left are whatever the client
// wrote, so they are never trusted). Without the setting the header is ignored: anyone can send it.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export function clientAddress(req: IncomingMessage, trustedProxyHops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxyHops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length < trustedProxyHops) return socket; // not through all our proxies: the socket is all we know
  const client = hops[hops.length - trustedProxyHops];
  return isIP(client) ? client : socket;
}
