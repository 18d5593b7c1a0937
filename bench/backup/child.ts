// Runs one backup, restore or rollback in its own process, so the parent can measure its peak RSS.
//   node child.js backup <cwd>              → prints {"path","sha256","sizeBytes"}
//   node child.js restore <zip> <root>      → restores (with full verification) into <root>
//   node child.js rollback <cwd> <zip>      → rolls a running HTTP service back to <zip>; prints
//                                             {"startMs","downtimeMs","swapMs","stagingMs"}
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readCurrentRelease } from '../../src/adapters/targets/current-link.js';
import { createBackup } from '../../src/commands/backup.js';
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { rollbackCommand } from '../../src/commands/rollback.js';
import { loadConfig } from '../../src/config/load.js';
import type { DeployTarget } from '../../src/ports.js';
import { RealClock } from '../../src/runtime/clock.js';
import { freePort } from '../../src/runtime/free-port.js';
import { JsonLinesLogger } from '../../src/runtime/logger.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

const clock = new RealClock();
const logger = new JsonLinesLogger(clock, []);
const [mode, a, b] = process.argv.slice(2);

/** A real service: an HTTP server run from current/, started when it answers /health. */
class HttpServiceTarget implements DeployTarget {
  readonly kind = 'local' as const;
  private child: ChildProcess | null = null;
  /** When the last stop completed and the last start began (the swap is what lies between). */
  stoppedAt = 0;
  startedAt = 0;
  constructor(
    readonly root: string,
    private readonly port: number,
  ) {}
  currentRelease(): Promise<string | null> {
    return Promise.resolve(readCurrentRelease(this.root));
  }
  status() {
    return Promise.resolve({
      running: this.child !== null,
      release: readCurrentRelease(this.root),
      detail: '',
    });
  }
  async start(): Promise<void> {
    this.startedAt = clock.now();
    const code = `require('node:http').createServer((q, s) => s.end('{"status":"ok"}')).listen(${this.port}, '127.0.0.1')`;
    this.child = spawn(process.execPath, ['-e', code], { cwd: join(this.root, 'current'), stdio: 'ignore' });
    for (let i = 0; i < 3000; i++) {
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/health`);
        if (r.ok) return;
      } catch {
        /* not listening yet */
      }
      await clock.sleep(5);
    }
    throw new Error('the service did not become healthy');
  }
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
    this.stoppedAt = clock.now();
  }
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
  previousRelease(): Promise<string | null> {
    return Promise.resolve(null);
  }
  rollbackRelease(): Promise<{ from: string | null; to: string }> {
    return Promise.reject(new Error('not used'));
  }
}

const load = (cwd: string) =>
  loadConfig({ configPath: `${cwd}/quality-gates-config.json`, envName: 'production', cwd, environment: {} });

if (mode === 'backup') {
  const config = load(a);
  const r = await createBackup({ config, cwd: a, retention: false }, { storage, clock, logger });
  process.stdout.write(JSON.stringify({ path: r.path, sha256: r.sha256, sizeBytes: r.sizeBytes }));
} else if (mode === 'restore') {
  await restoreBackup({ storage, archivePath: a, root: b, environment: 'production', clock, logger });
} else if (mode === 'rollback') {
  const config = load(a);
  const target = new HttpServiceTarget((config.env.target as { root: string }).root, await freePort());
  const t0 = clock.now();
  await target.start();
  const startMs = clock.now() - t0;
  const result = await rollbackCommand(
    { config, cwd: a, backup: b, force: true, interactive: false, skipValidation: true },
    {
      storage,
      clock,
      logger,
      env: {},
      target: () => target,
      validator: () => ({ validate: () => Promise.resolve({ ok: true, detail: 'skipped' }) }),
      notifier: () => ({ send: () => Promise.resolve({ deliveries: [], allDelivered: true }) }),
    },
  );
  // Stopped → start called: the swap itself, apart from the service's start (which varies by
  // hundreds of ms on a loaded machine, more than the swap).
  const swapMs = target.startedAt - target.stoppedAt;
  await target.stop();
  if (!result.ok) throw new Error(`rollback failed: ${result.error}`);
  const staged = result.steps.map((s) => /staged and fsynced in (\d+) ms/.exec(s.detail)).find(Boolean);
  process.stdout.write(
    JSON.stringify({
      startMs,
      downtimeMs: result.downtimeMs,
      swapMs,
      stagingMs: staged ? Number(staged[1]) : null,
    }),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
