import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { condition, interpolate, stringify, type Contexts } from './expressions.js';
import { replayJob, type JobReplay, type ReplayOptions } from './runner.js';

/**
 * Replays a whole workflow the way GitHub schedules it: jobs in `needs` order, a job's `if:`
 * against the results of the jobs it needs (default success(): skipped when one of them did not
 * succeed), a matrix as one replayed leg per combination, job outputs into `needs`, and a job that
 * `uses:` a reusable workflow of this repository replayed as that workflow with the job's `with:`
 * and `secrets:`, its `on.workflow_call.outputs` becoming the job's outputs. Every leg runs on
 * this machine: a matrix `runs-on: macos-latest` leg reports runner.os macOS, but its steps run here.
 */
export interface JobResult {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** One per matrix leg (one for a plain job; none when skipped; the callee's jobs for a reusable call). */
  legs: JobReplay[];
  /** A reusable workflow's own jobs. */
  called?: WorkflowReplay;
  runsOn?: unknown;
  environment?: unknown;
}

export interface WorkflowReplay {
  jobs: Record<string, JobResult>;
  outputs: Record<string, string>;
}

export type WorkflowOptions = Omit<ReplayOptions, 'job' | 'matrix' | 'needs' | 'runnerOs' | 'workflow'> & {
  workflow: string;
  /** The repository whose ./.github/workflows/… a `uses:` job calls. */
  repository: string;
  /** Per job id: extra options for its replay (runner variables, fakes, base env). */
  perJob?: (job: string, matrix: Record<string, unknown>) => Partial<ReplayOptions>;
  /** Jobs not to run (recorded as skipped), to replay part of a workflow. */
  only?: string[];
};

const RUNNER_OS: Array<[RegExp, string]> = [
  [/^macos/i, 'macOS'],
  [/^windows/i, 'Windows'],
];

function osOf(runsOn: unknown): string {
  const label = Array.isArray(runsOn) ? String(runsOn[0]) : String(runsOn);
  return RUNNER_OS.find(([re]) => re.test(label))?.[1] ?? 'Linux';
}

function legsOf(matrix: Record<string, unknown> | undefined): Array<Record<string, unknown>> {
  let legs: Array<Record<string, unknown>> = [{}];
  for (const [key, values] of Object.entries(matrix ?? {})) {
    if (!Array.isArray(values)) throw new Error(`matrix.${key}: only lists are replayed`);
    legs = legs.flatMap((leg) => values.map((v: unknown) => ({ ...leg, [key]: v })));
  }
  return legs;
}

function order(jobs: Record<string, any>): string[] {
  const done: string[] = [];
  const visit = (id: string, path: string[]): void => {
    if (done.includes(id)) return;
    if (path.includes(id)) throw new Error(`needs cycle: ${[...path, id].join(' → ')}`);
    for (const need of [jobs[id].needs ?? []].flat() as string[]) visit(need, [...path, id]);
    done.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return done;
}

export async function replayWorkflow(options: WorkflowOptions): Promise<WorkflowReplay> {
  const doc = yaml.load(readFileSync(options.workflow, 'utf8')) as any;
  const declared = { ...(doc.on?.workflow_call?.inputs ?? {}), ...(doc.on?.workflow_dispatch?.inputs ?? {}) };
  const inputs: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries<any>(declared))
    inputs[name] = name in options.inputs ? options.inputs[name] : (spec.default ?? '');
  const jobs: Record<string, JobResult> = {};
  for (const id of order(doc.jobs)) {
    const job = doc.jobs[id];
    const needIds = [job.needs ?? []].flat() as string[];
    const needs: Record<string, unknown> = {};
    for (const n of needIds) needs[n] = { result: jobs[n].result, outputs: jobs[n].outputs };
    const contexts: Contexts = {
      inputs,
      vars: options.vars ?? {},
      secrets: options.secrets ?? {},
      github: { repository: 'mobius/dhash', ...options.github },
      needs,
    };
    const status = {
      failed: needIds.some((n) => jobs[n].result === 'failure'),
      cancelled: false,
    };
    // Default if: success() — every needed job succeeded (a skipped one counts as not succeeded).
    const wanted =
      job.if === undefined
        ? needIds.every((n) => jobs[n].result === 'success')
        : condition(job.if, contexts, status) &&
          (/\b(always|failure|cancelled)\s*\(/.test(String(job.if)) ||
            needIds.every((n) => jobs[n].result === 'success'));
    if (!wanted || (options.only && !options.only.includes(id))) {
      jobs[id] = { result: 'skipped', outputs: {}, legs: [] };
      continue;
    }
    if (typeof job.uses === 'string') {
      if (!job.uses.startsWith('./')) throw new Error(`${id}: only local reusable workflows are replayed`);
      const withInputs: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<any>(job.with ?? {}))
        withInputs[k] = interpolate(v, contexts, status);
      const secrets: Record<string, string> = {};
      if (job.secrets === 'inherit') Object.assign(secrets, options.secrets);
      else
        for (const [k, v] of Object.entries<any>(job.secrets ?? {}))
          secrets[k] = stringify(interpolate(v, contexts, status));
      const calleePath = join(options.repository, job.uses);
      const called = await replayWorkflow({
        ...options,
        workflow: calleePath,
        inputs: withInputs,
        secrets,
        only: undefined,
        // The called workflow's file is the job's workflow: job.workflow_* name it.
        jobContext: options.jobContext,
      });
      const failed = Object.values(called.jobs).some((j) => j.result === 'failure');
      jobs[id] = { result: failed ? 'failure' : 'success', outputs: called.outputs, legs: [], called };
      continue;
    }
    const legs: JobReplay[] = [];
    for (const matrix of legsOf(job.strategy?.matrix)) {
      const runsOn = interpolate(job['runs-on'], { ...contexts, matrix }, status);
      const extra = options.perJob?.(id, matrix) ?? {};
      legs.push(
        await replayJob({
          ...options,
          ...extra,
          workflow: options.workflow,
          job: id,
          inputs,
          matrix,
          needs,
          runnerOs: osOf(runsOn),
          fakes: { ...options.fakes, ...extra.fakes },
          runnerEnv: { ...options.runnerEnv, ...extra.runnerEnv },
        }),
      );
    }
    const outputs = legs.at(-1)?.outputs ?? {};
    jobs[id] = {
      result: legs.some((l) => l.result === 'failure') ? 'failure' : 'success',
      outputs,
      legs,
      runsOn: legs.map((l) => l.runsOn),
      environment: interpolate(job.environment, contexts, status),
    };
  }
  const outputs: Record<string, string> = {};
  const jobsContext = Object.fromEntries(
    Object.entries(jobs).map(([k, v]) => [k, { result: v.result, outputs: v.outputs }]),
  );
  for (const [k, spec] of Object.entries<any>(doc.on?.workflow_call?.outputs ?? {}))
    outputs[k] = stringify(interpolate(spec.value, { jobs: jobsContext }));
  return { jobs, outputs };
}
