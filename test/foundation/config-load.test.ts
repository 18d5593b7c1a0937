import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { configJsonSchema } from '../../src/config/schema.js';
import { UsageError } from '../../src/runtime/errors.js';

const root = process.cwd();
const shippedText = readFileSync(join(root, 'quality-gates-config.json'), 'utf8');

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadConfig', () => {
  test('reads ./quality-gates-config.json and defaults to default_environment', () => {
    const cwd = workspace({ 'quality-gates-config.json': shippedText });
    const loaded = loadConfig({ cwd, environment: {} });
    expect(loaded.source).toBe(join(cwd, 'quality-gates-config.json'));
    expect(loaded.envName).toBe('production');
    expect(loaded.env.quality_gates.p95_hash_time?.threshold).toBe(2000);
    expect(loaded.env.monitoring.poll_intervals).toEqual({
      initial_minutes: 5,
      initial_interval_seconds: 30,
      normal_interval_seconds: 120,
    });
  });

  test('falls back to the packaged default when the working directory has none', () => {
    const loaded = loadConfig({ cwd: workspace(), environment: {}, envName: 'staging' });
    expect(loaded.source).toBe(`(packaged default) ${join(root, 'quality-gates-config.json')}`);
    expect(loaded.envName).toBe('staging');
  });

  test('ships the seed production thresholds', () => {
    const g = loadConfig({ cwd: root, environment: {} }).env.quality_gates;
    expect(g.health).toMatchObject({ consecutive_failures: 2, actions: ['alert', 'auto_rollback'] });
    expect(g.extraction_failure_rate).toMatchObject({
      threshold: 5,
      evaluation_window_minutes: 10,
      min_sample_size: 20,
      actions: ['alert', 'auto_rollback'],
    });
    expect(g.p95_hash_time).toMatchObject({
      threshold: 2000,
      evaluation_window_minutes: 15,
      min_sample_size: 50,
      actions: ['alert', 'auto_rollback'],
    });
    expect(g.low_confidence_queue).toMatchObject({ threshold: 1000, actions: ['alert', 'auto_rollback'] });
    expect(g.memory_usage).toMatchObject({ threshold: 85, actions: ['alert'] });
    expect(g.error_rate).toMatchObject({
      threshold: 3,
      evaluation_window_minutes: 5,
      min_sample_size: 10,
      actions: ['alert'],
    });
  });

  test('a hostile environment name is named escaped, on one line, never raw', () => {
    const hostile = 'prod\u0000\nlevel=error \u001b[31m';
    expect(() => loadConfig({ cwd: root, environment: {}, envName: hostile })).toThrow(
      'environment: unknown environment "prod\\u0000\\nlevel=error \\u001b[31m"; ',
    );
  });

  test('an unknown environment lists the known ones', () => {
    expect(() => loadConfig({ cwd: root, environment: {}, envName: 'prod' })).toThrow(
      /environment: unknown environment "prod"; .* defines: production, staging, development/,
    );
    try {
      loadConfig({ cwd: root, environment: {}, envName: 'prod' });
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
    }
  });

  test('--config naming a missing file is a usage error naming the flag', () => {
    expect(() => loadConfig({ cwd: root, environment: {}, configPath: 'nope.json' })).toThrow(
      /^--config: file not found: /,
    );
  });

  test('environment variables beat .env.notifications, which fills the rest', () => {
    const cwd = workspace({
      'quality-gates-config.json': shippedText,
      '.env.notifications': [
        '# seed format',
        'export SLACK_WEBHOOK_URL="https://hooks.slack.com/services/T000/B000/FROMFILE"',
        "EMAIL_FROM='rollouts@example.com'",
        'EMAIL_TO=ops@example.com # trailing comment',
        'SMTP_HOST=smtp.example.com',
      ].join('\n'),
    });
    const loaded = loadConfig({
      cwd,
      environment: { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/FROMENV' },
    });
    expect(loaded.vars.SLACK_WEBHOOK_URL).toBe('https://hooks.slack.com/services/T000/B000/FROMENV');
    expect(loaded.vars.EMAIL_FROM).toBe('rollouts@example.com');
    expect(loaded.vars.EMAIL_TO).toBe('ops@example.com');
    expect(loaded.warnings.filter((w) => w.startsWith('notifications.channels'))).toEqual([]);
    // The webhook is a secret: the redactor knows it.
    expect(loaded.redactor.text('posting to https://hooks.slack.com/services/T000/B000/FROMENV')).toBe(
      'posting to ***',
    );
  });

  test('an enabled channel without its settings is reported, naming the variable', () => {
    const loaded = loadConfig({ cwd: root, environment: {} });
    expect(loaded.warnings).toEqual([
      'environments.production.notifications.channels.slack.webhook_url: ${SLACK_WEBHOOK_URL} is not set and has no default, so this channel lacks the setting',
      'notifications.channels: "slack" is enabled but SLACK_WEBHOOK_URL is not set (environment or .env.notifications)',
      'notifications.channels: "email" is enabled but EMAIL_FROM, EMAIL_TO, SMTP_HOST are not set (environment or .env.notifications)',
      // The shipped file names recipients without notifications.mentions: they ping no one.
      'environments.production.notifications.escalation.escalation_levels[0].recipients: "@dhash-oncall" has no entry in notifications.mentions; it is sent as plain text and pings no one',
      'environments.production.notifications.escalation.escalation_levels[1].recipients: "@dhash-leads" has no entry in notifications.mentions; it is sent as plain text and pings no one',
    ]);
  });

  test('a channel setting whose substituted value contains "${" is a value, not an unset variable', () => {
    const cwd = workspace({
      'quality-gates-config.json': JSON.stringify({
        environments: {
          production: {
            quality_gates: { health: { threshold: { consecutive_failures: 2 } } },
            notifications: {
              channels: {
                email: {
                  from: 'a@example.com',
                  to: 'b@example.com',
                  smtp_host: 'smtp.example.com',
                  smtp_pass: '${MAIL_PASSWORD}',
                  smtp_user: 'literal$${USER}',
                },
              },
            },
          },
        },
      }),
    });
    const loaded = loadConfig({ cwd, environment: { MAIL_PASSWORD: 'p${Ab}c' } });
    expect(loaded.vars.SMTP_PASS).toBe('p${Ab}c');
    expect(loaded.vars.SMTP_USER).toBe('literal${USER}');
    expect(loaded.warnings.filter((w) => w.includes('channel'))).toEqual([]);
    // Unset, it is still reported as the channel lacking the setting.
    const unset = loadConfig({ cwd, environment: {} });
    expect(unset.vars.SMTP_PASS).toBeUndefined();
    expect(unset.warnings).toContain(
      'environments.production.notifications.channels.email.smtp_pass: ${MAIL_PASSWORD} is not set and has no default, so this channel lacks the setting',
    );
  });

  test('the base URL is overridden by the flag, else DHASH_BASE_URL', () => {
    expect(
      loadConfig({ cwd: root, environment: { DHASH_BASE_URL: 'http://10.0.0.5:9000/' } }).env.service
        .base_url,
    ).toBe('http://10.0.0.5:9000');
    expect(
      loadConfig({
        cwd: root,
        environment: { DHASH_BASE_URL: 'http://10.0.0.5:9000' },
        baseUrl: 'http://127.0.0.1:7000',
      }).env.service.base_url,
    ).toBe('http://127.0.0.1:7000');
    expect(() => loadConfig({ cwd: root, environment: {}, baseUrl: 'ftp://x' })).toThrow(
      /^--base-url: expected an http\(s\) URL/,
    );
  });

  test('a database URL from the environment is redacted', () => {
    const loaded = loadConfig({
      cwd: root,
      environment: { DATABASE_URL: 'postgres://dhash:s3cret-pw@db.internal:5432/dhash' },
    });
    expect(loaded.databaseUrl).toBe('postgres://dhash:s3cret-pw@db.internal:5432/dhash');
    expect(
      loaded.redactor.text('connecting to postgres://dhash:s3cret-pw@db.internal:5432/dhash'),
    ).not.toContain('s3cret-pw');
  });
});

