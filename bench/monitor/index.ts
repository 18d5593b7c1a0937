// `npm run bench -- monitor`: detection time against the real reference service, a virtual-clock
// simulation of the production config, false rollbacks and detection rate over a thousand noisy
// windows, and the cost of one poll of a large /metrics payload.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import { runMonitor, type MonitorPorts } from '../../src/commands/monitor.js';
import { RealClock } from '../../src/runtime/clock.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { parseCost } from './parse-cost.js';
import { hungAndRefusing } from './hung.js';
import { Release, Switch, buildReleases, startLoad } from './real-service.js';
import { simulateMany, simulateWindow, type WindowOutcome } from './simulate.js';
import { seeded, type Fault } from './sim-service.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

const root = process.cwd();

function config(
  edit: (env: Record<string, any>) => void,
  envName = 'production',
  baseUrl?: string,
): LoadedConfig {
  const file = JSON.parse(readFileSync(join(root, 'quality-gates-config.json'), 'utf8')) as {
    environments: Record<string, any>;
    $schema?: string;
  };
  delete file.$schema;
  edit(file.environments[envName]);
  const dir = mkdtempSync(join(tmpdir(), 'dhash-bench-'));
  writeFileSync(join(dir, 'c.json'), JSON.stringify(file));
  return loadConfig({ configPath: join(dir, 'c.json'), envName, baseUrl, cwd: dir, environment: {} });
}

function stats(values: number[]): string {
  if (values.length === 0) return 'n/a';
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `min ${s[0].toFixed(1)} · median ${q(0.5).toFixed(1)} · p95 ${q(0.95).toFixed(1)} · max ${s[s.length - 1].toFixed(1)}`;
}

async function realDetection(): Promise<void> {
  console.log('\n## 1. Detection time against the real reference service (1 s polling, real time)');
  const t0 = performance.now();
  const dir = await buildReleases(root);
  if (!dir) {
    console.log('reference service not in this checkout: skipped');
    return;
  }
  console.log(
    `reference service releases built with examples/dhash-service/build-releases.mjs in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const data = mkdtempSync(join(tmpdir(), 'dhash-bench-data-'));
  const scenarios: Array<{ name: string; fault: string | null; gate: string }> = [
    { name: 'hard down (process killed)', fault: null, gate: 'health' },
    { name: 'P95 regression (release fault-hash-delay)', fault: 'fault-hash-delay', gate: 'p95_hash_time' },
    {
      name: 'extraction-failure spike (release fault-extraction-failure, 25 %)',
      fault: 'fault-extraction-failure',
      gate: 'extraction_failure_rate',
    },
  ];
  for (const scenario of scenarios) {
    const sw = await new Switch().start();
    const healthy = await new Release(dir, '2.0.0', data).start();
    sw.point(healthy.port);
    const load = startLoad(dir, `http://127.0.0.1:${sw.port}`, 20);
    const cfg = config(
      (env) => {
        env.monitoring = {
          window_minutes: 3,
          poll_intervals: { initial_minutes: 0, initial_interval_seconds: 1, normal_interval_seconds: 1 },
        };
        Object.assign(env.quality_gates.health, { confirm_interval_seconds: 1, timeout_seconds: 1 });
        Object.assign(env.quality_gates.health.threshold, { check_interval_seconds: 1 });
        Object.assign(env.quality_gates.extraction_failure_rate.threshold, {
          evaluation_window_minutes: 0.5,
          min_sample_size: 20,
        });
        Object.assign(env.quality_gates.p95_hash_time.threshold, {
          evaluation_window_minutes: 0.5,
          min_sample_size: 20,
        });
        Object.assign(env.quality_gates.error_rate.threshold, { evaluation_window_minutes: 0.5 });
      },
      'production',
      `http://127.0.0.1:${sw.port}`,
    );
    const clock = new RealClock();
    let faultAt = 0;
    let faulty: Release | undefined;
    const inject = (async () => {
      await new Promise((r) => setTimeout(r, 15_000)); // warm-up: windows fill with healthy data
      if (scenario.fault) {
        faulty = await new Release(dir, scenario.fault, data).start();
        faultAt = clock.now();
        sw.point(faulty.port); // the new release takes the traffic now
        healthy.kill();
      } else {
        faultAt = clock.now();
        healthy.kill();
      }
    })();
    let decided = 0;
    const ports = (): MonitorPorts => ({
      notifier: { port: null, unavailable: 'bench' },
      rollback: {
        port: {
          plan: async () => ({ backup: 'bench', detail: 'bench' }),
          rollback: async () => {
            decided = clock.now();
            return { ok: true, restored: 'bench' };
          },
        },
      },
      validator: { port: { validate: async () => ({ ok: true, detail: 'bench' }) } },
    });
    const logDir = mkdtempSync(join(tmpdir(), 'dhash-bench-logs-'));
    const result = await runMonitor({ config: cfg, logDir }, { metrics: metricSources(), clock, ports });
    await inject;
    load.kill();
    faulty?.kill();
    healthy.kill();
    await sw.stop();
    const seconds = (decided - faultAt) / 1000;
    console.log(
      `- ${scenario.name}: ${result.result} on ${result.failedGates.join(', ') || '-'} ${decided ? `${seconds.toFixed(1)} s after the fault = ${seconds.toFixed(1)} poll intervals (1 s)` : '(no decision)'}${(result.failedGates as string[]).includes(scenario.gate) ? '' : `  [expected ${scenario.gate}]`}`,
    );
  }
}

