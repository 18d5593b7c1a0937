/** The channel names live with the config's channel settings (src/config/channels.ts). */
export { CHANNEL_NAMES, type ChannelName } from '../../../config/channels.js';
