import type { ChannelModule } from './channels/module.js';
import type { ChannelName } from './channels/names.js';
import type { ChannelSender } from './sender.js';

/** One enabled channel: its module and either a working sender or why it has none. */
export type ChannelSlot =
  | { name: ChannelName; module: ChannelModule<unknown, unknown>; sender: ChannelSender; target: string }
  | { name: ChannelName; module: ChannelModule<unknown, unknown>; problem: string; target: string };
