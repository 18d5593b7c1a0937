import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { openOperationLog } from '../../wiring/deploy-deps.js';
import { migrationMechanics } from '../../wiring/migration-mechanics.js';
import { migrateCommand, type MigrateResult } from '../../commands/migrate.js';
import { logDir } from '../../config/state-dir.js';
import { ExitCode } from '../../runtime/exit-codes.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, isInteractive, print, showsProgress } from '../io.js';
import { TerminalProgress } from '../terminal-progress.js';
import { directionOption, migrateToOption } from '../../options/values.js';

interface MigrateFlags extends ConfigFlags {
  dryRun?: boolean;
  direction?: string;
  to?: string;
  force?: boolean;
  migrationsDir?: string;
  release?: string;
  logDir?: string;
  json?: boolean;
}

const HELP = `
Migration files: NNN_name.up.sql and NNN_name.down.sql (any other *.sql name is refused, exit 2).
Default directory: the live release's migrations/ (<target root>/current/migrations); --release or
--migrations-dir to choose another (a folder that does not exist is refused, exit 2).
Tracking table schema_migrations(version, name, checksum, applied_at) records the sha256 of each
applied up file; an applied file that was edited since is refused (exit 4), even with --force.
One transaction per migration, under the environment lock and the database's own lock.

--direction up (default) applies pending migrations through --to (default: all);
--direction down reverts applied migrations above --to (default: the latest one only).
--dry-run runs the steps inside a transaction that is rolled back: it proves they apply and
changes nothing (on PostgreSQL, sequences the steps advanced are set back with setval). Refusals,
dry-runs and "nothing to do" take no lock and create no file or folder besides the log. On a
terminal: one line per step and a spinner; in CI the log lines; --json the result. In production a real run asks you to type "production" on a terminal; without
a terminal it refuses at once unless --force.

Exit codes: 0 done (or nothing to do), 1 a migration failed (the ones before it stay applied) or
the database server does not answer, 2 bad flags/config/input (missing folder, badly named file,
bad PostgreSQL URL, wrong password, unknown host or database), 4 refused (lock held, confirmation
missing, edited migration, no down file). Every message and code: docs/errors.md in the source repository.`;

export function registerMigrate(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('migrate')
      .description(
        'Apply or revert SQL migrations (embedded SQLite or PostgreSQL), with checksums and locking.',
      )
      .option('--dry-run', 'apply inside a transaction and roll back; change nothing')
      .option('--direction <up|down>', 'up applies pending migrations, down reverts applied ones', 'up')
      .option('--to <version>', 'up: apply through this version; down: revert every version above it')
      .option('--force', 'do not ask for confirmation in production')
      .option('--migrations-dir <dir>', 'directory of NNN_name.up.sql/.down.sql files')
      .option('--release <dir>', "use this release directory's migrations")
      .option('--log-dir <dir>', 'directory for the migrate log', 'monitor_logs')
      .option('--json', 'print the result as JSON')
      .addHelpText('after', HELP),
  ).action(async (flags: MigrateFlags) => {
    const direction = directionOption(flags.direction);
    const to = migrateToOption(flags.to);
    const config = loadFromFlags(flags, io);
    const dir = logDir(io.cwd, flags.logDir);
    const terminal = showsProgress(io, flags.json)
      ? new TerminalProgress('migrate', io.stderr, io.clock, flags.verbose ? 'DEBUG' : 'WARN')
      : null;
    const sinks = terminal
      ? [terminal.sink]
      : !flags.json || flags.verbose
        ? [new ConsoleSink(consoleLevel(io, flags.verbose, 'INFO'), io.stderr)]
        : [];
    const log = openOperationLog('migrate', config, dir, io.clock, sinks);
    const interactive = isInteractive(io);
    const result = await migrateCommand(
      {
        config,
        direction,
        to,
        dryRun: flags.dryRun === true,
        force: flags.force === true,
        migrationsDir: flags.migrationsDir,
        releaseDir: flags.release ? resolve(io.cwd, flags.release) : undefined,
      },
      {
        clock: io.clock,
        logger: log.logger,
        cwd: io.cwd,
        migrations: migrationMechanics(config, io.cwd),
        interactive,
        ask: interactive ? (question) => ask(io, question, terminal) : undefined,
        ...(terminal ? { progress: terminal } : {}),
      },
    ).finally(() => terminal?.close());
    if (flags.json) print(io, JSON.stringify({ ...result, logPath: log.path }, null, 2));
    else print(io, `${renderMigrate(result)}\n  log: ${log.path}`);
    if (!result.ok) io.exitCode = ExitCode.failed;
  });
}

async function ask(io: CliIo, question: string, terminal: TerminalProgress | null): Promise<string> {
  terminal?.close();
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export function renderMigrate(result: MigrateResult): string {
  const lines: string[] = [];
  const head = result.dryRun
    ? 'Migration plan (dry-run, nothing changed)'
    : result.ok
      ? 'Migrations done'
      : 'Migration FAILED';
  lines.push(`${head}: ${result.environment}, ${result.database}`);
  lines.push(`  files: ${result.migrationsDir}`);
  lines.push(`  schema version ${result.currentVersion} → ${result.targetVersion} (${result.direction})`);
  if (!result.steps.length)
    lines.push(
      result.migrationCount
        ? `  nothing to do: all ${result.migrationCount} migration(s) in the folder are applied`
        : `  no migration files in ${result.migrationsDir}: nothing to apply (is this the right folder?)`,
    );
  for (const step of result.steps) {
    const outcome = result.outcomes.find((o) => o.version === step.version);
    const status = outcome
      ? outcome.status === 'failed'
        ? `✘ failed: ${outcome.detail}`
        : `✔ ${result.dryRun ? `${outcome.status} (rolled back)` : outcome.status}`
      : result.ok
        ? '→ pending'
        : '- not run';
    lines.push(`  ${String(step.version).padStart(3, '0')} ${step.name} ${step.direction}: ${status}`);
  }
  for (const w of result.warnings) lines.push(`  warning: ${w}`);
  for (const n of result.notes ?? []) lines.push(`  note: ${n}`);
  if (result.lockHeldBy)
    lines.push(
      `  note: the environment is locked right now by ${result.lockHeldBy}; a real run would be refused`,
    );
  if (result.error) lines.push(`  error: ${result.error}`);
  if (!result.ok)
    lines.push(
      `  next: fix that migration's SQL (if it was never applied anywhere) and run migrate${result.dryRun ? ' --dry-run' : ''} again; the log has each step`,
    );
  return lines.join('\n');
}
