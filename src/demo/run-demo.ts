import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../adapters/embedded-db/embedded-db.js';
import { checkHealthOnce } from '../adapters/targets/health.js';
import { NOTIFICATION_VARIABLES } from '../config/channel-settings.js';
import { missingVariables } from '../config/channels.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { ChannelName } from '../config/schema.js';
import { buildDeployDeps, openOperationLog } from '../wiring/deploy-deps.js';
import { deployCommand } from '../commands/deploy.js';
import { rolloutCommand, type RolloutResult } from '../commands/rollout.js';
import { buildRolloutDeps } from '../wiring/rollout-deps.js';
import type { Clock } from '../runtime/clock.js';
import { OperationError, messageOf } from '../runtime/errors.js';
import { ExitCode } from '../runtime/exit-codes.js';
import type { LogRecord, LogSink } from '../runtime/logger.js';
import { freePort } from '../runtime/free-port.js';
import { packageRoot } from '../runtime/package-root.js';
import { createReleaseTargetFor } from '../wiring/index.js';
import { extractDatabaseFromBackup } from './backup-database.js';
import { demoConfig } from './demo-config.js';

/**
 * `npm run demo`: the product's main job, end to end and for real, on this machine:
 * a local target in a temporary workspace, the reference service v1 under load, a guarded rollout
 * of v2 (healthy, with a migration) that passes its gates, a guarded rollout of v3 (a regression
 * baked into the release) that a gate catches and rolls back to v2 with its data, and proof that
 * v2 is healthy again. It exits 0 only when every one of those was observed.
 */
export interface DemoOptions {
  /** Length of each monitoring window, in real seconds. */
  windowSeconds: number;
  /** Requests per second the load generator offers. */
  rate: number;
  /** Directory to work in (default: a new temporary directory, kept: it holds the report). */
  workspace?: string;
  /** Release bundles already built by examples/dhash-service/build-releases.mjs (tests). */
  releases?: string;
  out: (line: string) => void;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface DemoResult {
  ok: boolean;
  workspace: string;
  checks: Array<{ what: string; ok: boolean; detail: string }>;
  /** The rolled-back 3.0.0 window's HTML report (the one the demo points at). */
  reportPath?: string;
  /** Every monitoring window's report, in order: the passed 2.0.0, then the rolled-back 3.0.0. */
  reports?: Array<{ release: string; result: string; path: string }>;
}

/** Story lines: what happened, when. Prints as it goes. */
class Story {
  constructor(
    private readonly clock: Clock,
    private readonly out: (line: string) => void,
  ) {}
  tell(text: string): void {
    this.out(`${new Date(this.clock.now()).toISOString().slice(11, 23)}  ${text}`);
  }
}

/** Only what a person watching the demo needs from the logs: gate verdict changes and trouble. */
class StorySink implements LogSink {
  private readonly lastVerdict = new Map<string, string>();
  constructor(private readonly story: Story) {}
  write(record: LogRecord): void {
    const gate = /^Quality gate (\w+): (\w+)/.exec(record.message);
    if (gate) {
      if (this.lastVerdict.get(gate[1]) !== gate[2]) {
        this.lastVerdict.set(gate[1], gate[2]);
        this.story.tell(`    ${record.message}`);
      }
      return;
    }
    if (
      record.level === 'ERROR' ||
      record.level === 'CRITICAL' ||
      /^step \w+: done|^undo|rollback|Rollback/.test(record.message)
    ) {
      this.story.tell(`    [${record.level}] ${record.message}`);
    }
  }
  reset(): void {
    this.lastVerdict.clear();
  }
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

function tableDigest(dbPath: string, table: string): Promise<{ rows: number; sha256: string }> {
  return EmbeddedDatabase.open(dbPath, { create: false }).then((db) => {
    try {
      const result = db.read((d) => d.exec(`SELECT * FROM ${table} ORDER BY 1`));
      const rows = result[0]?.values ?? [];
      return {
        rows: rows.length,
        sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16),
      };
    } finally {
      db.close();
    }
  });
}

/** What the demo's steps share: the story told, the checks so far, and the local target. */
interface Demo {
  options: DemoOptions;
  story: Story;
  sink: StorySink;
  checks: DemoResult['checks'];
  check: (what: string, ok: boolean, detail: string) => void;
  workspace: string;
  releaseDir: string;
  userChannels: ChannelName[];
  configPath: string;
  config: LoadedConfig;
  logDir: string;
  runtime: { clock: Clock; cwd: string; env: NodeJS.ProcessEnv; interactive: boolean; logDir: string };
  target: ReturnType<typeof createReleaseTargetFor>;
  load?: ChildProcess;
}

type DemoStart = Omit<
  Demo,
  'target' | 'runtime' | 'config' | 'logDir' | 'userChannels' | 'configPath' | 'releaseDir'
>;

function startStory(options: DemoOptions): DemoStart {
  const story = new Story(options.clock, options.out);
  const sink = new StorySink(story);
  const checks: DemoResult['checks'] = [];
  const check = (what: string, ok: boolean, detail: string): void => {
    checks.push({ what, ok, detail });
    story.tell(`${ok ? '✔' : '✘'} ${what}: ${detail}`);
  };
  const root = packageRoot();
  const builder = join(root, 'examples', 'dhash-service', 'build-releases.mjs');
  if (!existsSync(builder))
    throw new OperationError(
      `the demo needs its release builder (missing ${builder}); reinstall dhash-rollout or use a checkout`,
    );
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'dhash-demo-'));
  mkdirSync(workspace, { recursive: true });
  story.tell(`workspace ${workspace}`);
  return { options, story, sink, checks, check, workspace };
}

