export const id = 534;
export const ids = [534,309];
export const modules = {

/***/ 6534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerMonitor: () => (/* binding */ registerMonitor)
});

// EXTERNAL MODULE: ./src/commands/monitor.ts + 24 modules
var monitor = __webpack_require__(6818);
// EXTERNAL MODULE: ./src/commands/monitor/front-end.ts
var front_end = __webpack_require__(4620);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(6309);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var logger = __webpack_require__(8118);
// EXTERNAL MODULE: ./src/wiring/index.ts + 6 modules
var wiring = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/wiring/notify.ts + 1 modules
var notify = __webpack_require__(7786);
;// CONCATENATED MODULE: ./src/wiring/monitor-ports.ts



/**
 * The monitor's ports (notifier, rollback runner, validator), for both front ends. A watch that
 * sends (not a dry-run plan) first checks every enabled channel: a missing variable is exit 2
 * naming the channel and the variable before the watch starts.
 */
function monitorPortsFor(config, runtime, dryRun) {
    (0,notify/* checkChannelsBeforeSending */.AE)(config, dryRun);
    return (0,front_end/* portsFrom */.B)({ createNotifierFor: wiring/* createNotifierFor */.Qm, createRollbackRunnerFor: wiring/* createRollbackRunnerFor */.Q4, createValidatorFor: wiring/* createValidatorFor */.Sm }, config, runtime);
}

// EXTERNAL MODULE: ./src/cli/common-options.ts
var common_options = __webpack_require__(6570);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/cli/commands/monitor.ts








const HELP = `
Watches the service for monitoring.window_minutes: health every confirm interval, every gate at
each poll; alerts when a gate enters breach, and rolls back when an auto_rollback gate fails.
Writes monitor_logs/dhash_<env>_<YYYYMMDD_HHMMSS>.log (JSON lines), .evidence.json and .report.html.

Health runs on its own timer (check_interval_seconds, and confirm_interval_seconds while a failure
is being confirmed); the plan (--dry-run) prints the worst-case detection time and its formula.
A metric gate acts only after failure_limit breached readings in a row (default 2, the second a
fast re-check); a gate without data for too long makes the run inconclusive, never passed.

Exit codes: 0 passed · 10 alerted · 11 rolled back (validated, backup's release live) ·
12 rollback failed · 13 inconclusive · 14 preempted by a manual rollback of the environment · 130/143 interrupted by SIGINT/SIGTERM (evidence and report
written; no rollback starts after the signal) · 2 bad flags or config.
--dry-run exits 0 even when the service is unreachable.

Examples:
  dhash-rollout monitor --env production --dry-run
  dhash-rollout monitor --env staging --dry-run --probe --base-url http://127.0.0.1:8081
  dhash-rollout monitor --env production --window-minutes 30`;
