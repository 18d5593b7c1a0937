import { messageOf } from '../../runtime/errors.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger } from '../../runtime/logger.js';
import type { NotificationMessage, Notifier } from '../../ports.js';
import type { EvidenceLog } from './evidence.js';

/**
 * Sends through the Notifier port and records what really happened. A notifier that is not
 * available, or that throws, never stops the monitor: the message is logged with the reason.
 */
export async function sendNotification(
  notifier: Notifier | null,
  unavailable: string | undefined,
  message: NotificationMessage,
  deps: { clock: Clock; logger: Logger; evidence: EvidenceLog; signal?: AbortSignal },
): Promise<boolean> {
  const at = deps.clock.now();
  const base = { at, event: message.event, level: message.level, title: message.title };
  if (!notifier) {
    deps.logger.warn(`Notification not sent (${unavailable ?? 'no notifier'}): ${message.title}`, {
      event: message.event,
      text: message.text,
    });
    deps.evidence.notifications.push({
      ...base,
      delivered: false,
      detail: `not sent: ${unavailable ?? 'no notifier'}`,
    });
    return false;
  }
  try {
    const report = await notifier.send(message, deps.signal);
    const detail =
      report.deliveries
        .map(
          (d) =>
            `${d.channel}: ${d.delivered ? 'delivered' : d.fellBack ? `fallback file (${d.error ?? 'failed'})` : `failed (${d.error ?? 'unknown'})`}`,
        )
        .join('; ') || 'no channels';
    deps.logger[report.allDelivered ? 'info' : 'warn'](
      `Notification ${message.event}: ${report.allDelivered ? 'delivered' : 'not delivered everywhere'}`,
      {
        title: message.title,
        deliveries: report.deliveries,
      },
    );
    deps.evidence.notifications.push({ ...base, delivered: report.allDelivered, detail });
    return report.allDelivered;
  } catch (error) {
    deps.logger.error(`Notification ${message.event} failed: ${messageOf(error)}`, { title: message.title });
    deps.evidence.notifications.push({ ...base, delivered: false, detail: `error: ${messageOf(error)}` });
    return false;
  }
}
