import type { Command } from 'commander';
import { deployNotifyCommand } from '../../commands/deploy-notify.js';
import { openNotifyLog, parseEvent, parseLevel } from '../../commands/notify.js';
import { checkChannelsBeforeSending, notifyDepsFor } from '../../wiring/notify.js';
import { logDir } from '../../config/state-dir.js';
import { NOTIFICATION_EVENTS } from '../../ports.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, print } from '../io.js';
import { printNotifyResult } from './notify-output.js';

interface DeployNotifyFlags extends ConfigFlags {
  event?: string;
  level?: string;
  message?: string;
  version?: string;
  deploymentId?: string;
  logsUrl?: string;
  mention?: string;
  logDir?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerDeployNotify(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('deploy-notify')
      .description("Announce a deployment event on the environment's notification channels.")
      .option('--event <event>', NOTIFICATION_EVENTS.join(', '))
      .option('-l, --level <level>', 'info, warning, error or critical (default: by event)')
      .option('-m, --message <text>', 'text (default: a sentence describing the event)')
      .option('--version <version>', 'version being deployed')
      .option(
        '--deployment-id <id>',
        'deployment id; with the event it is the dedup key (default: DHASH_DEPLOYMENT_ID, the GitHub run, or a new one)',
      )
      .option('--logs-url <url>', 'link to the logs')
      .option('--mention <who>', 'who to call out, e.g. @here')
      .option('--log-dir <dir>', 'directory for the log and the fallback file', 'monitor_logs')
      .option('--dry-run', 'print the payload each channel would receive; send nothing')
      .option('--json', 'print the result as JSON'),
  )
    .addHelpText(
      'after',
      `
Exit codes: 0 every enabled channel delivered (or dry-run), 1 something went to
monitor_logs/notification_fallback.jsonl, 2 usage or config error (e.g. a channel enabled without its
webhook variable), 5 the message could be neither delivered nor stored (unwritable log folder, full
disk): it was printed whole on stderr.

Example:
  dhash-rollout deploy-notify --event deployment_success --env production --version 1.4.2 --deployment-id prod-42`,
    )
    .action(async (flags: DeployNotifyFlags) => {
      const event = parseEvent(flags.event, 'event');
      const level = flags.level === undefined ? undefined : parseLevel(flags.level, 'level');
      const config = loadFromFlags(flags, io);
      const dir = logDir(io.cwd, flags.logDir);
      const { logger, path } = openNotifyLog(
        config,
        io.clock,
        dir,
        [new ConsoleSink(consoleLevel(io, flags.verbose, 'WARN'), io.stderr)],
        io.stderr,
      );
      checkChannelsBeforeSending(config, !!flags.dryRun);
      if (!flags.dryRun && config.env.notifications.channels.length > 0) {
        io.stderr.write(
          `sending ${event} to ${config.env.notifications.channels.join(', ')} (deadline ${config.env.notifications.deadline_seconds} s) …\n`,
        );
      }
      const result = await deployNotifyCommand(
        {
          event,
          level,
          text: flags.message,
          version: flags.version,
          deploymentId: flags.deploymentId,
          logsUrl: flags.logsUrl,
          mention: flags.mention,
          dryRun: !!flags.dryRun,
        },
        notifyDepsFor(config, { clock: io.clock, logger, logDir: dir, env: io.env }),
      );
      if (flags.json) print(io, JSON.stringify(result, null, 2));
      else printNotifyResult(io, result, path);
      io.exitCode = result.exitCode;
    });
}
