import { rehearseCommand } from '../../rehearse/rehearse.js';
import { logDir as resolveLogDir } from '../../config/state-dir.js';
import type { ActionCommand } from '../context.js';
import { optionalInput } from '../inputs.js';
import { ActionLogSink } from '../log-sink.js';
import { table } from '../markdown.js';
import { rehearsalReleaseOption, rehearsalWindowSecondsOption } from '../../options/values.js';

const ICON: Record<string, string> = { passed: '✅', failed: '❌', skipped: '⏭️' };

/** Inputs: release, previous-release, environment, config, window-seconds, log-dir. */
export const rehearseAction: ActionCommand = async (ctx) => {
  const release = rehearsalReleaseOption(optionalInput(ctx.core, 'release'));
  const cwd = ctx.inputs.workingDirectory;
  const env = ctx.inputs.environmentVariables;
  const result = await rehearseCommand(
    {
      configPath: ctx.inputs.config,
      envName: ctx.inputs.environment,
      release,
      previousRelease: optionalInput(ctx.core, 'previous-release'),
      cwd,
      windowSeconds: rehearsalWindowSecondsOption(optionalInput(ctx.core, 'window-seconds')) ?? 30,
      rate: 10,
      logDir: resolveLogDir(cwd, optionalInput(ctx.core, 'log-dir')),
    },
    {
      clock: ctx.clock,
      env,
      sinks: [new ActionLogSink(ctx.core, 'dhash rehearse')],
      onStage: (s) => {
        ctx.core.info(`rehearse ${s.stage}: ${s.status} — ${s.detail}`);
      },
    },
  );
  const summary = [
    `## dhash-rollout rehearsal of \`${result.release}\`${result.previousRelease ? ` after \`${result.previousRelease}\`` : ''} (gates of \`${result.environment}\`): ${result.result === 'passed' ? '✅ passed' : '❌ failed'}`,
    `A scratch local target on this runner (${env.RUNNER_OS ?? process.platform}); nothing was sent and no real host or database was touched.`,
    table(
      ['stage', 'status', 'detail'],
      result.stages.map((s) => [s.stage, `${ICON[s.status] ?? ''} ${s.status}`, s.detail]),
    ),
    '### Checked by the deploy, on the target host',
    table(
      ['environment', 'config', 'what only the host can check'],
      result.environments.map((e) => [
        e.name,
        e.ok ? 'valid' : `invalid: ${e.error}`,
        e.checkedByDeploy.join('; '),
      ]),
    ),
    result.load
      ? `Generated load: ${result.load.completed}/${result.load.sent} requests answered (${Object.entries(
          result.load.status_counts,
        )
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}).`
      : '',
    `Record: \`${result.recordPath}\``,
  ]
    .filter(Boolean)
    .join('\n\n');
  const failed = result.stages.filter((s) => s.status === 'failed');
  return {
    outputs: {
      result: result.result,
      environment: result.environment,
      'record-path': result.recordPath,
      'evidence-path': result.rollouts.at(-1)?.evidencePath ?? '',
      'report-path': result.rollouts.at(-1)?.reportPath ?? '',
    },
    summary,
    failure: failed.length
      ? `rehearsal of ${result.release} failed: ${failed.map((s) => `${s.stage}: ${s.detail}`).join('; ')}`
      : undefined,
    exitCode: result.exitCode,
  };
};
