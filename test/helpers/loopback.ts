/**
 * The loopback server kit every test uses for a real HTTP peer on 127.0.0.1: a webhook-like server
 * that records each request and answers from a script (`startWebhook` with `reply.*`), and a
 * server that accepts connections and never answers (`startHangingServer`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LoopbackServer {
  /** Base URL with a secret-looking path, like a real webhook. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Reply = (req: RecordedRequest, res: ServerResponse, index: number) => void;

/**
 * A real HTTP server on 127.0.0.1 that answers each request with `replies[i]` (the last one
 * repeats), so a test scripts exactly what the service's documentation says it answers.
 */
export async function startWebhook(path: string, replies: Reply[]): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const index = requests.length - 1;
      replies[Math.min(index, replies.length - 1)](recorded, res, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

export const reply = {
  text:
    (status: number, body: string, headers: Record<string, string> = {}): Reply =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(body);
    },
  json:
    (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    },
  empty:
    (status: number): Reply =>
    (_req, res) => {
      res.writeHead(status);
      res.end();
    },
};

/** Accepts connections and never answers: the hung peer. */
export async function startHangingServer(): Promise<{
  url: string;
  requests: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      count += (chunk.toString('latin1').match(/^POST /gm) ?? []).length;
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/hang-secret-path-0000`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A port that was just bound and released: connecting to it is refused. */
export async function refusedUrl(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return `http://127.0.0.1:${port}/hooks/refused-secret-path-0000`;
}
