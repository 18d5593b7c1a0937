import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request the client got wrong: answered with `status` and a JSON error, never thrown further. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Reads the whole body, refusing more than `limit` bytes with 413 (and stopping the upload). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(
        new RequestError(
          413,
          'payload_too_large',
          `body of ${declared} bytes is above the ${limit}-byte limit`,
        ),
      );
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        reject(new RequestError(413, 'payload_too_large', `body is above the ${limit}-byte limit`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      reject(new RequestError(400, 'bad_request', `request body could not be read: ${error.message}`));
    });
  });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (standard alphabet, whitespace and a data: URL prefix tolerated). */
export function decodeBase64(value: string, field: string): Buffer {
  const text = value.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
  if (text.length === 0) throw new RequestError(400, 'bad_request', `${field} is empty`);
  if (!BASE64.test(text) || text.length % 4 === 1)
    throw new RequestError(400, 'bad_request', `${field} is not valid base64`);
  return Buffer.from(text, 'base64');
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new RequestError(400, 'bad_request', `body is not valid JSON: ${(error as Error).message}`);
  }
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}
