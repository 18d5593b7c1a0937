import type { Command } from 'commander';
import { buildDeployDeps, openOperationLog, releaseChoiceFor } from '../../wiring/deploy-deps.js';
import { deployCommand, firstLine, type DeployResult } from '../../commands/deploy.js';
import { logDir } from '../../config/state-dir.js';
import { newDeploymentId } from '../../runtime/deployment-id.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, isInteractive, print, showsProgress } from '../io.js';
import { TerminalProgress } from '../terminal-progress.js';

interface DeployFlags extends ConfigFlags {
  release?: string;
  backupFirst?: boolean;
  dryRun?: boolean;
  skipHealthCheck?: boolean;
  skipValidation?: boolean;
  deploymentId?: string;
  logDir?: string;
  json?: boolean;
}

const HELP = `
Order: backup (--backup-first) → stage the release → migrate → switch and restart → wait for
health (then quick smoke checks) → prune old releases. When a step fails, everything done so far
is undone in reverse order (previous release back, down migrations or the database put back as
it was) and a deployment_failure notification is sent. Holds the environment lock throughout.
Release: --release, else $DHASH_RELEASE, else the newest release staged in <target root>/releases
(the plan and the log say which one and why).
Log: monitor_logs/deploy_<env>_<YYYYMMDD_HHMMSS>_<run id>.log (JSON lines). On a terminal: one line
per step and a spinner while waiting; in CI (no terminal) the log lines as they are written.

--dry-run resolves and checks the release, applies the pending migrations inside a transaction
that is rolled back, and prints the plan; it changes nothing on the target and sends nothing.

Exit codes: 0 deployed (or already live, or a clean dry-run), 1 a step failed and everything was
undone, 2 bad flags/config/release (no release found, a badly named migration), 4 refused
(environment locked, edited migration), 12 a step failed and the undo did not complete (look at
the log). Every message and code: docs/errors.md in the source repository.`;

export function registerDeploy(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('deploy')
      .description('Deploy a release: backup, migrate, switch, restart, health; undo everything on failure.')
      .option(
        '-r, --release <dir|archive>',
        'release directory (release.json, server.js, migrations/) or a .zip/.tar.gz of one (default: $DHASH_RELEASE, else the newest staged release)',
      )
      .option(
        '--backup-first',
        'take a backup before changing anything; the undo can restore the database from it',
      )
      .option('--dry-run', 'print the plan and prove the migrations apply; change nothing')
      .option('--skip-health-check', 'do not wait for /health after the switch')
      .option('--skip-validation', 'wait for /health but skip the quick smoke checks')
      .option('--deployment-id <id>', 'id shared by logs and notifications (default: derived from the run)')
      .option('--log-dir <dir>', 'directory for the deploy log', 'monitor_logs')
      .option('--json', 'print the result as JSON')
      .addHelpText('after', HELP),
  ).action(async (flags: DeployFlags) => {
    const config = loadFromFlags(flags, io);
    // The seed runbook's `./scripts/deploy_dhash.sh --env production [--dry-run]` names no
    // release: it comes from DHASH_RELEASE, else it is the newest staged one.
    const release = releaseChoiceFor(flags.release, io.env, config, io.cwd);
    const dir = logDir(io.cwd, flags.logDir);
    const terminal = showsProgress(io, flags.json)
      ? new TerminalProgress('deploy', io.stderr, io.clock, flags.verbose ? 'DEBUG' : 'WARN')
      : null;
    const sinks = terminal
      ? [terminal.sink]
      : !flags.json || flags.verbose
        ? [new ConsoleSink(consoleLevel(io, flags.verbose, 'INFO'), io.stderr)]
        : [];
    const log = openOperationLog('deploy', config, dir, io.clock, sinks);
    const deploymentId = flags.deploymentId ?? newDeploymentId(config.envName, io.clock.now(), io.env);
    const deps = buildDeployDeps({
      config,
      clock: io.clock,
      cwd: io.cwd,
      env: io.env,
      interactive: isInteractive(io),
      logDir: dir,
      log,
      dryRun: flags.dryRun === true,
      withBackups: true,
    });
    if (flags.skipValidation || flags.skipHealthCheck) deps.validator = null;
    deps.signal = io.signal; // SIGINT/SIGTERM: stop between steps and undo (src/runtime/interrupt.ts)
    if (terminal) deps.progress = terminal;
    if (release.reason !== '--release') log.logger.info(`release ${release.path}: from ${release.reason}`);
    const result = await deployCommand(
      {
        config,
        release: release.path,
        releaseReason: release.reason,
        backupFirst: flags.backupFirst === true,
        dryRun: flags.dryRun === true,
        skipHealthCheck: flags.skipHealthCheck === true,
        deploymentId,
      },
      deps,
    ).finally(() => terminal?.close());
    if (flags.json) print(io, JSON.stringify(result, null, 2));
    else print(io, renderDeploy(result));
    io.exitCode = result.exitCode;
  });
}

export function renderDeploy(result: DeployResult): string {
  const lines: string[] = [];
  const title = result.dryRun
    ? `Deploy plan (dry-run, nothing changed)`
    : result.ok
      ? 'Deployed'
      : 'Deploy FAILED';
  lines.push(`${title}: release ${result.release} → ${result.environment} (${result.target})`);
  if (result.releaseReason && result.releaseReason !== '--release')
    lines.push(`  release: ${result.releasePath} (from ${result.releaseReason})`);
  lines.push(`  deployment id: ${result.deploymentId}`);
  lines.push(
    `  live before: ${result.previousRelease ?? 'none'}   live now: ${result.liveRelease ?? 'none'}`,
  );
  lines.push(
    `  migrations: ${result.migrations.database}, schema version ${result.migrations.currentVersion} → ${result.migrations.targetVersion}`,
  );
  if (result.migrations.pending.length)
    lines.push(`    pending: ${result.migrations.pending.map((m) => `${m.version} ${m.name}`).join(', ')}`);
  else lines.push('    pending: none');
  if (result.migrations.dryRun)
    lines.push(`    dry-run: ${result.migrations.dryRun.ok ? '✔' : '✘'} ${result.migrations.dryRun.detail}`);
  lines.push('  steps:');
  // A failure's whole text (a crash's stderr lines) is printed once, under "error".
  for (const s of result.steps)
    lines.push(`    ${mark(s.status)} ${s.step.padEnd(8)} ${firstLine(s.detail)}`);
  if (result.undo.length) {
    lines.push('  undo:');
    for (const u of result.undo)
      lines.push(`    ${mark(u.status)} ${u.step.padEnd(8)} ${firstLine(u.detail)}`);
  }
  if (result.backupPath) lines.push(`  backup: ${result.backupPath}`);
  if (result.lockHeldBy)
    lines.push(
      `  note: the environment is locked right now by ${result.lockHeldBy}; a real deploy would be refused`,
    );
  if (result.notification) lines.push(`  notification: ${result.notification}`);
  if (result.error) lines.push(`  error: ${result.error}`);
  if (!result.ok && !result.dryRun)
    lines.push(
      result.exitCode === 12
        ? '  next: the undo did not complete; look at the log, put the live release right by hand (or with rollback), then deploy again'
        : '  next: everything was undone; read the error above and the log, fix the release and deploy again',
    );
  if (result.logPath) lines.push(`  log: ${result.logPath}`);
  return lines.join('\n');
}

function mark(status: string): string {
  return status === 'done' ? '✔' : status === 'failed' ? '✘' : status === 'planned' ? '→' : '-';
}
