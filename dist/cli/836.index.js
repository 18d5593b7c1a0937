"use strict";
(function (__dhashImportMetaUrl) {
return { id: 836, ids: [836], modules: {

/***/ 2836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerMigrate: () => (/* binding */ registerMigrate),
/* harmony export */   renderMigrate: () => (/* binding */ renderMigrate)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6848);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_readline_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2919);
/* harmony import */ var _wiring_migration_mechanics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(355);
/* harmony import */ var _commands_migrate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(223);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6309);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8313);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8118);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1604);
/* harmony import */ var _terminal_progress_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9338);
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2262);












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
function registerMigrate(program, io) {
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_8__/* .addConfigOptions */ .S0)(program
        .command('migrate')
        .description('Apply or revert SQL migrations (embedded SQLite or PostgreSQL), with checksums and locking.')
        .option('--dry-run', 'apply inside a transaction and roll back; change nothing')
        .option('--direction <up|down>', 'up applies pending migrations, down reverts applied ones', 'up')
        .option('--to <version>', 'up: apply through this version; down: revert every version above it')
        .option('--force', 'do not ask for confirmation in production')
        .option('--migrations-dir <dir>', 'directory of NNN_name.up.sql/.down.sql files')
        .option('--release <dir>', "use this release directory's migrations")
        .option('--log-dir <dir>', 'directory for the migrate log', 'monitor_logs')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        const direction = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_11__/* .directionOption */ .H6)(flags.direction);
        const to = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_11__/* .migrateToOption */ .CL)(flags.to);
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_8__/* .loadFromFlags */ .q8)(flags, io);
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__/* .logDir */ .mw)(io.cwd, flags.logDir);
        const terminal = (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .showsProgress */ .Mo)(io, flags.json)
            ? new _terminal_progress_js__WEBPACK_IMPORTED_MODULE_10__/* .TerminalProgress */ .G('migrate', io.stderr, io.clock, flags.verbose ? 'DEBUG' : 'WARN')
            : null;
        const sinks = terminal
            ? [terminal.sink]
            : !flags.json || flags.verbose
                ? [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_7__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .consoleLevel */ .sr)(io, flags.verbose, 'INFO'), io.stderr)]
                : [];
        const log = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__/* .openOperationLog */ .aG)('migrate', config, dir, io.clock, sinks);
        const interactive = (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .isInteractive */ .b4)(io);
        const result = await (0,_commands_migrate_js__WEBPACK_IMPORTED_MODULE_4__/* .migrateCommand */ .vu)({
            config,
            direction,
            to,
            dryRun: flags.dryRun === true,
            force: flags.force === true,
            migrationsDir: flags.migrationsDir,
            releaseDir: flags.release ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, flags.release) : undefined,
        }, {
            clock: io.clock,
            logger: log.logger,
            cwd: io.cwd,
            migrations: (0,_wiring_migration_mechanics_js__WEBPACK_IMPORTED_MODULE_3__/* .migrationMechanics */ .m)(config, io.cwd),
            interactive,
            ask: interactive ? (question) => ask(io, question, terminal) : undefined,
            ...(terminal ? { progress: terminal } : {}),
        }).finally(() => terminal?.close());
        if (flags.json)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .print */ .yy)(io, JSON.stringify({ ...result, logPath: log.path }, null, 2));
        else
            (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .print */ .yy)(io, `${renderMigrate(result)}\n  log: ${log.path}`);
        if (!result.ok)
            io.exitCode = _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_6__/* .ExitCode */ .y.failed;
    });
}
async function ask(io, question, terminal) {
    terminal?.close();
    const rl = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: io.stdin, output: io.stderr, terminal: true });
    try {
        return await rl.question(question);
    }
    finally {
        rl.close();
    }
}
function renderMigrate(result) {
    const lines = [];
    const head = result.dryRun
        ? 'Migration plan (dry-run, nothing changed)'
        : result.ok
            ? 'Migrations done'
            : 'Migration FAILED';
    lines.push(`${head}: ${result.environment}, ${result.database}`);
    lines.push(`  files: ${result.migrationsDir}`);
    lines.push(`  schema version ${result.currentVersion} \u2192 ${result.targetVersion} (${result.direction})`);
    if (!result.steps.length)
        lines.push(result.migrationCount
            ? `  nothing to do: all ${result.migrationCount} migration(s) in the folder are applied`
            : `  no migration files in ${result.migrationsDir}: nothing to apply (is this the right folder?)`);
    for (const step of result.steps) {
        const outcome = result.outcomes.find((o) => o.version === step.version);
        const status = outcome
            ? outcome.status === 'failed'
                ? `\u2718 failed: ${outcome.detail}`
                : `\u2714 ${result.dryRun ? `${outcome.status} (rolled back)` : outcome.status}`
            : result.ok
                ? '\u2192 pending'
                : '- not run';
        lines.push(`  ${String(step.version).padStart(3, '0')} ${step.name} ${step.direction}: ${status}`);
    }
    for (const w of result.warnings)
        lines.push(`  warning: ${w}`);
    for (const n of result.notes ?? [])
        lines.push(`  note: ${n}`);
    if (result.lockHeldBy)
        lines.push(`  note: the environment is locked right now by ${result.lockHeldBy}; a real run would be refused`);
    if (result.error)
        lines.push(`  error: ${result.error}`);
    if (!result.ok)
        lines.push(`  next: fix that migration's SQL (if it was never applied anywhere) and run migrate${result.dryRun ? ' --dry-run' : ''} again; the log has each step`);
    return lines.join('\n');
}


