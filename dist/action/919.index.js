"use strict";
(function (__dhashImportMetaUrl) {
return { id: 919, ids: [919], modules: {

/***/ 11084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ TRACKING_TABLE_DDL)
/* harmony export */ });
/** The tracking table, shared with the reference service's start-up migrator: keep it exactly. */
const TRACKING_TABLE_DDL = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)';


/***/ }),

/***/ 16223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ EmbeddedMigrationDriver)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _embedded_db_embedded_db_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5583);
/* harmony import */ var _driver_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11084);



function readApplied(db) {
    const exists = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    if (!exists.length || !exists[0].values.length)
        return [];
    const result = db.exec('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
    if (!result.length)
        return [];
    return result[0].values.map(([version, name, checksum, applied_at]) => ({
        version: Number(version),
        name: String(name),
        checksum: String(checksum),
        applied_at: String(applied_at),
    }));
}
/**
 * Runs the steps inside one locked write. Each step is a savepoint: released when it succeeds,
 * rolled back when it fails, after which the remaining steps are skipped and the write commits
 * the steps that did succeed.
 */
function runSteps(db, steps, appliedAt) {
    db.exec(_driver_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_TABLE_DDL */ .S);
    const outcomes = [];
    for (const step of steps) {
        const done = new Set(readApplied(db).map((a) => a.version));
        if (step.direction === 'up' ? done.has(step.version) : !done.has(step.version)) {
            outcomes.push({
                version: step.version,
                name: step.name,
                direction: step.direction,
                status: 'skipped',
                detail: 'already done by another run',
            });
            continue;
        }
        db.exec('SAVEPOINT dhash_migration');
        try {
            db.exec(step.sql);
            if (step.direction === 'up') {
                db.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
                    step.version,
                    step.name,
                    step.checksum,
                    appliedAt,
                ]);
            }
            else {
                db.run('DELETE FROM schema_migrations WHERE version = ?', [step.version]);
            }
            db.exec('RELEASE dhash_migration');
            outcomes.push({
                version: step.version,
                name: step.name,
                direction: step.direction,
                status: step.direction === 'up' ? 'applied' : 'reverted',
            });
        }
        catch (error) {
            db.exec('ROLLBACK TO dhash_migration');
            db.exec('RELEASE dhash_migration');
            const detail = error instanceof Error ? error.message : String(error);
            outcomes.push({
                version: step.version,
                name: step.name,
                direction: step.direction,
                status: 'failed',
                detail,
            });
            return {
                outcomes,
                error: `migration ${step.version} (${step.name}) ${step.direction} failed: ${detail}`,
            };
        }
    }
    return { outcomes };
}
/** The embedded SQLite file (sql.js), shared with the reference service. */
class EmbeddedMigrationDriver {
    path;
    db = null;
    constructor(path) {
        this.path = path;
    }
    get description() {
        return `embedded SQLite database ${this.path}`;
    }
    async open() {
        this.db ??= await _embedded_db_embedded_db_js__WEBPACK_IMPORTED_MODULE_1__/* .EmbeddedDatabase */ ._3.open(this.path);
        return this.db;
    }
    async applied() {
        // Reading must not create the file: dry-runs change nothing.
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(this.path))
            return [];
        return (await this.open()).read(readApplied);
    }
    async run(steps, appliedAt) {
        return (await this.open()).write((db) => runSteps(db, steps, appliedAt));
    }
    async dryRun(steps, appliedAt) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(this.path)) {
            // No file yet: an in-memory database proves the steps apply without creating the file,
            // its directory, or a lock file on the target.
            const SQL = await (0,_embedded_db_embedded_db_js__WEBPACK_IMPORTED_MODULE_1__/* .sqlJs */ .Cy)();
            const db = new SQL.Database();
            try {
                db.exec('BEGIN');
                const result = runSteps(db, steps, appliedAt);
                db.exec('ROLLBACK');
                return result;
            }
            finally {
                db.close();
            }
        }
        return (await this.open()).write((db) => runSteps(db, steps, appliedAt), { dryRun: true });
    }
    close() {
        this.db?.close();
        this.db = null;
        return Promise.resolve();
    }
}


/***/ }),

