import { apiError, type Octokit, type Repository } from './client.js';

import type { DeploymentState } from '../../domain/github/deployment-states.js';

export { DEPLOYMENT_STATES, type DeploymentState } from '../../domain/github/deployment-states.js';

export interface NewDeployment {
  ref: string;
  environment: string;
  description?: string;
  /** Stored with the deployment: the dhash deployment id, release, version. */
  payload?: Record<string, unknown>;
  productionEnvironment?: boolean;
}

export interface StatusUpdate {
  state: DeploymentState;
  description?: string;
  logUrl?: string;
  environmentUrl?: string;
}

export interface DeploymentRecord {
  id: number;
  ref: string;
  environment: string;
  /** The latest status, or null when it has none. */
  latestState: string | null;
}

const WRITE = 'deployments: write';
const READ = 'deployments: read';

/** The Deployments API, as a deploy workflow uses it: create, report statuses, find what is live. */
export class GitHubDeployments {
  constructor(
    private readonly octokit: Octokit,
    private readonly repository: Repository,
  ) {}

  async create(deployment: NewDeployment): Promise<number> {
    try {
      const response = await this.octokit.rest.repos.createDeployment({
        ...this.repository,
        ref: deployment.ref,
        environment: deployment.environment,
        description: deployment.description?.slice(0, 140),
        payload: deployment.payload ?? {},
        // The workflow has already run its own checks; GitHub's commit-status gate would only
        // repeat them (and refuse refs whose checks are still running, such as this one).
        required_contexts: [],
        auto_merge: false,
        transient_environment: false,
        production_environment: deployment.productionEnvironment,
      });
      if (response.status !== 201 || !('id' in response.data)) {
        throw new Error(
          `unexpected response ${response.status}: ${JSON.stringify(response.data).slice(0, 200)}`,
        );
      }
      return response.data.id;
    } catch (error) {
      throw apiError(`creating a deployment of ${deployment.ref} to ${deployment.environment}`, error, WRITE);
    }
  }

  async setStatus(deploymentId: number, update: StatusUpdate): Promise<number> {
    try {
      const response = await this.octokit.rest.repos.createDeploymentStatus({
        ...this.repository,
        deployment_id: deploymentId,
        state: update.state,
        description: update.description?.slice(0, 140),
        log_url: update.logUrl,
        environment_url: update.environmentUrl,
        // A new success makes earlier deployments of the environment inactive, as GitHub shows them.
        auto_inactive: update.state === 'success',
      });
      return response.data.id;
    } catch (error) {
      throw apiError(`setting deployment ${deploymentId} to ${update.state}`, error, WRITE);
    }
  }

  async latestState(deploymentId: number): Promise<string | null> {
    try {
      const response = await this.octokit.rest.repos.listDeploymentStatuses({
        ...this.repository,
        deployment_id: deploymentId,
        per_page: 1,
      });
      return response.data[0]?.state ?? null;
    } catch (error) {
      throw apiError(`reading statuses of deployment ${deploymentId}`, error, READ);
    }
  }

  /** The environment's live deployment: the newest one whose latest status is success. */
  async active(environment: string, scanLimit = 30): Promise<DeploymentRecord | null> {
    let deployments;
    try {
      const response = await this.octokit.rest.repos.listDeployments({
        ...this.repository,
        environment,
        per_page: scanLimit,
      });
      deployments = response.data;
    } catch (error) {
      throw apiError(`listing deployments of ${environment}`, error, READ);
    }
    for (const deployment of deployments) {
      const latestState = await this.latestState(deployment.id);
      if (latestState === 'success')
        return { id: deployment.id, ref: deployment.ref, environment, latestState };
    }
    return null;
  }
}
