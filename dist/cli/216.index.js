"use strict";
(function (__dhashImportMetaUrl) {
return { id: 216, ids: [216], modules: {

/***/ 5216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerSmoke: () => (/* binding */ registerSmoke)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _commands_smoke_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9831);
/* harmony import */ var _domain_smoke_verdict_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4539);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6309);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8313);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8118);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1604);
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2262);









const HELP = `
Checks response bodies, not only status codes: /health JSON status "ok"; /metrics parses and has
the families the gates read; the queue status JSON has a numeric queue_length; POST /api/dhash with
the bundled sample image returns its known hash; an invalid payload gets a 4xx; the admin route is
not open; health latency against a limit (a slow answer warns). --quick runs the critical checks
(health, metrics, hash). Every check is logged to monitor_logs/smoke_tests_<env>_<ts>.log.

Exit codes: 0 all checks passed (warnings allowed), 1 a check failed, 2 bad flags or config.`;
function registerSmoke(program, io) {
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .addConfigOptions */ .S0)(program
        .command('smoke')
        .description('Smoke-test a running dhash service: health, metrics, queue, a known hash, bad input, admin route, latency.')
        .option('--quick', 'run only the critical checks (health, metrics, hash)')
        .option('--endpoint <url>', "service base URL to probe (default: the environment's service.base_url)")
        .option('--timeout <seconds>', 'deadline for each request (default: service.request_timeout_seconds)')
        .option('--latency-limit-ms <ms>', 'health latency above this warns', '1000')
        .option('--log-dir <dir>', 'directory for the smoke log', 'monitor_logs')
        .addOption(new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--json', 'print the result as JSON instead of a table'))
        .addHelpText('after', HELP)).action(async (flags) => {
        const timeoutSeconds = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_8__/* .timeoutSecondsOption */ .gr)(flags.timeout);
        const latencyLimitMs = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_8__/* .latencyLimitMsOption */ .fd)(flags.latencyLimitMs);
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .loadFromFlags */ .q8)(flags, io);
        const progress = (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .showsProgress */ .Mo)(io, flags.json);
        const result = await (0,_commands_smoke_js__WEBPACK_IMPORTED_MODULE_1__/* .smokeCommand */ .b)(config, {
            quick: flags.quick === true,
            endpoint: flags.endpoint,
            timeoutSeconds,
            latencyLimitMs,
            logDir: (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .logDir */ .mw)(io.cwd, flags.logDir),
            extraSinks: flags.verbose ? [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_5__/* .ConsoleSink */ .Nw('DEBUG', io.stderr)] : [],
            onCheck: progress
                ? (o) => io.stderr.write(`  ${o.status === 'pass' ? '\u2714' : o.status === 'warn' ? '!' : '\u2718'} ${o.id}\n`)
                : undefined,
        }, { clock: io.clock });
        if (flags.json) {
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, JSON.stringify({ result: result.verdict.status, ...result }, null, 2));
        }
        else {
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `Smoke tests for "${result.environment}" at ${result.baseUrl}${result.quick ? ' (quick)' : ''}:\n`);
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, (0,_domain_smoke_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .renderSmokeTable */ .O)(result.checks));
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `\n${result.verdict.status.toUpperCase()}: ${result.verdict.passed} passed, ${result.verdict.warned} warned, ${result.verdict.failed} failed${result.verdict.criticalFailed ? ' (critical)' : ''}`);
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `Log: ${result.logPath}`);
        }
        if (result.verdict.status === 'failed')
            io.exitCode = _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .ExitCode */ .y.failed;
    });
}


/***/ }),

/***/ 9831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ smokeCommand)
/* harmony export */ });
/* unused harmony export smokeLogPath */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8118);
/* harmony import */ var _runtime_log_file_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6933);
/* harmony import */ var _smoke_run_checks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7602);
/* harmony import */ var _smoke_target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7775);






function smokeLogPath(logDir, environment, nowMs) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(logDir, (0,_runtime_log_file_name_js__WEBPACK_IMPORTED_MODULE_3__/* .logFileName */ .E)('smoke_tests', environment, nowMs));
}
/** `smoke`: probes a running service end to end and logs every check to its own JSON-lines log. */
async function smokeCommand(config, options, deps) {
    const target = (0,_smoke_target_js__WEBPACK_IMPORTED_MODULE_5__/* .smokeTargetOf */ .W)(config.env.service, options.endpoint);
    const timeoutSeconds = options.timeoutSeconds ?? config.env.service.request_timeout_seconds;
    if (!(timeoutSeconds > 0))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--timeout: expected a number of seconds greater than 0, got ${timeoutSeconds}`);
    const latencyLimitMs = options.latencyLimitMs ?? _smoke_target_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_LATENCY_LIMIT_MS */ .U;
    const timeoutMs = Math.round(timeoutSeconds * 1000);
    const logPath = smokeLogPath(options.logDir, config.envName, deps.clock.now());
    const logger = new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonLinesLogger */ .Qk(deps.clock, [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonFileSink */ .m7(logPath), ...(options.extraSinks ?? [])], config.redactor, {
        environment: config.envName,
        step: 'smoke',
    });
    logger.info(`Smoke tests starting against ${target.baseUrl}${options.quick ? ' (quick: critical checks only)' : ''}`, {
        base_url: target.baseUrl,
        quick: options.quick,
        timeout_ms: timeoutMs,
        latency_limit_ms: latencyLimitMs,
    });
    const run = await (0,_smoke_run_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .runSmokeChecks */ .mF)(target, { quick: options.quick, timeoutMs, latencyLimitMs, signal: options.signal, onCheck: options.onCheck }, logger);
    return { ...run, environment: config.envName, logPath, timeoutMs, latencyLimitMs };
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

/***/ 6933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ logFileName),
/* harmony export */   F: () => (/* binding */ newRunId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6002);


/**
 * `<kind>_<env>_<YYYYMMDD_HHMMSS>_<run id>.log`: the stamp sorts the files by time, the run id
 * keeps two runs started in the same second (two migrates from two terminals, say) in their own
 * files. The seed's globs (`monitor_logs/dhash_production_*.log`) still match.
 */
function newRunId() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex');
}
function logFileName(kind, environment, nowMs, runId = newRunId()) {
    return `${kind}_${environment}_${(0,_domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__/* .fileStamp */ .a)(nowMs)}_${runId}.log`;
}


/***/ })

} };
})
