// The load generator's HTTP client: node:http with keep-alive sockets. fetch (undici) cost the generator
// about twice the CPU per request, CPU the bot under test then did not get on a 2-core machine.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** POSTs a JSON body and resolves with the status code once the response has been read. */
export function postJson(base: string, path: string, body: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
