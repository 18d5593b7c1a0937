import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  describeValidated,
  isSkeleton,
  rebuildValidated,
  type SkeletonNode,
} from '../../src/config/config-skeleton.js';
import { checkConfigStructure, parseConfigText } from '../../src/config/load.js';
import { ConfigError } from '../../src/runtime/errors.js';

// The committed JSON Schema and the CLI must agree. Every file of the corpus goes through both:
// the structural check (what the JSON Schema can express) must give exactly ajv's answer, and the
// CLI's full validation may only be stricter where a check relates two values or the JSON text
// itself (listed in docs/configuration.md): those files are marked `semantic` below.
const root = process.cwd();
const schema = JSON.parse(readFileSync(join(root, 'quality-gates-config.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

const shipped = JSON.parse(readFileSync(join(root, 'quality-gates-config.json'), 'utf8')) as Record<
  string,
  any
>;
const seed = readFileSync(join(root, 'test', 'fixtures', 'seed', 'old-system-config.json'), 'utf8');
const example = readFileSync(join(root, 'test', 'fixtures', 'seed', 'readme-example.json'), 'utf8');

interface Case {
  name: string;
  text: string;
  /** The CLI refuses it for a reason a JSON Schema cannot express. */
  semantic?: boolean;
  valid: boolean;
}
const cases: Case[] = [];
const edit = (name: string, valid: boolean, change: (c: any) => void, semantic = false) => {
  const copy = structuredClone(shipped);
  change(copy);
  cases.push({ name, text: JSON.stringify(copy), valid, semantic });
};
const p = (c: any) => c.environments.production;

cases.push({ name: 'shipped', text: JSON.stringify(shipped), valid: true });
cases.push({ name: 'old system file', text: seed, valid: true });
cases.push({ name: 'seed README example', text: example, valid: true });
cases.push({ name: 'minimal', text: '{"environments": {"x": {}}}', valid: true });

// Numeric fields: a valid value, the bounds, and values just outside them.
const numeric: Array<[string, (c: any) => any, string, number[], number[]]> = [
  ['window_minutes', (c) => p(c).monitoring, 'window_minutes', [5, 15, 10080], [0, -1, 10081, 1e12]],
  [
    'initial_interval',
    (c) => p(c).monitoring.poll_intervals,
    'initial_interval_seconds',
    [0.1, 30, 86400],
    [1e-9, 0, 86401],
  ],
  [
    'normal_interval',
    (c) => p(c).monitoring.poll_intervals,
    'normal_interval_seconds',
    [1, 86400],
    [0, 1e10],
  ],
  [
    'consecutive_failures',
    (c) => p(c).quality_gates.health.threshold,
    'consecutive_failures',
    [1, 1000],
    [0, 1.5, 1001],
  ],
  [
    'health interval',
    (c) => p(c).quality_gates.health.threshold,
    'check_interval_seconds',
    [0.01, 86400],
    [1e-9, 1e10],
  ],
  ['health timeout', (c) => p(c).quality_gates.health, 'timeout_seconds', [0.01, 3600], [0, 3601]],
  [
    'failure %',
    (c) => p(c).quality_gates.extraction_failure_rate.threshold,
    'max_failure_percentage',
    [0.1, 100],
    [0, 100.1, -5],
  ],
  [
    'min samples',
    (c) => p(c).quality_gates.extraction_failure_rate.threshold,
    'min_sample_size',
    [0, 1e9],
    [-1, 2.5, 1e10],
  ],
  [
    'eval window',
    (c) => p(c).quality_gates.error_rate.threshold,
    'evaluation_window_minutes',
    [0.01, 1440],
    [0, 1441],
  ],
  ['p95 limit', (c) => p(c).quality_gates.p95_hash_time.threshold, 'max_time_ms', [1, 3600000], [0, 3600001]],
  [
    'queue limit',
    (c) => p(c).quality_gates.low_confidence_queue.threshold,
    'max_queue_length',
    [1, 1e12],
    [0, 1.5, 1e13],
  ],
  ['memory %', (c) => p(c).quality_gates.memory_usage.threshold, 'max_usage_percentage', [50, 100], [0, 101]],
  ['failure_limit', (c) => p(c).quality_gates.memory_usage, 'failure_limit', [1, 1000], [0, 1001]],
  ['inconclusive_limit', (c) => p(c).quality_gates.error_rate, 'inconclusive_limit', [1, 1000], [0, 2.5]],
  ['retention', (c) => p(c).auto_rollback, 'backup_retention_hours', [0, 87600], [-1, 87601]],
  ['rollback timeout', (c) => p(c).auto_rollback, 'rollback_timeout_minutes', [0.01, 1440], [0, 1e10]],
  ['request timeout', (c) => p(c).service, 'request_timeout_seconds', [0.01, 3600], [0, 1e10]],
  ['keep_last', (c) => p(c).backup, 'keep_last', [1, 10000], [0, 10001]],
  ['max_attempts', (c) => p(c).notifications, 'max_attempts', [1, 20], [0, 21]],
  [
    'escalation delay',
    (c) => p(c).notifications.escalation,
    'initial_delay_minutes',
    [0, 10080],
    [-1, 10081],
  ],
];
for (const [name, at, key, good, bad] of numeric) {
  for (const v of good) edit(`${name} = ${v}`, true, (c) => (at(c)[key] = v));
  for (const v of bad) edit(`${name} = ${v}`, false, (c) => (at(c)[key] = v));
  edit(`${name} as a string`, false, (c) => (at(c)[key] = '10'));
}

// Unknown keys at every level, and wrong types.
const objects: Array<[string, (c: any) => any]> = [
  ['top level', (c) => c],
  ['environment', (c) => p(c)],
  ['monitoring', (c) => p(c).monitoring],
  ['poll_intervals', (c) => p(c).monitoring.poll_intervals],
  ['quality_gates', (c) => p(c).quality_gates],
  ['health gate', (c) => p(c).quality_gates.health],
  ['health threshold', (c) => p(c).quality_gates.health.threshold],
  ['error_rate threshold', (c) => p(c).quality_gates.error_rate.threshold],
  ['notifications', (c) => p(c).notifications],
  ['channels', (c) => p(c).notifications.channels],
  ['slack settings', (c) => p(c).notifications.channels.slack],
  ['escalation', (c) => p(c).notifications.escalation],
  ['auto_rollback', (c) => p(c).auto_rollback],
  ['service', (c) => p(c).service],
  ['target', (c) => p(c).target],
  ['backup', (c) => p(c).backup],
  ['migrations', (c) => p(c).migrations],
  ['global_settings', (c) => c.global_settings],
];
for (const [name, at] of objects) edit(`unknown key in ${name}`, false, (c) => (at(c).treshold_typo = 1));

edit('flat threshold (old shape)', false, (c) => (p(c).quality_gates.p95_hash_time.threshold = 2000));
edit('old gate name health_check', false, (c) => (p(c).quality_gates.health_check = {}));
edit('channels as a list', false, (c) => (p(c).notifications.channels = ['slack']));
edit('actions empty', false, (c) => (p(c).quality_gates.error_rate.actions = []));
edit('unknown action', false, (c) => (p(c).quality_gates.error_rate.actions = ['page']));
edit('enabled as a string', false, (c) => (p(c).quality_gates.error_rate.enabled = 'yes'));
edit('version as a number', false, (c) => (c.version = 1));
edit('version omitted', true, (c) => delete c.version);
edit('log level lower case', true, (c) => (c.global_settings.log_level = 'debug'));
edit('log level unknown', false, (c) => (c.global_settings.log_level = 'LOUD'));
edit('env name upper case', false, (c) => (c.environments.Prod = {}));
edit('env name constructor', false, (c) => (c.environments.constructor = {}));
edit('env name with digits', true, (c) => (c.environments['qa-2'] = {}));
edit('no environments', false, (c) => (c.environments = {}));
edit('base_url without scheme', false, (c) => (p(c).service.base_url = 'localhost:8080'));
edit('base_url as ${VAR}', true, (c) => (p(c).service.base_url = '${DHASH_URL:-http://127.0.0.1:8080}'));
edit('health path without /', false, (c) => (p(c).service.health_path = 'health'));
edit('backup path with ..', false, (c) => (p(c).backup.paths = ['../etc']));
edit('backup path absolute', false, (c) => (p(c).backup.paths = ['/etc']));
edit('backup path nested', true, (c) => (p(c).backup.paths = ['shared/config', 'current']));
edit('backup dir absolute', true, (c) => (p(c).backup.dir = '/var/backups/dhash'));
edit(
  'database_url_env holds a URL',
  false,
  (c) => (p(c).migrations.database_url_env = 'postgres://u:p@h/db'),
);
edit('database_url_env other name', true, (c) => (p(c).migrations.database_url_env = 'DHASH_DB_URL'));
edit('empty start_command', false, (c) => (p(c).target.start_command = ''));
edit('blank start_command', false, (c) => (p(c).target.start_command = '  '));
edit(
  'command target',
  true,
  (c) =>
    (p(c).target = { type: 'command', commands: { deploy: 'a', restart: 'b', rollback: 'c', status: 'd' } }),
);
edit(
  'command target missing status',
  false,
  (c) => (p(c).target = { type: 'command', commands: { deploy: 'a', restart: 'b', rollback: 'c' } }),
);
edit('unknown target type', false, (c) => (p(c).target = { type: 'k8s' }));
edit(
  'prometheus source',
  true,
  (c) =>
    (p(c).metrics_source = {
      type: 'prometheus',
      url: 'http://127.0.0.1:9090',
      queries: { error_rate: 'up' },
    }),
);
edit('prometheus without url', false, (c) => (p(c).metrics_source = { type: 'prometheus' }));
edit(
  'prometheus query for health',
  false,
  (c) => (p(c).metrics_source = { type: 'prometheus', url: 'http://p:9090', queries: { health: 'up' } }),
);
edit('every channel', true, (c) => {
  p(c).notifications.channels = {
    slack: {},
    teams: {},
    discord: {},
    email: { to: ['a@b.c'] },
    webhook: {},
    console: {},
    pager: { routing_key_env: 'PD_KEY' },
  };
});
edit(
  'pager routing_key_env not a name',
  false,
  (c) => (p(c).notifications.channels = { pager: { routing_key_env: 'a b' } }),
);
edit('unknown channel', false, (c) => (p(c).notifications.channels.fax = {}));
edit(
  'escalation level without delay',
  false,
  (c) => (p(c).notifications.escalation.escalation_levels = [{}]),
);
edit('gate absent', true, (c) => delete p(c).quality_gates.memory_usage);
edit('all gates absent', true, (c) => (p(c).quality_gates = {}));
edit('no_data pass', true, (c) => (p(c).quality_gates.error_rate.no_data = 'pass'));
edit('no_data unknown', false, (c) => (p(c).quality_gates.error_rate.no_data = 'panic'));
edit('backup file_mode', true, (c) => (p(c).backup.file_mode = '0640'));
edit('backup file_mode not octal', false, (c) => (p(c).backup.file_mode = '0999'));
edit('backup round_trip every_file', true, (c) => (p(c).backup.round_trip = 'every_file'));
edit('backup round_trip unknown', false, (c) => (p(c).backup.round_trip = 'always'));
// Checks that relate two values: the JSON Schema accepts these, the CLI does not.
edit('initial_minutes > window', false, (c) => (p(c).monitoring.poll_intervals.initial_minutes = 90), true);
edit(
  'escalation to a disabled channel',
  false,
  (c) => (p(c).notifications.channels.email.enabled = false),
  true,
);
edit(
  'too many polls',
  false,
  (c) => {
    p(c).monitoring.window_minutes = 10080;
    p(c).monitoring.poll_intervals.normal_interval_seconds = 0.5;
  },
  true,
);
edit('default_environment unknown', false, (c) => (c.default_environment = 'prod'), true);
// Text-level checks: duplicate keys and __proto__ (JSON.parse hides both).
cases.push({
  name: 'duplicate key',
  text: JSON.stringify(shipped).replace('"enabled":true', '"enabled":true,"enabled":false'),
  valid: false,
  semantic: true,
});
cases.push({ name: '__proto__ environment', text: '{"environments": {"__proto__": {}}}', valid: false });

function cliAccepts(text: string): boolean {
  try {
    parseConfigText(text, 'corpus.json');
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return false;
  }
}

describe('the JSON Schema and the CLI agree on a corpus of config files', () => {
  test('the corpus has at least 100 files, valid and invalid', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.valid).length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(50);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const value = JSON.parse(c.text) as unknown;
    const ajvSays = validate(value);
    const structural = checkConfigStructure(value).ok;
    const cli = cliAccepts(c.text);
    expect({ cli }).toEqual({ cli: c.valid });
    if (c.semantic) {
      // Only the CLI sees these problems; the JSON Schema cannot express them.
      expect({ ajv: ajvSays }).toEqual({ ajv: true });
    } else {
      expect({ ajv: ajvSays, structural }).toEqual({ ajv: c.valid, structural: c.valid });
    }
  });
});

// The start-up cache (src/config/config-cache.ts) stores a skeleton instead of the validated file:
// for every valid file of the corpus, the skeleton must give back exactly what the schema gave
// (values, defaults and key order), and hold no value of the file.
describe('the start-up cache skeleton rebuilds every valid file of the corpus exactly', () => {
  test.each(cases.filter((c) => c.valid && !c.semantic).map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => {
      const value = JSON.parse(c.text) as unknown;
      const checked = checkConfigStructure(value);
      if (!checked.ok) throw new Error(checked.problems.join('\n'));
      const stored = describeValidated(checked.file, value);
      expect(stored).not.toBeNull();
      const skeleton = JSON.parse(stored!) as unknown;
      expect(isSkeleton(skeleton)).toBe(true);
      expect(JSON.stringify(rebuildValidated(skeleton as SkeletonNode, JSON.parse(c.text)))).toBe(
        JSON.stringify(checked.file),
      );
    },
  );
});
