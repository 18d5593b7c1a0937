import type { ChannelName } from '../../config/schema.js';
import type { DeliveryPolicy } from '../../domain/delivery/policy.js';
import { dedupKeyOf } from '../../domain/messages/content.js';
import { renderFor, type RenderContext } from '../../domain/messages/render.js';
import type { ChannelDelivery, DeliveryReport, NotificationMessage, Notifier } from '../../ports.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger } from '../../runtime/logger.js';
import type { Redactor } from '../../runtime/redact.js';
import { deliverWithRetries } from './deliver.js';
import { newEntryId, type FallbackStore } from './fallback-store.js';
import type { ChannelSender } from './sender.js';

export interface DispatcherOptions {
  senders: ChannelSender[];
  policy: DeliveryPolicy;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  fallback: FallbackStore;
  /** Uniform in [0, 1); injected so backoff is reproducible in tests. */
  random?: () => number;
  slackChannel?: string;
}

/**
 * Sends one message to every enabled channel at once, each with its own retries, all within one
 * overall deadline. What a channel did not take is appended to the fallback file, so nothing is
 * lost silently: the report says so and `notify --replay` can send it later.
 */
export class NotificationDispatcher implements Notifier {
  constructor(private readonly options: DispatcherOptions) {}

  get channels(): ChannelName[] {
    return this.options.senders.map((s) => s.channel);
  }

  /** The bodies each channel would receive, redacted: what a dry-run prints. */
  render(
    message: NotificationMessage,
  ): Array<{ channel: ChannelName; target: string; payload: Record<string, unknown> }> {
    return this.selected(message).map((sender) => ({
      channel: sender.channel,
      target: sender.target,
      payload: this.options.redactor.value(renderFor(sender.channel, message, this.renderContext())),
    }));
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<DeliveryReport> {
    const { clock, policy, logger, redactor } = this.options;
    const dedupKey = dedupKeyOf(message);
    const deadlineAt = clock.now() + policy.deadlineMs;
    const context = this.renderContext();
    const senders = this.selected(message);
    const log = logger.child({ dedup_key: dedupKey, event: message.event });
    const deliveries = await Promise.all(
      senders.map(async (sender): Promise<ChannelDelivery> => {
        const started = clock.now();
        const payload = renderFor(sender.channel, message, context);
        const result = await deliverWithRetries({
          sender,
          payload,
          dedupKey,
          deadlineAt,
          policy,
          clock,
          random: this.options.random ?? Math.random,
          logger: log,
          signal,
        });
        const delivery: ChannelDelivery = {
          channel: sender.channel,
          delivered: result.delivered,
          attempts: result.attempts,
          fellBack: false,
          target: sender.target,
          elapsedMs: clock.now() - started,
        };
        if (result.delivered) return delivery;
        delivery.error = redactor.text(result.error ?? 'not delivered');
        delivery.fellBack = this.fallBack(
          sender,
          message,
          dedupKey,
          payload,
          result.attempts,
          delivery.error,
          log,
        );
        return delivery;
      }),
    );
    return {
      deliveries,
      allDelivered: deliveries.every((d) => d.delivered),
      dedupKey,
      fallbackPath: deliveries.some((d) => d.fellBack) ? this.options.fallback.path : undefined,
    };
  }

  private fallBack(
    sender: ChannelSender,
    message: NotificationMessage,
    dedupKey: string,
    payload: Record<string, unknown>,
    attempts: number,
    error: string,
    log: Logger,
  ): boolean {
    const { clock, redactor, fallback } = this.options;
    try {
      fallback.append({
        id: newEntryId(clock.now()),
        recorded_at: new Date(clock.now()).toISOString(),
        channel: sender.channel,
        target: sender.target,
        dedup_key: dedupKey,
        event: message.event,
        level: message.level,
        environment: message.environment,
        deployment_id: message.deploymentId,
        attempts,
        last_error: error,
        payload: redactor.value(payload),
      });
      log.warn('notification written to the fallback file', {
        channel: sender.channel,
        fallback: fallback.path,
      });
      return true;
    } catch (writeError) {
      // The last resort failed too: say so loudly, with the whole message, in the log.
      log.critical('notification could not be delivered nor written to the fallback file', {
        channel: sender.channel,
        fallback: fallback.path,
        write_error: (writeError as Error).message,
        title: message.title,
        text: message.text,
      });
      return false;
    }
  }

  private selected(message: NotificationMessage): ChannelSender[] {
    const { senders, logger } = this.options;
    if (!message.channels) return senders;
    const wanted = new Set(message.channels);
    for (const name of wanted) {
      if (!senders.some((s) => s.channel === name)) {
        logger.warn(
          'message asks for a channel that is not enabled for this environment; it is not sent there',
          { channel: name, event: message.event },
        );
      }
    }
    return senders.filter((s) => wanted.has(s.channel));
  }

  private renderContext(): RenderContext {
    return {
      timestamp: new Date(this.options.clock.now()).toISOString(),
      slackChannel: this.options.slackChannel,
    };
  }
}