// 1. Release bundles of the reference service, and a local target.
async function prepareTarget(start: DemoStart): Promise<Demo> {
  const { options, story, workspace } = start;
  const root = packageRoot();
  const builder = join(root, 'examples', 'dhash-service', 'build-releases.mjs');
  let releases = options.releases;
  if (!releases) {
    story.tell('building release bundles 1.0.0, 2.0.0 and 3.0.0 of the reference service …');
    releases = join(workspace, 'releases-src');
    const built = await run(process.execPath, [builder, '--out', releases], root);
    if (built.code !== 0) throw new OperationError(`building the releases failed:\n${built.output}`);
  }
  const releaseDir = releases;
  const port = await freePort();
  // Only the channels whose required variables are all set: the demo's deploys send, and a
  // sending command refuses a channel it cannot build.
  const userChannels = (['slack', 'teams', 'discord', 'email'] as ChannelName[]).filter(
    (c) => missingVariables(c, options.env).length === 0,
  );
  const configPath = join(workspace, 'quality-gates-config.json');
  writeFileSync(
    configPath,
    `${JSON.stringify(demoConfig({ port, targetRoot: join(workspace, 'target'), userChannels, windowSeconds: options.windowSeconds }), null, 2)}\n`,
  );
  // Without a configured generic webhook, notifications go to a closed loopback port: delivery
  // really fails, and each message lands in the replayable fallback file.
  const deadPort = await freePort();
  const channelVariables = new Set<string>(NOTIFICATION_VARIABLES);
  const environment: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(options.env).filter(([name, value]) => value !== undefined || !channelVariables.has(name)),
  );
  environment.GENERIC_WEBHOOK_URL ??= `http://127.0.0.1:${deadPort}/demo-webhook`;
  const config: LoadedConfig = loadConfig({ configPath, envName: 'demo', cwd: workspace, environment });
  const logDir = join(workspace, 'monitor_logs');
  story.tell(
    `local target ${join(workspace, 'target')}, service on http://127.0.0.1:${port}, notifications → ${userChannels.length ? `${userChannels.join(', ')} and ` : ''}the fallback file`,
  );

  const runtime = { clock: options.clock, cwd: workspace, env: environment, interactive: false, logDir };
  const target = createReleaseTargetFor(config, {
    ...runtime,
    logger: openOperationLog('deploy', config, logDir, options.clock).logger,
  });
  return { ...start, releaseDir, userChannels, configPath, config, logDir, runtime, target };
}

// 2. v1 (then the load).
async function deployFirstRelease(d: Demo): Promise<boolean> {
  const { options, story, config, logDir, runtime } = d;
  story.tell('deploying 1.0.0 (first release: schema 1) …');
  const v1Log = openOperationLog('deploy', config, logDir, options.clock, [d.sink]);
  const v1 = await deployCommand(
    {
      config,
      release: join(d.releaseDir, '1.0.0'),
      backupFirst: false,
      dryRun: false,
      skipHealthCheck: false,
      deploymentId: `demo-v1-${options.clock.now()}`,
    },
    buildDeployDeps({ ...runtime, config, log: v1Log, dryRun: false }),
  );
  d.check(
    '1.0.0 deployed and healthy',
    v1.ok,
    v1.ok ? `live release ${v1.liveRelease}` : (v1.error ?? 'failed'),
  );
  return v1.ok;
}

