import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extract, type ExtractionDeps, type ExtractionResult } from './extraction.js';
import type { FaultPlan } from './faults.js';
import { decodeBase64, mediaType, parseJson, readBody, RequestError, sendJson } from './http-util.js';
import { isHashHex } from './dhash.js';
import type { ServiceMetrics } from './metrics.js';
import type { ServiceStore } from './store.js';

/** Everything a route needs; built once by the service. */
export interface RouteContext extends ExtractionDeps {
  store: ServiceStore;
  metrics: ServiceMetrics;
  faults: FaultPlan;
  version: string;
  requiredSchemaVersion: number;
  adminToken: string | undefined;
  maxBodyBytes: number;
  now: () => Date;
}

/** A handler that reads no body and writes no store answers synchronously; the dispatcher awaits either kind. */
type Handler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

export const MAX_BATCH_IMAGES = 100;
const RAW_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'application/octet-stream']);

function imageField(value: unknown, where: string): Buffer {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RequestError(400, 'bad_request', `${where} must be a JSON object`);
  const base64 = (value as Record<string, unknown>).image_base64;
  if (base64 === undefined)
    throw new RequestError(400, 'bad_request', `${where}.image_base64 is required (the image as base64)`);
  if (typeof base64 !== 'string')
    throw new RequestError(400, 'bad_request', `${where}.image_base64 must be a string`);
  return decodeBase64(base64, `${where}.image_base64`);
}

function sendExtraction(res: ServerResponse, result: ExtractionResult, version: string): void {
  if (result.ok) {
    const { ok: _ok, ...body } = result;
    sendJson(res, 200, { ...body, version });
  } else {
    sendJson(res, 422, { error: result.error, message: result.message });
  }
}

const hashImage: Handler = async (req, res, ctx) => {
  const type = mediaType(req);
  const body = await readBody(req, ctx.maxBodyBytes);
  let image: Buffer;
  if (type === 'application/json') image = imageField(parseJson(body), 'body');
  else if (RAW_IMAGE_TYPES.has(type) || type === '') image = body;
  else
    throw new RequestError(
      415,
      'unsupported_media_type',
      `Content-Type ${type} is not accepted: send image/png, image/jpeg, application/octet-stream, or application/json with image_base64`,
    );
  if (image.length === 0) throw new RequestError(400, 'bad_request', 'the image is empty');
  sendExtraction(res, await extract(image, ctx), ctx.version);
};

const hashBatch: Handler = async (req, res, ctx) => {
  if (mediaType(req) !== 'application/json')
    throw new RequestError(
      415,
      'unsupported_media_type',
      'a batch is JSON: {"images": [{"image_base64": "..."}]}',
    );
  const parsed = parseJson(await readBody(req, ctx.maxBodyBytes));
  const images = (parsed as { images?: unknown } | null)?.images;
  if (!Array.isArray(images))
    throw new RequestError(400, 'bad_request', 'body.images must be an array of {"image_base64": "..."}');
  if (images.length === 0) throw new RequestError(422, 'empty_batch', 'body.images is empty');
  if (images.length > MAX_BATCH_IMAGES)
    throw new RequestError(
      422,
      'batch_too_large',
      `body.images has ${images.length} images, at most ${MAX_BATCH_IMAGES} are accepted`,
    );
  // Every item is checked before any is processed: a malformed batch changes nothing.
  const decoded = images.map((item, index) => ({
    bytes: imageField(item, `body.images[${index}]`),
    id: (item as { id?: unknown }).id,
  }));
  const results = [];
  for (const [index, item] of decoded.entries()) {
    const result = await extract(item.bytes, ctx);
    const { ok, ...rest } = result;
    results.push({ index, ...(item.id === undefined ? {} : { id: item.id }), ok, ...rest });
  }
  const succeeded = results.filter((r) => r.ok).length;
  sendJson(res, 200, { results, succeeded, failed: results.length - succeeded, version: ctx.version });
};

const queueStatus: Handler = (_req, res, ctx) => {
  const status = ctx.store.queueStatus();
  const oldestMs = status.oldestEnqueuedAt === null ? null : Date.parse(status.oldestEnqueuedAt);
  sendJson(res, 200, {
    queue_length: status.queueLength,
    oldest_enqueued_at: status.oldestEnqueuedAt,
    oldest_age_seconds: oldestMs === null ? null : Math.max(0, (ctx.now().getTime() - oldestMs) / 1000),
    confidence_threshold: ctx.confidenceThreshold,
  });
};

