import type { GateName } from '../../config/schema.js';
import type { GateEvaluation } from '../../domain/gates/types.js';
import { messageOf } from '../../runtime/errors.js';
import type { Clock } from '../../runtime/clock.js';
import type { RollbackRunner } from '../../ports.js';
import type { Logger } from '../../runtime/logger.js';
import type { Announcer } from './announcer.js';
import { clockTimeout } from './clock-timeout.js';
import { breachKey, rollbackEndMessage, rollbackStartMessage, type MessageContext } from './messages.js';
import type { MonitorPorts, RollbackRecord, RollbackTarget } from './types.js';

export interface RollbackContext {
  clock: Clock;
  logger: Logger;
  ports: MonitorPorts;
  announcer: Announcer;
  messages: MessageContext;
  timeoutMinutes: number;
  /** The backup chosen when the watch began (pinned by rollout / deploy, or selected). */
  target: RollbackTarget;
  /** The release under watch: after the rollback it must no longer be live. */
  watchedRelease: string | null;
  /** Breaches whose alerts paged someone; a validated rollback resolves their incidents too. */
  openBreaches?: { gate: GateName; since: number }[];
}

/** The rollback under way: what every step reports against. */
interface AutomaticRollback {
  ctx: RollbackContext;
  failing: GateEvaluation[];
  gates: GateName[];
  startedAt: number;
  backup: string | null;
}

/** The critical log line and the start notification (sent in the background). */
function announceRollbackStart(run: AutomaticRollback): void {
  const { ctx, failing, gates, backup } = run;
  const { target } = ctx;
  ctx.logger.critical(
    `Automatic rollback: ${gates.join(', ')} failed; restoring ${backup ?? '(no backup)'}${target.sha256 ? ` (sha256 ${target.sha256})` : ''}, release ${target.release ?? 'unknown'}`,
    { gates, backup, sha256: target.sha256, release: target.release, selection: target.detail },
  );
  ctx.announcer.announce(
    rollbackStartMessage(
      failing,
      backup ? `${backup} (release ${target.release ?? 'unknown'})` : '(no backup)',
      ctx.messages,
    ),
  );
}

/** The outcome: logged, announced (resolving the paged breaches when it succeeded), and recorded. */
function finishRollback(
  run: AutomaticRollback,
  record: Omit<RollbackRecord, 'startedAt' | 'endedAt'>,
): RollbackRecord {
  const { ctx, gates } = run;
  const full = { startedAt: run.startedAt, endedAt: ctx.clock.now(), sha256: ctx.target.sha256, ...record };
  const detail = record.ok
    ? `Restored ${record.restored ?? record.backup ?? 'the backup'} (release ${record.liveRelease ?? 'unknown'} live); ${record.validation?.detail ?? ''}`.trim()
    : (record.error ?? 'unknown error');
  if (record.ok) ctx.logger.warn(`Rollback completed and validated: ${detail}`, { rollback: full });
  else ctx.logger.critical(`Rollback FAILED: ${detail}`, { rollback: full });
  ctx.announcer.announce({
    ...rollbackEndMessage(record.ok, detail, gates, ctx.messages),
    ...(record.ok && ctx.openBreaches?.length
      ? { resolves: ctx.openBreaches.map((b) => breachKey(ctx.messages, b.gate, b.since)) }
      : {}),
  });
  return full;
}

/** The runner and the backup it must restore, or why the rollback is not possible. */
function rollbackPrerequisites(
  run: AutomaticRollback,
): { runner: RollbackRunner; backup: string } | { impossible: string } {
  const { ports, target } = run.ctx;
  const runner = ports.rollback.port;
  if (!runner)
    return { impossible: `rollback is not possible: ${ports.rollback.unavailable ?? 'no rollback runner'}` };
  if (!run.backup) return { impossible: `rollback is not possible: no backup to restore (${target.detail})` };
  return { runner, backup: run.backup };
}

