import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runMonitor } from '../../src/commands/monitor.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import { renderReportPage } from '../../src/report/html-report.js';
import { monitorSummaryMarkdown } from '../../src/report/job-summary.js';
import { buildReportView } from '../../src/report/view-model.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { testConfig } from '../monitor/helpers/config.js';
import {
  RecordingNotifier,
  RecordingRollbackRunner,
  RecordingValidator,
  portsOf,
} from '../monitor/helpers/doubles.js';
import { TestService, type Phase } from '../monitor/helpers/test-service.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

// Real monitoring runs (the production config, a loopback service with scripted behaviour, a
// virtual clock): the report's view, page and job summary are checked against the evidence
// file each run wrote, recomputed here independently.
const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

async function monitorRun(
  phases: Phase[],
  rollback: { ok?: boolean } = {},
): Promise<{ evidence: MonitorEvidence; html: string }> {
  const clock = new VirtualClock();
  const service = await new TestService(clock).start();
  services.push(service);
  service.phases = [{ fromMs: 0 }, ...phases];
  const { config, dir } = testConfig('production', service.url);
  const deployedAt = clock.now();
  const result = await runMonitor(
    {
      config,
      logDir: join(dir, 'monitor_logs'),
      deploymentId: 'dep-report',
      version: '3.0.0',
      previousVersion: '2.0.0',
      deployedAt,
    },
    {
      metrics: metricSources(),
      clock,
      ports: portsOf(
        new RecordingNotifier(clock),
        new RecordingRollbackRunner(clock, { takesMs: 42_000, ...rollback }),
        new RecordingValidator(),
      ),
    },
  );
  return {
    evidence: JSON.parse(readFileSync(result.evidencePath!, 'utf8')) as MonitorEvidence,
    html: readFileSync(result.reportPath!, 'utf8'),
  };
}

