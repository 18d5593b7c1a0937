import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealthOnce } from '../../src/adapters/targets/health.js';
import { embeddedSchemaDigest } from '../../src/rehearse/schema-digest.js';
import { SCRATCH_ENVIRONMENT, scratchConfig } from '../../src/rehearse/scratch-config.js';
import { loadConfig } from '../../src/config/load.js';
import { freePort } from '../../src/runtime/free-port.js';
import { RealClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger } from '../../src/runtime/logger.js';
import { createReleaseTargetFor } from '../../src/wiring/index.js';
import { referenceReleases, repoRoot } from '../helpers/reference-releases.js';
import { builtDist } from './replay/build.js';
import { checkoutFake, replayJob, toolkitDir, type Fake } from './replay/runner.js';
import { replayWorkflow } from './replay/workflow.js';

// deploy.yml, rollback.yml and premerge.yml replayed job by job as the runner runs them (see
// replay/runner.ts), on a "target host" that is a directory of this machine: the reference
// releases as real processes, the real action bundle, third-party actions as named fakes.
const LONG = 300_000;
let DIST: string;
let releases: string;
let toolkit: string;
let host: string;
let caller: string;
let baseUrl: string;
const wf = (name: string): string => join(repoRoot, '.github', 'workflows', name);
const noop: Fake = () => undefined;

beforeAll(async () => {
  releases = await referenceReleases();
  DIST = await builtDist();
  toolkit = toolkitDir(repoRoot, DIST);
  // The caller repository: the shipped config's production environment, moved onto this host.
  host = mkdtempSync(join(tmpdir(), 'dhash-replay-host-'));
  caller = mkdtempSync(join(tmpdir(), 'dhash-replay-caller-'));
  const port = await freePort();
  const shipped = loadConfig({
    configPath: join(repoRoot, 'quality-gates-config.json'),
    envName: 'production',
    cwd: repoRoot,
    environment: {},
  });
  const file = scratchConfig({
    file: shipped.file,
    envName: 'production',
    targetRoot: join(host, 'target'),
    backupDir: join(host, 'target', 'backups'),
    port,
    windowMinutes: 0.2,
    scratchDatabaseVariable: 'UNUSED',
    scratchDatabaseSet: false,
    rate: 10,
  }) as { environments: Record<string, unknown>; default_environment: string };
  file.environments = { production: file.environments[SCRATCH_ENVIRONMENT] };
  file.default_environment = 'production';
  // As users write it: relative, so it must resolve against target.root on the host, never
  // against the job's workspace (a fresh checkout in every job).
  (file.environments.production as { backup: { dir: string } }).backup.dir = 'backups';
  writeFileSync(join(caller, 'quality-gates-config.json'), JSON.stringify(file, null, 2));
  baseUrl = `http://127.0.0.1:${port}`;
  // 1.0.0 live on the host before the workflows run.
  mkdirSync(join(host, 'target'), { recursive: true });
  const first = spawnSync(
    process.execPath,
    [join(DIST, 'cli.js'), 'deploy', '--env', 'production', '--release', join(releases, '1.0.0')],
    { cwd: caller, encoding: 'utf8' },
  );
  if (first.status !== 0) throw new Error(`deploying 1.0.0 failed: ${first.stdout}${first.stderr}`);
}, LONG);

afterAll(async () => {
  // Stops the reference service the target supervises.
  const config = loadConfig({
    configPath: join(caller, 'quality-gates-config.json'),
    envName: 'production',
    cwd: caller,
    environment: {},
  });
  const clock = new RealClock();
  const target = createReleaseTargetFor(config, {
    clock,
    logger: new JsonLinesLogger(clock, [], config.redactor),
    cwd: caller,
    env: {},
    interactive: false,
    logDir: join(caller, 'monitor_logs'),
  });
  await target?.stop();
}, LONG);

const fakes = (): Record<string, Fake> => ({
  'actions/checkout': checkoutFake(caller, toolkit),
  'actions/setup-node': noop,
});

