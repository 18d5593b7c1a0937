/**
 * SIGINT / SIGTERM as an AbortSignal. A long command (monitor, rollout, deploy, rollback,
 * migrate) takes `signal` from here, stops starting new work when it fires, finishes or journals
 * what is under way, writes its records and returns; the front end then exits 130 / 143, as a
 * shell reports a process ended by that signal. A second signal while cleaning up ends the
 * process at once, so an operator is never stuck behind a hung step.
 */
export class InterruptedError extends Error {
  constructor(readonly signalName: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signalName}`);
    this.name = 'InterruptedError';
  }

  /** 128 + the signal number, as shells report it. */
  get exitCode(): number {
    return interruptExitCode(this.signalName);
  }
}

export function interruptExitCode(signalName: 'SIGINT' | 'SIGTERM'): number {
  return signalName === 'SIGINT' ? 130 : 143;
}

/** The InterruptedError behind an aborted signal, or null when it was aborted for another reason. */
export function interruptionOf(signal: AbortSignal | undefined): InterruptedError | null {
  if (!signal?.aborted) return null;
  return signal.reason instanceof InterruptedError ? signal.reason : null;
}

export interface InterruptHandle {
  signal: AbortSignal;
  /** The signal received, once one was. */
  readonly received: InterruptedError | null;
  /** Removes the handlers (the process's default behaviour comes back). */
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM on `proc` (the real process by default). */
export function onInterrupt(
  proc: Pick<NodeJS.Process, 'on' | 'off' | 'exit'> = process,
  onSecond: (name: string) => void = (name) => proc.exit(interruptExitCode(name as 'SIGINT')),
): InterruptHandle {
  // Made on first use: the first AbortController of a process loads Node's abort_controller
  // module (about 2 ms), which a command that never waits on anything (validate) need not pay.
  let controller: AbortController | undefined;
  const control = (): AbortController => (controller ??= new AbortController());
  let received: InterruptedError | null = null;
  const handler = (name: 'SIGINT' | 'SIGTERM') => (): void => {
    if (received) {
      onSecond(name);
      return;
    }
    received = new InterruptedError(name);
    control().abort(received);
  };
  const onInt = handler('SIGINT');
  const onTerm = handler('SIGTERM');
  proc.on('SIGINT', onInt);
  proc.on('SIGTERM', onTerm);
  return {
    get signal() {
      return control().signal;
    },
    get received() {
      return received;
    },
    dispose() {
      proc.off('SIGINT', onInt);
      proc.off('SIGTERM', onTerm);
    },
  };
}
