import { resolve } from 'node:path';
import { openOperationLog } from '../../wiring/deploy-deps.js';
import { migrationMechanics } from '../../wiring/migration-mechanics.js';
import { migrateCommand } from '../../commands/migrate.js';
import { logDir } from '../../config/state-dir.js';
import type { ActionCommand } from '../context.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { table } from '../markdown.js';
import { ActionLogSink } from '../log-sink.js';
import { directionOption, migrateToOption } from '../../options/values.js';

/**
 * Inputs: dry-run, force, release (its migrations/), and the optional `direction`, `to`,
 * `migrations-dir`. A job has no terminal, so a production run needs force: true (after the
 * environment's approval) or it is refused.
 */
export const migrateAction: ActionCommand = async (ctx) => {
  const direction = directionOption(optionalInput(ctx.core, 'direction'));
  const to = migrateToOption(optionalInput(ctx.core, 'to'));
  const config = ctx.loadConfig();
  const cwd = ctx.inputs.workingDirectory;
  const log = openOperationLog(
    'migrate',
    config,
    logDir(cwd, optionalInput(ctx.core, 'log-dir')),
    ctx.clock,
    [new ActionLogSink(ctx.core, 'dhash migrate')],
  );
  const release = optionalInput(ctx.core, 'release');
  const result = await migrateCommand(
    {
      config,
      direction,
      to,
      dryRun: ctx.inputs.dryRun,
      force: booleanInput(ctx.core, 'force'),
      migrationsDir: optionalInput(ctx.core, 'migrations-dir'),
      releaseDir: release ? resolve(cwd, release) : undefined,
    },
    {
      clock: ctx.clock,
      logger: log.logger,
      cwd,
      migrations: migrationMechanics(config, cwd),
      interactive: false,
    },
  );
  const summary = [
    `## dhash-rollout migrate${result.dryRun ? ' (dry-run, rolled back)' : ''}: \`${result.environment}\``,
    `${result.database} · schema version ${result.currentVersion} → ${result.targetVersion} (${result.direction})`,
    result.steps.length
      ? table(
          ['version', 'name', 'direction', 'outcome'],
          result.steps.map((s) => [
            s.version,
            s.name,
            s.direction,
            result.outcomes.find((o) => o.version === s.version)?.status ?? 'not run',
          ]),
        )
      : 'Nothing to do: the database is up to date.',
    result.error ? `**Error:** ${result.error}` : '',
  ]
    .filter((p) => p !== '')
    .join('\n\n');
  return {
    outputs: {
      result: result.ok ? (result.dryRun ? 'planned' : 'migrated') : 'error',
      environment: result.environment,
      plan: JSON.stringify({ steps: result.steps, targetVersion: result.targetVersion }),
      'report-path': log.path,
    },
    summary,
    ...(result.ok ? {} : { failure: result.error ?? 'migration failed' }),
  };
};
