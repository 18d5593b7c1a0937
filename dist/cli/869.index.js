"use strict";
(function (__dhashImportMetaUrl) {
return { id: 869, ids: [869], modules: {

/***/ 2601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerBackup: () => (/* binding */ registerBackup)
});

// EXTERNAL MODULE: ./src/commands/backup.ts + 1 modules
var commands_backup = __webpack_require__(6934);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(6309);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/commands/restore/backup-files.ts
var backup_files = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/commands/restore/verify-archive.ts
var verify_archive = __webpack_require__(3241);
;// CONCATENATED MODULE: ./src/commands/backup-list.ts




async function backupListCommand(options, nowMs, archives) {
    const dir = (0,state_dir/* backupDir */.su)(options.config.env, options.cwd);
    const files = [
        ...(0,backup_files/* listBackupFiles */.aL)(dir, options.config.envName),
        ...(options.includePreRollback ? (0,backup_files/* listBackupFiles */.aL)(dir, options.config.envName, 'pre-rollback') : []),
    ];
    const out = [];
    for (const f of files) {
        let release = null;
        let state;
        try {
            if (options.verify) {
                const v = await (0,verify_archive/* verifyArchive */.w8)(f.path, { archives });
                release = v.manifest.release;
                state = 'verified';
            }
            else {
                release = (await archives.readManifest(f.path)).release;
                state = f.hasSidecar ? 'sidecar' : 'no-sidecar';
            }
        }
        catch (error) {
            state = `FAILED: ${(0,errors/* messageOf */.bD)(error).replace(`${f.path}: `, '')}`;
        }
        out.push({
            path: f.path,
            name: f.name,
            createdAt: new Date(f.createdMs).toISOString(),
            ageHours: (nowMs - f.createdMs) / 3_600_000,
            sizeBytes: f.sizeBytes,
            release,
            state,
            inUse: f.inUse,
        });
    }
    return out;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/commands/backup-verify.ts




async function backupVerifyCommand(file, cwd, archives, options = {}) {
    const path = (0,external_node_path_.resolve)(cwd, file);
    // A path that names no file is the caller's mistake (exit 2), not a backup that failed (exit 1).
    const stat = (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false });
    if (stat === undefined)
        throw new errors/* UsageError */.eb(`file: no such backup: ${path}`);
    if (!stat.isFile())
        throw new errors/* UsageError */.eb(`file: ${path} is not a file (expected a backup .zip)`);
    try {
        const v = await (0,verify_archive/* verifyArchive */.w8)(path, {
            archives,
            requireSidecar: !options.allowMissingSidecar,
            hmacKey: options.hmacKey,
            onProgress: options.onProgress,
        });
        return {
            path,
            sha256: v.archiveSha256,
            sizeBytes: v.sizeBytes,
            environment: v.manifest.environment,
            release: v.manifest.release,
            createdAt: v.manifest.created_at,
            files: v.manifest.totals.files,
            sidecar: v.sidecar.present ? 'matches' : 'absent',
            signed: Boolean(options.hmacKey),
        };
    }
    catch (error) {
        if (error instanceof verify_archive/* BackupRejectedError */.tK)
            throw new errors/* OperationError */.OK(`verification failed: ${error.message}`);
        throw error;
    }
}

// EXTERNAL MODULE: ./src/wiring/backup-archives.ts + 10 modules
var backup_archives = __webpack_require__(3462);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var runtime_logger = __webpack_require__(8118);
// EXTERNAL MODULE: ./src/cli/common-options.ts
var common_options = __webpack_require__(6570);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/commands/backup.ts







const HELP = `
Writes backups/dhash_<env>_<YYYYMMDD>_<HHMMSS>.zip (UTC) with the configured backup.paths of the
local target (the release "current" points at, config, data) and a consistent snapshot of the
embedded database, plus manifest.json (every file's size and sha256). The zip is written to a
temporary file, fsynced, re-read and verified in full, then published with its sidecar
<zip>.sha256 (sha256sum format: "sha256sum -c backups/<name>.zip.sha256" passes from here).
Retention then keeps the newest backup.keep_last and deletes others older than
auto_rollback.backup_retention_hours (never the newest verified one, never one in use).

Exit codes: 0 written and verified (or a clean dry-run) \u00b7 1 failed, nothing left behind \u00b7
2 bad flags or config \u00b7 4 refused: this machine is not the target host (no target.root here).

Examples:
  dhash-rollout backup --env production
  dhash-rollout backup --env production --dry-run
  dhash-rollout backup list --env production
  dhash-rollout backup verify backups/dhash_production_20260301_120000.zip`;
function mb(n) {
    return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : `${(n / 1e6).toFixed(1)} MB`;
}
function progressLine(p) {
    const pct = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
    const rate = p.elapsedMs > 0 ? p.bytesDone / 1e6 / (p.elapsedMs / 1000) : 0;
    return `backup: ${p.phase} ${mb(p.bytesDone)} of ${mb(p.bytesTotal)} (${pct} %)${p.phase === 'archiving' ? `, ${rate.toFixed(0)} MB/s` : ''}\n`;
}
// eslint-disable-next-line max-lines-per-function -- commander registration: one declarative chain of options and the action that reads them
function registerBackup(program, io) {
    const backup = program
        .command('backup')
        .description('Create, list and verify backups (default: create).')
        .addHelpText('after', HELP);
    (0,common_options/* addConfigOptions */.S0)(backup
        .command('create', { isDefault: true })
        .description('Back up the environment (the default subcommand).')
        .option('--dry-run', 'list what would go in, the size, and what retention would delete; write nothing')
        .option('-o, --output-dir <dir>', 'where to write the backup (default: the config\'s backup.dir, "backups")')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        // A dry-run is a plan: it says what is missing instead of refusing.
        const config = flags.dryRun ? (0,common_options/* loadFromFlags */.q8)(flags, io) : (0,common_options/* loadOnTargetHost */.dR)(flags, io);
        if (flags.dryRun) {
            const plan = (0,commands_backup/* planBackup */.W6)({ config, cwd: io.cwd, outputDir: flags.outputDir }, {
                clock: io.clock,
                storage: (0,backup_archives/* backupStorage */.y)(),
            });
            if (flags.json) {
                (0,cli_io/* print */.yy)(io, JSON.stringify(plan, null, 2));
                return;
            }
            (0,cli_io/* print */.yy)(io, `Dry-run: would write ${plan.path} (nothing written)`);
            (0,cli_io/* print */.yy)(io, `  target root: ${plan.root}; release: ${plan.release ?? '(none)'}`);
            for (const p of plan.paths)
                (0,cli_io/* print */.yy)(io, `  ${p.path}: ${p.files} files, ${mb(p.bytes)}`);
            if (plan.database)
                (0,cli_io/* print */.yy)(io, `  database snapshot: ${plan.database.path}, ${mb(plan.database.bytes)}`);
            (0,cli_io/* print */.yy)(io, `  total: ${plan.files} files, ${mb(plan.bytes)} before compression`);
            (0,cli_io/* print */.yy)(io, plan.retention.remove.length
                ? `  retention would delete: ${plan.retention.remove.map((r) => `${r.name} (${r.reason})`).join(', ')}`
                : '  retention would delete nothing');
            for (const w of plan.warnings)
                io.stderr.write(`warning: ${w}\n`);
            return;
        }
        const logger = new runtime_logger/* JsonLinesLogger */.Qk(io.clock, flags.json ? [] : [new runtime_logger/* ConsoleSink */.Nw((0,cli_io/* consoleLevel */.sr)(io, flags.verbose, 'WARN'), io.stderr)], config.redactor);
        const result = await (0,commands_backup/* createBackup */.dB)({ config, cwd: io.cwd, outputDir: flags.outputDir }, {
            clock: io.clock,
            logger,
            env: io.env,
            storage: (0,backup_archives/* backupStorage */.y)(),
            onProgress: (p) => io.stderr.write(progressLine(p)),
        });
        if (flags.json) {
            (0,cli_io/* print */.yy)(io, JSON.stringify({
                path: result.path,
                sidecar: result.sidecarPath,
                sha256: result.sha256,
                size_bytes: result.sizeBytes,
                release: result.manifest.release,
                files: result.manifest.totals.files,
                removed: result.removed,
            }, null, 2));
            return;
        }
        (0,cli_io/* print */.yy)(io, `\u2714 backup written and verified: ${result.path}`);
        (0,cli_io/* print */.yy)(io, `  sha256 ${result.sha256} (${result.sidecarPath})`);
        (0,cli_io/* print */.yy)(io, `  ${result.manifest.totals.files} files, ${mb(result.manifest.totals.bytes)} \u2192 ${mb(result.sizeBytes)}; release ${result.manifest.release ?? '(none)'}${result.manifest.database ? `; database ${result.manifest.database.path}` : ''}`);
        for (const r of result.removed)
            (0,cli_io/* print */.yy)(io, `  retention removed ${r}`);
    });
    (0,common_options/* addConfigOptions */.S0)(backup
        .command('list')
        .description("List the environment's backups with age, size, release and verification state.")
        .option('--verify', 're-hash every backup in full (slow for large ones)')
        .option('--all', 'include pre-rollback snapshots')
        .option('--json', 'print the result as JSON')).action(async (flags) => {
        const config = (0,common_options/* loadFromFlags */.q8)(flags, io);
        const rows = await backupListCommand({ config, cwd: io.cwd, verify: flags.verify, includePreRollback: flags.all }, io.clock.now(), (0,backup_archives/* backupArchiveReader */.M)());
        if (flags.json) {
            (0,cli_io/* print */.yy)(io, JSON.stringify(rows, null, 2));
            return;
        }
        if (rows.length === 0) {
            (0,cli_io/* print */.yy)(io, `no backups of "${config.envName}"`);
            return;
        }
        for (const r of rows) {
            (0,cli_io/* print */.yy)(io, `${r.name}  ${r.ageHours.toFixed(1).padStart(7)} h  ${mb(r.sizeBytes).padStart(10)}  release ${r.release ?? '-'}  ${r.state === 'sidecar' ? 'verified when written (sidecar present)' : r.state}${r.inUse ? '  IN USE' : ''}`);
        }
    });
    backup
        .command('verify <file>')
        .description("Check a backup: its sha256 against the sidecar, the manifest, and every entry's hash. Works from any directory.")
        .option('--allow-missing-sidecar', 'verify the manifest and entries even without a .sha256 sidecar')
        .option('--signing-key-env <name>', 'environment variable holding the HMAC key; when set, the backup must carry a valid .sig', 'DHASH_BACKUP_HMAC_KEY')
        .option('--json', 'print the result as JSON')
        .action(async (file, flags) => {
        const key = io.env[flags.signingKeyEnv ?? 'DHASH_BACKUP_HMAC_KEY'];
        const result = await backupVerifyCommand(file, io.cwd, (0,backup_archives/* backupArchiveReader */.M)(), {
            allowMissingSidecar: flags.allowMissingSidecar,
            hmacKey: key ? Buffer.from(key, 'utf8') : undefined,
        });
        if (flags.json) {
            (0,cli_io/* print */.yy)(io, JSON.stringify(result, null, 2));
            return;
        }
        (0,cli_io/* print */.yy)(io, `\u2714 ${result.path} verified: sha256 ${result.sha256} ${result.sidecar === 'matches' ? 'matches its sidecar' : '(no sidecar)'}; ${result.files} files match the manifest (${result.environment}, release ${result.release ?? '-'}, made ${result.createdAt})`);
    });
}


/***/ }),