/** Starts the load generator; its output is collected for the story's last line. */
function startLoad(d: Demo): { process: ChildProcess; output: () => string } {
  const { options } = d;
  d.story.tell(
    `starting the load generator: ${options.rate} req/s of known, near-duplicate, unfamiliar and corrupt images`,
  );
  const loadProcess = spawn(
    process.execPath,
    [
      join(d.releaseDir, 'loadgen.js'),
      '--url',
      d.config.env.service.base_url,
      '--rate',
      String(options.rate),
      '--duration',
      '0',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  d.load = loadProcess;
  let loadOutput = '';
  loadProcess.stdout.on('data', (data: Buffer) => (loadOutput += data.toString()));
  loadProcess.stderr.on('data', (data: Buffer) => (loadOutput += data.toString()));
  return { process: loadProcess, output: () => loadOutput };
}

function gateProgressLine(p: {
  remainingMs: number;
  gates: Array<{ gate: string; value: number | null; unit: string; verdict: string }>;
}): string {
  const gates = p.gates
    .map(
      (g) =>
        `${g.gate}=${g.value === null ? '–' : `${Math.round(g.value * 10) / 10}${g.unit === '%' ? '%' : g.unit === 'ms' ? 'ms' : ''}`}(${g.verdict})`,
    )
    .join(' ');
  return `    ${Math.ceil(p.remainingMs / 1000)} s left · ${gates}`;
}

async function demoRollout(d: Demo, release: string): Promise<RolloutResult> {
  const { options, story, sink, config, runtime } = d;
  sink.reset();
  story.tell(
    `guarded rollout of ${release}: backup → migrate → deploy → smoke → monitor (${options.windowSeconds} s window) …`,
  );
  const deps = buildRolloutDeps({ ...runtime, config, dryRun: false, sinks: [sink] });
  let lastProgress = 0;
  const result = await rolloutCommand(
    {
      config,
      release: join(d.releaseDir, release),
      dryRun: false,
      deploymentId: `demo-${release}-${options.clock.now()}`,
      logDir: d.logDir,
      cwd: runtime.cwd,
    },
    {
      ...deps,
      signal: options.signal,
      onStage: (s) => {
        story.tell(`  ${s.stage}: ${s.status} — ${s.detail}`);
      },
      onProgress: (p) => {
        if (p.elapsedMs - lastProgress < 10_000) return;
        lastProgress = p.elapsedMs;
        story.tell(gateProgressLine(p));
      },
    },
  );
  story.tell(`rollout of ${release}: ${result.outcome} — ${result.reason}`);
  for (const g of result.monitor?.gates ?? []) story.tell(`    ${g.gate}: ${g.verdict} — ${g.reason}`);
  return result;
}

// 4. v3 regresses; a gate catches it and the rollout restores the backup taken just before.
async function checkRegressionRolledBack(d: Demo, v3: RolloutResult, dbPath: string): Promise<void> {
  const caughtBy = v3.failedGates.filter((g) => g !== 'health');
  d.check(
    '3.0.0 regression caught by a quality gate and rolled back',
    v3.outcome === 'rolled_back' && caughtBy.length > 0,
    `${v3.outcome}; failed gates: ${v3.failedGates.join(', ') || 'none'}`,
  );
  if (v3.backupPath) {
    const manifestDb = await restoredLibraryMatches(v3.backupPath, dbPath, d.workspace);
    d.check('the data is as it was before 3.0.0', manifestDb.ok, manifestDb.detail);
  } else {
    d.check('the data is as it was before 3.0.0', false, 'the v3 rollout reported no backup');
  }
}

// 5. v2 healthy again.
async function checkPreviousLive(d: Demo): Promise<void> {
  const { config } = d;
  const health = await checkHealthOnce(
    `${config.env.service.base_url}${config.env.service.health_path}`,
    5_000,
  );
  d.check(
    '2.0.0 is live and healthy again',
    health.ok && health.version === '2.0.0',
    `${health.detail}${health.version ? ` (version ${health.version})` : ''}`,
  );
}

// 6. Notifications: each went to the configured channels or into the fallback file.
function checkNotifications(d: Demo, v2: RolloutResult, v3: RolloutResult): void {
  const fallback = join(d.logDir, 'notification_fallback.jsonl');
  const lines = existsSync(fallback) ? readFileSync(fallback, 'utf8').trim().split('\n').filter(Boolean) : [];
  const ours = lines.filter((l) => l.includes(v2.deploymentId) || l.includes(v3.deploymentId));
  d.check(
    'notifications recorded in the fallback file',
    d.userChannels.length > 0 || ours.length > 0,
    `${ours.length} undelivered message(s) in ${fallback}; replay with: dhash-rollout notify --replay --config ${d.configPath} --env demo`,
  );
}

/** Where the reports, evidence and logs are. */
function tellWhereThingsAre(d: Demo, v2: RolloutResult, v3: RolloutResult): DemoResult {
  const { story } = d;
  const reportPath = v3.monitor?.reportPath ?? undefined;
  const reports: NonNullable<DemoResult['reports']> = [];
  for (const [release, r] of [
    ['2.0.0', v2],
    ['3.0.0', v3],
  ] as const)
    if (r.monitor?.reportPath) reports.push({ release, result: r.outcome, path: r.monitor.reportPath });
  if (v2.monitor?.reportPath) story.tell(`HTML report of the 2.0.0 window: ${v2.monitor.reportPath}`);
  story.tell(`HTML report of the 3.0.0 window: ${reportPath}`);
  story.tell(`evidence: ${v3.monitor?.evidencePath}; logs: ${d.logDir}`);
  return { ok: d.checks.every((c) => c.ok), workspace: d.workspace, checks: d.checks, reportPath, reports };
}

/** Steps 2 to 6, under load from after the first release. */
async function tellStory(d: Demo): Promise<DemoResult> {
  if (!(await deployFirstRelease(d))) return { ok: false, workspace: d.workspace, checks: d.checks };
  const load = startLoad(d);

  // 3. v2 passes.
  const v2 = await demoRollout(d, '2.0.0');
  d.check('2.0.0 rollout passed its gates', v2.outcome === 'passed', `${v2.outcome}: ${v2.reason}`);
  const dbPath = join(d.workspace, 'target', 'shared', 'data', 'dhash.sqlite');
  const schemaV2 = await tableDigest(dbPath, 'schema_migrations');
  d.check(
    'migration 002 applied by the v2 rollout',
    schemaV2.rows === 2,
    `${schemaV2.rows} migrations recorded`,
  );

  const v3 = await demoRollout(d, '3.0.0');
  await checkRegressionRolledBack(d, v3, dbPath);
  await checkPreviousLive(d);
  checkNotifications(d, v2, v3);

  load.process.kill('SIGTERM');
  await new Promise((r) => load.process.once('close', r));
  const loadLine = load.output().trim().split('\n').pop();
  if (loadLine) d.story.tell(`load generator: ${loadLine}`);
  return tellWhereThingsAre(d, v2, v3);
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const d = await prepareTarget(startStory(options));
  const stopEverything = async (): Promise<void> => {
    if (d.load && d.load.exitCode === null) d.load.kill('SIGTERM');
    await d.target?.stop().catch(() => undefined);
  };
  const onAbort = (): void => void stopEverything();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    return await tellStory(d);
  } catch (error) {
    d.check('demo ran to the end', false, messageOf(error));
    return { ok: false, workspace: d.workspace, checks: d.checks };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await stopEverything();
  }
}

/**
 * "With the data as it was": the live database, after the rollback, holds exactly the backup's
 * hash library and every review-queue row the backup had (the load generator keeps adding new
 * rows afterwards, so only the backup's rows are compared).
 */
export async function restoredLibraryMatches(
  backupPath: string,
  liveDbPath: string,
  workspace: string,
): Promise<{ ok: boolean; detail: string }> {
  const copy = join(workspace, 'backup-db-check.sqlite');
  await extractDatabaseFromBackup(backupPath, copy);
  const backupDb = await EmbeddedDatabase.open(copy, { create: false });
  const liveDb = await EmbeddedDatabase.open(liveDbPath, { create: false });
  try {
    const rows = (db: EmbeddedDatabase, sql: string): string =>
      JSON.stringify(db.read((d) => d.exec(sql)[0]?.values ?? []));
    const maxId = Number(
      backupDb.read((d) => d.exec('SELECT coalesce(max(id), 0) FROM review_queue')[0].values[0][0]),
    );
    const library =
      rows(backupDb, 'SELECT * FROM hash_library ORDER BY id') ===
      rows(liveDb, 'SELECT * FROM hash_library ORDER BY id');
    const queueSql = `SELECT * FROM review_queue WHERE id <= ${maxId} ORDER BY id`;
    const queue = rows(backupDb, queueSql) === rows(liveDb, queueSql);
    const count = (db: EmbeddedDatabase, t: string): number =>
      Number(db.read((d) => d.exec(`SELECT count(*) FROM ${t}`)[0].values[0][0]));
    return {
      ok: library && queue,
      detail: `hash_library ${library ? 'identical' : 'DIFFERENT'} (${count(liveDb, 'hash_library')} rows); the backup's ${count(backupDb, 'review_queue')} review-queue rows ${queue ? 'all present, unchanged' : 'DIFFER'}`,
    };
  } finally {
    backupDb.close();
    liveDb.close();
  }
}

export const DEMO_EXIT = { ok: ExitCode.ok, failed: ExitCode.failed };
