import { existsSync, readFileSync } from 'node:fs';
import { githubPortsFor, type GitHubPorts } from '../wiring/github.js';
import { UsageError } from '../runtime/errors.js';
import type { ActionCore } from './core.js';
import { optionalInput } from './inputs.js';

/** Input names of the GitHub-facing commands, as in action.yml and actions/<name>/action.yml. */
export const GitHubInputs = {
  token: 'github-token',
  state: 'state',
  githubDeploymentId: 'github-deployment-id',
  ref: 'ref',
  environmentUrl: 'environment-url',
  description: 'message',
  requiredApprovals: 'required-approvals',
  opsApprovers: 'ops-approvers',
  pullNumber: 'pull-number',
  bundleName: 'bundle-name',
  retentionDays: 'retention-days',
  upload: 'upload',
  bundlesDir: 'bundles-dir',
  deployWorkflow: 'deploy-workflow',
  rollbackWorkflow: 'rollback-workflow',
  jobResults: 'job-results',
  comment: 'comment',
} as const;

/** The REST client for the run's repository, with the token masked before anything can print it. */
export function githubApi(core: ActionCore, env: NodeJS.ProcessEnv): GitHubPorts {
  const token = optionalInput(core, GitHubInputs.token);
  if (token) core.setSecret(token);
  return githubPortsFor(env, token);
}

/** The webhook payload of the triggering event (GITHUB_EVENT_PATH), or {} when there is none. */
export function eventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH: cannot parse ${path}: ${(error as Error).message}`);
  }
}

/** The pull request number: the input, else the pull_request / pull_request_review event's. */
export function pullNumberFrom(core: ActionCore, env: NodeJS.ProcessEnv): number {
  const input = optionalInput(core, GitHubInputs.pullNumber);
  if (input !== undefined) return positiveInteger(GitHubInputs.pullNumber, input);
  const pull = (eventPayload(env).pull_request as { number?: unknown } | undefined)?.number;
  if (typeof pull === 'number' && Number.isInteger(pull) && pull > 0) return pull;
  throw new UsageError(
    `input "${GitHubInputs.pullNumber}": required outside pull_request and pull_request_review events (event: ${env.GITHUB_EVENT_NAME ?? 'unknown'})`,
  );
}

export function positiveInteger(name: string, value: string, min = 1): number {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`input "${name}": expected an integer of at least ${min}, got "${value}"`);
  return n;
}