/***/ 6002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ parseFileStamp),
/* harmony export */   a: () => (/* binding */ fileStamp)
/* harmony export */ });
/** `YYYYMMDD_HHMMSS` in UTC: the stamp in backup and log file names. */
function fileStamp(ms) {
    const iso = new Date(ms).toISOString(); // 2026-11-27T15:46:23.123Z
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}
/** Parses a `YYYYMMDD_HHMMSS` stamp back to epoch ms, or null. */
function parseFileStamp(stamp) {
    const m = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(stamp);
    if (!m)
        return null;
    const [, y, mo, d, h, mi, s] = m.map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s);
}


/***/ }),

/***/ 482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ describeOwner),
/* harmony export */   Dh: () => (/* binding */ readLockOwner),
/* harmony export */   _n: () => (/* binding */ isAlive),
/* harmony export */   bh: () => (/* binding */ tryLock)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** Whether a process with this pid exists on this host. */
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: the process exists but belongs to someone else.
        return error.code === 'EPERM';
    }
}
function readLockOwner(path) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return null;
    }
}
/** One attempt; a stale lock (dead pid on this host) is removed and the attempt repeated once. */
function tryLock(path, purpose, now = new Date()) {
    // Directories made only to hold the lock are removed with it (when still empty), so a run that
    // needed no more than the lock leaves no empty target root behind.
    const createdFrom = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'wx');
            const owner = { pid: process.pid, host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), since: now.toISOString(), purpose };
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, JSON.stringify(owner));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            let released = false;
            return {
                acquired: true,
                release: () => {
                    if (released)
                        return;
                    released = true;
                    const current = readLockOwner(path);
                    if (current && current.pid === process.pid && current.since === owner.since) {
                        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
                        if (createdFrom)
                            removeEmptyUpTo((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), createdFrom);
                    }
                },
            };
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            const owner = readLockOwner(path);
            const stale = owner !== null && owner.host === (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)() && !isAlive(owner.pid);
            // A lock file that is empty or unparsable was torn by a crash between open and write.
            const torn = owner === null;
            if ((stale || torn) && attempt === 0) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
                continue;
            }
            return { acquired: false, owner };
        }
    }
    return { acquired: false, owner: readLockOwner(path) };
}
function describeOwner(owner) {
    if (!owner)
        return 'an unknown process';
    return `pid ${owner.pid} on ${owner.host} (${owner.purpose}) since ${owner.since}`;
}
function removeEmptyUpTo(dir, top) {
    for (let d = dir;; d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmdirSync)(d);
        }
        catch {
            return; // not empty (someone put something there), or gone
        }
        if (d === top || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d) === d)
            return;
    }
}


/***/ })

} };
})
