import { consoleChannel } from './console.js';
import { discord } from './discord.js';
import { email } from './email.js';
import type { ChannelModule } from './module.js';
import { CHANNEL_NAMES, type ChannelName } from './names.js';
import { pager } from './pager.js';
import { slack } from './slack.js';
import { teams } from './teams.js';
import { webhook } from './webhook.js';

/**
 * Every notification channel, one module each (renderer, classifier, sender, settings parsing),
 * with its name and variables declared in src/config/channels.ts. The config schema's channel
 * names, the variables read from the environment (and which are secrets), the action inputs, the
 * notifier factory and replay all come from these two. A name without a module here, or a module
 * missing a part, is a compile error.
 */
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
  return CHANNEL_CATALOG[name];
}

export {
  ALL_CHANNEL_VARIABLES as CHANNEL_VARIABLES,
  CHANNEL_ACTION_INPUTS,
  ChannelListSchema,
  ChannelNameSchema,
  NOTIFICATION_VARIABLE_NAMES,
  SECRET_VARIABLE_NAMES,
} from '../../../config/channels.js';
