import { rolloutReleaseOption, windowMinutesOption } from '../../options/values.js';
import { ActionLogSink } from '../log-sink.js';
import { githubRunUrl } from '../../domain/messages/compose.js';
import { readFileSync } from 'node:fs';
import { rolloutCommand } from '../../commands/rollout.js';
import { buildRolloutDeps } from '../../wiring/rollout-deps.js';
import { logDir } from '../../config/state-dir.js';
import type { MonitorEvidence } from '../../report/evidence.js';
import { monitorSummaryMarkdown } from '../../report/job-summary.js';
import { newDeploymentId } from '../../runtime/deployment-id.js';
import type { ActionCommand } from '../context.js';
import { optionalInput } from '../inputs.js';
import { table } from '../markdown.js';

/** Inputs: environment, config, release, dry-run, window-minutes, deployment-id, log-dir, base-url. */
export const rolloutAction: ActionCommand = async (ctx) => {
  const release = rolloutReleaseOption(optionalInput(ctx.core, 'release'));
  const config = ctx.loadConfig();
  const windowMinutes = windowMinutesOption(optionalInput(ctx.core, 'window-minutes'), config);
  const env = ctx.inputs.environmentVariables;
  const dir = logDir(ctx.inputs.workingDirectory, optionalInput(ctx.core, 'log-dir'));
  const runUrl = githubRunUrl(env);
  const deps = buildRolloutDeps({
    config,
    clock: ctx.clock,
    cwd: ctx.inputs.workingDirectory,
    env,
    interactive: false,
    logDir: dir,
    dryRun: ctx.inputs.dryRun,
    sinks: [new ActionLogSink(ctx.core, 'dhash rollout')],
  });
  const result = await rolloutCommand(
    {
      config,
      release,
      dryRun: ctx.inputs.dryRun,
      deploymentId:
        optionalInput(ctx.core, 'deployment-id') ?? newDeploymentId(config.envName, ctx.clock.now(), env),
      logDir: dir,
      windowMinutes,
      runUrl,
      cwd: ctx.inputs.workingDirectory,
    },
    deps,
  );
  const outputs: Record<string, string> = {
    result: result.outcome === 'dry_run' ? 'planned' : result.outcome,
    environment: result.environment,
    'deployment-id': result.deploymentId,
    'failed-gates': result.failedGates.join(','),
    'backup-path': result.backupPath ?? '',
    'report-path': result.monitor?.reportPath ?? '',
    'evidence-path': result.monitor?.evidencePath ?? '',
  };
  const headline: Record<string, string> = {
    passed: '✅ passed',
    alerted: '⚠️ alerted',
    rolled_back: '↩️ rolled back',
    rollback_failed: '🛑 rollback FAILED',
    inconclusive: '❔ INCONCLUSIVE (no verdict; not a success)',
    interrupted: '⏹️ interrupted',
    preempted: '⏭️ preempted by a manual rollback',
    dry_run: '📝 dry run',
  };
  const parts = [
    `## dhash-rollout rollout: ${headline[result.outcome]} — \`${result.release}\` to \`${result.environment}\``,
    `${result.reason} · deployment \`${result.deploymentId}\` · live before \`${result.previousRelease ?? 'none'}\`, now \`${result.liveRelease ?? 'none'}\``,
  ];
  // The monitoring verdict, gate table and chart come first; the stage table follows.
  if (result.monitor && !result.monitor.dryRun && result.monitor.evidencePath) {
    const evidence = JSON.parse(readFileSync(result.monitor.evidencePath, 'utf8')) as MonitorEvidence;
    parts.push(monitorSummaryMarkdown(evidence, { heading: '###' }));
  }
  parts.push(
    table(
      ['stage', 'status', 'ended', 'detail'],
      result.stages.map((s) => [s.stage, s.status, s.endedAt, s.detail]),
    ),
  );
  const failure =
    result.outcome === 'rolled_back'
      ? `rollout of ${result.release} rolled back: ${result.reason}`
      : result.outcome === 'rollback_failed'
        ? `rollout of ${result.release} failed and the rollback did NOT complete: ${result.reason}`
        : result.outcome === 'inconclusive' || result.outcome === 'interrupted'
          ? `rollout of ${result.release} is not a success: ${result.reason}`
          : undefined;
  return { outputs, summary: parts.join('\n\n'), failure, exitCode: result.exitCode };
};
