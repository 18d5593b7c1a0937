import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { RealClock, type Clock } from '../../src/runtime/clock.js';

export interface CapturedIo extends CliIo {
  /** Everything the command wrote to stdout so far. */
  out(): string;
  /** Everything the command wrote to stderr so far. */
  err(): string;
}

/**
 * The CLI's outside world for an in-process run: stdout and stderr captured for the test to read,
 * an empty stdin, the given environment (nothing inherited unless passed) and clock.
 */
export function captureIo(
  cwd: string,
  options: { env?: NodeJS.ProcessEnv; clock?: Clock; stdin?: NodeJS.ReadableStream } = {},
): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    stdout,
    stderr,
    stdin: options.stdin ?? new PassThrough(),
    env: options.env ?? {},
    cwd,
    clock: options.clock ?? new RealClock(),
    exitCode: 0,
    out: () => out,
    err: () => err,
  };
}
