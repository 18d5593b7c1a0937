import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGithubOutput, runAction, type ActionRun } from '../helpers/run-bundle.js';
import { GitHubApiServer } from './github-api-server.js';
import { ROOT, actionFiles, type YamlFile } from './yaml-files.js';
import { builtDist } from './replay/build.js';

// The action entry is built privately (node build/build.mjs --out <tmp>, see builtDist) and run as the
// runner runs it: a node process with INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
// GITHUB_EVENT_PATH and GITHUB_API_URL pointing at the test's own GitHub API server.
let DIST: string;
let ENTRY: string;
const TOKEN = 'test-token-123456';

beforeAll(async () => {
  // Built from these sources, shared with the replay tests (never a stale bundle: see builtDist).
  DIST = await builtDist();
  ENTRY = join(DIST, 'index.js');
}, 300_000);

let api: GitHubApiServer;
beforeEach(async () => {
  api = await new GitHubApiServer().start();
});
afterEach(async () => {
  await api.stop();
});

function runnerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_REPOSITORY: 'mobius/dhash',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'a'.repeat(40),
    ...extra,
  };
}

function eventFile(payload: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-event-'));
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

const run = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<ActionRun> =>
  runAction(
    { 'github-token': TOKEN, ...inputs },
    { entry: ENTRY, env: runnerEnv(env as Record<string, string>), cwd },
  );

describe('deployment-status', () => {
  test('in_progress creates the deployment and its status with the run as log_url; success closes it', async () => {
    const started = await run({
      command: 'deployment-status',
      state: 'in_progress',
      environment: 'production',
      ref: 'v2.0.0',
      release: 'releases/v2',
      message: 'Guarded rollout of v2',
    });
    expect(started.code).toBe(0);
    const id = started.outputs['github-deployment-id'];
    expect(id).toMatch(/^\d+$/);
    expect(started.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(api.deployments).toHaveLength(1);
    expect(api.deployments[0]).toMatchObject({
      ref: 'v2.0.0',
      environment: 'production',
      payload: { tool: 'dhash-rollout', release: 'releases/v2', deployment_id: null },
    });
    expect(api.deployments[0].statuses).toEqual([
      expect.objectContaining({
        state: 'in_progress',
        log_url: 'https://github.test/mobius/dhash/actions/runs/4242',
        description: 'Guarded rollout of v2',
      }),
    ]);
    const create = api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deployments'))!;
    expect(create.body.required_contexts).toEqual([]);
    expect(create.body.production_environment).toBe(true);
    expect(started.summary).toContain('deployment status `in_progress` for `production`');

    const done = await run({
      command: 'deployment-status',
      state: 'success',
      environment: 'production',
      'github-deployment-id': id,
    });
    expect(done.code).toBe(0);
    expect(done.outputs.result).toBe('success');
    expect(api.deployments[0].statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
  });

  test('inactive without an id marks the live deployment, which is what a manual rollback replaces', async () => {
    await run({ command: 'deployment-status', state: 'in_progress', environment: 'staging', ref: 'v1' }).then(
      async (r) =>
        run({
          command: 'deployment-status',
          state: 'success',
          environment: 'staging',
          'github-deployment-id': r.outputs['github-deployment-id'],
        }),
    );
    const v2 = await run({
      command: 'deployment-status',
      state: 'in_progress',
      environment: 'staging',
      ref: 'v2',
    });
    await run({
      command: 'deployment-status',
      state: 'success',
      environment: 'staging',
      'github-deployment-id': v2.outputs['github-deployment-id'],
    });
    expect(api.deployments.map((d) => d.statuses.at(-1)!.state)).toEqual(['inactive', 'success']);

    const replaced = await run({
      command: 'deployment-status',
      state: 'inactive',
      environment: 'staging',
      message: 'Rolled back: p95 regression',
    });
    expect(replaced.code).toBe(0);
    expect(replaced.outputs['github-deployment-id']).toBe(v2.outputs['github-deployment-id']);
    expect(api.deployments[1].statuses.at(-1)).toMatchObject({
      state: 'inactive',
      description: 'Rolled back: p95 regression',
    });

    const nothingLive = await run({
      command: 'deployment-status',
      state: 'inactive',
      environment: 'staging',
    });
    expect(nothingLive.code).toBe(0);
    expect(nothingLive.outputs.result).toBe('none');
    expect(nothingLive.summary).toContain('No live deployment of `staging` was found');
  });

  test('success without the id is a usage error (exit-code 2) naming the input; a bad state names the allowed ones', async () => {
    const missing = await run({ command: 'deployment-status', state: 'success', environment: 'production' });
    expect(missing.code).toBe(1);
    expect(missing.outputs['exit-code']).toBe('2');
    expect(missing.stdout).toContain('::error::input "github-deployment-id": required for state "success"');
    const bad = await run({ command: 'deployment-status', state: 'done', environment: 'production' });
    expect(bad.stdout).toContain(
      'input "state": expected one of in_progress, queued, success, failure, error, inactive, got "done"',
    );
    expect(api.deployments).toHaveLength(0);
  });

  test('a rejected token is reported with the permission the call needs', async () => {
    const ran = await runAction(
      {
        command: 'deployment-status',
        state: 'in_progress',
        environment: 'production',
        'github-token': 'wrong-token-000',
      },
      { entry: ENTRY, env: runnerEnv() },
    );
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(
      /GitHub API: creating a deployment of a{40} to production failed \(HTTP 401: the token needs "deployments: write"\)/,
    );
  });
});

describe('review-check', () => {
  const t = (minute: number): string => `2026-11-27T10:${String(minute).padStart(2, '0')}:00Z`;
  const HEAD = 'c'.repeat(40);
  const review = (id: number, login: string, state: string, minute: number, commit = HEAD) => ({
    id,
    user: { login },
    state,
    submitted_at: t(minute),
    commit_id: commit,
  });

  beforeEach(() => {
    api.teams.set('mobius/dhash-ops', ['olga']);
    api.pulls.set(7, {
      author: 'alice',
      headSha: 'c'.repeat(40),
      // Spread over pages of 2, so the check must follow the Link header.
      reviews: [
        review(1, 'bob', 'APPROVED', 1),
        review(2, 'carol', 'APPROVED', 2),
        review(3, 'carol', 'CHANGES_REQUESTED', 3), // carol's latest verdict withdraws her approval
        review(4, 'bob', 'COMMENTED', 4), // a later comment keeps bob's approval
        review(5, 'alice', 'APPROVED', 5), // the author never counts
        review(6, 'dave', 'APPROVED', 6),
      ],
    });
  });

  test('counts each reviewer on their latest verdict and fails without an Ops approval', async () => {
    const ran = await run(
      { command: 'review-check', 'required-approvals': '2', 'ops-approvers': 'mobius/dhash-ops' },
      {
        GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 7 } }),
        GITHUB_EVENT_NAME: 'pull_request_review',
      },
    );
    expect(ran.code).toBe(1);
    expect(ran.outputs).toMatchObject({
      result: 'pending',
      approved: 'false',
      approvals: '2',
      approvers: 'bob,dave',
      'ops-approved-by': '',
    });
    expect(ran.stdout).toContain(
      '::error title=dhash-rollout review check::no approval from an Ops approver yet; changes requested by carol',
    );
    expect(ran.summary).toContain('2 of 2 required distinct approvals');
    expect(ran.summary).toContain('| carol | CHANGES_REQUESTED |');
    expect(api.requests.filter((r) => r.path.endsWith('/pulls/7/reviews'))).toHaveLength(3);
    // Membership is asked only for reviewers who approved.
    expect(
      api.requests
        .filter((r) => r.path.includes('/memberships/'))
        .map((r) => r.path.split('/').at(-1))
        .sort(),
    ).toEqual(['bob', 'dave']);
  });

  test('turns green when an Ops team member approves and the change request is resolved', async () => {
    const pull = api.pulls.get(7)!;
    pull.reviews.push(review(7, 'olga', 'APPROVED', 7), review(8, 'carol', 'APPROVED', 8));
    const ran = await run(
      { command: 'review-check', 'required-approvals': '3', 'ops-approvers': '@mobius/dhash-ops' },
      { GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 7 } }) },
    );
    expect(ran.code).toBe(0);
    expect(ran.outputs).toMatchObject({
      result: 'approved',
      approvals: '4',
      approvers: 'bob,carol,dave,olga',
      'ops-approved-by': 'olga',
    });
    expect(ran.summary).toContain('review check ✅ approved (#7)');
  });

  test('an approval on an older commit does not count, even from Ops', async () => {
    const pull = api.pulls.get(7)!;
    pull.reviews.push(review(7, 'olga', 'APPROVED', 7, 'b'.repeat(40)), review(8, 'carol', 'APPROVED', 8));
    const ran = await run(
      { command: 'review-check', 'required-approvals': '3', 'ops-approvers': 'mobius/dhash-ops' },
      { GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 7 } }) },
    );
    expect(ran.code).toBe(1);
    expect(ran.outputs).toMatchObject({
      result: 'pending',
      approvers: 'bob,carol,dave',
      'ops-approved-by': '',
    });
    expect(ran.stdout).toContain('approvals on an older commit do not count (olga)');
  });

  test('without Ops approvers the review check refuses to run (fails closed, exit 2)', async () => {
    const ran = await run(
      { command: 'review-check', 'required-approvals': '2', 'ops-approvers': '' },
      { GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 7 } }) },
    );
    expect(ran.outputs.result).toBe('error');
    expect(ran.outputs['exit-code']).toBe('2');
    expect(ran.stdout).toContain('input "ops-approvers": required');
    expect(api.requests).toHaveLength(0);
  });

  test('Ops approvers as logins need no team access; pull-number beats the event', async () => {
    const ran = await run({
      command: 'review-check',
      'pull-number': '7',
      'required-approvals': '2',
      'ops-approvers': 'Dave, zed',
    });
    expect(ran.outputs.result).toBe('pending'); // carol still requests changes
    expect(ran.outputs['ops-approved-by']).toBe('dave');
    expect(api.requests.some((r) => r.path.startsWith('/orgs/'))).toBe(false);
  });

  test('a team the token cannot see fails clearly instead of counting nobody', async () => {
    const ran = await run({
      command: 'review-check',
      'pull-number': '7',
      'ops-approvers': 'mobius/secret-team',
    });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      'GitHub API: reading team mobius/secret-team failed (HTTP 404: the token needs "members: read (organisation); GITHUB_TOKEN cannot read teams")',
    );
  });

  test('without a pull request number outside a PR event it is a usage error', async () => {
    const ran = await run({ command: 'review-check' }, { GITHUB_EVENT_NAME: 'push' });
    expect(ran.outputs['exit-code']).toBe('2');
    expect(ran.stdout).toContain(
      'input "pull-number": required outside pull_request and pull_request_review events (event: push)',
    );
  });
});

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-gh-ws-'));
  copyFileSync(join(ROOT, 'quality-gates-config.json'), join(dir, 'quality-gates-config.json'));
  return dir;
}

