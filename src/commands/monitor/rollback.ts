import type { GateEvaluation } from '../../domain/gates/types.js';
import { messageOf } from '../../runtime/errors.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger } from '../../runtime/logger.js';
import { clockTimeout } from './clock-timeout.js';
import type { EvidenceLog } from './evidence.js';
import { rollbackEndMessage, rollbackStartMessage, type MessageContext } from './messages.js';
import { sendNotification } from './notify.js';
import type { MonitorPorts, RollbackRecord } from './types.js';

export interface RollbackContext {
  clock: Clock;
  logger: Logger;
  evidence: EvidenceLog;
  ports: MonitorPorts;
  messages: MessageContext;
  timeoutMinutes: number;
  signal?: AbortSignal;
}

/**
 * The automatic rollback, in the order the runbook gives: a critical notification at once, the
 * newest verified backup, the rollback, a validation afterwards, and the outcome notification —
 * all inside rollback_timeout_minutes.
 */
export async function runAutomaticRollback(
  failing: GateEvaluation[],
  ctx: RollbackContext,
): Promise<RollbackRecord> {
  const { clock, logger, evidence, ports } = ctx;
  const startedAt = clock.now();
  const gates = failing.map((f) => f.gate);
  const notifyDeps = { clock, logger, evidence, signal: ctx.signal };
  const runner = ports.rollback.port;

  let backup: string | null = null;
  if (runner) {
    try {
      backup = (await runner.plan(ctx.messages.environment)).backup;
    } catch (error) {
      logger.warn(
        `Could not find the backup to restore: ${messageOf(error)}; asking the rollback for "latest"`,
      );
    }
  }
  logger.critical(
    `Automatic rollback: ${gates.join(', ')} failed; restoring ${backup ?? 'the latest verified backup'}`,
    { gates, backup },
  );
  await sendNotification(
    ports.notifier.port,
    ports.notifier.unavailable,
    rollbackStartMessage(failing, backup ?? 'the latest verified backup', ctx.messages),
    notifyDeps,
  );

  const finish = async (record: Omit<RollbackRecord, 'startedAt' | 'endedAt'>): Promise<RollbackRecord> => {
    const full = { startedAt, endedAt: clock.now(), ...record };
    const detail = record.ok
      ? `Restored ${record.restored ?? record.backup ?? 'the backup'}; ${record.validation?.detail ?? ''}`.trim()
      : (record.error ?? 'unknown error');
    (record.ok ? logger.warn : logger.critical).call(
      logger,
      `Rollback ${record.ok ? 'completed and validated' : 'FAILED'}: ${detail}`,
      { rollback: full },
    );
    await sendNotification(
      ports.notifier.port,
      ports.notifier.unavailable,
      rollbackEndMessage(record.ok, detail, gates, ctx.messages),
      notifyDeps,
    );
    return full;
  };

  if (!runner)
    return finish({
      ok: false,
      backup,
      error: `rollback is not possible: ${ports.rollback.unavailable ?? 'no rollback runner'}`,
    });

  const timeoutMs = ctx.timeoutMinutes * 60_000;
  const deadline = clockTimeout(
    clock,
    timeoutMs,
    ctx.signal,
    `rollback did not finish within rollback_timeout_minutes (${ctx.timeoutMinutes} min)`,
  );
  try {
    const validator = ports.validator.port;
    const outcome = await runner.rollback({
      environment: ctx.messages.environment,
      backup: backup ?? 'latest',
      reason: `quality gate${gates.length > 1 ? 's' : ''} ${gates.join(', ')} failed`,
      deploymentId: ctx.messages.deploymentId,
      // The monitor validates itself below when it has a validator; otherwise the runner does.
      skipValidation: validator !== null,
      signal: deadline.signal,
    });
    if (deadline.signal.aborted) throw deadline.signal.reason;
    if (!outcome.ok)
      return await finish({
        ok: false,
        backup,
        restored: outcome.restored,
        error: outcome.error ?? 'the rollback reported failure',
      });
    let validation = outcome.validation;
    if (validator) validation = await validator.validate({ signal: deadline.signal });
    if (!validation)
      validation = { ok: false, detail: `not validated: ${ports.validator.unavailable ?? 'no validator'}` };
    if (deadline.signal.aborted) throw deadline.signal.reason;
    return await finish({
      ok: validation.ok,
      backup,
      restored: outcome.restored,
      validation,
      error: validation.ok
        ? undefined
        : `restored ${outcome.restored ?? backup ?? 'the backup'} but validation failed: ${validation.detail}`,
    });
  } catch (error) {
    const message = deadline.signal.aborted ? messageOf(deadline.signal.reason) : messageOf(error);
    return await finish({ ok: false, backup, error: message });
  } finally {
    deadline.cancel();
  }
}
