import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { RealClock } from '../../src/runtime/clock.js';
import { testConfig } from './helpers/config.js';
import { expectReplays } from './helpers/replay.js';
import { TestService } from './helpers/test-service.js';

/** Every process's command line, from /proc (no `ps`: a bare machine may not have procps). */
function commandLines(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        return ''; // gone meanwhile
      }
    });
}

/**
 * `node scripts/monitor_dhash.js` killed with SIGTERM / SIGINT (a CI job cancelled, Ctrl-C):
 * the monitor writes its evidence and report marked `interrupted`, logs it, exits 143 / 130, and
 * leaves no process behind that could still roll back. Runs the built bundle (dist/cli.js).
 */
const service = new TestService(new RealClock());
beforeAll(async () => {
  await service.start();
});
afterAll(async () => service.stop());

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the seed wrapper passes signals on (no orphan)', () => {
  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s to scripts/monitor_dhash.js: evidence written, exit %i, nothing left running',
    async (signal, code) => {
      const { dir } = testConfig('production', service.url, (env) => {
        // No channels: a sending run refuses channels whose variables are unset, and this test sets none.
        env.notifications = { channels: {} };
        env.monitoring.window_minutes = 5;
        env.monitoring.poll_intervals = {
          initial_minutes: 0,
          initial_interval_seconds: 1,
          normal_interval_seconds: 1,
        };
      });
      const logDir = join(dir, 'monitor_logs');
      const child = spawn(
        process.execPath,
        [
          'scripts/monitor_dhash.js',
          '--env',
          'production',
          '--config',
          join(dir, 'quality-gates-config.json'),
          '--base-url',
          service.url,
          '--log-dir',
          logDir,
        ],
        {
          cwd: process.cwd(),
          env: { PATH: process.env.PATH, HOME: process.env.HOME },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) =>
        child.on('exit', (c) => {
          r(c);
        }),
      );
      const log = await waitFor('the monitor log', () => {
        const name = existsSync(logDir) ? readdirSync(logDir).find((f) => f.endsWith('.log')) : undefined;
        if (!name) return undefined;
        const text = readFileSync(join(logDir, name), 'utf8');
        return /Quality gate extraction_failure_rate/.test(text) ? join(logDir, name) : undefined;
      });
      child.kill(signal);
      expect(await exited).toBe(code);
      const evidencePath = log.replace(/\.log$/, '.evidence.json');
      const evidence = JSON.parse(readFileSync(evidencePath, 'utf8')) as {
        result: string;
        interrupted: { signal: string };
      };
      expect(evidence.result).toBe('interrupted');
      expect(evidence.interrupted.signal).toBe(signal);
      expect(existsSync(log.replace(/\.log$/, '.report.html'))).toBe(true);
      expect(readFileSync(log, 'utf8')).toMatch(new RegExp(`Monitoring interrupted by ${signal}`));
      expectReplays(evidencePath);
      // No process of this run survives the wrapper.
      expect(commandLines().filter((l) => l.includes(logDir))).toEqual([]);
      expect(stderr).not.toMatch(/internal error/);
    },
  );
});
