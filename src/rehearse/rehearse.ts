import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EmbeddedMigrationDriver } from '../adapters/migrations/embedded-driver.js';
import { checkHealthOnce, serviceUrl } from '../adapters/targets/health.js';
import { NOTIFICATION_VARIABLES } from '../config/channel-settings.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { restoredLibraryMatches } from '../demo/run-demo.js';
import { runLoad, type LoadReport } from '../../examples/dhash-service/loadgen/loadgen.js';
import type { Clock } from '../runtime/clock.js';
import { UsageError, messageOf } from '../runtime/errors.js';
import { ExitCode, type ExitCodeValue } from '../runtime/exit-codes.js';
import { freePort } from '../runtime/free-port.js';
import { JsonFileSink, JsonLinesLogger, type LogSink } from '../runtime/logger.js';
import { fileStamp } from '../domain/time/file-stamp.js';
import { createRollbackRunnerFor, createReleaseTargetFor } from '../wiring/index.js';
import { buildDeployDeps, openOperationLog } from '../wiring/deploy-deps.js';
import { deployCommand } from '../commands/deploy.js';
import { loadMigrations } from '../commands/migrate-core.js';
import { readMigrationFiles } from '../adapters/migrations/read-files.js';
import { migrationMechanics } from '../wiring/migration-mechanics.js';
import { migrateCommand } from '../commands/migrate.js';
import { checkEveryEnvironment, type EnvironmentCheck } from './environments.js';
import { embeddedSchemaDigest } from './schema-digest.js';
import { SCRATCH_ENVIRONMENT, scratchConfig } from './scratch-config.js';
import { rolloutCommand, type RolloutResult } from '../commands/rollout.js';
import { buildRolloutDeps } from '../wiring/rollout-deps.js';

/**
 * `rehearse`: the real rollout of a candidate release, on this machine, in a scratch `local`
 * target, without the target host: the previous release live under generated load → the guarded
 * rollout of the candidate (backup → migrate → deploy → smoke → a short monitoring window) → the
 * candidate's down migrations proven to bring the schema back to the previous release's → a
 * deliberate rollback to the backup, with the previous release and its data verified back → the
 * candidate rolled out again. It passes only when every one of those was observed.
 *
 * Platform note (the one place it is said): everything here is Node APIs, paths built with
 * node:path, processes started and stopped by the local target adapter; it has run on Linux in
 * this repository's tests. Windows and macOS behaviour (process-group stop, file replacement
 * while a service runs) is observed on GitHub by ci.yml's macOS and Windows legs, not here.
 */
import { REHEARSAL_DATABASE_VARIABLE } from './database-variable.js';
export { REHEARSAL_DATABASE_VARIABLE };

export interface RehearseOptions {
  /** `--config`, as the user gave it (resolved against cwd). */
  configPath?: string;
  /** `--env`: the environment whose gates and settings are rehearsed. */
  envName?: string;
  /** The candidate release directory (absolute or relative to cwd). */
  release: string;
  /** The release live before it, when there is one: makes the rollback rehearsal possible. */
  previousRelease?: string;
  cwd: string;
  /** Scratch directory; default a new directory under RUNNER_TEMP or the OS temp directory. */
  workspace?: string;
  /** Length of each monitoring window in seconds. */
  windowSeconds: number;
  /** Requests per second of the generated load. */
  rate: number;
  /** Directory for logs, evidence, reports and the rehearsal record. */
  logDir: string;
}

export interface RehearseDeps {
  clock: Clock;
  env: NodeJS.ProcessEnv;
  /** One line per stage as it ends (front ends print or log it). */
  onStage?: (stage: RehearsalStage) => void;
  sinks?: LogSink[];
  signal?: AbortSignal;
}

export type RehearsalStageName =
  'validate' | 'previous' | 'rollout' | 'down-migrations' | 'rollback' | 'verify-previous' | 'rollout-again';

export interface RehearsalStage {
  stage: RehearsalStageName;
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
  endedAt: string;
}

export interface RehearseResult {
  result: 'passed' | 'failed';
  exitCode: ExitCodeValue;
  environment: string;
  release: string;
  previousRelease: string | null;
  workspace: string;
  /** Where it ran: the premerge report shows one row per runner OS. */
  runner: { os: string; arch: string; node: string; runner_os: string | null };
  environments: EnvironmentCheck[];
  stages: RehearsalStage[];
  rollouts: Array<
    Pick<RolloutResult, 'outcome' | 'reason' | 'failedGates' | 'backupPath'> & {
      evidencePath?: string;
      reportPath?: string;
    }
  >;
  load?: Pick<LoadReport, 'sent' | 'completed' | 'status_counts' | 'transport_errors'>;
  recordPath: string;
}