/***/ 61460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readMigrationFiles)
/* harmony export */ });
/* unused harmony export sha256Hex */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** Lowercase hex sha256 of the bytes: the checksum the tracking table records. */
function sha256Hex(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}
/**
 * Every *.sql file in the directory (any case of the extension, so `002_x.up.SQL` is reported
 * rather than silently skipped), with its checksum; an absent directory has none.
 */
function readMigrationFiles(dir) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(dir))
        return [];
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(dir).isDirectory())
        throw new Error(`${dir} is not a directory`);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir)
        .filter((name) => /\.sql$/i.test(name))
        .sort()
        .map((fileName) => {
        const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, fileName));
        return { fileName, sql: bytes.toString('utf8'), checksum: sha256Hex(bytes) };
    });
}


/***/ }),

/***/ 72919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IC: () => (/* binding */ buildDeployDeps),
  aG: () => (/* binding */ openOperationLog)
});

// UNUSED EXPORTS: releaseChoiceFor

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var logger = __webpack_require__(38118);
// EXTERNAL MODULE: ./src/runtime/log-file-name.ts
var log_file_name = __webpack_require__(16933);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/adapters/embedded-db/embedded-db.ts
var embedded_db = __webpack_require__(5583);
// EXTERNAL MODULE: ./src/adapters/migrations/embedded-driver.ts
var embedded_driver = __webpack_require__(16223);
// EXTERNAL MODULE: ./src/adapters/targets/health.ts + 1 modules
var health = __webpack_require__(95580);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/adapters/archive/entry-name.ts
var entry_name = __webpack_require__(49773);
// EXTERNAL MODULE: ./src/adapters/archive/zip-reader.ts + 1 modules
var zip_reader = __webpack_require__(4761);
;// CONCATENATED MODULE: ./src/adapters/targets/release-archive.ts




/**
 * Unpacks a release archive (.zip, or .tar.gz/.tgz) into an empty directory. Only plain files and
 * directories are accepted: a release needs no links, and refusing them means no entry can write
 * outside the directory. Names go through the archive adapter's checks (no absolute paths, no "..").
 */
async function extractReleaseArchive(archive, into) {
    const lower = archive.toLowerCase();
    if (lower.endsWith('.zip'))
        return extractZip(archive, into);
    if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz'))
        return extractTarGz(archive, into);
    throw new Error(`${archive}: expected a directory, a .zip, or a .tar.gz/.tgz archive`);
}
async function extractZip(archive, into) {
    const directory = await (0,zip_reader/* readZipDirectory */.x5)(archive);
    for (const entry of directory.entries) {
        if (entry.type !== 'file' && entry.type !== 'dir')
            throw new Error(`${archive}: entry "${entry.name}" is a ${entry.type}; a release archive holds only files and directories`);
    }
    await (0,zip_reader/* scanZip */.xn)(archive, directory, {
        sinkFor: (entry) => {
            const path = (0,external_node_path_.join)(into, ...(0,entry_name/* checkEntryName */._$)(entry.name));
            if (entry.type === 'dir') {
                (0,external_node_fs_.mkdirSync)(path, { recursive: true });
                return null;
            }
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
            const stream = (0,external_node_fs_.createWriteStream)(path, {
                mode: entry.mode !== null && entry.mode & 0o111 ? 0o755 : 0o644,
            });
            return {
                write: (chunk) => new Promise((resolve, reject) => stream.write(chunk, (e) => {
                    if (e)
                        reject(e);
                    else
                        resolve();
                })),
                end: () => new Promise((resolve, reject) => stream.end((e) => {
                    if (e)
                        reject(e);
                    else
                        resolve();
                })),
                abort: () => {
                    stream.destroy();
                },
            };
        },
    });
}
/**
 * A `tar czf` of a release directory, made on any OS, read with the `tar` package as a stream. The whole
 * listing is checked first (types and names), so a refused archive writes nothing; extraction then runs
 * with the package's own path safety (no absolute paths, no "..", no writes through links) as a second line.
 */
