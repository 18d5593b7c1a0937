import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runMonitor } from '../../src/commands/monitor.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { testConfig } from './helpers/config.js';
import {
  RecordingNotifier,
  RecordingRollbackRunner,
  RecordingValidator,
  portsOf,
} from './helpers/doubles.js';
import { TestService, type Phase } from './helpers/test-service.js';
import { expectReplays } from './helpers/replay.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

async function watch(
  phases: Phase[],
  options: {
    edit?: (env: Record<string, any>) => void;
    runner?: { takesMs?: number; ok?: boolean };
    validatorOk?: boolean;
  } = {},
) {
  const clock = new VirtualClock();
  const service = await new TestService(clock).start();
  services.push(service);
  service.phases = [{ fromMs: 0 }, ...phases];
  const { config, dir } = testConfig('production', service.url, options.edit);
  const notifier = new RecordingNotifier(clock);
  const runner = new RecordingRollbackRunner(clock, options.runner);
  const validator = new RecordingValidator(
    options.validatorOk === false ? { ok: false, detail: 'smoke check /api/dhash/hash failed' } : undefined,
  );
  const started = clock.now();
  const result = await runMonitor(
    { config, logDir: join(dir, 'monitor_logs'), deploymentId: 'dep-test' },
    { metrics: metricSources(), clock, ports: portsOf(notifier, runner, validator) },
  );
  const evidence = JSON.parse(readFileSync(result.evidencePath!, 'utf8')) as MonitorEvidence;
  expectReplays(result.evidencePath!);
  const decision = (kind: string) => evidence.decisions.find((d) => d.kind === kind);
  return {
    result,
    evidence,
    notifier,
    runner,
    validator,
    service,
    started,
    clock,
    decision,
    log: readFileSync(result.logPath, 'utf8'),
  };
}