function defaultWorkspace(env: NodeJS.ProcessEnv): string {
  const base = env.RUNNER_TEMP && existsSync(env.RUNNER_TEMP) ? env.RUNNER_TEMP : tmpdir();
  return mkdtempSync(join(base, 'dhash-rehearsal-'));
}

function releaseVersion(dir: string): string | null {
  try {
    // release.json is where the local target reads the version too.
    const manifest = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : null;
  } catch {
    return null;
  }
}

function highestMigration(releaseDir: string, migrationsDir: string): number {
  const dir = resolve(releaseDir, migrationsDir);
  if (!existsSync(dir)) return 0;
  return loadMigrations(readMigrationFiles, dir).reduce((max, m) => Math.max(max, m.version), 0);
}

type StageRecorder = (name: RehearsalStageName, status: RehearsalStage['status'], detail: string) => boolean;

/** What every rehearsal leg shares: the user's config, where things go, and the record being built. */
interface Rehearsal {
  options: RehearseOptions;
  deps: RehearseDeps;
  candidateDir: string;
  previousDir: string | null;
  userConfig: LoadedConfig;
  environments: EnvironmentCheck[];
  workspace: string;
  logDir: string;
  recordPath: string;
  stages: RehearsalStage[];
  result: RehearseResult;
  /** Records a stage as it ends; false when it failed (the rehearsal stops there). */
  stage: StageRecorder;
  /** Settles the result and writes the record. */
  finish: () => RehearseResult;
}

/** The scratch `local` target the legs run against, and what they learn along the way. */
interface ScratchTarget {
  config: LoadedConfig;
  runtime: { clock: Clock; cwd: string; env: NodeJS.ProcessEnv; interactive: boolean; logDir: string };
  target: ReturnType<typeof createReleaseTargetFor>;
  dbPath: string | null;
  rawWindow: number;
  previousSchema: { digest: string; version: number } | null;
  loadRun: Promise<LoadReport> | null;
}

function checkReleaseDirs(options: RehearseOptions): { candidateDir: string; previousDir: string | null } {
  const candidateDir = resolve(options.cwd, options.release);
  const previousDir = options.previousRelease ? resolve(options.cwd, options.previousRelease) : null;
  for (const [flag, dir] of [
    ['--release', candidateDir],
    ['--previous-release', previousDir],
  ] as const) {
    if (dir && !existsSync(join(dir, 'release.json')))
      throw new UsageError(`${flag}: ${dir} is not a release directory (no release.json)`);
  }
  return { candidateDir, previousDir };
}

function writeRecord(run: Rehearsal): void {
  writeFileSync(run.recordPath, `${run.userConfig.redactor.text(JSON.stringify(run.result, null, 2))}\n`);
}

// 1. The user's config, every environment: what this machine can check, it checks.
function startRehearsal(options: RehearseOptions, deps: RehearseDeps): Rehearsal {
  const { clock } = deps;
  const stages: RehearsalStage[] = [];
  const stage: StageRecorder = (name, status, detail) => {
    const record = { stage: name, status, detail, endedAt: new Date(clock.now()).toISOString() };
    stages.push(record);
    deps.onStage?.(record);
    return status !== 'failed';
  };
  const { candidateDir, previousDir } = checkReleaseDirs(options);
  const userConfig = loadConfig({
    configPath: options.configPath,
    envName: options.envName,
    cwd: options.cwd,
    environment: deps.env,
  });
  const environments = checkEveryEnvironment(
    options.configPath,
    options.cwd,
    deps.env,
    Object.keys(userConfig.file.environments),
  );
  const workspace = options.workspace ? resolve(options.cwd, options.workspace) : defaultWorkspace(deps.env);
  mkdirSync(workspace, { recursive: true });
  const logDir = options.logDir;
  mkdirSync(logDir, { recursive: true });
  const recordPath = join(logDir, `rehearsal_${userConfig.envName}.json`);
  const result: RehearseResult = {
    result: 'failed',
    exitCode: ExitCode.failed,
    environment: userConfig.envName,
    release: releaseVersion(candidateDir) ?? candidateDir,
    previousRelease: previousDir ? (releaseVersion(previousDir) ?? previousDir) : null,
    workspace,
    runner: {
      os: process.platform,
      arch: process.arch,
      node: process.version,
      runner_os: deps.env.RUNNER_OS ?? null,
    },
    environments,
    stages,
    rollouts: [],
    recordPath,
  };
  const run: Rehearsal = {
    options,
    deps,
    candidateDir,
    previousDir,
    userConfig,
    environments,
    workspace,
    logDir,
    recordPath,
    stages,
    result,
    stage,
    finish: () => {
      const ok = stages.every((s) => s.status !== 'failed');
      result.result = ok ? 'passed' : 'failed';
      result.exitCode = ok ? ExitCode.ok : ExitCode.failed;
      writeRecord(run);
      return result;
    },
  };
  return run;
}