describe('dry-run, bundle and premerge-report', () => {
  test('dry-run writes the manifest from what each step actually returned, and reports missing steps as such', async () => {
    const { STEP_DRY_RUNS } = await import('../../src/wiring/dry-run-steps.js');
    const { ROLLOUT_STEPS } = await import('../../src/commands/dry-run/step-types.js');
    const ws = workspace();
    const ran = await run({ command: 'dry-run', environment: 'staging' }, { RUNNER_OS: 'Linux' }, ws);
    const manifest = JSON.parse(
      readFileSync(join(ws, 'monitor_logs', 'deployment-manifest_staging.json'), 'utf8'),
    );
    expect(ran.outputs['manifest-path']).toBe(join(ws, 'monitor_logs', 'deployment-manifest_staging.json'));
    expect(manifest).toMatchObject({
      schema: 'dhash-rollout/deployment-manifest@1',
      environment: 'staging',
      deployment_id: 'gh-4242-1-staging',
      runner: { runner_os: 'Linux' },
    });
    expect(manifest.steps.map((s: any) => s.step)).toEqual([...ROLLOUT_STEPS]);
    for (const step of manifest.steps) {
      if (STEP_DRY_RUNS[step.step as keyof typeof STEP_DRY_RUNS] === null) {
        expect(step).toMatchObject({ status: 'unavailable', plan: null });
        // The runner's command syntax escapes ':' in properties.
        expect(ran.stdout).toContain(`::warning title=dhash-rollout dry-run%3A ${step.step} not planned::`);
      } else {
        expect(['planned', 'skipped', 'failed']).toContain(step.status);
      }
    }
    expect(JSON.parse(ran.outputs.plan)).toEqual(manifest.steps);
    expect(ran.outputs.result).toBe(manifest.result);
    expect(ran.code).toBe(manifest.result === 'planned' ? 0 : 1);
    expect(ran.summary).toContain('## dhash-rollout dry-run for `staging`');
    expect(ran.summary).toMatch(/\| step \| status \| detail \|/);
  });

  test('bundle stages manifest, validation report, resolved config and logs, with secrets redacted', async () => {
    const ws = workspace();
    const secret = 'https://hooks.slack.com/services/T000/B000/SuperSecretHookValue';
    await run({ command: 'dry-run', environment: 'production' }, { SLACK_WEBHOOK_URL: secret }, ws);
    writeFileSync(join(ws, 'monitor_logs', 'stray.log'), `{"message":"posting to ${secret}"}\n`);
    const ran = await run(
      {
        command: 'bundle',
        environment: 'production',
        upload: 'false',
        'bundle-name': 'dhash-premerge-production-Linux',
      },
      { SLACK_WEBHOOK_URL: secret, RUNNER_TEMP: ws },
      ws,
    );
    expect(ran.code).toBe(0);
    expect(ran.outputs).toMatchObject({
      result: 'staged',
      'artifact-name': 'dhash-premerge-production-Linux',
    });
    const dir = ran.outputs['bundle-dir'];
    for (const f of [
      'deployment-manifest_production.json',
      'validation-report_production.json',
      'resolved-config_production.json',
      'logs/stray.log',
    ])
      expect([f, existsSync(join(dir, f))]).toEqual([f, true]);
    expect(readFileSync(join(dir, 'logs', 'stray.log'), 'utf8')).not.toContain('SuperSecretHookValue');
    expect(readFileSync(join(dir, 'resolved-config_production.json'), 'utf8')).toContain('"p95_hash_time"');
    expect(ran.summary).toContain('| validation-report_production.json | validation-report |');
    const badRetention = await run(
      { command: 'bundle', environment: 'production', upload: 'false', 'retention-days': '365' },
      {},
      ws,
    );
    expect(badRetention.stdout).toContain(
      'input "retention-days": expected an integer from 1 to 90, got "365"',
    );
  });

  test('premerge-report renders every leg, the deploy and rollback commands, and upserts one PR comment', async () => {
    const ws = workspace();
    for (const [env, os] of [
      ['staging', 'Linux'],
      ['production', 'Windows'],
    ]) {
      await run({ command: 'dry-run', environment: env }, { RUNNER_OS: os }, ws);
      const bundle = await run(
        {
          command: 'bundle',
          environment: env,
          upload: 'false',
          'bundle-name': `dhash-premerge-${env}-${os}`,
        },
        { RUNNER_OS: os, RUNNER_TEMP: join(ws, 'downloads') },
        ws,
      );
      expect(bundle.code).toBe(0);
    }
    const event = eventFile({ pull_request: { number: 12, head: { sha: 'd'.repeat(40) } } });
    const inputs = {
      command: 'premerge-report',
      'bundles-dir': join(ws, 'downloads', 'bundles'),
      release: 'releases/2.0.0',
      'job-results': JSON.stringify({
        validate: { result: 'success', outputs: {} },
        'dry-run': { result: 'failure', outputs: {} },
      }),
    };
    const first = await run(inputs, { GITHUB_EVENT_PATH: event }, ws);
    expect(first.outputs.legs).toBe('2');
    expect(first.outputs['comment-url']).toMatch(/^https:\/\/github\.test\/c\/\d+$/);
    expect(first.summary).toMatch(/\| production \| Windows \| .* \|/);
    expect(first.summary).toMatch(/\| staging \| Linux \| .* \|/);
    expect(first.summary).toContain(
      `gh workflow run deploy.yml -f environment=production -f release=releases/2.0.0 -f version=${'d'.repeat(12)}`,
    );
    expect(first.summary).toContain(
      "gh workflow run rollback.yml -f environment=staging -f backup=latest -f reason='<why>'",
    );
    expect(first.summary).toContain('| dry-run | ❌ failure |');
    expect(first.outputs.result).toBe('not_ready');
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body.startsWith('<!-- dhash-rollout:premerge -->')).toBe(true);

    const second = await run(inputs, { GITHUB_EVENT_PATH: event }, ws);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    expect(api.comments).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    // A comment carrying the marker but written by someone else is never taken for ours.
    api.comments[0].author = 'mallory';
    const third = await run(inputs, { GITHUB_EVENT_PATH: event }, ws);
    expect(third.outputs['comment-url']).not.toBe(first.outputs['comment-url']);
    expect(api.comments).toHaveLength(2);
    expect(api.comments[0].body.startsWith('<!-- dhash-rollout:premerge -->')).toBe(true);

    // A fork's pull request: the comment write is refused (403); the summary is the report and
    // only the report's own verdict decides the step.
    api.refuseCommentWrites = true;
    api.comments.length = 0;
    const fork = await run(inputs, { GITHUB_EVENT_PATH: event }, ws);
    expect(fork.stdout).not.toContain('::error::GitHub API');
    expect(fork.summary).toContain('The pull request comment could not be written');
    expect(fork.stdout).toContain('premerge is not ready'); // dry-run failed in this scenario
    expect(fork.outputs.result).toBe('not_ready');
  });
});

