/** The states a GitHub deployment status can take, as the Deployments API spells them. */
export const DEPLOYMENT_STATES = [
  'in_progress',
  'queued',
  'success',
  'failure',
  'error',
  'inactive',
] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];
