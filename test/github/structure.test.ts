import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, SUB_ACTIONS, actionFiles, steps, workflowFiles, type YamlFile } from './yaml-files.js';

const workflows = workflowFiles();
const actions = actionFiles();
const rootAction = actions.find((a) => a.name === 'action.yml')!;
const byName = (name: string): YamlFile => workflows.find((w) => w.name === `.github/workflows/${name}`)!;
const OURS = ['premerge.yml', 'pr.yml', 'deploy.yml', 'rollback.yml'];

describe('workflow security', () => {
  const allSteps = [...workflows, ...actions].flatMap(steps);

  test('third-party actions are pinned to a full commit SHA with a version comment', () => {
    const problems: string[] = [];
    for (const file of [...workflows, ...actions]) {
      for (const line of file.text.split('\n')) {
        const m = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m || m[1].startsWith('./')) continue;
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(m[1]) || !/#\s*v\d+(\.\d+){0,2}\s*$/.test(m[2]))
          problems.push(`${file.name}: ${line.trim()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('no ${{ github.event.* }} inside a run: script', () => {
    const bad = allSteps
      .filter(({ step }) => typeof step.run === 'string' && /\$\{\{[^}]*github\.event/.test(step.run))
      .map((s) => s.where);
    expect(bad).toEqual([]);
  });

  test('no pull_request_target trigger', () => {
    for (const file of workflows)
      expect(Object.keys(file.doc.on ?? file.doc[true as unknown as string] ?? {})).not.toContain(
        'pull_request_target',
      );
    for (const file of workflows) expect(file.text).not.toMatch(/pull_request_target/);
  });

  test.each(OURS)('%s: nothing by default at the top, and each job asks for its own permissions', (name) => {
    const file = byName(name);
    expect(file.doc.permissions).toEqual({});
    for (const [job, body] of Object.entries<any>(file.doc.jobs)) {
      expect([job, typeof body.permissions]).toEqual([job, 'object']);
      for (const [scope, level] of Object.entries(body.permissions))
        expect([job, scope, level]).not.toEqual([job, scope, 'write-all']);
    }
  });

  test('write permissions are only where the job writes', () => {
    const writes = OURS.flatMap((name) =>
      Object.entries<any>(byName(name).doc.jobs).flatMap(([job, body]) =>
        Object.entries(body.permissions as Record<string, string>)
          .filter(([, v]) => v === 'write')
          .map(([scope]) => `${name} ${job} ${scope}`),
      ),
    );
    // deploy and rollback write nothing through the API: the job's environment is the run's one
    // GitHub deployment, and GitHub records its outcome.
    expect(writes.sort()).toEqual(['pr.yml premerge pull-requests', 'premerge.yml summary pull-requests']);
  });
});

/** `uses: ./.dhash-rollout[/actions/x]` is this repository checked out by the workflow. */
function localAction(uses: string): YamlFile | null {
  const m = /^\.\/\.dhash-rollout(?:\/(actions\/[\w-]+))?$/.exec(uses);
  if (!m) return null;
  return actions.find((a) => a.name === (m[1] ? `${m[1]}/action.yml` : 'action.yml')) ?? null;
}

describe('workflows use the actions as declared', () => {
  const uses = workflows
    .flatMap(steps)
    .filter(({ step }) => typeof step.uses === 'string' && step.uses.startsWith('./.dhash-rollout'));

  test('every local action a workflow uses exists', () => {
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const { where, step } of uses)
      expect([where, localAction(step.uses) !== null]).toEqual([where, true]);
  });

  test('every with: key is an input the action declares', () => {
    const undeclared: string[] = [];
    for (const { where, step } of uses) {
      const action = localAction(step.uses)!;
      for (const key of Object.keys(step.with ?? {}))
        if (!(key in (action.doc.inputs ?? {})))
          undeclared.push(`${where}: ${action.name} has no input "${key}"`);
    }
    expect(undeclared).toEqual([]);
  });

  test('every command a workflow names is one the action front end knows', async () => {
    const { GITHUB_COMMANDS } = await import('../../src/action/commands/github.js');
    const known = new Set([
      ...Object.keys(GITHUB_COMMANDS),
      'validate',
      'backup',
      'migrate',
      'deploy',
      'smoke',
      'monitor',
      'rollback',
      'notify',
      'rollout',
      'deploy-notify',
      'validate-logging',
    ]);
    for (const { where, step } of uses)
      if (step.with?.command) expect([where, known.has(step.with.command)]).toEqual([where, true]);
  });
});

describe('sub-actions', () => {
  test('all six exist, composite where a step chains commands and JavaScript otherwise', () => {
    for (const name of SUB_ACTIONS) {
      const action = actions.find((a) => a.name === `actions/${name}/action.yml`);
      expect(action?.doc.runs.using).toBe(name === 'dry-run' ? 'composite' : 'node24');
    }
  });

  test.each(SUB_ACTIONS.filter((n) => n !== 'dry-run'))(
    '%s runs the one dist/ with its command pinned by default',
    (name) => {
      const action = actions.find((a) => a.name === `actions/${name}/action.yml`)!;
      expect(resolve(ROOT, 'actions', name, action.doc.runs.main)).toBe(join(ROOT, 'dist', 'index.js'));
      expect(action.doc.inputs.command.default).toBe(name);
      for (const input of Object.keys(action.doc.inputs))
        expect([input, input in rootAction.doc.inputs]).toEqual([input, true]);
      for (const output of Object.keys(action.doc.outputs))
        expect([output, output in rootAction.doc.outputs]).toEqual([output, true]);
    },
  );

  test.each(actions.map((a) => [a.name, a] as const))(
    '%s: every input and output has a description',
    (_name, action) => {
      for (const [name, input] of Object.entries<any>(action.doc.inputs ?? {}))
        expect([name, typeof input.description, input.description.length > 10]).toEqual([
          name,
          'string',
          true,
        ]);
      for (const [name, output] of Object.entries<any>(action.doc.outputs ?? {}))
        expect([name, typeof output.description, output.description.length > 10]).toEqual([
          name,
          'string',
          true,
        ]);
    },
  );

  test('the composite dry-run: its steps reference its own inputs, the one dist/ and root-action input names', () => {
    const action = actions.find((a) => a.name === 'actions/dry-run/action.yml')!;
    const declared = new Set(Object.keys(action.doc.inputs));
    const referenced = [...action.text.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(5);
    for (const name of referenced) expect([name, declared.has(name)]).toEqual([name, true]);
    for (const step of action.doc.runs.steps.filter((s: any) => s.id)) {
      // The launcher joins GITHUB_ACTION_PATH with ../../dist/index.js.
      expect(step.run).toContain('join(process.env.GITHUB_ACTION_PATH, "..", "..", "dist", "index.js")');
      expect(existsSync(resolve(ROOT, 'actions', 'dry-run', '..', '..', 'dist', 'index.js'))).toBe(true);
      for (const key of Object.keys(step.env)) {
        const input = key
          .replace(/^DHASH_INPUT_/, '')
          .toLowerCase()
          .replace(/_/g, '-');
        expect([key, input in rootAction.doc.inputs]).toEqual([key, true]);
      }
    }
    for (const [name, output] of Object.entries<any>(action.doc.outputs)) {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value);
      expect([name, m !== null && action.doc.runs.steps.some((s: any) => s.id === m[1])]).toEqual([
        name,
        true,
      ]);
    }
  });
});

describe('the premerge, deploy and rollback workflows', () => {
  test('premerge is reusable with typed inputs, and this repository calls it on its pull requests and reviews', () => {
    const premerge = byName('premerge.yml').doc;
    const inputs = premerge.on.workflow_call.inputs;
    expect(inputs.release).toMatchObject({ type: 'string', required: true });
    expect(inputs.config.type).toBe('string');
    expect(inputs['node-version'].type).toBe('string');
    expect(inputs['ops-approvers'].type).toBe('string');
    expect(inputs['required-approvals']).toMatchObject({ type: 'number', default: 2 });
    const pr = byName('pr.yml').doc;
    expect(Object.keys(pr.on).sort()).toEqual(['pull_request', 'pull_request_review']);
    expect(pr.jobs.premerge.uses).toBe('./.github/workflows/premerge.yml');
  });

  test('premerge: Ops approvers required, a 3 OS rehearsal matrix without fail-fast, bundle, summary, an Ops gate, and ready behind both', () => {
    const premerge = byName('premerge.yml').doc;
    expect(premerge.on.workflow_call.inputs['ops-approvers'].required).toBe(true);
    const jobs = premerge.jobs;
    expect(Object.keys(jobs)).toEqual(['validate', 'rehearse', 'summary', 'ops-approval', 'ready']);
    expect(jobs.validate.steps[0].run).toContain('exit 2');
    expect(jobs.rehearse.strategy['fail-fast']).toBe(false);
    expect(jobs.rehearse.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(jobs.rehearse.steps.find((s: any) => s.id === 'rehearse').with.command).toBe('rehearse');
    const bundle = jobs.rehearse.steps.find((s: any) => s.with?.command === 'bundle');
    expect(bundle.with['bundle-name']).toContain('${{ runner.os }}');
    expect(bundle.with['retention-days']).toBe('${{ inputs.retention-days }}');
    expect(jobs['ops-approval'].environment).toBe('${{ inputs.approval-environment }}');
    expect(jobs['ops-approval'].steps.at(-1).with.command).toBe('review-check');
    expect(jobs.summary.steps.at(-1).with.command).toBe('premerge-report');
    expect(jobs.ready.needs).toEqual(['summary', 'ops-approval']);
    expect(premerge.on.workflow_call.outputs.ready.value).toBe('${{ jobs.ready.outputs.ready }}');
    for (const [name, job] of Object.entries<any>(jobs))
      expect([name, typeof job['timeout-minutes']]).toEqual([name, 'number']);
  });

  test('deploy: the target host runner, one rollout step, never cancelled, its own group apart from rollback', () => {
    const deploy = byName('deploy.yml').doc;
    expect(deploy.concurrency).toEqual({
      group: 'dhash-deploy-${{ inputs.environment }}',
      'cancel-in-progress': false,
    });
    const job = deploy.jobs.rollout;
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(job['runs-on']).toContain('vars.DHASH_RUNNERS');
    const commands = job.steps
      .filter((s: any) => s.uses?.startsWith('./.dhash-rollout'))
      .map((s: any) => s.with.command);
    expect(commands).toEqual(['rollout']);
    const toolkit = job.steps.find((s: any) => s.with?.path === '.dhash-rollout');
    expect(toolkit.with.ref).toBe('${{ inputs.toolkit-ref || job.workflow_sha }}');
    expect(toolkit.with.repository).toBe('${{ inputs.toolkit-repository || job.workflow_repository }}');
  });

  test('rollback: dispatch (environment, backup latest or a name, reason) and call; the target host; its own concurrency group', () => {
    const rollback = byName('rollback.yml').doc;
    const dispatch = rollback.on.workflow_dispatch.inputs;
    expect(dispatch.environment.type).toBe('environment');
    expect(dispatch.backup.default).toBe('latest');
    expect(dispatch.reason.required).toBe(true);
    expect(rollback.on.workflow_call.inputs.reason.required).toBe(true);
    expect(rollback.concurrency.group).toBe('dhash-rollback-${{ inputs.environment }}');
    expect(rollback.concurrency.group).not.toBe(byName('deploy.yml').doc.concurrency.group);
    const job = rollback.jobs.rollback;
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(job['runs-on']).toBe(byName('deploy.yml').doc.jobs.rollout['runs-on']);
    const ours = job.steps.filter((s: any) => s.uses?.startsWith('./.dhash-rollout'));
    expect(ours.map((s: any) => s.uses)).toEqual(['./.dhash-rollout/actions/rollback']);
    expect(ours[0].with.reason).toBe('${{ inputs.reason }}');
  });
});
