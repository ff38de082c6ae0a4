// A load balancer with no session affinity, for multi-instance tests: each HTTP request and each WebSocket upgrade
// goes to the next backend in turn. The Host header is passed through, so the bots build URLs (streamUrl) for the
// proxy, as they would behind a real one.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Which backend (index) each request and upgrade went to, in order. */
  routed: { kind: 'http' | 'upgrade'; backend: number; path: string }[];
  stop(): Promise<void>;
}

export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  let turn = 0;
  const routed: RoundRobinProxy['routed'] = [];
  const pick = (kind: 'http' | 'upgrade', path: string) => {
    const backend = turn++ % backends.length;
    routed.push({ kind, backend, path });
    return new URL(backends[backend]);
  };
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const target = pick('http', req.url ?? '/');
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket: net.Socket, head) => {
    const target = pick('upgrade', req.url ?? '/');
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    sockets.add(socket).add(upstream);
    const end = () => (socket.destroy(), upstream.destroy());
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routed,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
