import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/io.js';
import { RealClock } from '../../../src/runtime/clock.js';

/** An in-process CliIo whose output the test reads back. */
export function captureIo(
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env,
    cwd,
    clock: new RealClock(),
    exitCode: 0,
    out: () => out,
    err: () => err,
  };
}
