import { requireTool } from '../helpers/tools.js';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { workspace } from './helpers/config.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';
import { captureIo, type CapturedIo } from '../helpers/cli-io.js';

// Logging never costs a message: with a log folder that cannot be created (a file in its path)
// or a full disk (a 64 KiB tmpfs filled to the last byte), delivery goes on, an undelivered
// message is printed whole on stderr, and the exit code says which happened — never 3.
const TOKEN = 'DiskFullToken-31337';

function io(cwd: string, env: Record<string, string>): CapturedIo {
  return captureIo(cwd, { env, clock: new VirtualClock() });
}

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await closeHttpAgents();
});

async function run(logDir: string, up: boolean) {
  const hook = await startWebhook(`/hooks/${TOKEN}`, [up ? reply.empty(204) : reply.text(404, 'gone')]);
  servers.push(hook);
  const ws = workspace({ channels: ['webhook'] });
  const cli = io(ws.dir, { GENERIC_WEBHOOK_URL: hook.url });
  const code = await runCli(
    [
      'notify',
      '--config',
      ws.configPath,
      '--env',
      'production',
      '--level',
      'critical',
      '--message',
      'Disk-full drill: the message must survive',
      '--deployment-id',
      'prod-disk',
      '--log-dir',
      logDir,
    ],
    cli,
  );
  return { code, hook, out: cli.out(), err: cli.err() };
}

function expectPrintedWhole(err: string): void {
  expect(err).toContain('UNDELIVERED notification for webhook');
  const line = err.split('\n').find((l) => l.startsWith('{'))!;
  const entry = JSON.parse(line);
  expect(entry).toMatchObject({ channel: 'webhook', deployment_id: 'prod-disk', level: 'critical' });
  expect(entry.payload.text).toBe('Disk-full drill: the message must survive');
  expect(err).not.toContain(TOKEN);
}

describe('an unwritable log folder (a file where a folder should be)', () => {
  const base = mkdtempSync(join(tmpdir(), 'dhash-notify-unwritable-'));
  const file = join(base, 'not-a-folder');
  writeFileSync(file, 'x');

  it('channel up: delivered, exit 0, the log problem is stated', async () => {
    const r = await run(join(file, 'logs'), true);
    expect(r.code).toBe(0);
    expect(r.hook.requests).toHaveLength(1);
    expect(r.err).toMatch(/warning: the log .* cannot be written \(ENOTDIR/);
  });

  it('channel down: the message is printed whole on stderr, exit 5', async () => {
    const r = await run(join(file, 'logs'), false);
    expect(r.code).toBe(5);
    expectPrintedWhole(r.err);
    expect(r.out).toContain('printed whole on stderr');
  });
});

/** Mounts a 64 KiB tmpfs (root only) and fills it; null when this machine cannot. */
function fullTmpfs(): { dir: string; unmount(): void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-notify-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return null;
  }
  mkdirSync(join(dir, 'logs'));
  const fd = openSync(join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  try {
    for (;;) writeSync(fd, chunk.subarray(0, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  closeSync(fd);
  return { dir, unmount: () => execFileSync('umount', [dir]) };
}

// Root mounts the tmpfs; elsewhere the suite skips with one line (and fails under DHASH_TEST_STRICT=1).
const mounting = requireTool('mount -t tmpfs', 'run the tests as root on Linux', {
  probe: () => (process.platform === 'linux' && process.getuid?.() === 0 ? null : 'needs root on Linux'),
});
const disk = mounting.missing ? null : fullTmpfs();
mounting.describe('a full disk (64 KiB tmpfs, filled)', () => {
  afterAll(() => disk?.unmount());

  it('channel up: delivered, exit 0 (not 3, so a CI retry does not post again)', async () => {
    const r = await run(join(disk!.dir, 'logs'), true);
    expect(r.code).toBe(0);
    expect(r.hook.requests).toHaveLength(1);
    expect(r.err).toMatch(/cannot be written \(ENOSPC/);
  });

  it('channel down: not in the fallback file (no space), printed whole on stderr, exit 5', async () => {
    const r = await run(join(disk!.dir, 'logs'), false);
    expect(r.code).toBe(5);
    expectPrintedWhole(r.err);
  });
});
