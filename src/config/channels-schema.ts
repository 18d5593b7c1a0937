import { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName } from './channels.js';

/**
 * `notifications.channels` of the config file: an object keyed by channel name, each with
 * `enabled` and its settings. String settings may use `${VAR}` / `${VAR:-default}`; secrets
 * (webhook URLs, SMTP password, pager routing key) belong in the environment, written as
 * `"${SLACK_WEBHOOK_URL}"`, never as literals.
 *
 * The config side of the channel catalog: the names come from src/config/channels.ts, so a
 * channel added there without its settings schema here does not compile, and each variable's
 * `settingKeys` there name keys of these schemas (a test checks that they exist).
 */
export const CONFIG_CHANNELS = CHANNEL_NAMES;
export type ConfigChannelName = ChannelName;

const text = z.string({ error: 'expected a string' });
const enabled = z
  .boolean({ error: 'expected true or false' })
  .default(true)
  .describe('Whether messages go to this channel. Default true (listing a channel enables it).');

/** A setting that maps onto one of the seed's notification variables. */
export const CHANNEL_SETTINGS_SCHEMAS = {
  slack: z.strictObject({
    enabled,
    webhook_url: text.optional().describe('Incoming-webhook URL (a secret): "${SLACK_WEBHOOK_URL}".'),
    url: text.optional().describe('Same as webhook_url (the seed wrote "url").'),
    channel: text.optional().describe('e.g. "#dhash-alerts" (SLACK_CHANNEL).'),
    username: text.optional(),
  }),
  teams: z.strictObject({
    enabled,
    webhook_url: text
      .optional()
      .describe('Workflows (or legacy connector) URL, a secret: "${TEAMS_WEBHOOK_URL}".'),
    url: text.optional().describe('Same as webhook_url.'),
  }),
  discord: z.strictObject({
    enabled,
    webhook_url: text.optional().describe('Webhook URL, a secret: "${DISCORD_WEBHOOK_URL}".'),
    url: text.optional().describe('Same as webhook_url.'),
    username: text.optional(),
  }),
  email: z.strictObject({
    enabled,
    from: text.optional().describe('EMAIL_FROM'),
    to: z
      .union([text, z.array(text)], { error: 'expected an address or a list of addresses' })
      .optional()
      .describe('EMAIL_TO: one address, a comma-separated list, or an array.'),
    smtp_host: text.optional().describe('SMTP_HOST'),
    smtp_port: z
      .union([z.number().int().min(1).max(65535), text], { error: 'expected a port number' })
      .optional()
      .describe('SMTP_PORT'),
    smtp_user: text.optional().describe('SMTP_USER'),
    smtp_pass: text.optional().describe('SMTP_PASS (a secret): "${SMTP_PASS}".'),
    smtp_secure: z
      .union([z.boolean(), text], { error: 'expected true or false' })
      .optional()
      .describe('SMTP_SECURE'),
  }),
  webhook: z.strictObject({
    enabled,
    url: text.optional().describe('Generic JSON webhook URL (a secret): "${GENERIC_WEBHOOK_URL}".'),
  }),
  console: z
    .strictObject({ enabled })
    .describe('Prints each message on standard output (the seed\'s "console" channel).'),
  pager: z
    .strictObject({
      enabled,
      routing_key_env: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected the NAME of an environment variable' })
        .default('PAGERDUTY_ROUTING_KEY')
        .describe(
          'Environment variable holding the PagerDuty Events API v2 routing key. Default PAGERDUTY_ROUTING_KEY.',
        ),
      routing_key: text.optional().describe('The routing key itself, written as "${VAR}" (a secret).'),
      url: text.optional().describe('Events API endpoint. Default https://events.pagerduty.com/v2/enqueue.'),
      service: text.optional().describe('Free text naming the paged service.'),
    })
    .describe('The seed\'s "pager" channel (PagerDuty Events API v2).'),
} as const satisfies Record<ConfigChannelName, z.ZodType>;

export const ChannelsSchema = z
  .strictObject(
    Object.fromEntries(CONFIG_CHANNELS.map((c) => [c, CHANNEL_SETTINGS_SCHEMAS[c].optional()])) as {
      [C in ConfigChannelName]: z.ZodOptional<(typeof CHANNEL_SETTINGS_SCHEMAS)[C]>;
    },
  )
  .default({})
  .describe('Channels by name. A channel that is absent (or enabled: false) gets nothing.');

export type ChannelsFileConfig = z.output<typeof ChannelsSchema>;

/** Setting keys whose values are secrets: never echoed in an error, always redacted. */
export const SECRET_SETTING_KEYS: ReadonlySet<string> = new Set([
  'webhook_url',
  'url',
  'smtp_pass',
  'routing_key',
]);
