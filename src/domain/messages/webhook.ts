import type { NotificationMessage } from '../../ports.js';
import { dedupKeyOf, incidentKeyOf, plainText } from './content.js';
import { recipientsOf } from './mentions.js';

/** A documented, versioned shape for receivers that are not a chat product. */
export const GENERIC_SCHEMA = 'dhash-rollout.notification/v1';

export interface GenericPayload {
  schema: typeof GENERIC_SCHEMA;
  dedup_key: string;
  /** Shared by a breach's alert, escalations and resolution. */
  incident_key: string;
  event: string;
  level: string;
  title: string;
  text: string;
  summary: string;
  environment: string;
  deployment_id: string;
  version: string | null;
  gates: NotificationMessage['gates'];
  links: NonNullable<NotificationMessage['links']>;
  mention: string | null;
  recipients: string[];
  timestamp: string | null;
}

export function renderGeneric(
  message: NotificationMessage,
  options: { timestamp?: string } = {},
): GenericPayload {
  return {
    schema: GENERIC_SCHEMA,
    dedup_key: dedupKeyOf(message),
    incident_key: incidentKeyOf(message),
    event: message.event,
    level: message.level,
    title: message.title,
    text: message.text,
    summary: plainText(message),
    environment: message.environment,
    deployment_id: message.deploymentId,
    version: message.version ?? null,
    gates: message.gates ?? [],
    links: message.links ?? {},
    mention: message.mention ?? null,
    recipients: recipientsOf(message),
    timestamp: options.timestamp ?? null,
  };
}
