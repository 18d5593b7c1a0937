import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../../src/cli/program.js';
import { runAction } from '../../src/action/run.js';
import { Supervisor } from '../../src/adapters/targets/supervisor.js';
import { RealClock } from '../../src/runtime/clock.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { nullLogger } from '../../src/runtime/logger.js';
import { captureIo } from '../helpers/cli-io.js';
import { recordingCore } from '../helpers/action-core.js';
import { freePort } from '../helpers/net.js';
import { referenceReleases, writeConfig } from '../helpers/reference-releases.js';

// One workspace per front end, built alike: a `local` target served by the reference service's
// real releases, the embedded database, no notification channels. Every command runs through the
// CLI in one and through the action in the other, with the same inputs, one after the other, so
// both workspaces go through the same states. What must match: the exit code (the action's
// `exit-code` output), the error message (the CLI's `error:` line, the action's failure), and the
// files each run leaves (backups, logs, evidence, releases, the live release), with the
// workspace's own path, port, time stamps and run ids taken out.

interface Workspace {
  dir: string;
  baseUrl: string;
}

interface Outcome {
  code: number;
  /** The one-line error a user reads, or null. */
  error: string | null;
  /** Files created or removed by this run, normalized. */
  files: string[];
  /** What the command reported (see Step.result), normalized. */
  result?: unknown;
}

type Json = Record<string, unknown>;

/** One command, as each front end spells it. */
interface Step {
  name: string;
  cli: string[];
  action: Record<string, string>;
  /**
   * The result, as each front end reports it: the CLI's --json output (added to its argv), and the
   * action's outputs; each is projected onto the same shape.
   */
  result?: { cli: (json: Json) => unknown; action: (outputs: Record<string, string>) => unknown };
  /** Files the action writes where the CLI prints (the action has no stdout for the next step). */
  actionOutputFiles?: RegExp;
}

let releases: string;
const spaces: Record<'cli' | 'action', Workspace> = {} as Record<'cli' | 'action', Workspace>;

