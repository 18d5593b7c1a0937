"use strict";
(function (__dhashImportMetaUrl) {
return { id: 488, ids: [488], modules: {

/***/ 5583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ sqlJs),
/* harmony export */   Zf: () => (/* reexport safe */ _runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__.Z),
/* harmony export */   _3: () => (/* binding */ EmbeddedDatabase),
/* harmony export */   uD: () => (/* binding */ snapshotDatabaseFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99034);
/* harmony import */ var _runtime_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19842);
/* harmony import */ var _runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60482);



/** Kept here too for the callers that import it from the database adapter. */


/**
 * The embedded database: a real SQLite file, run by sql.js (SQLite compiled to WebAssembly), so it
 * needs no native build and runs on Linux, macOS and Windows runners alike.
 *
 * sql.js keeps the database in memory, so several processes (the service, `migrate`, `backup`)
 * share the file by these rules:
 *  - every write takes `<file>.lock`, reloads the file if another process replaced it, runs in a
 *    transaction, and publishes the result by writing a temporary file, fsync, and rename;
 *  - every read first reloads the file if it was replaced.
 * Because a published file is always whole, a copy of it is a consistent snapshot: no torn copy
 * of a live file is possible.
 */
let sqlPromise;
function sqlJs() {
    // The SQL engine (1 MB of wasm) loads on first use, not when a command that never opens a
    // database starts.
    sqlPromise ??= __webpack_require__.e(/* import() */ 865).then(__webpack_require__.t.bind(__webpack_require__, 28865, 23)).then(({ default: initSqlJs }) => initSqlJs());
    return sqlPromise;
}
function identity(path) {
    try {
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
        return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
    }
    catch {
        return null;
    }
}
function sameIdentity(a, b) {
    return a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
class EmbeddedDatabase {
    SQL;
    path;
    lockTimeoutMs;
    clock;
    db;
    loaded;
    constructor(SQL, path, lockTimeoutMs, clock) {
        this.SQL = SQL;
        this.path = path;
        this.lockTimeoutMs = lockTimeoutMs;
        this.clock = clock;
        this.loaded = identity(path);
        this.db = this.loaded ? new SQL.Database((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path)) : new SQL.Database();
    }
    static async open(path, options = {}) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) && options.create === false)
            throw new Error(`database file not found: ${path}`);
        return new EmbeddedDatabase(await sqlJs(), path, options.lockTimeoutMs ?? 10_000, options.clock ?? new _runtime_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .RealClock */ .Pr());
    }
    /** Reloads from disk when another process has published a newer file. */
    refresh() {
        const now = identity(this.path);
        if (now === null || sameIdentity(now, this.loaded))
            return;
        this.db.close();
        this.db = new this.SQL.Database((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(this.path));
        this.loaded = identity(this.path);
    }
    /** Runs read-only work against the latest published state. */
    read(work) {
        this.refresh();
        return work(this.db);
    }
    /**
     * Runs `work` in a transaction under the file lock and publishes the result atomically.
     * If `work` throws, the transaction is rolled back and nothing is published.
     * With `dryRun`, the transaction is always rolled back: it proves the work applies.
     */
    async write(work, options = {}) {
        const release = await this.lock();
        try {
            this.refresh();
            this.db.exec('BEGIN');
            let result;
            try {
                result = work(this.db);
            }
            catch (error) {
                this.db.exec('ROLLBACK');
                throw error;
            }
            if (options.dryRun) {
                this.db.exec('ROLLBACK');
                return result;
            }
            this.db.exec('COMMIT');
            (0,_runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomic */ .Z)(this.path, this.db.export());
            this.loaded = identity(this.path);
            return result;
        }
        finally {
            release();
        }
    }
    async lock() {
        const deadline = this.clock.now() + this.lockTimeoutMs;
        for (;;) {
            const attempt = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .tryLock */ .bh)(`${this.path}.lock`, 'database write');
            if (attempt.acquired)
                return attempt.release;
            if (this.clock.now() > deadline) {
                throw new Error(`database ${this.path} is locked by ${(0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .describeOwner */ .$S)(attempt.owner)}`);
            }
            // Writers hold the lock for milliseconds; poll briefly rather than block the event loop.
            await this.clock.sleep(5);
        }
    }
    close() {
        this.db.close();
    }
}
/** The bytes of the latest published database: a consistent snapshot for backups. */
function snapshotDatabaseFile(path) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path);
}


/***/ }),

/***/ 95580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i4: () => (/* binding */ checkHealthOnce),
  Rs: () => (/* binding */ serviceUrl),
  tm: () => (/* binding */ waitForHealth)
});

// EXTERNAL MODULE: ./src/runtime/http.ts
var http = __webpack_require__(81670);
;// CONCATENATED MODULE: ./src/adapters/targets/http-message.ts


/** A short reason for a failed request, without the URL (which may carry a token). */
function messageOfHttp(error) {
    if (error instanceof http/* HttpError */.j$)
        return `${error.kind}: ${error.message}`;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/adapters/targets/health.ts

async function checkHealthOnce(url, timeoutMs, signal) {
    try {
        const res = await (0,http/* httpRequest */.aj)({
            url,
            timeoutMs,
            connectTimeoutMs: Math.min(timeoutMs, 5_000),
            maxBodyBytes: 1024 * 1024,
            signal,
        });
        let body = null;
        try {
            body = res.json();
        }
        catch {
            body = null;
        }
        const version = typeof body?.version === 'string' ? body.version : undefined;
        if (res.status < 200 || res.status > 299)
            return { ok: false, detail: `HTTP ${res.status}`, version };
        if (!body)
            return { ok: false, detail: `HTTP ${res.status} with a body that is not JSON` };
        if (body.status !== 'ok')
            return { ok: false, detail: `status "${String(body.status)}"`, version };
        return {
            ok: true,
            detail: `HTTP ${res.status}, status "ok"${version ? `, version ${version}` : ''}`,
            version,
        };
    }
    catch (error) {
        return { ok: false, detail: messageOfHttp(error) };
    }
}
async function waitForHealth(options) {
    const { clock } = options;
    const deadline = clock.now() + options.timeoutMs;
    let attempts = 0;
    let detail = 'no attempt made';
    for (;;) {
        attempts++;
        // At least a second per request: an attempt squeezed into the last milliseconds would only
        // ever report a timeout and hide the real answer (a 503, say) of the attempts before it.
        const remaining = Math.max(1_000, deadline - clock.now());
        const check = await checkHealthOnce(options.url, Math.min(options.requestTimeoutMs ?? 5_000, remaining), options.signal);
        if (check.ok)
            return { ok: true, attempts, detail: check.detail, version: check.version };
        detail = check.detail;
        options.onAttempt?.(attempts, detail);
        const problem = options.problem ? await options.problem() : null;
        if (problem)
            return { ok: false, attempts, detail: `${problem} (last health answer: ${detail})` };
        if (clock.now() >= deadline) {
            return {
                ok: false,
                attempts,
                detail: `not healthy within ${Math.round(options.timeoutMs / 1000)} s after ${attempts} attempts; last answer: ${detail}`,
            };
        }
        await clock.sleep(Math.min(options.intervalMs ?? 250, Math.max(0, deadline - clock.now())), options.signal);
    }
}
/** `base_url` + a path, without doubling the slash. */
function serviceUrl(baseUrl, path) {
    return `${baseUrl.replace(/\/+$/, '')}${path}`;
}


/***/ }),

/***/ 13468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xj: () => (/* binding */ resolveDatabasePath),
/* harmony export */   jG: () => (/* binding */ serviceEnv),
/* harmony export */   zz: () => (/* binding */ commandEnv)
/* harmony export */ });
/* unused harmony export DEFAULT_DATABASE_PATH */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

function serviceEnv(input) {
    const url = new URL(input.baseUrl);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const env = {
        ...input.base,
        DHASH_PORT: port,
        DHASH_HOST: url.hostname.replace(/^\[|\]$/g, ''),
        DHASH_AUTO_MIGRATE: '0',
        DHASH_RELEASE_DIR: input.releaseDir,
        DHASH_RELEASE: input.releaseId,
        DHASH_ENV: input.environment,
        ...input.extra,
    };
    if (input.databasePath)
        env.DHASH_DB_PATH = input.databasePath;
    return env;
}
/** The documented variables every user command (install, restart, command-target scripts) gets. */
function commandEnv(base, extra, vars) {
    return {
        ...base,
        ...extra,
        DHASH_ENV: vars.environment,
        DHASH_RELEASE: vars.release ?? '',
        DHASH_RELEASE_PATH: vars.releasePath ?? '',
        DHASH_DEPLOYMENT_ID: vars.deploymentId ?? '',
        DHASH_BACKUP_PATH: vars.backupPath ?? '',
        DHASH_PREVIOUS_RELEASE: vars.previousRelease ?? '',
        DHASH_FAILED_RELEASE: vars.failedRelease ?? '',
    };
}
/** The embedded database file of an environment: relative to the target root, else to cwd. */
const DEFAULT_DATABASE_PATH = 'shared/data/dhash.sqlite';
function resolveDatabasePath(databasePath, root, cwd) {
    const path = databasePath ?? DEFAULT_DATABASE_PATH;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root ?? cwd, path);
}


/***/ }),

/***/ 60923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ signingKey),
/* harmony export */   T: () => (/* binding */ restoreScope)
/* harmony export */ });
/** What an environment's config allows a restore: its paths and database (see manifestScopeProblems). */
function restoreScope(config) {
    const norm = (p) => p.replace(/\\/g, '/').replace(/\/+$/, '');
    return {
        environment: config.envName,
        paths: config.env.backup.paths.map(norm),
        databasePath: config.env.backup.database_path ? norm(config.env.backup.database_path) : null,
    };
}
/** The signing key, when the environment variable the config names is set (never logged). */
function signingKey(config, env) {
    const text = env[config.env.backup.signing_key_env];
    return text ? Buffer.from(text, 'utf8') : undefined;
}


