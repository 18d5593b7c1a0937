"use strict";
(function (__dhashImportMetaUrl) {
return { id: 507, ids: [507], modules: {

/***/ 3507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerRollback: () => (/* binding */ registerRollback)
});

// EXTERNAL MODULE: external "node:readline/promises"
var promises_ = __webpack_require__(6848);
// EXTERNAL MODULE: ./src/commands/rollback.ts
var rollback = __webpack_require__(1356);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(6309);
// EXTERNAL MODULE: ./src/runtime/exit-codes.ts
var exit_codes = __webpack_require__(8313);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var runtime_logger = __webpack_require__(8118);
// EXTERNAL MODULE: ./src/wiring/index.ts + 6 modules
var wiring = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/wiring/deploy-deps.ts + 5 modules
var deploy_deps = __webpack_require__(2919);
;// CONCATENATED MODULE: ./src/wiring/operation-log.ts


/**
 * The `rollback` command's logger, the same from both front ends: their own sinks (console or
 * workflow log) plus monitor_logs/rollback_<env>_<stamp>_<run>.log; a dry-run changes nothing and
 * writes no log file.
 */
function rollbackLogger(config, logDir, clock, dryRun, sinks) {
    return dryRun
        ? new runtime_logger/* JsonLinesLogger */.Qk(clock, sinks, config.redactor)
        : (0,deploy_deps/* openOperationLog */.aG)('rollback', config, logDir, clock, sinks).logger;
}

// EXTERNAL MODULE: ./src/cli/common-options.ts
var common_options = __webpack_require__(6570);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/options/values.ts
var values = __webpack_require__(2262);
;// CONCATENATED MODULE: ./src/cli/commands/rollback.ts










const HELP = `
Order: verify the backup (refuse a tampered, truncated or mismatched one) \u2192 typed confirmation in
production \u2192 pre-rollback snapshot (backups/pre-rollback/, outside the dhash_*.zip glob) \u2192 stop
\u2192 restore atomically (staged beside the target, then swapped; a crash leaves it wholly old, or
committed and completed by running the rollback again) \u2192 start \u2192 health and smoke checks \u2192
notify. Holds the environment lock. Log: monitor_logs/rollback_<env>_<YYYYMMDD_HHMMSS>_<run id>.log.

Production asks you to type the environment name on a terminal. Without a terminal it refuses at
once (exit 4) unless --force is given or ${rollback/* CONFIRM_VARIABLE */.Et}=production is set.

Exit codes: 0 rolled back and validated (or a clean dry-run) \u00b7 4 refused, nothing changed (bad
backup, no confirmation, lock held, not the target host) \u00b7 12 the rollback ran and failed (restore, start or validation;
see the log) \u00b7 1 other failure before any change \u00b7 2 bad flags or config.

Emergency rollback (from the directory the backups were made in):
  LATEST_BACKUP=$(ls -1 backups/dhash_*.zip | sort -r | head -n1)
  sha256sum -c "\${LATEST_BACKUP}.sha256"
  dhash-rollout rollback --backup "$LATEST_BACKUP" --env production
(in a checkout of this repository, ./scripts/rollback_dhash.sh runs the same command).`;
function registerRollback(program, io) {
    (0,common_options/* addConfigOptions */.S0)(program
        .command('rollback')
        .description('Restore a verified backup: snapshot, stop, restore atomically, start, validate, notify.')
        .option('-b, --backup <file|latest>', 'backup file, or "latest" for the newest backup that verifies')
        .option('--dry-run', 'verify the backup and print the plan; change nothing')
        .option('-f, --force', 'no confirmation prompt (production)')
        .option('--skip-validation', 'do not run health and smoke checks after the restart')
        .option('--reason <text>', 'why, for notifications and the log')
        .option('--log-dir <dir>', 'directory for the rollback log', 'monitor_logs')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        const backup = (0,values/* backupOption */.SZ)(flags.backup);
        const config = flags.dryRun ? (0,common_options/* loadFromFlags */.q8)(flags, io) : (0,common_options/* loadOnTargetHost */.dR)(flags, io);
        const dir = (0,state_dir/* logDir */.mw)(io.cwd, flags.logDir);
        const logger = rollbackLogger(config, dir, io.clock, flags.dryRun === true, [
            new runtime_logger/* ConsoleSink */.Nw((0,cli_io/* consoleLevel */.sr)(io, flags.verbose, 'INFO'), io.stderr),
        ]);
        const interactive = (0,cli_io/* isInteractive */.b4)(io);
        const runtime = { clock: io.clock, logger, cwd: io.cwd, env: io.env, interactive, logDir: dir };
        const result = await (0,rollback/* rollbackCommand */.Ct)({
            config,
            cwd: io.cwd,
            backup,
            dryRun: flags.dryRun,
            force: flags.force,
            skipValidation: flags.skipValidation,
            reason: flags.reason,
            interactive,
            confirm: async (prompt) => {
                const rl = (0,promises_.createInterface)({ input: io.stdin, output: io.stderr, terminal: true });
                try {
                    return await rl.question(prompt);
                }
                finally {
                    rl.close();
                }
            },
        }, (0,wiring/* rollbackCommandDepsFor */.Nl)(config, runtime, flags.dryRun === true));
        if (flags.json)
            (0,cli_io/* print */.yy)(io, JSON.stringify(result, null, 2));
        else {
            (0,cli_io/* print */.yy)(io, result.dryRun
                ? `Dry-run: rollback of ${result.environment} from ${result.backup} (nothing changed)`
                : result.ok
                    ? `\u2714 rolled back ${result.environment} to ${result.backup}`
                    : `\u2716 rollback of ${result.environment} FAILED: ${result.error}`);
            for (const s of result.steps)
                (0,cli_io/* print */.yy)(io, `  ${s.status.padEnd(7)} ${s.step}: ${s.detail}`);
        }
        if (!result.ok)
            io.exitCode = exit_codes/* ExitCode */.y.rollbackFailed;
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