function makeWorkspace(name: string, port: number): Workspace {
  const dir = join(tmpdir(), `dhash-same-inputs-${process.pid}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  writeConfig(dir, {
    service: { base_url: baseUrl },
    target: {
      type: 'local',
      root: 'target',
      keep_releases: 3,
      health_timeout_seconds: 20,
      stop_timeout_seconds: 5,
    },
    migrations: { driver: 'embedded', dir: 'migrations', database_path: 'shared/data/dhash.sqlite' },
  });
  // The host is prepared: its target root exists. (Where it does not, the action refuses even a
  // first deploy, exit 4, since a job on the wrong runner must not deploy into a fresh directory;
  // the CLI on a new host creates it. That difference is deliberate: src/config/target-host.ts.)
  mkdirSync(join(dir, 'target'));
  return { dir, baseUrl };
}

/** Every file and link under the workspace, relative, with what varies between runs replaced. */
function listing(space: Workspace): Set<string> {
  const out = new Set<string>();
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      const rel = relative(space.dir, path);
      // The supervisor's pid and socket files, and the service's own data, are the service's.
      if (/^target\/(run|shared)(\/|$)/.test(rel) || rel.startsWith('target/.dhash')) continue;
      if (entry.isSymbolicLink()) out.add(`${normalize(rel, space)} -> ${readlinkSync(path)}`);
      else if (entry.isDirectory()) {
        if (/^target\/releases\/[^/]+$/.test(rel)) out.add(`${rel}/`);
        else walk(path);
      } else out.add(normalize(rel, space));
    }
  };
  walk(space.dir);
  return out;
}

function normalize(text: string, space: Workspace): string {
  return text
    .split(space.dir)
    .join('<ws>')
    .split(space.baseUrl)
    .join('<url>')
    .replace(/\d{8}_\d{6}_[0-9a-f]{6}(?=\.)/g, '<stamp>_<run>')
    .replace(/\d{8}_\d{6}(_\d+)?/g, '<stamp>');
}

function normalized(value: unknown, space: Workspace): unknown {
  return JSON.parse(normalize(JSON.stringify(value ?? null), space)) as unknown;
}

/** Steps as the plans list them, without their timings. */
const stepNames = (steps: unknown): unknown =>
  (steps as Array<{ step: string; status: string }>).map((s) => `${s.step}:${s.status}`);

/** A logging report without what differs by nature: when it ran, and file sizes (paths are in the logs). */
function loggingReport(report: Json): Json {
  const files = (report.files as Json[]).map(({ bytes: _bytes, ...rest }) => rest);
  return { ...report, checked_at: '<time>', files };
}

function changed(before: Set<string>, after: Set<string>): string[] {
  return [
    ...[...after].filter((f) => !before.has(f)).map((f) => `+ ${f}`),
    ...[...before].filter((f) => !after.has(f)).map((f) => `- ${f}`),
  ].sort();
}

async function viaCli(step: Step): Promise<Outcome> {
  const space = spaces.cli;
  const before = listing(space);
  const io = captureIo(space.dir, { env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  const code = await runCli(step.result ? [...step.cli, '--json'] : step.cli, io);
  // The error, all its lines, without the CLI's own hints under it.
  const line = /^error: ([\s\S]*?)\n*(?:^note: |^\(run with |$(?![\s\S]))/m.exec(io.err());
  return {
    code,
    error: line ? normalize(line[1], space) : null,
    files: changed(before, listing(space)),
    ...(step.result ? { result: normalized(step.result.cli(JSON.parse(io.out()) as Json), space) } : {}),
  };
}

async function viaAction(step: Step): Promise<Outcome> {
  const space = spaces.action;
  const before = listing(space);
  const run = recordingCore({ 'working-directory': space.dir, ...step.action });
  await runAction(run.core, { PATH: process.env.PATH, HOME: process.env.HOME }, new RealClock());
  const failed = run.failed();
  const only = step.actionOutputFiles;
  return {
    code: Number(run.outputs['exit-code']),
    error: run.outputs.result === 'error' && failed ? normalize(failed, space) : null,
    files: changed(before, listing(space)).filter((f) => !only?.test(f)),
    ...(step.result ? { result: normalized(step.result.action(run.outputs), space) } : {}),
  };
}

/** Runs the step through both front ends and expects the same outcome; returns it. */
async function same(step: Step): Promise<Outcome> {
  const cli = await viaCli(step);
  const action = await viaAction(step);
  expect({ step: step.name, ...action }).toEqual({ step: step.name, ...cli });
  return cli;
}

beforeAll(async () => {
  releases = await referenceReleases();
  spaces.cli = makeWorkspace('cli', await freePort());
  spaces.action = makeWorkspace('action', await freePort());
}, 180_000);

afterAll(async () => {
  for (const space of Object.values(spaces)) {
    await new Supervisor({
      runDir: join(space.dir, 'target', 'run'),
      stopTimeoutMs: 5000,
      clock: new RealClock(),
      logger: nullLogger,
    })
      .stop()
      .catch(() => undefined);
    rmSync(space.dir, { recursive: true, force: true });
  }
  await closeHttpAgents();
});

describe('every command through the CLI and the action: same inputs, same results and files', () => {
  test('the rollout life cycle: validate, plans, deploy, smoke, monitor, backup, rollback, rollout, notify', async () => {
    const release = (id: string): string => join(releases, id);
    const plan = (o: Record<string, string>): Json => JSON.parse('plan' in o ? o.plan : 'null') as Json;
    const deployPlan = {
      cli: (j: Json) => ({ steps: stepNames(j.steps), migrations: j.migrations }),
      action: (o: Record<string, string>) => ({
        steps: stepNames(plan(o).steps),
        migrations: plan(o).migrations,
      }),
    };
    const steps: Step[] = [
      {
        name: 'validate',
        cli: ['validate'],
        action: { command: 'validate' },
        result: { cli: (j) => j.effective, action: (o) => JSON.parse(o['effective-config']) },
      },
      // No release is deployed yet: a backup has nothing to keep and says so.
      {
        name: 'backup --dry-run before a deploy',
        cli: ['backup', '--dry-run'],
        action: { command: 'backup', 'dry-run': 'true' },
        result: { cli: (j) => j, action: plan },
      },
      {
        name: 'migrate --dry-run',
        cli: ['migrate', '--dry-run', '--release', release('1.0.0')],
        action: { command: 'migrate', 'dry-run': 'true', release: release('1.0.0') },
        result: { cli: (j) => ({ steps: j.steps, targetVersion: j.targetVersion }), action: plan },
      },
      {
        name: 'deploy --dry-run',
        cli: ['deploy', '--dry-run', '--release', release('1.0.0')],
        action: { command: 'deploy', 'dry-run': 'true', release: release('1.0.0') },
        result: deployPlan,
      },
      {
        name: 'deploy 1.0.0',
        cli: ['deploy', '--release', release('1.0.0')],
        action: { command: 'deploy', release: release('1.0.0') },
        result: deployPlan,
      },
      {
        name: 'smoke',
        cli: ['smoke'],
        action: { command: 'smoke' },
        result: {
          cli: (j) => ({
            result: j.result,
            failed: (j.checks as Array<{ id: string; status: string }>)
              .filter((c) => c.status === 'fail')
              .map((c) => c.id)
              .join(','),
          }),
          action: (o) => ({ result: o.result, failed: o['failed-checks'] }),
        },
      },
      {
        name: 'monitor --dry-run',
        cli: ['monitor', '--dry-run'],
        action: { command: 'monitor', 'dry-run': 'true' },
        result: { cli: (j) => j.plan, action: plan },
      },
      {
        name: 'backup --dry-run',
        cli: ['backup', '--dry-run'],
        action: { command: 'backup', 'dry-run': 'true' },
        result: { cli: (j) => j, action: plan },
      },
      {
        name: 'backup',
        cli: ['backup'],
        action: { command: 'backup' },
        result: { cli: (j) => j.path, action: (o) => o['backup-path'] },
      },
      {
        name: 'deploy 2.0.0',
        cli: ['deploy', '--release', release('2.0.0')],
        action: { command: 'deploy', release: release('2.0.0') },
        result: deployPlan,
      },
      {
        name: 'rollback --dry-run',
        cli: ['rollback', '--backup', 'latest', '--dry-run'],
        action: { command: 'rollback', backup: 'latest', 'dry-run': 'true' },
        result: { cli: (j) => j.backup, action: (o) => o['backup-path'] },
      },
      {
        name: 'rollback',
        cli: ['rollback', '--backup', 'latest', '--force'],
        action: { command: 'rollback', backup: 'latest', force: 'true' },
        result: { cli: (j) => j.backup, action: (o) => o['backup-path'] },
      },
      {
        name: 'rollout --dry-run',
        cli: ['rollout', '--dry-run', '--release', release('2.0.0')],
        action: { command: 'rollout', 'dry-run': 'true', release: release('2.0.0') },
        result: {
          cli: (j) => (j.outcome === 'dry_run' ? 'planned' : j.outcome),
          action: (o) => o.result,
        },
      },
      {
        name: 'notify --dry-run',
        cli: ['notify', '--dry-run', '--level', 'warning', '--message', 'disk at 91%'],
        action: { command: 'notify', 'dry-run': 'true', level: 'warning', message: 'disk at 91%' },
      },
      {
        name: 'deploy-notify --dry-run',
        cli: ['deploy-notify', '--dry-run', '--event', 'deployment_success', '--version', '2.0.0'],
        action: {
          command: 'deploy-notify',
          'dry-run': 'true',
          event: 'deployment_success',
          version: '2.0.0',
        },
      },
      {
        name: 'validate-logging',
        cli: ['validate-logging'],
        action: { command: 'validate-logging' },
        // The action keeps the report in a file (its output report-path); the CLI prints it.
        result: {
          cli: loggingReport,
          action: (o) => loggingReport(JSON.parse(readFileSync(o['report-path'], 'utf8')) as Json),
        },
        actionOutputFiles: /^\+ monitor_logs\/logging_validation_staging_<stamp>\.json$/,
      },
    ];
    const outcomes: Record<string, Outcome> = {};
    for (const step of steps) outcomes[step.name] = await same(step);

    // The values behind the comparisons, so a front end that silently did nothing cannot pass.
    expect(outcomes['validate'].code).toBe(0);
    expect(outcomes['backup --dry-run before a deploy'].result).toMatchObject({ release: null, files: 0 });
    expect(outcomes['migrate --dry-run'].files).toEqual(['+ monitor_logs/migrate_staging_<stamp>_<run>.log']);
    expect(outcomes['deploy 1.0.0'].code).toBe(0);
    expect(outcomes['deploy 1.0.0'].files).toEqual(
      expect.arrayContaining(['+ target/current -> releases/1.0.0', '+ target/releases/1.0.0/']),
    );
    expect(outcomes['backup'].files).toEqual(
      expect.arrayContaining([
        '+ target/backups/dhash_staging_<stamp>.zip',
        '+ target/backups/dhash_staging_<stamp>.zip.sha256',
      ]),
    );
    expect(outcomes['rollback'].code).toBe(0);
    expect(outcomes['rollback'].files).toEqual(
      expect.arrayContaining([
        '+ monitor_logs/rollback_staging_<stamp>_<run>.log',
        '- target/current -> releases/2.0.0',
        '+ target/current -> releases/1.0.0',
      ]),
    );
    for (const space of Object.values(spaces))
      expect(lstatSync(join(space.dir, 'target', 'current')).isSymbolicLink()).toBe(true);
    // The pre-rollback snapshot, from both.
    for (const space of Object.values(spaces))
      expect(readdirSync(join(space.dir, 'target', 'backups', 'pre-rollback')).length).toBeGreaterThan(0);
    expect(outcomes['rollout --dry-run'].result).toBe('planned');
  }, 600_000);

  test.each([
    ['monitor', 'window-minutes', 'Infinity'],
    ['monitor', 'window-minutes', '-1'],
    ['monitor', 'window-minutes', 'abc'],
    ['rollout', 'window-minutes', 'Infinity'],
    ['rollout', 'window-minutes', '-1'],
    ['rollout', 'window-minutes', 'abc'],
    ['smoke', 'timeout', 'soon'],
    ['smoke', 'latency-limit-ms', '0'],
    ['migrate', 'to', '1.5'],
    ['migrate', 'direction', 'sideways'],
    ['validate-logging', 'max-size-mb', '-3'],
    ['notify', 'level', 'loud'],
    ['deploy-notify', 'event', 'party'],
    ['rehearse', 'window-seconds', '2'],
  ])(
    '%s with %s %j: the same message and exit 2 from both, nothing written',
    async (command, option, value) => {
      const needs: Record<string, { cli: string[]; action: Record<string, string> }> = {
        rollout: {
          cli: ['--release', join(releases, '2.0.0'), '--dry-run'],
          action: { release: join(releases, '2.0.0'), 'dry-run': 'true' },
        },
        monitor: { cli: ['--dry-run'], action: { 'dry-run': 'true' } },
        notify: { cli: ['--dry-run', '--message', 'x'], action: { 'dry-run': 'true', message: 'x' } },
        'deploy-notify': { cli: ['--dry-run'], action: { 'dry-run': 'true' } },
        migrate: { cli: ['--dry-run'], action: { 'dry-run': 'true' } },
        rehearse: {
          cli: ['--release', join(releases, '2.0.0')],
          action: { release: join(releases, '2.0.0') },
        },
      };
      const extra = needs[command] ?? { cli: [], action: {} };
      const outcome = await same({
        name: `${command} ${option}=${value}`,
        cli: [command, ...extra.cli, `--${option}`, value],
        action: { command, ...extra.action, [option]: value },
      });
      expect(outcome.code).toBe(2);
      expect(outcome.files).toEqual([]);
      expect(outcome.error).toMatch(
        new RegExp(`^${option}: .*"${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
      );
    },
  );

  test.each([
    ['rollback', 'backup', [], {}],
    ['rollout', 'release', ['--dry-run'], { 'dry-run': 'true' }],
    ['deploy-notify', 'event', ['--dry-run'], { 'dry-run': 'true' }],
    ['rehearse', 'release', [], {}],
  ] as const)(
    '%s without its %s: the same message and exit 2 from both',
    async (command, option, cli, action) => {
      const outcome = await same({
        name: `${command} without ${option}`,
        cli: [command, ...cli],
        action: { command, ...action },
      });
      expect(outcome).toMatchObject({ code: 2, files: [] });
      expect(outcome.error).toMatch(new RegExp(`^${option}: `));
    },
  );

  test.each(['validate', 'monitor', 'backup', 'smoke'])(
    '%s with an unknown environment: the same message and exit 2 from both',
    async (command) => {
      const outcome = await same({
        name: `${command} --env qa`,
        cli: [
          command,
          '--env',
          'qa',
          ...(command === 'monitor' || command === 'backup' ? ['--dry-run'] : []),
        ],
        action: {
          command,
          environment: 'qa',
          ...(command === 'monitor' || command === 'backup' ? { 'dry-run': 'true' } : {}),
        },
      });
      expect(outcome.code).toBe(2);
      expect(outcome.error).toMatch(/^environment: unknown environment "qa"; .* defines: staging/);
    },
  );
});
