import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedConfig } from '../../src/config/load.js';
import { runMonitor, type MonitorPorts } from '../../src/commands/monitor.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import type { RollbackRunner, ServiceValidator } from '../../src/ports.js';
import { SimService, type Fault } from './sim-service.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

// Rollback and validation are other issues' ports; here they only record that a rollback was
// asked for (the decision is what the simulation measures) and report success.
class DecisionRecorder implements RollbackRunner {
  asked = 0;
  async plan() {
    return { backup: 'backups/dhash_production_sim.zip', detail: 'simulated' };
  }
  async rollback() {
    this.asked++;
    return { ok: true, restored: 'backups/dhash_production_sim.zip' };
  }
}
const validator: ServiceValidator = { validate: async () => ({ ok: true, detail: 'simulated' }) };

export interface WindowOutcome {
  result: string;
  failedGates: string[];
  /** ms from the fault to the rollback decision, when there was one. */
  detectionMs: number | null;
  decisionOffsetMs: number | null;
}

export async function simulateWindow(
  config: LoadedConfig,
  seed: number,
  fault: Fault,
  faultOffsetMs: number,
): Promise<WindowOutcome> {
  const clock = new VirtualClock();
  const start = clock.now();
  const sim = new SimService(clock, seed, fault, start + faultOffsetMs);
  const logDir = mkdtempSync(join(tmpdir(), 'dhash-sim-'));
  const runner = new DecisionRecorder();
  const ports = (): MonitorPorts => ({
    notifier: { port: null, unavailable: 'simulation' },
    rollback: { port: runner },
    validator: { port: validator },
  });
  try {
    const r = await runMonitor(
      { config, logDir, deploymentId: `sim-${seed}` },
      { clock, metrics: metricSources(sim.get), ports },
    );
    const decision = r.decisions.find((d) => d.kind === 'rollback');
    return {
      result: r.result,
      failedGates: r.failedGates,
      decisionOffsetMs: decision ? decision.at - start : null,
      detectionMs: decision && fault !== 'none' ? decision.at - start - faultOffsetMs : null,
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}

/** Runs `count` windows, `parallel` at a time (each has its own virtual clock). */
export async function simulateMany(
  count: number,
  parallel: number,
  one: (i: number) => Promise<WindowOutcome>,
): Promise<WindowOutcome[]> {
  const out = new Array<WindowOutcome>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await one(i);
      }
    }),
  );
  return out;
}
