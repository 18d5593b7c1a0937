import type { Clock } from '../runtime/clock.js';
import { RealClock } from '../runtime/clock.js';
import { LOG_LEVELS, type LogLevel } from '../runtime/logger.js';
import { interruptionOf, type InterruptedError } from '../runtime/interrupt.js';
import type { Output } from '../runtime/process-output.js';
import { maskUrlUserinfo } from '../runtime/redact.js';

/** What a CLI command may touch of the outside world; injected so tests run the CLI in-process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  clock: Clock;
  /** A command that ends with a non-zero code without an error (alerted, rolled back) sets this. */
  exitCode: number;
  /** global_settings.log_level of the loaded config, set when a command loads it. */
  logLevel?: LogLevel;
  /** Set when the command runs on the packaged default config (no ./quality-gates-config.json):
   * an error then says so, since its paths (/srv/dhash) are rarely the user's. */
  packagedConfig?: string;
  /** Fires on SIGINT / SIGTERM (src/runtime/interrupt.ts); long commands stop cleanly on it. */
  signal?: AbortSignal;
  /**
   * The signal received, if one was, without making `signal` (an AbortController costs a module
   * load); when absent, `signal` is asked.
   */
  interrupted?: () => InterruptedError | null;
}

/** The interruption the command ended with, or null. */
export function interruptionIn(io: CliIo): InterruptedError | null {
  return io.interrupted ? io.interrupted() : interruptionOf(io.signal);
}

/**
 * The real process's outputs and environment: `outputs` as the bin made them (see
 * src/runtime/process-output.ts), else process.stdout and process.stderr. `stdin` and `signal` are
 * getters, read when a command first uses them: opening stdin (about 1 ms) and the interrupt's
 * AbortController (about 2 ms) are start-up cost that most commands never need. (So the result must
 * not be spread: that reads them.)
 */
export function processIo(
  interrupt?: { readonly signal: AbortSignal; readonly received: InterruptedError | null },
  outputs?: { stdout: Output; stderr: Output },
): CliIo {
  return {
    stdout: outputs?.stdout ?? process.stdout,
    stderr: outputs?.stderr ?? process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    clock: new RealClock(),
    exitCode: 0,
    get signal() {
      return interrupt?.signal;
    },
    interrupted: () => interrupt?.received ?? null,
  };
}

/** One block of output on stdout; URL credentials (a base URL's user:password) are masked. */
export function print(io: CliIo, text: string): void {
  const masked = maskUrlUserinfo(text);
  io.stdout.write(masked.endsWith('\n') ? masked : `${masked}\n`);
}

/**
 * A person can answer a prompt: both stdin and stderr (where prompts and progress go) are terminals.
 * The one definition every command uses; the action is never interactive.
 */
export function isInteractive(io: CliIo): boolean {
  return io.stdin.isTTY === true && io.stderr.isTTY === true;
}

/** A live progress line is drawn on stderr when it is a terminal and JSON output was not asked for. */
export function showsProgress(io: CliIo, json = false): boolean {
  return io.stderr.isTTY === true && !json;
}

/**
 * The lowest level the console shows: everything with --verbose; else the config's
 * `global_settings.log_level` where it asks for more (DEBUG) or less than the command's own default
 * (a command on a terminal shows WARN and up beside its progress line). Log files keep every level.
 */
export function consoleLevel(io: CliIo, verbose: boolean | undefined, commandDefault: LogLevel): LogLevel {
  if (verbose) return 'DEBUG';
  const configured = io.logLevel;
  if (configured === undefined) return commandDefault;
  if (configured === 'DEBUG') return 'DEBUG';
  return LOG_LEVELS.indexOf(configured) > LOG_LEVELS.indexOf(commandDefault) ? configured : commandDefault;
}
