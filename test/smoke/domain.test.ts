import { Counter, Histogram, Registry } from 'prom-client';
import {
  REQUIRED_METRIC_FAMILIES,
  checksFor,
  judgeAdmin,
  judgeHash,
  judgeHealth,
  judgeInvalidPayload,
  judgeLatency,
  judgeMetrics,
  judgeQueueStatus,
  type CheckOutcome,
  type Observation,
} from '../../src/domain/smoke/checks.js';
import { parseExposition } from '../../src/domain/metrics/exposition.js';
import { hasFamily } from '../../src/domain/smoke/families.js';
import { renderSmokeTable, smokeVerdict } from '../../src/domain/smoke/verdict.js';

const ok = (body: string, status = 200, elapsedMs = 5): Observation => ({
  kind: 'response',
  status,
  contentType: 'application/json',
  body,
  elapsedMs,
});
const down: Observation = {
  kind: 'error',
  error: 'connect: could not connect to http://127.0.0.1:1: ECONNREFUSED',
  elapsedMs: 1,
};

describe("metric families in an exposition (parsed by the monitor's parser)", () => {
  test('prom-client exposition: histograms count under their family name', async () => {
    const registry = new Registry();
    new Counter({
      name: 'dhash_extractions_total',
      help: 'x',
      labelNames: ['result'],
      registers: [registry],
    }).inc({ result: 'failure' }, 2);
    new Histogram({
      name: 'dhash_hash_duration_seconds',
      help: 'y',
      buckets: [0.1],
      registers: [registry],
    }).observe(0.05);
    const exposition = parseExposition(await registry.metrics());
    expect(hasFamily(exposition, 'dhash_extractions_total')).toBe(true);
    expect(hasFamily(exposition, 'dhash_hash_duration_seconds')).toBe(true);
    expect(hasFamily(exposition, 'dhash_low_confidence_queue_length')).toBe(false);
  });

  test('a family found only through its series (no TYPE line) counts', () => {
    const exposition = parseExposition('z_bucket{le="+Inf"} 3\nz_count 3\n');
    expect(hasFamily(exposition, 'z')).toBe(true);
    expect(hasFamily(exposition, 'z_bucket_x')).toBe(false);
  });

  test.each([
    ['<html>not metrics</html>', 'line 1'],
    ['ok 1\nbad{a="1} 2', 'line 2'],
    ['m{a="1" b="2"} 1', 'line 1'],
    ['m 1\nm twelve', 'line 2'],
  ])('judgeMetrics fails on unparsable text %j, naming the line', (text, where) => {
    const judgement = judgeMetrics(ok(text));
    expect(judgement.status).toBe('fail');
    expect(judgement.detail).toMatch(new RegExp(`^not Prometheus text: metrics text ${where}: `));
  });
});

