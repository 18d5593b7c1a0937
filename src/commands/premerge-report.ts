import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GateEvaluation } from '../domain/gates/types.js';
import { legsGateTableMarkdown } from '../report/legs-summary.js';
import { MANIFEST_SCHEMA, type DeploymentManifest } from './dry-run.js';

export interface ManifestEntry {
  /** Where it was found, relative to the searched directory (the artifact it came in). */
  origin: string;
  manifest: DeploymentManifest;
}

/** The part of a rehearsal record (rehearsal_<env>.json, written by `rehearse`) the report reads. */
interface RehearsalRecord {
  result: 'passed' | 'failed';
  environment: string;
  release: string;
  previousRelease: string | null;
  runner?: { os?: string; runner_os?: string | null };
  stages: Array<{ stage: string; status: string; detail: string }>;
}

/** A rehearsal leg read as a manifest: its stages are the steps, with the statuses they ended in (it ran: "passed", never "planned"). */
function rehearsalAsManifest(record: RehearsalRecord): DeploymentManifest {
  if (!Array.isArray(record.stages) || typeof record.environment !== 'string')
    throw new Error('not a rehearsal record (no stages or environment)');
  return {
    schema: MANIFEST_SCHEMA,
    environment: record.environment,
    release: record.release,
    result: record.result === 'passed' ? 'passed' : 'failed',
    runner: { os: record.runner?.os ?? 'unknown', runner_os: record.runner?.runner_os ?? null },
    steps: record.stages.map((s) => ({
      step: s.stage,
      status: s.status,
      detail: s.detail,
      plan: null,
    })),
  } as unknown as DeploymentManifest;
}

export interface ReportOptions {
  /** Directory holding the downloaded premerge bundles. */
  bundlesDir: string;
  /** The caller's workflow files, for the commands shown. */
  deployWorkflow: string;
  /** The release the deploy command names (the deploy workflow's required input). */
  release?: string;
  rollbackWorkflow: string;
  /** The commit the plans were made for. */
  sha?: string;
  runUrl?: string;
  /** Results of the other premerge jobs (validate, dry-run, ops-approval), as GitHub reports them. */
  jobResults: Record<string, string>;
}

export interface PremergeReport {
  entries: ManifestEntry[];
  /** Manifests that could not be read, with why. */
  unreadable: Array<{ origin: string; error: string }>;
  ok: boolean;
  markdown: string;
}

function findManifests(dir: string, root: string, found: string[]): void {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) findManifests(path, root, found);
    else if (/^(deployment-manifest|rehearsal)_.*\.json$/.test(entry)) found.push(path);
  }
}

/** The monitor step's one-shot probe in a leg's manifest, when it probed. */
function probeOf(manifest: DeploymentManifest): GateEvaluation[] | null {
  const plan = manifest.steps.find((s) => s.step === 'monitor')?.plan as {
    probe?: GateEvaluation[] | null;
  } | null;
  return Array.isArray(plan?.probe) ? plan.probe : null;
}

const ICON: Record<string, string> = {
  planned: '✅',
  passed: '✅',
  skipped: '⏭️',
  failed: '❌',
  unavailable: '⚠️',
  incomplete: '⚠️',
  success: '✅',
  failure: '❌',
  cancelled: '⛔',
  skipped_job: '⏭️',
};

function cell(text: string | number | boolean | null | undefined): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** Shell-quotes a value for the copy-paste commands (single quotes survive any content). */
function quote(value: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Every leg's manifest (or rehearsal record) under the bundles directory, sorted; and those unreadable. */
function readLegs(bundlesDir: string): {
  entries: ManifestEntry[];
  unreadable: PremergeReport['unreadable'];
} {
  const paths: string[] = [];
  if (existsSync(bundlesDir)) findManifests(bundlesDir, bundlesDir, paths);
  const entries: ManifestEntry[] = [];
  const unreadable: PremergeReport['unreadable'] = [];
  for (const path of paths) {
    const origin = relative(bundlesDir, path).split(/[\\/]/).join('/');
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as DeploymentManifest & RehearsalRecord;
      const manifest = /(^|[\\/])rehearsal_[^\\/]*\.json$/.test(path) ? rehearsalAsManifest(parsed) : parsed;
      // The file is the user's: its schema is whatever it says until checked.
      const schema: unknown = manifest.schema;
      if (schema !== MANIFEST_SCHEMA)
        throw new Error(`schema is "${String(schema)}", expected "${MANIFEST_SCHEMA}"`);
      entries.push({ origin, manifest });
    } catch (error) {
      unreadable.push({ origin, error: (error as Error).message });
    }
  }
  entries.sort((a, b) =>
    `${a.manifest.environment}/${a.manifest.runner.runner_os ?? a.manifest.runner.os}`.localeCompare(
      `${b.manifest.environment}/${b.manifest.runner.runner_os ?? b.manifest.runner.os}`,
    ),
  );
  return { entries, unreadable };
}

