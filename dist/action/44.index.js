"use strict";
(function (__dhashImportMetaUrl) {
return { id: 44, ids: [44], modules: {

/***/ 8044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   smokeAction: () => (/* binding */ smokeAction),
/* harmony export */   smokeChecksTable: () => (/* binding */ smokeChecksTable)
/* harmony export */ });
/* harmony import */ var _commands_smoke_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79831);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86309);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81729);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38037);
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62262);





const ICON = {
    pass: '\u2705 pass',
    warn: '\u26a0\ufe0f warn',
    fail: '\u274c fail',
    skipped: '\u23ed\ufe0f skipped',
};
function smokeChecksTable(checks) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)(['check', 'result', 'critical', 'time', 'detail'], checks.map((c) => [
        c.id,
        ICON[c.status],
        c.critical ? 'yes' : '',
        c.elapsedMs === undefined ? '' : `${Math.round(c.elapsedMs)} ms`,
        c.detail,
    ]));
}
/** Inputs: environment, config, base-url, log-dir, and (when declared) quick, timeout, latency-limit-ms. */
const smokeAction = async (ctx) => {
    const quick = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .booleanInput */ .tE)(ctx.core, 'quick');
    const timeoutSeconds = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutSecondsOption */ .gr)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalInput */ .$m)(ctx.core, 'timeout'));
    const latencyLimitMs = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_3__/* .latencyLimitMsOption */ .fd)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalInput */ .$m)(ctx.core, 'latency-limit-ms'));
    const result = await (0,_commands_smoke_js__WEBPACK_IMPORTED_MODULE_0__/* .smokeCommand */ .b)(ctx.loadConfig(), {
        quick,
        timeoutSeconds,
        latencyLimitMs,
        logDir: (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__/* .logDir */ .mw)(ctx.inputs.workingDirectory, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalInput */ .$m)(ctx.core, 'log-dir')),
    }, { clock: ctx.clock });
    const failed = result.checks.filter((c) => c.status === 'fail');
    for (const check of failed)
        ctx.core.error(`${check.id}: ${check.detail}`, {
            title: `dhash smoke check failed${check.critical ? ' (critical)' : ''}`,
        });
    for (const check of result.checks.filter((c) => c.status === 'warn'))
        ctx.core.warning(`${check.id}: ${check.detail}`, { title: 'dhash smoke check warning' });
    const summary = [
        `## dhash-rollout smoke: ${result.verdict.status} for \`${result.environment}\``,
        `Service \`${result.baseUrl}\`${result.quick ? ' \u00b7 quick mode (critical checks only)' : ''} \u00b7 ${result.verdict.passed} passed, ${result.verdict.warned} warned, ${result.verdict.failed} failed`,
        smokeChecksTable(result.checks),
        `Log: \`${result.logPath}\``,
    ].join('\n\n');
    return {
        outputs: {
            result: result.verdict.status,
            environment: result.environment,
            'failed-checks': failed.map((c) => c.id).join(','),
            'report-path': result.logPath,
        },
        summary,
        failure: result.verdict.status === 'failed' ? `smoke tests failed: ${result.verdict.summary}` : undefined,
    };
};


/***/ }),

/***/ 38037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export escapeCell */
/** Small Markdown builders for job summaries; cells are escaped so values cannot break tables. */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    return [head, rule, ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)].join('\n');
}
function codeBlock(text, lang = '') {
    return `\`\`\`${lang}\n${text}\n\`\`\``;
}


/***/ }),

/***/ 79831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ smokeCommand)
/* harmony export */ });
/* unused harmony export smokeLogPath */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38118);
/* harmony import */ var _runtime_log_file_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16933);
/* harmony import */ var _smoke_run_checks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73794);
/* harmony import */ var _smoke_target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17775);






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

/***/ 36002:
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