/** Restores the chosen backup, checks the live release, validates: within the deadline's signal. */
async function restoreAndCheck(
  run: AutomaticRollback,
  runner: RollbackRunner,
  backup: string,
  signal: AbortSignal,
): Promise<RollbackRecord> {
  const { ctx, gates } = run;
  const { ports, target } = ctx;
  const validator = ports.validator.port;
  const outcome = await runner.rollback({
    environment: ctx.messages.environment,
    backup,
    expectedSha256: target.sha256 ?? undefined,
    failedRelease: ctx.watchedRelease,
    announce: false,
    reason: `quality gate${gates.length > 1 ? 's' : ''} ${gates.join(', ')} failed`,
    deploymentId: ctx.messages.deploymentId,
    // The monitor validates itself below when it has a validator; otherwise the runner does.
    skipValidation: validator !== null,
    signal,
  });
  signal.throwIfAborted();
  const liveRelease = outcome.toRelease ?? (await runner.liveRelease?.().catch(() => null)) ?? null;
  if (!outcome.ok)
    return finishRollback(run, {
      ok: false,
      backup,
      restored: outcome.restored,
      liveRelease,
      error: outcome.error ?? 'the rollback reported failure',
    });
  // The restore must have put the backup's release back, and the failed one must be gone.
  const wrongRelease =
    (target.release !== null && liveRelease !== null && liveRelease !== target.release) ||
    (ctx.watchedRelease !== null && liveRelease === ctx.watchedRelease);
  if (wrongRelease)
    return finishRollback(run, {
      ok: false,
      backup,
      restored: outcome.restored,
      liveRelease,
      error: `restored ${backup} but release ${liveRelease} is live (expected ${target.release ?? "the backup's release"}${ctx.watchedRelease ? `, not ${ctx.watchedRelease}` : ''})`,
    });
  let validation = outcome.validation;
  if (validator) validation = await validator.validate({ signal });
  if (!validation)
    validation = { ok: false, detail: `not validated: ${ports.validator.unavailable ?? 'no validator'}` };
  signal.throwIfAborted();
  return finishRollback(run, {
    ok: validation.ok,
    backup,
    restored: outcome.restored,
    liveRelease,
    validation,
    error: validation.ok
      ? undefined
      : `restored ${outcome.restored ?? backup} but validation failed: ${validation.detail}`,
  });
}

/**
 * The automatic rollback, in the order the runbook gives: a critical notification (sent in the
 * background, so the restore starts at once), the restore of exactly the backup chosen when the
 * watch began, a check that the live release is the backup's, a validation, and the outcome
 * notification — all inside rollback_timeout_minutes. The monitor is the one layer that
 * announces it; the rollback use-case is asked to stay silent.
 *
 * A signal (SIGINT/SIGTERM) does not abort a rollback under way: the restore completes or is
 * left to its journal, never half-done by us.
 */
export async function runAutomaticRollback(
  failing: GateEvaluation[],
  ctx: RollbackContext,
): Promise<RollbackRecord> {
  const run: AutomaticRollback = {
    ctx,
    failing,
    gates: failing.map((f) => f.gate),
    startedAt: ctx.clock.now(),
    backup: ctx.target.backup,
  };
  announceRollbackStart(run);
  const ready = rollbackPrerequisites(run);
  if ('impossible' in ready)
    return finishRollback(run, { ok: false, backup: run.backup, error: ready.impossible });

  const timeoutMs = ctx.timeoutMinutes * 60_000;
  const deadline = clockTimeout(
    ctx.clock,
    timeoutMs,
    undefined,
    `rollback did not finish within rollback_timeout_minutes (${ctx.timeoutMinutes} min)`,
  );
  try {
    return await restoreAndCheck(run, ready.runner, ready.backup, deadline.signal);
  } catch (error) {
    const message = deadline.signal.aborted ? messageOf(deadline.signal.reason) : messageOf(error);
    return finishRollback(run, { ok: false, backup: run.backup, error: message });
  } finally {
    deadline.cancel();
  }
}
