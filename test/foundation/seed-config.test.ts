import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../src/cli/program.js';
import { loadConfig } from '../../src/config/load.js';
import { captureIo, type CapturedIo } from '../helpers/cli-io.js';

// The old system's own files (test/fixtures/seed) must validate unchanged and plan the seed's monitoring.
const seedDir = join(process.cwd(), 'test', 'fixtures', 'seed');

function io(cwd: string): CapturedIo {
  return captureIo(cwd);
}

function workspaceWith(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-seed-config-'));
  copyFileSync(join(seedDir, file), join(dir, 'quality-gates-config.json'));
  return dir;
}

describe("the old system's quality-gates-config.json", () => {
  test('validates unchanged in every environment, with the seed thresholds', () => {
    const cwd = workspaceWith('old-system-config.json');
    const prod = loadConfig({ cwd, environment: {} });
    expect(prod.envName).toBe('production');
    expect(prod.env.quality_gates).toMatchObject({
      health: { consecutive_failures: 2, check_interval_seconds: 30, actions: ['alert', 'auto_rollback'] },
      extraction_failure_rate: { threshold: 5, evaluation_window_minutes: 10, min_sample_size: 20 },
      p95_hash_time: { threshold: 2000, evaluation_window_minutes: 15, min_sample_size: 50 },
      low_confidence_queue: { threshold: 1000, check_interval_seconds: 60, failure_limit: 2 },
      memory_usage: { threshold: 85, actions: ['alert'] },
      error_rate: { threshold: 3, evaluation_window_minutes: 5, min_sample_size: 10, actions: ['alert'] },
    });
    // global_settings: the health timeout and every request's timeout and User-Agent.
    expect(prod.env.service).toMatchObject({
      health_path: '/health',
      metrics_path: '/metrics',
      request_timeout_seconds: 30,
      user_agent: 'dhash-quality-monitor/1.0',
    });
    expect(prod.env.quality_gates.health?.timeout_seconds).toBe(30);
    expect(prod.env.log_level).toBe('INFO');
    // Escalation: initial delay + each level's delay; console and pager are named.
    expect(
      prod.env.notifications.escalation.levels.map((l) => [l.after_minutes, l.config_channels, l.mention]),
    ).toEqual([
      [5, ['console', 'slack'], '@dhash-team'],
      [20, ['slack', 'email'], '@dhash-oncall dhash-leads@example.com'],
      [35, ['pager'], 'dhash-oncall'],
    ]);
    expect(prod.env.notifications.enabled_channels).toEqual(['slack', 'email', 'console', 'pager']);

    const staging = loadConfig({ cwd, envName: 'staging', environment: {} });
    expect(Object.keys(staging.env.quality_gates)).toEqual([
      'health',
      'extraction_failure_rate',
      'p95_hash_time',
      'error_rate',
    ]);
    expect(staging.env.auto_rollback.confirmation_required).toBe(true);
    const dev = loadConfig({ cwd, envName: 'development', environment: {} });
    expect(Object.keys(dev.env.quality_gates)).toEqual(['health']);
    expect(dev.env.auto_rollback.enabled).toBe(false);
  });

  test('"${SLACK_WEBHOOK_URL}" comes from the environment and is a secret', () => {
    const cwd = workspaceWith('old-system-config.json');
    const url = 'https://hooks.slack.com/services/T0/B0/SEEDSECRET';
    const loaded = loadConfig({ cwd, environment: { SLACK_WEBHOOK_URL: url, EMAIL_TO: 'ops@example.com' } });
    expect(loaded.vars.SLACK_WEBHOOK_URL).toBe(url);
    expect(loaded.vars.SLACK_CHANNEL).toBe('#dhash-production');
    expect(loaded.vars.EMAIL_TO).toBe('ops@example.com');
    expect(loaded.redactor.text(`posting to ${url}`)).toBe('posting to ***');
  });

  test('validate and monitor --dry-run --env production accept it and print the seed plan', async () => {
    const cwd = workspaceWith('old-system-config.json');
    const v = io(cwd);
    expect(await runCli(['validate', '--env', 'production'], v)).toBe(0);
    expect(v.out()).toContain('is valid (environments: production, staging, development)');

    const m = io(cwd);
    const code = await runCli(['monitor', '--dry-run', '--env', 'production'], m);
    expect(m.err()).not.toMatch(/internal error/i);
    expect(code).toBe(0);
    const plan = m.out();
    expect(plan).toContain(
      'window: 60 min; 39 polls: 10 polls every 30 s for the first 5 min, then every 120 s',
    );
    expect(plan).toMatch(/health: breach when > 2 consecutive failed checks/);
    expect(plan).toMatch(
      /extraction_failure_rate: breach when > 5% over 10 min \(min 20 samples\) → fail \[alert, auto_rollback\]/,
    );
    expect(plan).toMatch(
      /p95_hash_time: breach when > 2000 ms over 15 min \(min 50 samples\) → fail \[alert, auto_rollback\]/,
    );
    expect(plan).toMatch(/low_confidence_queue: breach when > 1000 items.* → fail \[alert, auto_rollback\]/);
    expect(plan).toMatch(/memory_usage: breach when > 85%.* → warn \[alert\]/);
    expect(plan).toMatch(/error_rate: breach when > 3% over 5 min \(min 10 samples\) → warn \[alert\]/);
    expect(plan).toMatch(/auto rollback: enabled; timeout 10 min/);
    // A dry run writes nothing but its log.
    expect(readdirSync(cwd).sort()).toEqual(['monitor_logs', 'quality-gates-config.json']);
  });
});

