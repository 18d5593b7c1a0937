"use strict";
(function (__dhashImportMetaUrl) {
return { id: 839, ids: [839], modules: {

/***/ 93839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jp: () => (/* binding */ deployCommand)
/* harmony export */ });
/* unused harmony exports DEPLOY_STEPS, firstLine */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86309);
/* harmony import */ var _domain_migrations_plan_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(57017);
/* harmony import */ var _runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6931);
/* harmony import */ var _backup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76934);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9541);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98313);
/* harmony import */ var _runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(60482);
/* harmony import */ var _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(82266);
/* harmony import */ var _migrate_core_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(78992);










const DEPLOY_STEPS = (/* unused pure expression or super */ null && (['backup', 'stage', 'migrate', 'activate', 'health', 'prune']));
/**
 * `deploy`: backup (with --backup-first), stage the release, migrate, switch and restart, wait for
 * health, prune. When a step fails, everything done so far is undone in reverse order \u2014 previous
 * release back, down migrations (or the database put back as it was) \u2014 and a notification goes out.
 * A dry-run resolves and checks the release, proves the pending migrations apply in a transaction
 * it rolls back, and returns the plan; it changes nothing on the target.
 */
async function deployCommand(options, deps) {
    const { config, deploymentId } = options;
    const log = deps.logger.child({ deployment_id: deploymentId, environment: config.envName });
    const resolved = await deps.mechanics.resolveRelease(options.release, deps.cwd);
    try {
        return await deployResolved(options, deps, resolved, log);
    }
    finally {
        resolved.cleanup();
    }
}
async function deployResolved(options, deps, resolved, log) {
    const { config } = options;
    const bundle = resolved.bundle;
    refuseUnusableRequest(options, deps, bundle);
    const migrationsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(bundle.path, config.env.migrations.dir);
    const lockRoot = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__/* .lockDir */ .JK)(config.env, deps.cwd);
    const driver = deps.driver ?? deps.mechanics.openDriver();
    const releaseLock = await refuseOrLock(options, deps, driver, bundle, migrationsDir, lockRoot);
    try {
        const previous = await deps.target.currentRelease().catch((error) => {
            log.warn(`could not read the live release: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)}`);
            return null;
        });
        const prepared = await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_8__/* .prepareMigrations */ .N_)(deps.mechanics.readFiles, driver, migrationsDir, {
            direction: 'up',
            optional: true,
        });
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_8__/* .refuseUnsafePlan */ .Ab)(prepared.plan);
        for (const warning of prepared.plan.warnings)
            log.warn(warning);
        const run = startRun(options, deps, log, resolved, driver, prepared, previous);
        const { result } = run;
        if (previous === bundle.id) {
            log.info(`release ${bundle.id} is already live; nothing to do`);
            result.steps.push({
                step: 'activate',
                status: 'skipped',
                detail: `release ${bundle.id} is already live`,
            });
            return result;
        }
        if (options.dryRun)
            return await planOnly(result, options, deps, driver, prepared.plan.steps, bundle, lockRoot, log);
        return await deployLive(run);
    }
    finally {
        await driver.close();
        releaseLock?.();
    }
}
/** The environment's target settings; the deploy wiring already refuses an environment without a target. */
function targetConfigOf(config) {
    const target = config.env.target;
    if (!target)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`environment "${config.envName}" has no "target" in ${config.source}; add a local or command target to deploy`);
    return target;
}
/** Refuses, before anything is touched, a release that cannot run here or a flag this build lacks. */
function refuseUnusableRequest(options, deps, bundle) {
    const targetConfig = targetConfigOf(options.config);
    const startCommand = targetConfig.type === 'local' && !targetConfig.restart_command ? targetConfig.start_command : null;
    const contentProblems = deps.mechanics.checkReleaseContents(bundle, startCommand);
    if (contentProblems.length)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`--release: ${bundle.path} is not a usable release:\n${contentProblems.map((p) => `  - ${p}`).join('\n')}`);
    if (options.backupFirst && !deps.backup && !options.dryRun) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('--backup-first: backups are not available in this build; deploy without --backup-first or use a build with the backup command');
    }
}
/**
 * Everything that can refuse is checked before the lock is taken: a refusal creates nothing (not
 * even the target root the lock file lives in). Under the lock the plan is read again. Returns the
 * lock's release (none for a dry-run); on a refusal the driver is closed.
 */