async function extractTarGz(archive, into) {
    // tar loads only when a .tar.gz release is given.
    const { extract, list } = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 98697));
    const problems = [];
    await list({
        file: archive,
        strict: true,
        onReadEntry: (entry) => {
            const name = entry.path.replace(/^(\.\/)+/, '');
            if (name === '' || name === '.' || name === './')
                return;
            if (entry.type !== 'File' &&
                entry.type !== 'OldFile' &&
                entry.type !== 'Directory' &&
                entry.type !== 'ContiguousFile') {
                problems.push(`${archive}: entry "${name}" is not a plain file or directory (tar type "${entry.type}"); a release archive holds only files and directories`);
                return;
            }
            try {
                (0,entry_name/* checkEntryName */._$)(name);
            }
            catch (error) {
                problems.push(error instanceof Error ? error.message : String(error));
            }
        },
    });
    if (problems.length > 0)
        throw new Error(problems[0]);
    await extract({
        file: archive,
        cwd: into,
        strict: true,
        preservePaths: false,
        // Files keep only their execute bit, as zip releases do: the tree's owner decides the rest.
        onReadEntry: (entry) => {
            if (entry.type !== 'Directory' && entry.mode !== undefined)
                entry.mode = entry.mode & 0o111 ? 0o755 : 0o644;
        },
    });
}

;// CONCATENATED MODULE: ./src/adapters/targets/release-bundle.ts





/** Release ids become directory names and env values: keep them plain on every OS. */
const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
/**
 * `--release <dir|archive>`: a directory holding release.json (`{"version": ...}`), server.js and
 * migrations/, or a .zip/.tar.gz of one (the directory may be the archive's single top folder).
 * Archives are unpacked into a temporary directory outside the target, so a dry-run changes nothing.
 */
async function resolveRelease(argument, cwd) {
    const path = (0,external_node_path_.resolve)(cwd, argument);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* UsageError */.eb(`--release: ${path} does not exist; pass a release directory (release.json, server.js, migrations/) or a .zip/.tar.gz of one`);
    if ((0,external_node_fs_.statSync)(path).isDirectory()) {
        const manifest = readManifest(path);
        return { bundle: { id: manifest.version, path }, manifest, cleanup: () => undefined };
    }
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'dhash-release-'));
    const cleanup = () => {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    };
    try {
        await extractReleaseArchive(path, scratch);
        let dir = scratch;
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'release.json'))) {
            const entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
            if (entries.length === 1 && entries[0].isDirectory())
                dir = (0,external_node_path_.join)(dir, entries[0].name);
        }
        const manifest = readManifest(dir);
        return { bundle: { id: manifest.version, path: dir }, manifest, unpackedFrom: path, cleanup };
    }
    catch (error) {
        cleanup();
        if (error instanceof errors/* UsageError */.eb || error instanceof errors/* OperationError */.OK)
            throw error;
        throw new errors/* UsageError */.eb(`--release: cannot unpack ${path}: ${error.message}`);
    }
}
function readManifest(dir) {
    const file = (0,external_node_path_.join)(dir, 'release.json');
    let manifest;
    try {
        manifest = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`--release: ${file} is missing or not JSON (${error.message.split('\n')[0]}); a release holds release.json with {"version": "..."}`);
    }
    const version = manifest?.version;
    if (typeof version !== 'string' || !RELEASE_ID.test(version)) {
        throw new errors/* UsageError */.eb(`--release: ${file}: "version" must be a string of letters, digits, ".", "_", "+", "-" (it names the release directory), got ${JSON.stringify(version)}`);
    }
    return manifest;
}
/** Problems that would make the release fail to start; checked before anything changes. */
function checkReleaseContents(bundle, startCommand) {
    const problems = [];
    const script = startCommand ? /^node\s+([^\s;&|]+)/.exec(startCommand.trim())?.[1] : undefined;
    if (script && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(bundle.path, script)))
        problems.push(`${(0,external_node_path_.join)(bundle.path, script)} is missing (the start command is "${startCommand}")`);
    return problems;
}

// EXTERNAL MODULE: ./src/runtime/file-lock.ts
var file_lock = __webpack_require__(60482);
// EXTERNAL MODULE: ./src/wiring/migration-mechanics.ts + 2 modules
var migration_mechanics = __webpack_require__(50355);
;// CONCATENATED MODULE: ./src/wiring/deploy-mechanics.ts







