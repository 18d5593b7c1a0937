import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { markdownResultsTable, RESULTS } from '../../src/action/results.js';
import { premergeReportCommand } from '../../src/commands/premerge-report.js';
import { ROOT, actionFiles, workflowFiles } from './yaml-files.js';

// Every hand-off a person copies: the caller blocks and `gh workflow run` lines of the README and
// docs/github.md, and the commands the premerge PR comment prints, are parsed and checked against
// the inputs the workflows and actions really declare. Plus the one `result` vocabulary.
const DOCS = ['README.md', 'docs/github.md'].map((name) => ({
  name,
  text: readFileSync(join(ROOT, name), 'utf8'),
}));
const workflows = new Map(workflowFiles().map((w) => [w.name.replace('.github/workflows/', ''), w.doc]));
const actions = new Map(actionFiles().map((a) => [a.name, a.doc]));

function yamlBlocks(text: string): Array<{ header: string; doc: any; raw: string }> {
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => ({
    raw: m[1],
    header: /^#\s*(\.github\/workflows\/[\w.-]+)/.exec(m[1])?.[1] ?? '',
    doc: yaml.load(m[1]),
  }));
}

/** `# .github/workflows/<file>` caller blocks, by file name: the workflows a `gh workflow run` names. */
const callers = new Map<string, any>();
for (const d of DOCS)
  for (const block of yamlBlocks(d.text))
    if (block.header) callers.set(block.header.replace('.github/workflows/', ''), block.doc);

function reusableFile(uses: string): string | null {
  return /^mobius\/dhash-rollout\/\.github\/workflows\/([\w.-]+)@v1$/.exec(uses)?.[1] ?? null;
}

