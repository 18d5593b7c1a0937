import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { CONFIRM_VARIABLE, rollbackCommand } from '../../commands/rollback.js';
import { logDir } from '../../config/state-dir.js';
import { ExitCode } from '../../runtime/exit-codes.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { rollbackCommandDepsFor } from '../../wiring/index.js';
import { rollbackLogger } from '../../wiring/operation-log.js';
import { addConfigOptions, loadFromFlags, loadOnTargetHost, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, isInteractive, print } from '../io.js';
import { backupOption } from '../../options/values.js';

interface RollbackFlags extends ConfigFlags {
  backup?: string;
  dryRun?: boolean;
  force?: boolean;
  skipValidation?: boolean;
  reason?: string;
  logDir?: string;
  json?: boolean;
}

const HELP = `
Order: verify the backup (refuse a tampered, truncated or mismatched one) → typed confirmation in
production → pre-rollback snapshot (backups/pre-rollback/, outside the dhash_*.zip glob) → stop
→ restore atomically (staged beside the target, then swapped; a crash leaves it wholly old, or
committed and completed by running the rollback again) → start → health and smoke checks →
notify. Holds the environment lock. Log: monitor_logs/rollback_<env>_<YYYYMMDD_HHMMSS>_<run id>.log.

Production asks you to type the environment name on a terminal. Without a terminal it refuses at
once (exit 4) unless --force is given or ${CONFIRM_VARIABLE}=production is set.

Exit codes: 0 rolled back and validated (or a clean dry-run) · 4 refused, nothing changed (bad
backup, no confirmation, lock held, not the target host) · 12 the rollback ran and failed (restore, start or validation;
see the log) · 1 other failure before any change · 2 bad flags or config.

Emergency rollback (from the directory the backups were made in):
  LATEST_BACKUP=$(ls -1 backups/dhash_*.zip | sort -r | head -n1)
  sha256sum -c "\${LATEST_BACKUP}.sha256"
  dhash-rollout rollback --backup "$LATEST_BACKUP" --env production
(in a checkout of this repository, ./scripts/rollback_dhash.sh runs the same command).`;

export function registerRollback(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('rollback')
      .description('Restore a verified backup: snapshot, stop, restore atomically, start, validate, notify.')
      .option('-b, --backup <file|latest>', 'backup file, or "latest" for the newest backup that verifies')
      .option('--dry-run', 'verify the backup and print the plan; change nothing')
      .option('-f, --force', 'no confirmation prompt (production)')
      .option('--skip-validation', 'do not run health and smoke checks after the restart')
      .option('--reason <text>', 'why, for notifications and the log')
      .option('--log-dir <dir>', 'directory for the rollback log', 'monitor_logs')
      .option('--json', 'print the result as JSON')
      .addHelpText('after', HELP),
  ).action(async (flags: RollbackFlags) => {
    const backup = backupOption(flags.backup);
    const config = flags.dryRun ? loadFromFlags(flags, io) : loadOnTargetHost(flags, io);
    const dir = logDir(io.cwd, flags.logDir);
    const logger = rollbackLogger(config, dir, io.clock, flags.dryRun === true, [
      new ConsoleSink(consoleLevel(io, flags.verbose, 'INFO'), io.stderr),
    ]);
    const interactive = isInteractive(io);
    const runtime = { clock: io.clock, logger, cwd: io.cwd, env: io.env, interactive, logDir: dir };
    const result = await rollbackCommand(
      {
        config,
        cwd: io.cwd,
        backup,
        dryRun: flags.dryRun,
        force: flags.force,
        skipValidation: flags.skipValidation,
        reason: flags.reason,
        interactive,
        confirm: async (prompt) => {
          const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
          try {
            return await rl.question(prompt);
          } finally {
            rl.close();
          }
        },
      },
      rollbackCommandDepsFor(config, runtime, flags.dryRun === true),
    );
    if (flags.json) print(io, JSON.stringify(result, null, 2));
    else {
      print(
        io,
        result.dryRun
          ? `Dry-run: rollback of ${result.environment} from ${result.backup} (nothing changed)`
          : result.ok
            ? `✔ rolled back ${result.environment} to ${result.backup}`
            : `✖ rollback of ${result.environment} FAILED: ${result.error}`,
      );
      for (const s of result.steps) print(io, `  ${s.status.padEnd(7)} ${s.step}: ${s.detail}`);
    }
    if (!result.ok) io.exitCode = ExitCode.rollbackFailed;
  });
}