/** How long the undo waits for the service to let go of the embedded database's lock. */
const DATABASE_LOCK_WAIT_MS = 10_000;
const DATABASE_LOCK_POLL_MS = 10;
/** The real mechanics behind `deploy` for one environment. */
function deployMechanics(config, cwd, clock) {
    return {
        ...(0,migration_mechanics/* migrationMechanics */.m)(config, cwd),
        resolveRelease: resolveRelease,
        checkReleaseContents: checkReleaseContents,
        serviceUrl: health/* serviceUrl */.Rs,
        waitForHealth: health/* waitForHealth */.tm,
        snapshotDatabase: (driver) => snapshotEmbeddedDatabase(driver, clock),
    };
}
function snapshotEmbeddedDatabase(driver, clock) {
    if (!(driver instanceof embedded_driver/* EmbeddedMigrationDriver */.t))
        return null;
    const path = driver.path;
    // Published files are always whole (tmp + rename), so a plain read is a consistent snapshot.
    const bytes = (0,external_node_fs_.existsSync)(path) ? (0,embedded_db/* snapshotDatabaseFile */.uD)(path) : null;
    return { path, restore: () => restoreDatabaseFile(path, bytes, clock) };
}
async function restoreDatabaseFile(path, bytes, clock) {
    // Under the database's own lock, so no writer (the service) publishes in between.
    const lockPath = `${path}.lock`;
    const deadline = clock.now() + DATABASE_LOCK_WAIT_MS;
    for (;;) {
        const attempt = (0,file_lock/* tryLock */.bh)(lockPath, 'deploy undo: restore database');
        if (attempt.acquired) {
            try {
                if (bytes)
                    (0,embedded_db/* writeFileAtomic */.Zf)(path, bytes);
                else
                    (0,external_node_fs_.rmSync)(path, { force: true });
            }
            finally {
                attempt.release();
            }
            return;
        }
        if (clock.now() > deadline)
            throw new Error(`database ${path} is locked by ${(0,file_lock/* describeOwner */.$S)(attempt.owner)}`);
        await clock.sleep(DATABASE_LOCK_POLL_MS);
    }
}

// EXTERNAL MODULE: ./src/wiring/index.ts + 6 modules
var wiring = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/wiring/notify.ts + 1 modules
var notify = __webpack_require__(17786);
// EXTERNAL MODULE: ./src/wiring/backup-archives.ts + 10 modules
var backup_archives = __webpack_require__(33462);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: ./src/commands/backup.ts + 1 modules
var backup = __webpack_require__(76934);
// EXTERNAL MODULE: ./src/commands/rollback-target.ts
var rollback_target = __webpack_require__(11592);
// EXTERNAL MODULE: ./src/commands/restore/restore.ts + 3 modules
var restore = __webpack_require__(97135);
// EXTERNAL MODULE: ./src/commands/restore/restore-settings.ts
var restore_settings = __webpack_require__(60923);
;// CONCATENATED MODULE: ./src/commands/deploy-backup.ts





/**
 * `--backup-first`: the backup command's use-case (a verified backups/dhash_<env>_<stamp>.zip).
 * The backup is recorded (path, sha256, release) as this environment's pre-deploy backup, which
 * a monitor's rollback restores exactly (`--rollback-to latest-before-deploy`, and rollout).
 */
function backupForDeploy(config, deps) {
    return async (request) => {
        const result = await (0,backup/* createBackup */.dB)({ config, cwd: deps.cwd }, {
            clock: deps.clock,
            logger: deps.logger,
            env: deps.env,
            storage: deps.storage,
        });
        const record = (0,rollback_target/* writePreDeployRecord */.VB)(config, deps.cwd, {
            environment: config.envName,
            backup: result.path,
            sha256: result.sha256,
            release: result.manifest.release,
            deploying: request.reason.replace(/^before deploying /, '') || null,
            deployment_id: request.deploymentId,
            taken_at: new Date(deps.clock.now()).toISOString(),
        });
        deps.logger.info(`pre-deploy backup recorded: ${result.path} (sha256 ${result.sha256})`, { record });
        return { path: result.path, sha256: result.sha256, release: result.manifest.release };
    };
}
/** Deploy's last-resort undo of migrations: the embedded database back from the backup just taken. */
function databaseRestoreForDeploy(config, deps) {
    const root = (0,state_dir/* targetRoot */.u6)(config.env, deps.cwd);
    if (!root)
        return undefined;
    return async (archivePath) => {
        await (0,restore/* restoreDatabaseFromBackup */.Oz)({
            archivePath,
            root,
            environment: config.envName,
            scope: (0,restore_settings/* restoreScope */.T)(config),
            hmacKey: (0,restore_settings/* signingKey */.N)(config, deps.env),
            clock: deps.clock,
            logger: deps.logger,
            env: deps.env,
            storage: deps.storage,
        });
    };
}

