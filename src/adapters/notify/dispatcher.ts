import type { DeliveryPolicy } from '../../domain/delivery/policy.js';
import { dedupKeyOf, plainText } from '../../domain/messages/content.js';
import { recipientsOf, resolveMentions, type MentionMap } from '../../domain/messages/mentions.js';
import type { ChannelDelivery, DeliveryReport, NotificationMessage, Notifier } from '../../ports.js';
import type { Clock } from '../../runtime/clock.js';
import { messageOf } from '../../runtime/errors.js';
import type { Logger } from '../../runtime/logger.js';
import type { Redactor } from '../../runtime/redact.js';
import type { ChannelName } from '../../config/channels.js';
import type { RenderContext } from '../../domain/channels/channel-module.js';
import { deliverWithRetries } from './deliver.js';
import type { ChannelSlot } from './channel-slot.js';
import { newEntryId, type FallbackEntry, type FallbackStore } from './fallback-store.js';

export interface DispatcherOptions {
  slots: ChannelSlot[];
  policy: DeliveryPolicy;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  fallback: FallbackStore;
  /** Uniform in [0, 1); injected so backoff is reproducible in tests. */
  random?: () => number;
  mentions?: MentionMap;
  vars?: Readonly<Record<string, string | undefined>>;
  /** The last resort for a message that can be neither delivered nor stored. */
  stderr?: NodeJS.WritableStream;
}

/**
 * Sends one message to every enabled channel at once, each with its own retries, all within one
 * overall deadline. Each channel fails alone: one that cannot be built, cannot render or cannot
 * deliver has its message appended to the fallback file, while the others are sent. If the
 * fallback file cannot be written either, the whole message is printed on stderr. Nothing here
 * throws for a channel, a log file or the fallback file: the report says what became of the message.
 */
export class NotificationDispatcher implements Notifier {
  constructor(private readonly options: DispatcherOptions) {}

  get channels(): ChannelName[] {
    return this.options.slots.map((s) => s.name);
  }

  /** The bodies each channel would receive, redacted: what a dry-run prints. */
  render(message: NotificationMessage): Array<{
    channel: ChannelName;
    target: string;
    payload: Record<string, unknown> | null;
    problem?: string;
  }> {
    const context = this.renderContext(message);
    return this.selected(message).map((slot) => ({
      channel: slot.name,
      target: slot.target,
      payload: this.options.redactor.value(slot.module.render(message, context)),
      ...('problem' in slot ? { problem: slot.problem } : {}),
    }));
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<DeliveryReport> {
    const { clock, policy, logger, redactor } = this.options;
    const dedupKey = dedupKeyOf(message);
    const deadlineAt = clock.now() + policy.deadlineMs;
    const context = this.renderContext(message);
    const log = logger.child({ dedup_key: dedupKey, event: message.event });
    const deliveries = await Promise.all(
      this.selected(message).map(async (slot): Promise<ChannelDelivery | null> => {
        const started = clock.now();
        let payload: Record<string, unknown> | null;
        try {
          payload = slot.module.render(message, context);
        } catch (error) {
          payload = { title: message.title, text: plainText(message) };
          return this.undelivered(
            slot,
            message,
            dedupKey,
            payload,
            0,
            `rendering failed: ${messageOf(error)}`,
            started,
            log,
          );
        }
        // The channel has nothing to say about this event (a pager does not page "deployment started").
        if (payload === null) return null;
        if ('problem' in slot)
          return this.undelivered(slot, message, dedupKey, payload, 0, slot.problem, started, log);
        let result;
        try {
          result = await deliverWithRetries({
            sender: slot.sender,
            payload,
            dedupKey,
            deadlineAt,
            policy,
            clock,
            random: this.options.random ?? Math.random,
            logger: log,
            signal,
          });
        } catch (error) {
          result = { delivered: false, attempts: 0, error: `sender failed: ${messageOf(error)}` };
        }
        if (result.delivered)
          return {
            channel: slot.name,
            delivered: true,
            attempts: result.attempts,
            fellBack: false,
            target: slot.target,
            elapsedMs: clock.now() - started,
          };
        return this.undelivered(
          slot,
          message,
          dedupKey,
          payload,
          result.attempts,
          redactor.text(result.error ?? 'not delivered'),
          started,
          log,
        );
      }),
    );
    const done = deliveries.filter((d): d is ChannelDelivery => d !== null);
    const fellBack = done.some((d) => d.fellBack);
    return {
      deliveries: done,
      allDelivered: done.every((d) => d.delivered),
      dedupKey,
      fallbackPath: fellBack ? this.options.fallback.path : undefined,
      ...(done.some((d) => d.printed) ? { printed: true } : {}),
    };
  }

  private undelivered(
    slot: ChannelSlot,
    message: NotificationMessage,
    dedupKey: string,
    payload: Record<string, unknown>,
    attempts: number,
    error: string,
    started: number,
    log: Logger,
  ): ChannelDelivery {
    const { clock, redactor, fallback } = this.options;
    const entry: FallbackEntry = {
      id: newEntryId(clock.now()),
      recorded_at: new Date(clock.now()).toISOString(),
      channel: slot.name,
      target: slot.target,
      dedup_key: dedupKey,
      event: message.event,
      level: message.level,
      environment: message.environment,
      deployment_id: message.deploymentId,
      attempts,
      last_error: redactor.text(error),
      payload: redactor.value(payload),
    };
    const delivery: ChannelDelivery = {
      channel: slot.name,
      delivered: false,
      attempts,
      error: entry.last_error,
      fellBack: false,
      target: slot.target,
      elapsedMs: clock.now() - started,
    };
    try {
      fallback.append(entry);
      delivery.fellBack = true;
      log.warn('notification written to the fallback file', { channel: slot.name, fallback: fallback.path });
    } catch (writeError) {
      // The last resort: the whole message on stderr, where a CI log or a terminal keeps it.
      const stderr = this.options.stderr ?? process.stderr;
      const reason = redactor.text(messageOf(writeError));
      try {
        stderr.write(
          `dhash-rollout: UNDELIVERED notification for ${slot.name}: the fallback file ${fallback.path} cannot be written (${reason}); the whole entry follows, replayable by hand:\n${JSON.stringify(entry)}\n`,
        );
        delivery.printed = true;
      } catch {
        // Nothing further can be done; the report still says it was neither delivered nor stored.
      }
      log.critical('notification could not be delivered nor written to the fallback file', {
        channel: slot.name,
        fallback: fallback.path,
        write_error: reason,
        printed: delivery.printed === true,
      });
    }
    return delivery;
  }

  private selected(message: NotificationMessage): ChannelSlot[] {
    const { slots, logger } = this.options;
    if (!message.channels) return slots;
    const wanted = new Set(message.channels);
    for (const name of wanted) {
      if (!slots.some((s) => s.name === name)) {
        logger.warn(
          'message asks for a channel that is not enabled for this environment; it is not sent there',
          { channel: name, event: message.event },
        );
      }
    }
    return slots.filter((s) => wanted.has(s.name));
  }

  private renderContext(message: NotificationMessage): RenderContext {
    return {
      timestamp: new Date(this.options.clock.now()).toISOString(),
      mentions: resolveMentions(recipientsOf(message), this.options.mentions),
      vars: this.options.vars ?? {},
    };
  }
}