/***/ }),

/***/ 9338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ TerminalProgress),
/* harmony export */   q: () => (/* binding */ RedrawnLine)
/* harmony export */ });
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8118);

const FRAMES = ['\u280b', '\u2819', '\u2839', '\u2838', '\u283c', '\u2834', '\u2826', '\u2827', '\u2807', '\u280f'];
const MARKS = { started: '\u2026', done: '\u2714', failed: '\u2718', skipped: '-' };
/**
 * Deploy and migrate on a terminal, in the style of `rollout`: one line per finished step with
 * its time, and one redrawn spinner line (elapsed seconds, latest news) while a step or a wait is
 * running. Warnings and errors from the log come through `sink`, printed above the spinner.
 * Only for a TTY: in CI the log's lines are printed as they are.
 */
class TerminalProgress {
    command;
    stream;
    clock;
    minLevel;
    running = new Map();
    waiting = null;
    timer = null;
    frame = 0;
    drawn = false;
    constructor(command, stream, clock, minLevel = 'WARN') {
        this.command = command;
        this.stream = stream;
        this.clock = clock;
        this.minLevel = minLevel;
    }
    /**
     * Log records at `minLevel` and above, printed as plain lines above the spinner; records of a
     * step (they carry a `step` field) are already shown by the step lines.
     */
    sink = {
        write: (record) => {
            if (_runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__/* .LOG_LEVELS */ .p_.indexOf(record.level) < _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__/* .LOG_LEVELS */ .p_.indexOf(this.minLevel))
                return;
            if (record.step !== undefined && this.minLevel !== 'DEBUG')
                return;
            const mark = record.level === 'WARN' ? '\u26a0' : record.level === 'DEBUG' || record.level === 'INFO' ? ' ' : '\u2718';
            this.printLine(`${this.time()} ${mark} ${record.message}`);
        },
    };
    step(event) {
        if (event.status === 'started') {
            this.running.set(event.step, this.clock.now());
            this.animate();
            return;
        }
        const since = this.running.get(event.step);
        this.running.delete(event.step);
        if (!this.running.size && !this.waiting)
            this.stopAnimation();
        const took = since === undefined ? '' : ` (${seconds(this.clock.now() - since)})`;
        const detail = event.detail ? ` ${event.detail}` : '';
        this.printLine(`${this.time()} ${MARKS[event.status]} ${this.command} ${event.step}:${detail}${took}`);
    }
    wait(label) {
        const entry = { label, detail: '', since: this.clock.now() };
        this.waiting = entry;
        this.animate();
        return {
            update: (detail) => {
                entry.detail = detail;
            },
            end: () => {
                if (this.waiting === entry)
                    this.waiting = null;
                this.clear();
                if (!this.running.size && !this.waiting)
                    this.stopAnimation();
            },
        };
    }
    /** Removes the spinner line for good (before the final summary is printed). */
    close() {
        this.stopAnimation();
    }
    animate() {
        if (!this.timer) {
            this.timer = setInterval(() => {
                this.draw();
            }, 100);
            this.timer.unref();
        }
        this.draw();
    }
    stopAnimation() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        this.clear();
    }
    draw() {
        const spinner = FRAMES[this.frame++ % FRAMES.length];
        const now = this.clock.now();
        let text;
        if (this.waiting) {
            const news = this.waiting.detail ? ` \u00b7 ${this.waiting.detail}` : '';
            text = `${spinner} ${this.waiting.label} \u00b7 ${seconds(now - this.waiting.since)}${news}`;
        }
        else {
            const [step, since] = [...this.running.entries()].at(-1) ?? ['', now];
            text = `${spinner} ${this.command} ${step} \u00b7 ${seconds(now - since)}`;
        }
        const width = this.stream.columns ?? 120;
        this.stream.write(`\r\x1b[2K${text.length > width - 1 ? `${text.slice(0, width - 2)}\u2026` : text}`);
        this.drawn = true;
    }
    clear() {
        if (this.drawn)
            this.stream.write('\r\x1b[2K');
        this.drawn = false;
    }
    printLine(text) {
        this.clear();
        this.stream.write(`${text}\n`);
        if (this.timer)
            this.draw();
    }
    time() {
        return new Date(this.clock.now()).toISOString().slice(11, 19);
    }
}
/**
 * One status line redrawn in place (monitor and rollout on a terminal); `end` moves below it, if
 * anything was drawn, so the next line does not overwrite it.
 */
