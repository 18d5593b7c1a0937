import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, runAction, runNode } from '../helpers/run-bundle.js';

// These run the committed bundles (dist/) as a user and as the GitHub runner would.
describe('dist/cli.js', () => {
  test('validate --env production prints the resolved config', async () => {
    const ran = await runNode(CLI, ['validate', '--env', 'production']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('is valid (environments: production, staging, development)');
    const json = ran.stdout.slice(ran.stdout.indexOf('{'));
    const effective = JSON.parse(json);
    expect(effective.quality_gates.p95_hash_time.threshold).toBe(2000);
    expect(effective.monitoring.window_minutes).toBe(60);
    expect(ran.stderr).toContain(
      'warning: notifications.channels: "slack" is enabled but SLACK_WEBHOOK_URL is not set',
    );
  });

  test('validate --json redacts secrets and reports which settings are present', async () => {
    const ran = await runNode(CLI, ['validate', '--env', 'production', '--json'], {
      env: {
        SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/XyzSecretToken',
        DATABASE_URL: 'postgres://u:topsecretpw@h/db',
      },
    });
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result.notification_settings).toEqual({ slack: 'set', email: 'missing' });
    expect(ran.stdout + ran.stderr).not.toContain('XyzSecretToken');
    expect(ran.stdout + ran.stderr).not.toContain('topsecretpw');
  });

  test('a malformed config exits 2 with one line per problem and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-cli-'));
    const config = JSON.parse(readFileSync(join(ROOT, 'quality-gates-config.json'), 'utf8'));
    config.environments.production.quality_gates.p95_hash_time.threshold.max_time_ms = -1;
    config.environments.production.quality_gates.error_rate.actions = ['page'];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(config));
    const ran = await runNode(CLI, ['validate', '--config', join(dir, 'bad.json')]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(
      '  - environments.production.quality_gates.p95_hash_time.threshold.max_time_ms: expected a number greater than 0',
    );
    expect(ran.stderr).toContain(
      '  - environments.production.quality_gates.error_rate.actions[0]: expected one of "alert", "auto_rollback" (got "page")',
    );
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });

  test('invalid JSON names line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-cli-'));
    writeFileSync(
      join(dir, 'quality-gates-config.json'),
      '{\n  "default_environment": "production",\n  "environments": {,\n}\n',
    );
    const ran = await runNode(CLI, ['validate'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      /invalid JSON at line 3, column 20: expected a property name in double quotes, found/,
    );
  });

  test('an unknown environment exits 2 and lists the known ones', async () => {
    const ran = await runNode(CLI, ['validate', '--env', 'qa']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      /error: environment: unknown environment "qa"; .* defines: production, staging, development/,
    );
  });

  test('unknown flags and commands are usage errors (exit 2); --help exits 0', async () => {
    expect((await runNode(CLI, ['validate', '--bogus'])).code).toBe(2);
    expect((await runNode(CLI, ['frobnicate'])).code).toBe(2);
    const help = await runNode(CLI, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect((await runNode(CLI, ['validate', '--help'])).stdout).toContain('--config <file>');
  });
});

describe('dist/index.js (the action entry)', () => {
  test('INPUT_COMMAND=validate writes outputs and a job summary', async () => {
    const ran = await runAction({ command: 'validate', environment: 'staging', 'dry-run': 'false' });
    expect(ran.code).toBe(0);
    expect(ran.outputs.result).toBe('valid');
    expect(ran.outputs.environment).toBe('staging');
    expect(ran.outputs['exit-code']).toBe('0');
    expect(JSON.parse(ran.outputs['effective-config']).monitoring.window_minutes).toBe(30);
    expect(ran.summary).toContain('## dhash-rollout: config valid for `staging`');
    expect(ran.summary).toContain('| slack | ⚠️ missing |');
    // A missing channel setting is an annotation, not a failure.
    expect(ran.stdout).toContain(
      '::warning title=dhash-rollout config::notifications.channels: "slack" is enabled',
    );
  });

  test('secrets passed as inputs are masked before anything prints and never reach outputs', async () => {
    const secret = 'https://hooks.slack.com/services/T0/B0/ActionSecret123';
    const ran = await runAction({
      command: 'validate',
      environment: 'production',
      'slack-webhook-url': secret,
    });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(`::add-mask::${secret}`);
    expect(ran.stdout.replace(`::add-mask::${secret}`, '')).not.toContain('ActionSecret123');
    expect(JSON.stringify(ran.outputs) + ran.summary).not.toContain('ActionSecret123');
    expect(ran.summary).toContain('| slack | ✅ set |');
  });

  test('a bad config fails the step with the clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-action-'));
    writeFileSync(
      join(dir, 'cfg.json'),
      JSON.stringify({
        default_environment: 'x',
        environments: { x: { service: { base_url: 'localhost' } } },
      }),
    );
    const ran = await runAction({ command: 'validate', config: 'cfg.json', 'working-directory': dir });
    expect(ran.code).toBe(1);
    expect(ran.outputs.result).toBe('error');
    expect(ran.outputs['exit-code']).toBe('2');
    expect(ran.stdout).toContain('::error::');
    expect(ran.stdout).toContain('environments.x.service.base_url: expected an http(s) URL');
    expect(ran.summary).toContain('## dhash-rollout failed');
  });

  test('an unknown command names the input and the choices', async () => {
    const ran = await runAction({ command: 'launch' });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/::error::input "command": expected one of .*validate.*, got "launch"/);
  });
});