function validateStage(run: Rehearsal): boolean {
  const { environments } = run;
  const invalid = environments.filter((e) => !e.ok);
  return run.stage(
    'validate',
    invalid.length ? 'failed' : 'passed',
    invalid.length
      ? invalid.map((e) => `${e.name}: ${e.error}`).join('; ')
      : `${environments.length} environment(s) valid: ${environments.map((e) => e.name).join(', ')}; what only their target hosts can check is listed as checked by the deploy`,
  );
}

// 2. The scratch target: the environment's own gates, on this machine.
async function prepareScratchTarget(run: Rehearsal): Promise<ScratchTarget> {
  const { options, deps, userConfig, workspace, logDir } = run;
  const { clock } = deps;
  const port = await freePort();
  const rawWindow = options.windowSeconds / 60;
  const file = scratchConfig({
    file: userConfig.file,
    envName: userConfig.envName,
    targetRoot: join(workspace, 'target'),
    backupDir: join(workspace, 'backups'),
    port,
    windowMinutes: rawWindow,
    scratchDatabaseVariable: REHEARSAL_DATABASE_VARIABLE,
    scratchDatabaseSet: !!deps.env[REHEARSAL_DATABASE_VARIABLE],
    rate: options.rate,
  });
  const configPath = join(workspace, 'quality-gates-config.json');
  writeFileSync(configPath, `${JSON.stringify(file, null, 2)}\n`);
  // The real channels and the environment's own database are never reached from a rehearsal.
  const withheld = new Set<string>([...NOTIFICATION_VARIABLES, userConfig.env.migrations.database_url_env]);
  const environment: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(deps.env).filter(([name]) => !withheld.has(name)),
  );
  const config: LoadedConfig = loadConfig({
    configPath,
    envName: SCRATCH_ENVIRONMENT,
    cwd: workspace,
    environment,
  });
  const runtime = { clock, cwd: workspace, env: environment, interactive: false, logDir };
  const target = createReleaseTargetFor(config, {
    ...runtime,
    logger: openOperationLog('deploy', config, logDir, clock).logger,
  });
  const embeddedPath =
    config.env.migrations.driver === 'embedded' ? config.env.migrations.database_path : undefined;
  const dbPath = embeddedPath ? join(workspace, 'target', embeddedPath) : null;
  return { config, runtime, target, dbPath, rawWindow, previousSchema: null, loadRun: null };
}

async function rolloutCandidate(
  run: Rehearsal,
  scratch: ScratchTarget,
  label: string,
): Promise<RolloutResult> {
  const { deps, logDir } = run;
  const { config, runtime } = scratch;
  const built = buildRolloutDeps({ ...runtime, config, dryRun: false, sinks: deps.sinks ?? [] });
  const outcome = await rolloutCommand(
    {
      config,
      release: run.candidateDir,
      dryRun: false,
      deploymentId: `rehearsal-${label}-${deps.clock.now()}`,
      logDir,
      windowMinutes: scratch.rawWindow,
    },
    { ...built, signal: deps.signal },
  );
  run.result.rollouts.push({
    outcome: outcome.outcome,
    reason: outcome.reason,
    failedGates: outcome.failedGates,
    backupPath: outcome.backupPath,
    evidencePath: outcome.monitor?.evidencePath ?? undefined,
    reportPath: outcome.monitor?.reportPath ?? undefined,
  });
  return outcome;
}