;// CONCATENATED MODULE: ./src/commands/release-choice.ts




/**
 * The release a deploy gets when the command line names none, as the seed runbook's
 * `./scripts/deploy_dhash.sh --env production [--dry-run]` does: `--release`, else
 * `DHASH_RELEASE`, else the newest release staged on a local target (the one a deploy would
 * make live), skipping releases whose deploy failed or that were rolled back.
 */
function release_choice_chooseRelease(flag, env, config, cwd, history) {
    if (flag)
        return { path: flag, reason: '--release' };
    if (env.DHASH_RELEASE)
        return { path: env.DHASH_RELEASE, reason: 'DHASH_RELEASE' };
    const root = targetRoot(config.env, cwd);
    const staged = root ? newestStaged(root, history) : null;
    if (root && staged)
        return { path: staged, reason: `the newest release staged in ${join(root, 'releases')}` };
    const where = root
        ? `no release is staged in ${join(root, 'releases')}`
        : `environment "${config.envName}" has no local target to look for staged releases in`;
    throw new UsageError(`--release: no release given and ${where}; pass --release <dir|archive> or set DHASH_RELEASE (build the reference releases with: node examples/dhash-service/build-releases.mjs --out releases)`);
}
/** The most recently staged release directory (by its modification time), not abandoned. */
function newestStaged(root, history) {
    const dir = join(root, 'releases');
    if (!existsSync(dir))
        return null;
    const abandoned = new Set(history(root)
        .filter((a) => a.abandoned)
        .map((a) => a.release));
    const candidates = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !abandoned.has(d.name))
        .filter((d) => existsSync(join(dir, d.name, 'release.json')))
        .map((d) => ({ path: join(dir, d.name), mtime: statSync(join(dir, d.name)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime);
    return candidates[0]?.path ?? null;
}

// EXTERNAL MODULE: ./src/adapters/targets/release-history.ts
var release_history = __webpack_require__(7489);
;// CONCATENATED MODULE: ./src/wiring/deploy-deps.ts











function openOperationLog(kind, config, logDir, clock, extraSinks = []) {
    const path = (0,external_node_path_.join)(logDir, (0,log_file_name/* logFileName */.E)(kind, config.envName, clock.now()));
    return {
        logger: new logger/* JsonLinesLogger */.Qk(clock, [new logger/* JsonFileSink */.m7(path), ...extraSinks], config.redactor),
        path,
    };
}
function buildDeployDeps(input) {
    (0,notify/* checkChannelsBeforeSending */.AE)(input.config, input.dryRun);
    const runtime = {
        clock: input.clock,
        logger: input.log.logger,
        cwd: input.cwd,
        env: input.env,
        interactive: input.interactive,
        logDir: input.logDir,
    };
    const target = (0,wiring/* createReleaseTargetFor */._7)(input.config, runtime);
    if (!target)
        throw new errors/* UsageError */.eb(`environment "${input.config.envName}" has no "target" in ${input.config.source}; add a local or command target to deploy`);
    let notifier = null;
    let notifierProblem;
    if (input.dryRun) {
        notifierProblem = 'dry-run: nothing is sent';
    }
    else {
        try {
            notifier = (0,wiring/* createNotifierFor */.Qm)(input.config, runtime);
        }
        catch (error) {
            notifierProblem = (0,errors/* messageOf */.bD)(error);
        }
    }
    let validator = null;
    try {
        validator = (0,wiring/* createValidatorFor */.Sm)(input.config, runtime);
    }
    catch {
        validator = null;
    }
    return {
        clock: input.clock,
        logger: input.log.logger,
        cwd: input.cwd,
        target,
        mechanics: deployMechanics(input.config, input.cwd, input.clock),
        notifier,
        notifierProblem,
        validator,
        logPath: input.log.path,
        ...(input.withBackups ? backupsFor(input) : {}),
    };
}
function backupsFor(input) {
    const deps = {
        clock: input.clock,
        cwd: input.cwd,
        env: input.env,
        logger: input.log.logger,
        logDir: input.logDir,
        storage: (0,backup_archives/* backupStorage */.y)(),
    };
    return {
        backup: backupForDeploy(input.config, deps),
        restoreDatabase: databaseRestoreForDeploy(input.config, deps),
    };
}
/**
 * The release a deploy gets: the flag, else DHASH_RELEASE, else the newest release staged on the
 * local target that was not abandoned (read from its deploy history).
 */
function releaseChoiceFor(flag, env, config, cwd) {
    return chooseRelease(flag, env, config, cwd, readHistory);
}


/***/ }),