/***/ }),

/***/ 11592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G_: () => (/* binding */ readPreDeployRecord),
/* harmony export */   VB: () => (/* binding */ writePreDeployRecord),
/* harmony export */   Xc: () => (/* binding */ selectRollbackBackup)
/* harmony export */ });
/* unused harmony export preDeployRecordPath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86309);
/* harmony import */ var _runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99034);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9541);
/* harmony import */ var _restore_backup_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53131);
/* harmony import */ var _restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83241);







function preDeployRecordPath(config, cwd) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .backupDir */ .su)(config.env, cwd), `.pre-deploy_${config.envName}.json`);
}
function writePreDeployRecord(config, cwd, record) {
    const path = preDeployRecordPath(config, cwd);
    (0,_runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Z)(path, Buffer.from(`${JSON.stringify(record, null, 2)}\n`));
    return path;
}
function readPreDeployRecord(config, cwd) {
    const path = preDeployRecordPath(config, cwd);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return null;
    try {
        const record = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        return record.environment === config.envName && typeof record.backup === 'string' ? record : null;
    }
    catch {
        return null;
    }
}
async function selectRollbackBackup(config, cwd, selection, archives) {
    if (selection.kind === 'backup') {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, selection.path);
        const verified = await (0,_restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_6__/* .verifyArchive */ .w8)(path, { archives });
        if (selection.sha256 && verified.archiveSha256 !== selection.sha256)
            return {
                backup: null,
                detail: `the pinned backup ${path} now has sha256 ${verified.archiveSha256}, not the recorded ${selection.sha256}: refusing to restore it`,
            };
        return {
            backup: verified.path,
            sha256: verified.archiveSha256,
            release: verified.manifest.release,
            detail: `pinned backup ${verified.path} (sha256 ${verified.archiveSha256}, release ${verified.manifest.release ?? 'none'})`,
        };
    }
    if (selection.kind === 'latest-before-deploy') {
        const record = readPreDeployRecord(config, cwd);
        if (!record)
            return {
                backup: null,
                detail: `no pre-deploy backup recorded for "${config.envName}" (${preDeployRecordPath(config, cwd)}); deploy with --backup-first or pass --rollback-to <backup>`,
            };
        const pinned = await selectRollbackBackup(config, cwd, {
            kind: 'backup',
            path: record.backup,
            sha256: record.sha256,
        }, archives);
        return pinned.backup
            ? {
                ...pinned,
                detail: `the backup taken before deploying ${record.deploying ?? 'the last release'} (${record.taken_at}): ${pinned.detail}`,
            }
            : pinned;
    }
    const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .backupDir */ .su)(config.env, cwd);
    const skipped = [];
    for (const candidate of (0,_restore_backup_files_js__WEBPACK_IMPORTED_MODULE_5__/* .listBackupFiles */ .aL)(dir, config.envName)) {
        if (!candidate.hasSidecar)
            continue;
        // File names carry the second the backup was made; one made after the watch began may hold
        // the release under watch.
        if (candidate.createdMs > selection.notAfterMs) {
            skipped.push(`${candidate.name} (made after the watch began)`);
            continue;
        }
        try {
            const verified = await (0,_restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_6__/* .verifyArchive */ .w8)(candidate.path, { archives });
            if (Date.parse(verified.manifest.created_at) > selection.notAfterMs) {
                skipped.push(`${candidate.name} (made after the watch began)`);
                continue;
            }
            if (selection.watchedRelease !== null && verified.manifest.release === selection.watchedRelease) {
                skipped.push(`${candidate.name} (holds the watched release ${selection.watchedRelease})`);
                continue;
            }
            return {
                backup: verified.path,
                sha256: verified.archiveSha256,
                release: verified.manifest.release,
                detail: `newest verified backup made before the watch began whose release (${verified.manifest.release ?? 'none'}) is not the watched ${selection.watchedRelease ?? '(unknown)'}: ${verified.path}${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}`,
            };
        }
        catch (error) {
            skipped.push(`${candidate.name} (does not verify: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)})`);
        }
    }
    return {
        backup: null,
        detail: `no backup of "${config.envName}" in ${dir} qualifies${skipped.length ? `: skipped ${skipped.join(', ')}` : ''}`,
    };
}


/***/ }),

/***/ 51356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ct: () => (/* binding */ rollbackCommand),
/* harmony export */   TE: () => (/* binding */ createRollbackRunner)
/* harmony export */ });
/* unused harmony exports CONFIRM_VARIABLE, needsConfirmation */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86309);
/* harmony import */ var _runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6931);
/* harmony import */ var _runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(60482);
/* harmony import */ var _runtime_preemption_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(47317);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9541);
/* harmony import */ var _backup_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(76934);
/* harmony import */ var _restore_backup_files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(53131);
/* harmony import */ var _rollback_target_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(11592);
/* harmony import */ var _restore_journal_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(90332);
/* harmony import */ var _restore_layout_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(55661);
/* harmony import */ var _restore_restore_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(97135);
/* harmony import */ var _restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(83241);
/* harmony import */ var _restore_restore_settings_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(60923);















