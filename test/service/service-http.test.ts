import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from '../../examples/dhash-service/loadgen/loadgen.js';
import {
  buckets,
  families,
  histogramQuantile,
  parsePrometheusText,
  sumOf,
  type Sample,
} from './prom-text.js';
import { checkerboard, horizontalGradient, jpg, png, rgba, waves, withNoise } from './images.js';
import { independentDhash } from './independent-dhash.js';
import { buildReleases, startRelease, type RunningRelease } from './release-process.js';

/**
 * The reference service as the rollout sees it: release bundles built by the builder, started as
 * real processes (`node server.js`), spoken to over HTTP, /metrics read with our own parser.
 * Thresholds are the production gates of the shipped config.
 */
const GATES = { failureRate: 0.05, p95Seconds: 2, queueLength: 1000, memoryFraction: 0.85, errorRate: 0.03 };
const MiB = 1024 * 1024;

let releases: string;
beforeAll(async () => {
  releases = await buildReleases();
}, 180_000);

const running: RunningRelease[] = [];
async function start(name: string, env: Record<string, string> = {}): Promise<RunningRelease> {
  const service = await startRelease(join(releases, name), env);
  running.push(service);
  return service;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function post(
  url: string,
  body: Buffer | string,
  contentType: string,
): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType } });
  return { status: response.status, json: await response.json() };
}