async function refuseOrLock(options, deps, driver, bundle, migrationsDir, lockRoot) {
    const { config } = options;
    try {
        (0,_backup_js__WEBPACK_IMPORTED_MODULE_3__/* .refuseHalfRestoredTree */ .eJ)(config, deps.cwd);
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_8__/* .refuseUnsafePlan */ .Ab)((await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_8__/* .prepareMigrations */ .N_)(deps.mechanics.readFiles, driver, migrationsDir, {
            direction: 'up',
            optional: true,
        })).plan);
        if (options.dryRun)
            return undefined;
        return (0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .acquireEnvironmentLock */ .D)(lockRoot, config.envName, `deploy ${bundle.id}`, new Date(deps.clock.now()));
    }
    catch (error) {
        await driver.close();
        throw error;
    }
}
function startRun(options, deps, log, resolved, driver, prepared, previous) {
    const { config, deploymentId } = options;
    const bundle = resolved.bundle;
    const healthUrl = deps.mechanics.serviceUrl(config.env.service.base_url, config.env.service.health_path);
    const result = {
        ok: true,
        dryRun: options.dryRun,
        environment: config.envName,
        deploymentId,
        release: bundle.id,
        releasePath: resolved.unpackedFrom ?? bundle.path,
        ...(options.releaseReason ? { releaseReason: options.releaseReason } : {}),
        target: deps.target.describe(),
        previousRelease: previous,
        liveRelease: previous,
        healthUrl,
        steps: [],
        undo: [],
        migrations: {
            database: driver.description,
            dir: prepared.dir,
            currentVersion: prepared.plan.currentVersion,
            targetVersion: prepared.plan.targetVersion,
            pending: prepared.plan.steps.map((s) => ({ version: s.version, name: s.name })),
            applied: [],
        },
        ...(deps.logPath ? { logPath: deps.logPath } : {}),
        exitCode: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_5__/* .ExitCode */ .y.ok,
    };
    return {
        options,
        deps,
        log,
        progress: deps.progress ?? _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .silentProgress */ .R,
        bundle,
        driver,
        prepared,
        result,
        releaseContext: { environment: config.envName, deploymentId, signal: deps.signal },
        previous,
        healthUrl,
        healthTimeoutMs: targetConfigOf(config).health_timeout_seconds * 1000,
        undo: [],
        failedStep: null,
        failure: null,
    };
}
/** The real deploy, under the lock: the steps in order, then the undo or the success notice. */
async function deployLive(run) {
    const { options, deps, log, bundle, result, previous, prepared } = run;
    const { config } = options;
    log.info(`deploying release ${bundle.id} to ${config.envName}`, {
        target: deps.target.describe(),
        previous,
        pending_migrations: result.migrations.pending,
    });
    await notify(deps, log, result, {
        event: 'deployment_start',
        level: 'info',
        title: `Deploying ${bundle.id} to ${config.envName}`,
        text: `Release ${bundle.id} is being deployed to ${config.envName} (live: ${previous ?? 'none'}; ${prepared.plan.steps.length} pending migration(s)).`,
    });
    await backupStep(run);
    await stageStep(run);
    await migrateStep(run);
    await activateStep(run);
    await healthStep(run);
    if (run.failure)
        return await undoFailedDeploy(run);
    await runStep(run, 'prune', async () => {
        const removed = await deps.target.prune();
        return removed.length ? `removed old releases ${removed.join(', ')}` : 'nothing to prune';
    });
    if (run.failure) {
        // Pruning is housekeeping: the release is live and healthy, so a failure here is only a warning.
        log.warn(`pruning old releases failed: ${run.failure}`);
        run.failure = null;
    }
    result.liveRelease = bundle.id;
    await notify(deps, log, result, {
        event: 'deployment_success',
        level: 'info',
        title: `Deployed ${bundle.id} to ${config.envName}`,
        text: `Release ${bundle.id} is live and healthy in ${config.envName} (was ${previous ?? 'none'}; ${result.migrations.applied.length} migration(s) applied).`,
    });
    return result;
}
/** Runs one step unless an earlier one failed; records it, and its failure, in the result. */
async function runStep(run, name, work) {
    const { deps, log, progress, result } = run;
    if (run.failure)
        return false;
    log.info(`step ${name}: starting`, { step: name });
    progress.step({ step: name, status: 'started' });
    try {
        await deps.beforeStep?.(name);
        const detail = await work();
        result.steps.push({ step: name, status: 'done', detail });
        log.info(`step ${name}: done \u2014 ${detail}`, { step: name });
        progress.step({ step: name, status: 'done', detail });
        return true;
    }
    catch (error) {
        const failure = (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error);
        run.failure = failure;
        run.failedStep = name;
        result.steps.push({ step: name, status: 'failed', detail: failure });
        // The whole message (a crash's stderr lines, say) is in the log file and in the result's
        // error, once; the step line carries its first line.
        log.error(`step ${name} failed: ${firstLine(failure)}`, { step: name });
        if (failure.includes('\n'))
            log.debug(`step ${name} failure in full`, { step: name, detail: failure });
        progress.step({ step: name, status: 'failed', detail: firstLine(failure) });
        return false;
    }
}
async function backupStep(run) {
    const { options, deps, bundle, result } = run;
    // --backup-first without a backup function was refused before anything ran (refuseUnusableRequest).
    const takeBackup = deps.backup;
    if (!options.backupFirst || !takeBackup) {
        result.steps.push({ step: 'backup', status: 'skipped', detail: 'no --backup-first' });
        run.progress.step({ step: 'backup', status: 'skipped', detail: 'no --backup-first' });
        return;
    }
    await runStep(run, 'backup', async () => {
        const backup = await takeBackup({
            deploymentId: options.deploymentId,
            reason: `before deploying ${bundle.id}`,
            signal: deps.signal,
        });
        result.backupPath = backup.path;
        run.releaseContext.backupPath = backup.path;
        return `backup written to ${backup.path}`;
    });
}
async function stageStep(run) {
    const { deps, bundle } = run;
    await runStep(run, 'stage', async () => {
        const staged = await deps.target.stage(bundle, run.releaseContext);
        run.undo.push({
            step: 'stage',
            run: async () => {
                await staged.undo();
                return `removed the staged release ${bundle.id}`;
            },
        });
        return staged.detail;
    });
}
async function migrateStep(run) {
    const { deps, log, driver, prepared, result } = run;
    await runStep(run, 'migrate', async () => {
        if (prepared.plan.steps.length === 0)
            return `no pending migrations (schema version ${prepared.plan.currentVersion})`;
        const snapshot = deps.mechanics.snapshotDatabase(driver);
        const ran = await driver.run(prepared.plan.steps, new Date(deps.clock.now()).toISOString());
        // The undo is registered even when a step failed: the steps before it were committed.
        const appliedSteps = prepared.plan.steps.filter((s) => ran.outcomes.some((o) => o.version === s.version && o.status === 'applied'));
        result.migrations.applied = appliedSteps.map((s) => ({ version: s.version, name: s.name }));
        if (appliedSteps.length)
            run.undo.push(migrationUndo(appliedSteps, prepared.migrations, driver, snapshot, result, deps, log));
        if (ran.error)
            throw new Error(`${ran.error}${appliedSteps.length ? ` (${appliedSteps.length} earlier migration(s) were committed)` : ''}`);
        return `migrations applied: ${(0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_8__/* .summarizeRun */ .lj)(ran)}`;
    });
}
async function activateStep(run) {
    const { options, deps, bundle, previous } = run;
    await runStep(run, 'activate', async () => {
        // Registered first: a restart that fails after the switch still needs the switch undone.
        run.undo.push({
            step: 'activate',
            run: async () => {
                await deps.target.revert(previous, bundle.id, run.releaseContext);
                if (!previous)
                    return 'no previous release: the service was stopped and current cleared';
                if (options.skipHealthCheck)
                    return `release ${previous} is live again (health not checked: --skip-health-check)`;
                const back = await waitForServiceHealth(run, `waiting up to ${run.healthTimeoutMs / 1000} s for ${previous} at ${run.healthUrl}`);
                if (!back.ok)
                    throw new Error(`release ${previous} is switched back but not healthy: ${back.detail}`);
                return `release ${previous} is live again and healthy (${back.detail})`;
            },
        });
        await deps.target.activate(bundle, run.releaseContext);
        return `release ${bundle.id} is live (was ${previous ?? 'none'})`;
    });
}
async function healthStep(run) {
    const { options, deps, log, bundle, result, healthUrl, healthTimeoutMs } = run;
    if (options.skipHealthCheck) {
        result.steps.push({ step: 'health', status: 'skipped', detail: '--skip-health-check' });
        run.progress.step({ step: 'health', status: 'skipped', detail: '--skip-health-check' });
        return;
    }
    await runStep(run, 'health', async () => {
        log.info(`waiting up to ${healthTimeoutMs / 1000} s for ${healthUrl}`);
        const health = await waitForServiceHealth(run, `waiting up to ${healthTimeoutMs / 1000} s for ${healthUrl}`);
        if (!health.ok)
            throw new Error(`the service did not become healthy: ${health.detail}`);
        if (health.version !== undefined && health.version !== bundle.id) {
            throw new Error(`/health reports version ${health.version}, expected ${bundle.id}: the new release is not the one answering`);
        }
        if (deps.validator) {
            const validation = await deps.validator.validate({ quick: true, signal: deps.signal });
            if (!validation.ok)
                throw new Error(`validation after the switch failed: ${validation.detail}`);
            return `${health.detail}; validation: ${validation.detail}`;
        }
        return `${health.detail} after ${health.attempts} attempt(s)`;
    });
}
/** Waits for /health with a spinner showing each attempt's answer. */
function waitForServiceHealth(run, label) {
    const { deps } = run;
    return waitWithProgress(run.progress, label, (onAttempt) => deps.mechanics.waitForHealth({
        url: run.healthUrl,
        timeoutMs: run.healthTimeoutMs,
        clock: deps.clock,
        problem: () => deps.target.serviceProblem(),
        signal: deps.signal,
        onAttempt,
    }));
}
/** After a failed step: every undo in reverse order, the live release read back, and the notice. */
async function undoFailedDeploy(run) {
    const { options, deps, log, progress, bundle, result } = run;
    result.ok = false;
    result.error = `deploy of ${bundle.id} failed at step ${run.failedStep}: ${run.failure}`;
    let undoFailed = false;
    for (const action of [...run.undo].reverse()) {
        const step = `undo ${action.step}`;
        log.warn(`${step}: starting`, { step });
        progress.step({ step, status: 'started' });
        try {
            const detail = await action.run();
            result.undo.push({ step: action.step, status: 'done', detail });
            log.info(`${step}: ${detail}`, { step });
            progress.step({ step, status: 'done', detail });
        }
        catch (error) {
            undoFailed = true;
            result.undo.push({ step: action.step, status: 'failed', detail: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error) });
            log.critical(`${step} failed: ${firstLine((0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error))}`, { step });
            if ((0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error).includes('\n'))
                log.debug(`${step} failure in full`, { step, detail: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error) });
            progress.step({ step, status: 'failed', detail: firstLine((0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)) });
        }
    }
    result.liveRelease = await deps.target.currentRelease().catch(() => null);
    result.exitCode = undoFailed ? _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_5__/* .ExitCode */ .y.rollbackFailed : _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_5__/* .ExitCode */ .y.failed;
    const undoText = result.undo.length
        ? result.undo
            .map((u) => `${u.step}: ${u.status === 'done' ? u.detail : `FAILED: ${u.detail}`}`)
            .join('; ')
        : 'nothing to undo';
    const { config } = options;
    await notify(deps, log, result, {
        event: 'deployment_failure',
        level: undoFailed ? 'critical' : 'error',
        title: `Deploy of ${bundle.id} to ${config.envName} failed${undoFailed ? ' and the undo did not complete' : ''}`,
        text: `Step ${run.failedStep} failed: ${run.failure}\nUndo: ${undoText}\nLive release now: ${result.liveRelease ?? 'none'}.`,
    });
    return result;
}
async function planOnly(result, options, deps, driver, steps, bundle, lockRoot, log) {
    const owner = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .readLockOwner */ .Dh)((0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentLockPath */ .s)(lockRoot, options.config.envName));
    if (owner)
        result.lockHeldBy = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .describeOwner */ .$S)(owner);
    result.steps.push({
        step: 'backup',
        status: options.backupFirst ? 'planned' : 'skipped',
        detail: options.backupFirst
            ? deps.backup
                ? `back up ${options.config.env.backup.paths.join(', ')} to ${options.config.env.backup.dir}/`
                : 'backups are not available in this build: --backup-first would fail'
            : 'no --backup-first',
    });
    const targetSteps = deps.target.planSteps(bundle, result.previousRelease);
    result.steps.push({ step: 'stage', status: 'planned', detail: targetSteps.join('; ') });
    if (steps.length) {
        const proof = await waitWithProgress(deps.progress ?? _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .silentProgress */ .R, `proving ${steps.length} pending migration(s) apply (rolled back)`, () => driver.dryRun(steps, new Date(deps.clock.now()).toISOString()));
        result.migrations.dryRun = {
            ok: !proof.error,
            detail: proof.error
                ? `${proof.error} (nothing was changed)`
                : `all ${steps.length} pending migration(s) applied inside a transaction that was rolled back`,
        };
        for (const note of proof.notes ?? []) {
            log.info(note);
            result.migrations.dryRun.detail += `; ${note}`;
        }
        if (proof.error) {
            result.ok = false;
            result.error = `the pending migrations do not apply: ${proof.error}`;
            result.exitCode = _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_5__/* .ExitCode */ .y.failed;
        }
    }
    result.steps.push({
        step: 'migrate',
        status: 'planned',
        detail: steps.length
            ? `apply ${steps.map((s) => `${s.version}_${s.name}`).join(', ')} on ${driver.description}`
            : `no pending migrations (schema version ${result.migrations.currentVersion})`,
    });
    result.steps.push({
        step: 'activate',
        status: 'planned',
        detail: `make ${bundle.id} live (was ${result.previousRelease ?? 'none'}) and restart`,
    });
    result.steps.push({
        step: 'health',
        status: options.skipHealthCheck ? 'skipped' : 'planned',
        detail: options.skipHealthCheck
            ? '--skip-health-check'
            : `wait up to ${targetConfigOf(options.config).health_timeout_seconds} s for ${result.healthUrl}`,
    });
    result.steps.push({ step: 'prune', status: 'planned', detail: 'keep the configured number of releases' });
    log.info(`[dry-run] deploy plan for ${bundle.id}`, { steps: result.steps, migrations: result.migrations });
    return result;
}
function migrationUndo(applied, available, driver, snapshot, result, deps, log) {
    return {
        step: 'migrate',
        run: async () => {
            const down = (0,_domain_migrations_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .undoSteps */ .qD)(applied, available);
            if (down) {
                const run = await driver.run(down, new Date(deps.clock.now()).toISOString());
                if (!run.error)
                    return `reverted with down migrations: ${(0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_8__/* .summarizeRun */ .lj)(run)}`;
                log.error(`down migrations failed: ${run.error}`);
                if (!snapshot && !(result.backupPath && deps.restoreDatabase))
                    throw new Error(`down migrations failed: ${run.error}`);
            }
            if (snapshot) {
                await snapshot.restore();
                return `database file ${snapshot.path} put back as it was before the migrations${down ? '' : ' (no down files)'}`;
            }
            if (result.backupPath && deps.restoreDatabase) {
                await deps.restoreDatabase(result.backupPath);
                return `database restored from the backup ${result.backupPath}`;
            }
            throw new Error(`migrations ${applied.map((s) => s.version).join(', ')} cannot be undone: no down files and no backup (deploy with --backup-first)`);
        },
    };
}
async function notify(deps, log, result, message) {
    if (!deps.notifier) {
        const why = deps.notifierProblem ?? 'no notifier';
        log.warn(`no notification was sent (${message.event}): ${why}`);
        result.notification = `not sent: ${why}`;
        return;
    }
    try {
        const report = await deps.notifier.send({
            ...message,
            environment: result.environment,
            deploymentId: result.deploymentId,
            version: result.release,
            ...(result.logPath ? { links: { logs: result.logPath } } : {}),
        });
        const failed = report.deliveries.filter((d) => !d.delivered);
        result.notification = report.allDelivered
            ? `${message.event}: delivered to ${report.deliveries.map((d) => d.channel).join(', ') || 'no channel'}`
            : `${message.event}: not delivered to ${failed.map((d) => `${d.channel}${d.fellBack ? ' (written to the fallback file)' : ''}`).join(', ')}`;
        log.log(report.allDelivered ? 'INFO' : 'WARN', `notification ${result.notification}`);
    }
    catch (error) {
        result.notification = `${message.event}: failed: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)}`;
        log.warn(`notification ${result.notification}`);
    }
}
/** Shows a spinner while `work` runs; `work` may report each attempt's answer. */
async function waitWithProgress(progress, label, work) {
    const handle = progress.wait(label);
    try {
        return await work((attempt, detail) => {
            handle.update(`attempt ${attempt}: ${detail}`);
        });
    }
    finally {
        handle.end();
    }
}
function firstLine(text) {
    const [first, ...rest] = text.split('\n');
    return rest.length ? `${first} \u2026` : first;
}