/***/ 50355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ migrationMechanics)
});

// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/adapters/targets/service-env.ts
var service_env = __webpack_require__(13468);
// EXTERNAL MODULE: ./src/adapters/migrations/embedded-driver.ts
var embedded_driver = __webpack_require__(16223);
// EXTERNAL MODULE: ./src/runtime/clock.ts
var runtime_clock = __webpack_require__(19842);
// EXTERNAL MODULE: ./src/adapters/migrations/driver.ts
var driver = __webpack_require__(11084);
;// CONCATENATED MODULE: ./src/adapters/migrations/postgres-driver.ts



/** The advisory lock key every dhash-rollout migrate (and nothing else) takes: "dhash" in ASCII. */
const MIGRATION_LOCK_KEY = 0x6468617368;
/** Describes the server without the password (the URL is a secret). */
function describePostgresUrl(url) {
    try {
        const u = new URL(url);
        return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
    }
    catch {
        return 'PostgreSQL (unparsable URL)';
    }
}
/** Checks the URL before anything connects: a typo is the user's to fix (exit 2), never ENOTFOUND. */
function checkPostgresUrl(url, source) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* UsageError */.eb(`${source} is not a URL; expected postgres://user:password@host:5432/database (the value is not shown: it may hold a password)`);
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
        throw new errors/* UsageError */.eb(`${source} must start with postgres:// or postgresql://, not ${parsed.protocol}//; expected postgres://user:password@host:5432/database`);
    if (!parsed.hostname)
        throw new errors/* UsageError */.eb(`${source} names no host; expected postgres://user:password@host:5432/database`);
}
/**
 * What a failed connection means and what to do about it. Wrong credentials, an unknown host or
 * database are the user's to fix (exit 2); a server that does not answer is a failed operation.
 */