/** The heading, the commit line and the jobs' table. */
function headerSections(options: ReportOptions, ok: boolean): string[] {
  const lines: string[] = [];
  lines.push(`## dhash-rollout premerge: ${ok ? '✅ ready' : '❌ not ready'}`);
  if (options.sha)
    lines.push(
      `Commit \`${options.sha.slice(0, 12)}\`${options.runUrl ? ` · [workflow run](${options.runUrl})` : ''}`,
    );
  if (Object.keys(options.jobResults).length > 0) {
    lines.push(
      [
        '| job | result |',
        '| --- | --- |',
        ...Object.entries(options.jobResults).map(
          ([job, result]) => `| ${cell(job)} | ${ICON[result] ?? ''} ${cell(result)} |`,
        ),
      ].join('\n'),
    );
  }
  return lines;
}

/** One row per leg with each step's status, what needs attention, and the legs' gate probes. */
function legSections(entries: ManifestEntry[]): string[] {
  if (entries.length === 0)
    return ['No rehearsal record or deployment manifest was found: the legs produced no evidence.'];
  const lines: string[] = [];
  const steps = entries[0].manifest.steps.map((s) => s.step);
  const head = `| environment | runner | result | ${steps.join(' | ')} |`;
  const rule = `| --- | --- | --- | ${steps.map(() => '---').join(' | ')} |`;
  const rows = entries.map(({ manifest }) => {
    const byStep = new Map(manifest.steps.map((s) => [s.step, s.status]));
    return `| ${cell(manifest.environment)} | ${cell(manifest.runner.runner_os ?? manifest.runner.os)} | ${ICON[manifest.result] ?? ''} ${manifest.result} | ${steps.map((s) => `${ICON[byStep.get(s) ?? ''] ?? ''} ${byStep.get(s) ?? '—'}`).join(' | ')} |`;
  });
  lines.push([head, rule, ...rows].join('\n'));
  const problems = entries.flatMap(({ manifest }) =>
    manifest.steps
      .filter((s) => s.status === 'failed' || s.status === 'unavailable')
      .map(
        (s) =>
          `- **${cell(manifest.environment)} / ${cell(manifest.runner.runner_os ?? manifest.runner.os)} / ${s.step}** (${s.status}): ${cell(s.detail)}`,
      ),
  );
  if (problems.length > 0) lines.push(`### What needs attention\n\n${[...new Set(problems)].join('\n')}`);
  // Each leg's probe of the quality gates, side by side, in the job summary's own words.
  const gates = legsGateTableMarkdown(
    entries.map(({ manifest }) => ({
      label: `${manifest.environment} / ${manifest.runner.runner_os ?? manifest.runner.os}`,
      gates: probeOf(manifest),
    })),
  );
  if (gates) lines.push(gates);
  return lines;
}

/** The commands that deploy this commit and roll it back, per environment the legs covered. */
function commandSections(options: ReportOptions, entries: ManifestEntry[]): string[] {
  const environments = [...new Set(entries.map((e) => e.manifest.environment))];
  if (environments.length === 0) return [];
  const ref = options.sha ?? '<commit>';
  const deploy = environments.map(
    (env) =>
      `gh workflow run ${quote(options.deployWorkflow)} -f environment=${quote(env)} -f release=${quote(options.release ?? '<release>')} -f version=${quote(ref.slice(0, 12))}`,
  );
  const rollback = environments.map(
    (env) =>
      `gh workflow run ${quote(options.rollbackWorkflow)} -f environment=${quote(env)} -f backup=latest -f reason='<why>'`,
  );
  const cli = environments.map(
    (env) =>
      `dhash-rollout rollout --env ${quote(env)} --release <release-dir>\ndhash-rollout rollback --env ${quote(env)} --backup latest --reason '<why>'`,
  );
  return [
    `### Deploy after merge\n\n\`\`\`sh\n${deploy.join('\n')}\n\`\`\``,
    `### Roll back\n\n\`\`\`sh\n${rollback.join('\n')}\n\`\`\``,
    `<details><summary>The same from a shell on the target host</summary>\n\n\`\`\`sh\n${cli.join('\n')}\n\`\`\`\n</details>`,
  ];
}

/**
 * `premerge-report`: reads every leg's deployment manifest and renders the pull request comment
 * and job summary: one row per leg with each step's actual status, then the commands that deploy
 * this commit and roll it back.
 */
export function premergeReportCommand(options: ReportOptions): PremergeReport {
  const { entries, unreadable } = readLegs(options.bundlesDir);
  const jobsOk = Object.values(options.jobResults).every((r) => r === 'success' || r === 'skipped');
  // A dry-run leg succeeds as "planned", a rehearsal leg as "passed" (a rehearsal record's result).
  const legsOk =
    entries.length > 0 &&
    entries.every(
      (e) => (e.manifest.result as string) === 'planned' || (e.manifest.result as string) === 'passed',
    ) &&
    unreadable.length === 0;
  const ok = jobsOk && legsOk;

  const lines = [
    ...headerSections(options, ok),
    ...legSections(entries),
    ...unreadable.map((bad) => `- ⚠️ \`${cell(bad.origin)}\` could not be read: ${cell(bad.error)}`),
    ...commandSections(options, entries),
  ];
  return { entries, unreadable, ok, markdown: `${lines.join('\n\n')}\n` };
}