/***/ }),

/***/ 78992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y$: () => (/* binding */ loadMigrations),
  MS: () => (/* binding */ migrationsDirFor),
  N_: () => (/* binding */ prepareMigrations),
  Ab: () => (/* binding */ refuseUnsafePlan),
  lj: () => (/* binding */ summarizeRun)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
;// CONCATENATED MODULE: ./src/domain/migrations/files.ts
const PATTERN = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_.-]*?)\.(up|down)\.sql$/;
function parseMigrationFileName(fileName) {
    const m = PATTERN.exec(fileName);
    if (!m)
        return null;
    const version = Number(m[1]);
    if (!Number.isSafeInteger(version) || version <= 0)
        return null;
    return { version, name: m[2], direction: m[3] };
}
/** Pairs up and down files by version; returns the migrations in version order and every problem. */
function collectMigrations(files) {
    const problems = [];
    const byVersion = new Map();
    for (const file of files) {
        if (!/\.sql$/i.test(file.fileName))
            continue;
        const parsed = parseMigrationFileName(file.fileName);
        if (!parsed) {
            const lower = file.fileName.replace(/\.(up|down)\.sql$/i, (m) => m.toLowerCase());
            problems.push(lower !== file.fileName && parseMigrationFileName(lower)
                ? `${file.fileName}: the extension must be lowercase; rename it to ${lower}`
                : `${file.fileName}: expected a name like 001_create_images.up.sql or 001_create_images.down.sql (digits, an underscore, a name, .up.sql or .down.sql; version \u2265 1); rename it`);
            continue;
        }
        const entry = byVersion.get(parsed.version) ?? { name: parsed.name };
        if (entry.name !== parsed.name) {
            problems.push(`${file.fileName}: version ${parsed.version} is already used by "${entry.name}"`);
            continue;
        }
        const already = entry[parsed.direction];
        if (already) {
            problems.push(`${file.fileName}: duplicate ${parsed.direction} file for version ${parsed.version} (${already.fileName})`);
            continue;
        }
        entry[parsed.direction] = file;
        byVersion.set(parsed.version, entry);
    }
    const migrations = [];
    for (const [version, entry] of [...byVersion.entries()].sort((a, b) => a[0] - b[0])) {
        if (!entry.up) {
            // An entry is only stored with a file, so without its up file it has its down file.
            if (entry.down)
                problems.push(`${entry.down.fileName}: a down file without its up file`);
            continue;
        }
        migrations.push({ version, name: entry.name, up: entry.up, ...(entry.down ? { down: entry.down } : {}) });
    }
    return { migrations, problems };
}

