import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { condition, interpolate, stringify, type Contexts } from './expressions.js';

/**
 * Replays one job of a workflow the way the runner runs it, step by step, on this machine:
 * `if:` conditions with the job status, `run:` steps with bash, the project's own actions with
 * INPUT_* (declared defaults, then `with:`), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV
 * files, step outputs into `steps.<id>.outputs`, job outputs. Third-party actions are replaced by
 * the named fakes a test passes; an action without one fails the replay.
 */
export interface StepRecord {
  name: string;
  ran: boolean;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  log: string;
}

export interface JobReplay {
  runsOn: unknown;
  steps: StepRecord[];
  outputs: Record<string, string>;
  result: 'success' | 'failure';
  summary: string;
  env: Record<string, string>;
}

export type Fake = (ctx: {
  with: Partial<Record<string, string>>;
  workspace: string;
  env: NodeJS.ProcessEnv;
}) => void | Promise<void>;

export interface ReplayOptions {
  workflow: string;
  job: string;
  /** Values for the workflow's inputs; declared defaults fill the rest. */
  inputs: Record<string, unknown>;
  /** `uses:` prefix (before @) → fake, e.g. actions/checkout. */
  fakes: Partial<Record<string, Fake>>;
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  /** github.* values, and the job context (job.workflow_repository, job.workflow_sha, …). */
  github?: Record<string, unknown>;
  jobContext?: Record<string, unknown>;
  matrix?: Record<string, unknown>;
  needs?: Record<string, unknown>;
  workspace?: string;
  /** Environment every step sees (PATH, HOME, …). */
  baseEnv?: NodeJS.ProcessEnv;
  /** Variables the runner adds for this job (GITHUB_API_URL, ACTIONS_RESULTS_URL, …). */
  runnerEnv?: Record<string, string>;
  /** The triggering event: github.event_name, github.event and GITHUB_EVENT_PATH. */
  event?: { name: string; payload: Record<string, unknown> };
  /** runner.os / RUNNER_OS; default Linux. The steps still run on this machine. */
  runnerOs?: string;
  /**
   * `run:` steps replaced by a named fake, by step name: only for steps whose real run this
   * machine cannot afford per test (npm ci and a full build of the toolkit); the fake does the
   * same job another way or checks its result is already there.
   */
  stepFakes?: Record<string, Fake>;
}

function parseFileCommands(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join('\n');
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

function exec(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? 1, log });
    });
  });
}

