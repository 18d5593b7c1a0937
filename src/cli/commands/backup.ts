import type { Command } from 'commander';
import { createBackup, planBackup, type BackupProgress } from '../../commands/backup.js';
import { backupListCommand } from '../../commands/backup-list.js';
import { backupVerifyCommand } from '../../commands/backup-verify.js';
import { backupArchiveReader, backupStorage } from '../../wiring/backup-archives.js';
import { ConsoleSink, JsonLinesLogger } from '../../runtime/logger.js';
import { addConfigOptions, loadFromFlags, loadOnTargetHost, type ConfigFlags } from '../common-options.js';
import { type CliIo, consoleLevel, print } from '../io.js';

const HELP = `
Writes backups/dhash_<env>_<YYYYMMDD>_<HHMMSS>.zip (UTC) with the configured backup.paths of the
local target (the release "current" points at, config, data) and a consistent snapshot of the
embedded database, plus manifest.json (every file's size and sha256). The zip is written to a
temporary file, fsynced, re-read and verified in full, then published with its sidecar
<zip>.sha256 (sha256sum format: "sha256sum -c backups/<name>.zip.sha256" passes from here).
Retention then keeps the newest backup.keep_last and deletes others older than
auto_rollback.backup_retention_hours (never the newest verified one, never one in use).

Exit codes: 0 written and verified (or a clean dry-run) · 1 failed, nothing left behind ·
2 bad flags or config · 4 refused: this machine is not the target host (no target.root here).

Examples:
  dhash-rollout backup --env production
  dhash-rollout backup --env production --dry-run
  dhash-rollout backup list --env production
  dhash-rollout backup verify backups/dhash_production_20260301_120000.zip`;

function mb(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : `${(n / 1e6).toFixed(1)} MB`;
}

function progressLine(p: BackupProgress): string {
  const pct = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
  const rate = p.elapsedMs > 0 ? p.bytesDone / 1e6 / (p.elapsedMs / 1000) : 0;
  return `backup: ${p.phase} ${mb(p.bytesDone)} of ${mb(p.bytesTotal)} (${pct} %)${p.phase === 'archiving' ? `, ${rate.toFixed(0)} MB/s` : ''}\n`;
}

interface CreateFlags extends ConfigFlags {
  dryRun?: boolean;
  outputDir?: string;
  json?: boolean;
}

