import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { PrometheusSource } from '../../src/adapters/metrics/prometheus-source.js';
import { createMetricSource } from '../../src/adapters/metrics/create-source.js';
import { runMonitor } from '../../src/commands/monitor.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import { expectReplays } from './helpers/replay.js';
import { gateRules } from '../../src/domain/gates/rules.js';
import { evaluateMeasurement } from '../../src/domain/gates/evaluate.js';
import { histogramQuantile } from '../../src/domain/metrics/histogram-quantile.js';
import { promIncrease } from '../../src/domain/metrics/increase.js';
import { RealClock } from '../../src/runtime/clock.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { testConfig } from './helpers/config.js';
import {
  RecordingNotifier,
  RecordingRollbackRunner,
  RecordingValidator,
  portsOf,
} from './helpers/doubles.js';
import { PrometheusServer, prometheusTool } from './helpers/prometheus.js';
import { TestService } from './helpers/test-service.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

// A real Prometheus (Debian's package) scrapes two replicas of the test's own exporter; the
// source's default queries must aggregate them into one fleet-wide verdict per gate.
prometheusTool.describe('prometheus metric source against a real Prometheus server', () => {
  const clock = new RealClock();
  const replicas: TestService[] = [];
  const prometheus = new PrometheusServer();

  beforeAll(async () => {
    const healthy = new TestService(clock, 40);
    healthy.phases = [{ fromMs: 0, failureRate: 0, hashSeconds: 0.2 }];
    const broken = new TestService(clock, 40);
    broken.phases = [{ fromMs: 0, failureRate: 0.2, hashSeconds: 0.2, memoryFraction: 0.6 }];
    replicas.push(await healthy.start(), await broken.start());
    await prometheus.start(
      replicas.map((r) => r.url.replace('http://', '')),
      1,
    );
    // Three scrapes of both replicas, so increase() has points to work with.
    await prometheus.waitFor(
      'count(count_over_time(dhash_extractions_total{job="dhash",result="success"}[1m]) >= 3) == 2',
    );
  }, 60_000);

  afterAll(async () => {
    await prometheus.stop();
    await Promise.all(replicas.map((r) => r.stop()));
    await closeHttpAgents();
  });

  test('default queries aggregate across replicas: fleet failure share, worst memory, shared queue', async () => {
    const { config } = testConfig('production', replicas[0].url, (env) => {
      env.metrics_source = { type: 'prometheus', url: prometheus.url, selector: 'job="dhash"' };
      env.quality_gates.extraction_failure_rate.threshold.min_sample_size = 10;
      env.quality_gates.p95_hash_time.threshold.min_sample_size = 10;
    });
    const rules = gateRules(config.env.quality_gates).filter((r) => r.gate !== 'health');
    const source = createMetricSource(config.env, rules, clock);
    expect(source).toBeInstanceOf(PrometheusSource);
    const now = clock.now();
    const measured = await source.measure(rules, { now, startedAt: now - 10_000 });
    const by = new Map(measured.map((m) => [m.gate, m]));
    // Replica A fails 0 %, B 20 % at the same traffic: the fleet fails ~10 %.
    expect(by.get('extraction_failure_rate')!.value!).toBeGreaterThan(7);
    expect(by.get('extraction_failure_rate')!.value!).toBeLessThan(13);
    expect(by.get('extraction_failure_rate')!.samples!).toBeGreaterThan(10);
    expect(
      evaluateMeasurement(
        rules.find((r) => r.gate === 'extraction_failure_rate')!,
        by.get('extraction_failure_rate')!,
      ).verdict,
    ).toBe('fail');
    expect(by.get('memory_usage')!.value!).toBeCloseTo(60, 5);
    expect(by.get('low_confidence_queue')!.value).toBe(12);
    expect(by.get('error_rate')!.value).toBe(0);
    // Every observation is 0.12-0.28 s: the P95 must fall inside the (0.25, 0.5] bucket's range.
    expect(by.get('p95_hash_time')!.value!).toBeGreaterThan(100);
    expect(by.get('p95_hash_time')!.value!).toBeLessThanOrEqual(500);
    expect(by.get('p95_hash_time')!.source).toContain(
      'sum by (le) (increase(dhash_hash_duration_seconds_bucket{job="dhash"}[60s]))',
    );
  });

  test('our increase() and histogram_quantile() give the numbers Prometheus gives for the same samples', async () => {
    await prometheus.waitFor(
      'count(count_over_time(dhash_extractions_total{job="dhash",result="success"}[30s]) >= 3) == 2',
    );
    let at = Math.floor(Date.now() / 1000) - 1;
    const q = async (promql: string) => {
      const res = await fetch(
        `${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}&time=${at}`,
      );
      return (
        (await res.json()) as {
          data: {
            result: Array<{
              metric: Record<string, string>;
              value?: [number, string];
              values?: Array<[number, string]>;
            }>;
          };
        }
      ).data.result;
    };
    const sel = 'dhash_extractions_total{job="dhash",result="success"}';
    // Pick an evaluation time at which both replicas have at least two scrapes in the window
    // (Prometheus gives no increase() for a series with one); scrapes are real, so wait for them.
    let raw = await q(`${sel}[30s]`);
    for (
      let tries = 0;
      tries < 20 && !(raw.length === 2 && raw.every((r) => (r.values?.length ?? 0) >= 2));
      tries++
    ) {
      await new Promise((r) => setTimeout(r, 1_000));
      at = Math.floor(Date.now() / 1000) - 1;
      raw = await q(`${sel}[30s]`);
    }
    const theirs = await q(`increase(${sel}[30s])`);
    expect(raw.length).toBe(2);
    expect(theirs.length).toBe(2);
    for (const series of raw) {
      const points = series.values!.map(([t, v]) => ({ t: t * 1000, v: Number(v) }));
      const ours = promIncrease(points, (at - 30) * 1000, at * 1000);
      const match = theirs.find((t) => t.metric.instance === series.metric.instance)!;
      expect(ours).toBeCloseTo(Number(match.value![1]), 9);
    }
    const buckets = await q('sum by (le) (increase(dhash_hash_duration_seconds_bucket{job="dhash"}[30s]))');
    const quantile = await q(
      'histogram_quantile(0.95, sum by (le) (increase(dhash_hash_duration_seconds_bucket{job="dhash"}[30s])))',
    );
    const ours = histogramQuantile(
      0.95,
      buckets.map((b) => ({
        le: b.metric.le === '+Inf' ? Infinity : Number(b.metric.le),
        count: Number(b.value![1]),
      })),
    );
    expect(ours).toBeCloseTo(Number(quantile[0].value![1]), 9);
  });

  test('a per-gate override replaces the default query; empty results and bad queries are no data, not failures', async () => {
    const { config } = testConfig('production', replicas[0].url, (env) => {
      env.metrics_source = {
        type: 'prometheus',
        url: prometheus.url,
        selector: 'job="dhash"',
        queries: {
          low_confidence_queue: 'sum(dhash_low_confidence_queue_length{job="dhash"})',
          memory_usage: 'dhash_no_such_metric',
          error_rate: 'sum(rate(',
        },
      };
    });
    const rules = gateRules(config.env.quality_gates).filter((r) =>
      ['low_confidence_queue', 'memory_usage', 'error_rate'].includes(r.gate),
    );
    const source = createMetricSource(config.env, rules, clock);
    const now = clock.now();
    const by = new Map((await source.measure(rules, { now, startedAt: now })).map((m) => [m.gate, m]));
    expect(by.get('low_confidence_queue')!.value).toBe(24);
    expect(by.get('memory_usage')!.value).toBeNull();
    expect(by.get('memory_usage')!.error).toMatch(/no series/);
    expect(by.get('error_rate')!.error).toMatch(/^Prometheus: bad_data/);
    for (const m of by.values())
      if (m.value === null)
        expect(
          evaluateMeasurement(
            rules.find((r) => r.gate === m.gate)!,
            m,
          ).verdict,
        ).toBe('inconclusive');
  });

  test('a short real-time monitoring run through Prometheus ends in a rollback on the fleet failure share', async () => {
    const { config, dir } = testConfig('production', replicas[0].url, (env) => {
      env.metrics_source = { type: 'prometheus', url: prometheus.url, selector: 'job="dhash"' };
      env.monitoring = {
        window_minutes: 0.1,
        poll_intervals: { initial_minutes: 0, initial_interval_seconds: 1, normal_interval_seconds: 1 },
      };
      env.quality_gates.extraction_failure_rate.threshold.min_sample_size = 10;
      env.quality_gates.health.confirm_interval_seconds = 1;
      env.quality_gates.health.threshold.check_interval_seconds = 1;
    });
    const notifier = new RecordingNotifier(clock);
    const runner = new RecordingRollbackRunner(clock);
    const result = await runMonitor(
      { config, logDir: join(dir, 'monitor_logs'), deploymentId: 'prom-test' },
      { metrics: metricSources(), clock, ports: portsOf(notifier, runner, new RecordingValidator()) },
    );
    expect(result.result).toBe('rolled_back');
    expect(result.failedGates).toContain('extraction_failure_rate');
    expect(runner.requests).toHaveLength(1);
    // Every PromQL reading carries its query and evaluation time, and the evidence replays.
    const evidence = JSON.parse(readFileSync(result.evidencePath!, 'utf8')) as MonitorEvidence;
    const reading = evidence.measurements.find((m) => m.gate === 'extraction_failure_rate' && m.inputs)!;
    expect(reading.inputs).toMatchObject({ kind: 'promql', time: Date.parse(reading.measured_at) / 1000 });
    expectReplays(result.evidencePath!);
  }, 30_000);
});
