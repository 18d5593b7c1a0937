import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runCli } from '../../src/cli/program.js';
import { RealClock, VirtualClock, type Clock } from '../../src/runtime/clock.js';
import { testConfig } from './helpers/config.js';
import { TestService } from './helpers/test-service.js';
import { expectReplays } from './helpers/replay.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import { captureIo, type CapturedIo } from '../helpers/cli-io.js';

function io(cwd: string, clock: Clock = new RealClock()): CapturedIo {
  return captureIo(cwd, { clock });
}

const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

describe('dhash-rollout monitor (CLI)', () => {
  test('--dry-run with no service and no wiring exits 0, prints the plan, and writes only its log', async () => {
    const { dir } = testConfig('production', 'http://127.0.0.1:9');
    const cli = io(dir);
    const code = await runCli(
      [
        'monitor',
        '--env',
        'production',
        '--dry-run',
        '--probe',
        '--config',
        'quality-gates-config.json',
        '--base-url',
        'http://127.0.0.1:9',
      ],
      cli,
    );
    expect(code).toBe(0);
    expect(cli.out()).toContain('Monitoring plan for "production"');
    expect(cli.out()).toContain('poll times (s): 0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 420');
    expect(cli.out()).toMatch(
      /p95_hash_time: breach when > 2000 ms over 15 min \(min 50 samples\) → fail \[alert, auto_rollback\]/,
    );
    expect(cli.out()).toMatch(/rollback would restore: /);
    // The worst case from its formula, with this config's numbers.
    const worst =
      /worst-case detection of a hung or refusing service: (\d+(?:\.\d+)?) s = check interval (\d+(?:\.\d+)?) s \+ (\d+) confirmation re-checks × max\(confirm interval (\d+(?:\.\d+)?) s, timeout (\d+(?:\.\d+)?) s\) \+ timeout \5 s of the last check/.exec(
        cli.out(),
      )!;
    const [total, interval, rechecks, confirm, timeout] = worst.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    expect(total).toBe(interval + rechecks * Math.max(confirm, timeout) + timeout);
    expect(total).toBeLessThanOrEqual(35);
    expect(cli.out()).toMatch(
      /health: inconclusive — failed check 1 of 3 needed to confirm \((connection refused|cannot connect)/,
    );
    const files = readdirSync(join(dir, 'monitor_logs'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^dhash_production_\d{8}_\d{6}_[0-9a-f]{6}\.log$/);
  });

  test('bad flags are usage errors naming the flag', async () => {
    const { dir } = testConfig('production', 'http://127.0.0.1:9');
    const cli = io(dir);
    expect(
      await runCli(
        [
          'monitor',
          '--env',
          'production',
          '--dry-run',
          '--window-minutes',
          'soon',
          '--config',
          'quality-gates-config.json',
        ],
        cli,
      ),
    ).toBe(2);
    expect(cli.err()).toMatch(/^error: window-minutes: expected a number/m);
    expect(
      await runCli(
        ['monitor', '--env', 'nowhere', '--dry-run', '--config', 'quality-gates-config.json'],
        cli,
      ),
    ).toBe(2);
    expect(cli.err()).toMatch(/unknown environment "nowhere"/);
  });

  test('a real run without a TTY logs progress lines, ends with exit 10 on an alert-only breach, and writes evidence and report', async () => {
    const clock = new VirtualClock();
    const service = await new TestService(clock).start();
    services.push(service);
    service.phases = [{ fromMs: 0, memoryFraction: 0.9 }];
    const { dir } = testConfig('development', service.url, (env) => {
      env.monitoring.progress_log_seconds = 300;
    });
    const cli = io(dir, clock);
    const code = await runCli(
      [
        'monitor',
        '--env',
        'development',
        '--config',
        'quality-gates-config.json',
        '--base-url',
        service.url,
        '--version',
        '2.0.0',
      ],
      cli,
    );
    expect(code).toBe(10);
    expect(cli.err()).not.toMatch(/deprecated/);
    expect(cli.out()).toContain('Monitoring development finished: alerted (gates: memory_usage)');
    expect(cli.err()).toMatch(/Progress: \d+ min left; health pass/);
    const log = readdirSync(join(dir, 'monitor_logs')).find((f) => f.endsWith('.log'))!;
    const lines = readFileSync(join(dir, 'monitor_logs', log), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { message: string; level: string });
    expect(lines.some((l) => l.message === 'Quality gate memory_usage: warn' && l.level === 'WARN')).toBe(
      true,
    );
    const evidence = log.replace(/\.log$/, '.evidence.json');
    expect(existsSync(join(dir, 'monitor_logs', evidence))).toBe(true);
    expectReplays(join(dir, 'monitor_logs', evidence));
    // The replay command itself: exit 0 on an untouched file, 1 (with the difference) on a changed one.
    const replayIo = io(dir, clock);
    expect(await runCli(['evidence', 'replay', join(dir, 'monitor_logs', evidence)], replayIo)).toBe(0);
    expect(replayIo.out()).toMatch(/replays identically \(\d+ readings, \d+ decisions, result alerted\)/);
    const doc = JSON.parse(readFileSync(join(dir, 'monitor_logs', evidence), 'utf8')) as MonitorEvidence;
    expect(doc.version).toBe('2.0.0');
    const tampered = doc.measurements.find((m) => m.inputs && m.value !== null)!;
    tampered.value = (tampered.value ?? 0) + 1;
    writeFileSync(join(dir, 'tampered.evidence.json'), JSON.stringify(doc));
    const tamperedIo = io(dir, clock);
    expect(await runCli(['evidence', 'replay', join(dir, 'tampered.evidence.json')], tamperedIo)).toBe(1);
    expect(tamperedIo.out()).toMatch(/recomputed from its inputs/);
  });

  test('--release, the old name of --version, still works for one release and says so on stderr', async () => {
    const clock = new VirtualClock();
    const service = await new TestService(clock).start();
    services.push(service);
    const { dir } = testConfig('development', service.url);
    const base = ['monitor', '--env', 'development', '--config', 'quality-gates-config.json'];
    const old = io(dir, clock);
    expect(await runCli([...base, '--base-url', service.url, '--release', '1.9.0', '--json'], old)).toBe(0);
    expect(old.err()).toContain(
      'warning: monitor --release is deprecated and will be removed in the next release; use --version\n',
    );
    const result = JSON.parse(old.out()) as { evidencePath: string };
    const evidence = JSON.parse(readFileSync(result.evidencePath, 'utf8')) as MonitorEvidence;
    expect(evidence.version).toBe('1.9.0');
    // Both names with different values: a usage error naming the flag; nothing is watched.
    const both = io(dir, clock);
    expect(await runCli([...base, '--dry-run', '--release', '1.9.0', '--version', '2.0.0'], both)).toBe(2);
    expect(both.err()).toMatch(
      /--release: the deprecated name of --version, given "1.9.0" while --version is "2.0.0"/,
    );
    // The help lists --version; the old name is only mentioned as deprecated, and completion offers --version only.
    const help = io(dir, clock);
    await runCli(['monitor', '--help'], help);
    expect(help.out()).toMatch(/^ {2}--version <version> /m);
    expect(help.out()).not.toMatch(/^ {2}--release/m);
    expect(help.out()).toContain('--release <version> is the old name of --version');
    for (const shell of ['bash', 'zsh', 'fish']) {
      const completion = io(dir, clock);
      expect(await runCli(['completion', shell], completion)).toBe(0);
      const script = completion.out();
      // The monitor part of each script: its bash case up to the word list, its zsh case line, its fish lines.
      const monitorPart =
        shell === 'fish'
          ? script
              .split('\n')
              .filter((l) => l.includes('__fish_seen_subcommand_from monitor"'))
              .join('\n')
          : shell === 'bash'
            ? /\n\s*monitor\)[\s\S]*?COMPREPLY[^\n]*/.exec(script)![0]
            : /\n\s*monitor\)[^\n]*/.exec(script)![0];
      expect(monitorPart).toMatch(/(--|-l )version\b/);
      expect(monitorPart).not.toMatch(/(--|-l )release\b/);
    }
  });
});
