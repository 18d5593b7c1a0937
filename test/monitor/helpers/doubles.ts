import type { Clock } from '../../../src/runtime/clock.js';
import type {
  DeliveryReport,
  NotificationMessage,
  Notifier,
  RollbackOutcome,
  RollbackRequest,
  RollbackRunner,
  ServiceValidator,
} from '../../../src/ports.js';
import type { MonitorPorts } from '../../../src/commands/monitor.js';

// Honest doubles for the ports whose real implementations land in other issues: they record
// what the monitor asked and report exactly what they were told to.

export class RecordingNotifier implements Notifier {
  readonly sent: Array<{ at: number; message: NotificationMessage }> = [];
  constructor(private readonly clock: Clock) {}
  async send(message: NotificationMessage): Promise<DeliveryReport> {
    this.sent.push({ at: this.clock.now(), message });
    return {
      deliveries: [{ channel: 'test', delivered: true, attempts: 1, fellBack: false }],
      allDelivered: true,
    };
  }
  events(): string[] {
    return this.sent.map((s) => s.message.event);
  }
}

export class RecordingRollbackRunner implements RollbackRunner {
  readonly requests: Array<{ at: number; request: RollbackRequest }> = [];
  constructor(
    private readonly clock: Clock,
    private readonly behaviour: { backup?: string | null; takesMs?: number; ok?: boolean } = {},
  ) {}
  async plan(): Promise<{ backup: string | null; detail: string }> {
    const backup =
      this.behaviour.backup === undefined
        ? 'backups/dhash_production_20260101_000000.zip'
        : this.behaviour.backup;
    return { backup, detail: backup ? 'newest verified backup' : 'no backup' };
  }
  async rollback(request: RollbackRequest): Promise<RollbackOutcome> {
    this.requests.push({ at: this.clock.now(), request });
    if (this.behaviour.takesMs) await this.clock.sleep(this.behaviour.takesMs, request.signal);
    const ok = this.behaviour.ok ?? true;
    return ok ? { ok, restored: request.backup } : { ok, error: 'restore failed: archive checksum mismatch' };
  }
}

export class RecordingValidator implements ServiceValidator {
  calls = 0;
  constructor(private readonly result = { ok: true, detail: 'health ok; 6/6 smoke checks passed' }) {}
  async validate(): Promise<{ ok: boolean; detail: string }> {
    this.calls++;
    return this.result;
  }
}

export function portsOf(
  notifier: Notifier | null,
  rollback: RollbackRunner | null,
  validator: ServiceValidator | null,
): () => MonitorPorts {
  return () => ({
    notifier: { port: notifier, unavailable: notifier ? undefined : 'not in this test' },
    rollback: { port: rollback, unavailable: rollback ? undefined : 'not in this test' },
    validator: { port: validator, unavailable: validator ? undefined : 'not in this test' },
  });
}