describe('${VAR} substitution and paths', () => {
  const seedShape = (env: Record<string, unknown>) =>
    JSON.stringify({ version: '1.0.0', environments: { production: env, staging: env } });

  test('${VAR} and ${VAR:-default} come from the environment, then .env.notifications', () => {
    const cwd = workspace({
      'quality-gates-config.json': seedShape({
        service: { base_url: '${DHASH_URL:-http://127.0.0.1:8090}' },
        metrics_source: { type: 'prometheus', url: '${PROM_URL}' },
      }),
      '.env.notifications': 'PROM_URL=http://prom.internal:9090\n',
    });
    const fromDefaults = loadConfig({ cwd, environment: {} });
    expect(fromDefaults.env.service.base_url).toBe('http://127.0.0.1:8090');
    expect(fromDefaults.env.metrics_source).toMatchObject({ url: 'http://prom.internal:9090' });
    const fromEnv = loadConfig({
      cwd,
      environment: { DHASH_URL: 'http://10.0.0.9:8080', PROM_URL: 'http://p:9090' },
    });
    expect(fromEnv.env.service.base_url).toBe('http://10.0.0.9:8080');
    expect(fromEnv.env.metrics_source).toMatchObject({ url: 'http://p:9090' });
  });

  test('an unset ${VAR} without a default is an error naming the JSON path and the variable', () => {
    const cwd = workspace({
      'quality-gates-config.json': JSON.stringify({
        environments: {
          production: { service: { base_url: '${DHASH_PROD_URL}' } },
          staging: { service: { base_url: 'http://127.0.0.1:8081' } },
        },
      }),
    });
    expect(() => loadConfig({ cwd, environment: {} })).toThrow(
      'environments.production.service.base_url: ${DHASH_PROD_URL} is not set and has no default',
    );
    // Raised when the value is needed: another environment loads.
    expect(loadConfig({ cwd, envName: 'staging', environment: {} }).env.service.base_url).toBe(
      'http://127.0.0.1:8081',
    );
  });

  test('a substituted value must still be valid', () => {
    const cwd = workspace({
      'quality-gates-config.json': seedShape({ service: { base_url: '${DHASH_URL}' } }),
    });
    expect(() => loadConfig({ cwd, environment: { DHASH_URL: 'not a url' } })).toThrow(
      'environments.production.service.base_url: expected an http(s) URL after substituting variables',
    );
  });

  test("target.root resolves against the config file's folder; backup.dir against target.root", () => {
    const cwd = workspace();
    const configDir = workspace({
      'quality-gates-config.json': JSON.stringify({
        environments: {
          production: { target: { type: 'local', root: 'srv/prod' } },
          staging: { target: { type: 'local', root: 'srv/staging' }, backup: { dir: '/var/backups/dhash' } },
        },
      }),
    });
    const configPath = join(configDir, 'quality-gates-config.json');
    const prod = loadConfig({ cwd, configPath, environment: {} });
    expect(prod.configDir).toBe(configDir);
    expect(prod.env.target).toMatchObject({ root: join(configDir, 'srv/prod') });
    // Each environment gets its own backup folder on its target host by default.
    expect(prod.env.backup.dir).toBe(join(configDir, 'srv/prod/backups'));
    const staging = loadConfig({ cwd, configPath, envName: 'staging', environment: {} });
    expect(staging.env.backup.dir).toBe('/var/backups/dhash');
  });

  test('the shipped environments have separate backup folders', () => {
    const dirs = ['production', 'staging', 'development'].map(
      (envName) => loadConfig({ cwd: root, envName, environment: {} }).env.backup.dir,
    );
    expect(new Set(dirs).size).toBe(3);
    expect(dirs[0]).toBe('/srv/dhash/backups');
  });

  test('auto_rollback actions while auto_rollback is disabled are a stated warning', () => {
    const cwd = workspace({
      'quality-gates-config.json': seedShape({
        quality_gates: { health: { actions: ['alert', 'auto_rollback'] } },
        auto_rollback: { enabled: false },
      }),
    });
    expect(loadConfig({ cwd, environment: {} }).warnings).toContain(
      'environments.production.quality_gates.health.actions: "auto_rollback" has no effect while auto_rollback.enabled is false (a breach only alerts)',
    );
  });
});

describe('committed JSON Schema', () => {
  test('matches the zod schema (run `node dist/cli.js config-schema > quality-gates-config.schema.json` after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'quality-gates-config.schema.json'), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });

  test('the shipped config references it', () => {
    expect(JSON.parse(shippedText).$schema).toBe('./quality-gates-config.schema.json');
  });
});
