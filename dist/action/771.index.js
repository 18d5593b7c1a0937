"use strict";
(function (__dhashImportMetaUrl) {
return { id: 771, ids: [771], modules: {

/***/ 38771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dryRunAction: () => (/* binding */ dryRunAction)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/domain/messages/compose.ts
var compose = __webpack_require__(8969);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: ./src/commands/dry-run.ts + 1 modules
var dry_run = __webpack_require__(73405);
// EXTERNAL MODULE: ./src/domain/smoke/checks.ts + 1 modules
var smoke_checks = __webpack_require__(61930);
// EXTERNAL MODULE: ./src/commands/backup.ts + 1 modules
var backup = __webpack_require__(76934);
// EXTERNAL MODULE: ./src/wiring/deploy-deps.ts + 5 modules
var deploy_deps = __webpack_require__(72919);
// EXTERNAL MODULE: ./src/wiring/migration-mechanics.ts + 2 modules
var migration_mechanics = __webpack_require__(50355);
// EXTERNAL MODULE: ./src/commands/deploy.ts
var deploy = __webpack_require__(93839);
// EXTERNAL MODULE: ./src/commands/migrate.ts
var migrate = __webpack_require__(50223);
// EXTERNAL MODULE: ./src/commands/monitor.ts + 23 modules
var monitor = __webpack_require__(80305);
// EXTERNAL MODULE: ./src/commands/smoke/run-checks.ts + 3 modules
var run_checks = __webpack_require__(73794);
// EXTERNAL MODULE: ./src/commands/smoke/target.ts
var smoke_target = __webpack_require__(17775);
// EXTERNAL MODULE: ./src/wiring/backup-archives.ts + 10 modules
var backup_archives = __webpack_require__(33462);
// EXTERNAL MODULE: ./src/wiring/monitor-ports.ts + 8 modules
var monitor_ports = __webpack_require__(86770);
;// CONCATENATED MODULE: ./src/wiring/dry-run-steps.ts












const absoluteLogDir = (input) => (0,external_node_path_.resolve)(input.deps.cwd, input.deps.logDir);
/** backup: planBackup, the backup command's own dry-run (what would be archived, and retention). */
const backupDryRun = ({ config, deps }) => {
    const plan = (0,backup/* planBackup */.W6)({ config, cwd: deps.cwd }, { clock: deps.clock, storage: (0,backup_archives/* backupStorage */.y)() });
    return {
        status: 'planned',
        detail: `would write ${plan.path}: ${plan.files} file(s), ${plan.bytes} bytes${plan.warnings.length ? `; ${plan.warnings.join('; ')}` : ''}`,
        plan,
    };
};
/** migrate: the migrate command with dryRun (pending migrations applied in a transaction that is rolled back). */
const migrateDryRun = async (input) => {
    const { config, deps, release } = input;
    const log = (0,deploy_deps/* openOperationLog */.aG)('migrate', config, absoluteLogDir(input), deps.clock);
    const result = await (0,migrate/* migrateCommand */.vu)({
        config,
        direction: 'up',
        dryRun: true,
        force: false,
        releaseDir: release ? (0,external_node_path_.resolve)(deps.cwd, release) : undefined,
    }, {
        clock: deps.clock,
        logger: log.logger,
        cwd: deps.cwd,
        migrations: (0,migration_mechanics/* migrationMechanics */.m)(config, deps.cwd),
        interactive: false,
    });
    const detail = result.ok
        ? `${result.database}: schema ${result.currentVersion} \u2192 ${result.targetVersion}, ${result.steps.length} migration(s) (applied and rolled back)`
        : (result.error ?? 'migration dry-run failed');
    return { status: result.ok ? 'planned' : 'failed', detail, plan: result };
};
/** deploy: the deploy command with dryRun; without a release there is nothing to plan. */
const deployDryRun = async (input) => {
    const { config, deps, release, deploymentId } = input;
    if (!release)
        return { status: 'skipped', detail: 'no release given: pass `release` to plan the deploy', plan: null };
    const logDir = absoluteLogDir(input);
    const log = (0,deploy_deps/* openOperationLog */.aG)('deploy', config, logDir, deps.clock);
    const runtime = { clock: deps.clock, cwd: deps.cwd, env: deps.env, interactive: false, logDir };
    const deployDeps = (0,deploy_deps/* buildDeployDeps */.IC)({
        ...runtime,
        config,
        log,
        dryRun: true,
        withBackups: true,
    });
    const result = await (0,deploy/* deployCommand */.Jp)({
        config,
        release: (0,external_node_path_.resolve)(deps.cwd, release),
        backupFirst: true,
        dryRun: true,
        skipHealthCheck: false,
        deploymentId,
    }, deployDeps);
    return {
        status: result.ok ? 'planned' : 'failed',
        detail: result.ok
            ? `would deploy ${result.release} to ${result.target} (live now: ${result.liveRelease ?? 'none'})`
            : (result.error ?? 'deploy dry-run failed'),
        plan: result,
    };
};
/** smoke: it only reads, and has no dry-run of its own; the plan is its own check list and URLs, not run. */
const smokeDryRun = ({ config }) => {
    const target = (0,smoke_target/* smokeTargetOf */.W)(config.env.service);
    const checks = (0,smoke_checks/* checksFor */.NR)(false).map((c) => ({ id: c.id, title: c.title, critical: c.critical }));
    const urls = {
        health: (0,run_checks/* joinUrl */.we)(target.baseUrl, target.healthPath),
        metrics: (0,run_checks/* joinUrl */.we)(target.baseUrl, target.metricsPath),
        queue_status: (0,run_checks/* joinUrl */.we)(target.baseUrl, target.queueStatusPath),
        admin: (0,run_checks/* joinUrl */.we)(target.baseUrl, target.adminPath),
    };
    return {
        status: 'planned',
        detail: `would run ${checks.length} checks against ${target.baseUrl} (not probed by the dry-run)`,
        plan: { checks, urls },
    };
};
/** monitor: runMonitor with dryRun (and the optional one-shot probe). */
const monitorDryRun = async (input) => {
    const { config, deps, probe, deploymentId, runUrl } = input;
    const logDir = absoluteLogDir(input);
    const result = await (0,monitor/* runMonitor */.aU)({ config, dryRun: true, probe, logDir, deploymentId, runUrl }, {
        clock: deps.clock,
        env: deps.env,
        metrics: (0,monitor_ports/* metricSources */.p8)(),
        ports: (0,monitor_ports/* monitorPorts */.Br)(config, {
            clock: deps.clock,
            cwd: deps.cwd,
            env: deps.env,
            interactive: false,
            logDir,
        }),
    });
    return {
        status: 'planned',
        detail: `would watch ${config.envName} for ${config.env.monitoring.window_minutes} min${probe ? ' (probed once)' : ''}`,
        plan: { plan: result.plan, probe: result.probe ?? null },
    };
};
/**
 * Each step's dry-run, as its command provides it. A step whose command is not in this build is
 * null, and the manifest says so: the premerge never reports a plan it did not make.
 */
const STEP_DRY_RUNS = {
    backup: backupDryRun,
    migrate: migrateDryRun,
    deploy: deployDryRun,
    smoke: smokeDryRun,
    monitor: monitorDryRun,
};

// EXTERNAL MODULE: ./src/runtime/deployment-id.ts
var deployment_id = __webpack_require__(15291);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var runtime_logger = __webpack_require__(38118);
// EXTERNAL MODULE: ./src/runtime/package-root.ts
var package_root = __webpack_require__(1713);
// EXTERNAL MODULE: ./src/domain/time/file-stamp.ts
var file_stamp = __webpack_require__(36002);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(38037);
;// CONCATENATED MODULE: ./src/action/commands/dry-run.ts












const STATUS_ICON = { planned: '\u2705', skipped: '\u23ed\ufe0f', failed: '\u274c', unavailable: '\u26a0\ufe0f' };
const dryRunAction = async (ctx) => {
    const config = ctx.loadConfig();
    const env = ctx.inputs.environmentVariables;
    const cwd = ctx.inputs.workingDirectory;
    const logDir = (0,state_dir/* logDir */.mw)(cwd, (0,inputs/* optionalInput */.$m)(ctx.core, 'log-dir'));
    const now = ctx.clock.now();
    const deploymentId = (0,inputs/* optionalInput */.$m)(ctx.core, 'deployment-id') ?? (0,deployment_id/* newDeploymentId */.X)(config.envName, now, env);
    const logPath = (0,external_node_path_.join)(logDir, `dry_run_${config.envName}_${(0,file_stamp/* fileStamp */.a)(now)}.log`);
    const logger = new runtime_logger/* JsonLinesLogger */.Qk(ctx.clock, [new runtime_logger/* JsonFileSink */.m7(logPath)], config.redactor);
    const { manifest } = await (0,dry_run/* dryRunCommand */.C)({
        config,
        deploymentId,
        release: (0,inputs/* optionalInput */.$m)(ctx.core, 'release'),
        probe: (0,inputs/* booleanInput */.tE)(ctx.core, 'probe'),
        toolVersion: (0,package_root/* toolVersion */.f)(),
        providers: STEP_DRY_RUNS,
        runUrl: (0,compose/* githubRunUrl */.Gk)(env),
        onStep: (step) => {
            ctx.core.info(`dry-run: planning ${step}`);
        },
    }, { clock: ctx.clock, logger, cwd, env, interactive: false, logDir });
    (0,external_node_fs_.mkdirSync)(logDir, { recursive: true });
    const manifestPath = (0,external_node_path_.join)(logDir, `deployment-manifest_${config.envName}.json`);
    (0,external_node_fs_.writeFileSync)(manifestPath, config.redactor.text(`${JSON.stringify(manifest, null, 2)}\n`));
    for (const warning of manifest.validation.warnings)
        ctx.core.warning(warning, { title: 'dhash-rollout config' });
    for (const step of manifest.steps) {
        if (step.status === 'failed')
            ctx.core.error(step.detail, { title: `dhash-rollout dry-run: ${step.step} failed` });
        if (step.status === 'unavailable')
            ctx.core.warning(step.detail, { title: `dhash-rollout dry-run: ${step.step} not planned` });
    }
    const heading = { planned: '\u2705 plan complete', incomplete: '\u26a0\ufe0f plan incomplete', failed: '\u274c plan failed' }[manifest.result];
    const summary = [
        `## dhash-rollout dry-run for \`${manifest.environment}\`: ${heading}`,
        `Deployment id \`${manifest.deployment_id}\` \u00b7 config \`${manifest.config_source}\` \u00b7 release ${manifest.release ? `\`${manifest.release}\`` : '(none given)'} \u00b7 ${manifest.runner.runner_os ?? manifest.runner.os}/${manifest.runner.arch}, Node ${manifest.runner.node}`,
        (0,markdown/* table */.tp)(['step', 'status', 'detail'], manifest.steps.map((s) => [s.step, `${STATUS_ICON[s.status] ?? ''} ${s.status}`, s.detail])),
        ...manifest.steps
            .filter((s) => s.plan !== null)
            .map((s) => `<details><summary>${s.step}: the plan as the command returned it</summary>\n\n${(0,markdown/* codeBlock */.DV)(JSON.stringify(s.plan, null, 2), 'json')}\n</details>`),
        `Nothing was changed and nothing was sent. Manifest: \`${manifestPath}\``,
    ].join('\n\n');
    const problems = manifest.steps
        .filter((s) => s.status === 'failed' || s.status === 'unavailable')
        .map((s) => `${s.step} ${s.status}`);
    return {
        outputs: {
            result: manifest.result,
            environment: manifest.environment,
            plan: JSON.stringify(manifest.steps),
            'manifest-path': manifestPath,
            'deployment-id': deploymentId,
        },
        summary,
        failure: manifest.result === 'planned'
            ? undefined
            : `dry-run for ${manifest.environment} is ${manifest.result}: ${problems.join(', ')}`,
    };
};


/***/ }),

/***/ 73405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ MANIFEST_SCHEMA),
  C: () => (/* binding */ dryRunCommand)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/dry-run/step-types.ts
