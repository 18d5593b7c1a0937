export const id = 392;
export const ids = [392];
export const modules = {

/***/ 40392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   migrateAction: () => (/* binding */ migrateAction)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10337);
/* harmony import */ var _wiring_migration_mechanics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50355);
/* harmony import */ var _commands_migrate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50223);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86309);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9541);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(81729);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(38037);
/* harmony import */ var _log_sink_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2990);









/**
 * Inputs: dry-run, force, release (its migrations/), and the optional `direction`, `to`,
 * `migrations-dir`. A job has no terminal, so a production run needs force: true (after the
 * environment's approval) or it is refused.
 */
const migrateAction = async (ctx) => {
    const direction = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .optionalInput */ .$m)(ctx.core, 'direction') ?? 'up';
    if (direction !== 'up' && direction !== 'down')
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`input "direction": expected "up" or "down", got "${direction}"`);
    const rawTo = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .optionalInput */ .$m)(ctx.core, 'to');
    const to = rawTo === undefined ? undefined : Number(rawTo);
    if (to !== undefined && !(Number.isInteger(to) && to >= 0))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`input "to": expected an integer of at least 0, got "${rawTo}"`);
    const config = ctx.loadConfig();
    const cwd = ctx.inputs.workingDirectory;
    const log = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_1__/* .openOperationLog */ .a)('migrate', config, (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .logDir */ .mw)(cwd, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .optionalInput */ .$m)(ctx.core, 'log-dir')), ctx.clock, [new _log_sink_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionLogSink */ .s(ctx.core, 'dhash migrate')]);
    const release = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .optionalInput */ .$m)(ctx.core, 'release');
    const result = await (0,_commands_migrate_js__WEBPACK_IMPORTED_MODULE_3__/* .migrateCommand */ .vu)({
        config,
        direction,
        to,
        dryRun: ctx.inputs.dryRun,
        force: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .booleanInput */ .tE)(ctx.core, 'force'),
        migrationsDir: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .optionalInput */ .$m)(ctx.core, 'migrations-dir'),
        releaseDir: release ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, release) : undefined,
    }, {
        clock: ctx.clock,
        logger: log.logger,
        cwd,
        migrations: (0,_wiring_migration_mechanics_js__WEBPACK_IMPORTED_MODULE_2__/* .migrationMechanics */ .m)(config, cwd),
        interactive: false,
    });
    const summary = [
        `## dhash-rollout migrate${result.dryRun ? ' (dry-run, rolled back)' : ''}: \`${result.environment}\``,
        `${result.database} · schema version ${result.currentVersion} → ${result.targetVersion} (${result.direction})`,
        result.steps.length
            ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .table */ .tp)(['version', 'name', 'direction', 'outcome'], result.steps.map((s) => [
                s.version,
                s.name,
                s.direction,
                result.outcomes.find((o) => o.version === s.version)?.status ?? 'not run',
            ]))
            : 'Nothing to do: the database is up to date.',
        result.error ? `**Error:** ${result.error}` : '',
    ]
        .filter((p) => p !== '')
        .join('\n\n');
    return {
        outputs: {
            result: result.ok ? (result.dryRun ? 'planned' : 'migrated') : 'error',
            environment: result.environment,
            plan: JSON.stringify({ steps: result.steps, targetVersion: result.targetVersion }),
            'report-path': log.path,
        },
        summary,
        ...(result.ok ? {} : { failure: result.error ?? 'migration failed' }),
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

/***/ 50223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vu: () => (/* binding */ migrateCommand)
/* harmony export */ });
/* unused harmony exports confirmProduction, assertMigrated */
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86309);
/* harmony import */ var _runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6931);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60482);
/* harmony import */ var _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82266);
/* harmony import */ var _migrate_core_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(78992);






/** Production changes need a human's typed "yes, this environment" unless --force. */
async function confirmProduction(config, what, force, deps) {
    if (config.envName !== 'production' || force)
        return;
    if (!deps.interactive || !deps.ask) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RefusedError */ .fk(`${what} in production needs confirmation: run it on a terminal and type the environment name, or pass --force`);
    }
    const answer = (await deps.ask(`${what} in production. Type "production" to continue: `)).trim();
    if (answer !== 'production')
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RefusedError */ .fk(`not confirmed (got "${answer}"); nothing was changed`);
}
/**
 * `migrate`: applies (or reverts) SQL migrations with the tracking table, one transaction per
 * migration, under the environment lock and the database's own lock. A dry-run runs the pending
 * steps inside a transaction that is rolled back, so it proves they apply and changes nothing.
 */