/** The closing notification's text: what was restored, or why the rollback failed (`ok` is `!error`). */
function rollbackNoticeText(result, archivePath) {
    return result.ok
        ? `Restored ${archivePath} (release ${result.toRelease ?? 'none'}); ${result.validation?.detail ?? ''}`
        : `${result.error ?? ''}. Pre-rollback snapshot: ${result.preRollbackSnapshot ?? 'none'}`;
}
/** The environment name an operator must type (or set in DHASH_ROLLBACK_CONFIRM) in production. */
const CONFIRM_VARIABLE = 'DHASH_ROLLBACK_CONFIRM';
function needsConfirmation(config) {
    return config.envName === 'production';
}
async function resolveBackup(options, logger, verifyOptions) {
    const { config } = options;
    const verifyArchive = (path) => (0,_restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_13__/* .verifyArchive */ .w8)(path, verifyOptions);
    if (options.backup === 'latest') {
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .backupDir */ .su)(config.env, options.cwd);
        const candidates = (0,_restore_backup_files_js__WEBPACK_IMPORTED_MODULE_8__/* .listBackupFiles */ .aL)(dir, config.envName);
        if (candidates.length === 0)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: no backups of "${config.envName}" in ${dir}`);
        for (const candidate of candidates) {
            try {
                return await verifyArchive(candidate.path);
            }
            catch (error) {
                logger.warn('skipping a backup that does not verify', {
                    path: candidate.path,
                    error: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error),
                });
            }
        }
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: none of the ${candidates.length} backups of "${config.envName}" in ${dir} verifies`);
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd, options.backup);
    try {
        const verified = await verifyArchive(path);
        if (options.expectedSha256 && verified.archiveSha256 !== options.expectedSha256)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: ${path} has sha256 ${verified.archiveSha256}, not the pinned ${options.expectedSha256}`);
        return verified;
    }
    catch (error) {
        if (error instanceof _restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_13__/* .BackupRejectedError */ .tK)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: ${error.message}`);
        throw error;
    }
}
async function notify(deps, logger, options, event, level, title, text) {
    const step = event === 'rollback_start' ? 'notify-start' : 'notify-end';
    if (options.announce === false)
        return { step, status: 'skipped', detail: 'announced by the caller (the monitor), not twice' };
    let notifier;
    try {
        notifier = deps.notifier();
    }
    catch (error) {
        const detail = `notification NOT sent (${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error)}): ${title}`;
        logger.warn(detail);
        return { step, status: 'failed', detail };
    }
    try {
        const report = await notifier.send({
            event,
            level,
            title,
            text,
            environment: options.config.envName,
            deploymentId: options.deploymentId ?? `rollback-${deps.clock.now()}`,
        });
        const summary = report.deliveries
            .map((d) => `${d.channel}: ${d.delivered ? 'delivered' : d.fellBack ? 'NOT delivered (written to the fallback file)' : `NOT delivered (${d.error ?? 'unknown error'})`}`)
            .join('; ');
        if (report.deliveries.length === 0)
            return { step, status: 'skipped', detail: 'no notification channels configured' };
        return { step, status: report.allDelivered ? 'ok' : 'failed', detail: summary };
    }
    catch (error) {
        const detail = `notification NOT sent: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error)}`;
        logger.warn(detail);
        return { step, status: 'failed', detail };
    }
}
function startRollbackRun(options, deps) {
    const { config } = options;
    const logger = deps.logger.child({ step: 'rollback', environment: config.envName });
    const progress = (line) => {
        logger.info(line);
        deps.onProgress?.(line);
    };
    const root = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .targetRoot */ .u6)(config.env, options.cwd);
    if (!root)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`environment "${config.envName}": restoring a backup needs a "local" target; this one has none on this host`);
    const steps = [];
    const result = {
        ok: false,
        environment: config.envName,
        dryRun: Boolean(options.dryRun),
        backup: options.backup,
        sha256: null,
        preRollbackSnapshot: null,
        steps,
    };
    return { options, deps, logger, progress, root, result, steps };
}
/** Without a terminal and without --force, production is refused at once: never a hang, never a wait. */
function refuseUnconfirmableProduction(options, deps) {
    const { config } = options;
    const confirmedByVariable = deps.env[CONFIRM_VARIABLE] === config.envName;
    if (!options.dryRun &&
        needsConfirmation(config) &&
        !options.force &&
        !confirmedByVariable &&
        (!options.interactive || !options.confirm)) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: rolling back "${config.envName}" needs a typed confirmation and there is no terminal to ask on; pass --force, or set ${CONFIRM_VARIABLE}=${config.envName}`);
    }
}
/** Step 1: verify before anything else, so a bad backup never stops the service. */
async function verifyRollbackBackup(run) {
    const { options, deps, logger, root, result, steps } = run;
    const { config } = options;
    const hmacKey = (0,_restore_restore_settings_js__WEBPACK_IMPORTED_MODULE_14__/* .signingKey */ .N)(config, deps.env);
    const pending = (0,_restore_journal_js__WEBPACK_IMPORTED_MODULE_10__/* .pendingRestore */ .oU)(root);
    run.progress(`verifying ${options.backup === 'latest' ? 'the latest backup' : options.backup}`);
    const verified = await resolveBackup(options, logger, {
        hmacKey,
        targetRoot: root,
        archives: deps.storage,
    });
    const manifest = verified.manifest;
    if (manifest.environment !== config.envName) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: ${verified.path} is a backup of "${manifest.environment}", not of "${config.envName}"`);
    }
    const restoreOptions = {
        archivePath: verified.path,
        root,
        environment: config.envName,
        scope: (0,_restore_restore_settings_js__WEBPACK_IMPORTED_MODULE_14__/* .restoreScope */ .T)(config),
        expectedSha256: verified.archiveSha256,
        hmacKey,
        allowSetid: config.env.backup.restore_setid,
        clock: deps.clock,
        logger,
        env: deps.env,
        storage: deps.storage,
    };
    // The same checks the restore makes before writing anything, so a bad archive or host layout
    // is refused here (exit 4), with the service untouched.
    const plan = await (0,_restore_restore_js__WEBPACK_IMPORTED_MODULE_12__/* .planRestore */ .q8)(restoreOptions).catch((error) => {
        if (error instanceof _restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_13__/* .BackupRejectedError */ .tK)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: ${error.message}`);
        throw error;
    });
    if (plan.problems.length > 0)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: ${verified.path}: ${plan.problems.join('; ')}; nothing was changed`);
    result.backup = verified.path;
    result.sha256 = verified.archiveSha256;
    result.restored = verified.path;
    result.toRelease = manifest.release;
    steps.push({
        step: 'verify',
        status: 'ok',
        detail: `${verified.path}: sha256 ${verified.archiveSha256} matches its sidecar; ${manifest.totals.files} files match the manifest (release ${manifest.release ?? 'none'}, made ${manifest.created_at})`,
    });
    return { verified, manifest, restoreOptions, plan, pending };
}
/** The deploy target, or why there is none (reported, not thrown, so a dry run can show it). */
function resolveTarget(deps) {
    try {
        return { target: deps.target(), targetProblem: null };
    }
    catch (error) {
        return { target: null, targetProblem: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error) };
    }
}
/** A dry run: every step the rollback would take, as planned steps; nothing is changed. */
function planDryRun(run, { manifest, plan, pending }, target, targetProblem) {
    const { options, root, result, steps } = run;
    const { config } = options;
    if (pending)
        steps.push({
            step: 'restore',
            status: 'planned',
            detail: `PENDING: a rollback to ${pending.backup} (txid ${pending.txid}) was interrupted after it committed; ${root} is half restored. This rollback would first complete it (service stopped)`,
        });
    steps.push({
        step: 'restore',
        status: 'planned',
        detail: `layout: ${(0,_restore_layout_js__WEBPACK_IMPORTED_MODULE_11__/* .describeLayout */ .M2)(plan.layout).join('; ')}`,
    });
    steps.push({
        step: 'confirm',
        status: needsConfirmation(config) ? 'planned' : 'skipped',
        detail: needsConfirmation(config)
            ? 'production: typed confirmation or --force would be required'
            : 'not production',
    });
    steps.push({
        step: 'snapshot',
        status: 'planned',
        detail: `pre-rollback snapshot to ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .backupDir */ .su)(config.env, options.cwd), 'pre-rollback')}/`,
    });
    steps.push({
        step: 'stop',
        status: 'planned',
        detail: target
            ? `stop the service (${target.kind} target)`
            : `cannot stop: ${targetProblem ?? 'no target'}`,
    });
    steps.push({
        step: 'restore',
        status: 'planned',
        detail: `restore ${manifest.paths.join(', ')}${manifest.database ? ` and the database ${manifest.database.path}` : ''} into ${root}; current \u2192 ${manifest.release ?? '(unchanged)'}`,
    });
    steps.push({ step: 'start', status: 'planned', detail: 'start the service' });
    steps.push({
        step: 'validate',
        status: options.skipValidation ? 'skipped' : 'planned',
        detail: options.skipValidation ? '--skip-validation' : 'health and smoke checks',
    });
    result.ok = true;
    return result;
}
/** Step 2: confirmation. Production needs a person (or --force); without a TTY we refuse at once. */
async function confirmRollback(run, { verified, manifest }) {
    const { options, deps, steps } = run;
    const { config } = options;
    if (!needsConfirmation(config) || options.force)
        return;
    if (deps.env[CONFIRM_VARIABLE] === config.envName) {
        steps.push({
            step: 'confirm',
            status: 'ok',
            detail: `confirmed by ${CONFIRM_VARIABLE}=${config.envName}`,
        });
    }
    else if (!options.interactive || !options.confirm) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: rolling back "${config.envName}" needs a typed confirmation and there is no terminal to ask on; pass --force, or set ${CONFIRM_VARIABLE}=${config.envName}`);
    }
    else {
        const typed = (await options.confirm(`Roll back ${config.envName} to ${verified.path} (release ${manifest.release ?? 'none'}, made ${manifest.created_at})?\nType "${config.envName}" to continue: `)).trim();
        if (typed !== config.envName)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(`refused: confirmation did not match "${config.envName}"; nothing was changed`);
        steps.push({ step: 'confirm', status: 'ok', detail: 'typed confirmation' });
    }
}
/**
 * A manual rollback preempts a monitor watching this environment: the monitor stops (within
 * 60 s), records `preempted` and releases its lock, so it can never roll back against us.
 */
async function preemptWatchingMonitor(run, verified) {
    const { options, deps } = run;
    const { config } = options;
    if (options.announce === false)
        return;
    const preemption = await (0,_runtime_preemption_js__WEBPACK_IMPORTED_MODULE_5__/* .preemptMonitor */ .Q0)((0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .lockDir */ .JK)(config.env, options.cwd), config.envName, `manual rollback to ${verified.path}${options.reason ? `: ${options.reason}` : ''}`, deps.clock);
    if (preemption.monitor)
        run.progress(preemption.stopped
            ? `the running monitor (${(0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .describeOwner */ .$S)(preemption.monitor)}) stopped after ${Math.round(preemption.waitedMs / 1000)} s`
            : `the running monitor (${(0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .describeOwner */ .$S)(preemption.monitor)}) did not stop within 60 s; rolling back anyway`);
}
/**
 * A rollback killed after its commit left a half-restored tree: finish it first (its renames
 * need the service stopped), so the snapshot and the restore start from a whole tree.
 * Returns whether the service was stopped for it.
 */
async function completeInterruptedRollback(run, pending, target) {
    if (!pending)
        return false;
    run.progress(`completing the interrupted rollback ${pending.txid} first`);
    await target.stop();
    run.steps.push({
        step: 'stop',
        status: 'ok',
        detail: 'service stopped to complete an interrupted rollback',
    });
    const recovered = (0,_restore_restore_js__WEBPACK_IMPORTED_MODULE_12__/* .recoverInterruptedRestores */ .ue)(run.root, run.logger, run.deps.storage);
    run.steps.push({ step: 'restore', status: 'ok', detail: `completed first: ${recovered.join('; ')}` });
    return true;
}
/** Step 3: stage while the old release still runs: verify, extract, fsync (beside each path). */
async function stageRestore(run, { verified, restoreOptions }, target, stopped) {
    const { deps } = run;
    run.progress(`staging ${verified.path}`);
    const stagingStarted = deps.clock.now();
    let prepared;
    try {
        prepared = await (0,_restore_restore_js__WEBPACK_IMPORTED_MODULE_12__/* .prepareRestore */ .cW)(restoreOptions);
    }
    catch (error) {
        if (stopped)
            await target.start().catch(() => undefined);
        if (error instanceof _restore_restore_js__WEBPACK_IMPORTED_MODULE_12__/* .RestoreRefusedError */ .HI || error instanceof _restore_verify_archive_js__WEBPACK_IMPORTED_MODULE_13__/* .BackupRejectedError */ .tK)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .RefusedError */ .fk(error.message.startsWith('refused') ? error.message : `refused: ${error.message}`);
        throw error;
    }
    run.steps.push({
        step: 'restore',
        status: 'ok',
        detail: `staged and fsynced in ${deps.clock.now() - stagingStarted} ms while the service ran: ${(0,_restore_layout_js__WEBPACK_IMPORTED_MODULE_11__/* .describeLayout */ .M2)(prepared.layout).join('; ')}`,
    });
    return prepared;
}
/** Step 4: snapshot what is there now, outside the dhash_*.zip glob, so this rollback can be undone. */
async function takePreRollbackSnapshot(run, prepared, target, stopped) {
    const { options, deps, logger } = run;
    run.progress('taking the pre-rollback snapshot');
    let snapshot;
    try {
        snapshot = await (0,_backup_js__WEBPACK_IMPORTED_MODULE_7__/* .createBackup */ .dB)({ config: options.config, cwd: options.cwd, kind: 'pre-rollback' }, { clock: deps.clock, logger, env: deps.env, storage: deps.storage });
    }
    catch (error) {
        prepared.abandon();
        if (stopped)
            await target.start().catch(() => undefined);
        throw error;
    }
    run.result.preRollbackSnapshot = snapshot.path;
    run.steps.push({ step: 'snapshot', status: 'ok', detail: `${snapshot.path} (sha256 ${snapshot.sha256})` });
}
async function stopService(run, prepared, target, stopped) {
    if (stopped)
        return;
    run.progress('stopping the service');
    try {
        await target.stop();
    }
    catch (error) {
        prepared.abandon();
        throw error;
    }
    run.steps.push({ step: 'stop', status: 'ok', detail: 'service stopped' });
}
/** The swap by renames. Returns whether it committed and, if it failed, why. */
async function commitRestore(run, verified, prepared, target) {
    let restoreError = null;
    let committed = false;
    try {
        run.progress(`swapping in ${verified.path}`);
        const restored = prepared.commit();
        committed = true;
        run.steps.push({
            step: 'restore',
            status: 'ok',
            detail: `swapped in by renames: ${restored.restoredPaths.join(', ')}${restored.databaseRestored ? ' and the database' : ''}${restored.releaseDir ? `; current \u2192 ${restored.releaseDir}` : ''}`,
        });
        run.result.toRelease = await target.currentRelease().catch(() => null);
    }
    catch (error) {
        restoreError = error;
        if (!committed)
            prepared.abandon();
        run.steps.push({ step: 'restore', status: 'failed', detail: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error) });
    }
    return { committed, restoreError };
}
/** Start whichever state is now whole: the restored one, or the old one when the restore did not commit. */
async function startService(run, target, stopAt) {
    const { result, steps } = run;
    run.progress('starting the service');
    try {
        await target.start();
        result.downtimeMs = run.deps.clock.now() - stopAt;
        steps.push({
            step: 'start',
            status: 'ok',
            detail: `service started (${result.downtimeMs} ms after the stop)`,
        });
    }
    catch (error) {
        steps.push({ step: 'start', status: 'failed', detail: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error) });
        result.error = `the service did not start: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error)}`;
    }
}
/** The old copies go only now, with the service up: deleting a large tree is slow. */
function removeOldCopies(run, prepared) {
    try {
        prepared.cleanup();
    }
    catch (error) {
        run.logger.warn('could not remove the old copies after the restore', { error: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error) });
    }
}
async function validateRestoredService(run) {
    const { options, deps, result, steps } = run;
    if (options.skipValidation) {
        steps.push({ step: 'validate', status: 'skipped', detail: '--skip-validation' });
        result.validation = { ok: true, detail: 'skipped (--skip-validation)' };
        return;
    }
    run.progress('validating the service');
    try {
        result.validation = await deps.validator().validate();
    }
    catch (error) {
        result.validation = { ok: false, detail: `validation NOT performed: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error)}` };
    }
    steps.push({
        step: 'validate',
        status: result.validation.ok ? 'ok' : 'failed',
        detail: result.validation.detail,
    });
    if (!result.validation.ok)
        result.error = `the restored service failed validation: ${result.validation.detail}`;
}
/** Judges the restore: a failed swap, the wrong live release, or else the validation decides. */
async function judgeRollback(run, { verified, manifest }, restoreError) {
    const { options, result } = run;
    if (restoreError) {
        result.error = `restore failed: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(restoreError)}${result.error ? `; ${result.error}` : ''}`;
    }
    else if (!result.error && manifest.release !== null && result.toRelease !== manifest.release) {
        // The restore must put the backup's release back; anything else is a failed rollback.
        result.error = `restored ${verified.path}, but the live release is ${result.toRelease ?? 'unknown'}, not the backup's ${manifest.release}`;
    }
    else if (!result.error && options.failedRelease && result.toRelease === options.failedRelease) {
        result.error = `restored ${verified.path}, but the failed release ${options.failedRelease} is still live (the backup holds it)`;
    }
    else if (!result.error) {
        await validateRestoredService(run);
    }
    result.ok = !result.error;
}
/** Steps with the environment locked: notify, (complete), stage, snapshot, stop, swap, start, validate, notify. */
async function restoreUnderLock(run, checked, target) {
    const { options, deps, logger, result, steps } = run;
    const { config } = options;
    const { verified, manifest } = checked;
    steps.push(await notify(deps, logger, options, 'rollback_start', 'warning', `Rollback of ${config.envName} started`, `Restoring ${verified.path} (release ${manifest.release ?? 'none'}). Reason: ${options.reason ?? 'manual rollback'}`));
    const stopped = await completeInterruptedRollback(run, checked.pending, target);
    const prepared = await stageRestore(run, checked, target, stopped);
    await takePreRollbackSnapshot(run, prepared, target, stopped);
    prepared.quiesce();
    const stopAt = deps.clock.now();
    await stopService(run, prepared, target, stopped);
    const { committed, restoreError } = await commitRestore(run, verified, prepared, target);
    await startService(run, target, stopAt);
    if (committed && !restoreError)
        removeOldCopies(run, prepared);
    await judgeRollback(run, checked, restoreError);
    steps.push(await notify(deps, logger, options, result.ok ? 'rollback_success' : 'rollback_failure', result.ok ? 'info' : 'critical', result.ok ? `Rollback of ${config.envName} completed` : `Rollback of ${config.envName} FAILED`, rollbackNoticeText(result, verified.path)));
    return result;
}
async function rollbackCommand(options, deps) {
    const run = startRollbackRun(options, deps);
    const { config } = options;
    refuseUnconfirmableProduction(options, deps);
    const checked = await verifyRollbackBackup(run);
    const { verified } = checked;
    const { target, targetProblem } = resolveTarget(deps);
    run.result.fromRelease = target ? await target.currentRelease().catch(() => null) : null;
    if (options.dryRun)
        return planDryRun(run, checked, target, targetProblem);
    await confirmRollback(run, checked);
    if (!target)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationError */ .OK(`cannot roll back: the service cannot be stopped (${targetProblem ?? 'no target configured'}); nothing was changed`);
    await preemptWatchingMonitor(run, verified);
    const releaseLock = options.environmentLockHeld
        ? () => undefined
        : (0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .acquireEnvironmentLock */ .D)((0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .lockDir */ .JK)(config.env, options.cwd), config.envName, `rollback to ${verified.path}`, new Date(deps.clock.now()));
    const releaseInUse = (0,_restore_backup_files_js__WEBPACK_IMPORTED_MODULE_8__/* .markInUse */ .o2)(verified.path, `rollback of ${config.envName}`);
    try {
        return await restoreUnderLock(run, checked, target);
    }
    finally {
        releaseInUse();
        releaseLock();
    }
}
/** The RollbackRunner port (monitor's automatic rollback): no prompt; the monitor decided. */
function createRollbackRunner(config, cwd, deps) {
    const liveRelease = async () => {
        try {
            return (await deps.target()?.currentRelease()) ?? null;
        }
        catch {
            return null;
        }
    };
    return {
        async plan(_environment, selection) {
            const live = await liveRelease();
            return (0,_rollback_target_js__WEBPACK_IMPORTED_MODULE_9__/* .selectRollbackBackup */ .Xc)(config, cwd, selection ?? { kind: 'auto', watchedRelease: live, notAfterMs: deps.clock.now() }, deps.storage);
        },
        liveRelease,
        async rollback(request) {
            try {
                if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(cwd))
                    throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationError */ .OK(`working directory ${cwd} is gone`);
                if (request.backup === 'previous-release')
                    return await codeOnlyRollback(request, deps);
                const result = await rollbackCommand({
                    config,
                    cwd,
                    backup: request.backup,
                    reason: request.reason,
                    deploymentId: request.deploymentId,
                    skipValidation: request.skipValidation,
                    expectedSha256: request.expectedSha256,
                    failedRelease: request.failedRelease,
                    announce: request.announce,
                    force: true,
                    interactive: false,
                }, deps);
                return {
                    ok: result.ok,
                    restored: result.restored,
                    fromRelease: result.fromRelease,
                    toRelease: result.toRelease,
                    validation: result.validation,
                    error: result.error,
                };
            }
            catch (error) {
                return { ok: false, error: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error) };
            }
        },
    };
}
/** Code-only rollback through the target (no data restored). */
async function codeOnlyRollback(request, deps) {
    const target = deps.target();
    if (!target)
        return {
            ok: false,
            error: 'no deploy target is configured for this environment; roll back from a backup instead',
        };
    const { from, to } = await target.rollbackRelease({
        reason: request.reason,
        deploymentId: request.deploymentId,
    });
    if (request.skipValidation)
        return {
            ok: true,
            restored: to,
            fromRelease: from,
            toRelease: to,
            validation: { ok: true, detail: 'skipped' },
        };
    const validation = await deps.validator().validate({ signal: request.signal });
    return {
        ok: validation.ok,
        restored: to,
        fromRelease: from,
        toRelease: to,
        validation,
        error: validation.ok ? undefined : `validation failed: ${validation.detail}`,
    };
}


