import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/run.js';
import { RealClock } from '../../src/runtime/clock.js';
import { startDhashLikeServer } from './helpers/dhash-like-server.js';
import { recordingCore } from '../helpers/action-core.js';

describe('action: command smoke', () => {
  test('a healthy service: result passed, exit-code 0, a checks table in the job summary', async () => {
    const server = await startDhashLikeServer();
    const workspace = mkdtempSync(join(tmpdir(), 'dhash-action-smoke-'));
    try {
      const rec = recordingCore({
        command: 'smoke',
        'latency-limit-ms': '600000',
        environment: 'staging',
        'base-url': server.url,
        'working-directory': workspace,
        'log-dir': 'logs',
      });
      await runAction(rec.core, { GITHUB_STEP_SUMMARY: join(workspace, 'summary') }, new RealClock());
      expect(rec.failed()).toBeUndefined();
      expect(rec.outputs).toMatchObject({
        result: 'passed',
        environment: 'staging',
        'failed-checks': '',
        'exit-code': '0',
      });
      expect(rec.outputs['report-path'].startsWith(join(workspace, 'logs'))).toBe(true);
      expect(rec.outputs['report-path']).toMatch(/smoke_tests_staging_\d{8}_\d{6}_[0-9a-f]{6}\.log$/);
      expect(rec.summary()).toContain('## dhash-rollout smoke: passed for `staging`');
      expect(rec.summary()).toContain('| check | result | critical | time | detail |');
      expect(rec.summary()).toMatch(
        /\| hash \| ✅ pass \| yes \| \d+ ms \| hash 24d99a66653335c9 matches the sample \|/,
      );
    } finally {
      await server.close();
    }
  });

  test('an open admin route: result failed, an error annotation, setFailed, quick input honoured when declared', async () => {
    const server = await startDhashLikeServer({ adminOpen: true, wrongHash: true });
    const workspace = mkdtempSync(join(tmpdir(), 'dhash-action-smoke-'));
    try {
      const rec = recordingCore({
        command: 'smoke',
        'latency-limit-ms': '600000',
        environment: 'staging',
        'base-url': server.url,
        'working-directory': workspace,
      });
      await runAction(rec.core, {}, new RealClock());
      expect(rec.outputs.result).toBe('failed');
      expect(rec.outputs['failed-checks']).toBe('hash,admin_protected');
      expect(rec.outputs['exit-code']).toBe('1');
      expect(rec.failed()).toMatch(/^smoke tests failed: 5\/7 smoke checks passed; failed: hash/);
      expect(rec.annotations).toContainEqual({
        kind: 'error',
        message: 'hash: hash ffffffffffffffff, expected 24d99a66653335c9',
        title: 'dhash smoke check failed (critical)',
      });

      const quick = recordingCore({
        command: 'smoke',
        environment: 'staging',
        'base-url': server.url,
        'working-directory': workspace,
        quick: 'true',
      });
      await runAction(quick.core, {}, new RealClock());
      expect(quick.outputs['failed-checks']).toBe('hash');
    } finally {
      await server.close();
    }
  });
});

describe('action: command validate-logging', () => {
  const good = JSON.stringify({ timestamp: '2026-01-02T03:04:05.000Z', level: 'INFO', message: 'ok' });

  test('writes the report beside the logs, annotates findings, fails on errors', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'dhash-action-vlog-'));
    const dir = join(workspace, 'monitor_logs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'dhash_production_20260102_030405.log'), `${good}\n{"torn\n`);
    const rec = recordingCore({
      command: 'validate-logging',
      environment: 'production',
      'working-directory': workspace,
    });
    await runAction(rec.core, { GITHUB_STEP_SUMMARY: join(workspace, 'summary') }, new RealClock());
    expect(rec.outputs).toMatchObject({ result: 'errors', 'exit-code': '1' });
    const report = JSON.parse(readFileSync(rec.outputs['report-path'], 'utf8'));
    expect(report.counts).toEqual({ errors: 1, warnings: 0 });
    expect(rec.outputs['report-path']).toMatch(/logging_validation_production_\d{8}_\d{6}\.json$/);
    expect(rec.annotations[0]).toMatchObject({ kind: 'error', title: 'dhash logging: json_lines' });
    expect(rec.summary()).toContain('| dhash_production_20260102_030405.log | monitor | 2 | 1 |');
    expect(rec.failed()).toBe('logging validation failed: 1 errors, 0 warnings');
  });

  test('strict input turns warnings into a failure', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'dhash-action-vlog-'));
    const dir = join(workspace, 'monitor_logs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'dhash_production_20260102_030405.log'), good); // no trailing newline: a warning
    const lenient = recordingCore({
      command: 'validate-logging',
      environment: 'production',
      'working-directory': workspace,
    });
    await runAction(lenient.core, {}, new RealClock());
    expect(lenient.outputs).toMatchObject({ result: 'warnings', 'exit-code': '0' });
    const strict = recordingCore({
      command: 'validate-logging',
      environment: 'production',
      'working-directory': workspace,
      strict: 'true',
    });
    await runAction(strict.core, {}, new RealClock());
    expect(strict.outputs).toMatchObject({ result: 'warnings', 'exit-code': '1' });
    expect(strict.failed()).toContain('(strict)');
  });
});
