export const id = 65;
export const ids = [65];
export const modules = {

/***/ 33065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rollbackAction: () => (/* binding */ rollbackAction)
/* harmony export */ });
/* harmony import */ var _commands_rollback_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51356);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86309);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38118);
/* harmony import */ var _wiring_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7488);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81729);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38037);







/**
 * `command: rollback`. Inputs: backup (file or "latest"), force (required for production: a
 * workflow has no terminal to type a confirmation on), skip-validation, reason, dry-run.
 */
const rollbackAction = async (ctx) => {
    const config = ctx.loadConfig();
    const backup = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalInput */ .$m)(ctx.core, 'backup');
    if (!backup)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('input "backup": expected a backup file path or "latest"');
    const cwd = ctx.inputs.workingDirectory;
    const logger = new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .JsonLinesLogger */ .Qk(ctx.clock, [
        {
            write: (r) => {
                if (r.level === 'INFO' || r.level === 'DEBUG')
                    ctx.core.info(r.message);
                else
                    ctx.core.warning(r.message);
            },
        },
    ], config.redactor);
    const runtime = {
        clock: ctx.clock,
        logger,
        cwd,
        env: ctx.inputs.environmentVariables,
        interactive: false,
        logDir: (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__/* .logDir */ .mw)(cwd, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalInput */ .$m)(ctx.core, 'log-dir')),
    };
    const result = await (0,_commands_rollback_js__WEBPACK_IMPORTED_MODULE_0__/* .rollbackCommand */ .Ct)({
        config,
        cwd,
        backup,
        dryRun: ctx.inputs.dryRun,
        force: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .booleanInput */ .tE)(ctx.core, 'force'),
        skipValidation: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .booleanInput */ .tE)(ctx.core, 'skip-validation'),
        reason: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalInput */ .$m)(ctx.core, 'reason'),
        interactive: false,
    }, (0,_wiring_index_js__WEBPACK_IMPORTED_MODULE_4__/* .rollbackCommandDepsFor */ .Nl)(config, runtime, ctx.inputs.dryRun));
    const summary = [
        `## dhash-rollout rollback of \`${config.envName}\`: ${result.dryRun ? 'plan (dry-run)' : result.ok ? '✅ completed' : '❌ FAILED'}`,
        `Backup \`${result.backup}\`${result.sha256 ? ` (sha256 \`${result.sha256}\`)` : ''} · release ${result.fromRelease ?? '-'} → ${result.toRelease ?? '-'}`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .table */ .tp)(['step', 'status', 'detail'], result.steps.map((s) => [s.step, s.status, s.detail])),
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


/***/ })

};
