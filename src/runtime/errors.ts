import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/** An error whose message is written for the operator; the front ends print it without a stack. */
export class DhashError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Wrong flags or inputs: exit 2. */
export class UsageError extends DhashError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** A config file that cannot be used; one problem per line, each naming its JSON path. */
export class ConfigError extends DhashError {
  readonly problems: string[];
  constructor(source: string, problems: string[]) {
    super(
      `${source} is not a valid dhash-rollout config:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      ExitCode.usage,
    );
    this.problems = problems;
  }
}

/** The operation ran and did not succeed: exit 1. */
export class OperationError extends DhashError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.failed, options);
  }
}

/** Refused before any change: a held lock, a missing confirmation. Exit 4. */
export class RefusedError extends DhashError {
  constructor(message: string) {
    super(message, ExitCode.refused);
  }
}

export function exitCodeOf(error: unknown): ExitCodeValue {
  return error instanceof DhashError ? error.exitCode : ExitCode.internal;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