/***/ }),

/***/ 6931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ acquireEnvironmentLock),
/* harmony export */   s: () => (/* binding */ environmentLockPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);
/* harmony import */ var _file_lock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60482);



/**
 * One operation per environment: deploy, rollback and migrate each hold this lock. A second
 * attempt is refused at once (never queued), naming who holds it and since when.
 */
function environmentLockPath(stateDir, environment) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, `.dhash-rollout-${environment}.lock`);
}
function acquireEnvironmentLock(stateDir, environment, purpose, now) {
    const path = environmentLockPath(stateDir, environment);
    const attempt = (0,_file_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .tryLock */ .bh)(path, purpose, now);
    if (!attempt.acquired) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RefusedError */ .fk(`environment "${environment}" is locked by ${(0,_file_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .describeOwner */ .$S)(attempt.owner)}; wait for it to finish, or remove ${path} if you are sure it is gone`);
    }
    return attempt.release;
}


/***/ }),

/***/ 47317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q0: () => (/* binding */ preemptMonitor),
/* harmony export */   fH: () => (/* binding */ holdMonitorLock),
/* harmony export */   pH: () => (/* binding */ pendingPreemption)
/* harmony export */ });
/* unused harmony exports monitorLockPath, preemptionPath, runningMonitor */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _file_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60482);




