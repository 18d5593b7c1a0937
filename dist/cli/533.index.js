export const id = 533;
export const ids = [533,309];
export const modules = {

/***/ 4533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerRollback: () => (/* binding */ registerRollback)
/* harmony export */ });
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6848);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_readline_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _commands_rollback_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1356);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6309);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8313);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8118);
/* harmony import */ var _runtime_log_file_name_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6933);
/* harmony import */ var _wiring_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7488);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1604);










const HELP = `
Order: verify the backup (refuse a tampered, truncated or mismatched one) → typed confirmation in
production → pre-rollback snapshot (backups/pre-rollback/, outside the dhash_*.zip glob) → stop
→ restore atomically (staged beside the target, then swapped; a crash leaves it wholly old, or
committed and completed by running the rollback again) → start → health and smoke checks →
notify. Holds the environment lock. Log: monitor_logs/rollback_<env>_<YYYYMMDD_HHMMSS>_<run id>.log.

Production asks you to type the environment name on a terminal. Without a terminal it refuses at
once (exit 4) unless --force is given or ${_commands_rollback_js__WEBPACK_IMPORTED_MODULE_1__/* .CONFIRM_VARIABLE */ .Et}=production is set.

Exit codes: 0 rolled back and validated (or a clean dry-run) · 4 refused, nothing changed (bad
backup, no confirmation, lock held) · 12 the rollback ran and failed (restore, start or validation;
see the log) · 1 other failure before any change · 2 bad flags or config.

Emergency rollback (from the directory the backups were made in):
  LATEST_BACKUP=$(ls -1 backups/dhash_*.zip | sort -r | head -n1)
  sha256sum -c "\${LATEST_BACKUP}.sha256"
  dhash-rollout rollback --backup "$LATEST_BACKUP" --env production
(in a checkout of this repository, ./scripts/rollback_dhash.sh runs the same command).`;
function registerRollback(program, io) {
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_8__/* .addConfigOptions */ .S0)(program
        .command('rollback')
        .description('Restore a verified backup: snapshot, stop, restore atomically, start, validate, notify.')
        .requiredOption('-b, --backup <file|latest>', 'backup file, or "latest" for the newest backup that verifies')
        .option('--dry-run', 'verify the backup and print the plan; change nothing')
        .option('-f, --force', 'no confirmation prompt (production)')
        .option('--skip-validation', 'do not run health and smoke checks after the restart')
        .option('--reason <text>', 'why, for notifications and the log')
        .option('--log-dir <dir>', 'directory for the rollback log', 'monitor_logs')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_8__/* .loadFromFlags */ .q8)(flags, io);
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .logDir */ .mw)(io.cwd, flags.logDir);
        const sinks = [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .consoleLevel */ .sr)(io, flags.verbose, 'INFO'), io.stderr)];
        const logger = new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .JsonLinesLogger */ .Qk(io.clock, flags.dryRun
            ? sinks
            : [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .JsonFileSink */ .m7((0,node_path__WEBPACK_IMPORTED_MODULE_7__.join)(dir, (0,_runtime_log_file_name_js__WEBPACK_IMPORTED_MODULE_5__/* .logFileName */ .E)('rollback', config.envName, io.clock.now()))), ...sinks], config.redactor);
        const interactive = (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .isInteractive */ .b4)(io);
        const runtime = { clock: io.clock, logger, cwd: io.cwd, env: io.env, interactive, logDir: dir };
        const result = await (0,_commands_rollback_js__WEBPACK_IMPORTED_MODULE_1__/* .rollbackCommand */ .Ct)({
            config,
            cwd: io.cwd,
            backup: flags.backup,
            dryRun: flags.dryRun,
            force: flags.force,
            skipValidation: flags.skipValidation,
            reason: flags.reason,
            interactive,
            confirm: async (prompt) => {
                const rl = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_0__.createInterface)({ input: io.stdin, output: io.stderr, terminal: true });
                try {
                    return await rl.question(prompt);
                }
                finally {
                    rl.close();
                }
            },
        }, (0,_wiring_index_js__WEBPACK_IMPORTED_MODULE_6__/* .rollbackCommandDepsFor */ .Nl)(config, runtime, flags.dryRun === true));
        if (flags.json)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .print */ .yy)(io, JSON.stringify(result, null, 2));
        else {
            (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .print */ .yy)(io, result.dryRun
                ? `Dry-run: rollback of ${result.environment} from ${result.backup} (nothing changed)`
                : result.ok
                    ? `✔ rolled back ${result.environment} to ${result.backup}`
                    : `✖ rollback of ${result.environment} FAILED: ${result.error}`);
            for (const s of result.steps)
                (0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .print */ .yy)(io, `  ${s.status.padEnd(7)} ${s.step}: ${s.detail}`);
        }
        if (!result.ok)
            io.exitCode = _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitCode */ .y.rollbackFailed;
    });
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
