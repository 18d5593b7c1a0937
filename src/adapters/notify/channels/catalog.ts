import { z } from 'zod';
import { consoleChannel } from './console.js';
import { discord } from './discord.js';
import { email } from './email.js';
import type { ChannelModule, ChannelVariable } from './module.js';
import { CHANNEL_NAMES, type ChannelName } from './names.js';
import { pager } from './pager.js';
import { slack } from './slack.js';
import { teams } from './teams.js';
import { webhook } from './webhook.js';

/**
 * Every notification channel, one module each. Everything else about channels is derived from
 * here: the config schema's channel names, the variables read from the environment (and which are
 * secrets), the action inputs, the notifier factory and replay. A name in CHANNEL_NAMES without a
 * module here, or a module missing a part, is a compile error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const CHANNEL_CATALOG = {
  slack,
  teams,
  discord,
  email,
  webhook,
  console: consoleChannel,
  pager,
} satisfies Record<ChannelName, ChannelModule<any, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export { CHANNEL_NAMES, type ChannelName };

/** The module for a name, with its own types erased (the factory only pairs a module with itself). */
export function channelModule(name: ChannelName): ChannelModule<unknown, unknown> {
  return CHANNEL_CATALOG[name] as ChannelModule<unknown, unknown>;
}

/** Every variable any channel reads, in catalog order. */
export const CHANNEL_VARIABLES: readonly (ChannelVariable & { channel: ChannelName })[] =
  CHANNEL_NAMES.flatMap((channel) => CHANNEL_CATALOG[channel].variables.map((v) => ({ ...v, channel })));

export const NOTIFICATION_VARIABLE_NAMES: readonly string[] = CHANNEL_VARIABLES.map((v) => v.name);
export const SECRET_VARIABLE_NAMES: readonly string[] = CHANNEL_VARIABLES.filter((v) => v.secret).map(
  (v) => v.name,
);

/** Action input name → environment variable, for every channel setting. */
export const CHANNEL_ACTION_INPUTS: Readonly<Record<string, string>> = Object.fromEntries(
  CHANNEL_VARIABLES.map((v) => [v.input, v.name]),
);

/** The schema of one channel name, for `notifications.channels` and escalation levels' `channels`. */
export const ChannelNameSchema = z.enum(CHANNEL_NAMES, {
  error: `expected one of ${CHANNEL_NAMES.map((c) => `"${c}"`).join(', ')}`,
});

/** `notifications.channels`: the enabled channels, each at most once. */
export const ChannelListSchema = z
  .array(ChannelNameSchema)
  .refine((a) => new Set(a).size === a.length, { error: 'each channel may appear once' })
  .describe(`Channels every message goes to: ${CHANNEL_NAMES.join(', ')}.`);
