import type { LoadedConfig } from '../../config/load.js';
import type { RuntimeDeps } from '../../wiring/index.js';
import type { Logger } from '../../runtime/logger.js';
import type { Notifier, RollbackRunner, ServiceValidator } from '../../ports.js';
import { tryPort } from './ports.js';
import type { MonitorPorts, ProgressSnapshot } from './types.js';

/** The composition-root factories a front end hands over (src/wiring/index.ts). */
export interface PortFactories {
  createNotifierFor(config: LoadedConfig, deps: PortRuntime): Notifier;
  createRollbackRunnerFor(config: LoadedConfig, deps: PortRuntime): RollbackRunner;
  createValidatorFor(config: LoadedConfig, deps: PortRuntime): ServiceValidator;
}
/** What a port factory needs: the composition root's runtime. */
export type PortRuntime = RuntimeDeps;

/** Builds each port, keeping "not available in this build yet" as a reason instead of an error. */
export function portsFrom(
  factories: PortFactories,
  config: LoadedConfig,
  runtime: Omit<PortRuntime, 'logger'>,
): (logger: Logger) => MonitorPorts {
  return (logger) => {
    const deps = { ...runtime, logger };
    return {
      notifier: tryPort(() => factories.createNotifierFor(config, deps)),
      rollback: tryPort(() => factories.createRollbackRunnerFor(config, deps)),
      validator: tryPort(() => factories.createValidatorFor(config, deps)),
    };
  };
}

function shortValue(v: number | null, unit: string): string {
  if (v === null) return '';
  const n = Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1);
  return unit === '%' ? ` ${n}%` : unit === 'ms' ? ` ${n}ms` : ` ${n}`;
}

/** The one-line progress a TTY shows: time left and each gate's state. */
export function progressLine(p: ProgressSnapshot): string {
  const left = Math.ceil(p.remainingMs / 1000);
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  const mark: Record<string, string> = { pass: '✔', warn: '⚠', fail: '✖', inconclusive: '?', pending: '…' };
  return `monitor ${mm}:${ss} left · poll ${p.polls} · ${p.gates.map((g) => `${g.gate} ${mark[g.verdict] ?? ''}${shortValue(g.value, g.unit)}`).join(' · ')}`;
}
