import { getOctokit } from '@actions/github';
import { OperationError, UsageError } from '../../runtime/errors.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface Repository {
  owner: string;
  repo: string;
}

export interface GitHubClientOptions {
  token: string;
  /** REST API root; GITHUB_API_URL on a runner (GitHub Enterprise Server has its own). */
  apiUrl: string;
}

/** The environment a runner gives an action; injected so tests can point it at a loopback server. */
export function clientOptionsFrom(env: NodeJS.ProcessEnv, token: string | undefined): GitHubClientOptions {
  const resolved = token || env.GITHUB_TOKEN || '';
  if (!resolved)
    throw new UsageError(
      'input "github-token": a token is required for the GitHub API (the default is github.token)',
    );
  return { token: resolved, apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '') };
}

export function repositoryFrom(env: NodeJS.ProcessEnv): Repository {
  const full = env.GITHUB_REPOSITORY ?? '';
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(full);
  if (!match) throw new UsageError(`GITHUB_REPOSITORY: expected "owner/repo", got "${full}"`);
  return { owner: match[1], repo: match[2] };
}

export function createOctokit(options: GitHubClientOptions): Octokit {
  return getOctokit(options.token, { baseUrl: options.apiUrl, userAgent: 'dhash-rollout' });
}

/**
 * Turns an Octokit failure into one operator-facing line. 401/403/404 usually mean the token
 * lacks a permission, so the message says which one the call needs.
 */
export function apiError(what: string, error: unknown, permission: string): OperationError {
  const e = error as { status?: number; message?: string } | null | undefined;
  const status = e?.status;
  const detail = e?.message ?? String(error);
  const hint =
    status === 401 || status === 403 || status === 404
      ? ` (HTTP ${status}: the token needs "${permission}")`
      : status
        ? ` (HTTP ${status})`
        : '';
  return new OperationError(`GitHub API: ${what} failed${hint}: ${detail}`, { cause: error });
}
