import { rollbackCommand } from '../../commands/rollback.js';
import { logDir } from '../../config/state-dir.js';
import { rollbackCommandDepsFor } from '../../wiring/index.js';
import { rollbackLogger } from '../../wiring/operation-log.js';
import { ActionLogSink } from '../log-sink.js';
import type { ActionCommand } from '../context.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { table } from '../markdown.js';
import { backupOption } from '../../options/values.js';

/**
 * `command: rollback`. Inputs: backup (file or "latest"), force (required for production: a
 * workflow has no terminal to type a confirmation on), skip-validation, reason, dry-run.
 */
export const rollbackAction: ActionCommand = async (ctx) => {
  const backup = backupOption(optionalInput(ctx.core, 'backup'));
  const config = ctx.loadConfig();
  const cwd = ctx.inputs.workingDirectory;
  const dir = logDir(cwd, optionalInput(ctx.core, 'log-dir'));
  const logger = rollbackLogger(config, dir, ctx.clock, ctx.inputs.dryRun, [
    new ActionLogSink(ctx.core, 'dhash rollback'),
  ]);
  const runtime = {
    clock: ctx.clock,
    logger,
    cwd,
    env: ctx.inputs.environmentVariables,
    interactive: false,
    logDir: dir,
  };
  const result = await rollbackCommand(
    {
      config,
      cwd,
      backup,
      dryRun: ctx.inputs.dryRun,
      force: booleanInput(ctx.core, 'force'),
      skipValidation: booleanInput(ctx.core, 'skip-validation'),
      reason: optionalInput(ctx.core, 'reason'),
      interactive: false,
    },
    rollbackCommandDepsFor(config, runtime, ctx.inputs.dryRun),
  );
  const summary = [
    `## dhash-rollout rollback of \`${config.envName}\`: ${result.dryRun ? 'plan (dry-run)' : result.ok ? '✅ completed' : '❌ FAILED'}`,
    `Backup \`${result.backup}\`${result.sha256 ? ` (sha256 \`${result.sha256}\`)` : ''} · release ${result.fromRelease ?? '-'} → ${result.toRelease ?? '-'}`,
    table(
      ['step', 'status', 'detail'],
      result.steps.map((s) => [s.step, s.status, s.detail]),
    ),
    result.preRollbackSnapshot ? `Pre-rollback snapshot: \`${result.preRollbackSnapshot}\`` : '',
  ].join('\n\n');
  return {
    outputs: {
      result: result.dryRun ? 'planned' : result.ok ? 'restored' : 'failed',
      environment: config.envName,
      'backup-path': result.backup,
      'backup-sha256': result.sha256 ?? '',
    },
    summary,
    failure: result.ok ? undefined : `rollback failed: ${result.error}`,
  };
};
