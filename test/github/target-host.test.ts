import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/run.js';
import { runCli } from '../../src/cli/program.js';
import { RealClock } from '../../src/runtime/clock.js';
import { recordingCore } from '../helpers/action-core.js';
import { captureIo } from '../helpers/cli-io.js';
import { repoRoot } from '../helpers/reference-releases.js';

// deploy.yml and rollback.yml run on the environment's self-hosted runner. A job that lands
// elsewhere (the shipped config's /srv/dhash-staging does not exist here) must refuse in one line
// naming the runs-on labels it needs, before reading or writing anything. The shipped config,
// with the staging root moved to a path that certainly does not exist on this machine.
const scratch = mkdtempSync(join(tmpdir(), 'dhash-offhost-config-'));
const missingRoot = join(scratch, 'srv', 'dhash-staging');
const shipped = JSON.parse(readFileSync(join(repoRoot, 'quality-gates-config.json'), 'utf8'));
shipped.environments.staging.target.root = missingRoot;
const config = join(scratch, 'quality-gates-config.json');
writeFileSync(config, JSON.stringify(shipped));

async function run(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const work = mkdtempSync(join(tmpdir(), 'dhash-offhost-'));
  const rec = recordingCore({ config, environment: 'staging', ...inputs });
  await runAction(rec.core, { PATH: process.env.PATH, GITHUB_WORKSPACE: work, ...env }, new RealClock());
  return rec;
}

test.each([
  ['rollback', { command: 'rollback', backup: 'latest', reason: 'test', force: 'true' }],
  ['rollout', { command: 'rollout', release: 'releases/2.0.0' }],
  ['backup', { command: 'backup' }],
])('%s off the target host refuses in one line with the runs-on labels (exit 4)', async (_name, inputs) => {
  const rec = await run(inputs);
  expect(rec.outputs['exit-code']).toBe('4');
  expect(rec.outputs.result).toBe('error');
  const failed = rec.failed()!;
  expect(failed.split('\n')).toHaveLength(1);
  expect(failed).toContain(`target root ${missingRoot} does not exist on this machine`);
  expect(failed).toContain('runs-on: ["self-hosted","dhash-staging"]');
  expect(failed).toContain(`outside GitHub run it on the host that holds ${missingRoot}`);
});

test('the labels the workflow resolved are the ones named', async () => {
  const rec = await run(
    { command: 'rollback', backup: 'latest', reason: 'test', force: 'true' },
    // As toJSON() in the workflow writes it: pretty-printed over several lines.
    {
      DHASH_RUNNER_LABELS: '[\n  "self-hosted",\n  "linux",\n  "dhash-stg-1"\n]',
      RUNNER_NAME: 'GitHub Actions 12',
    },
  );
  expect(rec.failed()).toContain('does not exist on runner "GitHub Actions 12"');
  expect(rec.failed()).toContain('runs-on: ["self-hosted","linux","dhash-stg-1"]');
});

test('a dry-run is a plan, not a change: it is not refused here', async () => {
  const rec = await run({ command: 'rollback', backup: 'latest', reason: 'test', 'dry-run': 'true' });
  expect(rec.failed() ?? '').not.toContain('runs-on:');
});

// The CLI typed on the wrong machine: the same one line (no note under it), exit 4, nothing written.
test.each([
  ['backup', ['backup', '--env', 'staging', '--config', config]],
  [
    'rollback',
    ['rollback', '--env', 'staging', '--config', config, '--backup', 'latest', '--force', '--reason', 'test'],
  ],
])(
  'the CLI %s off the target host refuses in one line with the runs-on labels (exit 4)',
  async (_n, argv) => {
    const work = mkdtempSync(join(tmpdir(), 'dhash-offhost-cli-'));
    const io = captureIo(work, { env: { PATH: process.env.PATH } });
    const code = await runCli(argv, io);
    expect([code, io.err()]).toEqual([4, expect.stringContaining('runs-on:')]);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`error: staging: target root ${missingRoot} does not exist on this machine`);
    expect(lines[0]).toContain('runs-on: ["self-hosted","dhash-staging"]');
    expect(lines[0]).toContain(`outside GitHub run it on the host that holds ${missingRoot}`);
    expect(readdirSync(work)).toEqual([]);
  },
);

test('the packaged config from an empty directory: one line naming it, exit 4', async () => {
  const work = mkdtempSync(join(tmpdir(), 'dhash-offhost-empty-'));
  const io = captureIo(work, { env: { PATH: process.env.PATH } });
  expect(await runCli(['backup', '--env', 'production'], io)).toBe(4);
  const lines = io.err().trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('target root /srv/dhash does not exist');
  expect(lines[0]).toContain('target.root from (packaged default) ');
  expect(lines[0]).toContain('runs-on: ["self-hosted","dhash-production"]');
});
