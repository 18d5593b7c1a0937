"use strict";
(function (__dhashImportMetaUrl) {
return { id: 911, ids: [911], modules: {

/***/ 97911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackAction: () => (/* binding */ rollbackAction)
});

// EXTERNAL MODULE: ./src/commands/rollback.ts
var rollback = __webpack_require__(51356);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: ./src/wiring/index.ts + 6 modules
var wiring = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var logger = __webpack_require__(38118);
// EXTERNAL MODULE: ./src/wiring/deploy-deps.ts + 5 modules
var deploy_deps = __webpack_require__(72919);
;// CONCATENATED MODULE: ./src/wiring/operation-log.ts


/**
 * The `rollback` command's logger, the same from both front ends: their own sinks (console or
 * workflow log) plus monitor_logs/rollback_<env>_<stamp>_<run>.log; a dry-run changes nothing and
 * writes no log file.
 */
function rollbackLogger(config, logDir, clock, dryRun, sinks) {
    return dryRun
        ? new logger/* JsonLinesLogger */.Qk(clock, sinks, config.redactor)
        : (0,deploy_deps/* openOperationLog */.aG)('rollback', config, logDir, clock, sinks).logger;
}

// EXTERNAL MODULE: ./src/action/log-sink.ts
var log_sink = __webpack_require__(2990);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(38037);
// EXTERNAL MODULE: ./src/options/values.ts
var values = __webpack_require__(62262);
;// CONCATENATED MODULE: ./src/action/commands/rollback.ts








/**
 * `command: rollback`. Inputs: backup (file or "latest"), force (required for production: a
 * workflow has no terminal to type a confirmation on), skip-validation, reason, dry-run.
 */
const rollbackAction = async (ctx) => {
    const backup = (0,values/* backupOption */.SZ)((0,inputs/* optionalInput */.$m)(ctx.core, 'backup'));
    const config = ctx.loadConfig();
    const cwd = ctx.inputs.workingDirectory;
    const dir = (0,state_dir/* logDir */.mw)(cwd, (0,inputs/* optionalInput */.$m)(ctx.core, 'log-dir'));
    const logger = rollbackLogger(config, dir, ctx.clock, ctx.inputs.dryRun, [
        new log_sink/* ActionLogSink */.s(ctx.core, 'dhash rollback'),
    ]);
    const runtime = {
        clock: ctx.clock,
        logger,
        cwd,
        env: ctx.inputs.environmentVariables,
        interactive: false,
        logDir: dir,
    };
    const result = await (0,rollback/* rollbackCommand */.Ct)({
        config,
        cwd,
        backup,
        dryRun: ctx.inputs.dryRun,
        force: (0,inputs/* booleanInput */.tE)(ctx.core, 'force'),
        skipValidation: (0,inputs/* booleanInput */.tE)(ctx.core, 'skip-validation'),
        reason: (0,inputs/* optionalInput */.$m)(ctx.core, 'reason'),
        interactive: false,
    }, (0,wiring/* rollbackCommandDepsFor */.Nl)(config, runtime, ctx.inputs.dryRun));
    const summary = [
        `## dhash-rollout rollback of \`${config.envName}\`: ${result.dryRun ? 'plan (dry-run)' : result.ok ? '\u2705 completed' : '\u274c FAILED'}`,
        `Backup \`${result.backup}\`${result.sha256 ? ` (sha256 \`${result.sha256}\`)` : ''} \u00b7 release ${result.fromRelease ?? '-'} \u2192 ${result.toRelease ?? '-'}`,
        (0,markdown/* table */.tp)(['step', 'status', 'detail'], result.steps.map((s) => [s.step, s.status, s.detail])),
        result.preRollbackSnapshot ? `Pre-rollback snapshot: \`${result.preRollbackSnapshot}\`` : '',
    ].join('\n\n');
    return {
        outputs: {
            result: result.dryRun ? 'planned' : result.ok ? 'restored' : 'failed',
            environment: config.envName,
            'backup-path': result.backup,
            'backup-sha256': result.sha256 ?? '',
        },
        summary,
        failure: result.ok ? undefined : `rollback failed: ${result.error}`,
    };
};


/***/ }),

/***/ 2990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ ActionLogSink)
/* harmony export */ });
/** Log records into the run log; WARN and above also become annotations with the given title. */
class ActionLogSink {
    core;
    title;
    constructor(core, title) {
        this.core = core;
        this.title = title;
    }
    write(record) {
        if (record.level === 'ERROR' || record.level === 'CRITICAL')
            this.core.error(record.message, { title: this.title });
        else if (record.level === 'WARN')
            this.core.warning(record.message, { title: this.title });
        else if (record.level === 'INFO')
            this.core.info(record.message);
        else
            this.core.debug(record.message);
    }
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


/***/ })

} };
})
