import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import { loadConfig } from '../../src/config/load.js';
import { RealClock } from '../../src/runtime/clock.js';
import { nullLogger } from '../../src/runtime/logger.js';
import { createValidatorFor } from '../../src/wiring/index.js';
import { captureIo } from '../helpers/cli-io.js';
import {
  startDhashLikeServer,
  type DhashLikeServer,
  type Misbehaviour,
} from './helpers/dhash-like-server.js';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  cwd: string;
}

async function smoke(server: DhashLikeServer | string, extra: string[] = []): Promise<Ran> {
  const cwd = mkdtempSync(join(tmpdir(), 'dhash-smoke-'));
  const io = captureIo(cwd);
  const url = typeof server === 'string' ? server : server.url;
  // A generous latency limit unless a test sets its own (the last flag wins): this machine is
  // shared, and a latency verdict must not depend on its load.
  const code = await runCli(
    ['smoke', '--env', 'staging', '--endpoint', url, '--latency-limit-ms', '600000', ...extra],
    io,
  );
  return { code, stdout: io.out(), stderr: io.err(), cwd };
}

async function smokeJson(bad: Misbehaviour, extra: string[] = []) {
  const server = await startDhashLikeServer(bad);
  try {
    const ran = await smoke(server, ['--json', ...extra]);
    const result = JSON.parse(ran.stdout) as {
      result: string;
      checks: Array<{ id: string; status: string; detail: string; critical: boolean }>;
      logPath: string;
    };
    const status = Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
    const detail = Object.fromEntries(result.checks.map((c) => [c.id, c.detail]));
    return { ran, result, status, detail, server };
  } finally {
    await server.close();
  }
}