test(
  'deploy.yml of a failing release: runs on the labels DHASH_RUNNERS names, one rollout step, ends with the old release and the old schema',
  async () => {
    const workflow = await replayWorkflow({
      workflow: wf('deploy.yml'),
      repository: repoRoot,
      inputs: {
        environment: 'production',
        release: join(releases, 'fault-health-fail'),
        'window-minutes': '0.2',
      },
      vars: { DHASH_RUNNERS: '{"production":["self-hosted","dhash-prod-1"]}' },
      fakes: fakes(),
      jobContext: { workflow_repository: 'mobius/dhash-rollout', workflow_sha: 'e'.repeat(40) },
    });
    // The workflow's own output, as a caller of the reusable workflow reads it.
    expect(workflow.outputs.result).toBe('rolled_back');
    expect(workflow.jobs.rollout.environment).toBe('production');
    const run = workflow.jobs.rollout.legs[0];
    expect(run.runsOn).toEqual(['self-hosted', 'dhash-prod-1']);
    expect(run.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd', 'success'],
      ['actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd', 'success'],
      ['Guarded rollout', 'failure'],
    ]);
    expect(run.outputs.result).toBe('rolled_back');
    expect(run.result).toBe('failure');
    const health = await checkHealthOnce(`${baseUrl}/health`, 5000);
    expect([health.ok, health.version]).toEqual([true, '1.0.0']);
    const schema = await embeddedSchemaDigest(join(host, 'target', 'shared', 'data', 'dhash.sqlite'));
    expect(schema.version).toBe(1);
  },
  LONG,
);

test(
  'rollback.yml on the target host finds the backups and restores',
  async () => {
    const workflow = await replayWorkflow({
      workflow: wf('rollback.yml'),
      repository: repoRoot,
      inputs: { environment: 'production', reason: 'replay: manual rollback' },
      fakes: fakes(),
    });
    expect(workflow.outputs.result).toBe('restored');
    const run = workflow.jobs.rollback.legs[0];
    expect(run.runsOn).toEqual(['self-hosted', 'dhash-production']);
    expect(run.steps.at(-1)!.outcome).toBe('success');
    // The backup the failed deploy took, found under the target root (not the cleaned workspace).
    const used = run.steps.at(-1)!.outputs['backup-path'];
    expect(used.startsWith(join(host, 'target', 'backups'))).toBe(true);
    expect(existsSync(used)).toBe(true);
    const health = await checkHealthOnce(`${baseUrl}/health`, 5000);
    expect([health.ok, health.version]).toEqual([true, '1.0.0']);
  },
  LONG,
);

test(
  'rollback.yml on a machine that is not the target host refuses in one line naming the labels',
  async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'dhash-replay-elsewhere-'));
    const shipped = JSON.parse(readFileSync(join(caller, 'quality-gates-config.json'), 'utf8'));
    shipped.environments.production.target.root = join(elsewhere, 'no-such-root');
    writeFileSync(join(elsewhere, 'quality-gates-config.json'), JSON.stringify(shipped));
    const run = await replayJob({
      workflow: wf('rollback.yml'),
      job: 'rollback',
      inputs: { environment: 'production', reason: 'replay' },
      fakes: { ...fakes(), 'actions/checkout': checkoutFake(elsewhere, toolkit) },
    });
    expect(run.result).toBe('failure');
    expect(run.outputs.result).toBe('error');
    const step = run.steps.at(-1)!;
    expect(step.outputs['exit-code']).toBe('4');
    // The runner shows the failure as one ::error:: line, naming the labels the job needs.
    const errors = step.log.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('runs-on: ["self-hosted","dhash-production"]');
    expect(errors[0]).toContain('which is not the target host');
  },
  LONG,
);

test(
  'premerge.yml: validate refuses without Ops approvers; ready needs the Ops gate',
  async () => {
    const premerge = { release: 'build/release' };
    const empty = await replayJob({
      workflow: wf('premerge.yml'),
      job: 'validate',
      inputs: { ...premerge, 'ops-approvers': ' , ' },
      fakes: fakes(),
    });
    expect(empty.result).toBe('failure');
    expect(empty.steps[0].log).toContain('input ops-approvers is empty');
    const set = await replayJob({
      workflow: wf('premerge.yml'),
      job: 'validate',
      inputs: { ...premerge, 'ops-approvers': 'mobius/dhash-ops', 'scripts-path': 'no-scripts' },
      fakes: fakes(),
    });
    expect(set.result).toBe('success');
    const gate = (report: string, ops: string) =>
      replayJob({
        workflow: wf('premerge.yml'),
        job: 'ready',
        inputs: { ...premerge, 'ops-approvers': 'mobius/dhash-ops' },
        needs: {
          summary: { result: 'success', outputs: { 'report-ready': report } },
          'ops-approval': { result: ops, outputs: {} },
        },
        fakes: fakes(),
      });
    const notApproved = await gate('true', 'failure');
    expect([notApproved.result, notApproved.outputs.ready]).toEqual(['failure', 'false']);
    const approved = await gate('true', 'success');
    expect([approved.result, approved.outputs.ready]).toEqual(['success', 'true']);
  },
  LONG,
);