// EXTERNAL MODULE: ./src/domain/migrations/plan.ts
var migrations_plan = __webpack_require__(57017);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/migrate-core.ts






/**
 * The migration files of a folder. A folder that does not exist is the user's to fix (a typo in
 * --migrations-dir, no live release yet), unless `optional` (a release may have no migrations/).
 * Badly named files are refused, not skipped: a skipped migration is a silent schema gap.
 */
function loadMigrations(readFiles, dir, options = {}) {
    if (!(0,external_node_fs_.existsSync)(dir) && !options.optional)
        throw new errors/* UsageError */.eb(`migrations folder ${dir} does not exist; pass --migrations-dir <dir> or --release <dir> (a release holds migrations/), or deploy a release first`);
    let files;
    try {
        files = readFiles(dir);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`cannot read migrations from ${dir}: ${error.message}`);
    }
    const { migrations, problems } = collectMigrations(files);
    if (problems.length)
        throw new errors/* UsageError */.eb(`migrations in ${dir} are not usable, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return migrations;
}
async function prepareMigrations(readFiles, driver, dir, options) {
    const migrations = loadMigrations(readFiles, dir, { optional: options.optional });
    let applied;
    try {
        applied = await driver.applied();
    }
    catch (error) {
        // A driver's own errors (wrong password, unknown host) already say what to do, with their exit code.
        if (error instanceof errors/* DhashError */.RP)
            throw error;
        throw new errors/* OperationError */.OK(`cannot read schema_migrations from ${driver.description}: ${error.message}`);
    }
    const plan = (0,migrations_plan/* planMigrations */.n6)(migrations, applied, options);
    return { dir, migrations, plan };
}
/** Refuses a plan that must not run: an edited applied file, or a step that cannot be carried out. */
function refuseUnsafePlan(plan) {
    if (plan.flagProblems.length)
        throw new errors/* UsageError */.eb(plan.flagProblems.join('; '));
    const problems = [
        ...plan.checksumMismatches.map((m) => `${(0,migrations_plan/* describeMismatch */._e)(m)}; an applied migration must not be edited: restore the original file and put the change in a new migration`),
        ...plan.blockers,
    ];
    if (problems.length)
        throw new errors/* RefusedError */.fk(`migrations refused, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
/** Where migrations are read from: --migrations-dir, else the release's (or live release's) migrations.dir. */
function migrationsDirFor(config, cwd, options) {
    if (options.migrationsDir)
        return (0,external_node_path_.resolve)(cwd, options.migrationsDir);
    if (options.releaseDir)
        return (0,external_node_path_.join)(options.releaseDir, config.env.migrations.dir);
    const root = (0,state_dir/* targetRoot */.u6)(config.env, cwd);
    if (!root) {
        throw new errors/* UsageError */.eb(`--migrations-dir: required for environment "${config.envName}", whose target is not local (there is no live release directory on this host)`);
    }
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, 'current')))
        throw new errors/* UsageError */.eb(`--migrations-dir: environment "${config.envName}" has no live release in ${root} (${(0,external_node_path_.join)(root, 'current')} does not exist) to take migrations from; pass --migrations-dir <dir> or --release <dir>, or deploy a release first`);
    return (0,external_node_path_.join)(root, 'current', config.env.migrations.dir);
}
function summarizeRun(result) {
    return result.outcomes
        .map((o) => `${o.version} ${o.name} ${o.direction}: ${o.status}${o.detail ? ` (${o.detail})` : ''}`)
        .join('; ');
}


