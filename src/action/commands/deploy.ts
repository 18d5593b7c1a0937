import { ActionLogSink } from '../log-sink.js';
import { buildDeployDeps, openOperationLog } from '../../wiring/deploy-deps.js';
import { deployCommand } from '../../commands/deploy.js';
import { logDir } from '../../config/state-dir.js';
import { newDeploymentId } from '../../runtime/deployment-id.js';
import { UsageError } from '../../runtime/errors.js';
import type { ActionCommand } from '../context.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { table } from '../markdown.js';

/** Inputs: release (required), backup-first, dry-run, skip-validation, deployment-id, log-dir, plus the common ones. */

export const deployAction: ActionCommand = async (ctx) => {
  const release = optionalInput(ctx.core, 'release');
  if (!release)
    throw new UsageError('input "release": expected a release directory or a .zip/.tar.gz archive of one');
  const config = ctx.loadConfig();
  const cwd = ctx.inputs.workingDirectory;
  const env = ctx.inputs.environmentVariables;
  const dir = logDir(cwd, optionalInput(ctx.core, 'log-dir'));
  const log = openOperationLog('deploy', config, dir, ctx.clock, [
    new ActionLogSink(ctx.core, 'dhash deploy'),
  ]);
  const deploymentId =
    optionalInput(ctx.core, 'deployment-id') ?? newDeploymentId(config.envName, ctx.clock.now(), env);
  const deps = buildDeployDeps({
    config,
    clock: ctx.clock,
    cwd,
    env,
    interactive: false,
    logDir: dir,
    log,
    dryRun: ctx.inputs.dryRun,
    withBackups: true,
  });
  if (booleanInput(ctx.core, 'skip-validation')) deps.validator = null;
  const result = await deployCommand(
    {
      config,
      release,
      backupFirst: booleanInput(ctx.core, 'backup-first'),
      dryRun: ctx.inputs.dryRun,
      skipHealthCheck: booleanInput(ctx.core, 'skip-health-check'),
      deploymentId,
    },
    deps,
  );
  const outcome = result.dryRun
    ? result.ok
      ? 'planned'
      : 'error'
    : result.ok
      ? 'deployed'
      : result.exitCode === 12
        ? 'rollback_failed'
        : 'rolled_back';
  const summary = [
    `## dhash-rollout deploy: ${result.dryRun ? 'plan for' : result.ok ? '✅ deployed' : '❌ failed'} \`${result.release}\` → \`${result.environment}\``,
    `Target: ${result.target} · live before: \`${result.previousRelease ?? 'none'}\` · live now: \`${result.liveRelease ?? 'none'}\``,
    table(
      ['step', 'status', 'detail'],
      result.steps.map((s) => [s.step, s.status, s.detail]),
    ),
    result.undo.length
      ? `### Undo\n\n${table(
          ['step', 'status', 'detail'],
          result.undo.map((u) => [u.step, u.status, u.detail]),
        )}`
      : '',
    `Migrations (${result.migrations.database}): pending ${result.migrations.pending.map((m) => `\`${m.version}_${m.name}\``).join(', ') || 'none'}${result.migrations.dryRun ? ` — dry-run: ${result.migrations.dryRun.detail}` : ''}`,
    result.error ? `**Error:** ${result.error}` : '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  return {
    outputs: {
      result: outcome,
      environment: result.environment,
      'deployment-id': result.deploymentId,
      ...(result.backupPath ? { 'backup-path': result.backupPath } : {}),
      plan: JSON.stringify({ steps: result.steps, migrations: result.migrations }),
    },
    summary,
    ...(result.ok ? {} : { failure: result.error ?? 'deploy failed' }),
  };
};
