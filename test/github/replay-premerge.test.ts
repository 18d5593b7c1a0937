import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceReleases, repoRoot } from '../helpers/reference-releases.js';
import { requireTool } from '../helpers/tools.js';
import { ArtifactService } from './replay/artifact-service.js';
import { builtDist } from './replay/build.js';
import { checkoutFake, replayJob, toolkitDir, type Fake, type ReplayOptions } from './replay/runner.js';
import { replayWorkflow, type WorkflowReplay } from './replay/workflow.js';
import { GitHubApiServer, type FakeReview } from './github-api-server.js';

// premerge.yml and pr.yml replayed job by job as the runner runs them (replay/workflow.ts): the
// validate job, the rehearsal on the three matrix legs (each a real rehearsal of the reference
// releases on this machine), the bundle uploaded by the real @actions/artifact client to a
// loopback artifact service, the summary downloading them and commenting through a loopback GitHub
// API, the Ops review check against the same API, and ready. This machine is not a target host:
// the shipped config's roots (/srv/…) do not exist here, as on a GitHub-hosted runner.
const LONG = 900_000;
const unzip = requireTool('unzip', 'apt-get install -y unzip');
const TOKEN = 'test-token-123456';
const HEAD = 'a'.repeat(40);
const OLDER = 'b'.repeat(40);
const PULL = 7;

let releases: string;
let toolkit: string;
let caller: string;
let artifacts: ArtifactService;
let api: GitHubApiServer;

const wf = (name: string): string => join(repoRoot, '.github', 'workflows', name);
const noop: Fake = () => undefined;

