import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { ScrapeSource } from '../../src/adapters/metrics/scrape-source.js';
import { httpGet } from '../../src/adapters/metrics/http-get.js';
import { evaluateMeasurement } from '../../src/domain/gates/evaluate.js';
import type { GateRule } from '../../src/domain/gates/types.js';
import { parseExposition } from '../../src/domain/metrics/exposition.js';
import { GATE_FAMILIES } from '../../src/domain/metrics/metric-names.js';
import { SeriesHistory } from '../../src/domain/metrics/series-history.js';
import { RealClock } from '../../src/runtime/clock.js';
import { PrometheusServer, prometheusTool } from './helpers/prometheus.js';

/**
 * Malformed scrapes, judged as PromQL would and compared with what a real Prometheus stores for
 * the very same bytes: a series twice in one scrape keeps its FIRST sample (Prometheus rejects the
 * second as a duplicate for the same timestamp), and NaN / ±Inf samples are no data for a gate.
 */
const started = Date.now();
/** Counters move with wall time, so every scrape (ours and Prometheus's) sees them grow. */
function counters(): { success: number; failure: number } {
  const seconds = Math.floor((Date.now() - started) / 100);
  return { success: 1000 + 31 * seconds, failure: 31 + seconds };
}

const payloads: Partial<Record<string, () => string>> = {
  // The second copy of each series is lower: read in order, it would look like a counter reset.
  '/duplicate/metrics': () => {
    const c = counters();
    return [
      '# TYPE dhash_extractions_total counter',
      `dhash_extractions_total{result="success"} ${c.success}`,
      `dhash_extractions_total{result="failure"} ${c.failure}`,
      `dhash_extractions_total{result="success"} ${Math.floor(c.success / 2)}`,
      `dhash_extractions_total{result="failure"} ${Math.floor(c.failure / 2)}`,
      '',
    ].join('\n');
  },
  '/nan/metrics': () => {
    const c = counters();
    return [
      '# TYPE dhash_extractions_total counter',
      `dhash_extractions_total{result="success"} ${c.success}`,
      'dhash_extractions_total{result="failure"} NaN',
      '# TYPE process_resident_memory_bytes gauge',
      'process_resident_memory_bytes +Inf',
      '# TYPE dhash_memory_limit_bytes gauge',
      'dhash_memory_limit_bytes 536870912',
      '',
    ].join('\n');
  },
};

let server: Server;
let base = '';
const prometheus = new PrometheusServer();

