import type { Command } from 'commander';
import { progressLine } from '../../commands/monitor/front-end.js';
import { rolloutCommand, type RolloutResult } from '../../commands/rollout.js';
import { buildRolloutDeps } from '../../wiring/rollout-deps.js';
import { logDir } from '../../config/state-dir.js';
import { newDeploymentId } from '../../runtime/deployment-id.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, isInteractive, print, showsProgress } from '../io.js';
import { RedrawnLine } from '../terminal-progress.js';
import { rolloutReleaseOption, windowMinutesOption } from '../../options/values.js';

interface RolloutFlags extends ConfigFlags {
  release?: string;
  dryRun?: boolean;
  windowMinutes?: string;
  deploymentId?: string;
  logDir?: string;
  json?: boolean;
}

const HELP = `
Steps, in order: backup → migrate → deploy (switch, restart, health) → smoke → monitor with
automatic rollback. A failed step is undone; failed smoke checks restore the backup just taken;
a failing auto_rollback gate during the window rolls back to it as well. One deployment id is
shared by every log, notification, evidence file and output.

Logs (monitor_logs/ unless --log-dir): deploy_<env>_<ts>.log, smoke_tests_<env>_<ts>.log,
dhash_<env>_<ts>.log with .evidence.json and .report.html beside it.

Exit codes: 0 passed, 10 alerted (alert-only gates breached), 11 rolled back, 12 rollback failed,
2 bad flags or config, 4 refused (environment locked), 3 internal error.`;

export function registerRollout(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('rollout')
      .description(
        'Guarded rollout end to end: backup, migrate, deploy, smoke, then monitor with automatic rollback.',
      )
      .option(
        '-r, --release <dir|archive>',
        'release directory (release.json, server.js, migrations/) or a .zip/.tar.gz of one',
      )
      .option(
        '--dry-run',
        'resolve and check everything, prove the migrations apply, print the plan; change nothing, send nothing',
      )
      .option('--window-minutes <n>', 'override monitoring.window_minutes')
      .option(
        '--deployment-id <id>',
        'id shared by logs, notifications and evidence (default: derived from the run)',
      )
      .option('--log-dir <dir>', 'directory for logs, evidence and the report', 'monitor_logs')
      .option('--json', 'print the result as JSON')
      .addHelpText('after', HELP),
  ).action(async (flags: RolloutFlags) => {
    const release = rolloutReleaseOption(flags.release);
    const config = loadFromFlags(flags, io);
    const windowMinutes = windowMinutesOption(flags.windowMinutes, config);
    const dir = logDir(io.cwd, flags.logDir);
    const tty = showsProgress(io, flags.json);
    const deps = buildRolloutDeps({
      config,
      clock: io.clock,
      cwd: io.cwd,
      env: io.env,
      interactive: isInteractive(io),
      logDir: dir,
      dryRun: flags.dryRun === true,
      sinks: flags.json
        ? []
        : [new ConsoleSink(consoleLevel(io, flags.verbose, tty ? 'WARN' : 'INFO'), io.stderr)],
    });
    const progress = new RedrawnLine(io.stderr);
    const result = await rolloutCommand(
      {
        config,
        release,
        dryRun: flags.dryRun === true,
        deploymentId: flags.deploymentId ?? newDeploymentId(config.envName, io.clock.now(), io.env),
        logDir: dir,
        windowMinutes,
        cwd: io.cwd,
      },
      {
        ...deps,
        signal: io.signal,
        onStage: (s) => {
          progress.end();
          if (!flags.json) io.stderr.write(`${s.endedAt} rollout ${s.stage}: ${s.status} — ${s.detail}\n`);
        },
        onProgress: tty
          ? (p) => {
              progress.draw(progressLine(p));
            }
          : undefined,
      },
    );
    progress.end();
    io.exitCode = result.exitCode;
    print(io, flags.json ? JSON.stringify(result, null, 2) : renderRollout(result));
  });
}

export function renderRollout(result: RolloutResult): string {
  const headline: Record<string, string> = {
    passed: 'PASSED',
    alerted: 'ALERTED',
    rolled_back: 'ROLLED BACK',
    rollback_failed: 'ROLLBACK FAILED',
    inconclusive: 'INCONCLUSIVE (no verdict; not a success)',
    interrupted: 'INTERRUPTED',
    preempted: 'PREEMPTED by a manual rollback',
    dry_run: 'DRY RUN (nothing changed)',
  };
  const lines = [
    `Rollout of ${result.release} to ${result.environment}: ${headline[result.outcome]} — ${result.reason}`,
    `  deployment id: ${result.deploymentId}`,
    `  live before: ${result.previousRelease ?? 'none'}   live now: ${result.liveRelease ?? 'none'}`,
  ];
  if (result.backupPath) lines.push(`  backup: ${result.backupPath}`);
  for (const s of result.stages)
    lines.push(`  ${s.endedAt}  ${s.stage.padEnd(8)} ${s.status.padEnd(7)} ${s.detail}`);
  if (result.monitor?.gates.length) {
    lines.push('  gates at the end:');
    for (const g of result.monitor.gates) lines.push(`    - ${g.gate}: ${g.verdict} — ${g.reason}`);
  }
  if (result.monitor?.rollbackCommand)
    lines.push(`  rollback needs confirmation; run: ${result.monitor.rollbackCommand}`);
  if (result.monitor?.reportPath) lines.push(`  report: ${result.monitor.reportPath}`);
  if (result.deploy.logPath) lines.push(`  deploy log: ${result.deploy.logPath}`);
  if (result.smoke) lines.push(`  smoke log: ${result.smoke.logPath}`);
  if (result.monitor && !result.monitor.dryRun) lines.push(`  monitor log: ${result.monitor.logPath}`);
  return lines.join('\n');
}