/**
 * A manual rollback preempts a running monitor of the same environment. The monitor holds a
 * monitor lock while it watches; a manual rollback writes a preemption request next to it and
 * waits (at most `timeoutMs`, 60 s) for the monitor to stop: the monitor checks for the request
 * every few seconds, stops watching, records `preempted` in its evidence and releases its lock.
 * A monitor never rolls back against an operator's rollback of the same environment.
 */
function monitorLockPath(stateDir, environment) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stateDir, `.dhash-rollout-${environment}.monitor.lock`);
}
function preemptionPath(stateDir, environment) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stateDir, `.dhash-rollout-${environment}.preempt`);
}
/** Takes the monitor lock; when another live monitor holds it, says who (the watch goes on). */
function holdMonitorLock(stateDir, environment, purpose, now) {
    const attempt = (0,_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .tryLock */ .bh)(monitorLockPath(stateDir, environment), purpose, now);
    return attempt.acquired
        ? { release: attempt.release, otherMonitor: null }
        : { release: () => undefined, otherMonitor: attempt.owner };
}
/** A request made after `sinceMs`, or null. Older requests were for earlier monitors. */
function pendingPreemption(stateDir, environment, sinceMs) {
    const path = preemptionPath(stateDir, environment);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return null;
    try {
        const request = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        return Date.parse(request.at) >= sinceMs ? request : null;
    }
    catch {
        return null;
    }
}
/** The monitor currently watching this environment (a live lock holder), or null. */
function runningMonitor(stateDir, environment) {
    const owner = (0,_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .readLockOwner */ .Dh)(monitorLockPath(stateDir, environment));
    if (!owner)
        return null;
    if (owner.host === (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)() && !(0,_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._n)(owner.pid))
        return null;
    return owner;
}
/**
 * Asks a running monitor to stop and waits until it has released its lock (checked every
 * second), at most `timeoutMs`. Returns the monitor that was asked, and whether it stopped.
 */
async function preemptMonitor(stateDir, environment, reason, clock, timeoutMs = 60_000) {
    const monitor = runningMonitor(stateDir, environment);
    if (!monitor)
        return { monitor: null, stopped: true, waitedMs: 0 };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(stateDir, { recursive: true });
    const request = {
        reason,
        at: new Date(clock.now()).toISOString(),
        pid: process.pid,
        host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(),
    };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(preemptionPath(stateDir, environment), JSON.stringify(request));
    const started = clock.now();
    try {
        while (clock.now() - started < timeoutMs) {
            if (!runningMonitor(stateDir, environment))
                return { monitor, stopped: true, waitedMs: clock.now() - started };
            await clock.sleep(1000);
        }
        return { monitor, stopped: !runningMonitor(stateDir, environment), waitedMs: clock.now() - started };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(preemptionPath(stateDir, environment), { force: true });
    }
}


/***/ }),

/***/ 7488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qm: () => (/* binding */ createNotifierFor),
  _7: () => (/* binding */ createReleaseTargetFor),
  Q4: () => (/* binding */ createRollbackRunnerFor),
  Sm: () => (/* binding */ createValidatorFor),
  Nl: () => (/* binding */ rollbackCommandDepsFor)
});

// UNUSED EXPORTS: rollbackDepsFor

// EXTERNAL MODULE: ./src/adapters/notify/factory.ts + 5 modules
var factory = __webpack_require__(94909);
// EXTERNAL MODULE: ./src/wiring/notify.ts + 1 modules
var notify = __webpack_require__(17786);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/adapters/targets/run-command.ts


function killTree(pid, signal) {
    try {
        if (process.platform === 'win32') {
            (0,external_node_child_process_.spawn)('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
        }
        else {
            process.kill(-pid, signal);
        }
    }
    catch {
        /* already gone */
    }
}
/** Runs the command and resolves with its outcome, whatever its exit code. */
function runCommand(command, options) {
    const keep = options.tailLines ?? 20;
    const tail = [];
    let stdout = '';
    const log = options.logger.child({ command_label: options.label });
    log.info(`running ${options.label} command`, { command });
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, {
            cwd: options.cwd,
            env: options.env,
            shell: true,
            // Its own process group, so a timeout can end the command and everything it started.
            detached: process.platform !== 'win32',
            stdio: ['ignore', 'pipe', 'pipe'],
            windowsHide: true,
        });
        const partial = { stdout: '', stderr: '' };
        const onLine = (stream, line) => {
            tail.push(line);
            if (tail.length > keep)
                tail.shift();
            log.log(stream === 'stderr' ? 'WARN' : 'INFO', line, { stream });
        };
        const onData = (stream) => (chunk) => {
            const text = chunk.toString('utf8');
            if (stream === 'stdout')
                stdout += text;
            const lines = (partial[stream] + text).split(/\r?\n/);
            partial[stream] = lines.pop() ?? '';
            for (const line of lines)
                onLine(stream, line);
        };
        child.stdout.on('data', onData('stdout'));
        child.stderr.on('data', onData('stderr'));
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            if (child.pid)
                killTree(child.pid, 'SIGKILL');
        }, options.timeoutMs);
        const onAbort = () => {
            if (child.pid)
                killTree(child.pid, 'SIGKILL');
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', (error) => {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            reject(new errors/* OperationError */.OK(`${options.label} command could not start: ${error.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            for (const stream of ['stdout', 'stderr'])
                if (partial[stream])
                    onLine(stream, partial[stream]);
            if (timedOut) {
                reject(new errors/* OperationError */.OK(`${options.label} command timed out after ${Math.round(options.timeoutMs / 1000)} s and was killed${formatTail(tail)}`));
                return;
            }
            const exitCode = code ?? (signal ? 128 : 1);
            log.info(`${options.label} command exited`, { exit_code: exitCode, ...(signal ? { signal } : {}) });
            resolve({ exitCode, stdout, tail: [...tail] });
        });
    });
}
/** Runs the command and throws an OperationError with its last lines when it exits non-zero. */
async function runCommandOrFail(command, options) {
    const outcome = await runCommand(command, options);
    if (outcome.exitCode !== 0) {
        throw new errors/* OperationError */.OK(`${options.label} command failed with exit code ${outcome.exitCode}${formatTail(outcome.tail)}`);
    }
    return outcome;
}
function formatTail(lines) {
    const shown = lines.filter((l) => l.trim() !== '');
    return shown.length ? `; last output:\n${shown.map((l) => `  | ${l}`).join('\n')}` : ' (no output)';
}

// EXTERNAL MODULE: ./src/adapters/targets/service-env.ts
var service_env = __webpack_require__(13468);
;// CONCATENATED MODULE: ./src/adapters/targets/command-target.ts



/**
 * The `command` target: the service runs somewhere this host reaches only through the user's
 * commands (kubectl, helm, ssh...). Each command runs through the shell with the documented
 * DHASH_* variables, its own timeout, and its output streamed into the deploy log.
 *
 * The status command reports the service: exit 0 means running, any other exit not running; its
 * stdout is either a JSON object `{"release": "...", "running": true, "detail": "..."}` or plain
 * text whose last non-empty line is the live release id.
 */
