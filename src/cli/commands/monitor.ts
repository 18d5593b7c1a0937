import { Option, type Command } from 'commander';
import { renderPlan, runMonitor } from '../../commands/monitor.js';
import { progressLine } from '../../commands/monitor/front-end.js';
import { lockDir, logDir } from '../../config/state-dir.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { metricSources, monitorPortsFor } from '../../wiring/monitor-ports.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, isInteractive, print, showsProgress } from '../io.js';
import { RedrawnLine } from '../terminal-progress.js';
import { UsageError } from '../../runtime/errors.js';
import type { RollbackTo } from '../../commands/monitor/types.js';
import { windowMinutesOption } from '../../options/values.js';

interface MonitorFlags extends ConfigFlags {
  rollbackTo?: string;
  dryRun?: boolean;
  probe?: boolean;
  windowMinutes?: string;
  logDir?: string;
  deploymentId?: string;
  version?: string;
  /** The old name of --version, kept for one release. */
  release?: string;
  json?: boolean;
}

const HELP = `
Watches the service for monitoring.window_minutes: health every confirm interval, every gate at
each poll; alerts when a gate enters breach, and rolls back when an auto_rollback gate fails.
Writes monitor_logs/dhash_<env>_<YYYYMMDD_HHMMSS>.log (JSON lines), .evidence.json and .report.html.

Health runs on its own timer (check_interval_seconds, and confirm_interval_seconds while a failure
is being confirmed); the plan (--dry-run) prints the worst-case detection time and its formula.
A metric gate acts only after failure_limit breached readings in a row (default 2, the second a
fast re-check); a gate without data for too long makes the run inconclusive, never passed.

Exit codes: 0 passed · 10 alerted · 11 rolled back (validated, backup's release live) ·
12 rollback failed · 13 inconclusive · 14 preempted by a manual rollback of the environment · 130/143 interrupted by SIGINT/SIGTERM (evidence and report
written; no rollback starts after the signal) · 2 bad flags or config.
--dry-run exits 0 even when the service is unreachable.

--release <version> is the old name of --version: still accepted in this release, with a warning
on stderr, and removed in the next (in deploy, rollout and migrate --release is a directory).

Examples:
  dhash-rollout monitor --env production --dry-run
  dhash-rollout monitor --env staging --dry-run --probe --base-url http://127.0.0.1:8081
  dhash-rollout monitor --env production --window-minutes 30`;

// eslint-disable-next-line max-lines-per-function -- commander registration: one declarative chain of options and the action that reads them
export function registerMonitor(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('monitor')
      .description(
        'Watch a fresh deployment against the quality gates; alert, and roll back automatically on failure.',
      )
      .option(
        '--dry-run',
        'print the plan (poll times, gates, thresholds, actions, backup a rollback would use); send nothing',
      )
      .option('--probe', "with --dry-run: take one real measurement and show each gate's verdict")
      .option('--window-minutes <n>', 'override monitoring.window_minutes')
      .option('--log-dir <dir>', 'directory for the log, evidence and report (default: monitor_logs)')
      .option('--deployment-id <id>', 'the rollout id to put into messages and evidence')
      .option(
        '--version <version>',
        "the version being watched (default: the target's live release): in messages, and the release a rollback must leave",
      )
      .addOption(new Option('--release <version>', 'deprecated: the old name of --version').hideHelp())
      .option(
        '--rollback-to <backup|latest-before-deploy>',
        'the backup a rollback restores: a backup file (restored only if it still verifies), or the one the last deploy --backup-first took; default: the newest verified backup made before the watch began whose release is not the watched one',
      )
      .option('--json', 'print the result as JSON')
      .addHelpText('after', HELP),
  ).action(async (flags: MonitorFlags) => {
    const config = loadFromFlags(flags, io);
    const windowMinutes = windowMinutesOption(flags.windowMinutes, config);
    const version = watchedVersion(flags, io);
    if (flags.probe && !flags.dryRun)
      io.stderr.write('note: --probe only applies to --dry-run; monitoring measures anyway\n');
    const dir = logDir(io.cwd, flags.logDir);
    const tty = showsProgress(io);
    const progress = new RedrawnLine(io.stderr);
    const result = await runMonitor(
      {
        config,
        dryRun: flags.dryRun,
        probe: flags.probe,
        windowMinutes,
        logDir: dir,
        deploymentId: flags.deploymentId,
        version,
        rollbackTo: rollbackToFlag(flags.rollbackTo),
        stateDir: lockDir(config.env, io.cwd),
      },
      {
        clock: io.clock,
        env: io.env,
        metrics: metricSources(),
        // Without a TTY, INFO lines (with periodic progress) are the progress; with one, a
        // redrawn line is, and only warnings and worse scroll past it.
        sinks: flags.json
          ? []
          : [new ConsoleSink(consoleLevel(io, flags.verbose, tty ? 'WARN' : 'INFO'), io.stderr)],
        ports: monitorPortsFor(
          config,
          {
            clock: io.clock,
            cwd: io.cwd,
            env: io.env,
            interactive: isInteractive(io),
            logDir: dir,
          },
          flags.dryRun === true,
        ),
        signal: io.signal,
        onProgress:
          tty && !flags.json
            ? (p) => {
                progress.draw(progressLine(p));
              }
            : undefined,
      },
    );
    progress.end();
    io.exitCode = result.exitCode;
    for (const warning of config.warnings) io.stderr.write(`warning: ${warning}\n`);
    if (flags.json) {
      print(io, JSON.stringify(result, null, 2));
      return;
    }
    if (result.plan) {
      print(io, renderPlan(result.plan));
      if (result.probe) {
        print(io, 'Probe (one real measurement now):');
        for (const e of result.probe) print(io, `  - ${e.gate}: ${e.verdict} — ${e.reason}`);
      }
      print(io, `Dry run: nothing was sent or rolled back. Log: ${result.logPath}`);
      return;
    }
    print(
      io,
      `Monitoring ${result.environment} finished: ${result.result}${result.failedGates.length ? ` (gates: ${result.failedGates.join(', ')})` : ''}`,
    );
    for (const e of result.gates) print(io, `  - ${e.gate}: ${e.verdict} — ${e.reason}`);
    if (result.rollback)
      print(
        io,
        `Rollback: ${result.rollback.ok ? 'completed and validated' : `FAILED: ${result.rollback.error}`}`,
      );
    if (result.rollbackCommand) print(io, `Rollback needs confirmation. Run:\n  ${result.rollbackCommand}`);
    print(io, `Log: ${result.logPath}\nEvidence: ${result.evidencePath}\nReport: ${result.reportPath}`);
  });
}

function rollbackToFlag(value: string | undefined): RollbackTo | undefined {
  if (value === undefined) return undefined;
  if (value === 'latest-before-deploy') return { kind: 'latest-before-deploy' };
  if (value.trim() === '' || value === 'latest')
    throw new UsageError(
      `--rollback-to: expected a backup file or "latest-before-deploy", got "${value}" (the default already picks the newest qualifying backup)`,
    );
  return { kind: 'backup', path: value };
}

/** --version, or its deprecated old name --release (one line on stderr says so). */
function watchedVersion(flags: MonitorFlags, io: CliIo): string | undefined {
  if (flags.release === undefined) return flags.version;
  io.stderr.write(
    'warning: monitor --release is deprecated and will be removed in the next release; use --version\n',
  );
  if (flags.version !== undefined && flags.version !== flags.release)
    throw new UsageError(
      `--release: the deprecated name of --version, given "${flags.release}" while --version is "${flags.version}"; pass --version only`,
    );
  return flags.release;
}