// 3. The previous release live (the load starts after it).
async function deployPrevious(run: Rehearsal, scratch: ScratchTarget): Promise<boolean> {
  const { deps, logDir, previousDir, result } = run;
  const { config, dbPath } = scratch;
  if (!previousDir) {
    run.stage(
      'previous',
      'skipped',
      'no --previous-release: the candidate goes onto an empty target, and the rollback cannot be rehearsed',
    );
    return true;
  }
  const log = openOperationLog('deploy', config, logDir, deps.clock, deps.sinks ?? []);
  const deployed = await deployCommand(
    {
      config,
      release: previousDir,
      backupFirst: false,
      dryRun: false,
      skipHealthCheck: false,
      deploymentId: `rehearsal-previous-${deps.clock.now()}`,
    },
    buildDeployDeps({ ...scratch.runtime, config, log, dryRun: false }),
  );
  if (
    !run.stage(
      'previous',
      deployed.ok ? 'passed' : 'failed',
      deployed.ok
        ? `${result.previousRelease} live on ${config.env.service.base_url}`
        : `deploying ${result.previousRelease} failed: ${deployed.error}`,
    )
  )
    return false;
  if (dbPath && existsSync(dbPath)) scratch.previousSchema = await embeddedSchemaDigest(dbPath);
  return true;
}

// 5. The candidate's down migrations bring the schema back to the previous release's.
async function checkDownMigrations(
  run: Rehearsal,
  scratch: ScratchTarget,
  previousDir: string,
): Promise<boolean> {
  const { deps, logDir, workspace, result } = run;
  const { config, dbPath, previousSchema } = scratch;
  const previousVersion = highestMigration(previousDir, config.env.migrations.dir);
  const candidateMigrations = resolve(run.candidateDir, config.env.migrations.dir);
  if (!dbPath) {
    run.stage(
      'down-migrations',
      'skipped',
      `the ${config.env.migrations.driver} database is checked by the rollback below`,
    );
    return true;
  }
  const copy = join(workspace, 'down-migrations-check.sqlite');
  copyFileSync(dbPath, copy);
  const migrated = await migrateCommand(
    {
      config,
      direction: 'down',
      to: previousVersion,
      dryRun: false,
      force: true,
      migrationsDir: candidateMigrations,
    },
    {
      clock: deps.clock,
      logger: openOperationLog('migrate', config, logDir, deps.clock, deps.sinks ?? []).logger,
      cwd: workspace,
      migrations: migrationMechanics(config, workspace),
      interactive: false,
      driver: new EmbeddedMigrationDriver(copy),
    },
  );
  const after = migrated.ok ? await embeddedSchemaDigest(copy) : null;
  const same =
    !!after &&
    !!previousSchema &&
    after.digest === previousSchema.digest &&
    after.version === previousSchema.version;
  return run.stage(
    'down-migrations',
    same ? 'passed' : 'failed',
    !migrated.ok
      ? `down migrations to version ${previousVersion} failed: ${migrated.error}`
      : same
        ? `${migrated.steps.length} down migration(s) ${migrated.currentVersion} → ${migrated.targetVersion}: the schema equals ${result.previousRelease}'s`
        : `after ${migrated.steps.length} down migration(s) the schema (version ${after?.version}, ${after?.digest}) differs from ${result.previousRelease}'s (version ${previousSchema?.version}, ${previousSchema?.digest})`,
  );
}

// 6. The deliberate rollback to the backup the rollout took.
async function rollBackDeliberately(
  run: Rehearsal,
  scratch: ScratchTarget,
  backupPath: string,
): Promise<boolean> {
  const { deps, logDir } = run;
  const { config, runtime } = scratch;
  const rollbackLogger = new JsonLinesLogger(
    deps.clock,
    [
      new JsonFileSink(join(logDir, `rollback_${config.envName}_${fileStamp(deps.clock.now())}.log`)),
      ...(deps.sinks ?? []),
    ],
    config.redactor,
  );
  const rolledBack = await createRollbackRunnerFor(config, { ...runtime, logger: rollbackLogger }).rollback({
    environment: config.envName,
    backup: backupPath,
    reason: `rehearsal: deliberate rollback of ${run.result.release}`,
    deploymentId: `rehearsal-rollback-${deps.clock.now()}`,
    signal: deps.signal,
  });
  return run.stage(
    'rollback',
    rolledBack.ok ? 'passed' : 'failed',
    rolledBack.ok
      ? `restored ${rolledBack.restored ?? backupPath}; ${rolledBack.validation?.detail ?? ''}`
      : `rollback failed: ${rolledBack.error}`,
  );
}

