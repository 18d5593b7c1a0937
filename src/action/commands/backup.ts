import { createBackup, planBackup } from '../../commands/backup.js';
import { backupStorage } from '../../wiring/backup-archives.js';
import { JsonLinesLogger } from '../../runtime/logger.js';
import { ActionLogSink } from '../log-sink.js';
import type { ActionCommand, ActionResult } from '../context.js';
import { table } from '../markdown.js';

/** `command: backup`. Inputs: environment, config, working-directory, dry-run. Outputs: backup-path, backup-sha256. */
export const backupAction: ActionCommand = async (ctx): Promise<ActionResult> => {
  const config = ctx.loadConfig();
  const cwd = ctx.inputs.workingDirectory;
  if (ctx.inputs.dryRun) {
    const plan = planBackup({ config, cwd }, { clock: ctx.clock, storage: backupStorage() });
    for (const w of plan.warnings) ctx.core.warning(w, { title: 'dhash backup' });
    const summary = [
      `## dhash-rollout backup (dry-run) for \`${config.envName}\``,
      `Would write \`${plan.path}\`: ${plan.files} files, ${(plan.bytes / 1e6).toFixed(1)} MB before compression; release \`${plan.release ?? '-'}\``,
      table(
        ['path', 'files', 'MB'],
        [
          ...plan.paths.map((p) => [p.path, String(p.files), (p.bytes / 1e6).toFixed(1)]),
          ...(plan.database
            ? [[`${plan.database.path} (database snapshot)`, '1', (plan.database.bytes / 1e6).toFixed(1)]]
            : []),
        ],
      ),
      plan.retention.remove.length
        ? `Retention would delete: ${plan.retention.remove.map((r) => `\`${r.name}\``).join(', ')}`
        : 'Retention would delete nothing.',
    ].join('\n\n');
    return {
      outputs: {
        result: 'planned',
        environment: config.envName,
        'backup-path': plan.path,
        plan: JSON.stringify(plan),
      },
      summary,
    };
  }
  const logger = new JsonLinesLogger(
    ctx.clock,
    [new ActionLogSink(ctx.core, 'dhash backup')],
    config.redactor,
  );
  let last = 0;
  const result = await createBackup(
    { config, cwd },
    {
      clock: ctx.clock,
      logger,
      storage: backupStorage(),
      onProgress: (p) => {
        if (p.elapsedMs - last < 10_000) return;
        last = p.elapsedMs;
        ctx.core.info(
          `backup: ${p.phase} ${(p.bytesDone / 1e6).toFixed(0)} of ${(p.bytesTotal / 1e6).toFixed(0)} MB`,
        );
      },
    },
  );
  const summary = [
    `## dhash-rollout backup of \`${config.envName}\`: written and verified`,
    table(
      ['file', 'sha256', 'size', 'files', 'release'],
      [
        [
          `\`${result.path}\``,
          `\`${result.sha256}\``,
          `${(result.sizeBytes / 1e6).toFixed(1)} MB`,
          String(result.manifest.totals.files),
          result.manifest.release ?? '-',
        ],
      ],
    ),
    result.removed.length ? `Retention removed: ${result.removed.map((r) => `\`${r}\``).join(', ')}` : '',
  ].join('\n\n');
  return {
    outputs: {
      result: 'created',
      environment: config.envName,
      'backup-path': result.path,
      'backup-sha256': result.sha256,
    },
    summary,
  };
};
