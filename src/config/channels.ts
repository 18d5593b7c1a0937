import { z } from 'zod';
import { lazily } from '../domain/lazily.js';
import type { ChannelVariable } from '../domain/channels/channel-module.js';
import { CHANNEL_CATALOG, CHANNEL_NAMES, type ChannelName } from '../domain/channels/catalog.js';

/**
 * The config's view of the channel catalog (src/domain/channels/catalog.ts): every channel's name
 * and the variables it reads. The loader reads these variables (and redacts the secrets) before
 * any channel exists; everything here is derived from the channel modules, never listed again.
 */
export { CHANNEL_NAMES, type ChannelName, type ChannelVariable };
export { PAGERDUTY_EVENTS_URL } from '../domain/channels/pager.js';

/** Each channel's variables, in the order docs list them. */
export const CHANNEL_VARIABLES: { readonly [K in ChannelName]: readonly ChannelVariable[] } =
  Object.fromEntries(CHANNEL_NAMES.map((name) => [name, CHANNEL_CATALOG[name].variables])) as {
    readonly [K in ChannelName]: readonly ChannelVariable[];
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
export const channelNameSchema = lazily(() =>
  z.enum(CHANNEL_NAMES, {
    error: `expected one of ${CHANNEL_NAMES.map((c) => `"${c}"`).join(', ')}`,
  }),
);

/** `notifications.channels`: the enabled channels, each at most once. */
export const channelListSchema = lazily(() =>
  z
    .array(channelNameSchema())
    .refine((a) => new Set(a).size === a.length, { error: 'each channel may appear once' })
    .describe(`Channels every message goes to: ${CHANNEL_NAMES.join(', ')}.`),
);
