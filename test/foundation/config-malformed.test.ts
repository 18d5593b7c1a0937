import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/runtime/errors.js';
import { parseConfigText } from '../../src/config/load.js';

// Every malformed config must be refused with a line that names the JSON path and what was
// expected (exit 2, never an internal error). Each case mutates a copy of the shipped file, so
// the rest of it stays valid.
const shipped = JSON.parse(readFileSync(join(process.cwd(), 'quality-gates-config.json'), 'utf8')) as Record<
  string,
  any
>;

function mutated(edit: (c: any) => void): string {
  const copy = structuredClone(shipped);
  edit(copy);
  return JSON.stringify(copy, null, 2);
}

function problemsOf(text: string): string[] {
  try {
    parseConfigText(text, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    return (error as ConfigError).problems;
  }
  throw new Error('config was accepted');
}

const P = 'environments.production';
const G = `${P}\\.quality_gates`;
const prod = (c: any) => c.environments.production;
const cases: Array<[string, string, RegExp]> = [
  [
    'a flat threshold number (not the seed shape)',
    mutated((c) => (prod(c).quality_gates.p95_hash_time.threshold = 2000)),
    new RegExp(`^${G}\\.p95_hash_time\\.threshold: expected object \\(got 2000\\)`),
  ],
  [
    'threshold field is a string',
    mutated((c) => (prod(c).quality_gates.p95_hash_time.threshold.max_time_ms = 'fast')),
    new RegExp(
      `^${G}\\.p95_hash_time\\.threshold\\.max_time_ms: expected a number greater than 0.*got "fast"`,
    ),
  ],
  [
    'unknown gate name',
    mutated((c) => (prod(c).quality_gates.latency_gate = { enabled: true, actions: ['alert'] })),
    new RegExp(`^${G}\\.latency_gate: unknown key "latency_gate"`),
  ],
  [
    'the old gate name health_check',
    mutated((c) => (prod(c).quality_gates.health_check = prod(c).quality_gates.health)),
    new RegExp(`^${G}\\.health_check: unknown key "health_check"`),
  ],
  [
    'unknown action',
    mutated((c) => (prod(c).quality_gates.error_rate.actions = ['alert', 'page'])),
    new RegExp(
      `^${G}\\.error_rate\\.actions\\[1\\]: expected one of "alert", "auto_rollback" \\(got "page"\\)`,
    ),
  ],
  [
    'actions: [] (a gate that does nothing)',
    mutated((c) => (prod(c).quality_gates.error_rate.actions = [])),
    new RegExp(`^${G}\\.error_rate\\.actions: expected at least one action`),
  ],
  [
    'negative queue length',
    mutated((c) => (prod(c).quality_gates.low_confidence_queue.threshold.max_queue_length = -5)),
    new RegExp(
      `^${G}\\.low_confidence_queue\\.threshold\\.max_queue_length: expected an integer at least 1 .*got -5`,
    ),
  ],
  [
    'zero P95 limit',
    mutated((c) => (prod(c).quality_gates.p95_hash_time.threshold.max_time_ms = 0)),
    new RegExp(`^${G}\\.p95_hash_time\\.threshold\\.max_time_ms: expected a number greater than 0`),
  ],
  [
    'percentage above 100',
    mutated((c) => (prod(c).quality_gates.memory_usage.threshold.max_usage_percentage = 185)),
    new RegExp(
      `^${G}\\.memory_usage\\.threshold\\.max_usage_percentage: expected a number greater than 0 and at most 100`,
    ),
  ],
  [
    'initial_minutes longer than the window',
    mutated((c) => (prod(c).monitoring.poll_intervals.initial_minutes = 90)),
    new RegExp(
      `^${P}\\.monitoring\\.poll_intervals\\.initial_minutes: 90 is longer than window_minutes \\(60\\)`,
    ),
  ],
  [
    'consecutive_failures not an integer',
    mutated((c) => (prod(c).quality_gates.health.threshold.consecutive_failures = 1.5)),
    new RegExp(`^${G}\\.health\\.threshold\\.consecutive_failures: expected an integer`),
  ],
  [
    'min_sample_size negative',
    mutated((c) => (prod(c).quality_gates.error_rate.threshold.min_sample_size = -1)),
    new RegExp(`^${G}\\.error_rate\\.threshold\\.min_sample_size: expected an integer at least 0`),
  ],
  [
    'evaluation window zero',
    mutated((c) => (prod(c).quality_gates.extraction_failure_rate.threshold.evaluation_window_minutes = 0)),
    new RegExp(
      `^${G}\\.extraction_failure_rate\\.threshold\\.evaluation_window_minutes: expected a number at least 0.01`,
    ),
  ],
  [
    'unknown channel',
    mutated((c) => (prod(c).notifications.channels.fax = { enabled: true })),
    new RegExp(`^${P}\\.notifications\\.channels\\.fax: unknown key "fax"`),
  ],
  [
    'channels as a list (not the seed shape)',
    mutated((c) => (prod(c).notifications.channels = ['slack'])),
    new RegExp(`^${P}\\.notifications\\.channels: expected object \\(got an array\\)`),
  ],
  [
    'escalation names a channel that is not enabled',
    mutated((c) =>
      prod(c).notifications.escalation.escalation_levels.push({ delay_minutes: 60, channels: ['pager'] }),
    ),
    new RegExp(
      `^${P}\\.notifications\\.escalation\\.escalation_levels\\[2\\]\\.channels\\[0\\]: "pager" is not an enabled channel`,
    ),
  ],
  [
    'escalation channel disabled with enabled: false',
    mutated((c) => (prod(c).notifications.channels.email.enabled = false)),
    new RegExp(
      `^${P}\\.notifications\\.escalation\\.escalation_levels\\[1\\]\\.channels\\[0\\]: "email" is not an enabled channel`,
    ),
  ],
  [
    'base_url not a URL',
    mutated((c) => (prod(c).service.base_url = 'localhost:8080')),
    new RegExp(`^${P}\\.service\\.base_url: expected an http\\(s\\) URL`),
  ],
  [
    'unknown target type',
    mutated((c) => (prod(c).target = { type: 'kubernetes' })),
    new RegExp(`^${P}\\.target\\.type: expected "type" to be "local" or "command"`),
  ],
  [
    'command target missing a command',
    mutated(
      (c) => (prod(c).target = { type: 'command', commands: { deploy: 'x', restart: 'x', rollback: 'x' } }),
    ),
    new RegExp(`^${P}\\.target\\.commands\\.status: is required`),
  ],
  [
    'empty start_command',
    mutated((c) => (prod(c).target.start_command = '')),
    new RegExp(`^${P}\\.target\\.start_command: expected a command \\(it is empty\\)`),
  ],
  [
    'blank start_command',
    mutated((c) => (prod(c).target.start_command = '   ')),
    new RegExp(`^${P}\\.target\\.start_command: expected a command \\(it is empty\\)`),
  ],
  [
    'migration driver unknown',
    mutated((c) => (prod(c).migrations.driver = 'mysql')),
    new RegExp(`^${P}\\.migrations\\.driver: expected "embedded" or "postgres" \\(got "mysql"\\)`),
  ],
  [
    'prometheus source without url',
    mutated((c) => (prod(c).metrics_source = { type: 'prometheus' })),
    new RegExp(`^${P}\\.metrics_source\\.url: is required`),
  ],
  [
    'prometheus query for unknown gate',
    mutated(
      (c) =>
        (prod(c).metrics_source = {
          type: 'prometheus',
          url: 'http://127.0.0.1:9090',
          queries: { latency: 'up' },
        }),
    ),
    new RegExp(`^${P}\\.metrics_source\\.queries\\.latency: unknown key "latency"`),
  ],
  [
    'auto_rollback.enabled is a string',
    mutated((c) => (prod(c).auto_rollback.enabled = 'true')),
    new RegExp(`^${P}\\.auto_rollback\\.enabled: expected true or false \\(got "true"\\)`),
  ],
  [
    'retention hours negative',
    mutated((c) => (prod(c).auto_rollback.backup_retention_hours = -1)),
    new RegExp(
      `^${P}\\.auto_rollback\\.backup_retention_hours: expected a number at least 0 and at most 87600`,
    ),
  ],
  [
    'window is a string',
    mutated((c) => (prod(c).monitoring.window_minutes = '60')),
    new RegExp(`^${P}\\.monitoring\\.window_minutes: expected a number .*\\(minutes\\) \\(got "60"\\)`),
  ],
  [
    'no_data policy unknown',
    mutated((c) => (prod(c).quality_gates.error_rate.no_data = 'panic')),
    new RegExp(`^${G}\\.error_rate\\.no_data: expected "inconclusive", "pass" or "fail"`),
  ],
  [
    'bad environment name',
    mutated((c) => (c.environments.Prod = prod(c))),
    /^environments\.Prod: environment names are lower-case/,
  ],
  [
    'environment named toString',
    mutated((c) => (c.environments.toString = prod(c))),
    /^environments\.toString: environment names are lower-case/,
  ],
  [
    'environment named constructor',
    mutated((c) => (c.environments.constructor = prod(c))),
    /^environments\.constructor: environment names are .*not a reserved word/,
  ],
  [
    'environment named __proto__',
    '{"environments": {"__proto__": {"monitoring": {}}}}',
    /^environments\.__proto__: environment names are/,
  ],
  [
    'environments empty',
    mutated((c) => (c.environments = {})),
    /^environments: expected at least one environment/,
  ],
  [
    'gates is an array',
    mutated((c) => (prod(c).quality_gates = [])),
    new RegExp(`^${P}\\.quality_gates: expected object.*\\(got an array\\)`),
  ],
  [
    'escalation level without delay_minutes',
    mutated((c) => (prod(c).notifications.escalation.escalation_levels = [{ recipients: ['@x'] }])),
    new RegExp(`^${P}\\.notifications\\.escalation\\.escalation_levels\\[0\\]\\.delay_minutes: is required`),
  ],
  [
    'typo in a gate key',
    mutated((c) => {
      const g = prod(c).quality_gates.p95_hash_time;
      g.treshold = g.threshold;
      delete g.threshold;
    }),
    new RegExp(`^${G}\\.p95_hash_time\\.treshold: unknown key "treshold" \\(did you mean "threshold"\\?\\)`),
  ],
  [
    'typo in a threshold key',
    mutated((c) => {
      const t = prod(c).quality_gates.error_rate.threshold;
      t.max_error_percent = t.max_error_percentage;
      delete t.max_error_percentage;
    }),
    new RegExp(
      `^${G}\\.error_rate\\.threshold\\.max_error_percent: unknown key .*did you mean "max_error_percentage"`,
    ),
  ],
  [
    'unknown top-level key',
    mutated((c) => (c.enviroments = {})),
    /^enviroments: unknown key "enviroments" \(did you mean "environments"\?\)/,
  ],
  [
    'enabled is a string',
    mutated((c) => (prod(c).quality_gates.error_rate.enabled = 'yes')),
    new RegExp(`^${G}\\.error_rate\\.enabled: expected true or false \\(got "yes"\\)`),
  ],
  [
    'version is a number',
    mutated((c) => (c.version = 1)),
    /^version: expected a version string such as "1\.0\.0" \(got 1\)/,
  ],
  [
    'global_settings.log_level unknown',
    mutated((c) => (c.global_settings.log_level = 'LOUD')),
    /^global_settings\.log_level: expected one of DEBUG, INFO, WARN, ERROR, CRITICAL/,
  ],
  [
    'window_minutes 1e12',
    mutated((c) => (prod(c).monitoring.window_minutes = 1e12)),
    new RegExp(
      `^${P}\\.monitoring\\.window_minutes: expected a number at least 0.01 and at most 10080 \\(minutes\\)`,
    ),
  ],
  [
    'a poll interval of 1e-9 seconds',
    mutated((c) => (prod(c).monitoring.poll_intervals.initial_interval_seconds = 1e-9)),
    new RegExp(
      `^${P}\\.monitoring\\.poll_intervals\\.initial_interval_seconds: expected a number at least 0.01`,
    ),
  ],
  [
    'a health check interval of 1e10 seconds',
    mutated((c) => (prod(c).quality_gates.health.threshold.check_interval_seconds = 1e10)),
    new RegExp(
      `^${G}\\.health\\.threshold\\.check_interval_seconds: expected a number .*at most 86400 \\(seconds\\)`,
    ),
  ],
  [
    'a rollback timeout of 1e10 minutes',
    mutated((c) => (prod(c).auto_rollback.rollback_timeout_minutes = 1e10)),
    new RegExp(`^${P}\\.auto_rollback\\.rollback_timeout_minutes: expected a number .*at most 1440`),
  ],
  [
    'a request timeout of 1e10 seconds',
    mutated((c) => (prod(c).service.request_timeout_seconds = 1e10)),
    new RegExp(`^${P}\\.service\\.request_timeout_seconds: expected a number .*at most 3600`),
  ],
  [
    'a failure_limit of 0',
    mutated((c) => (prod(c).quality_gates.memory_usage.failure_limit = 0)),
    new RegExp(`^${G}\\.memory_usage\\.failure_limit: expected an integer at least 1`),
  ],
  [
    'more polls than the bound',
    mutated((c) => {
      prod(c).monitoring.window_minutes = 10080;
      prod(c).monitoring.poll_intervals.normal_interval_seconds = 0.5;
    }),
    new RegExp(`^${P}\\.monitoring: a 10080 min window polled every 0.5 s is 1209600 polls; at most 100000`),
  ],
  [
    'backup.paths leaving the target root with ..',
    mutated((c) => (prod(c).backup.paths = ['current', '../../etc'])),
    new RegExp(
      `^${P}\\.backup\\.paths\\[1\\]: expected a path inside target.root \\(relative, without "\\.\\."\\)`,
    ),
  ],
  [
    'backup.paths absolute',
    mutated((c) => (prod(c).backup.paths = ['/etc'])),
    new RegExp(`^${P}\\.backup\\.paths\\[0\\]: expected a path inside target.root`),
  ],
  [
    'backup.database_path leaving the target root',
    mutated((c) => (prod(c).backup.database_path = 'shared/../../db.sqlite')),
    new RegExp(`^${P}\\.backup\\.database_path: expected a path inside target.root`),
  ],
  [
    'default_environment is not an environment',
    mutated((c) => (c.default_environment = 'prod')),
    /^default_environment: "prod" is not one of the environments \(production, staging, development\)/,
  ],
];

describe('malformed configs', () => {
  test('at least 25 distinct cases', () => {
    expect(new Set(cases.map((c) => c[0])).size).toBeGreaterThanOrEqual(25);
  });

  test.each(cases)('%s', (_name, text, expected) => {
    const problems = problemsOf(text);
    if (!problems.some((p) => expected.test(p))) console.log(problems);
    expect(problems.some((p) => expected.test(p))).toBe(true);
    for (const p of problems) expect(p).not.toContain('\n');
  });

  test('migrations.database_url_env holding a URL is refused without printing it', () => {
    const url = 'postgres://dhash:s3cret-pw@db.internal:5432/dhash';
    const problems = problemsOf(mutated((c) => (prod(c).migrations.database_url_env = url)));
    expect(problems).toEqual([
      `${P}.migrations.database_url_env: expected the NAME of an environment variable (such as DATABASE_URL), not a value`,
    ]);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  test('a duplicate key is refused (JSON would keep the last one silently)', () => {
    const text = mutated(() => {}).replace(
      '"error_rate": {\n          "enabled": true,',
      '"error_rate": {\n          "enabled": true,\n          "enabled": false,',
    );
    expect(text).toContain('"enabled": false');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^${G}\\.error_rate\\.enabled: duplicate key "enabled" \\(line \\d+\\); JSON keeps only the last one`,
      ),
    );
  });

  test('a duplicate environment is refused', () => {
    const text = '{"environments": {"production": {}, "staging": {}, "production": {"monitoring": {}}}}';
    expect(problemsOf(text)).toEqual([
      'environments.production: duplicate key "production" (line 1); JSON keeps only the last one, so remove one of them',
    ]);
  });

  test('JSON nested 10,000 deep is one line, not a stack overflow', () => {
    const deep = `{"environments": {"production": {"description": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}}`;
    const problems = problemsOf(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^environments\.production\.description(\[0\])+: nested more than 64 levels deep/,
    );
    // Unbalanced too: still one line.
    expect(problemsOf('['.repeat(10_000))).toHaveLength(1);
  });

  test('a number beyond a double (1e309) is named as too large, not as null', () => {
    const text = JSON.stringify(structuredClone(shipped), null, 2).replace(
      '"max_time_ms": 2000',
      '"max_time_ms": 1e309',
    );
    expect(text).toContain('1e309');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^${G}\\.p95_hash_time\\.threshold\\.max_time_ms: .*\\(got a number too large \\(beyond ±1\\.8e308\\)\\)$`,
      ),
    );
  });

  test('several problems are reported one per line', () => {
    const problems = problemsOf(
      mutated((c) => {
        prod(c).quality_gates.p95_hash_time.threshold.max_time_ms = -1;
        c.environments.staging.monitoring.window_minutes = 'x';
        c.environments.development.notifications.channels = { fax: {} };
      }),
    );
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.some((p) => p.startsWith(`${P}.quality_gates.p95_hash_time.threshold.max_time_ms`))).toBe(
      true,
    );
    expect(problems.some((p) => p.startsWith('environments.staging.monitoring.window_minutes'))).toBe(true);
    expect(problems.some((p) => p.startsWith('environments.development.notifications.channels.fax'))).toBe(
      true,
    );
  });

  test.each([
    ['{\n  "version": 1,\n  "environments": {\n    "x": 1,\n  }\n}', 5, 3],
    ['{\n  "a": tru\n}', 2, 11],
    ["{\n  'a': 1\n}", 2, 3],
    ['{"a": 1', 1, 8],
  ])('invalid JSON reports line and column: %#', (text, line, column) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^invalid JSON at line ${line}, column ${column}: `));
  });
});