class CommandTarget {
    options;
    kind = 'command';
    root = null;
    /** The release that was live when this process last looked, before an activate. */
    lastSeenBefore = null;
    constructor(options) {
        this.options = options;
    }
    describe() {
        return `command target (deploy: "${this.options.config.commands.deploy}")`;
    }
    env(vars) {
        return (0,service_env/* commandEnv */.zz)(this.options.processEnv, this.options.config.env, {
            environment: this.options.environment,
            ...vars,
        });
    }
    run(label, env, signal) {
        return runCommandOrFail(this.options.config.commands[label], {
            label,
            cwd: this.options.cwd,
            env,
            timeoutMs: this.options.config.timeout_seconds * 1000,
            logger: this.options.logger,
            signal,
        });
    }
    async status() {
        const outcome = await runCommand(this.options.config.commands.status, {
            label: 'status',
            cwd: this.options.cwd,
            env: this.env({}),
            timeoutMs: this.options.config.timeout_seconds * 1000,
            logger: this.options.logger,
        });
        const parsed = parseStatusOutput(outcome.stdout);
        return {
            running: parsed.running ?? outcome.exitCode === 0,
            release: parsed.release,
            detail: parsed.detail ?? `status command exited ${outcome.exitCode}`,
        };
    }
    async currentRelease() {
        return (await this.status()).release;
    }
    previousRelease() {
        return Promise.resolve(this.lastSeenBefore);
    }
    stop() {
        return Promise.reject(new errors/* OperationError */.OK('a command target has no stop command; use the rollback or restart commands, or stop the service with its own tooling'));
    }
    async start() {
        await this.restart();
    }
    async restart() {
        const release = await this.currentRelease().catch(() => null);
        await this.run('restart', this.env({ release: release ?? undefined }));
    }
    planSteps(bundle, previous) {
        return [
            `run the deploy command "${this.options.config.commands.deploy}" with DHASH_RELEASE=${bundle.id} DHASH_RELEASE_PATH=${bundle.path} (timeout ${this.options.config.timeout_seconds} s)`,
            `on a later failure, run the rollback command "${this.options.config.commands.rollback}" with DHASH_RELEASE=${previous ?? '(none)'}`,
        ];
    }
    stage() {
        // The deploy command receives the release path and does its own staging.
        return Promise.resolve({
            undo: () => Promise.resolve(),
            detail: 'nothing to stage on this host; the deploy command receives DHASH_RELEASE_PATH',
        });
    }
    async activate(bundle, context) {
        this.lastSeenBefore = await this.currentRelease().catch(() => null);
        await this.run('deploy', this.env({
            release: bundle.id,
            releasePath: bundle.path,
            deploymentId: context.deploymentId,
            backupPath: context.backupPath,
            previousRelease: this.lastSeenBefore,
        }), context.signal);
    }
    async revert(previous, failed, context) {
        await this.run('rollback', this.env({
            release: previous ?? '',
            deploymentId: context.deploymentId,
            backupPath: context.backupPath,
            previousRelease: previous,
            failedRelease: failed,
        }), context.signal);
    }
    async rollbackRelease(options = {}) {
        const from = await this.currentRelease().catch(() => null);
        await this.run('rollback', this.env({
            release: this.lastSeenBefore ?? '',
            deploymentId: options.deploymentId,
            previousRelease: this.lastSeenBefore,
            failedRelease: from ?? '',
        }));
        const to = await this.currentRelease();
        if (!to)
            throw new errors/* OperationError */.OK('the rollback command ran, but the status command reports no live release');
        return { from, to };
    }
    serviceProblem() {
        return Promise.resolve(null);
    }
    prune() {
        return Promise.resolve([]);
    }
}
function parseStatusOutput(stdout) {
    const lines = stdout
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const last = lines.at(-1);
    if (!last)
        return { release: null };
    if (last.startsWith('{')) {
        try {
            const json = JSON.parse(last);
            return {
                release: typeof json.release === 'string' && json.release !== '' ? json.release : null,
                ...(typeof json.running === 'boolean' ? { running: json.running } : {}),
                ...(typeof json.detail === 'string' ? { detail: json.detail } : {}),
            };
        }
        catch {
            /* plain text after all */
        }
    }
    return { release: last };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/adapters/targets/current-link.ts
var current_link = __webpack_require__(27345);
// EXTERNAL MODULE: ./src/adapters/targets/health.ts + 1 modules
var targets_health = __webpack_require__(95580);
// EXTERNAL MODULE: ./src/adapters/targets/release-history.ts
var release_history = __webpack_require__(7489);
// EXTERNAL MODULE: ./src/adapters/embedded-db/embedded-db.ts
var embedded_db = __webpack_require__(5583);
// EXTERNAL MODULE: ./src/runtime/log-file-name.ts
var log_file_name = __webpack_require__(16933);
// EXTERNAL MODULE: ./src/domain/time/file-stamp.ts
var file_stamp = __webpack_require__(36002);
;// CONCATENATED MODULE: ./src/adapters/targets/supervisor.ts







/**
 * The built-in supervisor of the `local` target: it starts the service as a detached process in
 * its own process group (so it outlives the CLI that started it), records it in a pid file and a
 * state file, sends its stdout/stderr to log files, stops it gracefully (SIGTERM to the group)
 * and then forcefully (SIGKILL) after the stop timeout, and tells a crash (a recorded process that
 * is gone without a stop) from a clean stop.
 *
 * Files, under `<root>/run/`: dhash.pid, supervisor.json, and per start of the service its own
 * `dhash_<release>_<YYYYMMDD_HHMMSS>_<run id>.out.log` / `.err.log`, so a crash report quotes
 * only the lines of the run that crashed (the last RUN_LOGS_KEPT runs' logs are kept).
 */
const RUN_LOGS_KEPT = 10;
/**
 * Whether a process (or, with `group`, any process of its group) is alive. A zombie is dead: a
 * service whose shell parent died first is left as one until its new parent reaps it, and in a
 * container without a reaping init that is never, so on Linux /proc is consulted.
 */
function isProcessAlive(pid, group = false) {
    try {
        process.kill(group && process.platform !== 'win32' ? -pid : pid, 0);
    }
    catch (error) {
        if (error.code !== 'EPERM')
            return false;
    }
    if (process.platform !== 'linux')
        return true;
    try {
        if (!group)
            return procState(pid) !== 'Z';
        for (const entry of (0,external_node_fs_.readdirSync)('/proc')) {
            if (!/^\d+$/.test(entry))
                continue;
            const stat = procStat(Number(entry));
            if (stat && stat.pgrp === pid && stat.state !== 'Z')
                return true;
        }
        return false;
    }
    catch {
        return true;
    }
}
function procStat(pid) {
    try {
        const text = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
    }
    catch {
        return null;
    }
}
function procState(pid) {
    return procStat(pid)?.state ?? 'Z';
}
class Supervisor {
    options;
    pidFile;
    stateFile;
    pollMs;
    constructor(options) {
        this.options = options;
        this.pidFile = (0,external_node_path_.join)(options.runDir, 'dhash.pid');
        this.stateFile = (0,external_node_path_.join)(options.runDir, 'supervisor.json');
        this.pollMs = options.pollMs ?? 100;
    }
    /** The latest run's stdout log. */
    get stdoutLog() {
        return this.readState()?.stdout_log ?? (0,external_node_path_.join)(this.options.runDir, 'dhash.out.log');
    }
    /** The latest run's stderr log. */
    get stderrLog() {
        return this.readState()?.stderr_log ?? (0,external_node_path_.join)(this.options.runDir, 'dhash.err.log');
    }
    readState() {
        try {
            return JSON.parse((0,external_node_fs_.readFileSync)(this.stateFile, 'utf8'));
        }
        catch {
            return null;
        }
    }
    writeState(state) {
        (0,embedded_db/* writeFileAtomic */.Zf)(this.stateFile, Buffer.from(JSON.stringify(state, null, 2)));
    }
    status() {
        const state = this.readState();
        if (!state || !(0,external_node_fs_.existsSync)(this.pidFile)) {
            return {
                running: false,
                release: state?.release ?? null,
                crashed: false,
                detail: 'not running (stopped or never started)',
            };
        }
        if (isProcessAlive(state.pid, true)) {
            return {
                running: true,
                pid: state.pid,
                release: state.release,
                crashed: false,
                detail: `running as pid ${state.pid} since ${state.started_at}`,
            };
        }
        const how = state.exit
            ? ` (exit code ${state.exit.code ?? '-'}${state.exit.signal ? `, signal ${state.exit.signal}` : ''})`
            : '';
        return {
            running: false,
            pid: state.pid,
            release: state.release,
            crashed: true,
            detail: `crashed: pid ${state.pid} exited without being stopped${how}${formatLines(this.lastErrorLines(10))}`,
        };
    }
    /** Starts the service; refuses when one is already running. */
    start(spec) {
        const current = this.status();
        if (current.running)
            throw new errors/* OperationError */.OK(`the service is already running as pid ${current.pid}; stop it first`);
        (0,external_node_fs_.mkdirSync)(this.options.runDir, { recursive: true });
        const base = (0,external_node_path_.join)(this.options.runDir, `dhash_${spec.release ?? 'none'}_${(0,file_stamp/* fileStamp */.a)(this.options.clock.now())}_${(0,log_file_name/* newRunId */.F)()}`);
        const logs = { stdout_log: `${base}.out.log`, stderr_log: `${base}.err.log` };
        this.pruneRunLogs();
        const out = (0,external_node_fs_.openSync)(logs.stdout_log, 'a');
        const err = (0,external_node_fs_.openSync)(logs.stderr_log, 'a');
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(spec.command, {
                cwd: spec.cwd,
                env: spec.env,
                shell: true,
                detached: true,
                stdio: ['ignore', out, err],
                windowsHide: true,
            });
        }
        finally {
            (0,external_node_fs_.closeSync)(out);
            (0,external_node_fs_.closeSync)(err);
        }
        if (child.pid === undefined)
            throw new errors/* OperationError */.OK(`could not start "${spec.command}" in ${spec.cwd}`);
        const state = {
            pid: child.pid,
            release: spec.release,
            command: spec.command,
            cwd: spec.cwd,
            started_at: new Date(this.options.clock.now()).toISOString(),
            ...logs,
        };
        child.on('error', () => undefined);
        child.on('exit', (code, signal) => {
            // Recorded so status() can say how it ended; only if the files still describe this child.
            const recorded = this.readState();
            if (recorded?.pid === state.pid && (0,external_node_fs_.existsSync)(this.pidFile)) {
                this.writeState({
                    ...recorded,
                    exit: { code, signal, at: new Date(this.options.clock.now()).toISOString() },
                });
            }
        });
        child.unref();
        this.writeState(state);
        (0,embedded_db/* writeFileAtomic */.Zf)(this.pidFile, Buffer.from(`${child.pid}\n`));
        this.options.logger.info('service started by the supervisor', {
            pid: child.pid,
            release: spec.release,
            command: spec.command,
            stderr_log: logs.stderr_log,
        });
        return state;
    }
    /** Stops the service: SIGTERM to its group, SIGKILL after the stop timeout. */
    async stop() {
        const state = this.readState();
        if (!state || !(0,external_node_fs_.existsSync)(this.pidFile))
            return { wasRunning: false, forced: false };
        const { pid } = state;
        // Removing the pid file first marks the exit as intended, so it is not reported as a crash.
        (0,external_node_fs_.rmSync)(this.pidFile, { force: true });
        if (!isProcessAlive(pid, true))
            return { wasRunning: false, forced: false };
        signalGroup(pid, 'SIGTERM');
        const deadline = this.options.clock.now() + this.options.stopTimeoutMs;
        while (this.options.clock.now() < deadline) {
            if (!isProcessAlive(pid, true)) {
                this.options.logger.info('service stopped', { pid });
                return { wasRunning: true, forced: false };
            }
            await this.options.clock.sleep(this.pollMs);
        }
        this.options.logger.warn(`service did not stop within ${this.options.stopTimeoutMs / 1000} s; killing it`, { pid });
        signalGroup(pid, 'SIGKILL');
        for (let i = 0; i < 50 && isProcessAlive(pid, true); i++)
            await this.options.clock.sleep(this.pollMs);
        if (isProcessAlive(pid, true))
            throw new errors/* OperationError */.OK(`the service (pid ${pid}) survived SIGKILL`);
        return { wasRunning: true, forced: true };
    }
    /** Keeps the logs of the last RUN_LOGS_KEPT - 1 runs (this start adds one). */
    pruneRunLogs() {
        const runs = (0,external_node_fs_.readdirSync)(this.options.runDir)
            .filter((f) => /^dhash_.+_\d{8}_\d{6}_[0-9a-f]{6}\.out\.log$/.test(f))
            .map((f) => ({
            base: f.slice(0, -'.out.log'.length),
            mtime: (0,external_node_fs_.statSync)((0,external_node_path_.join)(this.options.runDir, f)).mtimeMs,
        }))
            .sort((a, b) => b.mtime - a.mtime);
        for (const old of runs.slice(RUN_LOGS_KEPT - 1)) {
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(this.options.runDir, `${old.base}.out.log`), { force: true });
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(this.options.runDir, `${old.base}.err.log`), { force: true });
        }
    }
    lastErrorLines(count) {
        return lastLines(this.stderrLog, count);
    }
    lastOutputLines(count) {
        return lastLines(this.stdoutLog, count);
    }
}
function signalGroup(pid, signal) {
    try {
        if (process.platform === 'win32') {
            const args = ['/pid', String(pid), '/T'];
            if (signal === 'SIGKILL')
                args.push('/F');
            (0,external_node_child_process_.spawn)('taskkill', args, { stdio: 'ignore', windowsHide: true });
        }
        else {
            process.kill(-pid, signal);
        }
    }
    catch {
        /* already gone */
    }
}
/** The last lines of a log file, reading at most its last 64 KiB. */
function lastLines(path, count) {
    try {
        const size = (0,external_node_fs_.statSync)(path).size;
        const start = Math.max(0, size - 64 * 1024);
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            const buffer = Buffer.alloc(size - start);
            readSyncFully(fd, buffer, start);
            return buffer
                .toString('utf8')
                .split(/\r?\n/)
                .filter((l) => l.trim() !== '')
                .slice(-count);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch {
        return [];
    }
}
function readSyncFully(fd, buffer, position) {
    // readFileSync cannot start at an offset; a positional read loop can.
    let done = 0;
    while (done < buffer.length) {
        const n = (0,external_node_fs_.readSync)(fd, buffer, done, buffer.length - done, position + done);
        if (n === 0)
            break;
        done += n;
    }
}
function formatLines(lines) {
    return lines.length ? `; last stderr lines:\n${lines.map((l) => `  | ${l}`).join('\n')}` : '';
}

// EXTERNAL MODULE: ./src/runtime/promised.ts
var promised = __webpack_require__(82729);
;// CONCATENATED MODULE: ./src/adapters/targets/local-target.ts










/**
 * The `local` target: this host runs the service. Layout:
 *   <root>/releases/<id>/   one directory per release
 *   <root>/current          the live release (symlink, or junction on Windows)
 *   <root>/shared/          config and data that outlive releases
 *   <root>/run/             the supervisor's pid, state and log files
 *   <root>/deploy-history.json
 */
class LocalTarget {
    options;
    kind = 'local';
    supervisor;
    constructor(options) {
        this.options = options;
        this.supervisor = new Supervisor({
            runDir: (0,external_node_path_.join)(options.root, 'run'),
            stopTimeoutMs: options.config.stop_timeout_seconds * 1000,
            clock: options.clock,
            logger: options.logger,
        });
    }
    get root() {
        return this.options.root;
    }
    get usesSupervisor() {
        return this.options.config.restart_command === undefined;
    }
    describe() {
        const how = this.usesSupervisor
            ? `built-in supervisor running "${this.options.config.start_command}"`
            : `restart_command "${this.options.config.restart_command}"`;
        return `local target at ${this.root} (${how})`;
    }
    currentRelease() {
        return (0,promised/* promised */.C)(() => (0,current_link/* readCurrentRelease */.ZD)(this.root));
    }
    previousRelease() {
        return (0,promised/* promised */.C)(() => {
            const current = (0,current_link/* readCurrentRelease */.ZD)(this.root);
            return (0,release_history/* previousFromHistory */.Yn)((0,release_history/* readHistory */.Lu)(this.root), current, (id) => (0,external_node_fs_.existsSync)((0,current_link/* releasePath */.bD)(this.root, id)));
        });
    }
    async status() {
        const release = (0,current_link/* readCurrentRelease */.ZD)(this.root);
        if (this.usesSupervisor) {
            const s = this.supervisor.status();
            return {
                running: s.running,
                release,
                ...(s.pid !== undefined && s.running ? { pid: s.pid } : {}),
                detail: s.detail,
            };
        }
        // A service run by systemd or similar: ask it directly.
        const health = await (0,targets_health/* checkHealthOnce */.i4)((0,targets_health/* serviceUrl */.Rs)(this.options.baseUrl, this.options.healthPath), 5_000);
        return { running: health.ok, release, detail: `managed by restart_command; health: ${health.detail}` };
    }
    async stop() {
        if (!this.usesSupervisor) {
            throw new errors/* OperationError */.OK('this local target restarts through restart_command, which has no stop; stop the service with its own manager');
        }
        await this.supervisor.stop();
    }
    /** Starts the live release and resolves once it answers its health check (the port's contract). */
    async start() {
        const release = (0,current_link/* readCurrentRelease */.ZD)(this.root);
        if (!release)
            throw new errors/* OperationError */.OK(`no live release: ${(0,external_node_path_.join)(this.root, current_link/* CURRENT */.eN)} does not exist`);
        const restartCommand = this.options.config.restart_command;
        if (restartCommand !== undefined)
            await this.runRestartCommand(restartCommand, release, {});
        else
            this.startSupervised(release);
        const health = await (0,targets_health/* waitForHealth */.tm)({
            url: (0,targets_health/* serviceUrl */.Rs)(this.options.baseUrl, this.options.healthPath),
            timeoutMs: this.options.config.health_timeout_seconds * 1000,
            clock: this.options.clock,
            problem: () => this.serviceProblem(),
        });
        if (!health.ok)
            throw new errors/* OperationError */.OK(`release ${release} started but is not healthy: ${health.detail}`);
    }
    async restart() {
        const release = (0,current_link/* readCurrentRelease */.ZD)(this.root);
        if (!release)
            throw new errors/* OperationError */.OK(`no live release: ${(0,external_node_path_.join)(this.root, current_link/* CURRENT */.eN)} does not exist`);
        await this.restartInto(release, {});
    }
    planSteps(bundle, previous) {
        const steps = [`copy ${bundle.path} to ${(0,current_link/* releasePath */.bD)(this.root, bundle.id)}`];
        if (this.options.config.install_command)
            steps.push(`run install_command "${this.options.config.install_command}" in the new release`);
        steps.push(`switch ${(0,external_node_path_.join)(this.root, current_link/* CURRENT */.eN)} from ${previous ?? '(none)'} to ${current_link/* RELEASES */.pH}/${bundle.id}`);
        steps.push(this.usesSupervisor
            ? `restart the service with the built-in supervisor ("${this.options.config.start_command}")`
            : `run restart_command "${this.options.config.restart_command}"`);
        steps.push(`keep the last ${this.options.config.keep_releases} releases`);
        return steps;
    }
    async stage(bundle, context) {
        const destination = (0,current_link/* releasePath */.bD)(this.root, bundle.id);
        if ((0,current_link/* readCurrentRelease */.ZD)(this.root) === bundle.id)
            throw new errors/* OperationError */.OK(`release ${bundle.id} is already live; it is not staged again`);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(this.root, current_link/* RELEASES */.pH), { recursive: true });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(this.root, 'shared', 'config'), { recursive: true });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(this.root, 'shared', 'data'), { recursive: true });
        const staging = (0,external_node_path_.join)(this.root, current_link/* RELEASES */.pH, `.staging-${bundle.id}-${process.pid}`);
        (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
        (0,external_node_fs_.cpSync)(bundle.path, staging, { recursive: true, verbatimSymlinks: true });
        // A release directory that exists but is not live (an older deploy of the same version) is replaced.
        (0,external_node_fs_.rmSync)(destination, { recursive: true, force: true });
        (0,external_node_fs_.renameSync)(staging, destination);
        const undo = () => (0,promised/* promised */.C)(() => {
            if ((0,current_link/* readCurrentRelease */.ZD)(this.root) !== bundle.id)
                (0,external_node_fs_.rmSync)(destination, { recursive: true, force: true });
        });
        if (this.options.config.install_command) {
            try {
                await runCommandOrFail(this.options.config.install_command, {
                    label: 'install',
                    cwd: destination,
                    env: this.envFor(bundle.id, context),
                    timeoutMs: 15 * 60_000,
                    logger: this.options.logger,
                    signal: context.signal,
                });
            }
            catch (error) {
                await undo();
                throw error;
            }
        }
        return {
            undo,
            detail: `staged in ${destination}${this.options.config.install_command ? ' and installed' : ''}`,
        };
    }
    async activate(bundle, context) {
        if (!(0,external_node_fs_.existsSync)((0,current_link/* releasePath */.bD)(this.root, bundle.id)))
            throw new errors/* OperationError */.OK(`release ${bundle.id} is not staged in ${(0,external_node_path_.join)(this.root, current_link/* RELEASES */.pH)}`);
        (0,current_link/* switchCurrent */.m1)(this.root, bundle.id);
        (0,release_history/* recordActivation */.M5)(this.root, {
            release: bundle.id,
            at: new Date(this.options.clock.now()).toISOString(),
            deployment_id: context.deploymentId,
            via: 'deploy',
        });
        this.options.logger.info(`current now points at ${current_link/* RELEASES */.pH}/${bundle.id}`);
        await this.restartInto(bundle.id, context);
    }
    async revert(previous, failed, context) {
        if (previous === null) {
            // A first deploy failed: nothing to go back to, so the service is stopped and `current` cleared.
            if (this.usesSupervisor)
                await this.supervisor.stop();
            (0,current_link/* removeCurrent */["in"])(this.root);
            (0,release_history/* recordActivation */.M5)(this.root, {
                release: failed,
                at: new Date(this.options.clock.now()).toISOString(),
                deployment_id: context.deploymentId,
                via: 'revert',
                abandoned: true,
            });
            this.options.logger.warn('no previous release: the service was stopped and current removed');
            return;
        }
        if (!(0,external_node_fs_.existsSync)((0,current_link/* releasePath */.bD)(this.root, previous)))
            throw new errors/* OperationError */.OK(`previous release ${previous} is gone from ${(0,external_node_path_.join)(this.root, current_link/* RELEASES */.pH)}`);
        (0,current_link/* switchCurrent */.m1)(this.root, previous);
        (0,release_history/* recordActivation */.M5)(this.root, {
            release: previous,
            at: new Date(this.options.clock.now()).toISOString(),
            deployment_id: context.deploymentId,
            via: 'revert',
        }, failed);
        this.options.logger.info(`current points back at ${current_link/* RELEASES */.pH}/${previous}`);
        await this.restartInto(previous, context);
    }
    async rollbackRelease(options = {}) {
        const from = (0,current_link/* readCurrentRelease */.ZD)(this.root);
        const to = await this.previousRelease();
        if (!to)
            throw new errors/* OperationError */.OK(`no previous release to roll back to in ${(0,external_node_path_.join)(this.root, current_link/* RELEASES */.pH)}`);
        (0,current_link/* switchCurrent */.m1)(this.root, to);
        (0,release_history/* recordActivation */.M5)(this.root, {
            release: to,
            at: new Date(this.options.clock.now()).toISOString(),
            deployment_id: options.deploymentId,
            via: 'rollback',
        }, from ?? undefined);
        this.options.logger.info(`code-only rollback: current now points at ${current_link/* RELEASES */.pH}/${to}`, {
            from,
            reason: options.reason,
        });
        await this.restartInto(to, {
            environment: this.options.environment,
            deploymentId: options.deploymentId ?? '',
        });
        return { from, to };
    }
    serviceProblem() {
        return (0,promised/* promised */.C)(() => {
            if (!this.usesSupervisor)
                return null;
            const s = this.supervisor.status();
            if (s.running)
                return null;
            return s.crashed ? `the service ${s.detail}` : 'the service is not running';
        });
    }
    async prune() {
        const releasesDir = (0,external_node_path_.join)(this.root, current_link/* RELEASES */.pH);
        if (!(0,external_node_fs_.existsSync)(releasesDir))
            return [];
        const keep = this.options.config.keep_releases;
        const protect = new Set([(0,current_link/* readCurrentRelease */.ZD)(this.root), await this.previousRelease()].filter((x) => x !== null));
        const ids = (0,external_node_fs_.readdirSync)(releasesDir, { withFileTypes: true })
            .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
            .map((d) => d.name);
        const byMtime = [...ids].sort((a, b) => (0,external_node_fs_.statSync)((0,external_node_path_.join)(releasesDir, b)).mtimeMs - (0,external_node_fs_.statSync)((0,external_node_path_.join)(releasesDir, a)).mtimeMs);
        const ordered = (0,release_history/* recencyOrder */.Wb)((0,release_history/* readHistory */.Lu)(this.root), byMtime);
        const removed = [];
        let kept = 0;
        for (const id of ordered) {
            if (protect.has(id) || kept < keep) {
                kept++;
                continue;
            }
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(releasesDir, id), { recursive: true, force: true });
            removed.push(id);
        }
        if (removed.length)
            this.options.logger.info(`removed old releases: ${removed.join(', ')}`);
        return removed;
    }
    envFor(release, context) {
        return (0,service_env/* commandEnv */.zz)(this.options.processEnv, this.options.config.env, {
            environment: this.options.environment,
            release,
            releasePath: (0,current_link/* releasePath */.bD)(this.root, release),
            deploymentId: context.deploymentId,
            backupPath: context.backupPath,
        });
    }
    async restartInto(release, context) {
        const restartCommand = this.options.config.restart_command;
        if (restartCommand !== undefined) {
            await this.runRestartCommand(restartCommand, release, context);
            return;
        }
        await this.supervisor.stop();
        this.startSupervised(release);
    }
    async runRestartCommand(command, release, context) {
        await runCommandOrFail(command, {
            label: 'restart',
            cwd: this.root,
            env: { ...this.envFor(release, context), ...this.serviceEnvFor(release) },
            timeoutMs: Math.max(60_000, this.options.config.stop_timeout_seconds * 2000),
            logger: this.options.logger,
            signal: context.signal,
        });
    }
    serviceEnvFor(release) {
        return (0,service_env/* serviceEnv */.jG)({
            baseUrl: this.options.baseUrl,
            databasePath: this.options.databasePath,
            releaseDir: (0,current_link/* releasePath */.bD)(this.root, release),
            releaseId: release,
            environment: this.options.environment,
            extra: this.options.config.env,
            base: {},
        });
    }
    startSupervised(release) {
        this.supervisor.start({
            command: this.options.config.start_command,
            cwd: (0,current_link/* releasePath */.bD)(this.root, release),
            env: { ...this.options.processEnv, ...this.serviceEnvFor(release) },
            release,
        });
    }
}