/***/ 62262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ migrateToOption),
/* harmony export */   H6: () => (/* binding */ directionOption),
/* harmony export */   SZ: () => (/* binding */ backupOption),
/* harmony export */   ap: () => (/* binding */ rolloutReleaseOption),
/* harmony export */   dn: () => (/* binding */ windowMinutesOption),
/* harmony export */   fd: () => (/* binding */ latencyLimitMsOption),
/* harmony export */   gr: () => (/* binding */ timeoutSecondsOption),
/* harmony export */   kr: () => (/* binding */ rehearsalReleaseOption),
/* harmony export */   s_: () => (/* binding */ maxSizeMbOption),
/* harmony export */   wf: () => (/* binding */ rehearsalWindowSecondsOption)
/* harmony export */ });
/* unused harmony exports numberOption, choiceOption, requiredOption */
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

/***/ 16933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ logFileName),
/* harmony export */   F: () => (/* binding */ newRunId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36002);


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


/***/ }),

/***/ 38118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qk: () => (/* binding */ JsonLinesLogger),
/* harmony export */   m7: () => (/* binding */ JsonFileSink)
/* harmony export */ });
/* unused harmony exports LOG_LEVELS, MemorySink, ConsoleSink, nullLogger */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55259);



const LOG_LEVELS = (/* unused pure expression or super */ null && (['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL']));
/**
 * JSON lines, one record per line, appended synchronously so a crash never loses the last line.
 * A log that cannot be written (a folder under a file, a full disk, no permission) never stops
 * the work it records: the sink says so once on stderr, keeps trying each record (space may come
 * back), and `problem` tells the command, which reports it.
 */
class JsonFileSink {
    path;
    warn;
    /** Why the last write failed, or null while every record is written. */
    problem = null;
    warned = false;
    constructor(path, warn = (line) => {
        try {
            process.stderr.write(line);
        }
        catch {
            // stderr itself is gone: nothing left to tell.
        }
    }) {
        this.path = path;
        this.warn = warn;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        }
        catch (error) {
            this.failed(error);
        }
    }
    write(record) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(this.path, `${JSON.stringify(record)}\n`);
            this.problem = null;
        }
        catch (error) {
            this.failed(error);
        }
    }
    failed(error) {
        // Errors from node:fs may come from another realm (vm contexts), so no instanceof here.
        const message = error?.message;
        this.problem = typeof message === 'string' ? message : String(error);
        if (this.warned)
            return;
        this.warned = true;
        this.warn(`warning: the log ${this.path} cannot be written (${this.problem}); continuing without it\n`);
    }
}
/** Keeps records in memory: for tests, evidence, and summaries. */
class MemorySink {
    records = [];
    write(record) {
        this.records.push(record);
    }
}
/** Human-readable lines on a stream (stderr by default, so stdout stays for results). */
class ConsoleSink {
    minLevel;
    stream;
    constructor(minLevel = 'INFO', stream = process.stderr) {
        this.minLevel = minLevel;
        this.stream = stream;
    }
    write(record) {
        if (LOG_LEVELS.indexOf(record.level) < LOG_LEVELS.indexOf(this.minLevel))
            return;
        const { timestamp, level, message, ...fields } = record;
        const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
        this.stream.write(`${timestamp} ${level.padEnd(8)} ${message}${extra}\n`);
    }
}
class JsonLinesLogger {
    clock;
    sinks;
    redactor;
    context;
    constructor(clock, sinks, redactor = new _redact_js__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .pO(), context = {}) {
        this.clock = clock;
        this.sinks = sinks;
        this.redactor = redactor;
        this.context = context;
    }
    log(level, message, fields = {}) {
        const record = this.redactor.value({
            timestamp: new Date(this.clock.now()).toISOString(),
            level,
            message,
            ...this.context,
            ...fields,
        });
        for (const sink of this.sinks)
            sink.write(record);
    }
    debug(message, fields) {
        this.log('DEBUG', message, fields);
    }
    info(message, fields) {
        this.log('INFO', message, fields);
    }
    warn(message, fields) {
        this.log('WARN', message, fields);
    }
    error(message, fields) {
        this.log('ERROR', message, fields);
    }
    critical(message, fields) {
        this.log('CRITICAL', message, fields);
    }
    child(fields) {
        return new JsonLinesLogger(this.clock, this.sinks, this.redactor, { ...this.context, ...fields });
    }
}
/** A logger that drops everything; for code paths where the caller asked for silence. */
const nullLogger = new JsonLinesLogger({ now: () => 0, sleep: async () => { } }, []);


/***/ })

} };
})