prometheusTool.describe('bad scrapes: PromQL semantics, compared with a real Prometheus', () => {
  beforeAll(async () => {
    server = createServer((req, res) => {
      const payload = payloads[req.url ?? ''];
      if (!payload) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(payload());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const host = base.replace('http://', '');
    await prometheus.start([], 1, [
      { job: 'duplicate', path: '/duplicate/metrics', target: host },
      { job: 'nan', path: '/nan/metrics', target: host },
    ]);
    await prometheus.waitFor(
      'count(count_over_time(dhash_extractions_total{job="duplicate"}[1m]) >= 3)',
      40_000,
    );
    await prometheus.waitFor('count(count_over_time(dhash_extractions_total{job="nan"}[1m]) >= 3)', 40_000);
  }, 60_000);
  afterAll(async () => {
    await prometheus.stop();
    await new Promise((r) => server.close(r));
  });

  const source = (path: string): ScrapeSource =>
    new ScrapeSource({
      service: {
        base_url: base,
        health_path: '/health',
        metrics_path: path,
        queue_status_path: '/queue',
        admin_path: '/admin',
        request_timeout_seconds: 5,
        user_agent: 'dhash-rollout-test',
      },
      healthTimeoutMs: 1000,
      healthRetryDelayMs: 100,
      retainMs: 600_000,
      clock: new RealClock(),
      get: httpGet,
    });
  const ratioRule: GateRule = {
    gate: 'extraction_failure_rate',
    threshold: 5,
    unit: '%',
    actions: ['alert', 'auto_rollback'],
    windowMs: 60_000,
    minSamples: 1,
    noData: 'inconclusive',
  };

  prometheusTool.test(
    'a duplicate series keeps its first sample, as Prometheus stores it, and is reported',
    async () => {
      // What Prometheus kept for each series: it must be the first copy (the larger counter).
      const stored = await prometheus.query('dhash_extractions_total{job="duplicate"}');
      expect(stored.data.result).toHaveLength(2);
      const history = new SeriesHistory(60_000);
      const text = payloads['/duplicate/metrics']!();
      const duplicates = history.record(0, parseExposition(text, { families: GATE_FAMILIES }).samples);
      expect(duplicates).toEqual([
        'dhash_extractions_total{result="success"}',
        'dhash_extractions_total{result="failure"}',
      ]);
      for (const series of stored.data.result) {
        const ours = history.select('dhash_extractions_total', (l) => l.result === series.metric.result)[0];
        // Prometheus's sample and ours come from different scrapes; both are the first copy, so
        // both lie on the "first copy" line (1000 + 31 k for success, 31 + k for failure).
        const promValue = Number(series.value[1]);
        if (series.metric.result === 'success') {
          expect(promValue).toBeGreaterThanOrEqual(1000);
          expect((promValue - 1000) % 31).toBe(0);
        } else expect(promValue).toBeGreaterThanOrEqual(31);
        expect(ours.points[0].v).toBeGreaterThanOrEqual(series.metric.result === 'success' ? 1000 : 31);
      }
      // Prometheus's own rate over the window: no reset, the failure share stays ~3.1 %.
      const promRatio = await prometheus.query(
        '100 * sum(increase(dhash_extractions_total{job="duplicate",result="failure"}[30s])) / sum(increase(dhash_extractions_total{job="duplicate"}[30s]))',
      );
      const promShare = Number(promRatio.data.result[0].value[1]);
      expect(promShare).toBeGreaterThan(2.5);
      expect(promShare).toBeLessThan(3.5);

      // The scrape source, over two real scrapes: the same share, with the duplicates reported.
      const s = source('/duplicate/metrics');
      const t0 = Date.now();
      await s.measure([ratioRule], { now: t0, startedAt: t0 });
      await new Promise((r) => setTimeout(r, 1500));
      const [m] = await s.measure([ratioRule], { now: Date.now(), startedAt: t0 });
      expect(m.value).toBeGreaterThan(2.5);
      expect(m.value).toBeLessThan(3.5);
      expect(m.warnings?.[0]).toMatch(
        /2 duplicate series \(kept the first sample of each, as Prometheus does\)/,
      );
      expect(evaluateMeasurement(ratioRule, m).verdict).toBe('pass');
    },
  );

  prometheusTool.test(
    'NaN and +Inf samples are stored as such by Prometheus and are no data for the gates',
    async () => {
      const stored = await prometheus.query('dhash_extractions_total{job="nan",result="failure"}');
      expect(stored.data.result[0].value[1]).toBe('NaN');
      const rss = await prometheus.query('process_resident_memory_bytes{job="nan"}');
      expect(rss.data.result[0].value[1]).toBe('+Inf');
      // PromQL's own answer for the ratio is NaN: no value to judge.
      const promRatio = await prometheus.query(
        '100 * sum(increase(dhash_extractions_total{job="nan",result="failure"}[30s])) / sum(increase(dhash_extractions_total{job="nan"}[30s]))',
      );
      expect(promRatio.data.result[0].value[1]).toBe('NaN');

      const memoryRule: GateRule = {
        gate: 'memory_usage',
        threshold: 85,
        unit: '%',
        actions: ['alert'],
        noData: 'inconclusive',
      };
      const s = source('/nan/metrics');
      const t0 = Date.now();
      await s.measure([ratioRule, memoryRule], { now: t0, startedAt: t0 });
      await new Promise((r) => setTimeout(r, 1500));
      const measured = await s.measure([ratioRule, memoryRule], { now: Date.now(), startedAt: t0 });
      const ratio = measured.find((m) => m.gate === 'extraction_failure_rate')!;
      const memory = measured.find((m) => m.gate === 'memory_usage')!;
      expect(ratio.value).toBeNull();
      expect(ratio.detail).toMatch(/has a NaN sample in the window: no data/);
      expect(evaluateMeasurement(ratioRule, ratio).verdict).toBe('inconclusive');
      expect(memory.value).toBeNull();
      expect(evaluateMeasurement(memoryRule, memory).verdict).toBe('inconclusive');
    },
  );
});
