import { randomBytes } from 'node:crypto';
import { fileStamp } from '../domain/time/file-stamp.js';

/**
 * One id per rollout, shared by logs, notifications, evidence and outputs. In GitHub Actions it is
 * derived from the run, so re-runs of the same attempt agree; elsewhere it is stamped and salted.
 */
export function newDeploymentId(
  environment: string,
  nowMs: number,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (env.GITHUB_RUN_ID) return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${environment}`;
  return `${environment}-${fileStamp(nowMs)}-${randomBytes(3).toString('hex')}`;
}
