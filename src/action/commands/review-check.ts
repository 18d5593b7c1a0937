import { parseOpsApprovers } from '../../domain/reviews/approvals.js';
import { reviewCheckCommand } from '../../commands/review-check.js';
import { UsageError } from '../../runtime/errors.js';
import type { ActionCommand } from '../context.js';
import { GitHubInputs, githubApi, positiveInteger, pullNumberFrom } from '../github-inputs.js';
import { optionalInput } from '../inputs.js';
import { table } from '../markdown.js';

export const reviewCheckAction: ActionCommand = async (ctx) => {
  const env = ctx.inputs.environmentVariables;
  const api = githubApi(ctx.core, env);
  const required = positiveInteger(
    GitHubInputs.requiredApprovals,
    optionalInput(ctx.core, GitHubInputs.requiredApprovals) ?? '2',
    0,
  );
  let ops;
  try {
    ops = parseOpsApprovers(optionalInput(ctx.core, GitHubInputs.opsApprovers), api.repository.owner);
  } catch (error) {
    throw new UsageError(`input "${GitHubInputs.opsApprovers}": ${(error as Error).message}`);
  }
  const pullNumber = pullNumberFrom(ctx.core, env);
  const result = await reviewCheckCommand(
    { pullNumber, requiredApprovals: required, opsApprovers: ops },
    api.reviews,
  );

  const summary = [
    `## dhash-rollout: review check ${result.approved ? '✅ approved' : '⏳ not yet approved'} (#${result.pullNumber})`,
    `${result.approvals} of ${result.required} required distinct approvals · Ops approvers (${result.opsSource}): ${result.opsApprovers.length > 0 ? result.opsApprovers.join(', ') : result.opsRequired ? 'none yet' : 'not required'}`,
    result.standings.length > 0
      ? table(
          ['reviewer', 'latest verdict', 'submitted', 'Ops'],
          result.standings.map((s) => [s.login, s.state, s.submittedAt, s.ops ? 'yes' : '']),
        )
      : 'No reviews with a verdict yet.',
    result.missing.length > 0 ? `**Missing:**\n${result.missing.map((m) => `- ${m}`).join('\n')}` : '',
    'Each reviewer counts once, on their latest approving, change-requesting or dismissed review; this check re-runs when a review is submitted or dismissed.',
  ]
    .filter((s) => s !== '')
    .join('\n\n');
  if (!result.approved) ctx.core.error(result.missing.join('; '), { title: 'dhash-rollout review check' });
  return {
    outputs: {
      result: result.approved ? 'approved' : 'pending',
      approved: String(result.approved),
      approvals: String(result.approvals),
      approvers: result.approvers.join(','),
      'ops-approved-by': result.opsApprovers.join(','),
    },
    summary,
    failure: result.approved ? undefined : `review check: ${result.missing.join('; ')}`,
  };
};