/** Inputs the runner gives a JavaScript action: each declared default, then the step's with:. */
function runnerInputs(action: YamlFile, withInputs: Record<string, string>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries<any>(action.doc.inputs ?? {}))
    if (spec.default !== undefined && !String(spec.default).includes('${{'))
      inputs[name] = String(spec.default);
  return { ...inputs, ...withInputs };
}

describe('JavaScript sub-actions', () => {
  test.each(['backup', 'deploy', 'monitor', 'rollback', 'notify'])(
    '%s runs its own command from the one dist/ by default',
    async (name) => {
      const action = actionFiles().find((a) => a.name === `actions/${name}/action.yml`)!;
      const ws = workspace();
      const ran = await runAction(
        runnerInputs(action, { environment: 'staging', 'dry-run': 'true', message: 'hello', release: 'rel' }),
        { entry: ENTRY, env: runnerEnv(), cwd: ws },
      );
      // The pinned command reached the dispatcher: either it ran, or this build does not have it yet.
      if (ran.outputs.result === 'error' && /input "command": expected one of/.test(ran.stdout)) {
        expect(ran.stdout).toContain(`got "${name}"`);
      } else {
        expect(ran.stdout).not.toContain('input "command"');
        expect((ran.outputs as Partial<Record<string, string>>).environment ?? 'staging').toBe('staging');
      }
    },
  );
});

