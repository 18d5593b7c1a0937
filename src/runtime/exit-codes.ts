/**
 * Process exit codes, shared by the CLI and documented in the README.
 * Distinct codes let scripts tell "you called it wrong" from "it ran and the deploy failed".
 */
export const ExitCode = {
  ok: 0,
  /** The operation ran and failed (a deploy step, an undelivered notification, a failed check). */
  failed: 1,
  /** Bad flags, a bad config file, an unknown environment. Nothing was changed. */
  usage: 2,
  /** A bug: an unexpected exception. */
  internal: 3,
  /** Refused before doing anything: a lock is held, or a confirmation was needed and not given. */
  refused: 4,
  /**
   * A notification could be neither delivered nor stored in the fallback file (an unwritable or
   * full log folder); it was printed whole on stderr, the only copy left.
   */
  notificationPrinted: 5,
  /** Monitoring ended with alert-only gate breaches. */
  alerted: 10,
  /** A gate failed and the automatic rollback completed and validated. */
  rolledBack: 11,
  /** A gate failed and the rollback did not complete, did not validate, or left the wrong release live. */
  rollbackFailed: 12,
  /** Monitoring ended without a verdict: a gate had no data for too long. Never a pass. */
  inconclusive: 13,
  /** Monitoring stopped because a manual rollback of the environment took over. */
  preempted: 14,
  /** Ended by SIGINT (128 + 2), records written. */
  interruptedSigint: 130,
  /** Ended by SIGTERM (128 + 15), records written. */
  interruptedSigterm: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
