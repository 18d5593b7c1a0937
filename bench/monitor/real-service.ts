import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => {
        resolve(port);
      });
    });
  });
}

/** Builds the reference service's release bundles; null when the builder is not in this checkout. */
export async function buildReleases(root: string): Promise<string | null> {
  const builder = join(root, 'examples', 'dhash-service', 'build-releases.mjs');
  if (!existsSync(builder)) return null;
  const out = mkdtempSync(join(tmpdir(), 'dhash-releases-'));
  await run(process.execPath, [builder, '--out', out], { cwd: root, maxBuffer: 64 * 2 ** 20 });
  return out;
}

/**
 * A TCP switch in front of the service, as a load balancer is in front of a deployment: flipping
 * it to another release's port is the moment the new release takes traffic.
 */
export class Switch {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  upstream = 0;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((client) => {
      const upstream = connect(this.upstream, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  point(port: number): void {
    this.upstream = port;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => {
      if (this.server)
        this.server.close(() => {
          r();
        });
      else r();
    });
  }
}

export class Release {
  child: ChildProcess | undefined;
  port = 0;
  constructor(
    private readonly dir: string,
    readonly version: string,
    private readonly dataDir: string,
  ) {}

  async start(): Promise<this> {
    this.port = await freePort();
    this.child = spawn(process.execPath, [join(this.dir, this.version, 'server.js')], {
      cwd: this.dataDir,
      env: {
        ...process.env,
        DHASH_PORT: String(this.port),
        DHASH_DB_PATH: join(this.dataDir, `dhash-${this.version}.sqlite`),
        DHASH_MEMORY_LIMIT_BYTES: String(2 ** 30),
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/health`);
        if (res.ok) return this;
      } catch {
        /* starting */
      }
      if (Date.now() > deadline) throw new Error(`release ${this.version} did not become healthy`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  kill(): void {
    this.child?.kill('SIGKILL');
  }
}

export function startLoad(dir: string, url: string, rate: number): ChildProcess {
  return spawn(
    process.execPath,
    [join(dir, 'loadgen.js'), '--url', url, '--rate', String(rate), '--duration', '0'],
    { stdio: 'ignore' },
  );
}
