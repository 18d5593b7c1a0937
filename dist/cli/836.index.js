export const id = 836;
export const ids = [836,309];
export const modules = {

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
/* harmony import */ var _wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(337);
/* harmony import */ var _wiring_migration_mechanics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(355);
/* harmony import */ var _commands_migrate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(223);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6309);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9541);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8313);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8118);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1604);
/* harmony import */ var _terminal_progress_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9338);












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
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_9__/* .addConfigOptions */ .S0)(program
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
        if (flags.direction !== 'up' && flags.direction !== 'down')
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--direction: expected "up" or "down", got "${flags.direction}"`);
        const to = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_9__/* .numberFlag */ .C$)('--to', flags.to, { min: 0, integer: true });
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_9__/* .loadFromFlags */ .q8)(flags, io);
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__/* .logDir */ .mw)(io.cwd, flags.logDir);
        const terminal = (0,_io_js__WEBPACK_IMPORTED_MODULE_10__/* .showsProgress */ .Mo)(io, flags.json)
            ? new _terminal_progress_js__WEBPACK_IMPORTED_MODULE_11__/* .TerminalProgress */ .G('migrate', io.stderr, io.clock, flags.verbose ? 'DEBUG' : 'WARN')
            : null;
        const sinks = terminal
            ? [terminal.sink]
            : !flags.json || flags.verbose
                ? [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_8__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_10__/* .consoleLevel */ .sr)(io, flags.verbose, 'INFO'), io.stderr)]
                : [];
        const log = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__/* .openOperationLog */ .a)('migrate', config, dir, io.clock, sinks);
        const interactive = (0,_io_js__WEBPACK_IMPORTED_MODULE_10__/* .isInteractive */ .b4)(io);
        const result = await (0,_commands_migrate_js__WEBPACK_IMPORTED_MODULE_4__/* .migrateCommand */ .vu)({
            config,
            direction: flags.direction,
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
            (0,_io_js__WEBPACK_IMPORTED_MODULE_10__/* .print */ .yy)(io, JSON.stringify({ ...result, logPath: log.path }, null, 2));
        else
            (0,_io_js__WEBPACK_IMPORTED_MODULE_10__/* .print */ .yy)(io, `${renderMigrate(result)}\n  log: ${log.path}`);
        if (!result.ok)
            io.exitCode = _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_7__/* .ExitCode */ .y.failed;
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
    lines.push(`  schema version ${result.currentVersion} → ${result.targetVersion} (${result.direction})`);
    if (!result.steps.length)
        lines.push(result.migrationCount
            ? `  nothing to do: all ${result.migrationCount} migration(s) in the folder are applied`
            : `  no migration files in ${result.migrationsDir}: nothing to apply (is this the right folder?)`);
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
/* harmony export */   G: () => (/* binding */ TerminalProgress)
/* harmony export */ });
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8118);

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const MARKS = { started: '…', done: '✔', failed: '✘', skipped: '-' };
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
            const mark = record.level === 'WARN' ? '⚠' : record.level === 'DEBUG' || record.level === 'INFO' ? ' ' : '✘';
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
            const news = this.waiting.detail ? ` · ${this.waiting.detail}` : '';
            text = `${spinner} ${this.waiting.label} · ${seconds(now - this.waiting.since)}${news}`;
        }
        else {
            const [step, since] = [...this.running.entries()].at(-1) ?? ['', now];
            text = `${spinner} ${this.command} ${step} · ${seconds(now - since)}`;
        }
        const width = this.stream.columns ?? 120;
        this.stream.write(`\r\x1b[2K${text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text}`);
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
function seconds(ms) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
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
        logger.info(`migration plan: ${base.steps.length} step(s) ${base.direction}, version ${base.currentVersion} → ${base.targetVersion}`, { database: driver.description, steps: base.steps, dry_run: options.dryRun });
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
        return `${base.steps.length} step(s) ${base.direction} on ${base.database}, version ${base.currentVersion} → ${base.targetVersion}`;
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

/***/ 6309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JK: () => (/* binding */ lockDir),
/* harmony export */   mw: () => (/* binding */ logDir),
/* harmony export */   su: () => (/* binding */ backupDir),
/* harmony export */   u6: () => (/* binding */ targetRoot)
/* harmony export */ });
/* unused harmony export DEFAULT_LOG_DIR */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Directory resolution shared by every command, so they agree on where things live. The loader
 * has already made the config's paths absolute (target.root against the config file's folder,
 * backup.dir against target.root); resolving again only matters for hand-built configs in tests.
 */
function targetRoot(env, cwd) {
    if (env.target?.type !== 'local')
        return null;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(env.target.root) ? env.target.root : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, env.target.root);
}
/** Where environment locks live: the local target's root (shared by everyone deploying to that
 * host), else the working directory. */
function lockDir(env, cwd) {
    return targetRoot(env, cwd) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, '.dhash-rollout');
}
function backupDir(env, cwd) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, env.backup.dir);
}
const DEFAULT_LOG_DIR = 'monitor_logs';
function logDir(cwd, override) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, override ?? DEFAULT_LOG_DIR);
}


/***/ })

};
