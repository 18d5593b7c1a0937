import { z } from 'zod';

/**
 * The settings half of the channel catalog: every channel's name and the variables it reads.
 * It lives with the config because the loader reads these variables (and redacts the secrets)
 * before any channel exists; the other half, one module per channel (renderer, classifier,
 * sender), is src/adapters/notify/channels/catalog.ts, typed against CHANNEL_NAMES, so a name
 * without a module or without its variables entry does not compile.
 */
export const CHANNEL_NAMES = ['slack', 'teams', 'discord', 'email', 'webhook', 'console', 'pager'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** One setting a channel reads from the environment (or `.env.notifications`, or an action input). */
export interface ChannelVariable {
  /** Environment variable, e.g. SLACK_WEBHOOK_URL. */
  readonly name: string;
  /** The action input that overrides it, e.g. slack-webhook-url. */
  readonly input: string;
  /** Masked in the action, redacted from logs, summaries and fallback lines. */
  readonly secret: boolean;
  /** The channel cannot be built without it. */
  readonly required: boolean;
  readonly description: string;
  /** Keys of `notifications.channels.<channel>` in the config file that set it (first one wins). */
  readonly settingKeys: readonly string[];
}

const webhookUrl = (
  name: string,
  input: string,
  description: string,
  settingKeys: readonly string[] = ['webhook_url', 'url'],
): ChannelVariable => ({ name, input, secret: true, required: true, description, settingKeys });
const plain = (
  name: string,
  input: string,
  required: boolean,
  description: string,
  settingKeys: readonly string[],
): ChannelVariable => ({ name, input, secret: false, required, description, settingKeys });

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Each channel's variables, in the order docs list them. */
export const CHANNEL_VARIABLES: { readonly [K in ChannelName]: readonly ChannelVariable[] } = {
  slack: [
    webhookUrl('SLACK_WEBHOOK_URL', 'slack-webhook-url', 'Slack incoming webhook URL'),
    plain('SLACK_CHANNEL', 'slack-channel', false, 'Channel override (honoured by legacy webhooks only)', [
      'channel',
    ]),
  ],
  teams: [
    webhookUrl(
      'TEAMS_WEBHOOK_URL',
      'teams-webhook-url',
      'Microsoft Teams Workflows (or legacy connector) webhook URL',
    ),
  ],
  discord: [webhookUrl('DISCORD_WEBHOOK_URL', 'discord-webhook-url', 'Discord webhook URL')],
  email: [
    plain('EMAIL_FROM', 'email-from', true, 'Sender address', ['from']),
    plain('EMAIL_TO', 'email-to', true, 'Comma-separated recipients', ['to']),
    plain('SMTP_HOST', 'smtp-host', true, 'SMTP server host', ['smtp_host']),
    plain('SMTP_PORT', 'smtp-port', false, 'SMTP server port (default 587, or 465 with SMTP_SECURE)', [
      'smtp_port',
    ]),
    plain('SMTP_USER', 'smtp-user', false, 'SMTP user', ['smtp_user']),
    {
      name: 'SMTP_PASS',
      input: 'smtp-pass',
      secret: true,
      required: false,
      description: 'SMTP password',
      settingKeys: ['smtp_pass'],
    },
    plain(
      'SMTP_SECURE',
      'smtp-secure',
      false,
      'true for implicit TLS (port 465); otherwise STARTTLS when offered',
      ['smtp_secure'],
    ),
  ],
  webhook: [webhookUrl('GENERIC_WEBHOOK_URL', 'webhook-url', 'Generic JSON webhook URL', ['url'])],
  console: [],
  pager: [
    {
      name: 'PAGERDUTY_ROUTING_KEY',
      input: 'pagerduty-routing-key',
      secret: true,
      required: true,
      description: 'PagerDuty Events API v2 integration (routing) key',
      settingKeys: ['routing_key'],
    },
    plain(
      'PAGERDUTY_EVENTS_URL',
      'pagerduty-events-url',
      false,
      `Events API endpoint (default ${PAGERDUTY_EVENTS_URL}; EU accounts: https://events.eu.pagerduty.com/v2/enqueue)`,
      ['url'],
    ),
  ],
};

/** Every variable any channel reads, in catalog order, with its channel. */
export const ALL_CHANNEL_VARIABLES: readonly (ChannelVariable & { channel: ChannelName })[] =
  CHANNEL_NAMES.flatMap((channel) => CHANNEL_VARIABLES[channel].map((v) => ({ ...v, channel })));

export const NOTIFICATION_VARIABLE_NAMES: readonly string[] = ALL_CHANNEL_VARIABLES.map((v) => v.name);
export const SECRET_VARIABLE_NAMES: readonly string[] = ALL_CHANNEL_VARIABLES.filter((v) => v.secret).map(
  (v) => v.name,
);

/** Action input name → environment variable, for every channel setting. */
export const CHANNEL_ACTION_INPUTS: Readonly<Record<string, string>> = Object.fromEntries(
  ALL_CHANNEL_VARIABLES.map((v) => [v.input, v.name]),
);

/** The required variables of a channel that are not set. */
export function missingVariables(
  channel: ChannelName,
  vars: Readonly<Record<string, string | undefined>>,
): string[] {
  return CHANNEL_VARIABLES[channel].filter((v) => v.required && !vars[v.name]).map((v) => v.name);
}

/** The schema of one channel name, for `notifications.channels` and escalation levels' `channels`. */
export const ChannelNameSchema = z.enum(CHANNEL_NAMES, {
  error: `expected one of ${CHANNEL_NAMES.map((c) => `"${c}"`).join(', ')}`,
});

/** `notifications.channels`: the enabled channels, each at most once. */
export const ChannelListSchema = z
  .array(ChannelNameSchema)
  .refine((a) => new Set(a).size === a.length, { error: 'each channel may appear once' })
  .describe(`Channels every message goes to: ${CHANNEL_NAMES.join(', ')}.`);
