import type { LoadedConfig } from '../../config/load.js';
import type { RuntimeDeps } from '../../wiring/index.js';

/** The commands a guarded rollout runs, in order; the dry-run plans each one. */
export const ROLLOUT_STEPS = ['backup', 'migrate', 'deploy', 'smoke', 'monitor'] as const;
export type RolloutStep = (typeof ROLLOUT_STEPS)[number];

export interface StepDryRunInput {
  config: LoadedConfig;
  deps: RuntimeDeps;
  deploymentId: string;
  /** Release directory or archive (migrate, deploy). */
  release?: string;
  /** Monitor: take one real measurement and judge each gate. */
  probe: boolean;
  signal?: AbortSignal;
}

/** What a command's own dry-run reported. `plan` is that command's result, as it returned it. */
export interface StepDryRunOutput {
  status: 'planned' | 'skipped' | 'failed';
  detail: string;
  plan: unknown;
}

export type StepDryRun = (input: StepDryRunInput) => Promise<StepDryRunOutput>;

/**
 * Each step's dry-run, as its command provides it. A step whose command is not in this build is
 * null, and the manifest says so: the premerge never reports a plan it did not make.
 */
export const STEP_DRY_RUNS: Record<RolloutStep, StepDryRun | null> = {
  backup: null,
  migrate: null,
  deploy: null,
  smoke: null,
  monitor: null,
};