;// CONCATENATED MODULE: ./src/adapters/targets/factory.ts




/** The environment's deploy target, or null when its config names none. */
function createReleaseTarget(config, deps) {
    const target = config.env.target;
    if (!target)
        return null;
    if (target.type === 'command') {
        return new CommandTarget({
            config: target,
            environment: config.envName,
            cwd: deps.cwd,
            logger: deps.logger,
            processEnv: deps.env,
        });
    }
    const root = (0,state_dir/* localTargetRoot */.V6)(target, deps.cwd);
    return new LocalTarget({
        config: target,
        root,
        environment: config.envName,
        baseUrl: config.env.service.base_url,
        healthPath: config.env.service.health_path,
        databasePath: config.env.migrations.driver === 'embedded'
            ? (0,service_env/* resolveDatabasePath */.Xj)(config.env.migrations.database_path, root, deps.cwd)
            : null,
        clock: deps.clock,
        logger: deps.logger,
        processEnv: deps.env,
    });
}

// EXTERNAL MODULE: ./src/commands/smoke/target.ts
var target = __webpack_require__(17775);
// EXTERNAL MODULE: ./src/commands/smoke/run-checks.ts + 3 modules
var run_checks = __webpack_require__(73794);
;// CONCATENATED MODULE: ./src/commands/smoke/validator.ts