// After the rollback: the previous release answers, with its schema and data back.
async function verifyPrevious(run: Rehearsal, scratch: ScratchTarget, backupPath: string): Promise<boolean> {
  const { result, workspace } = run;
  const { config, dbPath, previousSchema } = scratch;
  const health = await checkHealthOnce(
    serviceUrl(config.env.service.base_url, config.env.service.health_path),
    10_000,
  );
  const problems: string[] = [];
  if (!health.ok || health.version !== result.previousRelease)
    problems.push(`health: ${health.detail} (expected version ${result.previousRelease})`);
  let dataDetail = 'data not compared (no embedded database)';
  if (dbPath) {
    const schema = await embeddedSchemaDigest(dbPath);
    if (
      previousSchema &&
      (schema.digest !== previousSchema.digest || schema.version !== previousSchema.version)
    )
      problems.push(
        `schema version ${schema.version} (${schema.digest}), expected ${previousSchema.version} (${previousSchema.digest})`,
      );
    const data = await restoredLibraryMatches(backupPath, dbPath, workspace);
    if (!data.ok) problems.push(data.detail);
    dataDetail = `schema version ${schema.version}; ${data.detail}`;
  }
  return run.stage(
    'verify-previous',
    problems.length ? 'failed' : 'passed',
    problems.length ? problems.join('; ') : `${result.previousRelease} live and healthy; ${dataDetail}`,
  );
}

/** Legs 3 to 7, each stopping the rehearsal when it fails; the load runs from after leg 3. */
async function rehearseLegs(run: Rehearsal, scratch: ScratchTarget, load: AbortController): Promise<void> {
  const { options, previousDir } = run;
  if (!(await deployPrevious(run, scratch))) return;
  scratch.loadRun = runLoad({
    url: scratch.config.env.service.base_url,
    rate: options.rate,
    durationSeconds: 0,
    signal: load.signal,
  });

  // 4. The guarded rollout of the candidate.
  const first = await rolloutCandidate(run, scratch, 'candidate');
  const firstOk = first.outcome === 'passed' || first.outcome === 'alerted';
  if (!run.stage('rollout', firstOk ? 'passed' : 'failed', `${first.outcome}: ${first.reason}`)) return;
  if (!previousDir || !first.backupPath) {
    run.stage('down-migrations', 'skipped', 'no previous release to migrate down to');
    run.stage('rollback', 'skipped', 'no previous release to roll back to');
    return;
  }
  if (!(await checkDownMigrations(run, scratch, previousDir))) return;
  if (!(await rollBackDeliberately(run, scratch, first.backupPath))) return;
  if (!(await verifyPrevious(run, scratch, first.backupPath))) return;

  // 7. The candidate again, as the real deploy will run it.
  const again = await rolloutCandidate(run, scratch, 'candidate-again');
  const againOk = again.outcome === 'passed' || again.outcome === 'alerted';
  run.stage('rollout-again', againOk ? 'passed' : 'failed', `${again.outcome}: ${again.reason}`);
}

/** The load's figures join the record once it has stopped. */
async function recordLoad(run: Rehearsal, scratch: ScratchTarget): Promise<void> {
  const report = await scratch.loadRun?.catch(() => null);
  if (report) {
    run.result.load = {
      sent: report.sent,
      completed: report.completed,
      status_counts: report.status_counts,
      transport_errors: report.transport_errors,
    };
    writeRecord(run);
  }
}

export async function rehearseCommand(options: RehearseOptions, deps: RehearseDeps): Promise<RehearseResult> {
  const run = startRehearsal(options, deps);
  if (!validateStage(run)) return run.finish();
  const scratch = await prepareScratchTarget(run);
  const load = new AbortController();
  const onAbort = (): void => {
    load.abort();
  };
  deps.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await rehearseLegs(run, scratch, load);
    return run.finish();
  } catch (error) {
    run.stage(
      run.stages.length <= 1 ? 'previous' : 'rollout',
      'failed',
      `rehearsal stopped: ${messageOf(error)}`,
    );
    return run.finish();
  } finally {
    deps.signal?.removeEventListener('abort', onAbort);
    load.abort();
    await recordLoad(run, scratch);
    await scratch.target?.stop().catch(() => undefined);
  }
}
