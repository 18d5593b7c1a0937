import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runMonitor, type MonitorDeps } from '../../src/commands/monitor.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import type { DeliveryReport, NotificationMessage, Notifier } from '../../src/ports.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { InterruptedError } from '../../src/runtime/interrupt.js';
import { testConfig } from './helpers/config.js';
import {
  RecordingNotifier,
  RecordingRollbackRunner,
  RecordingValidator,
  portsOf,
} from './helpers/doubles.js';
import { expectReplays } from './helpers/replay.js';
import { TestService, type Phase } from './helpers/test-service.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

/** A channel that never answers (a hung webhook): the monitor must not wait for it. */
class HungNotifier implements Notifier {
  readonly sent: Array<{ at: number; message: NotificationMessage }> = [];
  constructor(private readonly clock: VirtualClock) {}
  send(message: NotificationMessage): Promise<DeliveryReport> {
    this.sent.push({ at: this.clock.now(), message });
    return new Promise(() => undefined);
  }
}

async function run(
  phases: Phase[],
  options: {
    notifier?: (clock: VirtualClock) => Notifier;
    deps?: (clock: VirtualClock) => Partial<MonitorDeps>;
    edit?: (env: Record<string, any>) => void;
    options?: { stateDir?: string };
  } = {},
) {
  const clock = new VirtualClock();
  const service = await new TestService(clock).start();
  services.push(service);
  service.phases = [{ fromMs: 0 }, ...phases];
  const { config, dir } = testConfig('production', service.url, options.edit);
  const notifier = options.notifier?.(clock) ?? new RecordingNotifier(clock);
  const runner = new RecordingRollbackRunner(clock);
  const started = clock.now();
  const result = await runMonitor(
    { config, logDir: join(dir, 'monitor_logs'), deploymentId: 'dep-test', ...options.options },
    {
      metrics: metricSources(),
      clock,
      ports: portsOf(notifier, runner, new RecordingValidator()),
      ...options.deps?.(clock),
    },
  );
  const evidence = JSON.parse(readFileSync(result.evidencePath!, 'utf8')) as MonitorEvidence;
  expectReplays(result.evidencePath!);
  return { result, evidence, notifier, runner, started, clock };
}

describe('a breach must persist before it acts (failure_limit 2, the second reading a fast re-check)', () => {
  test('one queue reading of 1500 (threshold 1000), 12 at the re-check: no rollback, no alert', async () => {
    const { result, evidence, runner, notifier } = await run([
      { fromMs: 660_000, queueLength: 1500 },
      { fromMs: 665_000, queueLength: 12 },
    ]);
    expect(result.result).toBe('passed');
    expect(runner.requests).toHaveLength(0);
    if (!(notifier instanceof RecordingNotifier)) throw new Error('expected the recording notifier');
    expect(notifier.sent).toHaveLength(0);
    const queue = evidence.measurements.filter((m) => m.gate === 'low_confidence_queue');
    const blip = queue.find((m) => m.value === 1500)!;
    expect(blip.verdict).toBe('inconclusive');
    expect(blip.confirming).toBe(1);
    expect(blip.reason).toMatch(/breached reading 1 of 2/);
    const recheck = queue[queue.indexOf(blip) + 1];
    expect(recheck.kind).toBe('recheck');
    expect(recheck.value).toBe(12);
    expect(recheck.verdict).toBe('pass');
    // The re-check comes after the confirm delay, long before the next poll (120 s later).
    expect(Date.parse(recheck.at) - Date.parse(blip.at)).toBeLessThanOrEqual(10_000);
  });

  test('a queue that stays at 1500 rolls back at the re-check, seconds after the first reading', async () => {
    const { result, evidence, runner } = await run([{ fromMs: 660_000, queueLength: 1500 }]);
    expect(result.result).toBe('rolled_back');
    expect(result.failedGates).toEqual(['low_confidence_queue']);
    const rollback = evidence.decisions.find((d) => d.kind === 'rollback')!;
    expect(rollback.offset_seconds).toBeGreaterThan(660);
    expect(rollback.offset_seconds).toBeLessThanOrEqual(670);
    expect(runner.requests).toHaveLength(1);
  });

  test('a one-poll memory spike on an alert-only gate does not even alert', async () => {
    const { result, notifier } = await run([
      { fromMs: 660_000, memoryFraction: 0.95 },
      { fromMs: 665_000, memoryFraction: 0.4 },
    ]);
    expect(result.result).toBe('passed');
    if (!(notifier instanceof RecordingNotifier)) throw new Error('expected the recording notifier');
    expect(notifier.sent).toHaveLength(0);
  });
});