async function scrape(service: RunningRelease): Promise<Sample[]> {
  const response = await fetch(`${service.url}/metrics`);
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

/** The gate figures of the shipped config, computed from one scrape (counters since start). */
function gateFigures(samples: Sample[]) {
  const success = sumOf(samples, 'dhash_extractions_total', { result: 'success' });
  const failure = sumOf(samples, 'dhash_extractions_total', { result: 'failure' });
  const apiRequests = samples.filter(
    (s) => s.name === 'dhash_http_requests_total' && s.labels.route?.startsWith('/api/'),
  );
  const total = apiRequests.reduce((sum, s) => sum + s.value, 0);
  const errors = apiRequests
    .filter((s) => s.labels.code?.startsWith('5'))
    .reduce((sum, s) => sum + s.value, 0);
  return {
    failureRate: failure / (success + failure),
    p95Seconds: histogramQuantile(0.95, buckets(samples, 'dhash_hash_duration_seconds')),
    queueLength: sumOf(samples, 'dhash_low_confidence_queue_length'),
    memoryFraction:
      sumOf(samples, 'process_resident_memory_bytes') / sumOf(samples, 'dhash_memory_limit_bytes'),
    errorRate: total === 0 ? 0 : errors / total,
  };
}

const knownPng = (phase: number) => png(72, 64, rgba(72, 64, waves(72, 64, phase)));

describe('reference dhash service over HTTP (release bundles)', () => {
  it('2.0.0 hashes images of known structure as an independent computation does', async () => {
    const service = await start('2.0.0');
    const cases = [
      { w: 90, h: 64, data: rgba(90, 64, horizontalGradient(90)) },
      { w: 90, h: 80, data: rgba(90, 80, checkerboard(10, 10)) },
      { w: 180, h: 160, data: rgba(180, 160, waves(180, 160, 0.7)) },
    ];
    for (const c of cases) {
      const result = await post(`${service.url}/api/dhash`, png(c.w, c.h, c.data), 'image/png');
      expect(result.status).toBe(200);
      expect(result.json.hash).toBe(independentDhash(c.w, c.h, c.data));
    }
    expect(
      (await post(`${service.url}/api/dhash`, png(90, 80, rgba(90, 80, checkerboard(10, 10))), 'image/png'))
        .json.hash,
    ).toBe('55aa55aa55aa55aa');
    // JSON with base64, and a JPEG near-duplicate (noise + lossy) within a few bits.
    const original = rgba(180, 160, waves(180, 160, 2.2));
    const viaJson = await post(
      `${service.url}/api/dhash`,
      JSON.stringify({ image_base64: png(180, 160, original).toString('base64') }),
      'application/json',
    );
    expect(viaJson.json.hash).toBe(independentDhash(180, 160, original));
    const near = await post(
      `${service.url}/api/dhash`,
      jpg(180, 160, withNoise(original, 12, 5), 80),
      'image/jpeg',
    );
    expect(near.status).toBe(200);
    const distance = [...Array(16).keys()].reduce(
      (d, i) =>
        d +
        ((parseInt(near.json.hash[i], 16) ^ parseInt(viaJson.json.hash[i], 16)).toString(2).match(/1/g)
          ?.length ?? 0),
      0,
    );
    expect(distance).toBeLessThanOrEqual(4);
  });

  it('moves counters and histograms by exactly what the requests imply, and answers health and queue status', async () => {
    const service = await start('2.0.0');
    const before = await scrape(service);
    for (const name of [
      'dhash_extractions_total',
      'dhash_hash_duration_seconds_bucket',
      'dhash_low_confidence_queue_length',
      'dhash_http_requests_total',
      'process_resident_memory_bytes',
      'dhash_memory_limit_bytes',
    ]) {
      expect(families(before)).toContain(name);
    }
    expect(buckets(before, 'dhash_hash_duration_seconds').map((b) => b.le)).toEqual([
      0.005,
      0.01,
      0.025,
      0.05,
      0.1,
      0.25,
      0.5,
      1,
      1.5,
      2,
      2.5,
      5,
      10,
      Infinity,
    ]);
    for (let i = 0; i < 5; i++)
      expect((await post(`${service.url}/api/dhash`, knownPng(i), 'image/png')).status).toBe(200);
    for (let i = 0; i < 2; i++)
      expect(
        (await post(`${service.url}/api/dhash`, Buffer.from('not an image at all'), 'image/png')).status,
      ).toBe(422);
    const batch = await post(
      `${service.url}/api/dhash/batch`,
      JSON.stringify({
        images: [
          { image_base64: knownPng(9).toString('base64') },
          { image_base64: Buffer.from('zz').toString('base64') },
        ],
      }),
      'application/json',
    );
    expect(batch.status).toBe(200);
    expect([batch.json.succeeded, batch.json.failed]).toEqual([1, 1]);
    const after = await scrape(service);
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sumOf(after, name, labels) - sumOf(before, name, labels);
    expect(delta('dhash_extractions_total', { result: 'success' })).toBe(6);
    expect(delta('dhash_extractions_total', { result: 'failure' })).toBe(3);
    expect(delta('dhash_hash_duration_seconds_count')).toBe(6);
    expect(delta('dhash_hash_duration_seconds_bucket', { le: '+Inf' })).toBe(6);
    expect(delta('dhash_http_requests_total', { route: '/api/dhash', code: '200' })).toBe(5);
    expect(delta('dhash_http_requests_total', { route: '/api/dhash', code: '422' })).toBe(2);
    expect(delta('dhash_http_requests_total', { route: '/api/dhash/batch', code: '200' })).toBe(1);
    expect(delta('dhash_http_requests_total', { route: '/metrics', code: '200' })).toBe(1);
    // The wave images are not in the library: each distinct hash is queued once.
    const queue = (await (await fetch(`${service.url}/api/dhash/queue/status`)).json()) as any;
    expect(queue.queue_length).toBe(sumOf(after, 'dhash_low_confidence_queue_length'));
    expect(queue.queue_length).toBeGreaterThan(0);
    expect(queue.oldest_age_seconds).toBeGreaterThanOrEqual(0);
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      version: '2.0.0',
      release: '2.0.0',
      checks: { database: { status: 'ok' }, schema_version: 2 },
    });
  });

  it('answers bad requests with 4xx JSON and keeps running', async () => {
    const service = await start('2.0.0');
    const cases: [string, string, Buffer | string, string, number][] = [
      ['POST', '/api/dhash', '{not json', 'application/json', 400],
      ['POST', '/api/dhash', '{"image": "x"}', 'application/json', 400],
      ['POST', '/api/dhash', '{"image_base64": 42}', 'application/json', 400],
      ['POST', '/api/dhash', '{"image_base64": "@@@not base64@@@"}', 'application/json', 400],
      ['POST', '/api/dhash', '', 'image/png', 400],
      ['POST', '/api/dhash', 'hello', 'text/plain', 415],
      ['POST', '/api/dhash', png(9, 8, rgba(9, 8, checkerboard(1, 1))).subarray(0, 40), 'image/png', 422],
      ['POST', '/api/dhash/batch', '{"images": []}', 'application/json', 422],
      [
        'POST',
        '/api/dhash/batch',
        JSON.stringify({ images: Array(101).fill({ image_base64: 'AAAA' }) }),
        'application/json',
        422,
      ],
      ['POST', '/api/dhash/batch', '{"images": [{"image_base64": "AAAA"}, 7]}', 'application/json', 400],
      ['POST', '/admin/library', '{}', 'application/json', 403],
      ['GET', '/nope', '', 'text/plain', 404],
      ['GET', '/api/dhash', '', 'text/plain', 405],
    ];
    for (const [method, path, body, type, status] of cases) {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { 'content-type': type },
        body: method === 'GET' ? undefined : body,
      });
      expect([path, response.status]).toEqual([path, status]);
      expect(typeof ((await response.json()) as any).error).toBe('string');
    }
    // A PNG header claiming 100000 x 100000 pixels is refused before decoding.
    const bomb = png(9, 8, rgba(9, 8, checkerboard(1, 1)));
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    expect((await post(`${service.url}/api/dhash`, bomb, 'image/png')).status).toBe(422);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect(service.child.exitCode).toBeNull();
  });

  it('guards admin routes with the bearer token', async () => {
    const service = await start('2.0.0', { DHASH_ADMIN_TOKEN: 's3cret-token' });
    const entries = JSON.stringify({ entries: [{ hash: '0123456789abcdef', label: 'added' }] });
    const add = (auth?: string) =>
      fetch(`${service.url}/admin/library`, {
        method: 'POST',
        body: entries,
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      });
    expect((await add()).status).toBe(401);
    expect((await add('Bearer wrong')).status).toBe(401);
    expect((await add('Bearer s3cret-token')).status).toBe(201);
    const health = (await (await fetch(`${service.url}/health`)).json()) as any;
    expect(health.checks.database.library_entries).toBe(25);
  });

  it('a healthy release under the load generator mix stays below every production threshold', async () => {
    const service = await start('2.0.0');
    const report = await runLoad({ url: service.url, rate: 25, durationSeconds: 4 });
    expect(report.completed).toBe(report.sent);
    expect(report.sent).toBeGreaterThanOrEqual(100);
    expect(report.by_kind.corrupt).toBeGreaterThan(0);
    const figures = gateFigures(await scrape(service));
    expect(figures.failureRate).toBeGreaterThan(0);
    expect(figures.failureRate).toBeLessThanOrEqual(GATES.failureRate);
    expect(figures.p95Seconds).toBeLessThanOrEqual(GATES.p95Seconds);
    expect(figures.queueLength).toBeLessThanOrEqual(32);
    expect(figures.memoryFraction).toBeLessThanOrEqual(GATES.memoryFraction);
    expect(figures.errorRate).toBe(0);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  }, 240_000);

  it('fault-hash-delay and 3.0.0 push P95 hash time above 2 s while every extraction still succeeds', async () => {
    for (const name of ['fault-hash-delay', '3.0.0']) {
      const service = await start(name);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(`${service.url}/api/dhash`, knownPng(i), 'image/png')),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const figures = gateFigures(await scrape(service));
      expect([name, figures.p95Seconds > GATES.p95Seconds]).toEqual([name, true]);
      expect(figures.failureRate).toBe(0);
    }
  });

  it('fault-extraction-failure fails exactly its share of extractions (25 %)', async () => {
    const service = await start('fault-extraction-failure');
    const statuses = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await post(`${service.url}/api/dhash`, knownPng(i), 'image/png')).status);
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    const figures = gateFigures(await scrape(service));
    expect(figures.failureRate).toBeCloseTo(0.25, 10);
    expect(figures.failureRate).toBeGreaterThan(GATES.failureRate);
  });

  it('fault-health-fail answers /health with 503 fail', async () => {
    const service = await start('fault-health-fail');
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'fail',
      version: 'fault-health-fail',
      checks: { database: { status: 'ok' }, release: { status: 'fail' } },
    });
  });

  it('fault-queue-flood pushes the review queue past 1000', async () => {
    const service = await start('fault-queue-flood');
    const image = png(36, 32, rgba(36, 32, waves(36, 32, 1))).toString('base64');
    for (let b = 0; b < 11; b++) {
      const batch = await post(
        `${service.url}/api/dhash/batch`,
        JSON.stringify({ images: Array.from({ length: 100 }, () => ({ image_base64: image })) }),
        'application/json',
      );
      expect(batch.json.succeeded).toBe(100);
    }
    const figures = gateFigures(await scrape(service));
    expect(figures.queueLength).toBe(1100);
    expect(figures.queueLength).toBeGreaterThan(GATES.queueLength);
    expect(((await (await fetch(`${service.url}/api/dhash/queue/status`)).json()) as any).queue_length).toBe(
      1100,
    );
  });

  it('fault-memory-growth grows resident memory past 85 % of the limit', async () => {
    const service = await start('fault-memory-growth', { DHASH_MEMORY_LIMIT_BYTES: String(320 * MiB) });
    let figures = gateFigures(await scrape(service));
    for (let i = 0; i < 60 && figures.memoryFraction <= GATES.memoryFraction; i++) {
      expect((await post(`${service.url}/api/dhash`, knownPng(i), 'image/png')).status).toBe(200);
      figures = gateFigures(await scrape(service));
    }
    expect(figures.memoryFraction).toBeGreaterThan(GATES.memoryFraction);
    expect(sumOf(await scrape(service), 'dhash_memory_limit_bytes')).toBe(320 * MiB);
  });

  it('fault-http-5xx answers its share of API requests with 500', async () => {
    const service = await start('fault-http-5xx');
    const statuses = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await post(`${service.url}/api/dhash`, knownPng(i), 'image/png')).status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(4);
    expect(gateFigures(await scrape(service)).errorRate).toBeGreaterThan(GATES.errorRate);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it('finishes in-flight requests on SIGTERM and exits 0', async () => {
    const service = await start('fault-hash-delay');
    const inFlight = post(`${service.url}/api/dhash`, knownPng(1), 'image/png');
    // The delay is at least 2.5 s: a second after sending, the request is inside the service.
    await new Promise((r) => setTimeout(r, 1000));
    const exit = service.stop();
    expect((await inFlight).status).toBe(200);
    expect(await exit).toBe(0);
  });

  it('reports a missing migration when not auto-migrating, and runs 1.0.0 on a schema 2 database (rollback)', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'dhash-rollback-')), 'dhash.sqlite');
    const unmigrated = await start('2.0.0', { DHASH_AUTO_MIGRATE: '0', DHASH_DB_PATH: dbPath });
    const failing = await fetch(`${unmigrated.url}/health`);
    expect(failing.status).toBe(503);
    expect(((await failing.json()) as any).status).toBe('fail');
    expect(await unmigrated.stop()).toBe(0);
    const v2 = await start('2.0.0', { DHASH_DB_PATH: dbPath });
    expect(((await (await fetch(`${v2.url}/health`)).json()) as any).checks.schema_version).toBe(2);
    expect(await v2.stop()).toBe(0);
    const v1 = await start('1.0.0', { DHASH_DB_PATH: dbPath });
    const health = await fetch(`${v1.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      version: '1.0.0',
      checks: { schema_version: 2, migrations: { required_version: 1 } },
    });
    expect((await post(`${v1.url}/api/dhash`, knownPng(3), 'image/png')).status).toBe(200);
  });
});
