import type { GateFigure, NotificationEvent, NotificationLevel, NotificationMessage } from '../../ports.js';
import { EVENT_LABELS } from './content.js';

/** The level an event is announced at unless the caller says otherwise. */
export const EVENT_LEVELS: Record<NotificationEvent, NotificationLevel> = {
  deployment_start: 'info',
  deployment_success: 'info',
  deployment_failure: 'error',
  rollback_start: 'warning',
  rollback_success: 'warning',
  rollback_failure: 'critical',
  monitoring_alert: 'warning',
  gate_resolved: 'info',
  escalation: 'critical',
};

const DEFAULT_TEXT: Record<NotificationEvent, string> = {
  deployment_start: 'A deployment of the dhash service has started.',
  deployment_success: 'The deployment completed and passed its checks.',
  deployment_failure: 'The deployment failed; see the logs for the failing step.',
  rollback_start: 'A rollback of the dhash service has started.',
  rollback_success: 'The rollback completed and the service validated.',
  rollback_failure: 'The rollback did not complete or did not validate. Manual action is needed.',
  monitoring_alert: 'A quality gate breached its threshold.',
  gate_resolved: 'A quality gate that was breached is back within its threshold.',
  escalation: 'A breach has lasted past its escalation time.',
};

/** The workflow run's URL from the variables GitHub sets, or undefined outside Actions. */
export function githubRunUrl(env: Record<string, string | undefined>): string | undefined {
  const {
    GITHUB_SERVER_URL: server,
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: run,
    GITHUB_RUN_ATTEMPT: attempt,
  } = env;
  if (!server || !repo || !run) return undefined;
  return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`;
}

export interface DeploymentEventInput {
  event: NotificationEvent;
  environment: string;
  deploymentId: string;
  level?: NotificationLevel;
  version?: string;
  text?: string;
  gates?: GateFigure[];
  links?: NotificationMessage['links'];
  mention?: string;
}

/** `deploy-notify`: the seed's event announcements, with a headline that reads well in a channel list. */
export function deploymentEventMessage(input: DeploymentEventInput): NotificationMessage {
  const what = input.version ? `dhash ${input.version}` : 'dhash';
  const message: NotificationMessage = {
    event: input.event,
    level: input.level ?? EVENT_LEVELS[input.event],
    title: `${EVENT_LABELS[input.event]}: ${what} on ${input.environment}`,
    text: input.text ?? DEFAULT_TEXT[input.event],
    environment: input.environment,
    deploymentId: input.deploymentId,
  };
  if (input.version) message.version = input.version;
  if (input.gates) message.gates = input.gates;
  if (input.links && Object.keys(input.links).length > 0) message.links = input.links;
  if (input.mention) message.mention = input.mention;
  return message;
}
