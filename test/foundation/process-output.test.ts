import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DirectOutput, whenStreamCreated, type Output } from '../../src/runtime/process-output.js';
import { CLI, ROOT } from '../helpers/run-bundle.js';

// The CLI writes stdout and stderr with fs.writeSync where Node's own streams would write
// synchronously (src/runtime/process-output.ts): the bytes, their order and the exit code must be
// what the streams gave, on a file, a pipe, a socket and /dev/null, and a reader that goes away or
// a full non-blocking pipe must not lose or reorder anything.

const work = mkdtempSync(join(tmpdir(), 'dhash-output-'));
const opened: number[] = [];
afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd);
});
const open = (path: string, flags: number | string): number => {
  const fd = openSync(path, flags);
  opened.push(fd);
  return fd;
};

/** A real Writable that keeps what it is given: the stream an output hands over to. */
function collector(): { stream: Output; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString() };
}

describe('DirectOutput', () => {
  test('writes strings in any encoding and bytes, in order, and calls back on the next tick', async () => {
    const file = join(work, 'out.txt');
    const fd = open(file, 'w');
    const output = new DirectOutput(fd, () => collector().stream);
    const order: string[] = [];
    expect(
      output.write('café ', () => {
        order.push('first');
      }),
    ).toBe(true);
    expect(output.write(Buffer.from('bytes '))).toBe(true);
    expect(
      output.write('6869', 'hex', () => {
        order.push('second');
      }),
    ).toBe(true);
    order.push('sync');
    output.end('\n');
    await new Promise((resolve) => {
      process.nextTick(resolve);
    });
    expect(readFileSync(file, 'utf8')).toBe('café bytes hi\n');
    expect(order).toEqual(['sync', 'first', 'second']);
    expect(output.writable).toBe(false);
    expect(output.isTTY).toBe(false);
  });

  test('a full non-blocking pipe hands the rest to the real stream: every byte, in order', () => {
    const fifo = join(work, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Read and write ends in one non-blocking descriptor: writes fail with EAGAIN once the pipe is full.
    const fd = open(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    const real = collector();
    const output = new DirectOutput(fd, () => real.stream);
    const line = (i: number): string => `${String(i).padStart(6, '0')} ${'x'.repeat(1000)}\n`;
    const expected = Array.from({ length: 300 }, (_, i) => line(i)).join('');
    for (let i = 0; i < 300; i++) output.write(line(i));
    // After the hand-over, a string keeps its encoding.
    output.write('6869', 'hex');
    const inPipe: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    for (;;) {
      let n = 0;
      try {
        n = readSync(fd, buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
      if (n === 0) break;
      inPipe.push(Buffer.from(buffer.subarray(0, n)));
    }
    const direct = Buffer.concat(inPipe).toString();
    // The pipe took what fitted (64 KiB on Linux), the stream the rest.
    expect(direct.length).toBeGreaterThan(0);
    expect(real.text().length).toBeGreaterThan(0);
    expect(direct + real.text()).toBe(`${expected}hi`);
  });

  test('a failed write is an error event on the next tick; later writes are dropped', async () => {
    const file = join(work, 'read-only.txt');
    writeFileSync(file, 'kept\n');
    const fd = open(file, 'r');
    const output = new DirectOutput(fd, () => collector().stream);
    const errors: string[] = [];
    output.on('error', (error: NodeJS.ErrnoException) => {
      errors.push(error.code ?? '');
    });
    expect(output.write('lost')).toBe(false);
    expect(errors).toEqual([]);
    await new Promise((resolve) => {
      process.nextTick(resolve);
    });
    expect(errors).toEqual(['EBADF']);
    expect(output.write('dropped')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
  });
});

describe('whenStreamCreated', () => {
  test('calls back once, with the stream, when process.stderr is first read', () => {
    const descriptor = Object.getOwnPropertyDescriptor(process, 'stderr')!;
    try {
      const seen: unknown[] = [];
      whenStreamCreated('stderr', (stream) => seen.push(stream));
      expect(seen).toEqual([]);
      const stream = process.stderr;
      expect(process.stderr).toBe(stream);
      expect(seen).toEqual([stream]);
    } finally {
      Object.defineProperty(process, 'stderr', descriptor);
    }
  });
});

describe('dist/cli.js output', () => {
  const node = JSON.stringify(process.execPath);
  const cli = JSON.stringify(CLI);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const viaSocket = spawnSync(process.execPath, [CLI, 'validate', '--env', 'production', '--json'], {
    cwd: ROOT,
    env,
  });

  test('a file, a pipe and a socket receive the same bytes and the same exit code', () => {
    expect(viaSocket.status).toBe(0);
    const expected = viaSocket.stdout.toString();
    expect(JSON.parse(expected)).toMatchObject({ ok: true, environment: 'production' });

    const file = join(work, 'validate.json');
    const fd = open(file, 'w');
    const toFile = spawnSync(process.execPath, [CLI, 'validate', '--env', 'production', '--json'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', fd, 'pipe'],
    });
    expect(toFile.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(expected);

    const throughPipe = spawnSync('sh', ['-c', `${node} ${cli} validate --env production --json | cat`], {
      cwd: ROOT,
      env,
    });
    expect(throughPipe.status).toBe(0);
    expect(throughPipe.stdout.toString()).toBe(expected);
    expect(throughPipe.stderr.toString()).toBe(viaSocket.stderr.toString());
  });

  test('/dev/null: exit 0, and errors still reach stderr with their exit code', () => {
    const ok = spawnSync(process.execPath, [CLI, 'validate', '--env', 'production'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [CLI, 'validate', '--env', 'nope'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.toString()).toMatch(/^error: environment: unknown environment "nope"/);
  });

  test('an output that cannot be written (stdout on /dev/full) is one line and exit 1, not a crash', () => {
    const fd = open('/dev/full', 'w');
    for (const args of [
      ['validate', '--env', 'production'],
      ['monitor', '--help'],
    ]) {
      const full = spawnSync(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env,
        stdio: ['ignore', fd, 'pipe'],
      });
      expect(full.status).toBe(1);
      const errors = full.stderr
        .toString()
        .split('\n')
        .filter((line) => !line.startsWith('warning: '));
      expect(errors).toEqual(['error: cannot write the output: ENOSPC: no space left on device, write', '']);
    }
  });

  test('a reader that went away (`--help | head`) ends the run with exit 0 and no stack trace', async () => {
    const child = spawn(process.execPath, [CLI, '--help'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the CLI has started: its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