class RedrawnLine {
    stream;
    drawn = false;
    constructor(stream) {
        this.stream = stream;
    }
    draw(text) {
        this.stream.write(`\r\x1b[2K${text}`);
        this.drawn = true;
    }
    end() {
        if (this.drawn)
            this.stream.write('\n');
        this.drawn = false;
    }
}
function seconds(ms) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y$: () => (/* binding */ loadMigrations),
  MS: () => (/* binding */ migrationsDirFor),
  N_: () => (/* binding */ prepareMigrations),
  Ab: () => (/* binding */ refuseUnsafePlan),
  lj: () => (/* binding */ summarizeRun)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(6309);
;// CONCATENATED MODULE: ./src/domain/migrations/files.ts
const PATTERN = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_.-]*?)\.(up|down)\.sql$/;
function parseMigrationFileName(fileName) {
    const m = PATTERN.exec(fileName);
    if (!m)
        return null;
    const version = Number(m[1]);
    if (!Number.isSafeInteger(version) || version <= 0)
        return null;
    return { version, name: m[2], direction: m[3] };
}
/** Pairs up and down files by version; returns the migrations in version order and every problem. */
function collectMigrations(files) {
    const problems = [];
    const byVersion = new Map();
    for (const file of files) {
        if (!/\.sql$/i.test(file.fileName))
            continue;
        const parsed = parseMigrationFileName(file.fileName);
        if (!parsed) {
            const lower = file.fileName.replace(/\.(up|down)\.sql$/i, (m) => m.toLowerCase());
            problems.push(lower !== file.fileName && parseMigrationFileName(lower)
                ? `${file.fileName}: the extension must be lowercase; rename it to ${lower}`
                : `${file.fileName}: expected a name like 001_create_images.up.sql or 001_create_images.down.sql (digits, an underscore, a name, .up.sql or .down.sql; version \u2265 1); rename it`);
            continue;
        }
        const entry = byVersion.get(parsed.version) ?? { name: parsed.name };
        if (entry.name !== parsed.name) {
            problems.push(`${file.fileName}: version ${parsed.version} is already used by "${entry.name}"`);
            continue;
        }
        const already = entry[parsed.direction];
        if (already) {
            problems.push(`${file.fileName}: duplicate ${parsed.direction} file for version ${parsed.version} (${already.fileName})`);
            continue;
        }
        entry[parsed.direction] = file;
        byVersion.set(parsed.version, entry);
    }
    const migrations = [];
    for (const [version, entry] of [...byVersion.entries()].sort((a, b) => a[0] - b[0])) {
        if (!entry.up) {
            // An entry is only stored with a file, so without its up file it has its down file.
            if (entry.down)
                problems.push(`${entry.down.fileName}: a down file without its up file`);
            continue;
        }
        migrations.push({ version, name: entry.name, up: entry.up, ...(entry.down ? { down: entry.down } : {}) });
    }
    return { migrations, problems };
}