/***/ }),

/***/ 57017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _e: () => (/* binding */ describeMismatch),
/* harmony export */   n6: () => (/* binding */ planMigrations),
/* harmony export */   qD: () => (/* binding */ undoSteps)
/* harmony export */ });
/** Applied versions without a file, and applied up files edited since (by checksum). */
function checkApplied(files, applied) {
    const checksumMismatches = [];
    const warnings = [];
    for (const row of [...applied].sort((a, b) => a.version - b.version)) {
        const file = files.get(row.version);
        if (!file) {
            warnings.push(`version ${row.version} (${row.name}) is applied but has no file in this release`);
            continue;
        }
        if (file.up.checksum !== row.checksum) {
            checksumMismatches.push({
                version: row.version,
                name: row.name,
                recorded: row.checksum,
                file: file.up.checksum,
            });
        }
    }
    return { checksumMismatches, warnings };
}
/** up: every pending version through `--to`, in file order. */
function planUp(available, applied, currentVersion, to) {
    const appliedVersions = new Set(applied.map((a) => a.version));
    const steps = [];
    const warnings = [];
    const flagProblems = [];
    const limit = to ?? Number.POSITIVE_INFINITY;
    const pending = available.filter((m) => !appliedVersions.has(m.version) && m.version <= limit);
    for (const m of pending) {
        if (m.version < currentVersion)
            warnings.push(`version ${m.version} (${m.name}) is older than the applied version ${currentVersion}; it is applied out of order`);
        steps.push({
            version: m.version,
            name: m.name,
            direction: 'up',
            sql: m.up.sql,
            checksum: m.up.checksum,
        });
    }
    const targetVersion = Math.max(currentVersion, ...pending.map((m) => m.version));
    if (to !== undefined && to < currentVersion) {
        flagProblems.push(`--to ${to} is below the applied version ${currentVersion}; use --direction down to go back`);
    }
    return { steps, targetVersion, blockers: [], flagProblems, warnings };
}
/** down: every applied version above `--to` (default: the latest one), newest first. */
function planDown(files, applied, currentVersion, to) {
    const steps = [];
    const blockers = [];
    const flagProblems = [];
    const sortedApplied = [...applied].sort((a, b) => b.version - a.version);
    const floor = to ?? sortedApplied.at(1)?.version ?? 0;
    if (to !== undefined && to > currentVersion) {
        flagProblems.push(`--to ${to} is above the applied version ${currentVersion}; use --direction up to go forward`);
    }
    for (const row of sortedApplied) {
        if (row.version <= floor)
            break;
        const file = files.get(row.version);
        if (!file) {
            blockers.push(`version ${row.version} (${row.name}) cannot be reverted: its files are not in this release`);
            continue;
        }
        if (!file.down) {
            blockers.push(`version ${row.version} (${row.name}) cannot be reverted: ${file.up.fileName.replace(/\.up\.sql$/, '.down.sql')} does not exist`);
            continue;
        }
        steps.push({
            version: row.version,
            name: row.name,
            direction: 'down',
            sql: file.down.sql,
            checksum: row.checksum,
        });
    }
    return { steps, targetVersion: Math.min(currentVersion, floor), blockers, flagProblems, warnings: [] };
}
/**
 * The pure part of `migrate`: from the files and the tracking table, what would run. Checksums of
 * applied migrations are compared in both directions, because a down file is only trustworthy
 * against the up file that was actually applied.
 */