describe('caller blocks', () => {
  const blocks = DOCS.flatMap((d) =>
    yamlBlocks(d.text).map((b, i) => ({ where: `${d.name} yaml block ${i + 1}`, ...b })),
  );

  test('every reusable-workflow caller is a complete workflow whose with: and secrets: match the inputs', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { where, doc } of blocks) {
      for (const [jobName, job] of Object.entries<any>(doc?.jobs ?? {})) {
        const file = typeof job.uses === 'string' ? reusableFile(job.uses) : null;
        if (!file) continue;
        checked++;
        const called = workflows.get(file);
        if (!called) {
          problems.push(`${where}: ${file} is not a workflow of this repository`);
          continue;
        }
        if (!doc.on) problems.push(`${where}: no on: (not a workflow that can run)`);
        if (!doc.permissions) problems.push(`${where}: no top-level permissions`);
        const inputs = called.on.workflow_call.inputs as Record<string, any>;
        for (const key of Object.keys(job.with ?? {}))
          if (!(key in inputs)) problems.push(`${where} ${jobName}: ${file} has no input "${key}"`);
        for (const [key, spec] of Object.entries(inputs))
          if (spec.required && !(key in (job.with ?? {})))
            problems.push(`${where} ${jobName}: required input "${key}" of ${file} is missing`);
        if (job.secrets !== 'inherit')
          for (const key of Object.keys(job.secrets ?? {}))
            if (!(key in (called.on.workflow_call.secrets ?? {})))
              problems.push(`${where} ${jobName}: ${file} has no secret "${key}"`);
        // ${{ inputs.x }} in a caller must be an input the caller itself declares.
        const own = doc.on?.workflow_dispatch?.inputs ?? {};
        for (const value of Object.values<any>(job.with ?? {}))
          for (const m of String(value).matchAll(/inputs\.([\w-]+)/g))
            if (!(m[1] in own))
              problems.push(`${where} ${jobName}: uses inputs.${m[1]} the caller does not declare`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  test('every action step (uses: mobius/dhash-rollout[/actions/x]@v1) passes only declared inputs, and every required one', () => {
    const problems: string[] = [];
    for (const { where, doc } of blocks) {
      const steps = Array.isArray(doc)
        ? doc
        : Object.values<any>(doc?.jobs ?? {}).flatMap((j) => j.steps ?? []);
      for (const step of steps) {
        const m = /^mobius\/dhash-rollout(?:\/(actions\/[\w-]+))?@v1$/.exec(step?.uses ?? '');
        if (!m) continue;
        const action = actions.get(m[1] ? `${m[1]}/action.yml` : 'action.yml')!;
        for (const key of Object.keys(step.with ?? {}))
          if (!(key in action.inputs)) problems.push(`${where}: ${step.uses} has no input "${key}"`);
        for (const [key, spec] of Object.entries<any>(action.inputs))
          if (spec.required && !(key in (step.with ?? {})))
            problems.push(`${where}: ${step.uses} needs "${key}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the deploy and rollback workflows the PR comment names by default have documented callers', () => {
    const inputs = workflows.get('premerge.yml')!.on.workflow_call.inputs;
    expect(callers.has(inputs['deploy-workflow'].default)).toBe(true);
    expect(callers.has(inputs['rollback-workflow'].default)).toBe(true);
  });
});

/** Checks a `gh workflow run <file> -f k=v ...` line against the dispatch inputs of <file>. */
function checkGhCommand(line: string, where: string): string[] {
  const m = /gh workflow run (\S+)((?: -f [\w-]+=(?:'[^']*'|\S+))*)/.exec(line);
  if (!m) return [`${where}: cannot parse "${line}"`];
  const file = m[1];
  const given = [...m[2].matchAll(/-f ([\w-]+)=/g)].map((f) => f[1]);
  // The caller block documented for that file; this repository's own workflow of that name as well.
  const targets = [callers.get(file), workflows.get(file)].filter(Boolean);
  if (targets.length === 0) return [`${where}: no workflow or documented caller named ${file}`];
  const problems: string[] = [];
  for (const doc of targets) {
    const inputs = doc.on?.workflow_dispatch?.inputs;
    if (!inputs) {
      problems.push(`${where}: ${file} cannot be dispatched (no workflow_dispatch)`);
      continue;
    }
    for (const key of given)
      if (!(key in inputs)) problems.push(`${where}: ${file} has no dispatch input "${key}"`);
    for (const [key, spec] of Object.entries<any>(inputs))
      if (spec.required && !given.includes(key)) problems.push(`${where}: ${file} needs -f ${key}=…`);
  }
  return problems;
}

describe('gh workflow run commands', () => {
  test('the commands in the README and docs/github.md', () => {
    const lines = DOCS.flatMap((d) =>
      d.text
        .split('\n')
        .filter((l) => l.includes('gh workflow run '))
        .map((l) => ({ where: d.name, line: l.slice(l.indexOf('gh workflow run ')) })),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.flatMap(({ where, line }) => checkGhCommand(line, where))).toEqual([]);
  });

  test('the commands the premerge PR comment prints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-handoff-'));
    mkdirSync(join(dir, 'dhash-premerge-Linux-attempt1', 'logs'), { recursive: true });
    writeFileSync(
      join(dir, 'dhash-premerge-Linux-attempt1', 'logs', 'rehearsal_production.json'),
      JSON.stringify({
        result: 'passed',
        environment: 'production',
        release: '2.0.0',
        previousRelease: '1.0.0',
        runner: { os: 'linux', runner_os: 'Linux' },
        stages: [{ stage: 'rollout', status: 'passed', detail: 'passed' }],
      }),
    );
    const inputs = workflows.get('premerge.yml')!.on.workflow_call.inputs;
    const report = premergeReportCommand({
      bundlesDir: dir,
      deployWorkflow: inputs['deploy-workflow'].default,
      rollbackWorkflow: inputs['rollback-workflow'].default,
      release: 'build/release',
      sha: 'a'.repeat(40),
      jobResults: { validate: 'success', rehearse: 'success' },
    });
    expect(report.ok).toBe(true);
    const commands = report.markdown.split('\n').filter((l) => l.startsWith('gh workflow run '));
    expect(commands).toHaveLength(2);
    expect(commands.flatMap((line) => checkGhCommand(line, 'PR comment'))).toEqual([]);
  });
});

describe('one result vocabulary', () => {
  test('docs/github.md (Results) lists exactly the vocabulary', () => {
    expect(DOCS[1].text).toContain(markdownResultsTable());
  });

  test("every action's result output names exactly the vocabulary", () => {
    for (const [name, doc] of actions) {
      const listed = /: ([\w, ]+)\.$/.exec(doc.outputs.result.description)?.[1]?.split(', ');
      expect([name, listed]).toEqual([name, Object.keys(RESULTS)]);
    }
  });

  test('every result value the action commands set is in the vocabulary', () => {
    const dir = join(ROOT, 'src', 'action', 'commands');
    const found = new Set<string>();
    for (const file of [
      'backup',
      'bundle',
      'deploy',
      'dry-run',
      'migrate',
      'monitor',
      'notify',
      'premerge-report',
      'rehearse',
      'review-check',
      'rollback',
      'rollout',
      'validate',
    ])
      for (const line of readFileSync(join(dir, `${file}.ts`), 'utf8').split('\n'))
        if (/\bresult: /.test(line)) for (const m of line.matchAll(/'([a-z_]+)'/g)) found.add(m[1]);
    found.delete('dry_run'); // compared, never output: it is mapped to planned
    expect([...found].filter((v) => !(v in RESULTS))).toEqual([]);
    expect(found.size).toBeGreaterThan(10);
  });

  test('the workflows describe their result with vocabulary words only', () => {
    for (const file of ['deploy.yml', 'rollback.yml']) {
      const description: string = workflows.get(file)!.on.workflow_call.outputs.result.description;
      const words = /: ([\w, or]+) \(/.exec(description)![1].split(/, | or /);
      expect([file, words.filter((w) => !(w in RESULTS))]).toEqual([file, []]);
    }
  });
});