/**
 * The ServiceValidator deploy, rollback and monitor call after a switch: the smoke checks, quick
 * (health, metrics, hash) or full. `ok` is false on any failed check; a slow health answer only
 * warns. One attempt: waiting for the service to come up is the deploy target's job.
 */
class SmokeValidator {
    target;
    settings;
    logger;
    /** The last run, kept as evidence for callers that want the per-check outcomes. */
    lastRun = null;
    constructor(target, settings, logger) {
        this.target = target;
        this.settings = settings;
        this.logger = logger;
    }
    async validate(options = {}) {
        const run = await (0,run_checks/* runSmokeChecks */.mF)(this.target, {
            quick: options.quick ?? false,
            timeoutMs: this.settings.timeoutMs,
            latencyLimitMs: this.settings.latencyLimitMs,
            signal: options.signal,
        }, this.logger);
        this.lastRun = run;
        return { ok: run.verdict.status !== 'failed', detail: run.verdict.summary };
    }
}

// EXTERNAL MODULE: ./src/commands/rollback.ts
var rollback = __webpack_require__(51356);
// EXTERNAL MODULE: ./src/wiring/backup-archives.ts + 10 modules
var backup_archives = __webpack_require__(33462);
;// CONCATENATED MODULE: ./src/wiring/index.ts







/** Notification channels of the environment. */
function createNotifierFor(config, deps) {
    return (0,factory/* createNotifier */.Ts)(config, { clock: deps.clock, logger: deps.logger, logDir: deps.logDir });
}
/** The environment's deploy target with its deploy-time operations (stage, activate, revert), or
 * null when the config names none. */
function createReleaseTargetFor(config, deps) {
    return createReleaseTarget(config, deps);
}
/** Health plus smoke validation of the environment's service. */
function createValidatorFor(config, deps) {
    const service = config.env.service;
    return new SmokeValidator((0,target/* smokeTargetOf */.W)(service), { timeoutMs: service.request_timeout_seconds * 1000, latencyLimitMs: target/* DEFAULT_LATENCY_LIMIT_MS */.U }, deps.logger.child({ step: 'validate' }));
}
/** Restores backups (or the previous release) for the environment. */
function createRollbackRunnerFor(config, deps) {
    return (0,rollback/* createRollbackRunner */.TE)(config, deps.cwd, rollbackDepsFor(config, deps));
}
/**
 * What the `rollback` command needs. A rollback that sends (not a dry-run) first checks every
 * enabled channel: a missing variable is exit 2 naming the channel and the variable, before anything
 * is restored. (The monitor's automatic rollback checked them when the watch began.)
 */
function rollbackCommandDepsFor(config, deps, dryRun) {
    (0,notify/* checkChannelsBeforeSending */.AE)(config, dryRun);
    return rollbackDepsFor(config, deps);
}
/** What `rollback` needs; each adapter is built when first used, so one that is missing is reported, not fatal to a dry-run. */
function rollbackDepsFor(config, deps, onProgress) {
    return {
        clock: deps.clock,
        logger: deps.logger,
        env: deps.env,
        storage: (0,backup_archives/* backupStorage */.y)(),
        target: () => createReleaseTargetFor(config, deps),
        validator: () => createValidatorFor(config, deps),
        notifier: () => createNotifierFor(config, deps),
        onProgress,
    };
}


/***/ })

} };
})
