import type { AttemptOutcome } from '../../../domain/delivery/outcome.js';
import type { NotificationMessage } from '../../../ports.js';
import type { ChannelSender } from '../sender.js';
import type { ChannelName, ChannelVariable } from '../../../config/channels.js';
import type { ChannelMentions } from '../../../domain/messages/mentions.js';

export type { ChannelVariable } from '../../../config/channels.js';

/** What building a channel's settings needs besides its variables. */
export interface SettingsContext {
  /** notifications.allow_insecure_loopback: plain http to 127.0.0.1 for tests and demos. */
  allowInsecureLoopback: boolean;
}

/** What rendering one message for one channel needs besides the message. */
export interface RenderContext {
  /** ISO time of the message. */
  timestamp: string;
  /** The message's recipients resolved to native mentions (each channel reads its platform's). */
  mentions: ChannelMentions;
  /** The notification variables (non-secret settings such as SLACK_CHANNEL shape the body). */
  vars: Readonly<Record<string, string | undefined>>;
}

/** What a sender needs from the process around it. */
export interface SenderDeps {
  /** Where `console` prints (stdout in the CLI). */
  stdout: NodeJS.WritableStream;
}

/**
 * Everything one channel is. The catalog is a `Record<ChannelName, ChannelModule>`, so a new
 * channel that leaves out a part (its variables, renderer, classifier or sender) does not compile,
 * and neither does a name without a module. `Settings` is the channel's parsed configuration;
 * `Answer` is what its peer says back (an HTTP answer, an SMTP result, nothing for console).
 */
export interface ChannelModule<Settings, Answer> {
  readonly name: ChannelName;
  /** One line for docs and `--help`. */
  readonly summary: string;
  readonly variables: readonly ChannelVariable[];
  /**
   * The channel's settings from its variables, or one line per problem naming the variable (never
   * its value). Only called for an enabled channel; required variables are checked before.
   */
  settings(vars: Readonly<Record<string, string | undefined>>, context: SettingsContext): Settings | string[];
  /** Where it sends, safe to print: scheme and host, or smtp://host:port. Never a path or a token. */
  target(settings: Settings): string;
  /**
   * The body this channel is sent for a message, as JSON-able data (also what a dry-run prints and
   * the fallback file keeps); null when the channel has nothing to say about this message.
   */
  render(message: NotificationMessage, context: RenderContext): Record<string, unknown> | null;
  /** Judges the peer's answer: delivered, worth retrying, or permanent. */
  classify(answer: Answer, nowMs: number): AttemptOutcome;
  /** The transport, using `classify` on each answer. */
  sender(settings: Settings, deps: SenderDeps): ChannelSender;
}

/** Checks a module against the interface while keeping its own Settings and Answer types. */
export function defineChannel<Settings, Answer>(
  module: ChannelModule<Settings, Answer>,
): ChannelModule<Settings, Answer> {
  return module;
}

export { missingVariables } from '../../../config/channels.js';
