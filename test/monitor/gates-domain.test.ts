import { describe, expect, test } from '@jest/globals';
import { AlertTracker } from '../../src/domain/alerts/alert-tracker.js';
import { evaluateMeasurement } from '../../src/domain/gates/evaluate.js';
import { HealthTracker } from '../../src/domain/gates/health.js';
import type { GateEvaluation, GateRule } from '../../src/domain/gates/types.js';
import { isGateDue, pollOffsets } from '../../src/domain/schedule/poll-schedule.js';

const p95: GateRule = {
  gate: 'p95_hash_time',
  threshold: 2000,
  unit: 'ms',
  actions: ['alert', 'auto_rollback'],
  windowMs: 900_000,
  minSamples: 50,
  noData: 'inconclusive',
};
const memory: GateRule = {
  gate: 'memory_usage',
  threshold: 85,
  unit: '%',
  actions: ['alert'],
  noData: 'inconclusive',
};
const m = (value: number | null, samples: number | null = 100) => ({
  gate: p95.gate,
  at: 0,
  value,
  samples,
  source: 'q',
});

describe('gate verdicts', () => {
  test('pass, fail (rollback gate), warn (alert-only gate), strictly greater than the threshold', () => {
    expect(evaluateMeasurement(p95, m(2000)).verdict).toBe('pass');
    expect(evaluateMeasurement(p95, m(2000.1)).verdict).toBe('fail');
    expect(evaluateMeasurement(memory, { ...m(90), gate: 'memory_usage' }).verdict).toBe('warn');
  });

  test('below min_sample_size: inconclusive, never failed, whatever the value', () => {
    const e = evaluateMeasurement(p95, m(9000, 49));
    expect(e.verdict).toBe('inconclusive');
    expect(e.reason).toMatch(/only 49 samples \(need 50\)/);
  });

  test('no data follows the per-gate policy', () => {
    const none = { ...m(null), error: 'connection refused' };
    expect(evaluateMeasurement(p95, none).verdict).toBe('inconclusive');
    expect(evaluateMeasurement({ ...p95, noData: 'pass' }, none).verdict).toBe('pass');
    expect(evaluateMeasurement({ ...p95, noData: 'fail' }, none).verdict).toBe('fail');
    expect(evaluateMeasurement({ ...p95, noData: 'fail' }, none).reason).toMatch(/connection refused/);
  });
});

describe('health: consecutive failures', () => {
  const rule: GateRule = {
    gate: 'health',
    threshold: 2,
    unit: 'failed checks',
    actions: ['alert', 'auto_rollback'],
    noData: 'fail',
  };
  const check = (ok: boolean, at = 0) => ({ at, ok, detail: ok ? 'ok' : 'HTTP 503', attempts: ok ? 1 : 2 });
  test('breach only after more than consecutive_failures failed checks; a pass resets', () => {
    const h = new HealthTracker(rule);
    expect(
      [false, false, true, false, false, false].map((ok) => h.record(check(ok), 'GET /health').verdict),
    ).toEqual(['inconclusive', 'inconclusive', 'pass', 'inconclusive', 'inconclusive', 'fail']);
  });
});

describe('alert state machine', () => {
  const ev = (verdict: GateEvaluation['verdict'], at: number): GateEvaluation => ({
    gate: 'error_rate',
    at,
    verdict,
    value: 5,
    threshold: 3,
    unit: '%',
    samples: 100,
    reason: 'r',
    source: 's',
  });
  test('alert on entering breach, nothing while it lasts or is inconclusive, reminders per level, resolved on recovery', () => {
    const t = new AlertTracker({
      enabled: true,
      levels: [
        { after_minutes: 30, mention: '@leads' },
        { after_minutes: 15, mention: '@oncall' },
      ],
    });
    const kinds: string[] = [];
    const step = (verdict: GateEvaluation['verdict'], min: number) => {
      kinds.push(...t.observe(ev(verdict, min * 60_000)).map((e) => e.kind));
      kinds.push(
        ...t.escalations(min * 60_000).map((e) => `${e.kind}:${e.kind === 'escalation' ? e.mention : ''}`),
      );
    };
    step('pass', 0);
    step('warn', 1);
    for (let min = 2; min <= 40; min += 2) step(min === 20 ? 'inconclusive' : 'warn', min);
    step('pass', 42);
    step('pass', 44);
    step('fail', 46);
    expect(kinds).toEqual(['alert', 'escalation:@oncall', 'escalation:@leads', 'resolved', 'alert']);
  });
});

describe('schedule', () => {
  test('production: 30 s for 5 min, then 120 s, and a final poll at 60 min', () => {
    const o = pollOffsets({
      windowMs: 3600_000,
      initialMs: 300_000,
      initialIntervalMs: 30_000,
      normalIntervalMs: 120_000,
    }).map((x) => x / 1000);
    expect(o.slice(0, 11)).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300]);
    expect(o.slice(11, 13)).toEqual([420, 540]);
    expect(o.at(-2)).toBe(3540);
    expect(o.at(-1)).toBe(3600);
    expect(o).toHaveLength(39);
  });
  test('an initial interval that does not divide the phase still ends it on time', () => {
    expect(
      pollOffsets({
        windowMs: 100_000,
        initialMs: 50_000,
        initialIntervalMs: 20_000,
        normalIntervalMs: 30_000,
      }).map((x) => x / 1000),
    ).toEqual([0, 20, 40, 50, 80, 100]);
  });
  test('per-gate check interval', () => {
    expect(isGateDue(undefined, 0, 1)).toBe(true);
    expect(isGateDue(300_000, undefined, 0)).toBe(true);
    expect(isGateDue(300_000, 0, 240_000)).toBe(false);
    expect(isGateDue(300_000, 0, 300_000)).toBe(true);
  });
});

describe('significance of a ratio breach', () => {
  const rate: GateRule = {
    gate: 'extraction_failure_rate',
    threshold: 5,
    unit: '%',
    actions: ['alert', 'auto_rollback'],
    windowMs: 600_000,
    minSamples: 20,
    noData: 'inconclusive',
  };
  const at = (failed: number, n: number) =>
    evaluateMeasurement(rate, { gate: rate.gate, at: 0, value: (100 * failed) / n, samples: n, source: 'q' });
  test('a small-sample fluctuation above the threshold is inconclusive; a clear breach fails', () => {
    const luck = at(6, 78); // 7.7 %: seen by chance with a 1 % failure rate
    expect(luck.verdict).toBe('inconclusive');
    expect(luck.reason).toMatch(/7\.69% > 5% on 78 samples, not yet significant \(90% lower bound 4\.\d+%\)/);
    expect(at(15, 205).verdict).toBe('fail');
    expect(at(30, 100).verdict).toBe('fail');
    expect(at(5, 100).verdict).toBe('pass');
  });
  test('Wilson lower bound', async () => {
    const { wilsonLowerBound } = await import('../../src/domain/gates/significance.js');
    expect(wilsonLowerBound(0.5, 100, 1.96)).toBeCloseTo(0.4038, 4);
    expect(wilsonLowerBound(0, 10)).toBeCloseTo(0, 12);
  });
});