describe("the seed README's five-line example", () => {
  test('validates, with every left-out part at its stated default', () => {
    const cwd = workspaceWith('readme-example.json');
    const loaded = loadConfig({ cwd, environment: {} });
    expect(loaded.envName).toBe('production');
    expect(loaded.env.service.base_url).toBe('http://127.0.0.1:8080');
    expect(loaded.env.monitoring).toEqual({
      window_minutes: 60,
      poll_intervals: { initial_minutes: 5, initial_interval_seconds: 30, normal_interval_seconds: 120 },
      progress_log_seconds: 60,
    });
    expect(loaded.env.quality_gates).toEqual({
      health: {
        enabled: true,
        actions: ['alert'],
        consecutive_failures: 2,
        check_interval_seconds: 10,
        confirm_interval_seconds: 10,
        timeout_seconds: 5,
      },
    });
    expect(loaded.env.auto_rollback.enabled).toBe(false);
    expect(loaded.env.notifications.channels).toEqual([]);
  });

  test('monitor --dry-run --env production plans from it', async () => {
    const cwd = workspaceWith('readme-example.json');
    const m = io(cwd);
    expect(await runCli(['monitor', '--dry-run', '--env', 'production'], m)).toBe(0);
    expect(m.out()).toMatch(/health: breach when > 2 consecutive failed checks/);
    expect(m.out()).toMatch(/auto rollback: disabled/);
  });
});

describe('bad input at the front end', () => {
  test('validate --json on a bad file prints the problems as JSON on stdout and exits 2', async () => {
    const cwd = workspaceWith('readme-example.json');
    writeFileSync(
      join(cwd, 'quality-gates-config.json'),
      '{"environments": {"production": {"monitoring": {"window_minutes": 1e12}}, "constructor": {}}}',
    );
    const v = io(cwd);
    expect(await runCli(['validate', '--json'], v)).toBe(2);
    expect(JSON.parse(v.out())).toEqual({
      ok: false,
      exit_code: 2,
      problems: [
        'environments.production.monitoring.window_minutes: expected a number at least 0.01 and at most 10080 (minutes) (got 1000000000000)',
        'environments.constructor: environment names are lower-case letters, digits, "-" and "_" (and not a reserved word)',
      ],
    });
  });

  test('--window-minutes 1e9 is refused before anything runs', async () => {
    const cwd = workspaceWith('readme-example.json');
    const m = io(cwd);
    expect(await runCli(['monitor', '--dry-run', '--window-minutes', '1e9'], m)).toBe(2);
    expect(m.err()).toContain(
      'window-minutes: expected a number of minutes between 0.01 and 10080, got "1e9"',
    );
  });
});