/** actions/download-artifact, faked: each artifact matching `pattern`, unzipped into path/<name>/. */
function downloadFake(service: ArtifactService, unzipPath: string): Fake {
  return ({ with: w, workspace }) => {
    const pattern = new RegExp(
      `^${(w.pattern ?? '*').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
    );
    for (const artifact of service.artifacts.filter((a) => pattern.test(a.name))) {
      const dir = join(workspace, w.path ?? '.', artifact.name);
      mkdirSync(dir, { recursive: true });
      const zip = join(dir, '..', `${artifact.name}.zip`);
      writeFileSync(zip, artifact.bytes);
      const out = spawnSync(unzipPath, ['-q', '-o', zip, '-d', dir], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`unzip ${artifact.name}: ${out.stderr}`);
    }
  };
}

function review(id: number, login: string, state: string, commit = HEAD): FakeReview {
  return { id, user: { login }, state, submitted_at: `2026-11-29T0${id % 10}:00:00Z`, commit_id: commit };
}

const pullEvent = { name: 'pull_request', payload: { pull_request: { number: PULL, head: { sha: HEAD } } } };

function options(callerDir: string): Omit<ReplayOptions, 'job' | 'workflow' | 'inputs'> & {
  perJob: (job: string) => Partial<ReplayOptions>;
} {
  return {
    fakes: {
      'actions/checkout': checkoutFake(callerDir, toolkit),
      'actions/setup-node': noop,
      'actions/download-artifact': downloadFake(artifacts, unzip.path ?? 'unzip'),
    },
    github: { token: TOKEN, sha: HEAD, run_attempt: '1' },
    jobContext: { workflow_repository: 'mobius/dhash-rollout', workflow_sha: 'e'.repeat(40) },
    event: pullEvent,
    baseEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
    runnerEnv: { GITHUB_API_URL: api.url, GITHUB_SERVER_URL: 'https://github.com' },
    perJob: (job) => ({
      runnerEnv: {
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: 'https://github.com',
        ACTIONS_RESULTS_URL: `${artifacts.url}/`,
        ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken(job),
      },
    }),
  };
}

beforeAll(async () => {
  releases = await referenceReleases();
  toolkit = toolkitDir(repoRoot, await builtDist());
  artifacts = await new ArtifactService().start();
  api = await new GitHubApiServer().start();
  api.teams.set('mobius/dhash-ops', ['carol']);
  // The calling repository: the shipped config (its hosts are elsewhere) and committed releases,
  // one of them a 2.0.0 whose down migration is broken (its rollback rehearsal fails).
  caller = mkdtempSync(join(tmpdir(), 'dhash-replay-premerge-caller-'));
  cpSync(join(repoRoot, 'quality-gates-config.json'), join(caller, 'quality-gates-config.json'));
  for (const v of ['1.0.0', '2.0.0'])
    cpSync(join(releases, v), join(caller, 'releases', v), { recursive: true });
  const broken = join(caller, 'releases', '2.0.0-broken-down');
  cpSync(join(releases, '2.0.0'), broken, { recursive: true });
  writeFileSync(
    join(broken, 'migrations', '002_review_queue_reason.down.sql'),
    'SELECT no_such_column FROM review_queue;\n',
  );
}, LONG);

afterAll(async () => {
  await artifacts.stop();
  await api.stop();
});

const legResults = (run: WorkflowReplay, job: string): Array<[string, string]> =>
  run.jobs[job].legs.map((l) => [String(l.runsOn), l.result]);

unzip.test(
  'premerge.yml of a release whose rollback rehearsal fails: every leg fails at down-migrations, the report is not ready, the Ops gate never runs, ready is false',
  async () => {
    api.pulls.set(PULL, {
      author: 'dana',
      headSha: HEAD,
      reviews: [review(1, 'carol', 'APPROVED'), review(2, 'alice', 'APPROVED')],
    });
    artifacts.artifacts.splice(0); // a new workflow run: its own artifacts
    const opts = options(caller);
    const run = await replayWorkflow({
      ...opts,
      workflow: wf('premerge.yml'),
      repository: repoRoot,
      inputs: {
        'ops-approvers': 'mobius/dhash-ops',
        release: 'releases/2.0.0-broken-down',
        'previous-release': 'releases/1.0.0',
        environment: 'staging',
        'window-seconds': 5,
      },
    });
    expect(run.jobs.validate.result).toBe('success');
    expect(legResults(run, 'rehearse')).toEqual([
      ['ubuntu-latest', 'failure'],
      ['macos-latest', 'failure'],
      ['windows-latest', 'failure'],
    ]);
    for (const leg of run.jobs.rehearse.legs) {
      const rehearse = leg.steps.find((s) => s.name === 'Rehearse the rollout and the rollback')!;
      expect([rehearse.outcome, rehearse.outputs.result]).toEqual(['failure', 'failed']);
      expect(rehearse.log).toContain('down-migrations');
      // The evidence of the failed leg is still uploaded (if: !cancelled()).
      const bundle = leg.steps.find(
        (s) => s.name === 'Bundle the rehearsal record, evidence, reports and logs',
      )!;
      expect([bundle.outcome, bundle.outputs.result]).toEqual(['success', 'uploaded']);
    }
    expect(run.jobs.summary.result).toBe('failure');
    expect(run.jobs.summary.outputs['report-ready']).toBe('false');
    expect(run.jobs['ops-approval'].result).toBe('skipped');
    expect(run.jobs.ready.result).toBe('failure');
    expect(run.outputs.ready).toBe('false');
  },
  LONG,
);

unzip.test(
  'premerge.yml without Ops approvers: validate refuses, nothing is rehearsed, the Ops gate never runs, ready is false',
  async () => {
    artifacts.artifacts.splice(0); // a new workflow run: its own artifacts
    const run = await replayWorkflow({
      ...options(caller),
      workflow: wf('premerge.yml'),
      repository: repoRoot,
      inputs: { 'ops-approvers': ' ', release: 'releases/2.0.0', 'previous-release': 'releases/1.0.0' },
    });
    expect(Object.fromEntries(Object.entries(run.jobs).map(([k, j]) => [k, j.result]))).toEqual({
      validate: 'failure',
      rehearse: 'skipped',
      summary: 'failure',
      'ops-approval': 'skipped',
      ready: 'failure',
    });
    expect(run.jobs.validate.legs[0].steps[0].log).toContain('input ops-approvers is empty');
    expect(run.jobs.summary.legs[0].summary).toContain('❌ not ready');
    expect(run.outputs.ready).toBe('false');
    expect(artifacts.artifacts).toEqual([]);
  },
  LONG,
);

unzip.test(
  'pr.yml: the reusable premerge of this repository passes for 2.0.0 after 1.0.0 on the three legs, uploads one bundle per leg, comments, and is ready with an Ops approval on the head commit',
  async () => {
    // The checkout pr.yml gets: this repository's files (its config and scripts).
    const self = mkdtempSync(join(tmpdir(), 'dhash-replay-pr-self-'));
    cpSync(repoRoot, self, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|\.git|dist|\.dist-[^\\/]*|\.build-tmp-[^\\/]*)$/.test(src),
    });
    api.pulls.set(PULL, {
      author: 'dana',
      headSha: HEAD,
      reviews: [review(1, 'carol', 'APPROVED'), review(2, 'alice', 'APPROVED')],
    });
    // A comment carrying the marker, written by someone else: never edited, never taken for the report.
    api.comments.push({
      id: 1,
      issue: PULL,
      body: '<!-- dhash-rollout:premerge -->\nall green, trust me',
      author: 'mallory',
    });
    artifacts.artifacts.splice(0); // a new workflow run: its own artifacts
    const before = 0;
    const opts = options(self);
    const run = await replayWorkflow({
      ...opts,
      workflow: wf('pr.yml'),
      repository: self,
      inputs: {},
      secrets: { DHASH_OPS_TOKEN: TOKEN },
      stepFakes: {
        // npm ci and a full build of the toolkit per leg: the toolkit checkout already holds a
        // dist/ built from these very sources (builtDist), which is what this step produces.
        'Build dhash-rollout': ({ workspace }) => {
          if (!existsSync(join(workspace, '.dhash-rollout', 'dist', 'index.js'))) throw new Error('no dist/');
        },
        // npm ci + build-releases.mjs --out releases: the same builder's output, built once per test run.
        'Build the releases': ({ workspace }) => {
          for (const v of ['1.0.0', '2.0.0'])
            cpSync(join(releases, v), join(workspace, 'releases', v), { recursive: true });
        },
      },
    });
    const premerge = run.jobs.premerge.called!;
    expect(Object.fromEntries(Object.entries(premerge.jobs).map(([k, j]) => [k, j.result]))).toEqual({
      validate: 'success',
      rehearse: 'success',
      summary: 'success',
      'ops-approval': 'success',
      ready: 'success',
    });
    expect(legResults(premerge, 'rehearse').map(([os]) => os)).toEqual([
      'ubuntu-latest',
      'macos-latest',
      'windows-latest',
    ]);
    // The validate job ran the real shellcheck over the repository's scripts.
    expect(premerge.jobs.validate.legs[0].steps.at(-1)!.log).toMatch(/Checked \d+ shell script/);
    const names = artifacts.artifacts.slice(before).map((a) => a.name);
    expect(names).toEqual([
      'dhash-premerge-Linux-attempt1',
      'dhash-premerge-macOS-attempt1',
      'dhash-premerge-Windows-attempt1',
    ]);
    for (const [i, leg] of premerge.jobs.rehearse.legs.entries()) {
      const bundle = leg.steps.at(-1)!.outputs;
      const stored = artifacts.artifacts[before + i];
      expect(bundle['artifact-id']).toBe(String(stored.id));
      expect(bundle['artifact-digest']).toBe(stored.hash.replace(/^sha256:/, ''));
      expect(bundle['artifact-url']).toBe(
        `https://github.com/mobius/dhash/actions/runs/1/artifacts/${stored.id}`,
      );
    }
    expect(premerge.jobs.summary.outputs['report-ready']).toBe('true');
    expect(premerge.jobs['ops-approval'].environment).toBe('ops-approval');
    expect(run.jobs.premerge.outputs.ready).toBe('true');
    const comments = api.comments.filter((c) => c.issue === PULL);
    expect(comments.find((c) => c.author === 'mallory')!.body).toContain('all green, trust me');
    const ours = comments.filter((c) => c.author === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toContain('gh workflow run deploy.yml');
    // The report reads the three bundles the summary downloaded.
    const report = premerge.jobs.summary.legs[0].summary;
    for (const os of ['Linux', 'macOS', 'Windows'])
      expect(report).toContain(`| staging | ${os} | ✅ passed | ✅ passed | ✅ passed | ✅ passed |`);
  },
  LONG,
);

