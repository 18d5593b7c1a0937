import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive, Supervisor } from '../../src/adapters/targets/supervisor.js';
import { RealClock } from '../../src/runtime/clock.js';
import { nullLogger } from '../../src/runtime/logger.js';

// Real detached processes: the supervisor's job is process management, so nothing here is faked.
describe('built-in supervisor', () => {
  let dir: string;
  let supervisor: Supervisor;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dhash-supervisor-'));
    supervisor = new Supervisor({
      runDir: join(dir, 'run'),
      stopTimeoutMs: 1500,
      clock: new RealClock(),
      logger: nullLogger,
      pollMs: 50,
    });
  });
  afterEach(async () => {
    await supervisor.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  const script = (name: string, body: string): string => {
    writeFileSync(join(dir, name), body);
    return `node ${name}`;
  };
  const waitFor = async (predicate: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 25));
  };

  test('starts a detached service with a pid file and logs, reports it running, stops it gracefully', async () => {
    const command = script(
      'svc.js',
      "console.log('hello from ' + process.env.MARK); process.on('SIGTERM', () => { console.log('bye'); process.exit(0); }); setInterval(() => {}, 1000);",
    );
    const state = supervisor.start({
      command,
      cwd: dir,
      env: { ...process.env, MARK: 'test-mark' },
      release: 'r1',
    });
    expect(isProcessAlive(state.pid)).toBe(true);
    const status = supervisor.status();
    expect(status).toMatchObject({ running: true, release: 'r1', crashed: false, pid: state.pid });
    await waitFor(() => supervisor.lastOutputLines(5).includes('hello from test-mark'));
    expect(supervisor.lastOutputLines(5)).toContain('hello from test-mark');
    expect(() => supervisor.start({ command, cwd: dir, env: process.env, release: 'r1' })).toThrow(
      /already running/,
    );

    const stopped = await supervisor.stop();
    expect(stopped).toEqual({ wasRunning: true, forced: false });
    expect(isProcessAlive(state.pid, true)).toBe(false);
    expect(supervisor.status()).toMatchObject({ running: false, crashed: false });
    await waitFor(() => supervisor.lastOutputLines(5).includes('bye'));
    expect(supervisor.lastOutputLines(5)).toContain('bye');
  });

  test('kills a service that ignores SIGTERM once the stop timeout has passed', async () => {
    const command = script(
      'stubborn.js',
      "process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('up'); setInterval(() => {}, 1000);",
    );
    const state = supervisor.start({ command, cwd: dir, env: process.env, release: 'r2' });
    await waitFor(() => supervisor.lastOutputLines(5).includes('up'));
    const stopped = await supervisor.stop();
    expect(stopped).toEqual({ wasRunning: true, forced: true });
    expect(isProcessAlive(state.pid, true)).toBe(false);
    expect(supervisor.lastOutputLines(5)).toContain('ignoring SIGTERM');
  });

  test('tells a crash from a stop, with the exit code and the last stderr lines', async () => {
    const command = script(
      'crash.js',
      "console.error('fatal: database is missing'); setTimeout(() => process.exit(7), 100);",
    );
    supervisor.start({ command, cwd: dir, env: process.env, release: 'r3' });
    await waitFor(() => supervisor.status().crashed && supervisor.readState()?.exit !== undefined);
    const status = supervisor.status();
    expect(status.running).toBe(false);
    expect(status.crashed).toBe(true);
    expect(status.detail).toMatch(/exit code 7/);
    expect(status.detail).toMatch(/fatal: database is missing/);
    // A crashed service can be started again.
    const again = script('ok.js', 'setInterval(() => {}, 1000);');
    supervisor.start({ command: again, cwd: dir, env: process.env, release: 'r3' });
    expect(supervisor.status().running).toBe(true);
  });
});