async function migrateCommand(options, deps) {
    const { config } = options;
    const { logger } = deps;
    const progress = deps.progress ?? _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .silentProgress */ .R;
    const migrationsDir = (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .migrationsDirFor */ .MS)(config, deps.cwd, options);
    const lockRoot = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__/* .lockDir */ .JK)(config.env, deps.cwd);
    const driver = deps.driver ?? deps.migrations.openDriver();
    const planOptions = { direction: options.direction, to: options.to };
    let releaseLock;
    try {
        // Planned, checked and confirmed before the lock is taken: a refusal, a dry-run and "nothing
        // to do" create nothing (not the target root the lock lives in, not the database file).
        let prepared = await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigrations */ .N_)(deps.migrations.readFiles, driver, migrationsDir, planOptions);
        for (const warning of prepared.plan.warnings)
            logger.warn(warning);
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseUnsafePlan */ .Ab)(prepared.plan);
        const base = describePlan(options, driver, migrationsDir, prepared);
        logger.info(`migration plan: ${base.steps.length} step(s) ${base.direction}, version ${base.currentVersion} → ${base.targetVersion}`, { database: driver.description, steps: base.steps, dry_run: options.dryRun });
        progress.step({ step: 'plan', status: 'done', detail: planLine(base) });
        const appliedAt = new Date(deps.clock.now()).toISOString();
        if (options.dryRun) {
            const owner = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .readLockOwner */ .Dh)((0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentLockPath */ .s)(lockRoot, config.envName));
            if (owner)
                base.lockHeldBy = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .describeOwner */ .$S)(owner);
            if (base.steps.length === 0)
                return base;
            const result = await runWithProgress(progress, base, true, () => driver.dryRun(prepared.plan.steps, appliedAt));
            return finish(base, result, logger, true);
        }
        if (base.steps.length === 0) {
            logger.info(base.migrationCount
                ? 'the database is up to date; nothing to do'
                : `no migration files in ${migrationsDir}`);
            return base;
        }
        await confirmProduction(config, `${base.direction === 'up' ? 'Applying' : 'Reverting'} ${base.steps.length} migration(s) on ${driver.description}`, options.force, deps);
        releaseLock = (0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .acquireEnvironmentLock */ .D)(lockRoot, config.envName, 'migrate', new Date(deps.clock.now()));
        // Under the lock, read again: another run may have moved the database since the plan.
        prepared = await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigrations */ .N_)(deps.migrations.readFiles, driver, migrationsDir, planOptions);
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseUnsafePlan */ .Ab)(prepared.plan);
        const locked = describePlan(options, driver, migrationsDir, prepared);
        if (locked.steps.length === 0) {
            logger.info('another run applied the plan meanwhile; nothing to do');
            return locked;
        }
        const result = await runWithProgress(progress, locked, false, () => driver.run(prepared.plan.steps, appliedAt));
        return finish(locked, result, logger, false);
    }
    finally {
        await driver.close();
        releaseLock?.();
    }
}
function describePlan(options, driver, migrationsDir, prepared) {
    const { plan } = prepared;
    return {
        ok: true,
        dryRun: options.dryRun,
        environment: options.config.envName,
        database: driver.description,
        migrationsDir,
        migrationCount: prepared.migrations.length,
        direction: plan.direction,
        currentVersion: plan.currentVersion,
        targetVersion: plan.targetVersion,
        steps: plan.steps.map((s) => ({ version: s.version, name: s.name, direction: s.direction })),
        outcomes: [],
        warnings: plan.warnings,
    };
}
function planLine(base) {
    if (base.steps.length)
        return `${base.steps.length} step(s) ${base.direction} on ${base.database}, version ${base.currentVersion} → ${base.targetVersion}`;
    return base.migrationCount
        ? `nothing to do: ${base.migrationCount} migration file(s), schema version ${base.currentVersion}`
        : `no migration files in ${base.migrationsDir}`;
}
async function runWithProgress(progress, base, dryRun, work) {
    const handle = progress.wait(`${dryRun ? 'proving' : 'applying'} ${base.steps.length} migration(s) on ${base.database}${dryRun ? ' (rolled back)' : ''}`);
    let result;
    try {
        result = await work();
    }
    finally {
        handle.end();
    }
    for (const o of result.outcomes)
        progress.step({
            step: `${String(o.version).padStart(3, '0')}_${o.name} ${o.direction}`,
            status: o.status === 'failed' ? 'failed' : o.status === 'skipped' ? 'skipped' : 'done',
            detail: o.status === 'failed' ? (o.detail ?? 'failed') : dryRun ? `${o.status} (rolled back)` : o.status,
        });
    return result;
}
function finish(base, result, logger, dryRun) {
    for (const note of result.notes ?? [])
        logger.info(note);
    if (result.notes?.length)
        base = { ...base, notes: result.notes };
    for (const outcome of result.outcomes) {
        logger.log(outcome.status === 'failed' ? 'ERROR' : 'INFO', `${dryRun ? '[dry-run] ' : ''}migration ${outcome.version} (${outcome.name}) ${outcome.direction}: ${outcome.status}`, {
            ...(outcome.detail ? { detail: outcome.detail } : {}),
        });
    }
    if (result.error) {
        const done = result.outcomes.filter((o) => o.status === 'applied' || o.status === 'reverted').length;
        const error = dryRun
            ? `${result.error} (dry-run: nothing was changed)`
            : `${result.error}; ${done} step(s) before it were committed, it and the rest were not`;
        return { ...base, ok: false, outcomes: result.outcomes, error };
    }
    return { ...base, outcomes: result.outcomes };
}
function assertMigrated(result) {
    if (!result.ok)
        throw new OperationError(result.error ?? 'migration failed');
}


/***/ })

};
