"use strict";
(function (__dhashImportMetaUrl) {
return { id: 206, ids: [206], modules: {

/***/ 206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerDemo: () => (/* binding */ registerDemo)
/* harmony export */ });
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8313);
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2262);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1604);



const HELP = `
Runs the product's main job for real on this machine, in a temporary workspace: the reference
service 1.0.0 on a local target with load running, a guarded rollout of 2.0.0 (healthy, with a
migration) that passes its gates, a guarded rollout of 3.0.0 (a regression baked into the
release) that a quality gate catches and rolls back to 2.0.0 with its data, then proof that 2.0.0
is healthy again. Notifications go to any channels configured in the environment or
.env.notifications, and otherwise into the replayable fallback file. Works from a checkout or
an installed package (the service's release bundles are prebuilt in dist/). Takes about 2-3
minutes of real time.

Exit codes: 0 every step above was observed, 1 something was not (the story says what).`;
function registerDemo(program, io) {
    program
        .command('demo')
        .description('Run the end-to-end demo: v1 under load, a passing rollout of v2, a regressed v3 caught and rolled back.')
        .option('--window-seconds <n>', 'length of each monitoring window in real seconds', '40')
        .option('--rate <n>', 'requests per second offered by the load generator', '15')
        .option('--workspace <dir>', 'directory to work in (default: a new temporary directory)')
        .addHelpText('after', HELP)
        .action(async (flags) => {
        const windowSeconds = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_1__/* .numberOption */ .jZ)('window-seconds', flags.windowSeconds, { min: 10 });
        const rate = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_1__/* .numberOption */ .jZ)('rate', flags.rate, { min: 1 });
        const controller = new AbortController();
        const onSignal = () => {
            io.stderr.write('\ninterrupted: stopping the service and the load generator \u2026\n');
            controller.abort(new Error('interrupted'));
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
            // The demo (and everything it drives) loads only when the demo runs.
            const { runDemo } = await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(949), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(919), __webpack_require__.e(781), __webpack_require__.e(677), __webpack_require__.e(839), __webpack_require__.e(404)]).then(__webpack_require__.bind(__webpack_require__, 4404));
            const result = await runDemo({
                windowSeconds,
                rate,
                workspace: flags.workspace,
                out: (l) => {
                    (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, l);
                },
                clock: io.clock,
                env: io.env,
                signal: controller.signal,
            });
            (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, '');
            (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, result.ok
                ? `DEMO PASSED: all ${result.checks.length} checks observed.`
                : `DEMO FAILED: ${result.checks
                    .filter((c) => !c.ok)
                    .map((c) => c.what)
                    .join('; ')}`);
            if (result.reportPath)
                (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, `Open the report: ${result.reportPath}`);
            io.exitCode = result.ok ? _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.ok : _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.failed;
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    });
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


/***/ })

} };
})
