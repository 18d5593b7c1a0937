import { githubRunUrl } from '../../domain/messages/compose.js';
import { deploymentStatusCommand } from '../../commands/deployment-status.js';
import { UsageError } from '../../runtime/errors.js';
import type { ActionCommand } from '../context.js';
import { GitHubInputs, githubApi, positiveInteger } from '../github-inputs.js';
import { optionalInput } from '../inputs.js';
import { table } from '../markdown.js';

export const deploymentStatusAction: ActionCommand = async (ctx) => {
  const env = ctx.inputs.environmentVariables;
  const state = optionalInput(ctx.core, GitHubInputs.state);
  if (!state)
    throw new UsageError(
      `input "${GitHubInputs.state}": required (in_progress, success, failure, error, inactive or queued)`,
    );
  const environment = ctx.inputs.environment;
  if (!environment)
    throw new UsageError('input "environment": required for deployment-status (the GitHub environment name)');
  const idInput = optionalInput(ctx.core, GitHubInputs.githubDeploymentId);
  const ref = optionalInput(ctx.core, GitHubInputs.ref) ?? env.GITHUB_SHA;
  if (!ref) throw new UsageError(`input "${GitHubInputs.ref}": required when GITHUB_SHA is not set`);
  const api = githubApi(ctx.core, env);
  const logUrl = githubRunUrl(env);
  const result = await deploymentStatusCommand(
    {
      state,
      environment,
      githubDeploymentId:
        idInput === undefined ? undefined : positiveInteger(GitHubInputs.githubDeploymentId, idInput),
      ref,
      description: optionalInput(ctx.core, GitHubInputs.description),
      logUrl,
      environmentUrl: optionalInput(ctx.core, GitHubInputs.environmentUrl),
      payload: {
        tool: 'dhash-rollout',
        deployment_id: optionalInput(ctx.core, 'deployment-id') ?? null,
        version: optionalInput(ctx.core, 'version') ?? null,
        release: optionalInput(ctx.core, 'release') ?? null,
      },
    },
    api.deployments,
  );
  const id = result.githubDeploymentId;
  const summary = [
    `## dhash-rollout: deployment status \`${result.state}\` for \`${environment}\``,
    id === null
      ? `No live deployment of \`${environment}\` was found, so nothing was marked inactive.`
      : table(
          ['deployment', 'ref', 'state', 'created now', 'log'],
          [[id, result.ref ?? '', result.state, result.created ? 'yes' : 'no', logUrl ?? '']],
        ),
  ].join('\n\n');
  if (id === null)
    ctx.core.notice(`no live deployment of ${environment} to mark inactive`, {
      title: 'dhash-rollout deployment status',
    });
  return {
    outputs: {
      result: id === null ? 'none' : result.state,
      environment,
      'github-deployment-id': id === null ? '' : String(id),
    },
    summary,
  };
};
