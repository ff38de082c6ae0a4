// A lean mock Bot Connector for load: accepts every reply and keeps only the last one per conversation,
// as bytes. The load generator shares the machine with the bot it measures, so it does as little as it
// can per turn: a reply is parsed only when the driver reads it (registration turns, to answer the prompt).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LastReplies {
  get(conversationId: string): Record<string, any> | undefined;
}

export interface LoadConnector {
  url: string;
  last: LastReplies;
  received: () => number;
  close(): Promise<void>;
}

export async function startLoadConnector(): Promise<LoadConnector> {
  const raw = new Map<string, Buffer>();
  let received = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const m = req.url?.match(/^\/v3\/conversations\/([^/]+)\/activities/);
      if (m && req.method === 'POST') {
        received++;
        raw.set(decodeURIComponent(m[1]), chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"r${received}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    last: {
      get(id) {
        const bytes = raw.get(id);
        if (!bytes) return undefined;
        try {
          return JSON.parse(bytes.toString('utf8'));
        } catch {
          return undefined;
        }
      },
    },
    received: () => received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
