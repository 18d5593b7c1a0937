"use strict";
(function (__dhashImportMetaUrl) {
return { id: 566, ids: [566], modules: {

/***/ 88566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deployAction: () => (/* binding */ deployAction)
/* harmony export */ });
/* harmony import */ var _log_sink_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2990);
/* harmony import */ var _wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72919);
/* harmony import */ var _commands_deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93839);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86309);
/* harmony import */ var _runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15291);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9541);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81729);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(38037);








/** Inputs: release (required), backup-first, dry-run, skip-validation, deployment-id, log-dir, plus the common ones. */
const deployAction = async (ctx) => {
    const release = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalInput */ .$m)(ctx.core, 'release');
    if (!release)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('input "release": expected a release directory or a .zip/.tar.gz archive of one');
    const config = ctx.loadConfig();
    const cwd = ctx.inputs.workingDirectory;
    const env = ctx.inputs.environmentVariables;
    const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .logDir */ .mw)(cwd, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalInput */ .$m)(ctx.core, 'log-dir'));
    const log = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_0__/* .openOperationLog */ .aG)('deploy', config, dir, ctx.clock, [
        new _log_sink_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionLogSink */ .s(ctx.core, 'dhash deploy'),
    ]);
    const deploymentId = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalInput */ .$m)(ctx.core, 'deployment-id') ?? (0,_runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_3__/* .newDeploymentId */ .X)(config.envName, ctx.clock.now(), env);
    const deps = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_0__/* .buildDeployDeps */ .IC)({
        config,
        clock: ctx.clock,
        cwd,
        env,
        interactive: false,
        logDir: dir,
        log,
        dryRun: ctx.inputs.dryRun,
        withBackups: true,
    });
    if ((0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .booleanInput */ .tE)(ctx.core, 'skip-validation'))
        deps.validator = null;
    const result = await (0,_commands_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .deployCommand */ .Jp)({
        config,
        release,
        backupFirst: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .booleanInput */ .tE)(ctx.core, 'backup-first'),
        dryRun: ctx.inputs.dryRun,
        skipHealthCheck: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .booleanInput */ .tE)(ctx.core, 'skip-health-check'),
        deploymentId,
    }, deps);
    const outcome = result.dryRun
        ? result.ok
            ? 'planned'
            : 'error'
        : result.ok
            ? 'deployed'
            : result.exitCode === 12
                ? 'rollback_failed'
                : 'rolled_back';
    const summary = [
        `## dhash-rollout deploy: ${result.dryRun ? 'plan for' : result.ok ? '\u2705 deployed' : '\u274c failed'} \`${result.release}\` \u2192 \`${result.environment}\``,
        `Target: ${result.target} \u00b7 live before: \`${result.previousRelease ?? 'none'}\` \u00b7 live now: \`${result.liveRelease ?? 'none'}\``,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .tp)(['step', 'status', 'detail'], result.steps.map((s) => [s.step, s.status, s.detail])),
        result.undo.length
            ? `### Undo\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .tp)(['step', 'status', 'detail'], result.undo.map((u) => [u.step, u.status, u.detail]))}`
            : '',
        `Migrations (${result.migrations.database}): pending ${result.migrations.pending.map((m) => `\`${m.version}_${m.name}\``).join(', ') || 'none'}${result.migrations.dryRun ? ` \u2014 dry-run: ${result.migrations.dryRun.detail}` : ''}`,
        result.error ? `**Error:** ${result.error}` : '',
    ]
        .filter((part) => part !== '')
        .join('\n\n');
    return {
        outputs: {
            result: outcome,
            environment: result.environment,
            'deployment-id': result.deploymentId,
            ...(result.backupPath ? { 'backup-path': result.backupPath } : {}),
            plan: JSON.stringify({ steps: result.steps, migrations: result.migrations }),
        },
        summary,
        ...(result.ok ? {} : { failure: result.error ?? 'deploy failed' }),
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

/***/ 15291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ newDeploymentId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36002);


/**
 * One id per rollout, shared by logs, notifications, evidence and outputs. In GitHub Actions it is
 * derived from the run, so re-runs of the same attempt agree; elsewhere it is stamped and salted.
 */
function newDeploymentId(environment, nowMs, env = process.env) {
    if (env.GITHUB_RUN_ID)
        return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${environment}`;
    return `${environment}-${(0,_domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__/* .fileStamp */ .a)(nowMs)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`;
}


/***/ })

} };
})