// EXTERNAL MODULE: ./src/domain/migrations/plan.ts
var migrations_plan = __webpack_require__(7017);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/migrate-core.ts






/**
 * The migration files of a folder. A folder that does not exist is the user's to fix (a typo in
 * --migrations-dir, no live release yet), unless `optional` (a release may have no migrations/).
 * Badly named files are refused, not skipped: a skipped migration is a silent schema gap.
 */
function loadMigrations(readFiles, dir, options = {}) {
    if (!(0,external_node_fs_.existsSync)(dir) && !options.optional)
        throw new errors/* UsageError */.eb(`migrations folder ${dir} does not exist; pass --migrations-dir <dir> or --release <dir> (a release holds migrations/), or deploy a release first`);
    let files;
    try {
        files = readFiles(dir);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`cannot read migrations from ${dir}: ${error.message}`);
    }
    const { migrations, problems } = collectMigrations(files);
    if (problems.length)
        throw new errors/* UsageError */.eb(`migrations in ${dir} are not usable, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return migrations;
}
async function prepareMigrations(readFiles, driver, dir, options) {
    const migrations = loadMigrations(readFiles, dir, { optional: options.optional });
    let applied;
    try {
        applied = await driver.applied();
    }
    catch (error) {
        // A driver's own errors (wrong password, unknown host) already say what to do, with their exit code.
        if (error instanceof errors/* DhashError */.RP)
            throw error;
        throw new errors/* OperationError */.OK(`cannot read schema_migrations from ${driver.description}: ${error.message}`);
    }
    const plan = (0,migrations_plan/* planMigrations */.n6)(migrations, applied, options);
    return { dir, migrations, plan };
}
/** Refuses a plan that must not run: an edited applied file, or a step that cannot be carried out. */
function refuseUnsafePlan(plan) {
    if (plan.flagProblems.length)
        throw new errors/* UsageError */.eb(plan.flagProblems.join('; '));
    const problems = [
        ...plan.checksumMismatches.map((m) => `${(0,migrations_plan/* describeMismatch */._e)(m)}; an applied migration must not be edited: restore the original file and put the change in a new migration`),
        ...plan.blockers,
    ];
    if (problems.length)
        throw new errors/* RefusedError */.fk(`migrations refused, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
/** Where migrations are read from: --migrations-dir, else the release's (or live release's) migrations.dir. */
function migrationsDirFor(config, cwd, options) {
    if (options.migrationsDir)
        return (0,external_node_path_.resolve)(cwd, options.migrationsDir);
    if (options.releaseDir)
        return (0,external_node_path_.join)(options.releaseDir, config.env.migrations.dir);
    const root = (0,state_dir/* targetRoot */.u6)(config.env, cwd);
    if (!root) {
        throw new errors/* UsageError */.eb(`--migrations-dir: required for environment "${config.envName}", whose target is not local (there is no live release directory on this host)`);
    }
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, 'current')))
        throw new errors/* UsageError */.eb(`--migrations-dir: environment "${config.envName}" has no live release in ${root} (${(0,external_node_path_.join)(root, 'current')} does not exist) to take migrations from; pass --migrations-dir <dir> or --release <dir>, or deploy a release first`);
    return (0,external_node_path_.join)(root, 'current', config.env.migrations.dir);
}
function summarizeRun(result) {
    return result.outcomes
        .map((o) => `${o.version} ${o.name} ${o.direction}: ${o.status}${o.detail ? ` (${o.detail})` : ''}`)
        .join('; ');
}


