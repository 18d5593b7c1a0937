/**
 * The channel names, in the order plans and docs list them. The catalog (catalog.ts) must hold one
 * module for each name: a name without a module, or a module without a name, does not compile.
 */
export const CHANNEL_NAMES = ['slack', 'teams', 'discord', 'email', 'webhook', 'console', 'pager'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
