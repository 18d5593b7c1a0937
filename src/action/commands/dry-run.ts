import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { githubRunUrl } from '../../domain/messages/compose.js';
import { logDir as resolveLogDir } from '../../config/state-dir.js';
import { dryRunCommand } from '../../commands/dry-run.js';
import { STEP_DRY_RUNS } from '../../wiring/dry-run-steps.js';
import { newDeploymentId } from '../../runtime/deployment-id.js';
import { JsonFileSink, JsonLinesLogger } from '../../runtime/logger.js';
import { toolVersion } from '../../runtime/package-root.js';
import { fileStamp } from '../../domain/time/file-stamp.js';
import type { ActionCommand } from '../context.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { codeBlock, table } from '../markdown.js';

const STATUS_ICON: Record<string, string> = { planned: '✅', skipped: '⏭️', failed: '❌', unavailable: '⚠️' };

export const dryRunAction: ActionCommand = async (ctx) => {
  const config = ctx.loadConfig();
  const env = ctx.inputs.environmentVariables;
  const cwd = ctx.inputs.workingDirectory;
  const logDir = resolveLogDir(cwd, optionalInput(ctx.core, 'log-dir'));
  const now = ctx.clock.now();
  const deploymentId = optionalInput(ctx.core, 'deployment-id') ?? newDeploymentId(config.envName, now, env);
  const logPath = join(logDir, `dry_run_${config.envName}_${fileStamp(now)}.log`);
  const logger = new JsonLinesLogger(ctx.clock, [new JsonFileSink(logPath)], config.redactor);

  const { manifest } = await dryRunCommand(
    {
      config,
      deploymentId,
      release: optionalInput(ctx.core, 'release'),
      probe: booleanInput(ctx.core, 'probe'),
      toolVersion: toolVersion(),
      providers: STEP_DRY_RUNS,
      runUrl: githubRunUrl(env),
      onStep: (step) => {
        ctx.core.info(`dry-run: planning ${step}`);
      },
    },
    { clock: ctx.clock, logger, cwd, env, interactive: false, logDir },
  );
  mkdirSync(logDir, { recursive: true });
  const manifestPath = join(logDir, `deployment-manifest_${config.envName}.json`);
  writeFileSync(manifestPath, config.redactor.text(`${JSON.stringify(manifest, null, 2)}\n`));

  for (const warning of manifest.validation.warnings)
    ctx.core.warning(warning, { title: 'dhash-rollout config' });
  for (const step of manifest.steps) {
    if (step.status === 'failed')
      ctx.core.error(step.detail, { title: `dhash-rollout dry-run: ${step.step} failed` });
    if (step.status === 'unavailable')
      ctx.core.warning(step.detail, { title: `dhash-rollout dry-run: ${step.step} not planned` });
  }

  const heading = { planned: '✅ plan complete', incomplete: '⚠️ plan incomplete', failed: '❌ plan failed' }[
    manifest.result
  ];
  const summary = [
    `## dhash-rollout dry-run for \`${manifest.environment}\`: ${heading}`,
    `Deployment id \`${manifest.deployment_id}\` · config \`${manifest.config_source}\` · release ${manifest.release ? `\`${manifest.release}\`` : '(none given)'} · ${manifest.runner.runner_os ?? manifest.runner.os}/${manifest.runner.arch}, Node ${manifest.runner.node}`,
    table(
      ['step', 'status', 'detail'],
      manifest.steps.map((s) => [s.step, `${STATUS_ICON[s.status] ?? ''} ${s.status}`, s.detail]),
    ),
    ...manifest.steps
      .filter((s) => s.plan !== null)
      .map(
        (s) =>
          `<details><summary>${s.step}: the plan as the command returned it</summary>\n\n${codeBlock(JSON.stringify(s.plan, null, 2), 'json')}\n</details>`,
      ),
    `Nothing was changed and nothing was sent. Manifest: \`${manifestPath}\``,
  ].join('\n\n');

  const problems = manifest.steps
    .filter((s) => s.status === 'failed' || s.status === 'unavailable')
    .map((s) => `${s.step} ${s.status}`);
  return {
    outputs: {
      result: manifest.result,
      environment: manifest.environment,
      plan: JSON.stringify(manifest.steps),
      'manifest-path': manifestPath,
      'deployment-id': deploymentId,
    },
    summary,
    failure:
      manifest.result === 'planned'
        ? undefined
        : `dry-run for ${manifest.environment} is ${manifest.result}: ${problems.join(', ')}`,
  };
};
