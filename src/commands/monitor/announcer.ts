import type { Clock } from '../../runtime/clock.js';
import type { Logger } from '../../runtime/logger.js';
import type { NotificationMessage, Notifier } from '../../ports.js';
import type { EvidenceLog } from './evidence.js';
import { sendNotification } from './notify.js';

/**
 * The monitor's one announcer. Messages go out in the background: the poll loop and the
 * rollback never wait for a channel (a hung webhook cannot delay a poll or the start of a
 * rollback). Before the process exits, `drain` awaits what is still being delivered, up to the
 * notification deadline, and records what did not finish.
 */
export class Announcer {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly notifier: Notifier | null,
    private readonly unavailable: string | undefined,
    private readonly deps: { clock: Clock; logger: Logger; evidence: EvidenceLog },
  ) {}

  announce(message: NotificationMessage): void {
    const delivery = sendNotification(this.notifier, this.unavailable, message, this.deps).catch(() => false);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** Waits for every delivery still under way, at most `deadlineMs`. */
  async drain(deadlineMs: number): Promise<void> {
    if (this.pending.size === 0) return;
    const stop = new AbortController();
    const all = Promise.allSettled([...this.pending]);
    const timedOut = await Promise.race([
      all.then(() => false),
      this.deps.clock.sleep(deadlineMs, stop.signal).then(
        () => true,
        () => false,
      ),
    ]);
    stop.abort();
    if (timedOut && this.pending.size > 0) {
      this.deps.logger.warn(
        `${this.pending.size} notification(s) still being delivered after ${Math.round(deadlineMs / 1000)} s; exiting without them (channel fallbacks keep what they could not send)`,
      );
      this.deps.evidence.undeliveredAtExit = this.pending.size;
    }
  }
}