// eslint-disable-next-line max-lines-per-function -- commander registration: one declarative chain of options and the action that reads them
export function registerBackup(program: Command, io: CliIo): void {
  const backup = program
    .command('backup')
    .description('Create, list and verify backups (default: create).')
    .addHelpText('after', HELP);

  addConfigOptions(
    backup
      .command('create', { isDefault: true })
      .description('Back up the environment (the default subcommand).')
      .option('--dry-run', 'list what would go in, the size, and what retention would delete; write nothing')
      .option(
        '-o, --output-dir <dir>',
        'where to write the backup (default: the config\'s backup.dir, "backups")',
      )
      .option('--json', 'print the result as JSON')
      .addHelpText('after', HELP),
  ).action(async (flags: CreateFlags) => {
    // A dry-run is a plan: it says what is missing instead of refusing.
    const config = flags.dryRun ? loadFromFlags(flags, io) : loadOnTargetHost(flags, io);
    if (flags.dryRun) {
      const plan = planBackup(
        { config, cwd: io.cwd, outputDir: flags.outputDir },
        {
          clock: io.clock,
          storage: backupStorage(),
        },
      );
      if (flags.json) {
        print(io, JSON.stringify(plan, null, 2));
        return;
      }
      print(io, `Dry-run: would write ${plan.path} (nothing written)`);
      print(io, `  target root: ${plan.root}; release: ${plan.release ?? '(none)'}`);
      for (const p of plan.paths) print(io, `  ${p.path}: ${p.files} files, ${mb(p.bytes)}`);
      if (plan.database) print(io, `  database snapshot: ${plan.database.path}, ${mb(plan.database.bytes)}`);
      print(io, `  total: ${plan.files} files, ${mb(plan.bytes)} before compression`);
      print(
        io,
        plan.retention.remove.length
          ? `  retention would delete: ${plan.retention.remove.map((r) => `${r.name} (${r.reason})`).join(', ')}`
          : '  retention would delete nothing',
      );
      for (const w of plan.warnings) io.stderr.write(`warning: ${w}\n`);
      return;
    }
    const logger = new JsonLinesLogger(
      io.clock,
      flags.json ? [] : [new ConsoleSink(consoleLevel(io, flags.verbose, 'WARN'), io.stderr)],
      config.redactor,
    );
    const result = await createBackup(
      { config, cwd: io.cwd, outputDir: flags.outputDir },
      {
        clock: io.clock,
        logger,
        env: io.env,
        storage: backupStorage(),
        onProgress: (p) => io.stderr.write(progressLine(p)),
      },
    );
    if (flags.json) {
      print(
        io,
        JSON.stringify(
          {
            path: result.path,
            sidecar: result.sidecarPath,
            sha256: result.sha256,
            size_bytes: result.sizeBytes,
            release: result.manifest.release,
            files: result.manifest.totals.files,
            removed: result.removed,
          },
          null,
          2,
        ),
      );
      return;
    }
    print(io, `✔ backup written and verified: ${result.path}`);
    print(io, `  sha256 ${result.sha256} (${result.sidecarPath})`);
    print(
      io,
      `  ${result.manifest.totals.files} files, ${mb(result.manifest.totals.bytes)} → ${mb(result.sizeBytes)}; release ${result.manifest.release ?? '(none)'}${result.manifest.database ? `; database ${result.manifest.database.path}` : ''}`,
    );
    for (const r of result.removed) print(io, `  retention removed ${r}`);
  });

  addConfigOptions(
    backup
      .command('list')
      .description("List the environment's backups with age, size, release and verification state.")
      .option('--verify', 're-hash every backup in full (slow for large ones)')
      .option('--all', 'include pre-rollback snapshots')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: ConfigFlags & { verify?: boolean; all?: boolean; json?: boolean }) => {
    const config = loadFromFlags(flags, io);
    const rows = await backupListCommand(
      { config, cwd: io.cwd, verify: flags.verify, includePreRollback: flags.all },
      io.clock.now(),
      backupArchiveReader(),
    );
    if (flags.json) {
      print(io, JSON.stringify(rows, null, 2));
      return;
    }
    if (rows.length === 0) {
      print(io, `no backups of "${config.envName}"`);
      return;
    }
    for (const r of rows) {
      print(
        io,
        `${r.name}  ${r.ageHours.toFixed(1).padStart(7)} h  ${mb(r.sizeBytes).padStart(10)}  release ${r.release ?? '-'}  ${r.state === 'sidecar' ? 'verified when written (sidecar present)' : r.state}${r.inUse ? '  IN USE' : ''}`,
      );
    }
  });

  backup
    .command('verify <file>')
    .description(
      "Check a backup: its sha256 against the sidecar, the manifest, and every entry's hash. Works from any directory.",
    )
    .option('--allow-missing-sidecar', 'verify the manifest and entries even without a .sha256 sidecar')
    .option(
      '--signing-key-env <name>',
      'environment variable holding the HMAC key; when set, the backup must carry a valid .sig',
      'DHASH_BACKUP_HMAC_KEY',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        flags: { allowMissingSidecar?: boolean; signingKeyEnv?: string; json?: boolean },
      ) => {
        const key = io.env[flags.signingKeyEnv ?? 'DHASH_BACKUP_HMAC_KEY'];
        const result = await backupVerifyCommand(file, io.cwd, backupArchiveReader(), {
          allowMissingSidecar: flags.allowMissingSidecar,
          hmacKey: key ? Buffer.from(key, 'utf8') : undefined,
        });
        if (flags.json) {
          print(io, JSON.stringify(result, null, 2));
          return;
        }
        print(
          io,
          `✔ ${result.path} verified: sha256 ${result.sha256} ${result.sidecar === 'matches' ? 'matches its sidecar' : '(no sidecar)'}; ${result.files} files match the manifest (${result.environment}, release ${result.release ?? '-'}, made ${result.createdAt})`,
        );
      },
    );
}