function connectError(error, url, description, source) {
    const code = error.code ?? '';
    let user = '';
    let host = '';
    let database = '';
    try {
        const u = new URL(url);
        user = decodeURIComponent(u.username);
        host = `${u.hostname}${u.port ? `:${u.port}` : ''}`;
        database = decodeURIComponent(u.pathname.replace(/^\//, ''));
    }
    catch {
        /* checked earlier; keep the generic message */
    }
    switch (code) {
        case '28P01':
            return new errors/* UsageError */.eb(`authentication failed for user "${user}" on ${description} (28P01); check the user name and password in ${source}`);
        case '28000':
            return new errors/* UsageError */.eb(`${description} refused user "${user}" (28000: no such role, or pg_hba.conf does not allow this connection); check the user in ${source} and the server's pg_hba.conf`);
        case '3D000':
            return new errors/* UsageError */.eb(`database "${database}" does not exist on ${host} (3D000); create it (createdb ${database}) or fix the database name in ${source}`);
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return new errors/* UsageError */.eb(`host "${host.replace(/:\d+$/, '')}" was not found (${code}); check the host in ${source}`);
        case 'ECONNREFUSED':
            return new errors/* OperationError */.OK(`cannot connect to ${description}: nothing accepts connections on ${host} (ECONNREFUSED); is PostgreSQL running there? check the host and port in ${source}`);
        default:
            return new errors/* OperationError */.OK(`cannot connect to ${description}: ${code || 'connection failed'}${code ? '' : ' (timed out or closed)'}; check that the server is up and reachable, and ${source}`);
    }
}
class PostgresMigrationDriver {
    options;
    client = null;
    constructor(options) {
        this.options = options;
    }
    get description() {
        return describePostgresUrl(this.options.url);
    }
    async connect() {
        if (this.client)
            return this.client;
        // The PostgreSQL client loads only when a PostgreSQL database is used.
        const { default: pgModule } = await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849));
        const client = new pgModule.Client({
            connectionString: this.options.url,
            connectionTimeoutMillis: this.options.connectTimeoutMs ?? 10_000,
        });
        client.on('error', () => undefined);
        try {
            await client.connect();
        }
        catch (error) {
            // pg's messages may quote the connection string; only our own description leaves here.
            throw connectError(error, this.options.url, this.description, this.options.urlSource ?? 'the database URL');
        }
        this.client = client;
        return client;
    }
    async applied() {
        const client = await this.connect();
        const exists = await client.query("SELECT to_regclass('schema_migrations')::text AS t");
        if (!exists.rows[0]?.t)
            return [];
        const rows = await client.query('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
        return rows.rows.map((r) => ({
            version: r.version,
            name: r.name,
            checksum: r.checksum,
            applied_at: r.applied_at,
        }));
    }
    /** Session advisory lock for the whole run: two runs never interleave. */
    async withLock(work) {
        const client = await this.connect();
        const clock = this.options.clock ?? new runtime_clock/* RealClock */.Pr();
        const deadline = clock.now() + (this.options.lockTimeoutMs ?? 30_000);
        for (;;) {
            const got = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [
                MIGRATION_LOCK_KEY,
            ]);
            if (got.rows[0]?.ok)
                break;
            if (clock.now() > deadline) {
                throw new Error(`another migration holds the advisory lock ${MIGRATION_LOCK_KEY} on ${this.description}`);
            }
            // Another migrate is running; its steps take milliseconds to minutes.
            await clock.sleep(200);
        }
        try {
            return await work(client);
        }
        finally {
            await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        }
    }
    async run(steps, appliedAt) {
        return this.withLock(async (client) => {
            await client.query(driver/* TRACKING_TABLE_DDL */.S);
            const outcomes = [];
            for (const step of steps) {
                await client.query('BEGIN');
                try {
                    const seen = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
                        step.version,
                    ]);
                    const done = (seen.rowCount ?? 0) > 0;
                    if (step.direction === 'up' ? done : !done) {
                        await client.query('ROLLBACK');
                        outcomes.push({
                            version: step.version,
                            name: step.name,
                            direction: step.direction,
                            status: 'skipped',
                            detail: 'already done by another run',
                        });
                        continue;
                    }
                    await client.query(step.sql);
                    if (step.direction === 'up') {
                        await client.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [step.version, step.name, step.checksum, appliedAt]);
                    }
                    else {
                        await client.query('DELETE FROM schema_migrations WHERE version = $1', [step.version]);
                    }
                    await client.query('COMMIT');
                    outcomes.push({
                        version: step.version,
                        name: step.name,
                        direction: step.direction,
                        status: step.direction === 'up' ? 'applied' : 'reverted',
                    });
                }
                catch (error) {
                    await client.query('ROLLBACK').catch(() => undefined);
                    const detail = error instanceof Error ? error.message : String(error);
                    outcomes.push({
                        version: step.version,
                        name: step.name,
                        direction: step.direction,
                        status: 'failed',
                        detail,
                    });
                    return {
                        outcomes,
                        error: `migration ${step.version} (${step.name}) ${step.direction} failed: ${detail}`,
                    };
                }
            }
            return { outcomes };
        });
    }
    /**
     * Sequences are not transactional: a nextval() inside the rolled-back transaction (an INSERT
     * into a serial column) stays advanced. So their state is recorded before, at the end of the
     * transaction and after the rollback, and each one the dry-run moved is set back with setval \u2014
     * unless another session moved it too in the meantime, which is said, not overwritten.
     */
    async dryRun(steps, appliedAt) {
        return this.withLock(async (client) => {
            const before = await readSequences(client);
            let during = new Map();
            const result = await this.dryRunSteps(client, steps, appliedAt, async () => {
                during = await readSequences(client);
            });
            const notes = await restoreSequences(client, before, during);
            return notes.length ? { ...result, notes } : result;
        });
    }
    async dryRunSteps(client, steps, appliedAt, beforeRollback) {
        const outcomes = [];
        await client.query('BEGIN');
        try {
            await client.query(driver/* TRACKING_TABLE_DDL */.S);
            for (const step of steps) {
                await client.query('SAVEPOINT dhash_migration');
                try {
                    await client.query(step.sql);
                    if (step.direction === 'up') {
                        await client.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [step.version, step.name, step.checksum, appliedAt]);
                    }
                    else {
                        await client.query('DELETE FROM schema_migrations WHERE version = $1', [step.version]);
                    }
                    outcomes.push({
                        version: step.version,
                        name: step.name,
                        direction: step.direction,
                        status: step.direction === 'up' ? 'applied' : 'reverted',
                    });
                }
                catch (error) {
                    const detail = error instanceof Error ? error.message : String(error);
                    outcomes.push({
                        version: step.version,
                        name: step.name,
                        direction: step.direction,
                        status: 'failed',
                        detail,
                    });
                    return {
                        outcomes,
                        error: `migration ${step.version} (${step.name}) ${step.direction} failed: ${detail}`,
                    };
                }
            }
            return { outcomes };
        }
        finally {
            // A failed statement aborts the transaction; the savepoint brings it back to readable.
            await client.query('ROLLBACK TO SAVEPOINT dhash_migration').catch(() => undefined);
            await beforeRollback().catch(() => undefined);
            await client.query('ROLLBACK').catch(() => undefined);
        }
    }
    async close() {
        const client = this.client;
        this.client = null;
        await client?.end().catch(() => undefined);
    }
}
/** Every sequence this session can read, outside the system schemas, with its state. */
async function readSequences(client) {
    // pg_sequences lists sequences only (pg_class filtered by relkind can reach a privilege check
    // on a table first and fail); values are read one by one, skipping any this user cannot read.
    const names = await client.query(`SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg_temp%'`);
    const states = new Map();
    for (const { name } of names.rows) {
        // `name` comes quoted from format('%I.%I'); it is an identifier, not data.
        const row = await client
            .query(`SELECT last_value::text AS last_value, is_called FROM ${name}`)
            .catch(() => null);
        if (row?.rows[0])
            states.set(name, { lastValue: row.rows[0].last_value, isCalled: row.rows[0].is_called });
    }
    return states;
}
function same(a, b) {
    return a !== undefined && b !== undefined && a.lastValue === b.lastValue && a.isCalled === b.isCalled;
}
async function restoreSequences(client, before, during) {
    const after = await readSequences(client);
    const notes = [];
    for (const [name, was] of before) {
        const now = after.get(name);
        if (!now || same(was, now))
            continue;
        if (!same(now, during.get(name))) {
            notes.push(`sequence ${name} was advanced by another session during the dry-run; left at ${now.lastValue} (was ${was.lastValue})`);
            continue;
        }
        await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [name, was.lastValue, was.isCalled]);
        notes.push(`sequence ${name} set back to ${was.lastValue} with setval (the dry-run had advanced it to ${now.lastValue})`);
    }
    return notes;
}

