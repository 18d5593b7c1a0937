import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/runtime/errors.js';
import { parseConfigText } from '../../src/config/load.js';

// Every malformed config must be refused with a line that names the JSON path and what was
// expected. Each case mutates a copy of the shipped file, so the rest of it stays valid.
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
const cases: Array<[string, string, RegExp]> = [
  [
    'threshold is a string',
    mutated((c) => (c.environments.production.quality_gates.p95_hash_time.threshold = 'fast')),
    new RegExp(`^${P}\\.quality_gates\\.p95_hash_time\\.threshold: expected a number.*got "fast"`),
  ],
  [
    'unknown gate name',
    mutated(
      (c) =>
        (c.environments.production.quality_gates.latency_gate = { enabled: true, threshold: 1, actions: [] }),
    ),
    new RegExp(`^${P}\\.quality_gates\\.latency_gate: unknown key "latency_gate"`),
  ],
  [
    'unknown action',
    mutated((c) => (c.environments.production.quality_gates.error_rate.actions = ['alert', 'page'])),
    new RegExp(
      `^${P}\\.quality_gates\\.error_rate\\.actions\\[1\\]: expected one of "alert", "auto_rollback" \\(got "page"\\)`,
    ),
  ],
  [
    'negative threshold',
    mutated((c) => (c.environments.production.quality_gates.low_confidence_queue.threshold = -5)),
    new RegExp(
      `^${P}\\.quality_gates\\.low_confidence_queue\\.threshold: expected a number greater than 0 .*got -5`,
    ),
  ],
  [
    'zero threshold',
    mutated((c) => (c.environments.production.quality_gates.p95_hash_time.threshold = 0)),
    new RegExp(`^${P}\\.quality_gates\\.p95_hash_time\\.threshold: expected a number greater than 0`),
  ],
  [
    'percentage above 100',
    mutated((c) => (c.environments.production.quality_gates.memory_usage.threshold = 185)),
    new RegExp(`^${P}\\.quality_gates\\.memory_usage\\.threshold: expected a percentage of at most 100`),
  ],
  [
    'initial_minutes longer than the window',
    mutated((c) => (c.environments.production.monitoring.poll_intervals.initial_minutes = 90)),
    new RegExp(
      `^${P}\\.monitoring\\.poll_intervals\\.initial_minutes: poll_intervals.initial_minutes must not be longer than window_minutes`,
    ),
  ],
  [
    'missing environment block',
    mutated((c) => delete c.environments.production.monitoring),
    new RegExp(`^${P}\\.monitoring: is required`),
  ],
  [
    'typo in a gate key',
    mutated((c) => {
      const g = c.environments.production.quality_gates.p95_hash_time;
      g.treshold = g.threshold;
      delete g.threshold;
    }),
    new RegExp(
      `^${P}\\.quality_gates\\.p95_hash_time\\.treshold: unknown key "treshold" \\(did you mean "threshold"\\?\\)`,
    ),
  ],
  [
    'unknown top-level key',
    mutated((c) => (c.enviroments = {})),
    /^enviroments: unknown key "enviroments" \(did you mean "environments"\?\)/,
  ],
  [
    'enabled is a string',
    mutated((c) => (c.environments.production.quality_gates.error_rate.enabled = 'yes')),
    new RegExp(`^${P}\\.quality_gates\\.error_rate\\.enabled: expected true or false \\(got "yes"\\)`),
  ],
  [
    'consecutive_failures not an integer',
    mutated((c) => (c.environments.production.quality_gates.health_check.consecutive_failures = 1.5)),
    new RegExp(`^${P}\\.quality_gates\\.health_check\\.consecutive_failures: expected an integer`),
  ],
  [
    'min_sample_size negative',
    mutated((c) => (c.environments.production.quality_gates.error_rate.min_sample_size = -1)),
    new RegExp(`^${P}\\.quality_gates\\.error_rate\\.min_sample_size: expected an integer of at least 0`),
  ],
  [
    'evaluation window zero',
    mutated(
      (c) => (c.environments.production.quality_gates.extraction_failure_rate.evaluation_window_minutes = 0),
    ),
    new RegExp(
      `^${P}\\.quality_gates\\.extraction_failure_rate\\.evaluation_window_minutes: expected a number greater than 0`,
    ),
  ],
  [
    'unknown channel',
    mutated((c) => (c.environments.production.notifications.channels = ['slack', 'sms'])),
    new RegExp(
      `^${P}\\.notifications\\.channels\\[1\\]: expected one of "slack", "teams", "discord", "email", "webhook", "console", "pager"`,
    ),
  ],
  [
    'duplicate channel',
    mutated((c) => (c.environments.production.notifications.channels = ['slack', 'slack'])),
    new RegExp(`^${P}\\.notifications\\.channels: each channel may appear once`),
  ],
  [
    'duplicate action',
    mutated((c) => (c.environments.production.quality_gates.error_rate.actions = ['alert', 'alert'])),
    new RegExp(`^${P}\\.quality_gates\\.error_rate\\.actions: each action may appear once`),
  ],
  [
    'base_url not a URL',
    mutated((c) => (c.environments.production.service.base_url = 'localhost:8080')),
    new RegExp(`^${P}\\.service\\.base_url: expected an http\\(s\\) URL`),
  ],
  [
    'unknown target type',
    mutated((c) => (c.environments.production.target = { type: 'kubernetes' })),
    new RegExp(`^${P}\\.target\\.type: expected "type" to be "local" or "command"`),
  ],
  [
    'command target missing a command',
    mutated(
      (c) =>
        (c.environments.production.target = {
          type: 'command',
          commands: { deploy: 'x', restart: 'x', rollback: 'x' },
        }),
    ),
    new RegExp(`^${P}\\.target\\.commands\\.status: is required`),
  ],
  [
    'migration driver unknown',
    mutated((c) => (c.environments.production.migrations.driver = 'mysql')),
    new RegExp(`^${P}\\.migrations\\.driver: expected "embedded" or "postgres" \\(got "mysql"\\)`),
  ],
  [
    'prometheus source without url',
    mutated((c) => (c.environments.production.metrics_source = { type: 'prometheus' })),
    new RegExp(`^${P}\\.metrics_source\\.url: is required`),
  ],
  [
    'prometheus query for unknown gate',
    mutated(
      (c) =>
        (c.environments.production.metrics_source = {
          type: 'prometheus',
          url: 'http://127.0.0.1:9090',
          queries: { latency: 'up' },
        }),
    ),
    new RegExp(`^${P}\\.metrics_source\\.queries\\.latency: unknown key "latency"`),
  ],
  [
    'auto_rollback.enabled missing',
    mutated((c) => delete c.environments.production.auto_rollback.enabled),
    new RegExp(`^${P}\\.auto_rollback\\.enabled: is required; expected true or false`),
  ],
  [
    'retention hours zero',
    mutated((c) => (c.environments.production.auto_rollback.backup_retention_hours = 0)),
    new RegExp(`^${P}\\.auto_rollback\\.backup_retention_hours: expected a number greater than 0`),
  ],
  [
    'window is a string',
    mutated((c) => (c.environments.production.monitoring.window_minutes = '60')),
    new RegExp(`^${P}\\.monitoring\\.window_minutes: expected a number \\(minutes\\) \\(got "60"\\)`),
  ],
  [
    'no_data policy unknown',
    mutated((c) => (c.environments.production.quality_gates.error_rate.no_data = 'panic')),
    new RegExp(`^${P}\\.quality_gates\\.error_rate\\.no_data: expected "inconclusive", "pass" or "fail"`),
  ],
  [
    'bad environment name',
    mutated((c) => (c.environments.Prod = c.environments.production)),
    /^environments\.Prod: environment names are lower-case/,
  ],
  [
    'environments empty',
    mutated((c) => {
      c.environments = {};
    }),
    /^environments: expected at least one environment/,
  ],
  [
    'gates is an array',
    mutated((c) => (c.environments.production.quality_gates = [])),
    new RegExp(`^${P}\\.quality_gates: expected object.*\\(got an array\\)`),
  ],
  [
    'escalation level without after_minutes',
    mutated((c) => (c.environments.production.notifications.escalation.levels = [{ mention: '@x' }])),
    new RegExp(`^${P}\\.notifications\\.escalation\\.levels\\[0\\]\\.after_minutes: is required`),
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
  });

  test('several problems are reported one per line', () => {
    const problems = problemsOf(
      mutated((c) => {
        c.environments.production.quality_gates.p95_hash_time.threshold = -1;
        c.environments.staging.monitoring.window_minutes = 'x';
        c.environments.development.notifications.channels = ['fax'];
      }),
    );
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(
      problems.some((p) => p.startsWith('environments.production.quality_gates.p95_hash_time.threshold')),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('environments.staging.monitoring.window_minutes'))).toBe(true);
    expect(problems.some((p) => p.startsWith('environments.development.notifications.channels[0]'))).toBe(
      true,
    );
  });

  test('default_environment must name an environment', () => {
    const problems = problemsOf(mutated((c) => (c.default_environment = 'prod')));
    expect(problems).toEqual([
      'default_environment: "prod" is not one of the environments (production, staging, development)',
    ]);
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