/***/ }),

/***/ 223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vu: () => (/* binding */ migrateCommand)
/* harmony export */ });
/* unused harmony exports confirmProduction, assertMigrated */
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6309);
/* harmony import */ var _runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6931);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(482);
/* harmony import */ var _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2266);
/* harmony import */ var _migrate_core_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8992);






/** Production changes need a human's typed "yes, this environment" unless --force. */
async function confirmProduction(config, what, force, deps) {
    if (config.envName !== 'production' || force)
        return;
    if (!deps.interactive || !deps.ask) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RefusedError */ .fk(`${what} in production needs confirmation: run it on a terminal and type the environment name, or pass --force`);
    }
    const answer = (await deps.ask(`${what} in production. Type "production" to continue: `)).trim();
    if (answer !== 'production')
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RefusedError */ .fk(`not confirmed (got "${answer}"); nothing was changed`);
}
/**
 * `migrate`: applies (or reverts) SQL migrations with the tracking table, one transaction per
 * migration, under the environment lock and the database's own lock. A dry-run runs the pending
 * steps inside a transaction that is rolled back, so it proves they apply and changes nothing.
 */
async function migrateCommand(options, deps) {
    const { config } = options;
    const { logger } = deps;
    const progress = deps.progress ?? _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .silentProgress */ .R;
    const migrationsDir = (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .migrationsDirFor */ .MS)(config, deps.cwd, options);
    const lockRoot = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__/* .lockDir */ .JK)(config.env, deps.cwd);
    const driver = deps.driver ?? deps.migrations.openDriver();
    const planOptions = { direction: options.direction, to: options.to };
    let releaseLock;
    try {
        // Planned, checked and confirmed before the lock is taken: a refusal, a dry-run and "nothing
        // to do" create nothing (not the target root the lock lives in, not the database file).
        let prepared = await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigrations */ .N_)(deps.migrations.readFiles, driver, migrationsDir, planOptions);
        for (const warning of prepared.plan.warnings)
            logger.warn(warning);
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseUnsafePlan */ .Ab)(prepared.plan);
        const base = describePlan(options, driver, migrationsDir, prepared);
        logger.info(`migration plan: ${base.steps.length} step(s) ${base.direction}, version ${base.currentVersion} \u2192 ${base.targetVersion}`, { database: driver.description, steps: base.steps, dry_run: options.dryRun });
        progress.step({ step: 'plan', status: 'done', detail: planLine(base) });
        const appliedAt = new Date(deps.clock.now()).toISOString();
        if (options.dryRun) {
            const owner = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .readLockOwner */ .Dh)((0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentLockPath */ .s)(lockRoot, config.envName));
            if (owner)
                base.lockHeldBy = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .describeOwner */ .$S)(owner);
            if (base.steps.length === 0)
                return base;
            const result = await runWithProgress(progress, base, true, () => driver.dryRun(prepared.plan.steps, appliedAt));
            return finish(base, result, logger, true);
        }
        if (base.steps.length === 0) {
            logger.info(base.migrationCount
                ? 'the database is up to date; nothing to do'
                : `no migration files in ${migrationsDir}`);
            return base;
        }
        await confirmProduction(config, `${base.direction === 'up' ? 'Applying' : 'Reverting'} ${base.steps.length} migration(s) on ${driver.description}`, options.force, deps);
        releaseLock = (0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .acquireEnvironmentLock */ .D)(lockRoot, config.envName, 'migrate', new Date(deps.clock.now()));
        // Under the lock, read again: another run may have moved the database since the plan.
        prepared = await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigrations */ .N_)(deps.migrations.readFiles, driver, migrationsDir, planOptions);
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseUnsafePlan */ .Ab)(prepared.plan);
        const locked = describePlan(options, driver, migrationsDir, prepared);
        if (locked.steps.length === 0) {
            logger.info('another run applied the plan meanwhile; nothing to do');
            return locked;
        }
        const result = await runWithProgress(progress, locked, false, () => driver.run(prepared.plan.steps, appliedAt));
        return finish(locked, result, logger, false);
    }
    finally {
        await driver.close();
        releaseLock?.();
    }
}
function describePlan(options, driver, migrationsDir, prepared) {
    const { plan } = prepared;
    return {
        ok: true,
        dryRun: options.dryRun,
        environment: options.config.envName,
        database: driver.description,
        migrationsDir,
        migrationCount: prepared.migrations.length,
        direction: plan.direction,
        currentVersion: plan.currentVersion,
        targetVersion: plan.targetVersion,
        steps: plan.steps.map((s) => ({ version: s.version, name: s.name, direction: s.direction })),
        outcomes: [],
        warnings: plan.warnings,
    };
}
function planLine(base) {
    if (base.steps.length)
        return `${base.steps.length} step(s) ${base.direction} on ${base.database}, version ${base.currentVersion} \u2192 ${base.targetVersion}`;
    return base.migrationCount
        ? `nothing to do: ${base.migrationCount} migration file(s), schema version ${base.currentVersion}`
        : `no migration files in ${base.migrationsDir}`;
}
async function runWithProgress(progress, base, dryRun, work) {
    const handle = progress.wait(`${dryRun ? 'proving' : 'applying'} ${base.steps.length} migration(s) on ${base.database}${dryRun ? ' (rolled back)' : ''}`);
    let result;
    try {
        result = await work();
    }
    finally {
        handle.end();
    }
    for (const o of result.outcomes)
        progress.step({
            step: `${String(o.version).padStart(3, '0')}_${o.name} ${o.direction}`,
            status: o.status === 'failed' ? 'failed' : o.status === 'skipped' ? 'skipped' : 'done',
            detail: o.status === 'failed' ? (o.detail ?? 'failed') : dryRun ? `${o.status} (rolled back)` : o.status,
        });
    return result;
}
function finish(base, result, logger, dryRun) {
    for (const note of result.notes ?? [])
        logger.info(note);
    if (result.notes?.length)
        base = { ...base, notes: result.notes };
    for (const outcome of result.outcomes) {
        logger.log(outcome.status === 'failed' ? 'ERROR' : 'INFO', `${dryRun ? '[dry-run] ' : ''}migration ${outcome.version} (${outcome.name}) ${outcome.direction}: ${outcome.status}`, {
            ...(outcome.detail ? { detail: outcome.detail } : {}),
        });
    }
    if (result.error) {
        const done = result.outcomes.filter((o) => o.status === 'applied' || o.status === 'reverted').length;
        const error = dryRun
            ? `${result.error} (dry-run: nothing was changed)`
            : `${result.error}; ${done} step(s) before it were committed, it and the rest were not`;
        return { ...base, ok: false, outcomes: result.outcomes, error };
    }
    return { ...base, outcomes: result.outcomes };
}
function assertMigrated(result) {
    if (!result.ok)
        throw new OperationError(result.error ?? 'migration failed');
}