;// CONCATENATED MODULE: ./src/adapters/migrations/factory.ts





/** The environment's migration database: the embedded SQLite file (default) or PostgreSQL. */
function createMigrationDriver(config, cwd) {
    const migrations = config.env.migrations;
    if (migrations.driver === 'postgres') {
        if (!config.databaseUrl) {
            throw new errors/* UsageError */.eb(`migrations.driver is "postgres" but the environment variable ${migrations.database_url_env} (migrations.database_url_env) is not set`);
        }
        const source = `${migrations.database_url_env} (migrations.database_url_env)`;
        checkPostgresUrl(config.databaseUrl, source);
        return new PostgresMigrationDriver({ url: config.databaseUrl, urlSource: source });
    }
    return new embedded_driver/* EmbeddedMigrationDriver */.t((0,service_env/* resolveDatabasePath */.Xj)(migrations.database_path, (0,state_dir/* targetRoot */.u6)(config.env, cwd), cwd));
}

// EXTERNAL MODULE: ./src/adapters/migrations/read-files.ts
var read_files = __webpack_require__(61460);
;// CONCATENATED MODULE: ./src/wiring/migration-mechanics.ts


/** The real migration driver and file reader that `migrate` and `deploy` use, for one environment. */
function migrationMechanics(config, cwd) {
    return {
        openDriver: () => createMigrationDriver(config, cwd),
        readFiles: read_files/* readMigrationFiles */.I,
    };
}


/***/ })

} };
})