export function healthReport(ctx: RouteContext): { status: 'ok' | 'fail'; body: Record<string, unknown> } {
  const checks: Record<string, unknown> = {};
  let healthy = true;
  try {
    const schemaVersion = ctx.store.schemaVersion();
    const libraryEntries = ctx.store.library().length;
    const queueLength = ctx.store.queueStatus().queueLength;
    checks.database = {
      status: 'ok',
      file: ctx.store.db.path.split(/[\\/]/).pop(),
      library_entries: libraryEntries,
      queue_length: queueLength,
    };
    checks.schema_version = schemaVersion;
    const current = schemaVersion >= ctx.requiredSchemaVersion;
    checks.migrations = {
      status: current ? 'ok' : 'fail',
      required_version: ctx.requiredSchemaVersion,
      applied_version: schemaVersion,
    };
    healthy &&= current;
  } catch (error) {
    checks.database = { status: 'fail', error: (error as Error).message };
    healthy = false;
  }
  if (ctx.faults.healthForcedToFail) {
    checks.release = { status: 'fail', reason: 'this release carries the health_fail fault' };
    healthy = false;
  }
  const status = healthy ? 'ok' : 'fail';
  return { status, body: { status, version: ctx.version, release: ctx.version, checks } };
}

const health: Handler = (_req, res, ctx) => {
  const report = healthReport(ctx);
  sendJson(res, report.status === 'ok' ? 200 : 503, report.body);
};

const metrics: Handler = async (_req, res, ctx) => {
  const text = await ctx.metrics.text();
  res.writeHead(200, { 'content-type': ctx.metrics.contentType() });
  res.end(text);
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function requireAdmin(req: IncomingMessage, ctx: RouteContext): void {
  if (ctx.adminToken === undefined)
    throw new RequestError(403, 'forbidden', 'admin routes are closed: the service has no DHASH_ADMIN_TOKEN');
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  // Compare digests: equal length, constant time, whatever the caller sent.
  if (!match || !timingSafeEqual(digest(match[1]), digest(ctx.adminToken))) {
    throw new RequestError(
      401,
      'unauthorized',
      'admin routes need Authorization: Bearer <DHASH_ADMIN_TOKEN>',
    );
  }
}

const addLibrary: Handler = async (req, res, ctx) => {
  requireAdmin(req, ctx);
  const parsed = parseJson(await readBody(req, ctx.maxBodyBytes)) as { entries?: unknown } | null;
  if (!Array.isArray(parsed?.entries))
    throw new RequestError(
      400,
      'bad_request',
      'body.entries must be an array of {"hash": "<16 hex>", "label": "..."}',
    );
  const entries = parsed.entries.map((entry: unknown, index: number) => {
    const e = entry as { hash?: unknown; label?: unknown } | null;
    if (typeof e?.hash !== 'string' || !isHashHex(e.hash))
      throw new RequestError(
        422,
        'invalid_entry',
        `body.entries[${index}].hash must be 16 lowercase hex digits`,
      );
    if (typeof e.label !== 'string' || e.label === '')
      throw new RequestError(422, 'invalid_entry', `body.entries[${index}].label must be a non-empty string`);
    return { hash: e.hash, label: e.label };
  });
  sendJson(res, 201, { ids: await ctx.store.addLibraryEntries(entries) });
};

const listQueue: Handler = (req, res, ctx) => {
  requireAdmin(req, ctx);
  const limit = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('limit') ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new RequestError(400, 'bad_request', 'limit must be an integer from 1 to 10000');
  sendJson(res, 200, { items: ctx.store.queueItems(limit) });
};

const resolveQueue: Handler = async (req, res, ctx) => {
  requireAdmin(req, ctx);
  const parsed = parseJson(await readBody(req, ctx.maxBodyBytes)) as { ids?: unknown; all?: unknown } | null;
  let ids: number[] | undefined;
  if (parsed?.all === true) ids = undefined;
  else if (Array.isArray(parsed?.ids) && parsed.ids.every((id) => Number.isInteger(id)))
    ids = parsed.ids as number[];
  else
    throw new RequestError(
      400,
      'bad_request',
      'body must be {"ids": [<queue item id>, ...]} or {"all": true}',
    );
  sendJson(res, 200, { resolved: await ctx.store.resolveQueueItems(ids) });
};

/**
 * path → method → handler. The path is also the `route` label of dhash_http_requests_total.
 * Partial: a request names any path and method, and most name none of these.
 */
export const ROUTES: Partial<Record<string, Partial<Record<string, Handler>>>> = {
  '/health': { GET: health },
  '/metrics': { GET: metrics },
  '/api/dhash': { POST: hashImage },
  '/api/dhash/batch': { POST: hashBatch },
  '/api/dhash/queue/status': { GET: queueStatus },
  '/admin/library': { POST: addLibrary },
  '/admin/queue': { GET: listQueue },
  '/admin/queue/resolve': { POST: resolveQueue },
};