describe('one announcer, never blocking', () => {
  test('a hung channel delays neither the polls nor the rollback; the delivery gets its deadline at exit', async () => {
    const { result, evidence, runner, notifier } = await run(
      [
        { fromMs: 200_000, http5xxRate: 0.3 },
        { fromMs: 400_000, down: true },
      ],
      {
        notifier: (clock) => new HungNotifier(clock),
      },
    );
    expect(result.result).toBe('rolled_back');
    // Every poll started on time although the alert of 200-400 s never finished sending.
    expect(evidence.poll_rounds.every((p) => p.lateness_ms === 0)).toBe(true);
    const decision = evidence.decisions.find((d) => d.kind === 'rollback')!;
    expect(runner.requests[0].at).toBe(Date.parse(decision.at));
    if (!(notifier instanceof HungNotifier)) throw new Error('expected the hung notifier');
    const events = notifier.sent.map((s) => s.message.event);
    expect(events).toEqual(['monitoring_alert', 'rollback_start', 'rollback_success']);
    // The validated rollback also resolves the breach the alert paged for (one incident per breach).
    const alert = notifier.sent.find((s) => s.message.event === 'monitoring_alert')!.message;
    const success = notifier.sent.find((s) => s.message.event === 'rollback_success')!.message;
    expect(alert.incidentKey).toBeDefined();
    expect(success.resolves).toContain(alert.incidentKey);
    expect(evidence.undelivered_at_exit).toBe(3);
    // The rollback use-case is told not to announce: one layer, one message per event.
    expect(runner.requests[0].request.announce).toBe(false);
  });
});

describe('interrupted runs keep their evidence', () => {
  test('SIGTERM mid-window: evidence and report written with "interrupted", exit 143', async () => {
    const controller = new AbortController();
    const { result, evidence, runner, started } = await run([], {
      deps: (clock) => {
        void clock.sleep(400_000).then(() => {
          controller.abort(new InterruptedError('SIGTERM'));
        });
        return { signal: controller.signal };
      },
    });
    expect(result.result).toBe('interrupted');
    expect(result.exitCode).toBe(143);
    expect(evidence.interrupted).toEqual({
      signal: 'SIGTERM',
      at: new Date(started + 400_000).toISOString(),
    });
    expect(evidence.polls.length).toBeGreaterThan(5);
    expect(runner.requests).toHaveLength(0);
    expect(readFileSync(result.logPath, 'utf8')).toMatch(/Monitoring interrupted by SIGTERM/);
    expect(readFileSync(result.reportPath!, 'utf8')).toMatch(/interrupted/);
  });

  test('SIGINT as the rollback is decided: no rollback starts; the command to run is recorded; exit 130', async () => {
    const controller = new AbortController();
    const { result, evidence, runner } = await run([{ fromMs: 100_000, down: true }], {
      deps: () => ({
        signal: controller.signal,
        onProgress: (p) => {
          if (p.gates.some((g) => g.verdict === 'fail')) controller.abort(new InterruptedError('SIGINT'));
        },
      }),
    });
    expect(result.result).toBe('interrupted');
    expect(result.exitCode).toBe(130);
    expect(runner.requests).toHaveLength(0);
    const skipped = evidence.decisions.find((d) => d.kind === 'rollback_not_started')!;
    expect(skipped.detail).toMatch(/dhash-rollout rollback --env production --backup /);
  });
});

describe('a manual rollback preempts a running monitor', () => {
  test('the monitor stops within a preemption check, records preempted (exit 14) and releases its lock', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { monitorLockPath, preemptMonitor } = await import('../../src/runtime/preemption.js');
    const stateDir = mkdtempSync(join(tmpdir(), 'dhash-preempt-'));
    let preempting: ReturnType<typeof preemptMonitor> | undefined;
    let lockHeldDuringWatch = false;
    const { result, evidence, runner } = await run([], {
      deps: (clock) => {
        void clock.sleep(300_000).then(async () => {
          lockHeldDuringWatch = existsSync(monitorLockPath(stateDir, 'production'));
          preempting = preemptMonitor(stateDir, 'production', 'operator rollback', clock);
        });
        return {};
      },
      options: { stateDir },
    });
    expect(lockHeldDuringWatch).toBe(true);
    expect(result.result).toBe('preempted');
    expect(result.exitCode).toBe(14);
    const preemption = await preempting!;
    expect(preemption).toMatchObject({ stopped: true });
    expect(preemption.waitedMs).toBeLessThanOrEqual(60_000);
    expect(Date.parse(evidence.preempted!.at) - Date.parse(evidence.started_at)).toBeLessThanOrEqual(305_000);
    expect(evidence.preempted!.reason).toBe('operator rollback');
    expect(evidence.decisions.map((d) => d.kind)).toContain('preempted');
    expect(runner.requests).toHaveLength(0);
    expect(existsSync(monitorLockPath(stateDir, 'production'))).toBe(false);
  });
});
