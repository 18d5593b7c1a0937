import type { ServiceValidator } from '../../ports.js';
import type { Logger } from '../../runtime/logger.js';
import { runSmokeChecks, type SmokeRun, type SmokeTarget } from './run-checks.js';

export interface SmokeValidatorSettings {
  timeoutMs: number;
  latencyLimitMs: number;
}

/**
 * The ServiceValidator deploy, rollback and monitor call after a switch: the smoke checks, quick
 * (health, metrics, hash) or full. `ok` is false on any failed check; a slow health answer only
 * warns. One attempt: waiting for the service to come up is the deploy target's job.
 */
export class SmokeValidator implements ServiceValidator {
  /** The last run, kept as evidence for callers that want the per-check outcomes. */
  lastRun: SmokeRun | null = null;

  constructor(
    private readonly target: SmokeTarget,
    private readonly settings: SmokeValidatorSettings,
    private readonly logger: Logger,
  ) {}

  async validate(
    options: { quick?: boolean; signal?: AbortSignal } = {},
  ): Promise<{ ok: boolean; detail: string }> {
    const run = await runSmokeChecks(
      this.target,
      {
        quick: options.quick ?? false,
        timeoutMs: this.settings.timeoutMs,
        latencyLimitMs: this.settings.latencyLimitMs,
        signal: options.signal,
      },
      this.logger,
    );
    this.lastRun = run;
    return { ok: run.verdict.status !== 'failed', detail: run.verdict.summary };
  }
}