/***/ }),

/***/ 7017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _e: () => (/* binding */ describeMismatch),
/* harmony export */   n6: () => (/* binding */ planMigrations),
/* harmony export */   qD: () => (/* binding */ undoSteps)
/* harmony export */ });
/** Applied versions without a file, and applied up files edited since (by checksum). */
function checkApplied(files, applied) {
    const checksumMismatches = [];
    const warnings = [];
    for (const row of [...applied].sort((a, b) => a.version - b.version)) {
        const file = files.get(row.version);
        if (!file) {
            warnings.push(`version ${row.version} (${row.name}) is applied but has no file in this release`);
            continue;
        }
        if (file.up.checksum !== row.checksum) {
            checksumMismatches.push({
                version: row.version,
                name: row.name,
                recorded: row.checksum,
                file: file.up.checksum,
            });
        }
    }
    return { checksumMismatches, warnings };
}
/** up: every pending version through `--to`, in file order. */
function planUp(available, applied, currentVersion, to) {
    const appliedVersions = new Set(applied.map((a) => a.version));
    const steps = [];
    const warnings = [];
    const flagProblems = [];
    const limit = to ?? Number.POSITIVE_INFINITY;
    const pending = available.filter((m) => !appliedVersions.has(m.version) && m.version <= limit);
    for (const m of pending) {
        if (m.version < currentVersion)
            warnings.push(`version ${m.version} (${m.name}) is older than the applied version ${currentVersion}; it is applied out of order`);
        steps.push({
            version: m.version,
            name: m.name,
            direction: 'up',
            sql: m.up.sql,
            checksum: m.up.checksum,
        });
    }
    const targetVersion = Math.max(currentVersion, ...pending.map((m) => m.version));
    if (to !== undefined && to < currentVersion) {
        flagProblems.push(`--to ${to} is below the applied version ${currentVersion}; use --direction down to go back`);
    }
    return { steps, targetVersion, blockers: [], flagProblems, warnings };
}
/** down: every applied version above `--to` (default: the latest one), newest first. */
function planDown(files, applied, currentVersion, to) {
    const steps = [];
    const blockers = [];
    const flagProblems = [];
    const sortedApplied = [...applied].sort((a, b) => b.version - a.version);
    const floor = to ?? sortedApplied.at(1)?.version ?? 0;
    if (to !== undefined && to > currentVersion) {
        flagProblems.push(`--to ${to} is above the applied version ${currentVersion}; use --direction up to go forward`);
    }
    for (const row of sortedApplied) {
        if (row.version <= floor)
            break;
        const file = files.get(row.version);
        if (!file) {
            blockers.push(`version ${row.version} (${row.name}) cannot be reverted: its files are not in this release`);
            continue;
        }
        if (!file.down) {
            blockers.push(`version ${row.version} (${row.name}) cannot be reverted: ${file.up.fileName.replace(/\.up\.sql$/, '.down.sql')} does not exist`);
            continue;
        }
        steps.push({
            version: row.version,
            name: row.name,
            direction: 'down',
            sql: file.down.sql,
            checksum: row.checksum,
        });
    }
    return { steps, targetVersion: Math.min(currentVersion, floor), blockers, flagProblems, warnings: [] };
}
/**
 * The pure part of `migrate`: from the files and the tracking table, what would run. Checksums of
 * applied migrations are compared in both directions, because a down file is only trustworthy
 * against the up file that was actually applied.
 */
