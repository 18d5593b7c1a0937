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
  runUrl?: string;
  signal?: AbortSignal;
}

/** What a command's own dry-run reported. `plan` is that command's result, as it returned it. */
export interface StepDryRunOutput {
  status: 'planned' | 'skipped' | 'failed';
  detail: string;
  plan: unknown;
}

/** A step whose plan needs no I/O answers synchronously; the dry-run awaits either kind. */
export type StepDryRun = (input: StepDryRunInput) => StepDryRunOutput | Promise<StepDryRunOutput>;