describe('the report of a real monitoring run', () => {
  test('a P95 regression rolled back: verdict, deciding numbers, durations, gate table and markers agree with the evidence', async () => {
    const { evidence, html } = await monitorRun([{ fromMs: 600_000, hashSeconds: 3.5 }]);
    expect(evidence.result).toBe('rolled_back');
    const view = buildReportView(evidence);

    expect(view.outcome).toMatchObject({ kind: 'rolled_back', words: 'Rolled back', tone: 'bad' });
    expect(view.release).toEqual({ watched: '3.0.0', before: '2.0.0', liveAfter: '2.0.0' });

    const rollbackDecision = evidence.decisions.find((d) => d.kind === 'rollback')!;
    const failing = evidence.measurements.filter(
      (m) =>
        m.gate === 'p95_hash_time' &&
        m.verdict === 'fail' &&
        Date.parse(m.at) <= Date.parse(rollbackDecision.at) + 2000,
    );
    const decisive = failing.at(-1)!;
    const gate = evidence.gates.find((g) => g.gate === 'p95_hash_time')!;
    expect(view.deciding).toHaveLength(1);
    expect(view.deciding[0]).toMatchObject({
      gate: 'p95_hash_time',
      value: decisive.value,
      threshold: 2000,
      unit: 'ms',
      windowMinutes: gate.window_minutes,
      samples: decisive.samples,
    });
    expect(view.deciding[0].summary).toMatch(
      /^[\d,]+ ms > 2,000 ms \(over \d+ (s|min), \d+ samples, at least \d+ needed\)$/,
    );
    expect(view.decidedAt).toBe(Date.parse(rollbackDecision.at));
    expect(view.detectionMs).toBe(Date.parse(rollbackDecision.at) - Date.parse(evidence.deployed_at!));
    expect(view.rollback!.durationMs).toBe(
      Date.parse(evidence.rollback!.ended_at) - Date.parse(evidence.rollback!.started_at),
    );
    expect(view.rollback!.durationMs).toBeGreaterThanOrEqual(42_000);

    // The table: deciding gate first, counts recomputed from the evidence's readings.
    expect(view.gates[0].gate).toBe('p95_hash_time');
    expect(view.gates[0].pollsInBreach).toBeGreaterThanOrEqual(1);
    for (const g of view.gates) {
      const readings = evidence.measurements.filter((m) => m.gate === g.gate);
      const polls = readings.filter((m) => m.kind === 'poll' || m.kind === 'recheck');
      const counted = polls.some((m) => m.kind === 'poll') ? polls : readings;
      expect([g.gate, g.polls]).toEqual([g.gate, counted.length]);
      expect([g.gate, g.pollsInBreach]).toEqual([
        g.gate,
        counted.filter((m) => m.verdict === 'warn' || m.verdict === 'fail').length,
      ]);
      expect([g.gate, g.pollsInconclusive]).toEqual([
        g.gate,
        counted.filter((m) => m.verdict === 'inconclusive').length,
      ]);
      const values = readings.map((m) => m.value).filter((v): v is number => v !== null);
      expect([g.gate, g.worst?.value ?? null]).toEqual([g.gate, values.length ? Math.max(...values) : null]);
    }

    // Markers: the deploy, the switch to the normal interval, the rollback's start and end.
    const kinds = view.markers.map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['deploy', 'phase', 'rollback_start', 'rollback_end']));
    const phase = view.markers.find((m) => m.kind === 'phase')!;
    expect(phase.at - view.startedAt).toBe(evidence.monitoring.poll_intervals.initial_minutes * 60_000);
    expect(view.markers.find((m) => m.kind === 'rollback_end')!.at).toBe(
      Date.parse(evidence.rollback!.ended_at),
    );

    // The page: verdict before the table before the first chart; the deciding chart large; text
    // alternatives name the gate, the threshold and the breach; nothing external.
    const page = renderReportPage(view);
    expect(html).toBe(page);
    const verdictAt = html.indexOf('class="verdict');
    expect(verdictAt).toBeGreaterThan(0);
    expect(verdictAt).toBeLessThan(html.indexOf('class="gates"'));
    expect(html.indexOf('class="gates"')).toBeLessThan(html.indexOf('<svg class="chart'));
    expect(html.indexOf('<svg class="chart')).toBe(html.indexOf('<svg class="chart chart-wide"'));
    expect(html).toMatch(
      /<title id="c-p95_hash_time-w-t">p95_hash_time: failed \(deciding gate\), threshold 2,000 ms<\/title>/,
    );
    expect(html).toMatch(
      /<desc id="c-p95_hash_time-w-d">[^<]*above 2,000 ms[^<]*In breach \d+ times?, first at \d\d:\d\d:\d\d UTC/,
    );
    const charts = html.match(/<svg class="chart [\s\S]*?<\/svg>/g)!;
    expect(charts).toHaveLength(2 + evidence.gates.length - 1); // wide + narrow for the deciding gate
    expect(charts.filter((c) => c.includes('class="eval-window"'))).toHaveLength(2);
    expect(html).not.toMatch(/<script|(src|href)=["']https?:|<link /);

    // The job summary: the same verdict, table and the deciding gate's series.
    const md = monitorSummaryMarkdown(evidence);
    expect(md.split('\n')[0]).toBe('## ↩️ **Rolled back**: `3.0.0` → `2.0.0` live again on `production`');
    expect(md).toContain(`- Deciding gate \`p95_hash_time\`: ${view.deciding[0].summary}`);
    expect(md).toMatch(/\| \*\*p95_hash_time\*\* \| ❌ failed \(deciding\) \|/);
    const chart = /```mermaid\nxychart-beta\n([\s\S]*?)```/.exec(md)![1];
    const categories = /x-axis "UTC" \[(.*)\]/.exec(chart)![1].split(', ');
    const [series, threshold] = [...chart.matchAll(/line \[(.*)\]/g)].map((m) =>
      m[1].split(', ').map(Number),
    );
    const drawn = evidence.measurements.filter(
      (m) => m.gate === 'p95_hash_time' && m.kind === 'poll' && m.value !== null,
    );
    expect(series).toHaveLength(Math.min(40, drawn.length));
    expect(categories).toHaveLength(series.length);
    expect(threshold.every((t) => t === 2000)).toBe(true);
    expect(Math.max(...series)).toBeCloseTo(Math.max(...drawn.map((m) => m.value!)), 2);
  }, 60_000);

  test('a healthy run passes: no deciding gate, every gate passed, the chart shows the gate nearest its threshold', async () => {
    const { evidence } = await monitorRun([]);
    expect(evidence.result).toBe('passed');
    const view = buildReportView(evidence);
    expect(view.outcome).toMatchObject({ kind: 'passed', words: 'Passed', tone: 'ok' });
    expect(view.outcome.sentence).toBe(
      'Release 3.0.0 passed every quality gate and stays live on production.',
    );
    expect(view.deciding).toEqual([]);
    expect(view.decidedAt).toBeNull();
    expect(view.gates.every((g) => g.status === 'passed' || g.status === 'inconclusive')).toBe(true);
    const ratio = (g: (typeof view.gates)[number]): number => (g.worst?.value ?? 0) / g.threshold;
    expect(ratio(view.focus!)).toBe(Math.max(...view.gates.map(ratio)));
    const md = monitorSummaryMarkdown(evidence);
    expect(md).toContain(`_${view.focus!.gate} (gate nearest its threshold) over time`);
    // Passed runs draw every gate as a small multiple: no large chart.
    expect(renderReportPage(view)).not.toContain('<div class="chart-wide">');
  }, 60_000);

  test('metrics that never answer: the gates without data are inconclusive in the view, the table and the summary', async () => {
    const { evidence } = await monitorRun([{ fromMs: 0, metricsFail: true }]);
    const view = buildReportView(evidence);
    // Every gate read from /metrics (health and the queue API answer on their own endpoints).
    const inconclusive = view.gates.filter((g) => g.source.includes('/metrics'));
    expect(inconclusive.length).toBeGreaterThanOrEqual(4);
    for (const g of inconclusive) {
      expect([g.gate, g.status]).toEqual([g.gate, 'inconclusive']);
      expect(g.pollsInconclusive).toBe(g.polls);
    }
    expect(view.outcome.kind).toBe(evidence.result === 'inconclusive' ? 'inconclusive' : view.outcome.kind);
    if (evidence.result === 'inconclusive') {
      expect(view.outcome.words).toBe('Inconclusive');
      expect(view.deciding.map((d) => d.gate).sort()).toEqual(
        evidence.without_verdict.map((w) => w.gate).sort(),
      );
    }
    const md = monitorSummaryMarkdown(evidence);
    for (const g of inconclusive) expect(md).toMatch(new RegExp(`\\| \\**${g.gate}\\** \\| ❔ inconclusive`));
    const page = renderReportPage(view);
    expect(page.match(/class="pt pt-inconclusive"/g)!.length).toBeGreaterThanOrEqual(
      evidence.measurements.filter((m) => m.verdict === 'inconclusive').length,
    );
  }, 60_000);

  test('a failed rollback is the loudest verdict: critical tone, no live release claimed, the error named', async () => {
    const { evidence, html } = await monitorRun([{ fromMs: 600_000, hashSeconds: 3.5 }], { ok: false });
    expect(evidence.result).toBe('rollback_failed');
    const view = buildReportView(evidence);
    expect(view.outcome).toMatchObject({
      kind: 'rollback_failed',
      words: 'Rollback FAILED',
      tone: 'critical',
    });
    expect(view.outcome.sentence).toMatch(
      /^Release 3\.0\.0 failed p95_hash_time and the rollback did NOT complete: .+\. Check what is live now\.$/,
    );
    expect(view.release.liveAfter).toBeNull();
    expect(view.rollback!.ok).toBe(false);
    expect(html).toContain('<header class="verdict tone-critical">');
    expect(html).toContain('rollback <strong>failed</strong>; live release unknown (was <code>2.0.0</code>)');
    expect(monitorSummaryMarkdown(evidence).split('\n')[0]).toBe(
      '## 🛑 **Rollback FAILED**: `3.0.0`, live release unknown (was `2.0.0`) on `production`',
    );
  }, 60_000);
});
