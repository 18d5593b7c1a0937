import type { ChannelName } from '../../config/channels.js';
import type { ChannelModule } from '../../domain/channels/channel-module.js';
import type { ChannelSender } from './sender.js';

/** One enabled channel: its module and either a working sender or why it has none. */
export type ChannelSlot =
  | { name: ChannelName; module: ChannelModule; sender: ChannelSender; target: string }
  | { name: ChannelName; module: ChannelModule; problem: string; target: string };
