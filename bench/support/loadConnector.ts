// A lean mock Bot Connector for load: accepts every reply, remembers only the last one per conversation.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadConnector {
  url: string;
  last: Map<string, Record<string, any>>;
  received: () => number;
  close(): Promise<void>;
}

export async function startLoadConnector(): Promise<LoadConnector> {
  const last = new Map<string, Record<string, any>>();
  let received = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const m = req.url?.match(/^\/v3\/conversations\/([^/]+)\/activities/);
      if (m && req.method === 'POST') {
        received++;
        try {
          last.set(decodeURIComponent(m[1]), JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {}
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"r${received}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    last,
    received: () => received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