/** The Ops approval job alone, against the loopback API's pull request; then ready fed its result. */
async function opsGate(opsApprovers: string, reviews: FakeReview[]) {
  api.pulls.set(PULL, { author: 'dana', headSha: HEAD, reviews });
  const opts = options(caller);
  const inputs = { 'ops-approvers': opsApprovers, release: 'releases/2.0.0' };
  const gate = await replayJob({
    ...opts,
    ...opts.perJob('ops-approval'),
    workflow: wf('premerge.yml'),
    job: 'ops-approval',
    inputs,
  });
  const ready = await replayJob({
    ...opts,
    workflow: wf('premerge.yml'),
    job: 'ready',
    inputs,
    needs: {
      summary: { result: 'success', outputs: { 'report-ready': 'true' } },
      'ops-approval': { result: gate.result, outputs: gate.outputs },
    },
  });
  return { gate, check: gate.steps.at(-1)!, ready: ready.outputs.ready };
}

describe('the Ops gate fails closed (ops-approval replayed against a loopback GitHub API, then ready)', () => {
  test('two approvals on the head commit, one of them from the Ops team: approved, ready', async () => {
    const { gate, check, ready } = await opsGate('mobius/dhash-ops', [
      review(1, 'carol', 'APPROVED'),
      review(2, 'alice', 'APPROVED'),
    ]);
    expect([gate.result, check.outputs.result, check.outputs['ops-approved-by'], ready]).toEqual([
      'success',
      'approved',
      'carol',
      'true',
    ]);
    expect(gate.summary).toContain('team: mobius/dhash-ops');
  });

  test('approvals only from people outside the Ops team: refused', async () => {
    const { gate, check, ready } = await opsGate('mobius/dhash-ops', [
      review(1, 'alice', 'APPROVED'),
      review(2, 'bob', 'APPROVED'),
    ]);
    expect([gate.result, check.outputs.result, ready]).toEqual(['failure', 'pending', 'false']);
    expect(check.log).toContain('no approval from an Ops approver yet');
  });

  test('the Ops approval was given on an older commit: refused, and said so', async () => {
    const { gate, check, ready } = await opsGate('mobius/dhash-ops', [
      review(1, 'carol', 'APPROVED', OLDER),
      review(2, 'alice', 'APPROVED'),
      review(3, 'bob', 'APPROVED'),
    ]);
    expect([gate.result, check.outputs.result, ready]).toEqual(['failure', 'pending', 'false']);
    expect(check.log).toContain('approvals on an older commit do not count (carol)');
  });

  test('an Ops team with no members: refused however many approve', async () => {
    api.teams.set('mobius/empty-ops', []);
    const { gate, check, ready } = await opsGate('mobius/empty-ops', [
      review(1, 'carol', 'APPROVED'),
      review(2, 'alice', 'APPROVED'),
    ]);
    expect([gate.result, check.outputs.result, ready]).toEqual(['failure', 'pending', 'false']);
    expect(check.log).toContain('no approval from an Ops approver yet');
  });

  test('no Ops approvers at all: the review check refuses to run (and validate refuses before it)', async () => {
    const { gate, check, ready } = await opsGate('', [
      review(1, 'carol', 'APPROVED'),
      review(2, 'alice', 'APPROVED'),
    ]);
    expect([gate.result, check.outputs.result, check.outputs['exit-code'], ready]).toEqual([
      'failure',
      'error',
      '2',
      'false',
    ]);
    expect(check.log).toContain('input "ops-approvers": required');
    const validate = await replayJob({
      ...options(caller),
      workflow: wf('premerge.yml'),
      job: 'validate',
      inputs: { 'ops-approvers': '', release: 'r' },
    });
    expect(validate.result).toBe('failure');
    expect(validate.steps[0].log).toContain('input ops-approvers is empty');
  });
});

