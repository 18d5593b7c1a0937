import type { NewDeployment } from '../adapters/github/deployments.js';
import { DEPLOYMENT_STATES, type DeploymentState } from '../domain/github/deployment-states.js';
import { UsageError } from '../runtime/errors.js';

/** What the command needs from the Deployments API; GitHubDeployments implements it. */
export interface DeploymentsApi {
  create(deployment: NewDeployment): Promise<number>;
  setStatus(
    id: number,
    update: { state: DeploymentState; description?: string; logUrl?: string; environmentUrl?: string },
  ): Promise<number>;
  active(environment: string): Promise<{ id: number; ref: string } | null>;
}

export interface DeploymentStatusOptions {
  state: string;
  environment: string;
  /** The GitHub deployment to update; absent: create one (in_progress/queued) or find the live one (inactive). */
  githubDeploymentId?: number;
  ref: string;
  description?: string;
  logUrl?: string;
  environmentUrl?: string;
  payload?: Record<string, unknown>;
}

export interface DeploymentStatusResult {
  /** The deployment the status was written to; null when `inactive` found nothing live. */
  githubDeploymentId: number | null;
  state: DeploymentState;
  created: boolean;
  statusId: number | null;
  ref: string | null;
}

export function parseDeploymentState(value: string): DeploymentState {
  const state = value.trim().toLowerCase().replace(/-/g, '_');
  if (!(DEPLOYMENT_STATES as readonly string[]).includes(state)) {
    throw new UsageError(`input "state": expected one of ${DEPLOYMENT_STATES.join(', ')}, got "${value}"`);
  }
  return state as DeploymentState;
}

/**
 * `deployment-status`: the Deployments API as a guarded rollout reports itself.
 * - in_progress/queued without an id creates the deployment first, so one step starts it;
 * - success/failure/error need the id the first step returned;
 * - inactive without an id marks the environment's live deployment, which is what a manual
 *   rollback replaces.
 */
export async function deploymentStatusCommand(
  options: DeploymentStatusOptions,
  api: DeploymentsApi,
): Promise<DeploymentStatusResult> {
  const state = parseDeploymentState(options.state);
  const update = {
    state,
    description: options.description,
    logUrl: options.logUrl,
    environmentUrl: options.environmentUrl,
  };
  let id = options.githubDeploymentId ?? null;
  let created = false;
  let ref: string | null = options.ref;
  if (id === null) {
    if (state === 'in_progress' || state === 'queued') {
      id = await api.create({
        ref: options.ref,
        environment: options.environment,
        description: options.description,
        payload: options.payload,
        productionEnvironment: options.environment === 'production',
      });
      created = true;
    } else if (state === 'inactive') {
      const live = await api.active(options.environment);
      if (!live) return { githubDeploymentId: null, state, created: false, statusId: null, ref: null };
      id = live.id;
      ref = live.ref;
    } else {
      throw new UsageError(
        `input "github-deployment-id": required for state "${state}" (the id the in_progress step returned)`,
      );
    }
  }
  const statusId = await api.setStatus(id, update);
  return { githubDeploymentId: id, state, created, statusId, ref };
}
