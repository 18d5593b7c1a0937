import type { ChannelModule } from './channel-module.js';
import { consoleChannel } from './console.js';
import { discord } from './discord.js';
import { email } from './email.js';
import { pager } from './pager.js';
import { slack } from './slack.js';
import { teams } from './teams.js';
import { webhook } from './webhook.js';

/**
 * Every notification channel, one module each, in the order docs and action.yml list them.
 * Adding a channel is its module plus its line here: the channel names, the config schema of
 * `notifications.channels`, the variables read from the environment (and which are secrets), the
 * action inputs (generated into action.yml by build/channel-inputs.mjs) and the notifier factory
 * (which picks the module's transport) all come from this list.
 */
const MODULES = [slack, teams, discord, email, webhook, consoleChannel, pager] as const;

export type ChannelName = (typeof MODULES)[number]['name'];
type ModuleNamed<N extends ChannelName> = Extract<(typeof MODULES)[number], { name: N }>;

/** Each module under its name, with its own Settings type. */
export const CHANNEL_CATALOG = Object.fromEntries(MODULES.map((m) => [m.name, m])) as {
  readonly [N in ChannelName]: ModuleNamed<N>;
};

/** The channel names, catalog order (a tuple, as z.enum takes it). */
export const CHANNEL_NAMES = MODULES.map((m) => m.name) as unknown as readonly [
  ChannelName,
  ...ChannelName[],
];

/** The module for a name, with its Settings erased (the factory only pairs a module with its own settings). */
export function channelModule(name: ChannelName): ChannelModule {
  return CHANNEL_CATALOG[name];
}