export async function replayJob(options: ReplayOptions): Promise<JobReplay> {
  const doc = yaml.load(readFileSync(options.workflow, 'utf8')) as any;
  const job = doc.jobs[options.job];
  if (!job) throw new Error(`${options.workflow} has no job ${options.job}`);
  const declared = { ...(doc.on?.workflow_call?.inputs ?? {}), ...(doc.on?.workflow_dispatch?.inputs ?? {}) };
  const inputs: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries<any>(declared)) {
    if (name in options.inputs) inputs[name] = options.inputs[name];
    else if (spec.required) throw new Error(`input ${name} is required by ${options.workflow}`);
    else inputs[name] = spec.default ?? '';
  }
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'dhash-replay-ws-'));
  const temp = mkdtempSync(join(tmpdir(), 'dhash-replay-tmp-'));
  const runnerOs = options.runnerOs ?? 'Linux';
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}));
  const contexts: Contexts = {
    inputs,
    vars: options.vars ?? {},
    secrets: options.secrets ?? {},
    github: {
      workspace,
      sha: 'f'.repeat(40),
      repository: 'mobius/dhash',
      run_id: '1',
      run_attempt: '1',
      token: 'replay-token',
      event_name: options.event?.name ?? 'workflow_dispatch',
      event: options.event?.payload ?? {},
      ...options.github,
    },
    job: { status: 'success', ...options.jobContext },
    runner: { os: runnerOs, temp },
    matrix: options.matrix ?? {},
    needs: options.needs ?? {},
    steps: {},
    env: {},
  };
  const status = { failed: false, cancelled: false };
  const runsOn = interpolate(job['runs-on'], contexts, status);
  const jobEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries<any>(job.env ?? {}))
    jobEnv[k] = stringify(interpolate(v, contexts, status));
  contexts.env = jobEnv;
  const summaryPath = join(temp, 'summary.md');
  writeFileSync(summaryPath, '');
  const steps: StepRecord[] = [];

  for (const [index, step] of (job.steps as any[]).entries()) {
    const name = step.name ?? step.id ?? step.uses ?? `step ${index + 1}`;
    (contexts.job as any).status = status.failed ? 'failure' : 'success';
    if (!condition(step.if, contexts, status)) {
      steps.push({ name, ran: false, outcome: 'skipped', outputs: {}, log: '' });
      continue;
    }
    const stepEnv: Record<string, string> = { ...jobEnv };
    for (const [k, v] of Object.entries<any>(step.env ?? {}))
      stepEnv[k] = stringify(interpolate(v, contexts, status));
    const withInputs: Record<string, string> = {};
    for (const [k, v] of Object.entries<any>(step.with ?? {}))
      withInputs[k] = stringify(interpolate(v, contexts, status));
    const outputFile = join(temp, `output-${index}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...(options.baseEnv ?? { PATH: process.env.PATH, HOME: process.env.HOME }),
      ...stepEnv,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_ENV: join(temp, 'env'),
      RUNNER_TEMP: temp,
      RUNNER_OS: runnerOs,
      GITHUB_JOB: options.job,
      GITHUB_EVENT_NAME: stringify((contexts.github as any).event_name),
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: stringify((contexts.github as any).repository),
      GITHUB_SHA: stringify((contexts.github as any).sha),
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.test',
      ...options.runnerEnv,
    };
    let code = 0;
    let log = '';
    const stepFake = options.stepFakes?.[name];
    if (stepFake) {
      try {
        await stepFake({ with: withInputs, workspace, env });
      } catch (error) {
        code = 1;
        log = String(error);
      }
    } else if (typeof step.run === 'string') {
      const script = stringify(interpolate(step.run, contexts, status));
      ({ code, log } = await exec(
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
        env,
        join(workspace, step['working-directory'] ?? '.'),
      ));
    } else if (typeof step.uses === 'string' && step.uses.startsWith('./')) {
      const dir = join(workspace, step.uses);
      const action = yaml.load(readFileSync(join(dir, 'action.yml'), 'utf8')) as any;
      if (!String(action.runs.using).startsWith('node'))
        throw new Error(`${step.uses}: only JavaScript actions are replayed`);
      for (const [input, spec] of Object.entries<any>(action.inputs ?? {})) {
        const given =
          input in withInputs
            ? withInputs[input]
            : spec.default === undefined
              ? ''
              : stringify(interpolate(spec.default, contexts, status));
        env[`INPUT_${input.toUpperCase().replace(/ /g, '_')}`] = given;
      }
      ({ code, log } = await exec(process.execPath, [join(dir, action.runs.main)], env, workspace));
    } else if (typeof step.uses === 'string') {
      const key = step.uses.split('@')[0]!;
      const fake = options.fakes[key];
      if (!fake) throw new Error(`no fake for ${step.uses}`);
      try {
        await fake({ with: withInputs, workspace, env });
      } catch (error) {
        code = 1;
        log = String(error);
      }
    }
    const outputs = parseFileCommands(outputFile);
    // Variables a step wrote to GITHUB_ENV reach the steps after it (and the env context).
    Object.assign(jobEnv, parseFileCommands(join(temp, 'env')));
    if (step.id)
      (contexts.steps as any)[step.id] = {
        outputs,
        outcome: code === 0 ? 'success' : 'failure',
        conclusion: code === 0 ? 'success' : 'failure',
      };
    if (code !== 0) status.failed = true;
    steps.push({ name, ran: true, outcome: code === 0 ? 'success' : 'failure', outputs, log });
  }
  const outputs: Record<string, string> = {};
  // Job outputs are strings on GitHub (a `true` expression arrives in needs as "true").
  for (const [k, v] of Object.entries<any>(job.outputs ?? {}))
    outputs[k] = stringify(interpolate(v, contexts, status));
  return {
    runsOn,
    steps,
    outputs,
    result: status.failed ? 'failure' : 'success',
    summary: readFileSync(summaryPath, 'utf8'),
    env: jobEnv,
  };
}

/** actions/checkout, faked: the caller's files, or the toolkit (this repository with a built dist/) at `path`. */
export function checkoutFake(callerFiles: string, toolkit: string): Fake {
  return ({ with: w, workspace }) => {
    if (w.path) cpSync(toolkit, join(workspace, w.path), { recursive: true, dereference: true });
    else cpSync(callerFiles, workspace, { recursive: true });
  };
}

/** A toolkit checkout: action.yml, actions/ and a dist/ built from these sources. */
export function toolkitDir(root: string, dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-replay-toolkit-'));
  // As the runner checks the action out: the bundle finds its package root by package.json.
  for (const file of ['action.yml', 'package.json', 'quality-gates-config.json'])
    cpSync(join(root, file), join(dir, file));
  cpSync(join(root, 'actions'), join(dir, 'actions'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  return dir;
}
