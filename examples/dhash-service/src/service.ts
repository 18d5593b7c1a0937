import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ServiceConfig } from './config.js';
import { FaultPlan } from './faults.js';
import { readBody, RequestError, sendJson } from './http-util.js';
import { memoryLimit } from './memory-limit.js';
import { ServiceMetrics } from './metrics.js';
import { readRelease, type Release } from './release.js';
import { ROUTES, type RouteContext } from './routes.js';
import { applyPendingMigrations, readMigrations } from './startup-migrator.js';
import { ServiceStore } from './store.js';

export interface RunningService {
  release: Release;
  url: string;
  port: number;
  server: Server;
  context: RouteContext;
  /** Graceful stop: no new connections, in-flight requests finish, queued writes land. */
  close(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  now?: () => Date;
}

export async function startService(
  config: ServiceConfig,
  options: StartOptions = {},
): Promise<RunningService> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const release = readRelease(config.releaseDir);
  const migrationsDir = join(config.releaseDir, 'migrations');
  const requiredSchemaVersion = readMigrations(migrationsDir).reduce((max, m) => Math.max(max, m.version), 0);
  const limit = memoryLimit(config.memoryLimitBytes);

  const store = await ServiceStore.open(config.dbPath, now);
  if (config.autoMigrate) {
    const outcome = await applyPendingMigrations(store.db, migrationsDir, now);
    for (const m of outcome.applied)
      log(JSON.stringify({ level: 'INFO', message: 'migration applied', version: m.version, name: m.name }));
  }

  const faults = new FaultPlan(release.faults, limit.bytes);
  let lastQueueLength = 0;
  const metrics = new ServiceMetrics({
    version: release.version,
    memoryLimitBytes: limit.bytes,
    // A broken store must not take /metrics down with it: report the last known length.
    queueLength: () => {
      try {
        lastQueueLength = store.queueStatus().queueLength;
      } catch {
        /* /health reports the broken store */
      }
      return lastQueueLength;
    },
  });
  const context: RouteContext = {
    store,
    metrics,
    faults,
    version: release.version,
    requiredSchemaVersion,
    adminToken: config.adminToken,
    maxBodyBytes: config.maxBodyBytes,
    confidenceThreshold: config.confidenceThreshold,
    now,
  };

  const server = createServer((req, res) => {
    void handle(req, res, context, log);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  faults.ballast.start();
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${hostForUrl}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      faults.ballast.stop();
      await store.enqueueIdle();
      store.close();
    })();
    return closing;
  };
  return { release, url, port, server, context, close };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  log: (line: string) => void,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const methods = ROUTES[path];
  const route = methods ? path : 'unmatched';
  res.on('finish', () => {
    ctx.metrics.httpRequests.inc({ code: String(res.statusCode), method: req.method ?? 'UNKNOWN', route });
  });
  try {
    if (!methods) throw new RequestError(404, 'not_found', `no route ${path}`);
    const handler = methods[req.method ?? ''];
    if (!handler) {
      res.setHeader('allow', Object.keys(methods).join(', '));
      throw new RequestError(
        405,
        'method_not_allowed',
        `${req.method} ${path} is not allowed; use ${Object.keys(methods).join(', ')}`,
      );
    }
    if (path.startsWith('/api/') && ctx.faults.http5xx.next()) {
      // The body is read first so the connection stays usable for the client's next request.
      await readBody(req, ctx.maxBodyBytes).catch(() => undefined);
      sendJson(res, 500, {
        error: 'internal_error',
        message: 'internal error (release fault http_5xx_rate)',
      });
      return;
    }
    await handler(req, res, ctx);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof RequestError) {
      if (error.status === 413) res.setHeader('connection', 'close');
      sendJson(res, error.status, { error: error.code, message: error.message });
      return;
    }
    log(
      JSON.stringify({
        level: 'ERROR',
        message: 'request failed',
        route,
        error: (error as Error).stack ?? String(error),
      }),
    );
    sendJson(res, 500, { error: 'internal_error', message: (error as Error).message });
  }
}