describe('smoke judgements', () => {
  test('health: only 2xx JSON with status "ok" passes', () => {
    expect(judgeHealth(ok('{"status":"ok","version":"2.1.0"}'))).toEqual({
      status: 'pass',
      detail: 'status ok, version 2.1.0',
    });
    expect(judgeHealth(ok('{"status":"degraded"}'))).toEqual({
      status: 'fail',
      detail: 'status is "degraded", expected "ok"',
    });
    expect(judgeHealth(ok('<html>OK</html>')).detail).toBe('body is not JSON (starts "<html>OK</html>")');
    expect(judgeHealth(ok('["ok"]')).detail).toBe('body is JSON but not an object');
    expect(judgeHealth(ok('{"status":"ok"}', 503))).toEqual({
      status: 'fail',
      detail: 'HTTP 503, expected 2xx',
    });
    expect(judgeHealth(down)).toEqual({ status: 'fail', detail: down.error });
  });

  test('metrics: names the missing families', () => {
    const text = REQUIRED_METRIC_FAMILIES.filter(
      (f) => f !== 'dhash_memory_limit_bytes' && f !== 'dhash_http_requests_total',
    )
      .map((f) => `${f} 1`)
      .join('\n');
    expect(judgeMetrics(ok(text))).toEqual({
      status: 'fail',
      detail: 'missing families: dhash_http_requests_total, dhash_memory_limit_bytes',
    });
    expect(
      judgeMetrics(ok(`${text}\ndhash_http_requests_total{code="200"} 1\ndhash_memory_limit_bytes 1`)).status,
    ).toBe('pass');
    expect(judgeMetrics(ok('')).detail).toBe('no samples in the exposition');
    expect(judgeMetrics(ok('<html>')).detail).toMatch(/^not Prometheus text: metrics text line 1: /);
  });

  test('queue status: queue_length must be a non-negative number', () => {
    expect(judgeQueueStatus(ok('{"queue_length":0}'))).toEqual({ status: 'pass', detail: 'queue_length 0' });
    expect(judgeQueueStatus(ok('{"queue_length":"3"}')).detail).toBe(
      'queue_length is "3", expected a number of at least 0',
    );
    expect(judgeQueueStatus(ok('{"length":3}')).detail).toBe(
      'queue_length is null, expected a number of at least 0',
    );
    expect(judgeQueueStatus(ok('{"queue_length":-1}')).status).toBe('fail');
  });

  test('hash: compares hex case-insensitively and says what came back', () => {
    expect(judgeHash(ok('{"hash":"24D99A66653335C9"}'), '24d99a66653335c9').status).toBe('pass');
    expect(judgeHash(ok('{"hash":"ffffffffffffffff"}'), '24d99a66653335c9')).toEqual({
      status: 'fail',
      detail: 'hash ffffffffffffffff, expected 24d99a66653335c9',
    });
    expect(judgeHash(ok('{"result":"x"}'), 'ab').detail).toContain('no hash in the response');
    expect(judgeHash(ok('{"error":"bad"}', 422), 'ab').detail).toBe('HTTP 422, expected 2xx');
  });

  test('invalid payload: 4xx passes; 2xx and 5xx fail', () => {
    expect(judgeInvalidPayload(ok('{}', 422)).status).toBe('pass');
    expect(judgeInvalidPayload(ok('{}', 400)).status).toBe('pass');
    expect(judgeInvalidPayload(ok('{}', 200)).detail).toBe('HTTP 200: an invalid payload was accepted');
    expect(judgeInvalidPayload(ok('{}', 500)).detail).toContain('errored instead of rejecting');
  });

  test('admin: 401/403/404 and redirects pass; 2xx, 5xx and no answer fail', () => {
    for (const status of [401, 403, 404, 302]) expect(judgeAdmin(ok('', status)).status).toBe('pass');
    expect(judgeAdmin(ok('{}', 200)).detail).toBe('HTTP 200: the admin route is open without credentials');
    expect(judgeAdmin(ok('', 500)).status).toBe('fail');
    expect(judgeAdmin(down).status).toBe('fail');
  });

  test('latency: over the limit warns, within passes', () => {
    expect(judgeLatency(ok('{}', 200, 1500.4), 1000)).toEqual({
      status: 'warn',
      detail: '1500 ms, above the 1000 ms limit',
    });
    expect(judgeLatency(ok('{}', 200, 20), 1000)).toEqual({
      status: 'pass',
      detail: '20 ms (limit 1000 ms)',
    });
    expect(judgeLatency(down, 1000).status).toBe('fail');
  });

  test('quick mode is exactly the critical checks', () => {
    expect(checksFor(true).map((c) => c.id)).toEqual(['health', 'metrics', 'hash']);
    expect(checksFor(false)).toHaveLength(7);
  });
});

describe('smoke verdict and table', () => {
  const outcome = (
    id: CheckOutcome['id'],
    status: CheckOutcome['status'],
    critical = false,
  ): CheckOutcome => ({ id, title: id, critical, status, detail: `${id} ${status}` });

  test('a failed check fails the run; a critical one is flagged; a warning alone does not fail', () => {
    const failed = smokeVerdict([outcome('health', 'pass', true), outcome('admin_protected', 'fail')]);
    expect(failed).toMatchObject({ status: 'failed', criticalFailed: false, passed: 1, failed: 1 });
    expect(failed.summary).toBe('1/2 smoke checks passed; failed: admin_protected (admin_protected fail)');
    expect(smokeVerdict([outcome('hash', 'fail', true)]).criticalFailed).toBe(true);
    expect(smokeVerdict([outcome('health', 'pass', true), outcome('health_latency', 'warn')])).toMatchObject({
      status: 'warned',
      failed: 0,
    });
    expect(smokeVerdict([outcome('health', 'pass', true)]).status).toBe('passed');
  });

  test('the table has one aligned row per check', () => {
    const table = renderSmokeTable([
      { ...outcome('health', 'pass', true), elapsedMs: 12.3 },
      outcome('admin_protected', 'fail'),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^RESULT\s+LEVEL\s+CHECK\s+TIME\s+DETAIL$/);
    expect(lines[2]).toMatch(/^PASS\s+critical\s+health\s+12 ms\s+health pass$/);
    expect(lines[3]).toMatch(/^FAIL\s+admin_protected\s+admin_protected fail$/);
    expect(lines[3].indexOf('admin_protected')).toBe(lines[2].indexOf('health'));
  });
});
