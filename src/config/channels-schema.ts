import { z } from 'zod';
import { lazily } from '../domain/lazily.js';
import { CHANNEL_CATALOG } from '../domain/channels/catalog.js';
import { ALL_CHANNEL_VARIABLES, CHANNEL_NAMES, type ChannelName } from './channels.js';

/**
 * `notifications.channels` of the config file: an object keyed by channel name, each with
 * `enabled` and its settings. String settings may use `${VAR}` / `${VAR:-default}`; secrets
 * (webhook URLs, SMTP password, pager routing key) belong in the environment, written as
 * `"${SLACK_WEBHOOK_URL}"`, never as literals.
 *
 * Each channel's settings schema is its module's (src/domain/channels/<name>.ts); `enabled` is
 * added here, the same for every channel.
 */
export const CONFIG_CHANNELS = CHANNEL_NAMES;
export type ConfigChannelName = ChannelName;

const enabledSchema = lazily(() =>
  z
    .boolean({ error: 'expected true or false' })
    .default(true)
    .describe('Whether messages go to this channel. Default true (listing a channel enables it).'),
);

type WithEnabled<S extends z.ZodObject> = z.ZodObject<
  { enabled: ReturnType<typeof enabledSchema> } & S['shape'],
  z.core.$strict
>;

/** A channel module's settings schema with `enabled` in front: its `notifications.channels.<name>` object. */
export function channelSettingsSchema<S extends z.ZodObject>(module: { settingsSchema: S }): WithEnabled<S> {
  const settings = module.settingsSchema;
  const schema = z.strictObject({ enabled: enabledSchema(), ...settings.shape });
  return settings.description === undefined ? schema : schema.describe(settings.description);
}

type ChannelSettingsSchemas = {
  readonly [C in ChannelName]: WithEnabled<(typeof CHANNEL_CATALOG)[C]['settingsSchema']>;
};

/** Each channel's `notifications.channels.<name>` object, from its module (built on first use). */
export const channelSettingsSchemas = lazily(
  () =>
    Object.fromEntries(
      CONFIG_CHANNELS.map((name) => [name, channelSettingsSchema(CHANNEL_CATALOG[name])]),
    ) as ChannelSettingsSchemas,
);

/** `notifications.channels` (built on first use: why in src/domain/lazily.ts). */
export const channelsSchema = lazily(() => {
  const schemas = channelSettingsSchemas();
  return z
    .strictObject(
      Object.fromEntries(CONFIG_CHANNELS.map((c) => [c, schemas[c].optional()])) as {
        [C in ConfigChannelName]: z.ZodOptional<ChannelSettingsSchemas[C]>;
      },
    )
    .default({})
    .describe('Channels by name. A channel that is absent (or enabled: false) gets nothing.');
});

export type ChannelsFileConfig = z.output<ReturnType<typeof channelsSchema>>;

/** Setting keys whose values are secrets (those of every secret variable): never echoed in an error, always redacted. */
export const SECRET_SETTING_KEYS: ReadonlySet<string> = new Set(
  ALL_CHANNEL_VARIABLES.filter((v) => v.secret).flatMap((v) => v.settingKeys),
);
