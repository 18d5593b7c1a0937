import { EventEmitter } from 'node:events';
import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';

/** Where the CLI writes its output and messages: a stream, or a DirectOutput standing in for one. */
export type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

type Callback = (error?: Error | null) => void;

/**
 * The process's stdout or stderr, written with fs.writeSync instead of through process.stdout /
 * process.stderr.
 *
 * Why: the first touch of process.stdout loads Node's stream modules and builds a socket or a
 * file stream, 2 to 4 ms of every start of a command that prints one line (`validate`,
 * `--version`). On Linux, Node's own stdout writes synchronously to files, pipes and sockets
 * (the documented behaviour of process.stdout), so writing the bytes at once is what it would do:
 * same bytes, same order. One difference: when the reader stops reading and a pipe fills, Node
 * queues the rest and its event loop goes on, where this write waits. So it is for commands that
 * answer and exit (which would wait for that reader before exiting anyway), not for long ones.
 *
 * A descriptor another process made non-blocking answers EAGAIN when full: then the rest of this
 * write and every later one go through the real stream, which waits for the reader; the bytes
 * stay in order. Any other failure (EPIPE when the reader went away, ENOSPC) is emitted as an
 * 'error' event on the next tick, as a stream does, and later writes are dropped.
 */
export class DirectOutput extends EventEmitter {
  readonly isTTY = false;
  writable = true;
  private stream: Output | null = null;
  private failed = false;

  constructor(
    readonly fd: number,
    private readonly realStream: () => Output,
  ) {
    super();
  }

  write(
    chunk: string | Uint8Array,
    encodingOrCallback?: BufferEncoding | Callback,
    callback?: Callback,
  ): boolean {
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : 'utf8';
    if (this.stream)
      return typeof chunk === 'string'
        ? this.stream.write(chunk, encoding, done)
        : this.stream.write(chunk, done);
    if (this.failed) return false;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN')
        return this.handOver().write(bytes.subarray(written), done);
      this.fail(error as Error, done);
      return false;
    }
    if (done) process.nextTick(done);
    return true;
  }

  end(...args: unknown[]): this {
    const done = args.find((arg): arg is Callback => typeof arg === 'function');
    const [chunk, encoding] = args;
    if (typeof chunk === 'string')
      this.write(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    else if (chunk instanceof Uint8Array) this.write(chunk);
    this.writable = false;
    if (done) process.nextTick(done);
    return this;
  }

  /** From now on, the real stream; its errors are this output's. */
  private handOver(): Output {
    const stream = this.realStream();
    stream.on('error', (error: Error) => this.emit('error', error));
    this.stream = stream;
    return stream;
  }

  private fail(error: Error, done: Callback | undefined): void {
    this.failed = true;
    this.writable = false;
    process.nextTick(() => {
      done?.(error);
      this.emit('error', error);
    });
  }
}

/** /dev/null: a character device that is no terminal. */
function isDevNull(stat: Stats): boolean {
  if (!stat.isCharacterDevice()) return false;
  try {
    return stat.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/**
 * stdout (1) or stderr (2) of this process: a DirectOutput on Linux when it is a file, a pipe, a
 * socket or /dev/null; else (a terminal, which needs the stream's isTTY, columns and colours;
 * another system; a closed descriptor) the process's own stream.
 */
export function processOutput(fd: 1 | 2): Output {
  const realStream = (): Output => (fd === 1 ? process.stdout : process.stderr);
  if (process.platform !== 'linux') return realStream();
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() || stat.isFIFO() || stat.isSocket() || isDevNull(stat))
      return new DirectOutput(fd, realStream);
  } catch {
    // A descriptor that cannot be examined: Node's stream knows what to do with it.
  }
  return realStream();
}

/**
 * Calls `use` with process.stdout or process.stderr when something first reads it, without
 * creating it now (see DirectOutput for why), so a handler set up at start covers the stream
 * even when a library creates it later.
 */
export function whenStreamCreated(name: 'stdout' | 'stderr', use: (stream: Output) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  const get = descriptor?.get?.bind(process);
  if (!descriptor?.configurable || !get) {
    use(process[name]);
    return;
  }
  let stream: Output | undefined;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() {
      if (stream === undefined) {
        stream = get() as Output;
        use(stream);
      }
      return stream;
    },
  });
}
