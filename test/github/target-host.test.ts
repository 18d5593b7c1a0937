import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/run.js';
import { RealClock } from '../../src/runtime/clock.js';
import { recordingCore } from '../helpers/action-core.js';
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