/** The commands a guarded rollout runs, in order; the dry-run plans each one. */
const ROLLOUT_STEPS = ['backup', 'migrate', 'deploy', 'smoke', 'monitor'];

// EXTERNAL MODULE: ./src/commands/validate.ts
var validate = __webpack_require__(30010);
;// CONCATENATED MODULE: ./src/commands/dry-run.ts




const MANIFEST_SCHEMA = 'dhash-rollout/deployment-manifest@1';
/**
 * `dry-run`: validates the config, then runs each rollout command's own dry-run in order and
 * keeps what each one actually returned. A failed step does not stop the rest: the operator
 * sees every problem at once. Nothing here writes; the caller stores the manifest.
 */
async function dryRunCommand(options, deps) {
    const validation = (0,validate/* validateCommand */.M)(options.config);
    const providers = { ...options.providers, ...options.steps };
    const logger = deps.logger.child({
        deployment_id: options.deploymentId,
        environment: options.config.envName,
        command: 'dry-run',
    });
    const steps = [];
    for (const step of ROLLOUT_STEPS) {
        options.onStep?.(step);
        const provider = providers[step];
        if (!provider) {
            steps.push({
                step,
                status: 'unavailable',
                detail: `this build has no "${step}" command, so nothing was planned for it`,
                plan: null,
            });
            logger.warn(`dry-run: ${step} is not available in this build`, { step });
            continue;
        }
        try {
            const output = await provider({
                config: options.config,
                deps,
                deploymentId: options.deploymentId,
                release: options.release,
                probe: options.probe,
                runUrl: options.runUrl,
                signal: options.signal,
            });
            steps.push({
                step,
                status: output.status,
                detail: options.config.redactor.text(output.detail),
                plan: options.config.redactor.value(output.plan),
            });
            logger.info(`dry-run: ${step} ${output.status}`, { step, detail: output.detail });
        }
        catch (error) {
            const detail = options.config.redactor.text((0,errors/* messageOf */.bD)(error));
            steps.push({ step, status: 'failed', detail, plan: null });
            logger.error(`dry-run: ${step} failed`, { step, error: detail });
        }
    }
    const result = steps.some((s) => s.status === 'failed')
        ? 'failed'
        : steps.some((s) => s.status === 'unavailable')
            ? 'incomplete'
            : 'planned';
    const env = deps.env;
    const manifest = {
        schema: MANIFEST_SCHEMA,
        generated_at: new Date(deps.clock.now()).toISOString(),
        tool_version: options.toolVersion,
        deployment_id: options.deploymentId,
        environment: options.config.envName,
        config_source: options.config.source,
        release: options.release ?? null,
        result,
        git: { sha: env.GITHUB_SHA ?? null, ref: env.GITHUB_REF ?? null, run_url: options.runUrl ?? null },
        runner: { os: (0,external_node_os_.platform)(), arch: (0,external_node_os_.arch)(), node: process.version, runner_os: env.RUNNER_OS ?? null },
        validation: { ok: true, environments: validation.environments, warnings: validation.warnings },
        steps,
    };
    logger.info(`dry-run: ${result}`, { result });
    return { manifest, validation };
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
        logger.info(`migration plan: ${base.steps.length} step(s) ${base.direction}, version ${base.currentVersion} \u2192 ${base.targetVersion}`, { database: driver.description, steps: base.steps, dry_run: options.dryRun });
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
        return `${base.steps.length} step(s) ${base.direction} on ${base.database}, version ${base.currentVersion} \u2192 ${base.targetVersion}`;
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


/***/ }),

