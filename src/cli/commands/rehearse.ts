import type { Command } from 'commander';
import type { RehearseResult } from '../../rehearse/rehearse.js';
import { REHEARSAL_DATABASE_VARIABLE } from '../../rehearse/database-variable.js';
import { logDir } from '../../config/state-dir.js';
import { ConsoleSink } from '../../runtime/logger.js';
import type { ConfigFlags } from '../common-options.js';
import { numberOption, rehearsalReleaseOption, rehearsalWindowSecondsOption } from '../../options/values.js';
import { type CliIo, consoleLevel, print } from '../io.js';

interface RehearseFlags extends ConfigFlags {
  release?: string;
  previousRelease?: string;
  workspace?: string;
  windowSeconds: string;
  rate: string;
  logDir?: string;
  json?: boolean;
}

const HELP = `
Proves a release on this machine, without the target host (a pull request's CI runner, a laptop):
a scratch local target under RUNNER_TEMP (or the OS temp directory) runs, in order,
  validate        every environment of the config; what only the target host can check (its
                  root, its database) is listed as "checked by the deploy", not failed
  previous        the --previous-release deployed, then generated load against it
  rollout         the guarded rollout of --release with the environment's own gates:
                  backup → migrate → deploy → smoke → a --window-seconds monitoring window
  down-migrations the candidate's down migrations bring the schema back to the previous one's
  rollback        a deliberate rollback to the backup the rollout took
  verify-previous the previous release live and healthy, its schema and data as backed up
  rollout-again   the candidate rolled out again
Thresholds and actions are the environment's own; a windowed gate's min_sample_size is capped at
what a tenth of the window's load provides, so gates reach a verdict in a window of seconds.
Notifications are not sent (a rehearsal is not an event); the environment's own database is never
touched (postgres: set ${REHEARSAL_DATABASE_VARIABLE} to a scratch database).
Record: <log-dir>/rehearsal_<env>.json beside the deploy, smoke, monitor and rollback logs.

Exit codes: 0 every stage passed, 1 a stage failed (the record says which), 2 bad flags or config.`;

export function registerRehearse(program: Command, io: CliIo): void {
  program
    .command('rehearse')
    .description(
      'Rehearse the rollout of a release on a scratch local target: rollout, deliberate rollback, rollout again.',
    )
    .option('-r, --release <dir>', 'the candidate release directory (release.json, server.js, migrations/)')
    .option('-p, --previous-release <dir>', 'the release live before it (needed to rehearse the rollback)')
    .option(
      '-e, --env <name>',
      "environment whose gates are rehearsed (default: the file's default_environment)",
    )
    .option(
      '-c, --config <file>',
      'config file (default: ./quality-gates-config.json, else the packaged default)',
    )
    .option(
      '--workspace <dir>',
      'scratch directory (default: a new one under RUNNER_TEMP or the OS temp directory)',
    )
    .option('--window-seconds <n>', 'length of each monitoring window in seconds', '30')
    .option('--rate <n>', 'requests per second of the generated load', '10')
    .option(
      '--log-dir <dir>',
      'directory for logs, evidence, reports and the rehearsal record',
      'monitor_logs',
    )
    .option('--json', 'print the result as JSON')
    .option('-v, --verbose', 'show every log line')
    .addHelpText('after', HELP)
    .action(async (flags: RehearseFlags) => {
      const release = rehearsalReleaseOption(flags.release);
      const windowSeconds = rehearsalWindowSecondsOption(flags.windowSeconds);
      const rate = numberOption('rate', flags.rate, { min: 1 });
      const controller = new AbortController();
      const onSignal = (): void => {
        controller.abort(new Error('interrupted'));
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        // The rehearsal (with its load generator and image codecs) loads only when it runs.
        const { rehearseCommand } = await import('../../rehearse/rehearse.js');
        const result = await rehearseCommand(
          {
            configPath: flags.config,
            envName: flags.env,
            release,
            previousRelease: flags.previousRelease,
            cwd: io.cwd,
            workspace: flags.workspace,
            windowSeconds,
            rate,
            logDir: logDir(io.cwd, flags.logDir),
          },
          {
            clock: io.clock,
            env: io.env,
            sinks: flags.json ? [] : [new ConsoleSink(consoleLevel(io, flags.verbose, 'WARN'), io.stderr)],
            onStage: (s) => {
              if (!flags.json)
                io.stderr.write(`${s.endedAt} rehearse ${s.stage}: ${s.status} — ${s.detail}\n`);
            },
            signal: controller.signal,
          },
        );
        io.exitCode = result.exitCode;
        print(io, flags.json ? JSON.stringify(result, null, 2) : renderRehearsal(result));
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

export function renderRehearsal(result: RehearseResult): string {
  const lines = [
    `Rehearsal of ${result.release}${result.previousRelease ? ` (after ${result.previousRelease})` : ''} with the gates of ${result.environment}: ${result.result.toUpperCase()}`,
  ];
  for (const s of result.stages) lines.push(`  ${s.stage.padEnd(16)} ${s.status.padEnd(7)} ${s.detail}`);
  if (result.load)
    lines.push(
      `  load: ${result.load.completed}/${result.load.sent} requests answered ${JSON.stringify(result.load.status_counts)}`,
    );
  lines.push('  checked by the deploy, on the target host:');
  for (const e of result.environments)
    lines.push(`    ${e.name}: ${e.checkedByDeploy.join('; ') || e.error}`);
  lines.push(`  workspace: ${result.workspace}`, `  record: ${result.recordPath}`);
  return lines.join('\n');
}