describe('monitor over a full production window (virtual clock, real loopback service)', () => {
  test('a healthy service passes; polls land exactly at 30 s for 5 min, then every 120 s', async () => {
    const { result, evidence, notifier, runner, log, started, clock } = await watch([]);
    expect(result.result).toBe('passed');
    expect(result.exitCode).toBe(0);
    const offsets = evidence.polls.map((p) => (Date.parse(p) - started) / 1000);
    const expected = [0, 30, 60, 90, 120, 150, 180, 210, 240, 270];
    for (let t = 300; t < 3600; t += 120) expected.push(t);
    expected.push(3600);
    expect(offsets).toEqual(expected);
    expect(clock.now() - started).toBe(3600_000);
    // Health between polls every confirm interval (10 s): 0..3600 inclusive.
    const health = evidence.measurements.filter((m) => m.gate === 'health');
    expect(health).toHaveLength(361);
    expect(health.every((h) => h.verdict === 'pass')).toBe(true);
    // Windowed gates judged on real counter increases once enough samples are in.
    const last = new Map(result.gates.map((g) => [g.gate, g]));
    expect(last.get('extraction_failure_rate')!.verdict).toBe('pass');
    expect(last.get('extraction_failure_rate')!.value).toBeCloseTo(1, 0); // the service fails 1 %
    expect(last.get('p95_hash_time')!.verdict).toBe('pass');
    expect(last.get('p95_hash_time')!.value!).toBeGreaterThan(100);
    expect(last.get('p95_hash_time')!.value!).toBeLessThan(500);
    expect(last.get('memory_usage')!.value).toBeCloseTo(40, 5);
    expect(last.get('low_confidence_queue')!.value).toBe(12);
    // The first poll has a single scrape: windowed gates say so instead of guessing.
    const first = evidence.measurements.find((m) => m.gate === 'p95_hash_time')!;
    expect(first.verdict).toBe('inconclusive');
    expect(notifier.sent).toHaveLength(0);
    expect(runner.requests).toHaveLength(0);
    expect(log).toMatch(/"message":"Quality gate extraction_failure_rate: pass"/);
    expect(log).toMatch(/"message":"Monitoring finished: passed"/);
    const html = readFileSync(result.reportPath!, 'utf8');
    expect(html.match(/<svg class="chart /g)).toHaveLength(6); // one chart per gate
    expect(html).not.toMatch(/<script|(src|href)=["']https?:|<link /); // self-contained
  });

  test.each([
    ['initial (30 s) phase', 100_000],
    ['normal (120 s) phase', 1_000_000],
  ])(
    'hard down in the %s is rolled back within (consecutive_failures + 1) × 10 s',
    async (_phase, downAt) => {
      const { result, notifier, runner, validator, decision, started } = await watch([
        { fromMs: downAt, down: true },
      ]);
      expect(result.result).toBe('rolled_back');
      expect(result.exitCode).toBe(11);
      expect(result.failedGates).toEqual(['health']);
      const detectedAfter = Date.parse(decision('rollback')!.at) - started - downAt;
      expect(detectedAfter).toBeGreaterThanOrEqual(20_000);
      expect(detectedAfter).toBeLessThanOrEqual(30_000 + 2_000 /* one retry per check */);
      // Steps in order: critical notification, rollback to the planned backup, validation, outcome.
      expect(notifier.events()).toEqual(['rollback_start', 'rollback_success']);
      expect(notifier.sent[0].message.level).toBe('critical');
      expect(runner.requests).toHaveLength(1);
      expect(runner.requests[0].request).toMatchObject({
        environment: 'production',
        backup: 'backups/dhash_production_20260101_000000.zip',
        deploymentId: 'dep-test',
        skipValidation: true,
      });
      expect(validator.calls).toBe(1);
      expect(result.rollback).toMatchObject({ ok: true, validation: { ok: true } });
    },
  );

  test('a single blip, and even two failed checks in a row, never roll back', async () => {
    const { result, evidence, notifier } = await watch([
      { fromMs: 600_000, down: true },
      { fromMs: 601_500 }, // down for 1.5 s: one failed check
      { fromMs: 1_800_000, down: true },
      { fromMs: 1_815_000 }, // down for 15 s: two failed checks
    ]);
    expect(result.result).toBe('passed');
    const failed = evidence.measurements.filter((m) => m.gate === 'health' && m.verdict !== 'pass');
    expect(failed.map((f) => f.value)).toEqual([1, 1, 2]);
    expect(failed.every((f) => f.verdict === 'inconclusive')).toBe(true);
    expect(notifier.sent).toHaveLength(0);
  });

  test('a P95 regression fails its gate and rolls back; an extraction spike too', async () => {
    const p95 = await watch([{ fromMs: 600_000, hashSeconds: 3.5 }]);
    expect(p95.result.result).toBe('rolled_back');
    expect(p95.result.failedGates).toEqual(['p95_hash_time']);
    expect(p95.result.gates.find((g) => g.gate === 'p95_hash_time')!.value!).toBeGreaterThan(2000);

    const spike = await watch([{ fromMs: 900_000, failureRate: 0.3 }]);
    expect(spike.result.result).toBe('rolled_back');
    expect(spike.result.failedGates).toEqual(['extraction_failure_rate']);
  });

  test('with confirmation_required the exact rollback command is sent and printed, and nothing is rolled back', async () => {
    const { result, notifier, runner } = await watch([{ fromMs: 400_000, down: true }], {
      edit: (env) => {
        env.auto_rollback.confirmation_required = true;
      },
    });
    expect(result.result).toBe('alerted');
    expect(result.exitCode).toBe(10);
    expect(runner.requests).toHaveLength(0);
    expect(result.rollbackCommand).toBe(
      'dhash-rollout rollback --env production --backup backups/dhash_production_20260101_000000.zip',
    );
    const critical = notifier.sent.filter(
      (s) => s.message.level === 'critical' && s.message.event === 'monitoring_alert',
    );
    expect(critical).toHaveLength(1);
    expect(critical[0].message.text).toContain(result.rollbackCommand!);
  });

  test('an alert-only breach alerts once, escalates once per level, and resolves; never once per poll', async () => {
    const { result, notifier } = await watch([
      { fromMs: 600_000, http5xxRate: 0.2 },
      { fromMs: 1_800_000, http5xxRate: 0 },
    ]);
    expect(result.result).toBe('alerted');
    expect(result.exitCode).toBe(10);
    expect(result.failedGates).toEqual(['error_rate']);
    expect(notifier.events()).toEqual(['monitoring_alert', 'escalation', 'gate_resolved']);
    const [alert, escalation, resolved] = notifier.sent;
    expect(alert.message.level).toBe('warning');
    expect(escalation.message.mention).toBe('@dhash-oncall');
    expect(escalation.at - alert.at).toBeGreaterThanOrEqual(15 * 60_000);
    expect(resolved.at).toBeGreaterThan(1_800_000 + alert.at - 600_000 - 60_000);
  });

  test('a broken /metrics is never a pass: readings inconclusive, alerted within two polls, run inconclusive (exit 13)', async () => {
    const { result, evidence, notifier } = await watch([{ fromMs: 300_000, metricsFail: true }]);
    expect(result.result).toBe('inconclusive');
    expect(result.exitCode).toBe(13);
    const late = evidence.measurements.filter((m) => m.gate === 'p95_hash_time' && m.offset_seconds > 300);
    expect(late.length).toBeGreaterThan(10);
    expect(late.every((m) => m.verdict === 'inconclusive' && /HTTP 500/.test(m.reason))).toBe(true);
    // Polls at 300 s and 420 s fail: the outage is announced at the second one.
    const outage = evidence.decisions.find((d) => d.kind === 'metrics_unavailable')!;
    expect(outage.offset_seconds).toBeGreaterThanOrEqual(420);
    expect(outage.offset_seconds).toBeLessThan(421);
    expect(notifier.sent.map((s) => s.message.title)).toEqual([
      expect.stringMatching(/metrics unavailable/),
      expect.stringMatching(/monitoring INCONCLUSIVE/),
    ]);
    expect(result.failedGates).toEqual(
      expect.arrayContaining(['extraction_failure_rate', 'p95_hash_time', 'memory_usage', 'error_rate']),
    );
    expect(evidence.without_verdict.map((g) => g.gate)).not.toContain('low_confidence_queue');
  });

  test('a rollback that overruns rollback_timeout_minutes is aborted and reported as failed', async () => {
    const { result, notifier } = await watch([{ fromMs: 100_000, down: true }], {
      runner: { takesMs: 20 * 60_000 },
    });
    expect(result.result).toBe('rollback_failed');
    expect(result.exitCode).toBe(12);
    expect(result.rollback!.error).toMatch(/rollback_timeout_minutes \(10 min\)/);
    expect(result.rollback!.endedAt - result.rollback!.startedAt).toBe(10 * 60_000);
    expect(notifier.events()).toEqual(['rollback_start', 'rollback_failure']);
  });

  test('a rollback whose validation fails is a failed rollback', async () => {
    const { result, notifier } = await watch([{ fromMs: 100_000, down: true }], { validatorOk: false });
    expect(result.result).toBe('rollback_failed');
    expect(result.rollback!.error).toMatch(/validation failed: smoke check/);
    expect(notifier.sent.at(-1)!.message.event).toBe('rollback_failure');
  });

  test('evidence keeps every measurement with its source, threshold and reason', async () => {
    const { result, evidence } = await watch([{ fromMs: 1_000_000, hashSeconds: 3 }]);
    expect(existsSync(result.reportPath!)).toBe(true);
    const m = evidence.measurements.find((x) => x.gate === 'p95_hash_time' && x.verdict === 'fail')!;
    expect(m.source).toMatch(
      /histogram_quantile\(0\.95, sum by \(le\) \(increase\(dhash_hash_duration_seconds_bucket\[900s\]\)\)\)/,
    );
    expect(m.threshold).toBe(2000);
    expect(m.reason).toMatch(/ms > 2000 ms/);
    expect(evidence.decisions.map((d) => d.kind)).toContain('rollback');
  });
});