function planMigrations(available, applied, options) {
    const files = new Map(available.map((m) => [m.version, m]));
    const currentVersion = applied.reduce((max, a) => Math.max(max, a.version), 0);
    const { checksumMismatches, warnings } = checkApplied(files, applied);
    const plan = options.direction === 'up'
        ? planUp(available, applied, currentVersion, options.to)
        : planDown(files, applied, currentVersion, options.to);
    return {
        direction: options.direction,
        targetVersion: plan.targetVersion,
        currentVersion,
        steps: plan.steps,
        checksumMismatches,
        blockers: plan.blockers,
        flagProblems: plan.flagProblems,
        warnings: [...warnings, ...plan.warnings],
    };
}
/** The down steps that undo a list of up steps just applied (newest first); null when one lacks a down file. */
function undoSteps(applied, available) {
    const files = new Map(available.map((m) => [m.version, m]));
    const steps = [];
    for (const step of [...applied].reverse()) {
        const down = files.get(step.version)?.down;
        if (!down)
            return null;
        steps.push({
            version: step.version,
            name: step.name,
            direction: 'down',
            sql: down.sql,
            checksum: step.checksum,
        });
    }
    return steps;
}
function describeMismatch(m) {
    return `version ${m.version} (${m.name}) was applied with checksum ${m.recorded.slice(0, 12)}\u2026 but its up file now has ${m.file.slice(0, 12)}\u2026`;
}


/***/ }),

