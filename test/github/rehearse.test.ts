import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rehearseCommand, type RehearseResult } from '../../src/rehearse/rehearse.js';
import { RealClock } from '../../src/runtime/clock.js';
import { referenceReleases, repoRoot } from '../helpers/reference-releases.js';

// The rehearsal as a premerge leg runs it: the shipped config (whose target roots do not exist on
// this machine), the reference releases as real child processes, real load, real windows (short).
const LONG = 240_000;

let releases: string;
beforeAll(async () => {
  releases = await referenceReleases();
}, 300_000);

async function rehearse(release: string, previous?: string): Promise<RehearseResult> {
  const work = mkdtempSync(join(tmpdir(), 'dhash-rehearse-test-'));
  return rehearseCommand(
    {
      configPath: join(repoRoot, 'quality-gates-config.json'),
      envName: 'staging',
      release,
      previousRelease: previous,
      cwd: work,
      workspace: join(work, 'scratch'),
      windowSeconds: 10,
      rate: 10,
      logDir: join(work, 'monitor_logs'),
    },
    { clock: new RealClock(), env: { PATH: process.env.PATH } },
  );
}

test(
  'a good release passes every stage, with the shipped config whose target hosts are elsewhere',
  async () => {
    const result = await rehearse(join(releases, '2.0.0'), join(releases, '1.0.0'));
    // A failing stage shows its detail in the diff.
    expect(
      result.stages.map((s) => (s.status === 'passed' ? [s.stage, s.status] : [s.stage, s.status, s.detail])),
    ).toEqual([
      ['validate', 'passed'],
      ['previous', 'passed'],
      ['rollout', 'passed'],
      ['down-migrations', 'passed'],
      ['rollback', 'passed'],
      ['verify-previous', 'passed'],
      ['rollout-again', 'passed'],
    ]);
    expect(result.result).toBe('passed');
    expect(result.exitCode).toBe(0);
    // /srv/dhash-staging does not exist here: listed for the deploy, not failed.
    const staging = result.environments.find((e) => e.name === 'staging')!;
    expect(staging.ok).toBe(true);
    expect(staging.checkedByDeploy.join(' ')).toContain('/srv/dhash-staging');
    expect(result.stages[3].detail).toContain("the schema equals 1.0.0's");
    expect(result.stages[5].detail).toMatch(
      /1\.0\.0 live and healthy; schema version 1; hash_library identical/,
    );
    expect(result.load!.completed).toBeGreaterThan(0);
    const record = JSON.parse(readFileSync(result.recordPath, 'utf8')) as RehearseResult;
    expect(record.result).toBe('passed');
  },
  LONG,
);

test(
  'a release whose down migration is broken fails the rehearsal at down-migrations',
  async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'dhash-broken-release-')), '2.0.0-broken-down');
    cpSync(join(releases, '2.0.0'), broken, { recursive: true });
    writeFileSync(
      join(broken, 'migrations', '002_review_queue_reason.down.sql'),
      'SELECT no_such_column FROM review_queue;\n',
    );
    const result = await rehearse(broken, join(releases, '1.0.0'));
    expect(result.result).toBe('failed');
    expect(result.exitCode).toBe(1);
    const failed = result.stages.find((s) => s.status === 'failed')!;
    expect(failed.stage).toBe('down-migrations');
    expect(failed.detail).toContain('no such column: no_such_column');
  },
  LONG,
);

test(
  'a regressed release is rolled back by its gates and fails the rehearsal at rollout',
  async () => {
    const result = await rehearse(join(releases, 'fault-health-fail'), join(releases, '1.0.0'));
    expect(result.result).toBe('failed');
    const failed = result.stages.find((s) => s.status === 'failed')!;
    expect(failed.stage).toBe('rollout');
    expect(failed.detail).toMatch(/^rolled_back/);
  },
  LONG,
);

test(
  'a missing release directory is a usage error naming the flag',
  async () => {
    await expect(rehearse(join(releases, 'no-such-release'))).rejects.toThrow(
      /--release: .* is not a release directory/,
    );
  },
  LONG,
);