/***/ 30010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ validateCommand)
/* harmony export */ });
/* unused harmony export invalidResult */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);

/**
 * `validate`: the config has already been parsed and checked by the loader (which throws on any
 * problem); this use-case assembles what an operator needs to see to trust it.
 */
function validateCommand(config) {
    const settings = {};
    for (const channel of config.env.notifications.channels)
        settings[channel] = config.warnings.some((w) => w.includes(`"${channel}"`)) ? 'missing' : 'set';
    return {
        ok: true,
        source: config.source,
        environment: config.envName,
        environments: Object.keys(config.file.environments),
        effective: config.redactor.value(config.env),
        notification_settings: settings,
        warnings: config.warnings,
    };
}
/** What `validate --json` prints for a file (or flags) it cannot accept. */
function invalidResult(error) {
    return {
        ok: false,
        exit_code: error.exitCode,
        problems: error instanceof ConfigError ? error.problems : [error.message],
    };
}


/***/ }),

/***/ 8969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ githubRunUrl),
/* harmony export */   vT: () => (/* binding */ deploymentEventMessage)
/* harmony export */ });
/* unused harmony export EVENT_LEVELS */
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41768);

/** The level an event is announced at unless the caller says otherwise. */
const EVENT_LEVELS = {
    deployment_start: 'info',
    deployment_success: 'info',
    deployment_failure: 'error',
    rollback_start: 'warning',
    rollback_success: 'warning',
    rollback_failure: 'critical',
    monitoring_alert: 'warning',
    gate_resolved: 'info',
    escalation: 'critical',
};
const DEFAULT_TEXT = {
    deployment_start: 'A deployment of the dhash service has started.',
    deployment_success: 'The deployment completed and passed its checks.',
    deployment_failure: 'The deployment failed; see the logs for the failing step.',
    rollback_start: 'A rollback of the dhash service has started.',
    rollback_success: 'The rollback completed and the service validated.',
    rollback_failure: 'The rollback did not complete or did not validate. Manual action is needed.',
    monitoring_alert: 'A quality gate breached its threshold.',
    gate_resolved: 'A quality gate that was breached is back within its threshold.',
    escalation: 'A breach has lasted past its escalation time.',
};
/** The workflow run's URL from the variables GitHub sets, or undefined outside Actions. */
function githubRunUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, GITHUB_RUN_ATTEMPT: attempt, } = env;
    if (!server || !repo || !run)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`;
}
/** `deploy-notify`: the seed's event announcements, with a headline that reads well in a channel list. */
function deploymentEventMessage(input) {
    const what = input.version ? `dhash ${input.version}` : 'dhash';
    const message = {
        event: input.event,
        level: input.level ?? EVENT_LEVELS[input.event],
        title: `${_content_js__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_LABELS */ .XU[input.event]}: ${what} on ${input.environment}`,
        text: input.text ?? DEFAULT_TEXT[input.event],
        environment: input.environment,
        deploymentId: input.deploymentId,
    };
    if (input.version)
        message.version = input.version;
    if (input.gates)
        message.gates = input.gates;
    if (input.links && Object.keys(input.links).length > 0)
        message.links = input.links;
    if (input.mention)
        message.mention = input.mention;
    return message;
}


/***/ })

} };
})
