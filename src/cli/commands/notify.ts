import type { Command } from 'commander';
import { logDir } from '../../config/state-dir.js';
import {
  notifyCommand,
  openNotifyLog,
  parseEvent,
  parseDuration,
  parseLevel,
  replayCommand,
} from '../../commands/notify.js';
import { checkChannelsBeforeSending, notifyDepsFor } from '../../wiring/notify.js';
import { UsageError } from '../../runtime/errors.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, print } from '../io.js';
import { printNotifyResult, printReplayReport } from './notify-output.js';

interface NotifyFlags extends ConfigFlags {
  level?: string;
  message?: string;
  title?: string;
  event?: string;
  deploymentId?: string;
  version?: string;
  logsUrl?: string;
  logDir?: string;
  dryRun?: boolean;
  replay?: boolean;
  deadline?: string;
  drop?: string[];
  olderThan?: string;
  json?: boolean;
}

// eslint-disable-next-line max-lines-per-function -- commander registration: one declarative chain of options and the action that reads them
export function registerNotify(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('notify')
      .description(
        "Send a message to the environment's notification channels, or replay the fallback file (--replay).",
      )
      .option('-l, --level <level>', 'info, warning, error or critical', 'info')
      .option('-m, --message <text>', 'the text to send')
      .option('--title <text>', 'headline (default: the first line of the message)')
      .option(
        '--event <event>',
        'event the message is about (default: monitoring_alert, or gate_resolved for info)',
      )
      .option(
        '--deployment-id <id>',
        'deployment id for the dedup key (default: DHASH_DEPLOYMENT_ID, the GitHub run, or a new one)',
      )
      .option('--version <version>', 'version shown in the message')
      .option('--logs-url <url>', 'link to the logs, shown in the message')
      .option('--log-dir <dir>', 'directory for the log and the fallback file', 'monitor_logs')
      .option('--dry-run', 'print the payload each channel would receive; send nothing')
      .option('--replay', 'send again every fallback line not yet delivered, and record which were')
      .option('--deadline <duration>', 'with --replay: end the whole replay within this time (default 3m)')
      .option(
        '--drop <key>',
        'with --replay: give up on the lines with this dedup key (or line id), recorded as dropped; repeatable',
        (value: string, previous?: string[]) => [...(previous ?? []), value],
      )
      .option('--older-than <duration>', 'with --replay: give up on lines recorded longer ago (e.g. 24h, 7d)')
      .option('--json', 'print the result as JSON'),
  )
    .addHelpText(
      'after',
      `
Exit codes: 0 every enabled channel delivered (or dry-run), 1 something went to
monitor_logs/notification_fallback.jsonl (or, with --replay, is still undelivered),
2 usage or config error (e.g. a channel enabled without its webhook variable), 4 another replay runs,
5 a message could be neither delivered nor stored (unwritable log folder, full disk): it was printed
whole on stderr.

Replay gives up on a line only when told to (--drop, --older-than), and records that it did.

Examples:
  dhash-rollout notify --env production --level warning --message "P95 above 2 s"
  dhash-rollout notify --env production --level info --message "test" --dry-run
  dhash-rollout notify --replay
  dhash-rollout notify --replay --deadline 2m --older-than 7d
  dhash-rollout notify --replay --drop 'gh-123-1:escalation:memory_usage:1764370000000:1'`,
    )
    .action(async (flags: NotifyFlags) => {
      const config = loadFromFlags(flags, io);
      const dir = logDir(io.cwd, flags.logDir);
      const { logger, path } = openNotifyLog(
        config,
        io.clock,
        dir,
        [new ConsoleSink(consoleLevel(io, flags.verbose, 'WARN'), io.stderr)],
        io.stderr,
      );
      const deps = notifyDepsFor(config, {
        clock: io.clock,
        logger,
        logDir: dir,
        env: io.env,
        stdout: io.stdout,
        stderr: io.stderr,
      });
      if (!flags.replay && (flags.deadline || flags.drop || flags.olderThan))
        throw new UsageError('--deadline, --drop and --older-than: only with --replay');
      if (flags.replay) {
        if (flags.message !== undefined || flags.dryRun)
          throw new UsageError('--replay: cannot be combined with --message or --dry-run');
        const deadlineMs = flags.deadline ? parseDuration(flags.deadline, '--deadline') : undefined;
        const olderThanMs = flags.olderThan ? parseDuration(flags.olderThan, '--older-than') : undefined;
        for (const key of flags.drop ?? [])
          if (key.trim() === '') throw new UsageError('--drop: expected a dedup key or line id, got nothing');
        io.stderr.write(`replaying ${config.redactor.text(dir)}/notification_fallback.jsonl …\n`);
        const tty = io.stderr.isTTY === true;
        const report = await replayCommand(deps, {
          deadlineMs,
          olderThanMs,
          drop: flags.drop,
          onProgress: tty
            ? (p) =>
                io.stderr.write(
                  `\r\x1b[Kreplay ${p.done}/${p.total} · ${p.delivered} delivered · ${p.failed} undelivered · ${p.dropped} dropped`,
                )
            : undefined,
        });
        if (tty) io.stderr.write('\n');
        if (flags.json) print(io, JSON.stringify(report, null, 2));
        else printReplayReport(io, report);
        io.exitCode = report.exitCode;
        return;
      }
      if (flags.message === undefined) throw new UsageError('--message: required (or use --replay)');
      const level = parseLevel(flags.level, 'level');
      const event = flags.event === undefined ? undefined : parseEvent(flags.event, 'event');
      checkChannelsBeforeSending(config, !!flags.dryRun);
      if (!flags.dryRun && config.env.notifications.channels.length > 0) {
        io.stderr.write(
          `sending to ${config.env.notifications.channels.join(', ')} (deadline ${config.env.notifications.deadline_seconds} s) …\n`,
        );
      }
      const result = await notifyCommand(
        {
          level,
          text: flags.message,
          title: flags.title,
          event,
          deploymentId: flags.deploymentId,
          version: flags.version,
          logsUrl: flags.logsUrl,
          dryRun: !!flags.dryRun,
        },
        deps,
      );
      if (flags.json) print(io, JSON.stringify(result, null, 2));
      else printNotifyResult(io, result, path);
      io.exitCode = result.exitCode;
    });
}
