import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { SAMPLE_DHASH_HEX, SAMPLE_PNG_BASE64 } from '../../../src/smoke-sample/sample-image.js';

/**
 * A real loopback HTTP server that speaks the dhash contract, with switches to misbehave in the
 * ways a broken release does. The smoke checks are judged against real sockets and real
 * prom-client exposition, not against stubs of our own HTTP client.
 */
export interface Misbehaviour {
  wrongHash?: boolean;
  healthNotJson?: boolean;
  healthStatus?: string;
  healthDelayMs?: number;
  /** Health never answers (the request must time out). */
  healthHangs?: boolean;
  omitFamily?: string;
  metricsGarbage?: boolean;
  adminOpen?: boolean;
  adminStatus?: number;
  acceptInvalid?: boolean;
  crashOnInvalid?: boolean;
  queueLengthAsString?: boolean;
}

export interface DhashLikeServer {
  url: string;
  /** Every request the server saw, "METHOD path". */
  requests: string[];
  close(): Promise<void>;
}

function metricsText(omit: string | undefined): Promise<string> {
  const registry = new Registry();
  const add = (name: string, make: () => void) => {
    if (name !== omit) make();
  };
  add('dhash_extractions_total', () => {
    const c = new Counter({
      name: 'dhash_extractions_total',
      help: 'extractions',
      labelNames: ['result'],
      registers: [registry],
    });
    c.inc({ result: 'success' }, 41);
    c.inc({ result: 'failure' }, 2);
  });
  add('dhash_hash_duration_seconds', () => {
    const h = new Histogram({
      name: 'dhash_hash_duration_seconds',
      help: 'hash time',
      buckets: [0.01, 0.1, 1],
      registers: [registry],
    });
    h.observe(0.02);
    h.observe(0.3);
  });
  add('dhash_low_confidence_queue_length', () => {
    new Gauge({ name: 'dhash_low_confidence_queue_length', help: 'queue', registers: [registry] }).set(3);
  });
  add('dhash_http_requests_total', () => {
    new Counter({
      name: 'dhash_http_requests_total',
      help: 'requests',
      labelNames: ['code'],
      registers: [registry],
    }).inc({ code: '200' }, 10);
  });
  add('process_resident_memory_bytes', () => {
    new Gauge({ name: 'process_resident_memory_bytes', help: 'rss', registers: [registry] }).set(50e6);
  });
  add('dhash_memory_limit_bytes', () => {
    new Gauge({ name: 'dhash_memory_limit_bytes', help: 'limit', registers: [registry] }).set(512e6);
  });
  return registry.metrics();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

export async function startDhashLikeServer(bad: Misbehaviour = {}): Promise<DhashLikeServer> {
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      requests.push(`${req.method} ${path}`);
      if (req.method === 'GET' && path === '/health') {
        if (bad.healthHangs) {
          hanging.add(res);
          return;
        }
        if (bad.healthDelayMs) await new Promise((r) => setTimeout(r, bad.healthDelayMs));
        if (bad.healthNotJson) {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html><body>OK</body></html>');
          return;
        }
        json(res, 200, {
          status: bad.healthStatus ?? 'ok',
          version: '2.0.0',
          checks: { store: 'ok' },
        });
        return;
      }
      if (req.method === 'GET' && path === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(bad.metricsGarbage ? '<html>metrics moved</html>\n' : await metricsText(bad.omitFamily));
        return;
      }
      if (req.method === 'GET' && path === '/api/dhash/queue/status') {
        json(res, 200, { queue_length: bad.queueLengthAsString ? '3' : 3, oldest_age_seconds: 12 });
        return;
      }
      if (req.method === 'POST' && path === '/api/dhash') {
        let body: { image_base64?: unknown };
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          json(res, 400, { error: 'body is not JSON' });
          return;
        }
        if (typeof body.image_base64 !== 'string') {
          if (bad.crashOnInvalid) {
            json(res, 500, { error: 'TypeError: cannot read properties of undefined' });
            return;
          }
          if (bad.acceptInvalid) {
            json(res, 200, { hash: '0000000000000000' });
            return;
          }
          json(res, 422, { error: 'image_base64 is required' });
          return;
        }
        if (body.image_base64 !== SAMPLE_PNG_BASE64) {
          json(res, 422, { error: 'unknown image in this test server' });
          return;
        }
        json(res, 200, {
          hash: bad.wrongHash ? 'ffffffffffffffff' : SAMPLE_DHASH_HEX,
          match: null,
          confidence: 0,
          queued: false,
        });
        return;
      }
      if (path === '/admin') {
        if (bad.adminOpen) {
          json(res, 200, { users: ['root'] });
          return;
        }
        json(res, bad.adminStatus ?? 401, { error: 'authentication required' });
        return;
      }
      json(res, 404, { error: 'not found' });
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