function registerMonitor(program, io) {
    (0,common_options/* addConfigOptions */.S0)(program
        .command('monitor')
        .description('Watch a fresh deployment against the quality gates; alert, and roll back automatically on failure.')
        .option('--dry-run', 'print the plan (poll times, gates, thresholds, actions, backup a rollback would use); send nothing')
        .option('--probe', "with --dry-run: take one real measurement and show each gate's verdict")
        .option('--window-minutes <n>', 'override monitoring.window_minutes')
        .option('--log-dir <dir>', 'directory for the log, evidence and report (default: monitor_logs)')
        .option('--deployment-id <id>', 'the rollout id to put into messages and evidence')
        .option('--release <version>', 'the version being watched, for messages')
        .option('--rollback-to <backup|latest-before-deploy>', 'the backup a rollback restores: a backup file (restored only if it still verifies), or the one the last deploy --backup-first took; default: the newest verified backup made before the watch began whose release is not the watched one')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        const config = (0,common_options/* loadFromFlags */.q8)(flags, io);
        const windowMinutes = (0,common_options/* windowMinutesFlag */.GS)(flags.windowMinutes, config);
        if (flags.probe && !flags.dryRun)
            io.stderr.write('note: --probe only applies to --dry-run; monitoring measures anyway\n');
        const dir = (0,state_dir/* logDir */.mw)(io.cwd, flags.logDir);
        const tty = (0,cli_io/* showsProgress */.Mo)(io);
        let progressShown = false;
        const result = await (0,monitor/* runMonitor */.aU)({
            config,
            dryRun: flags.dryRun,
            probe: flags.probe,
            windowMinutes,
            logDir: dir,
            deploymentId: flags.deploymentId,
            version: flags.release,
            rollbackTo: rollbackToFlag(flags.rollbackTo),
            stateDir: (0,state_dir/* lockDir */.JK)(config.env, io.cwd),
        }, {
            clock: io.clock,
            env: io.env,
            // Without a TTY, INFO lines (with periodic progress) are the progress; with one, a
            // redrawn line is, and only warnings and worse scroll past it.
            sinks: flags.json
                ? []
                : [new logger/* ConsoleSink */.Nw((0,cli_io/* consoleLevel */.sr)(io, flags.verbose, tty ? 'WARN' : 'INFO'), io.stderr)],
            ports: monitorPortsFor(config, {
                clock: io.clock,
                cwd: io.cwd,
                env: io.env,
                interactive: (0,cli_io/* isInteractive */.b4)(io),
                logDir: dir,
            }, flags.dryRun === true),
            signal: io.signal,
            onProgress: tty && !flags.json
                ? (p) => {
                    progressShown = true;
                    io.stderr.write(`\r\x1b[2K${(0,front_end/* progressLine */.o)(p)}`);
                }
                : undefined,
        });
        if (progressShown)
            io.stderr.write('\n');
        io.exitCode = result.exitCode;
        for (const warning of config.warnings)
            io.stderr.write(`warning: ${warning}\n`);
        if (flags.json) {
            (0,cli_io/* print */.yy)(io, JSON.stringify(result, null, 2));
            return;
        }
        if (result.plan) {
            (0,cli_io/* print */.yy)(io, (0,monitor/* renderPlan */.EG)(result.plan));
            if (result.probe) {
                (0,cli_io/* print */.yy)(io, 'Probe (one real measurement now):');
                for (const e of result.probe)
                    (0,cli_io/* print */.yy)(io, `  - ${e.gate}: ${e.verdict} — ${e.reason}`);
            }
            (0,cli_io/* print */.yy)(io, `Dry run: nothing was sent or rolled back. Log: ${result.logPath}`);
            return;
        }
        (0,cli_io/* print */.yy)(io, `Monitoring ${result.environment} finished: ${result.result}${result.failedGates.length ? ` (gates: ${result.failedGates.join(', ')})` : ''}`);
        for (const e of result.gates)
            (0,cli_io/* print */.yy)(io, `  - ${e.gate}: ${e.verdict} — ${e.reason}`);
        if (result.rollback)
            (0,cli_io/* print */.yy)(io, `Rollback: ${result.rollback.ok ? 'completed and validated' : `FAILED: ${result.rollback.error}`}`);
        if (result.rollbackCommand)
            (0,cli_io/* print */.yy)(io, `Rollback needs confirmation. Run:\n  ${result.rollbackCommand}`);
        (0,cli_io/* print */.yy)(io, `Log: ${result.logPath}\nEvidence: ${result.evidencePath}\nReport: ${result.reportPath}`);
    });
}
function rollbackToFlag(value) {
    if (value === undefined)
        return undefined;
    if (value === 'latest-before-deploy')
        return { kind: 'latest-before-deploy' };
    if (value.trim() === '' || value === 'latest')
        throw new errors/* UsageError */.eb(`--rollback-to: expected a backup file or "latest-before-deploy", got "${value}" (the default already picks the newest qualifying backup)`);
    return { kind: 'backup', path: value };
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
