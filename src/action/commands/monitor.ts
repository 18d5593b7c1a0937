import { windowMinutesOption } from '../../options/values.js';
import { ActionLogSink } from '../log-sink.js';
import { githubRunUrl } from '../../domain/messages/compose.js';
import { renderPlan, runMonitor } from '../../commands/monitor.js';
import { logDir } from '../../config/state-dir.js';
import { gateTableMarkdown, monitorSummaryMarkdown } from '../../report/job-summary.js';
import type { MonitorEvidence } from '../../report/evidence.js';
import { metricSources, monitorPortsFor } from '../../wiring/monitor-ports.js';
import { readFileSync } from 'node:fs';
import type { ActionCommand } from '../context.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { codeBlock } from '../markdown.js';

/** Inputs: environment, config, base-url, dry-run, probe, window-minutes, log-dir, deployment-id, version. */
// eslint-disable-next-line max-lines-per-function -- the action front end of monitor: inputs in, outputs and summary out, field by field
export const monitorAction: ActionCommand = async (ctx) => {
  const config = ctx.loadConfig();
  const windowMinutes = windowMinutesOption(optionalInput(ctx.core, 'window-minutes'), config);
  const dir = logDir(ctx.inputs.workingDirectory, optionalInput(ctx.core, 'log-dir'));
  const env = ctx.inputs.environmentVariables;
  const runUrl = githubRunUrl(env);
  const result = await runMonitor(
    {
      config,
      dryRun: ctx.inputs.dryRun,
      probe: booleanInput(ctx.core, 'probe'),
      windowMinutes,
      logDir: dir,
      deploymentId: optionalInput(ctx.core, 'deployment-id'),
      version: optionalInput(ctx.core, 'version'),
      runUrl,
    },
    {
      clock: ctx.clock,
      env,
      metrics: metricSources(),
      sinks: [new ActionLogSink(ctx.core, 'dhash monitor')],
      ports: monitorPortsFor(
        config,
        {
          clock: ctx.clock,
          cwd: ctx.inputs.workingDirectory,
          env,
          interactive: false,
          logDir: dir,
        },
        ctx.inputs.dryRun,
      ),
    },
  );
  const outputs: Record<string, string> = {
    result: result.result === 'dry_run' ? 'planned' : result.result,
    environment: result.environment,
    'deployment-id': result.deploymentId,
    'failed-gates': result.failedGates.join(','),
    'report-path': result.reportPath ?? '',
    'evidence-path': result.evidencePath ?? '',
  };
  if (result.plan) {
    outputs.plan = JSON.stringify(result.plan);
    const probe = result.probe ? `\n\n### Probe\n\n${gateTableMarkdown(result.probe)}` : '';
    return {
      outputs,
      summary: `## dhash-rollout monitor (dry run) for \`${result.environment}\`\n\n${codeBlock(renderPlan(result.plan))}${probe}`,
    };
  }
  // Only a dry run (returned above) has no evidence file.
  if (result.evidencePath === null)
    throw new Error('monitor returned no evidence file for a run that watched');
  const evidence = JSON.parse(readFileSync(result.evidencePath, 'utf8')) as MonitorEvidence;
  const headline: Record<string, string> = {
    passed: '✅ passed',
    alerted: '⚠️ alerted',
    rolled_back: '↩️ rolled back',
    rollback_failed: '🛑 rollback FAILED',
    inconclusive: '❔ INCONCLUSIVE (no verdict)',
    interrupted: '⏹️ interrupted',
    preempted: '⏭️ preempted by a manual rollback',
  };
  const summary = [
    `## dhash-rollout monitor: ${headline[result.result] ?? result.result} for \`${result.environment}\``,
    monitorSummaryMarkdown(evidence, { heading: '###' }),
    result.rollback
      ? `**Rollback:** ${result.rollback.ok ? 'completed and validated' : `failed: ${result.rollback.error}`}`
      : '',
    result.rollbackCommand
      ? `**Rollback needs confirmation.** Run:\n\n${codeBlock(result.rollbackCommand, 'sh')}`
      : '',
    `Evidence: \`${result.evidencePath}\` · report: \`${result.reportPath}\` · log: \`${result.logPath}\``,
  ]
    .filter(Boolean)
    .join('\n\n');
  const failure =
    result.result === 'rolled_back'
      ? `quality gates ${result.failedGates.join(', ')} failed; the deployment was rolled back`
      : result.result === 'rollback_failed'
        ? `quality gates ${result.failedGates.join(', ')} failed and the rollback FAILED: ${result.rollback?.error ?? ''}`
        : result.result === 'inconclusive'
          ? `monitoring was inconclusive (no verdict for ${result.failedGates.join(', ')}): not a pass`
          : result.result === 'interrupted'
            ? 'monitoring was interrupted; the evidence was written'
            : undefined;
  return { outputs, summary, failure, exitCode: result.exitCode };
};