function planMigrations(available, applied, options) {
    const files = new Map(available.map((m) => [m.version, m]));
    const currentVersion = applied.reduce((max, a) => Math.max(max, a.version), 0);
    const { checksumMismatches, warnings } = checkApplied(files, applied);
    const plan = options.direction === 'up'
        ? planUp(available, applied, currentVersion, options.to)
        : planDown(files, applied, currentVersion, options.to);
    return {
        direction: options.direction,
        targetVersion: plan.targetVersion,
        currentVersion,
        steps: plan.steps,
        checksumMismatches,
        blockers: plan.blockers,
        flagProblems: plan.flagProblems,
        warnings: [...warnings, ...plan.warnings],
    };
}
/** The down steps that undo a list of up steps just applied (newest first); null when one lacks a down file. */
function undoSteps(applied, available) {
    const files = new Map(available.map((m) => [m.version, m]));
    const steps = [];
    for (const step of [...applied].reverse()) {
        const down = files.get(step.version)?.down;
        if (!down)
            return null;
        steps.push({
            version: step.version,
            name: step.name,
            direction: 'down',
            sql: down.sql,
            checksum: step.checksum,
        });
    }
    return steps;
}
function describeMismatch(m) {
    return `version ${m.version} (${m.name}) was applied with checksum ${m.recorded.slice(0, 12)}\u2026 but its up file now has ${m.file.slice(0, 12)}\u2026`;
}


/***/ }),

/***/ 82266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ silentProgress)
/* harmony export */ });
const silentProgress = {
    step: () => undefined,
    wait: () => ({ update: () => undefined, end: () => undefined }),
};


/***/ })

} };
})
