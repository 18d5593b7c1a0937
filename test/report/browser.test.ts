import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@jest/globals';
import { runMonitor } from '../../src/commands/monitor.js';
import { runDemo, type DemoResult } from '../../src/demo/run-demo.js';
import { RealClock, VirtualClock } from '../../src/runtime/clock.js';
import { testConfig } from '../monitor/helpers/config.js';
import {
  RecordingNotifier,
  RecordingRollbackRunner,
  RecordingValidator,
  portsOf,
} from '../monitor/helpers/doubles.js';
import { TestService } from '../monitor/helpers/test-service.js';
import { referenceReleases } from '../helpers/reference-releases.js';
import { requireTool } from '../helpers/tools.js';
import {
  checkReportInBrowser,
  renderMermaidInBrowser,
  VIEWPORTS,
  type BrowserFindings,
} from './browser-check.js';
import { monitorSummaryMarkdown } from '../../src/report/job-summary.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

// The demo's two real monitoring windows (2.0.0 passes, 3.0.0 is rolled back), their reports
// opened in headless Chromium at phone, tablet and desktop widths, in dark mode and printed.
const chromium = requireTool('chromium', 'apt-get update && apt-get install -y chromium', {
  envVar: 'CHROMIUM_BIN',
});

async function checkAll(found: BrowserFindings): Promise<void> {
  expect(found.widths.map((w) => w.width)).toEqual(VIEWPORTS.map((v) => v.width));
  for (const w of found.widths) {
    expect({ width: w.width, overflowPx: w.overflowPx, overflowing: w.overflowing }).toEqual({
      width: w.width,
      overflowPx: 0,
      overflowing: [],
    });
    expect({ width: w.width, clipped: w.clippedLabels, overlapping: w.overlappingLabels }).toEqual({
      width: w.width,
      clipped: [],
      overlapping: [],
    });
    expect(w.verdictBottom).toBeLessThanOrEqual(w.screenHeight);
    expect(statSync(w.screenshot).size).toBeGreaterThan(10_000);
  }
  for (const w of found.sweep)
    expect(w).toEqual({
      width: w.width,
      overflowPx: 0,
      overflowing: [],
      clippedLabels: [],
      overlappingLabels: [],
    });
  expect(found.axeViolations).toEqual([]);
  for (const file of [found.dark, found.print, found.pdf]) expect(existsSync(file)).toBe(true);
}

