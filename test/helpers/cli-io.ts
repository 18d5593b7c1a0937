import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { RealClock, type Clock } from '../../src/runtime/clock.js';

export interface CapturedIo extends CliIo {
  /** Everything the command wrote to stdout so far. */
  out: () => string;
  /** Everything the command wrote to stderr so far. */
  err: () => string;
}

/**
 * The CLI's outside world for an in-process run: stdout and stderr captured for the test to read,
 * an empty stdin, the given environment (nothing inherited unless passed) and clock.
 */
export function captureIo(
  cwd: string,
  options: {
    env?: NodeJS.ProcessEnv;
    clock?: Clock;
    stdin?: NodeJS.ReadableStream;
    /** stdin says it is a terminal (a human can answer a prompt). */
    stdinTerminal?: boolean;
    /** stderr says it is a 200-column terminal, as a pseudo-terminal would (live progress lines). */
    stderrTerminal?: boolean;
  } = {},
): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (options.stderrTerminal) {
    stderr.isTTY = true;
    stderr.columns = 200;
  }
  const stdin = (options.stdin ?? new PassThrough()) as NodeJS.ReadableStream & { isTTY?: boolean };
  if (options.stdinTerminal) stdin.isTTY = true;
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    stdout,
    stderr,
    stdin,
    env: options.env ?? {},
    cwd,
    clock: options.clock ?? new RealClock(),
    exitCode: 0,
    out: () => out,
    err: () => err,
  };
}