unzip.test(
  'a fork pull request: the comment write is refused (403), the summary job stays green and its job summary is the report',
  async () => {
    expect(artifacts.artifacts.length).toBe(3); // the bundles of the pr.yml replay above
    api.refuseCommentWrites = true;
    const commentsBefore = api.comments.length;
    try {
      const opts = options(caller);
      const run = await replayJob({
        ...opts,
        ...opts.perJob('summary'),
        workflow: wf('premerge.yml'),
        job: 'summary',
        inputs: { 'ops-approvers': 'mobius/dhash-ops', release: 'releases/2.0.0' },
        needs: { validate: { result: 'success', outputs: {} }, rehearse: { result: 'success', outputs: {} } },
      });
      const report = run.steps.at(-1)!;
      expect([run.result, report.outcome, report.outputs['comment-url']]).toEqual(['success', 'success', '']);
      expect(run.summary).toContain('## dhash-rollout premerge');
      expect(run.summary).toContain('The pull request comment could not be written');
      expect(run.summary).toContain('a pull request from a fork gets a read-only token');
      expect(report.log).toContain(
        '::warning title=dhash-rollout premerge%3A comment not written::The pull request comment could not be written',
      );
      expect(api.comments.length).toBe(commentsBefore);
    } finally {
      api.refuseCommentWrites = false;
    }
  },
  LONG,
);
