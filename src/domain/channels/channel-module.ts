import type { z } from 'zod';
import type { NotificationMessage } from '../../ports.js';
import type { HttpAnswer } from '../delivery/classify.js';
import type { AttemptOutcome } from '../delivery/outcome.js';
import type { ChannelMentions } from '../messages/mentions.js';

/**
 * Everything one notification channel is, in one pure module: its config-file settings, the
 * variables (and action inputs) it reads, how it renders a message, what one attempt sends and
 * how the peer's answer is judged. The I/O is not here: the module names one of a few generic
 * transports (HTTP POST, SMTP, a stream), and src/adapters/notify/transports sends what the
 * module describes. The catalog (catalog.ts) lists the modules; the config schema, the secret
 * variables, the action inputs (action.yml) and the notifier factory are all derived from it.
 */

/** One setting a channel reads from the environment (or `.env.notifications`, or an action input). */
export interface ChannelVariable {
  /** Environment variable, e.g. SLACK_WEBHOOK_URL. */
  readonly name: string;
  /** The action input that overrides it, e.g. slack-webhook-url (generated into action.yml). */
  readonly input: string;
  /** Masked in the action, redacted from logs, summaries and fallback lines. */
  readonly secret: boolean;
  /** The channel cannot be built without it. */
  readonly required: boolean;
  readonly description: string;
  /** Keys of `notifications.channels.<channel>` in the config file that set it (first one wins). */
  readonly settingKeys: readonly string[];
  /**
   * A key of `notifications.channels.<channel>` that names another environment variable to read
   * the value from (the pager's `routing_key_env`); its default is this variable's own name.
   */
  readonly variableNameKey?: string;
}

export type Vars = Readonly<Record<string, string | undefined>>;

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
  vars: Vars;
}

/** What describing one attempt needs besides the settings and the rendered body. */
export interface AttemptDescriptionContext {
  /** deployment id + event: sent where the channel can use it to drop duplicates. */
  dedupKey: string;
  /** 1 for the first attempt. */
  attempt: number;
}

/** One JSON POST. The URL and headers may hold secrets: never logged, printed or stored. */
export interface HttpPost {
  url: string;
  headers?: Record<string, string>;
  /** Serialized as JSON by the transport. */
  json: unknown;
}

/** One e-mail, with the server to hand it to. */
export interface MailDescription {
  server: {
    host: string;
    port: number;
    /** Implicit TLS (usually 465); otherwise STARTTLS when the server offers it. */
    secure: boolean;
    /** Refuse to send without TLS (a password never crosses the network in clear text). */
    requireTls: boolean;
    user?: string;
    pass?: string;
  };
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  headers: Record<string, string>;
}

/** What the SMTP server said: accepted (some recipients may be rejected) or an error. */
export type SmtpAnswer =
  | { accepted: string[]; rejected: string[]; response: string }
  | { error: { code?: string; responseCode?: number; message: string } };

/** Text for one of the process's output streams. */
export interface StreamWrite {
  stream: 'stdout';
  text: string;
}

/** What writing to the stream came to. */
export interface StreamAnswer {
  error?: { code?: string; message: string };
}

interface ChannelBase<Name extends string, Settings> {
  readonly name: Name;
  /** One line for docs and `--help`. */
  readonly summary: string;
  /**
   * `notifications.channels.<name>` in the config file, without `enabled` (the catalog adds it).
   * String values may use `${VAR}`; secrets belong in the environment.
   */
  readonly settingsSchema: z.ZodObject;
  readonly variables: readonly ChannelVariable[];
  /**
   * The channel's settings from its variables, or one line per problem naming the variable (never
   * its value). Only called for an enabled channel; required variables are checked before.
   */
  settings(vars: Vars, context: SettingsContext): Settings | string[];
  /** Where it sends, safe to print: scheme and host, or smtp://host:port. Never a path or a token. */
  target(settings: Settings): string;
  /**
   * The body this channel is sent for a message, as JSON-able data (also what a dry-run prints and
   * the fallback file keeps; never a secret); null when the channel has nothing to say about it.
   */
  render(message: NotificationMessage, context: RenderContext): Record<string, unknown> | null;
}

/** Sent by JSON POSTs. */
export interface HttpChannel<Name extends string = string, Settings = unknown> extends ChannelBase<
  Name,
  Settings
> {
  readonly transport: 'http';
  /** The POSTs one attempt makes, in order; each must be delivered before the next is sent. */
  requests(
    settings: Settings,
    payload: Record<string, unknown>,
    context: AttemptDescriptionContext,
  ): HttpPost[];
  /** Judges one answer: delivered, worth retrying, or permanent. */
  classify(answer: HttpAnswer, nowMs: number): AttemptOutcome;
}

/** Sent as an e-mail over SMTP. */
export interface SmtpChannel<Name extends string = string, Settings = unknown> extends ChannelBase<
  Name,
  Settings
> {
  readonly transport: 'smtp';
  mail(
    settings: Settings,
    payload: Record<string, unknown>,
    context: AttemptDescriptionContext,
  ): MailDescription;
  classify(answer: SmtpAnswer, nowMs: number): AttemptOutcome;
}

/** Written to one of the process's streams. */
export interface StreamChannel<Name extends string = string, Settings = unknown> extends ChannelBase<
  Name,
  Settings
> {
  readonly transport: 'stream';
  write(settings: Settings, payload: Record<string, unknown>): StreamWrite;
  classify(answer: StreamAnswer, nowMs: number): AttemptOutcome;
}

/**
 * A channel module: one of the transports' shapes. A module that leaves out a part (its settings
 * schema, variables, renderer, request description or classifier) does not compile.
 */
export type ChannelModule<Name extends string = string, Settings = unknown> =
  HttpChannel<Name, Settings> | SmtpChannel<Name, Settings> | StreamChannel<Name, Settings>;

export type TransportName = ChannelModule['transport'];

/** Checks a module against its transport's shape while keeping its literal name and its Settings. */
export function defineChannel<const Name extends string, Settings>(
  module: HttpChannel<Name, Settings>,
): HttpChannel<Name, Settings>;
export function defineChannel<const Name extends string, Settings>(
  module: SmtpChannel<Name, Settings>,
): SmtpChannel<Name, Settings>;
export function defineChannel<const Name extends string, Settings>(
  module: StreamChannel<Name, Settings>,
): StreamChannel<Name, Settings>;
export function defineChannel(module: ChannelModule): ChannelModule {
  return module;
}