/***/ 2262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ migrateToOption),
/* harmony export */   H6: () => (/* binding */ directionOption),
/* harmony export */   SZ: () => (/* binding */ backupOption),
/* harmony export */   ap: () => (/* binding */ rolloutReleaseOption),
/* harmony export */   dn: () => (/* binding */ windowMinutesOption),
/* harmony export */   fd: () => (/* binding */ latencyLimitMsOption),
/* harmony export */   gr: () => (/* binding */ timeoutSecondsOption),
/* harmony export */   jZ: () => (/* binding */ numberOption),
/* harmony export */   kr: () => (/* binding */ rehearsalReleaseOption),
/* harmony export */   s_: () => (/* binding */ maxSizeMbOption),
/* harmony export */   wf: () => (/* binding */ rehearsalWindowSecondsOption)
/* harmony export */ });
/* unused harmony exports choiceOption, requiredOption */
/* harmony import */ var _config_bounds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(749);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);


function numberOption(name, raw, bounds = {}) {
    if (raw === undefined)
        return undefined;
    const n = raw.trim() === '' ? Number.NaN : Number(raw);
    const { min, above = false, integer = false } = bounds;
    const fits = Number.isFinite(n) &&
        (!integer || Number.isInteger(n)) &&
        (min === undefined || (above ? n > min : n >= min));
    if (!fits) {
        const kind = integer ? 'an integer' : 'a number';
        const bound = min === undefined ? '' : above ? ` greater than ${min}` : ` of at least ${min}`;
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${name}: expected ${kind}${bound}, got "${raw}"`);
    }
    return n;
}
/** One of a fixed set of words. */
function choiceOption(name, raw, choices, fallback) {
    if (raw === undefined)
        return fallback;
    if (!choices.includes(raw))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${name}: expected ${choices.map((c) => `"${c}"`).join(' or ')}, got "${raw}"`);
    return raw;
}
/** The monitoring window override, bounded like monitoring.window_minutes and by the polls it would make. */
function windowMinutesOption(raw, config) {
    if (raw === undefined)
        return undefined;
    const problem = (0,_config_bounds_js__WEBPACK_IMPORTED_MODULE_0__/* .windowOverrideProblem */ .yk)('window-minutes', raw, config.env.monitoring.poll_intervals);
    if (problem)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(problem);
    return Number(raw);
}
/** smoke: the deadline of each request, in seconds. */
const timeoutSecondsOption = (raw) => numberOption('timeout', raw, { min: 0, above: true });
/** smoke: health latency above this warns, in milliseconds. */
const latencyLimitMsOption = (raw) => numberOption('latency-limit-ms', raw, { min: 0, above: true });
/** validate-logging: files larger than this are flagged, in MB. */
const maxSizeMbOption = (raw) => numberOption('max-size-mb', raw, { min: 0, above: true });
/** migrate: the direction. */
const directionOption = (raw) => choiceOption('direction', raw, ['up', 'down'], 'up');
/** migrate: the schema version to migrate to. */
const migrateToOption = (raw) => numberOption('to', raw, { min: 0, integer: true });
/** An option without which the command cannot run. */
function requiredOption(name, raw, what) {
    if (raw === undefined || raw.trim() === '')
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${name}: required: ${what}`);
    return raw;
}
/** rollback: the backup to restore. */
const backupOption = (raw) => requiredOption('backup', raw, 'a backup file, or "latest" for the newest backup that verifies');
/** rollout: the release to roll out. */
const rolloutReleaseOption = (raw) => requiredOption('release', raw, 'a release directory or a .zip/.tar.gz archive of one');
function rehearsalWindowSecondsOption(raw) {
    return numberOption('window-seconds', raw, { min: 5 });
}
/** rehearse: the candidate release. */
const rehearsalReleaseOption = (raw) => requiredOption('release', raw, 'the candidate release directory (release.json, server.js, migrations/)');


/***/ }),

/***/ 2266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ silentProgress)
/* harmony export */ });
const silentProgress = {
    step: () => undefined,
    wait: () => ({ update: () => undefined, end: () => undefined }),
};


/***/ })

} };
})
