import { arch, platform } from 'node:os';
import type { LoadedConfig } from '../config/load.js';
import { messageOf } from '../runtime/errors.js';
import type { RuntimeDeps } from '../wiring/index.js';
import { ROLLOUT_STEPS, type RolloutStep, type StepDryRun } from './dry-run/step-types.js';
import { validateCommand, type ValidateResult } from './validate.js';

export const MANIFEST_SCHEMA = 'dhash-rollout/deployment-manifest@1';

export interface StepRecord {
  step: RolloutStep;
  /** `unavailable`: this build has no dry-run for the step; nothing was planned for it. */
  status: 'planned' | 'skipped' | 'failed' | 'unavailable';
  detail: string;
  plan: unknown;
}

export interface DeploymentManifest {
  schema: typeof MANIFEST_SCHEMA;
  generated_at: string;
  tool_version: string;
  deployment_id: string;
  environment: string;
  config_source: string;
  release: string | null;
  /** `planned` only when every step planned (or was legitimately skipped). */
  result: 'planned' | 'incomplete' | 'failed';
  git: { sha: string | null; ref: string | null; run_url: string | null };
  runner: { os: string; arch: string; node: string; runner_os: string | null };
  validation: { ok: true; environments: string[]; warnings: string[] };
  steps: StepRecord[];
}

export interface DryRunOptions {
  config: LoadedConfig;
  deploymentId: string;
  release?: string;
  probe: boolean;
  toolVersion: string;
  runUrl?: string;
  signal?: AbortSignal;
  /** Each step's own dry-run, built by the wiring (src/wiring/dry-run-steps.ts); null = not available. */
  providers: Record<RolloutStep, StepDryRun | null>;
  /** Replaces some providers (tests). */
  steps?: Partial<Record<RolloutStep, StepDryRun | null>>;
  /** Called before each step (progress). */
  onStep?: (step: RolloutStep) => void;
}

export interface DryRunResult {
  manifest: DeploymentManifest;
  validation: ValidateResult;
}

/**
 * `dry-run`: validates the config, then runs each rollout command's own dry-run in order and
 * keeps what each one actually returned. A failed step does not stop the rest: the operator
 * sees every problem at once. Nothing here writes; the caller stores the manifest.
 */
export async function dryRunCommand(options: DryRunOptions, deps: RuntimeDeps): Promise<DryRunResult> {
  const validation = validateCommand(options.config);
  const providers = { ...options.providers, ...options.steps };
  const logger = deps.logger.child({
    deployment_id: options.deploymentId,
    environment: options.config.envName,
    command: 'dry-run',
  });
  const steps: StepRecord[] = [];
  for (const step of ROLLOUT_STEPS) {
    options.onStep?.(step);
    const provider = providers[step];
    if (!provider) {
      steps.push({
        step,
        status: 'unavailable',
        detail: `this build has no "${step}" command, so nothing was planned for it`,
        plan: null,
      });
      logger.warn(`dry-run: ${step} is not available in this build`, { step });
      continue;
    }
    try {
      const output = await provider({
        config: options.config,
        deps,
        deploymentId: options.deploymentId,
        release: options.release,
        probe: options.probe,
        runUrl: options.runUrl,
        signal: options.signal,
      });
      steps.push({
        step,
        status: output.status,
        detail: options.config.redactor.text(output.detail),
        plan: options.config.redactor.value(output.plan),
      });
      logger.info(`dry-run: ${step} ${output.status}`, { step, detail: output.detail });
    } catch (error) {
      const detail = options.config.redactor.text(messageOf(error));
      steps.push({ step, status: 'failed', detail, plan: null });
      logger.error(`dry-run: ${step} failed`, { step, error: detail });
    }
  }
  const result = steps.some((s) => s.status === 'failed')
    ? 'failed'
    : steps.some((s) => s.status === 'unavailable')
      ? 'incomplete'
      : 'planned';
  const env = deps.env;
  const manifest: DeploymentManifest = {
    schema: MANIFEST_SCHEMA,
    generated_at: new Date(deps.clock.now()).toISOString(),
    tool_version: options.toolVersion,
    deployment_id: options.deploymentId,
    environment: options.config.envName,
    config_source: options.config.source,
    release: options.release ?? null,
    result,
    git: { sha: env.GITHUB_SHA ?? null, ref: env.GITHUB_REF ?? null, run_url: options.runUrl ?? null },
    runner: { os: platform(), arch: arch(), node: process.version, runner_os: env.RUNNER_OS ?? null },
    validation: { ok: true, environments: validation.environments, warnings: validation.warnings },
    steps,
  };
  logger.info(`dry-run: ${result}`, { result });
  return { manifest, validation };
}