async function virtualProduction(): Promise<void> {
  console.log(
    '\n## 2. Hard-down detection, production config, virtual clock (noisy service: 1 in 20 checks fail)',
  );
  const cfg = config(() => {});
  const rand = seeded(7);
  for (const [phase, from, to] of [
    ['initial phase (30 s polls)', 0, 300_000],
    ['normal phase (120 s polls)', 300_000, 3_500_000],
  ] as const) {
    const t0 = performance.now();
    const offsets = Array.from({ length: 50 }, () => from + Math.round(rand() * (to - from)));
    const outcomes = await simulateMany(offsets.length, 4, (i) =>
      simulateWindow(cfg, 1000 + i, 'hard_down', offsets[i]),
    );
    const detected = outcomes.filter((o) => o.detectionMs !== null && o.failedGates.includes('health'));
    const s = detected.map((o) => o.detectionMs! / 1000);
    console.log(
      `- ${phase}: ${detected.length}/${outcomes.length} detected; seconds from fault to rollback decision: ${stats(s)}; in confirm intervals (10 s): max ${(Math.max(...s) / 10).toFixed(2)}; in this phase's poll intervals: max ${(Math.max(...s) / (from === 0 ? 30 : 120)).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(1)} s wall for ${outcomes.length} windows)`,
    );
  }
}

async function noisyWindows(): Promise<void> {
  const windows = Number(process.env.BENCH_WINDOWS ?? 1000);
  console.log(
    `\n## 3. ${windows} production windows of a healthy but noisy service (1 in 20 checks fail at random, hash-time jitter)`,
  );
  const cfg = config(() => {});
  let t0 = performance.now();
  const healthy = await simulateMany(windows, 4, (i) => simulateWindow(cfg, i + 1, 'none', Infinity));
  const falseRollbacks = healthy.filter((o) => o.result === 'rolled_back' || o.result === 'rollback_failed');
  const alerted = healthy.filter((o) => o.result === 'alerted');
  console.log(
    `- false rollbacks: ${falseRollbacks.length} of ${windows} windows (${falseRollbacks.map((o) => o.failedGates.join('+')).join(', ') || 'none'}); windows with an alert: ${alerted.length}; wall ${((performance.now() - t0) / 1000).toFixed(1)} s (${((performance.now() - t0) / windows).toFixed(0)} ms per simulated hour)`,
  );

  console.log(
    '\n## 4. Sustained regressions injected into noisy windows (fault starts uniformly in minute 0-45)',
  );
  const faults: Array<[Fault, string]> = [
    ['hard_down', 'health'],
    ['p95', 'p95_hash_time'],
    ['extraction', 'extraction_failure_rate'],
    ['queue', 'low_confidence_queue'],
  ];
  const rand = seeded(99);
  const per = Math.max(25, Math.round(windows / 10));
  for (const [fault, gate] of faults) {
    t0 = performance.now();
    const offsets = Array.from({ length: per }, () => Math.round(rand() * 45 * 60_000));
    const outcomes: WindowOutcome[] = await simulateMany(per, 4, (i) =>
      simulateWindow(cfg, 50_000 + i, fault, offsets[i]),
    );
    const detected = outcomes.filter(
      (o) => o.detectionMs !== null && o.detectionMs >= 0 && o.failedGates.includes(gate),
    );
    console.log(
      `- ${fault} (${gate}): detected ${detected.length}/${per} = ${((100 * detected.length) / per).toFixed(1)} %; seconds from fault to rollback: ${stats(detected.map((o) => o.detectionMs! / 1000))}; wall ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
}

async function pollCost(): Promise<void> {
  console.log('\n## 5. Cost of one poll: parse a /metrics payload and evaluate the gates');
  for (const series of [10_000, 100_000]) console.log(`- ${JSON.stringify(await parseCost(series))}`);
}

const only = process.env.BENCH_ONLY?.split(',');
const parts: Array<[string, () => Promise<void>]> = [
  ['cost', pollCost],
  ['virtual', virtualProduction],
  ['noise', noisyWindows],
  ['real', realDetection],
  ['hung', () => hungAndRefusing(root, config)],
];
for (const [name, fn] of parts) if (!only || only.includes(name)) await fn();
await closeHttpAgents();
