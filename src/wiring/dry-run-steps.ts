import { resolve } from 'node:path';
import { checksFor } from '../domain/smoke/checks.js';
import { planBackup } from '../commands/backup.js';
import { buildDeployDeps, openOperationLog } from './deploy-deps.js';
import { migrationMechanics } from './migration-mechanics.js';
import { deployCommand } from '../commands/deploy.js';
import { migrateCommand } from '../commands/migrate.js';
import { runMonitor } from '../commands/monitor.js';
import type { RolloutStep, StepDryRun, StepDryRunInput } from '../commands/dry-run/step-types.js';
import { joinUrl } from '../commands/smoke/run-checks.js';
import { smokeTargetOf } from '../commands/smoke/target.js';
import { backupStorage } from './backup-archives.js';
import { metricSources, monitorPorts } from './monitor-ports.js';

const absoluteLogDir = (input: StepDryRunInput): string => resolve(input.deps.cwd, input.deps.logDir);

/** backup: planBackup, the backup command's own dry-run (what would be archived, and retention). */
const backupDryRun: StepDryRun = ({ config, deps }) => {
  const plan = planBackup({ config, cwd: deps.cwd }, { clock: deps.clock, storage: backupStorage() });
  return {
    status: 'planned',
    detail: `would write ${plan.path}: ${plan.files} file(s), ${plan.bytes} bytes${plan.warnings.length ? `; ${plan.warnings.join('; ')}` : ''}`,
    plan,
  };
};

/** migrate: the migrate command with dryRun (pending migrations applied in a transaction that is rolled back). */
const migrateDryRun: StepDryRun = async (input) => {
  const { config, deps, release } = input;
  const log = openOperationLog('migrate', config, absoluteLogDir(input), deps.clock);
  const result = await migrateCommand(
    {
      config,
      direction: 'up',
      dryRun: true,
      force: false,
      releaseDir: release ? resolve(deps.cwd, release) : undefined,
    },
    {
      clock: deps.clock,
      logger: log.logger,
      cwd: deps.cwd,
      migrations: migrationMechanics(config, deps.cwd),
      interactive: false,
    },
  );
  const detail = result.ok
    ? `${result.database}: schema ${result.currentVersion} → ${result.targetVersion}, ${result.steps.length} migration(s) (applied and rolled back)`
    : (result.error ?? 'migration dry-run failed');
  return { status: result.ok ? 'planned' : 'failed', detail, plan: result };
};

/** deploy: the deploy command with dryRun; without a release there is nothing to plan. */
const deployDryRun: StepDryRun = async (input) => {
  const { config, deps, release, deploymentId } = input;
  if (!release)
    return { status: 'skipped', detail: 'no release given: pass `release` to plan the deploy', plan: null };
  const logDir = absoluteLogDir(input);
  const log = openOperationLog('deploy', config, logDir, deps.clock);
  const runtime = { clock: deps.clock, cwd: deps.cwd, env: deps.env, interactive: false, logDir };
  const deployDeps = buildDeployDeps({
    ...runtime,
    config,
    log,
    dryRun: true,
    withBackups: true,
  });
  const result = await deployCommand(
    {
      config,
      release: resolve(deps.cwd, release),
      backupFirst: true,
      dryRun: true,
      skipHealthCheck: false,
      deploymentId,
    },
    deployDeps,
  );
  return {
    status: result.ok ? 'planned' : 'failed',
    detail: result.ok
      ? `would deploy ${result.release} to ${result.target} (live now: ${result.liveRelease ?? 'none'})`
      : (result.error ?? 'deploy dry-run failed'),
    plan: result,
  };
};

/** smoke: it only reads, and has no dry-run of its own; the plan is its own check list and URLs, not run. */
const smokeDryRun: StepDryRun = ({ config }) => {
  const target = smokeTargetOf(config.env.service);
  const checks = checksFor(false).map((c) => ({ id: c.id, title: c.title, critical: c.critical }));
  const urls = {
    health: joinUrl(target.baseUrl, target.healthPath),
    metrics: joinUrl(target.baseUrl, target.metricsPath),
    queue_status: joinUrl(target.baseUrl, target.queueStatusPath),
    admin: joinUrl(target.baseUrl, target.adminPath),
  };
  return {
    status: 'planned',
    detail: `would run ${checks.length} checks against ${target.baseUrl} (not probed by the dry-run)`,
    plan: { checks, urls },
  };
};

/** monitor: runMonitor with dryRun (and the optional one-shot probe). */
const monitorDryRun: StepDryRun = async (input) => {
  const { config, deps, probe, deploymentId, runUrl } = input;
  const logDir = absoluteLogDir(input);
  const result = await runMonitor(
    { config, dryRun: true, probe, logDir, deploymentId, runUrl },
    {
      clock: deps.clock,
      env: deps.env,
      metrics: metricSources(),
      ports: monitorPorts(config, {
        clock: deps.clock,
        cwd: deps.cwd,
        env: deps.env,
        interactive: false,
        logDir,
      }),
    },
  );
  return {
    status: 'planned',
    detail: `would watch ${config.envName} for ${config.env.monitoring.window_minutes} min${probe ? ' (probed once)' : ''}`,
    plan: { plan: result.plan, probe: result.probe ?? null },
  };
};

/**
 * Each step's dry-run, as its command provides it. A step whose command is not in this build is
 * null, and the manifest says so: the premerge never reports a plan it did not make.
 */
export const STEP_DRY_RUNS: Record<RolloutStep, StepDryRun | null> = {
  backup: backupDryRun,
  migrate: migrateDryRun,
  deploy: deployDryRun,
  smoke: smokeDryRun,
  monitor: monitorDryRun,
};