describe('the composite dry-run action, run step by step as the runner does', () => {
  test('validate then dry-run, outputs mapped from the steps', async () => {
    // Lay out the action as a runner checks it out: <root>/actions/dry-run and <root>/dist.
    const root = mkdtempSync(join(tmpdir(), 'dhash-action-root-'));
    mkdirSync(join(root, 'actions', 'dry-run'), { recursive: true });
    cpSync(DIST, join(root, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    copyFileSync(join(ROOT, 'quality-gates-config.json'), join(root, 'quality-gates-config.json'));
    const action = actionFiles().find((a) => a.name === 'actions/dry-run/action.yml')!;
    copyFileSync(action.path, join(root, 'actions', 'dry-run', 'action.yml'));

    const ws = workspace();
    const inputs: Partial<Record<string, string>> = runnerInputs(action, {
      environment: 'staging',
      config: 'quality-gates-config.json',
    });
    const stepOutputs: Partial<Record<string, Record<string, string>>> = {};
    const expr = (text: string): string =>
      text.replace(
        /\$\{\{\s*(inputs|steps)\.([\w-]+)(?:\.outputs\.([\w-]+))?\s*\}\}/g,
        (_m, ctx: string, a: string, b?: string) =>
          ctx === 'inputs' ? (inputs[a] ?? '') : (stepOutputs[a]?.[b!] ?? ''),
      );
    const summaries: string[] = [];
    let failedAt: string | null = null;
    for (const step of action.doc.runs.steps) {
      const dir = mkdtempSync(join(tmpdir(), 'dhash-step-'));
      writeFileSync(join(dir, 'out'), '');
      writeFileSync(join(dir, 'summary'), '');
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...runnerEnv(),
        GITHUB_WORKSPACE: ws,
        GITHUB_ACTION_PATH: join(root, 'actions', 'dry-run'),
        GITHUB_OUTPUT: join(dir, 'out'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        RUNNER_OS: 'Linux',
      };
      for (const [k, v] of Object.entries<string>(step.env ?? {})) env[k] = expr(v);
      const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
        cwd: ws,
        env,
        encoding: 'utf8',
      });
      if (step.id) stepOutputs[step.id] = parseGithubOutput(readFileSync(join(dir, 'out'), 'utf8'));
      summaries.push(readFileSync(join(dir, 'summary'), 'utf8'));
      if (ran.status !== 0) {
        failedAt = step.id ?? step.name;
        break;
      }
    }
    const outputs = Object.fromEntries(
      Object.entries<any>(action.doc.outputs).map(([k, v]) => [k, expr(v.value)]),
    );
    expect(stepOutputs.validate?.result).toBe('valid');
    expect(JSON.parse(outputs['effective-config']).monitoring).toBeDefined();
    expect(summaries.join('\n')).toContain('config valid for `staging`');
    expect(outputs.environment).toBe('staging');
    expect(outputs['manifest-path']).toBe(join(ws, 'monitor_logs', 'deployment-manifest_staging.json'));
    expect(JSON.parse(outputs.plan).map((s: any) => s.step)).toEqual([
      'backup',
      'migrate',
      'deploy',
      'smoke',
      'monitor',
    ]);
    expect(summaries.join('\n')).toContain('## dhash-rollout dry-run for `staging`');
    // The composite fails exactly when the plan is not complete.
    expect(failedAt).toBe(outputs.result === 'planned' ? null : 'dry-run');
  });
});
