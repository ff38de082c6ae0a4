// The HTTP door: restify with body limits, JSON errors and no 5xx for anything a client sends.
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../logger.ts';
import { guardRequests } from './requestGuard.ts';

export interface HttpServerOptions {
  maxBodyBytes: number;
  log: Logger;
}

export function createHttpServer({ maxBodyBytes, log }: HttpServerOptions): Server {
  const server = restify.createServer({ name: 'event-bot', handleUncaughtExceptions: false, ignoreTrailingSlash: true } as never);
  // Bad Host headers and compressed bodies are answered before restify parses anything (see requestGuard.ts).
  guardRequests(server.server);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyReader({ maxBodySize: maxBodyBytes }));
  server.use(jsonBody);
  server.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  // restify's own errors (404, 405, 413 …) as JSON; anything unexpected is logged once and answered 500.
  server.on('restifyError', (req: Request, res: Response, err: { statusCode?: number; message?: string }, cb: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) log.error({ err, path: req.path() }, 'request failed');
    cb();
  });
  return server;
}

/** Parses JSON bodies; malformed JSON is a 400 with a reason, not an exception. */
function jsonBody(req: Request, res: Response, next: restify.Next) {
  const type = String(req.headers['content-type'] ?? '');
  if (!req.body || !(req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH')) return next();
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : String(req.body);
  if (!type.includes('json') && !raw.trimStart().startsWith('{') && !raw.trimStart().startsWith('[')) return next();
  try {
    req.body = raw.length ? JSON.parse(raw) : undefined;
  } catch {
    res.status(400);
    res.json({ error: 'BadRequest', message: 'The body is not valid JSON.' });
    return next(false);
  }
  next();
}

export function sendError(res: Response, status: number, error: string, message: string) {
  res.status(status);
  res.json({ error, message });
}