chromium.describe('the demo reports in a real browser', () => {
  let demo: DemoResult;
  const findings = new Map<string, BrowserFindings>();

  test('the demo runs and leaves a passed and a rolled-back report', async () => {
    const lines: string[] = [];
    demo = await runDemo({
      windowSeconds: 15,
      rate: 15,
      releases: await referenceReleases(),
      out: (l) => lines.push(l),
      clock: new RealClock(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    if (!demo.ok) console.log(lines.join('\n'));
    expect(demo.ok).toBe(true);
    expect(demo.reports?.map((r) => [r.release, r.result])).toEqual([
      ['2.0.0', 'passed'],
      ['3.0.0', 'rolled_back'],
    ]);
    expect(lines.some((l) => l.includes(`HTML report of the 3.0.0 window: ${demo.reportPath}`))).toBe(true);
  }, 300_000);

  test('nothing overflows or is clipped at 360, 768 and 1600 px; the verdict is on the first screen; axe finds nothing', async () => {
    expect(demo.reports).toHaveLength(2);
    const outDir = join(dirname(demo.reportPath!), 'report-screenshots');
    mkdirSync(outDir, { recursive: true });
    for (const report of demo.reports!) {
      const found = await checkReportInBrowser({
        executablePath: chromium.path!,
        reportPath: report.path,
        outDir,
        name: `${report.release}-${report.result}`,
      });
      findings.set(report.result, found);
      await checkAll(found);
    }
    console.log(`report screenshots: ${outDir}`);
  }, 180_000);

  test('the verdict says what happened, with the deciding gate, its numbers and the rollback time', () => {
    const rolledBack = findings.get('rolled_back')!.verdictText;
    expect(rolledBack).toMatch(/Rolled back: 3\.0\.0/);
    expect(rolledBack).toMatch(/live now: 2\.0\.0/);
    expect(rolledBack).toMatch(
      /Deciding gate\s*p95_hash_time [\d,]+ ms > 2,000 ms \(over 30 s, \d+ samples, at least 20 needed\)/,
    );
    expect(rolledBack).toMatch(/Detected\s*[\d.]+ s after deploy/);
    expect(rolledBack).toMatch(/Rollback\s*took [\d.]+ s/);
    const passed = findings.get('passed')!.verdictText;
    expect(passed).toMatch(/Passed: 2\.0\.0/);
    expect(passed).toMatch(/2\.0\.0 live \(before: 1\.0\.0\)/);
    // Self-contained: no scripts, no outside resources.
    for (const r of demo.reports!)
      expect(readFileSync(r.path, 'utf8')).not.toMatch(/<script|(src|href)=["']https?:|<link /);
  });

  test('an hour-long production window with alerts, the polling change and a rollback reads the same way', async () => {
    // A real monitor run: the shipped production config, a loopback service whose error rate
    // rises after 8 minutes (alert only) and whose hashing slows after 20 (rollback).
    const clock = new VirtualClock();
    const service = await new TestService(clock).start();
    try {
      service.phases = [
        { fromMs: 0 },
        { fromMs: 480_000, http5xxRate: 0.06 },
        { fromMs: 1_200_000, http5xxRate: 0.06, hashSeconds: 3.5 },
      ];
      const { config, dir } = testConfig('production', service.url);
      const result = await runMonitor(
        {
          config,
          logDir: join(dir, 'monitor_logs'),
          deploymentId: 'dep-browser',
          version: '3.0.0',
          previousVersion: '2.0.0',
          deployedAt: clock.now(),
        },
        {
          metrics: metricSources(),
          clock,
          ports: portsOf(
            new RecordingNotifier(clock),
            new RecordingRollbackRunner(clock, { takesMs: 95_000 }),
            new RecordingValidator(),
          ),
        },
      );
      expect(result.result).toBe('rolled_back');
      const outDir = join(dirname(demo.reportPath!), 'report-screenshots');
      mkdirSync(outDir, { recursive: true });
      const found = await checkReportInBrowser({
        executablePath: chromium.path!,
        reportPath: result.reportPath!,
        outDir,
        name: 'production-hour-rolled_back',
      });
      await checkAll(found);
      expect(found.verdictText).toMatch(/Rolled back: 3\.0\.0/);
    } finally {
      await service.stop();
    }
  }, 120_000);

  test("the job summary's Mermaid charts render with Mermaid itself, one line for the gate and one for its threshold", async () => {
    const summaries = demo.reports!.map((r) =>
      monitorSummaryMarkdown(
        JSON.parse(
          readFileSync(r.path.replace(/\.report\.html$/, '.evidence.json'), 'utf8'),
        ) as MonitorEvidence,
      ),
    );
    const diagrams = summaries.map((md) => /```mermaid\n([\s\S]*?)```/.exec(md)![1]);
    const rendered = await renderMermaidInBrowser({ executablePath: chromium.path!, diagrams });
    rendered.forEach((r, i) => {
      expect({ ok: r.ok, error: r.error }).toEqual({ ok: true, error: undefined });
      const categories = /x-axis "UTC" \[(.*)\]/
        .exec(diagrams[i])![1]
        .split(', ')
        .map((c) => c.replace(/"/g, ''));
      for (const c of categories) expect(r.svg).toContain(c);
      expect([...new Set(r.svg!.match(/line-plot-\d+/g))].sort()).toEqual(['line-plot-0', 'line-plot-1']);
    });
    expect(diagrams[1]).toContain('title "p95_hash_time (ms) - threshold 2,000"');
  }, 60_000);
});
