// `npm run bench -- monitor` part "hung": worst-case detection of a hung and of a refusing
// reference release with the SHIPPED production health settings, in real time, in both polling
// phases, and the lateness of the polls meanwhile. A hung release is the real process stopped
// with SIGSTOP (the kernel still accepts connections, nothing answers: every request hangs until
// its deadline); a refusing one is the process killed (connections refused). The fault is
// injected just after a health check passed, which is the worst moment.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedConfig } from '../../src/config/load.js';
import { runMonitor, type MonitorPorts } from '../../src/commands/monitor.js';
import { monitorSettings, worstCaseDetectionMs } from '../../src/commands/monitor/settings.js';
import { gateRules } from '../../src/domain/gates/rules.js';
import { pollPlanFrom } from '../../src/domain/schedule/poll-schedule.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import { RealClock } from '../../src/runtime/clock.js';
import { Release, buildReleases } from './real-service.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

export async function hungAndRefusing(
  root: string,
  config: (edit: (env: Record<string, any>) => void, envName?: string, baseUrl?: string) => LoadedConfig,
): Promise<void> {
  console.log(
    '\n## 6. Hung and refusing reference release, shipped production health settings, real time (both phases)',
  );
  const shipped = config(() => {});
  const health = monitorSettings(
    shipped.env,
    gateRules(shipped.env.quality_gates),
    pollPlanFrom(shipped.env.monitoring),
  ).health!;
  console.log(
    `health: every ${health.intervalMs / 1000} s, confirm every ${health.confirmIntervalMs / 1000} s, deadline ${health.timeoutMs / 1000} s, breach after > ${health.consecutiveFailures} failures; worst case by the formula: ${worstCaseDetectionMs(health) / 1000} s`,
  );
  const dir = await buildReleases(root);
  if (!dir) {
    console.log('reference service not in this checkout: skipped');
    return;
  }
  const data = mkdtempSync(join(tmpdir(), 'dhash-bench-hung-'));
  const rows: string[] = [];
  for (const fault of ['hung', 'refusing'] as const) {
    for (const phase of ['initial', 'normal'] as const) {
      const release = await new Release(dir, '2.0.0', data).start();
      // Same health settings and poll intervals as shipped; only the window (and, to reach the
      // 120 s phase in reasonable time, the length of the initial phase) is shorter.
      const cfg = config(
        (env) => {
          env.monitoring.window_minutes = 6;
          env.monitoring.poll_intervals.initial_minutes = phase === 'initial' ? 5 : 1;
        },
        'production',
        `http://127.0.0.1:${release.port}`,
      );
      const clock = new RealClock();
      const startedAt = clock.now();
      // Just after the health check at this offset has passed (checks start every interval).
      const checkOffset =
        phase === 'initial'
          ? 3 * health.intervalMs
          : Math.ceil(70_000 / health.intervalMs) * health.intervalMs;
      let faultAt = 0;
      let decidedAt = 0;
      const timer = setTimeout(() => {
        faultAt = clock.now();
        release.child!.kill(fault === 'hung' ? 'SIGSTOP' : 'SIGKILL');
      }, checkOffset + 300);
      const stop = new AbortController();
      const ports = (): MonitorPorts => ({
        notifier: { port: null, unavailable: 'bench' },
        rollback: {
          port: {
            plan: async () => ({ backup: 'bench', detail: 'bench', sha256: null, release: null }),
            rollback: async () => {
              decidedAt = clock.now();
              return { ok: true, restored: 'bench' };
            },
          },
        },
        validator: { port: { validate: async () => ({ ok: true, detail: 'bench' }) } },
      });
      const logDir = mkdtempSync(join(tmpdir(), 'dhash-bench-hung-logs-'));
      const result = await runMonitor(
        { config: cfg, logDir },
        { metrics: metricSources(), clock, ports, signal: stop.signal },
      );
      clearTimeout(timer);
      release.child!.kill('SIGCONT');
      release.kill();
      const evidence = JSON.parse(readFileSync(result.evidencePath!, 'utf8')) as MonitorEvidence;
      const lateness = Math.max(0, ...evidence.poll_rounds.map((p) => p.lateness_ms));
      const detection = decidedAt && faultAt ? (decidedAt - faultAt) / 1000 : NaN;
      const line = `- ${fault} in the ${phase} phase (${phase === 'initial' ? '30' : '120'} s polls; fault at ${((faultAt - startedAt) / 1000).toFixed(1)} s): ${result.result} on ${result.failedGates.join(', ') || '-'}; detected ${detection.toFixed(1)} s after the fault (limit 35 s); polls: ${evidence.poll_rounds.length}, max lateness ${lateness} ms`;
      console.log(line);
      rows.push(line);
    }
  }
}
