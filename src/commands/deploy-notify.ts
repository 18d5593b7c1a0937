import { deploymentEventMessage } from '../domain/messages/compose.js';
import type { NotificationEvent, NotificationLevel } from '../ports.js';
import { deliverMessage, deploymentIdFor, runLinks, type NotifyDeps, type NotifyResult } from './notify.js';

export interface DeployNotifyOptions {
  event: NotificationEvent;
  level?: NotificationLevel;
  text?: string;
  version?: string;
  deploymentId?: string;
  logsUrl?: string;
  mention?: string;
  dryRun: boolean;
}

/**
 * `deploy-notify`: announces a deployment event. The dedup key is deployment id + event, so a
 * re-run of the same step (or a replay) is recognisable as the same announcement.
 */
export async function deployNotifyCommand(
  options: DeployNotifyOptions,
  deps: NotifyDeps,
): Promise<NotifyResult> {
  const message = deploymentEventMessage({
    event: options.event,
    environment: deps.config.envName,
    deploymentId: deploymentIdFor(options.deploymentId, deps),
    level: options.level,
    version: options.version,
    text: options.text?.trim() || undefined,
    links: runLinks(deps.env, options.logsUrl),
    mention: options.mention,
  });
  return deliverMessage(message, options.dryRun, deps);
}
