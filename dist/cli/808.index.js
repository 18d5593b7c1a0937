"use strict";
(function (__dhashImportMetaUrl) {
return { id: 808, ids: [808], modules: {

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
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2262);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1604);





const HELP = `
Proves a release on this machine, without the target host (a pull request's CI runner, a laptop):
a scratch local target under RUNNER_TEMP (or the OS temp directory) runs, in order,
  validate        every environment of the config; what only the target host can check (its
                  root, its database) is listed as "checked by the deploy", not failed
  previous        the --previous-release deployed, then generated load against it
  rollout         the guarded rollout of --release with the environment's own gates:
                  backup \u2192 migrate \u2192 deploy \u2192 smoke \u2192 a --window-seconds monitoring window
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
        .option('-r, --release <dir>', 'the candidate release directory (release.json, server.js, migrations/)')
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
        const release = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_2__/* .rehearsalReleaseOption */ .kr)(flags.release);
        const windowSeconds = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_2__/* .rehearsalWindowSecondsOption */ .wf)(flags.windowSeconds);
        const rate = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_2__/* .numberOption */ .jZ)('rate', flags.rate, { min: 1 });
        const controller = new AbortController();
        const onSignal = () => {
            controller.abort(new Error('interrupted'));
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
            // The rehearsal (with its load generator and image codecs) loads only when it runs.
            const { rehearseCommand } = await Promise.all(/* import() */[__webpack_require__.e(318), __webpack_require__.e(494), __webpack_require__.e(949), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(919), __webpack_require__.e(781), __webpack_require__.e(677), __webpack_require__.e(839), __webpack_require__.e(404), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 4356));
            const result = await rehearseCommand({
                configPath: flags.config,
                envName: flags.env,
                release,
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
                        io.stderr.write(`${s.endedAt} rehearse ${s.stage}: ${s.status} \u2014 ${s.detail}\n`);
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

} };
})
