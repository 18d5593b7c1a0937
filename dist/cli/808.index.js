export const id = 808;
export const ids = [808,309];
export const modules = {

/***/ 7808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerRehearse: () => (/* binding */ registerRehearse),
/* harmony export */   renderRehearsal: () => (/* binding */ renderRehearsal)
/* harmony export */ });
/* harmony import */ var _rehearse_database_variable_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9089);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6309);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8118);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1604);





const HELP = `
Proves a release on this machine, without the target host (a pull request's CI runner, a laptop):
a scratch local target under RUNNER_TEMP (or the OS temp directory) runs, in order,
  validate        every environment of the config; what only the target host can check (its
                  root, its database) is listed as "checked by the deploy", not failed
  previous        the --previous-release deployed, then generated load against it
  rollout         the guarded rollout of --release with the environment's own gates:
                  backup → migrate → deploy → smoke → a --window-seconds monitoring window
  down-migrations the candidate's down migrations bring the schema back to the previous one's
  rollback        a deliberate rollback to the backup the rollout took
  verify-previous the previous release live and healthy, its schema and data as backed up
  rollout-again   the candidate rolled out again
Thresholds and actions are the environment's own; a windowed gate's min_sample_size is capped at
what a tenth of the window's load provides, so gates reach a verdict in a window of seconds.
Notifications are not sent (a rehearsal is not an event); the environment's own database is never
touched (postgres: set ${_rehearse_database_variable_js__WEBPACK_IMPORTED_MODULE_4__/* .REHEARSAL_DATABASE_VARIABLE */ .p} to a scratch database).
Record: <log-dir>/rehearsal_<env>.json beside the deploy, smoke, monitor and rollback logs.

Exit codes: 0 every stage passed, 1 a stage failed (the record says which), 2 bad flags or config.`;
function registerRehearse(program, io) {
    program
        .command('rehearse')
        .description('Rehearse the rollout of a release on a scratch local target: rollout, deliberate rollback, rollout again.')
        .requiredOption('-r, --release <dir>', 'the candidate release directory (release.json, server.js, migrations/)')
        .option('-p, --previous-release <dir>', 'the release live before it (needed to rehearse the rollback)')
        .option('-e, --env <name>', "environment whose gates are rehearsed (default: the file's default_environment)")
        .option('-c, --config <file>', 'config file (default: ./quality-gates-config.json, else the packaged default)')
        .option('--workspace <dir>', 'scratch directory (default: a new one under RUNNER_TEMP or the OS temp directory)')
        .option('--window-seconds <n>', 'length of each monitoring window in seconds', '30')
        .option('--rate <n>', 'requests per second of the generated load', '10')
        .option('--log-dir <dir>', 'directory for logs, evidence, reports and the rehearsal record', 'monitor_logs')
        .option('--json', 'print the result as JSON')
        .option('-v, --verbose', 'show every log line')
        .addHelpText('after', HELP)
        .action(async (flags) => {
        const windowSeconds = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_2__/* .numberFlag */ .C$)('--window-seconds', flags.windowSeconds, { min: 5 });
        const rate = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_2__/* .numberFlag */ .C$)('--rate', flags.rate, { min: 1 });
        const controller = new AbortController();
        const onSignal = () => {
            controller.abort(new Error('interrupted'));
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
            // The rehearsal (with its load generator and image codecs) loads only when it runs.
            const { rehearseCommand } = await Promise.all(/* import() */[__webpack_require__.e(318), __webpack_require__.e(494), __webpack_require__.e(341), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(931), __webpack_require__.e(781), __webpack_require__.e(741), __webpack_require__.e(180), __webpack_require__.e(404), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 4356));
            const result = await rehearseCommand({
                configPath: flags.config,
                envName: flags.env,
                release: flags.release,
                previousRelease: flags.previousRelease,
                cwd: io.cwd,
                workspace: flags.workspace,
                windowSeconds,
                rate,
                logDir: (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__/* .logDir */ .mw)(io.cwd, flags.logDir),
            }, {
                clock: io.clock,
                env: io.env,
                sinks: flags.json ? [] : [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_1__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .consoleLevel */ .sr)(io, flags.verbose, 'WARN'), io.stderr)],
                onStage: (s) => {
                    if (!flags.json)
                        io.stderr.write(`${s.endedAt} rehearse ${s.stage}: ${s.status} — ${s.detail}\n`);
                },
                signal: controller.signal,
            });
            io.exitCode = result.exitCode;
            (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .print */ .yy)(io, flags.json ? JSON.stringify(result, null, 2) : renderRehearsal(result));
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    });
}
function renderRehearsal(result) {
    const lines = [
        `Rehearsal of ${result.release}${result.previousRelease ? ` (after ${result.previousRelease})` : ''} with the gates of ${result.environment}: ${result.result.toUpperCase()}`,
    ];
    for (const s of result.stages)
        lines.push(`  ${s.stage.padEnd(16)} ${s.status.padEnd(7)} ${s.detail}`);
    if (result.load)
        lines.push(`  load: ${result.load.completed}/${result.load.sent} requests answered ${JSON.stringify(result.load.status_counts)}`);
    lines.push('  checked by the deploy, on the target host:');
    for (const e of result.environments)
        lines.push(`    ${e.name}: ${e.checkedByDeploy.join('; ') || e.error}`);
    lines.push(`  workspace: ${result.workspace}`, `  record: ${result.recordPath}`);
    return lines.join('\n');
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


/***/ }),

/***/ 9089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ REHEARSAL_DATABASE_VARIABLE)
/* harmony export */ });
// Its own module so the CLI's help can name it without loading the rehearsal (and its load
// generator) at start-up.
/** The variable naming a scratch PostgreSQL database for a rehearsal's migrations. */
const REHEARSAL_DATABASE_VARIABLE = 'DHASH_REHEARSAL_DATABASE_URL';


/***/ })

};