describe('dhash-rollout smoke against loopback services', () => {
  test('a healthy service passes every check; the table and log say so', async () => {
    const server = await startDhashLikeServer();
    try {
      const ran = await smoke(server);
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain(`Smoke tests for "staging" at ${server.url}:`);
      for (const id of [
        'health',
        'metrics',
        'hash',
        'queue_status',
        'invalid_payload',
        'admin_protected',
        'health_latency',
      ]) {
        expect(ran.stdout).toMatch(new RegExp(`^PASS .*\\b${id}\\b`, 'm'));
      }
      expect(ran.stdout).toContain('PASSED: 7 passed, 0 warned, 0 failed');
      expect(server.requests).toEqual([
        'GET /health',
        'GET /metrics',
        'POST /api/dhash',
        'GET /api/dhash/queue/status',
        'POST /api/dhash',
        'GET /admin',
      ]);
      const logs = readdirSync(join(ran.cwd, 'monitor_logs'));
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/^smoke_tests_staging_\d{8}_\d{6}_[0-9a-f]{6}\.log$/);
      const records = readFileSync(join(ran.cwd, 'monitor_logs', logs[0]), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(records).toHaveLength(9);
      for (const r of records) {
        expect(new Date(r.timestamp).toISOString()).toBe(r.timestamp);
        expect(r.environment).toBe('staging');
      }
      expect(records.at(-1)).toMatchObject({ level: 'INFO', result: 'passed', passed: 7, failed: 0 });
      expect(records.find((r) => r.check === 'hash').message).toBe(
        'Smoke check hash: PASS - hash 24d99a66653335c9 matches the sample',
      );
    } finally {
      await server.close();
    }
  });

  test('a wrong hash is a critical failure: exit 1', async () => {
    const { ran, result, status, detail } = await smokeJson({ wrongHash: true });
    expect(ran.code).toBe(1);
    expect(result.result).toBe('failed');
    expect(status.hash).toBe('fail');
    expect(detail.hash).toBe('hash ffffffffffffffff, expected 24d99a66653335c9');
    expect(status.health).toBe('pass');
    expect(result.checks.find((c) => c.id === 'hash')!.critical).toBe(true);
  });

  test('a non-JSON health answer fails health even with HTTP 200', async () => {
    const { ran, status, detail } = await smokeJson({ healthNotJson: true });
    expect(ran.code).toBe(1);
    expect(status.health).toBe('fail');
    expect(detail.health).toContain('body is not JSON');
  });

  test('health status "degraded" fails', async () => {
    const { ran, detail } = await smokeJson({ healthStatus: 'degraded' });
    expect(ran.code).toBe(1);
    expect(detail.health).toBe('status is "degraded", expected "ok"');
  });

  test('metrics missing a family name the family', async () => {
    const { ran, status, detail } = await smokeJson({ omitFamily: 'dhash_low_confidence_queue_length' });
    expect(ran.code).toBe(1);
    expect(status.metrics).toBe('fail');
    expect(detail.metrics).toBe('missing family: dhash_low_confidence_queue_length');
  });

  test('an HTML page on /metrics does not parse', async () => {
    const { status, detail } = await smokeJson({ metricsGarbage: true });
    expect(status.metrics).toBe('fail');
    expect(detail.metrics).toMatch(/^not Prometheus text: metrics text line 1: expected a metric name/);
  });

  test('an open admin route fails the run (exit 1) though every critical check passed', async () => {
    const { ran, result, status, detail } = await smokeJson({ adminOpen: true });
    expect(ran.code).toBe(1);
    expect(status.admin_protected).toBe('fail');
    expect(detail.admin_protected).toBe('HTTP 200: the admin route is open without credentials');
    expect(result.checks.filter((c) => c.status === 'fail').every((c) => !c.critical)).toBe(true);
  });

  test('403 and 404 on the admin route are fine', async () => {
    expect((await smokeJson({ adminStatus: 403 })).status.admin_protected).toBe('pass');
    expect((await smokeJson({ adminStatus: 404 })).status.admin_protected).toBe('pass');
  });

  test('an accepted or crashing invalid payload fails', async () => {
    expect((await smokeJson({ acceptInvalid: true })).detail.invalid_payload).toBe(
      'HTTP 200: an invalid payload was accepted',
    );
    const crashed = await smokeJson({ crashOnInvalid: true });
    expect(crashed.ran.code).toBe(1);
    expect(crashed.detail.invalid_payload).toBe(
      'HTTP 500: the service errored instead of rejecting the payload',
    );
  });

  test('a queue status with a string queue_length fails the shape check', async () => {
    expect((await smokeJson({ queueLengthAsString: true })).detail.queue_status).toBe(
      'queue_length is "3", expected a number of at least 0',
    );
  });

  test('slow health warns against the latency limit and does not fail the run', async () => {
    const { ran, result, status, detail } = await smokeJson({ healthDelayMs: 300 }, [
      '--latency-limit-ms',
      '100',
    ]);
    expect(ran.code).toBe(0);
    expect(result.result).toBe('warned');
    expect(status.health).toBe('pass');
    expect(status.health_latency).toBe('warn');
    expect(detail.health_latency).toMatch(/^\d+ ms, above the 100 ms limit$/);
  });

  test('health that never answers times out at --timeout', async () => {
    const { ran, status, detail } = await smokeJson({ healthHangs: true }, ['--timeout', '0.5']);
    expect(ran.code).toBe(1);
    expect(status.health).toBe('fail');
    expect(detail.health).toMatch(/^timeout: request to http:\/\/127\.0\.0\.1:\d+ timed out after 500 ms$/);
    expect(status.metrics).toBe('pass');
  });

  test('--quick runs only health, metrics and hash', async () => {
    const server = await startDhashLikeServer({ adminOpen: true });
    try {
      const ran = await smoke(server, ['--quick', '--json']);
      expect(ran.code).toBe(0);
      expect(JSON.parse(ran.stdout).checks.map((c: { id: string }) => c.id)).toEqual([
        'health',
        'metrics',
        'hash',
      ]);
      expect(server.requests).toEqual(['GET /health', 'GET /metrics', 'POST /api/dhash']);
    } finally {
      await server.close();
    }
  });

  test('nothing listening: every check fails with the connection error, exit 1', async () => {
    const server = await startDhashLikeServer();
    const url = server.url;
    await server.close();
    const ran = await smoke(url, ['--json']);
    expect(ran.code).toBe(1);
    const checks = JSON.parse(ran.stdout).checks as Array<{ status: string; detail: string }>;
    expect(checks.every((c) => c.status === 'fail' && c.detail.includes('ECONNREFUSED'))).toBe(true);
  });

  test.each([
    [['--timeout', 'soon'], 'timeout: expected a number'],
    [['--latency-limit-ms', '0'], 'latency-limit-ms: expected a number greater than 0'],
    [['--endpoint', 'ftp://example.com'], '--endpoint: expected an http(s) URL'],
    [['--env', 'qa'], 'environment: unknown environment "qa"'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('bad flags %j exit 2', async (flags, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'dhash-smoke-'));
    const io = captureIo(cwd);
    const code = await runCli(['smoke', '--endpoint', 'http://127.0.0.1:9', ...flags], io);
    expect(code).toBe(2);
    expect(io.err()).toContain(message);
    expect(() => readdirSync(join(cwd, 'monitor_logs'))).toThrow();
  });

  test('--help documents the checks and exit codes', async () => {
    const io = captureIo(tmpdir());
    expect(await runCli(['smoke', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--quick');
    expect(io.out()).toContain('Exit codes: 0 all checks passed');
  });
});

describe('createValidatorFor (the ServiceValidator deploy, rollback and monitor use)', () => {
  const validatorAt = (url: string) =>
    createValidatorFor(loadConfig({ envName: 'staging', baseUrl: url, environment: {} }), {
      clock: new RealClock(),
      logger: nullLogger,
      cwd: tmpdir(),
      env: {},
      interactive: false,
      logDir: tmpdir(),
    });

  test('ok with a one-line detail on a healthy service; quick asks only the critical endpoints', async () => {
    const server = await startDhashLikeServer();
    try {
      expect(await validatorAt(server.url).validate({ quick: true })).toEqual({
        ok: true,
        detail: '3/3 smoke checks passed',
      });
      expect(server.requests).toEqual(['GET /health', 'GET /metrics', 'POST /api/dhash']);
      // The validator's latency limit is fixed at 1000 ms; on a loaded machine health may warn, never fail.
      const full = await validatorAt(server.url).validate();
      expect(full.ok).toBe(true);
      expect(full.detail).toMatch(
        /^7\/7 smoke checks passed$|^6\/7 smoke checks passed; warnings: health_latency \(\d+ ms, above the 1000 ms limit\)$/,
      );
    } finally {
      await server.close();
    }
  });

  test('not ok, naming the failed check, when the release hashes wrongly', async () => {
    const server = await startDhashLikeServer({ wrongHash: true });
    try {
      const result = await validatorAt(server.url).validate({ quick: true });
      expect(result.ok).toBe(false);
      expect(result.detail).toBe(
        '2/3 smoke checks passed; failed: hash (hash ffffffffffffffff, expected 24d99a66653335c9)',
      );
    } finally {
      await server.close();
    }
  });

  test('a cancelled validation stops', async () => {
    const server = await startDhashLikeServer({ healthHangs: true });
    try {
      const controller = new AbortController();
      const pending = validatorAt(server.url).validate({ signal: controller.signal });
      setTimeout(() => {
        controller.abort(new Error('rollout cancelled'));
      }, 50);
      await expect(pending).rejects.toThrow('rollout cancelled');
    } finally {
      await server.close();
    }
  });
});
