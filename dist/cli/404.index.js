"use strict";
(function (__dhashImportMetaUrl) {
return { id: 404, ids: [404], modules: {

/***/ 51:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ rolloutCommand)
/* harmony export */ });
/* unused harmony export ROLLOUT_EXIT_CODES */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8313);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3839);
/* harmony import */ var _monitor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(215);
/* harmony import */ var _smoke_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9831);
/* harmony import */ var _rollback_target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1592);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6309);
/* harmony import */ var _runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3731);








const ROLLOUT_EXIT_CODES = {
    passed: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.ok,
    alerted: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.alerted,
    inconclusive: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.inconclusive,
    rolled_back: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.rolledBack,
    rollback_failed: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.rollbackFailed,
    interrupted: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.interruptedSigterm,
    preempted: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.preempted,
    dry_run: _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.ok,
};
function interruptedExit(signal) {
    const interruption = (0,_runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_7__/* .interruptionOf */ .nS)(signal);
    return interruption?.signalName === 'SIGINT' ? _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.interruptedSigint : _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.interruptedSigterm;
}
function startRolloutRun(options, deps) {
    const stages = [];
    const stage = (record) => {
        const done = { ...record, endedAt: new Date(deps.clock.now()).toISOString() };
        stages.push(done);
        deps.onStage?.(done);
        return done;
    };
    const now = () => new Date(deps.clock.now()).toISOString();
    return { options, deps, stages, stage, now };
}
/** Step 1: backup \u2192 stage \u2192 migrate \u2192 switch \u2192 health: the deploy use-case, which undoes itself on failure. */
function deployRelease(run) {
    const { options } = run;
    return (0,_deploy_js__WEBPACK_IMPORTED_MODULE_2__/* .deployCommand */ .Jp)({
        config: options.config,
        release: options.release,
        backupFirst: true,
        dryRun: options.dryRun,
        skipHealthCheck: false,
        deploymentId: options.deploymentId,
    }, run.deps.deploy);
}
/** A dry run: the deploy, smoke and monitor stages as planned; nothing is changed or sent. */
async function planDryRun(run, base, deploy, deployStarted) {
    const { options, deps, stage, now } = run;
    const { config, deploymentId } = options;
    stage({
        stage: 'deploy',
        status: 'planned',
        startedAt: deployStarted,
        detail: `would deploy ${deploy.release} (live: ${deploy.previousRelease ?? 'none'}; ${deploy.migrations.pending.length} pending migration(s), proven to apply)`,
    });
    stage({
        stage: 'smoke',
        status: 'planned',
        startedAt: now(),
        detail: `would run the smoke checks against ${config.env.service.base_url}`,
    });
    const started = now();
    const monitor = await (0,_monitor_js__WEBPACK_IMPORTED_MODULE_3__/* .runMonitor */ .aU)({
        config,
        dryRun: true,
        windowMinutes: options.windowMinutes,
        logDir: options.logDir,
        deploymentId,
        version: deploy.release,
        runUrl: options.runUrl,
    }, {
        clock: deps.clock,
        metrics: deps.metrics,
        ports: deps.monitorPorts,
        sinks: deps.sinks,
        env: deps.env,
    });
    stage({
        stage: 'monitor',
        status: 'planned',
        startedAt: started,
        detail: `would watch ${monitor.plan?.windowMinutes ?? config.env.monitoring.window_minutes} min of quality gates`,
    });
    return {
        ...base,
        outcome: 'dry_run',
        exitCode: ROLLOUT_EXIT_CODES.dry_run,
        liveRelease: deploy.liveRelease,
        reason: 'dry-run: nothing was changed or sent',
        stages: run.stages,
        monitor,
    };
}
/** The deploy failed and undid itself (or could not): the rollout ends here. */
function failedDeployResult(run, base, deploy, started) {
    const undone = deploy.exitCode !== _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.rollbackFailed;
    run.stage({
        stage: 'deploy',
        status: 'failed',
        startedAt: started,
        detail: `${deploy.error}; undo: ${undone ? 'complete' : 'INCOMPLETE'}`,
    });
    const outcome = undone ? 'rolled_back' : 'rollback_failed';
    return {
        ...base,
        outcome,
        exitCode: ROLLOUT_EXIT_CODES[outcome],
        liveRelease: deploy.liveRelease,
        reason: deploy.error ?? 'deploy failed',
        stages: run.stages,
    };
}
function recordDeployStage(run, deploy, started) {
    if (deploy.previousRelease === deploy.release) {
        run.stage({
            stage: 'deploy',
            status: 'skipped',
            startedAt: started,
            detail: `release ${deploy.release} is already live`,
        });
    }
    else {
        run.stage({
            stage: 'deploy',
            status: 'done',
            startedAt: started,
            detail: `release ${deploy.release} is live (was ${deploy.previousRelease ?? 'none'}); backup ${deploy.backupPath ?? 'none'}`,
        });
    }
}
/**
 * Step 2: full smoke checks: a release that answers /health but cannot hash never reaches
 * monitoring. Returns the smoke summary, or the rollout's result when they failed (rolled back).
 */
async function runSmokeChecks(run, base, deploy) {
    const { options, deps, stage, now } = run;
    const { config, deploymentId } = options;
    const started = now();
    const smoke = await (0,_smoke_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeCommand */ .b)(config, { quick: false, logDir: options.logDir, signal: deps.signal, extraSinks: deps.sinks }, { clock: deps.clock });
    const smokeSummary = { verdict: smoke.verdict, checks: smoke.checks, logPath: smoke.logPath };
    if (smoke.verdict.status === 'failed') {
        stage({ stage: 'smoke', status: 'failed', startedAt: started, detail: smoke.verdict.summary });
        const rollback = await rollBack(deps, config.envName, deploy.backupPath, deploymentId, `smoke checks failed after deploying ${deploy.release}: ${smoke.verdict.summary}`, now, stage);
        const outcome = rollback.ok ? 'rolled_back' : 'rollback_failed';
        const ended = {
            ...base,
            outcome,
            exitCode: ROLLOUT_EXIT_CODES[outcome],
            liveRelease: rollback.live,
            reason: `smoke checks failed: ${smoke.verdict.summary}`,
            stages: run.stages,
            smoke: smokeSummary,
        };
        return { smoke: smokeSummary, ended };
    }
    stage({ stage: 'smoke', status: 'done', startedAt: started, detail: smoke.verdict.summary });
    return { smoke: smokeSummary };
}
/** A signal arrived before the monitoring window: the release is live and unwatched. */
function interruptedBeforeMonitoring(run, base, deploy, smoke) {
    const { deps } = run;
    const reason = `interrupted by ${(0,_runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_7__/* .interruptionOf */ .nS)(deps.signal)?.signalName ?? 'a signal'} before monitoring; release ${deploy.release} is live and unwatched`;
    deps.deploy.logger.warn(reason);
    return {
        ...base,
        outcome: 'interrupted',
        exitCode: interruptedExit(deps.signal),
        liveRelease: deploy.liveRelease,
        reason,
        stages: run.stages,
        smoke,
    };
}
/**
 * Step 3: the monitoring window, with automatic rollback on a failing auto_rollback gate. The
 * rollback restores exactly the backup deploy took before changing anything.
 */
async function watchRelease(run, deploy, deployedAt) {
    const { options, deps } = run;
    const { config, deploymentId } = options;
    const record = options.cwd ? (0,_rollback_target_js__WEBPACK_IMPORTED_MODULE_5__/* .readPreDeployRecord */ .G_)(config, options.cwd) : null;
    const rollbackTo = deploy.backupPath
        ? {
            kind: 'backup',
            path: deploy.backupPath,
            sha256: record && record.backup === deploy.backupPath ? record.sha256 : undefined,
        }
        : undefined;
    const started = run.now();
    const monitor = await (0,_monitor_js__WEBPACK_IMPORTED_MODULE_3__/* .runMonitor */ .aU)({
        config,
        dryRun: false,
        windowMinutes: options.windowMinutes,
        logDir: options.logDir,
        deploymentId,
        version: deploy.release,
        previousVersion: deploy.previousRelease,
        deployedAt,
        runUrl: options.runUrl,
        rollbackTo,
        stateDir: options.cwd ? (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_6__/* .lockDir */ .JK)(config.env, options.cwd) : undefined,
    }, {
        clock: deps.clock,
        metrics: deps.metrics,
        ports: deps.monitorPorts,
        sinks: deps.sinks,
        onProgress: deps.onProgress,
        env: deps.env,
        signal: deps.signal,
    });
    return { monitor, started };
}
function recordMonitorStages(run, monitor, outcome, started) {
    run.stage({
        stage: 'monitor',
        status: outcome === 'passed' || outcome === 'alerted' ? 'done' : 'failed',
        startedAt: started,
        detail: `${outcome}${monitor.failedGates.length ? ` (gates: ${monitor.failedGates.join(', ')})` : ''}; report ${monitor.reportPath}`,
    });
    if (monitor.rollback) {
        run.stage({
            stage: 'rollback',
            status: monitor.rollback.ok ? 'done' : 'failed',
            startedAt: new Date(monitor.rollback.startedAt).toISOString(),
            detail: monitor.rollback.ok
                ? `restored ${monitor.rollback.restored ?? monitor.rollback.backup}; ${monitor.rollback.validation?.detail ?? ''}`
                : `FAILED: ${monitor.rollback.error}`,
        });
    }
}
/** A watched release that held (passed or alerted) is announced here; other endings by the monitor. */
async function announceSuccess(run, deploy, monitor, outcome) {
    const { options } = run;
    const { config, deploymentId } = options;
    if (outcome !== 'passed' && outcome !== 'alerted')
        return;
    await sendEnding(run.deps, {
        event: 'deployment_success',
        level: outcome === 'passed' ? 'info' : 'warning',
        title: `Rollout of ${deploy.release} to ${config.envName} ${outcome === 'passed' ? 'passed every gate' : 'finished with alerts'}`,
        text: `Release ${deploy.release} watched for the whole window: ${outcome}.`,
        environment: config.envName,
        deploymentId,
        version: deploy.release,
        dedupKey: `${deploymentId}:rollout_${outcome}`,
        links: { run: options.runUrl, logs: monitor.logPath, report: monitor.reportPath ?? undefined },
    });
}
/** Why the watched rollout ended as it did. An inconclusive window is not a success. */
function monitoredReason(outcome, monitor, deploy) {
    return outcome === 'passed'
        ? 'every quality gate held for the whole window'
        : outcome === 'alerted'
            ? `alert-only gates breached: ${monitor.failedGates.join(', ')}`
            : outcome === 'inconclusive'
                ? `no verdict: ${(monitor.withoutVerdict ?? []).map((g) => `${g.gate} (${g.reason})`).join('; ')}`
                : outcome === 'interrupted'
                    ? `interrupted during monitoring; release ${deploy.release} is live; evidence ${monitor.evidencePath}`
                    : outcome === 'preempted'
                        ? `a manual rollback took over during monitoring; evidence ${monitor.evidencePath}`
                        : `gate(s) failed: ${monitor.failedGates.join(', ')}`;
}
/** Step 3 and the end: watch the live release, record the stages, announce, and report. */
async function monitorRollout(run, base, deploy, deployedAt, smoke) {
    const { monitor, started } = await watchRelease(run, deploy, deployedAt);
    const outcome = monitor.result;
    recordMonitorStages(run, monitor, outcome, started);
    const liveRelease = await run.deps.deploy.target.currentRelease().catch(() => null);
    // An inconclusive window is not a success: the monitor announced it as such; nothing more here.
    await announceSuccess(run, deploy, monitor, outcome);
    return {
        ...base,
        outcome,
        exitCode: outcome === 'interrupted' ? monitor.exitCode : ROLLOUT_EXIT_CODES[outcome],
        liveRelease,
        reason: monitoredReason(outcome, monitor, deploy),
        stages: run.stages,
        smoke,
        monitor,
        failedGates: monitor.failedGates,
    };
}
async function rolloutCommand(options, deps) {
    const run = startRolloutRun(options, deps);
    const started = run.now();
    const deploy = await deployRelease(run);
    // When the new release went live (deploy ends with it healthy), for the report's timeline.
    const deployedAt = deps.clock.now();
    const base = {
        environment: options.config.envName,
        deploymentId: options.deploymentId,
        release: deploy.release,
        previousRelease: deploy.previousRelease,
        backupPath: deploy.backupPath,
        deploy,
        failedGates: [],
    };
    if (options.dryRun)
        return planDryRun(run, base, deploy, started);
    if (!deploy.ok)
        return failedDeployResult(run, base, deploy, started);
    recordDeployStage(run, deploy, started);
    const { smoke, ended } = await runSmokeChecks(run, base, deploy);
    if (ended)
        return ended;
    if (deps.signal?.aborted)
        return interruptedBeforeMonitoring(run, base, deploy, smoke);
    return monitorRollout(run, base, deploy, deployedAt, smoke);
}
async function rollBack(deps, environment, backupPath, deploymentId, reason, now, stage) {
    const started = now();
    if (!deps.rollback.port) {
        stage({
            stage: 'rollback',
            status: 'failed',
            startedAt: started,
            detail: `cannot roll back: ${deps.rollback.unavailable}`,
        });
        return { ok: false, live: await deps.deploy.target.currentRelease().catch(() => null) };
    }
    try {
        const outcome = await deps.rollback.port.rollback({
            environment,
            backup: backupPath ?? 'latest',
            reason,
            deploymentId,
            signal: deps.signal,
        });
        stage({
            stage: 'rollback',
            status: outcome.ok ? 'done' : 'failed',
            startedAt: started,
            detail: outcome.ok
                ? `restored ${outcome.restored ?? backupPath}; ${outcome.validation?.detail ?? ''}`
                : `FAILED: ${outcome.error}`,
        });
        return {
            ok: outcome.ok,
            live: outcome.toRelease ?? (await deps.deploy.target.currentRelease().catch(() => null)),
        };
    }
    catch (error) {
        stage({ stage: 'rollback', status: 'failed', startedAt: started, detail: `FAILED: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}` });
        return { ok: false, live: await deps.deploy.target.currentRelease().catch(() => null) };
    }
}
async function sendEnding(deps, message) {
    if (!deps.notifier.port) {
        deps.deploy.logger.warn(`notification NOT sent (${message.event}): ${deps.notifier.unavailable}`);
        return;
    }
    try {
        const report = await deps.notifier.port.send(message, deps.signal);
        if (!report.allDelivered)
            deps.deploy.logger.warn(`notification ${message.event} not delivered everywhere; see the fallback file`);
    }
    catch (error) {
        deps.deploy.logger.error(`notification ${message.event} failed: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`);
    }
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

/***/ 4404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ restoredLibraryMatches),
  runDemo: () => (/* binding */ runDemo)
});

// UNUSED EXPORTS: DEMO_EXIT

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/adapters/embedded-db/embedded-db.ts
var embedded_db = __webpack_require__(5583);
// EXTERNAL MODULE: ./src/adapters/targets/health.ts + 1 modules
var targets_health = __webpack_require__(5580);
// EXTERNAL MODULE: ./src/config/channel-settings.ts
var channel_settings = __webpack_require__(1747);
// EXTERNAL MODULE: ./src/config/channels.ts
var channels = __webpack_require__(1792);
// EXTERNAL MODULE: ./src/config/load.ts + 8 modules
var load = __webpack_require__(7419);
// EXTERNAL MODULE: ./src/wiring/deploy-deps.ts + 5 modules
var deploy_deps = __webpack_require__(2919);
// EXTERNAL MODULE: ./src/commands/deploy.ts
var deploy = __webpack_require__(3839);
// EXTERNAL MODULE: ./src/commands/rollout.ts
var rollout = __webpack_require__(51);
// EXTERNAL MODULE: ./src/wiring/rollout-deps.ts
var rollout_deps = __webpack_require__(1742);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/exit-codes.ts
var exit_codes = __webpack_require__(8313);
// EXTERNAL MODULE: ./src/runtime/free-port.ts
var free_port = __webpack_require__(9538);
// EXTERNAL MODULE: ./src/runtime/package-root.ts
var package_root = __webpack_require__(1713);
// EXTERNAL MODULE: ./src/wiring/index.ts + 6 modules
var wiring = __webpack_require__(7488);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/adapters/archive/zip-reader.ts + 1 modules
var zip_reader = __webpack_require__(4761);
// EXTERNAL MODULE: ./src/domain/backup/manifest.ts
var backup_manifest = __webpack_require__(1114);
;// CONCATENATED MODULE: ./src/demo/backup-database.ts




/**
 * Copies the embedded database snapshot out of a backup archive (read and CRC-checked by the
 * product's own verifying reader), so the demo can compare it with the live database.
 */
async function extractDatabaseFromBackup(backupPath, outPath) {
    const directory = await (0,zip_reader/* readZipDirectory */.x5)(backupPath);
    const read = {};
    await (0,zip_reader/* scanZip */.xn)(backupPath, directory, {
        wantWhole: (e) => e.name === backup_manifest/* MANIFEST_NAME */.ir,
        onSmallEntry: (_e, content) => {
            read.manifest = content.toString('utf8');
        },
    });
    if (read.manifest === undefined)
        throw new Error(`${backupPath} has no ${backup_manifest/* MANIFEST_NAME */.ir}`);
    const manifest = (0,backup_manifest/* parseManifest */.Ng)(read.manifest);
    if (!manifest.database)
        throw new Error(`${backupPath} holds no database snapshot`);
    const wanted = manifest.database.path;
    await (0,zip_reader/* scanZip */.xn)(backupPath, directory, {
        sinkFor: (entry) => {
            if (entry.name !== wanted)
                return null;
            const stream = (0,external_node_fs_.createWriteStream)(outPath);
            return {
                write: async (chunk) => {
                    if (!stream.write(chunk))
                        await (0,external_node_events_.once)(stream, 'drain');
                },
                end: async () => {
                    stream.end();
                    await (0,external_node_events_.once)(stream, 'finish');
                },
                abort: () => {
                    stream.destroy();
                },
            };
        },
    });
    // The scan offers every entry of the directory to sinkFor.
    if (!directory.entries.some((e) => e.name === wanted))
        throw new Error(`${backupPath} has no entry ${wanted}`);
}

;// CONCATENATED MODULE: ./src/demo/demo-config.ts
// eslint-disable-next-line max-lines-per-function -- one config object literal, read as a whole
function demoConfig(input) {
    const rollback = ['alert', 'auto_rollback'];
    return {
        title: 'dhash-rollout demo',
        version: '1.0.0',
        default_environment: 'demo',
        environments: {
            demo: {
                description: 'npm run demo: a local target, a short real-time window, production thresholds.',
                service: { base_url: `http://127.0.0.1:${input.port}`, request_timeout_seconds: 10 },
                target: {
                    type: 'local',
                    root: input.targetRoot,
                    keep_releases: 5,
                    start_command: 'node server.js',
                    stop_timeout_seconds: 5,
                    health_timeout_seconds: 30,
                },
                backup: {
                    dir: 'backups',
                    paths: ['current', 'shared/config'],
                    database_path: 'shared/data/dhash.sqlite',
                    keep_last: 5,
                },
                migrations: { driver: 'embedded', dir: 'migrations', database_path: 'shared/data/dhash.sqlite' },
                metrics_source: { type: 'scrape' },
                monitoring: {
                    window_minutes: input.windowSeconds / 60,
                    poll_intervals: { initial_minutes: 0.25, initial_interval_seconds: 2, normal_interval_seconds: 3 },
                    progress_log_seconds: 10,
                },
                quality_gates: {
                    health: {
                        enabled: true,
                        description: 'Checked every 2 s; failures confirmed every second.',
                        threshold: { consecutive_failures: 2, check_interval_seconds: 2 },
                        confirm_interval_seconds: 1,
                        timeout_seconds: 3,
                        actions: rollback,
                    },
                    extraction_failure_rate: {
                        enabled: true,
                        threshold: { max_failure_percentage: 5, evaluation_window_minutes: 0.5, min_sample_size: 20 },
                        actions: rollback,
                    },
                    p95_hash_time: {
                        enabled: true,
                        threshold: { max_time_ms: 2000, evaluation_window_minutes: 0.5, min_sample_size: 20 },
                        actions: rollback,
                    },
                    low_confidence_queue: { enabled: true, threshold: { max_queue_length: 1000 }, actions: rollback },
                    memory_usage: { enabled: true, threshold: { max_usage_percentage: 85 }, actions: ['alert'] },
                    error_rate: {
                        enabled: true,
                        threshold: { max_error_percentage: 3, evaluation_window_minutes: 0.5, min_sample_size: 10 },
                        actions: ['alert'],
                    },
                },
                notifications: {
                    channels: Object.fromEntries(['webhook', ...input.userChannels.filter((c) => c !== 'webhook')].map((c) => [
                        c,
                        { enabled: true },
                    ])),
                    escalation: { enabled: false, escalation_levels: [] },
                    deadline_seconds: 4,
                    attempt_timeout_seconds: 2,
                    max_attempts: 2,
                    allow_insecure_loopback: true,
                },
                auto_rollback: {
                    enabled: true,
                    confirmation_required: false,
                    backup_retention_hours: 24,
                    rollback_timeout_minutes: 3,
                },
            },
        },
    };
}

;// CONCATENATED MODULE: ./src/demo/run-demo.ts





















/** Story lines: what happened, when. Prints as it goes. */
class Story {
    clock;
    out;
    constructor(clock, out) {
        this.clock = clock;
        this.out = out;
    }
    tell(text) {
        this.out(`${new Date(this.clock.now()).toISOString().slice(11, 23)}  ${text}`);
    }
}
/** Only what a person watching the demo needs from the logs: gate verdict changes and trouble. */
class StorySink {
    story;
    lastVerdict = new Map();
    constructor(story) {
        this.story = story;
    }
    write(record) {
        const gate = /^Quality gate (\w+): (\w+)/.exec(record.message);
        if (gate) {
            if (this.lastVerdict.get(gate[1]) !== gate[2]) {
                this.lastVerdict.set(gate[1], gate[2]);
                this.story.tell(`    ${record.message}`);
            }
            return;
        }
        if (record.level === 'ERROR' ||
            record.level === 'CRITICAL' ||
            /^step \w+: done|^undo|rollback|Rollback/.test(record.message)) {
            this.story.tell(`    [${record.level}] ${record.message}`);
        }
    }
    reset() {
        this.lastVerdict.clear();
    }
}
function run(command, args, cwd) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d.toString()));
        child.stderr.on('data', (d) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
            resolve({ code, output });
        });
    });
}
function tableDigest(dbPath, table) {
    return embedded_db/* EmbeddedDatabase */._3.open(dbPath, { create: false }).then((db) => {
        try {
            const result = db.read((d) => d.exec(`SELECT * FROM ${table} ORDER BY 1`));
            const rows = result[0]?.values ?? [];
            return {
                rows: rows.length,
                sha256: (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16),
            };
        }
        finally {
            db.close();
        }
    });
}
function startStory(options) {
    const story = new Story(options.clock, options.out);
    const sink = new StorySink(story);
    const checks = [];
    const check = (what, ok, detail) => {
        checks.push({ what, ok, detail });
        story.tell(`${ok ? '\u2714' : '\u2718'} ${what}: ${detail}`);
    };
    const root = (0,package_root/* packageRoot */.Z)();
    const builder = (0,external_node_path_.join)(root, 'examples', 'dhash-service', 'build-releases.mjs');
    if (!(0,external_node_fs_.existsSync)(builder))
        throw new errors/* OperationError */.OK(`the demo needs its release builder (missing ${builder}); reinstall dhash-rollout or use a checkout`);
    const workspace = options.workspace ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'dhash-demo-'));
    (0,external_node_fs_.mkdirSync)(workspace, { recursive: true });
    story.tell(`workspace ${workspace}`);
    return { options, story, sink, checks, check, workspace };
}
// 1. Release bundles of the reference service, and a local target.
async function prepareTarget(start) {
    const { options, story, workspace } = start;
    const root = (0,package_root/* packageRoot */.Z)();
    const builder = (0,external_node_path_.join)(root, 'examples', 'dhash-service', 'build-releases.mjs');
    let releases = options.releases;
    if (!releases) {
        story.tell('building release bundles 1.0.0, 2.0.0 and 3.0.0 of the reference service \u2026');
        releases = (0,external_node_path_.join)(workspace, 'releases-src');
        const built = await run(process.execPath, [builder, '--out', releases], root);
        if (built.code !== 0)
            throw new errors/* OperationError */.OK(`building the releases failed:\n${built.output}`);
    }
    const releaseDir = releases;
    const port = await (0,free_port/* freePort */.o)();
    // Only the channels whose required variables are all set: the demo's deploys send, and a
    // sending command refuses a channel it cannot build.
    const userChannels = ['slack', 'teams', 'discord', 'email'].filter((c) => (0,channels/* missingVariables */.uM)(c, options.env).length === 0);
    const configPath = (0,external_node_path_.join)(workspace, 'quality-gates-config.json');
    (0,external_node_fs_.writeFileSync)(configPath, `${JSON.stringify(demoConfig({ port, targetRoot: (0,external_node_path_.join)(workspace, 'target'), userChannels, windowSeconds: options.windowSeconds }), null, 2)}\n`);
    // Without a configured generic webhook, notifications go to a closed loopback port: delivery
    // really fails, and each message lands in the replayable fallback file.
    const deadPort = await (0,free_port/* freePort */.o)();
    const channelVariables = new Set(channel_settings/* NOTIFICATION_VARIABLES */.k3);
    const environment = Object.fromEntries(Object.entries(options.env).filter(([name, value]) => value !== undefined || !channelVariables.has(name)));
    environment.GENERIC_WEBHOOK_URL ??= `http://127.0.0.1:${deadPort}/demo-webhook`;
    const config = (0,load/* loadConfig */.Z9)({ configPath, envName: 'demo', cwd: workspace, environment });
    const logDir = (0,external_node_path_.join)(workspace, 'monitor_logs');
    story.tell(`local target ${(0,external_node_path_.join)(workspace, 'target')}, service on http://127.0.0.1:${port}, notifications \u2192 ${userChannels.length ? `${userChannels.join(', ')} and ` : ''}the fallback file`);
    const runtime = { clock: options.clock, cwd: workspace, env: environment, interactive: false, logDir };
    const target = (0,wiring/* createReleaseTargetFor */._7)(config, {
        ...runtime,
        logger: (0,deploy_deps/* openOperationLog */.aG)('deploy', config, logDir, options.clock).logger,
    });
    return { ...start, releaseDir, userChannels, configPath, config, logDir, runtime, target };
}
// 2. v1 (then the load).
async function deployFirstRelease(d) {
    const { options, story, config, logDir, runtime } = d;
    story.tell('deploying 1.0.0 (first release: schema 1) \u2026');
    const v1Log = (0,deploy_deps/* openOperationLog */.aG)('deploy', config, logDir, options.clock, [d.sink]);
    const v1 = await (0,deploy/* deployCommand */.Jp)({
        config,
        release: (0,external_node_path_.join)(d.releaseDir, '1.0.0'),
        backupFirst: false,
        dryRun: false,
        skipHealthCheck: false,
        deploymentId: `demo-v1-${options.clock.now()}`,
    }, (0,deploy_deps/* buildDeployDeps */.IC)({ ...runtime, config, log: v1Log, dryRun: false }));
    d.check('1.0.0 deployed and healthy', v1.ok, v1.ok ? `live release ${v1.liveRelease}` : (v1.error ?? 'failed'));
    return v1.ok;
}
/** Starts the load generator; its output is collected for the story's last line. */
function startLoad(d) {
    const { options } = d;
    d.story.tell(`starting the load generator: ${options.rate} req/s of known, near-duplicate, unfamiliar and corrupt images`);
    const loadProcess = (0,external_node_child_process_.spawn)(process.execPath, [
        (0,external_node_path_.join)(d.releaseDir, 'loadgen.js'),
        '--url',
        d.config.env.service.base_url,
        '--rate',
        String(options.rate),
        '--duration',
        '0',
    ], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    d.load = loadProcess;
    let loadOutput = '';
    loadProcess.stdout.on('data', (data) => (loadOutput += data.toString()));
    loadProcess.stderr.on('data', (data) => (loadOutput += data.toString()));
    return { process: loadProcess, output: () => loadOutput };
}
function gateProgressLine(p) {
    const gates = p.gates
        .map((g) => `${g.gate}=${g.value === null ? '\u2013' : `${Math.round(g.value * 10) / 10}${g.unit === '%' ? '%' : g.unit === 'ms' ? 'ms' : ''}`}(${g.verdict})`)
        .join(' ');
    return `    ${Math.ceil(p.remainingMs / 1000)} s left \u00b7 ${gates}`;
}
async function demoRollout(d, release) {
    const { options, story, sink, config, runtime } = d;
    sink.reset();
    story.tell(`guarded rollout of ${release}: backup \u2192 migrate \u2192 deploy \u2192 smoke \u2192 monitor (${options.windowSeconds} s window) \u2026`);
    const deps = (0,rollout_deps/* buildRolloutDeps */.a)({ ...runtime, config, dryRun: false, sinks: [sink] });
    let lastProgress = 0;
    const result = await (0,rollout/* rolloutCommand */.t)({
        config,
        release: (0,external_node_path_.join)(d.releaseDir, release),
        dryRun: false,
        deploymentId: `demo-${release}-${options.clock.now()}`,
        logDir: d.logDir,
        cwd: runtime.cwd,
    }, {
        ...deps,
        signal: options.signal,
        onStage: (s) => {
            story.tell(`  ${s.stage}: ${s.status} \u2014 ${s.detail}`);
        },
        onProgress: (p) => {
            if (p.elapsedMs - lastProgress < 10_000)
                return;
            lastProgress = p.elapsedMs;
            story.tell(gateProgressLine(p));
        },
    });
    story.tell(`rollout of ${release}: ${result.outcome} \u2014 ${result.reason}`);
    for (const g of result.monitor?.gates ?? [])
        story.tell(`    ${g.gate}: ${g.verdict} \u2014 ${g.reason}`);
    return result;
}
// 4. v3 regresses; a gate catches it and the rollout restores the backup taken just before.
async function checkRegressionRolledBack(d, v3, dbPath) {
    const caughtBy = v3.failedGates.filter((g) => g !== 'health');
    d.check('3.0.0 regression caught by a quality gate and rolled back', v3.outcome === 'rolled_back' && caughtBy.length > 0, `${v3.outcome}; failed gates: ${v3.failedGates.join(', ') || 'none'}`);
    if (v3.backupPath) {
        const manifestDb = await restoredLibraryMatches(v3.backupPath, dbPath, d.workspace);
        d.check('the data is as it was before 3.0.0', manifestDb.ok, manifestDb.detail);
    }
    else {
        d.check('the data is as it was before 3.0.0', false, 'the v3 rollout reported no backup');
    }
}
// 5. v2 healthy again.
async function checkPreviousLive(d) {
    const { config } = d;
    const health = await (0,targets_health/* checkHealthOnce */.i4)(`${config.env.service.base_url}${config.env.service.health_path}`, 5_000);
    d.check('2.0.0 is live and healthy again', health.ok && health.version === '2.0.0', `${health.detail}${health.version ? ` (version ${health.version})` : ''}`);
}
// 6. Notifications: each went to the configured channels or into the fallback file.
function checkNotifications(d, v2, v3) {
    const fallback = (0,external_node_path_.join)(d.logDir, 'notification_fallback.jsonl');
    const lines = (0,external_node_fs_.existsSync)(fallback) ? (0,external_node_fs_.readFileSync)(fallback, 'utf8').trim().split('\n').filter(Boolean) : [];
    const ours = lines.filter((l) => l.includes(v2.deploymentId) || l.includes(v3.deploymentId));
    d.check('notifications recorded in the fallback file', d.userChannels.length > 0 || ours.length > 0, `${ours.length} undelivered message(s) in ${fallback}; replay with: dhash-rollout notify --replay --config ${d.configPath} --env demo`);
}
/** Where the reports, evidence and logs are. */
function tellWhereThingsAre(d, v2, v3) {
    const { story } = d;
    const reportPath = v3.monitor?.reportPath ?? undefined;
    const reports = [];
    for (const [release, r] of [
        ['2.0.0', v2],
        ['3.0.0', v3],
    ])
        if (r.monitor?.reportPath)
            reports.push({ release, result: r.outcome, path: r.monitor.reportPath });
    if (v2.monitor?.reportPath)
        story.tell(`HTML report of the 2.0.0 window: ${v2.monitor.reportPath}`);
    story.tell(`HTML report of the 3.0.0 window: ${reportPath}`);
    story.tell(`evidence: ${v3.monitor?.evidencePath}; logs: ${d.logDir}`);
    return { ok: d.checks.every((c) => c.ok), workspace: d.workspace, checks: d.checks, reportPath, reports };
}
/** Steps 2 to 6, under load from after the first release. */
async function tellStory(d) {
    if (!(await deployFirstRelease(d)))
        return { ok: false, workspace: d.workspace, checks: d.checks };
    const load = startLoad(d);
    // 3. v2 passes.
    const v2 = await demoRollout(d, '2.0.0');
    d.check('2.0.0 rollout passed its gates', v2.outcome === 'passed', `${v2.outcome}: ${v2.reason}`);
    const dbPath = (0,external_node_path_.join)(d.workspace, 'target', 'shared', 'data', 'dhash.sqlite');
    const schemaV2 = await tableDigest(dbPath, 'schema_migrations');
    d.check('migration 002 applied by the v2 rollout', schemaV2.rows === 2, `${schemaV2.rows} migrations recorded`);
    const v3 = await demoRollout(d, '3.0.0');
    await checkRegressionRolledBack(d, v3, dbPath);
    await checkPreviousLive(d);
    checkNotifications(d, v2, v3);
    load.process.kill('SIGTERM');
    await new Promise((r) => load.process.once('close', r));
    const loadLine = load.output().trim().split('\n').pop();
    if (loadLine)
        d.story.tell(`load generator: ${loadLine}`);
    return tellWhereThingsAre(d, v2, v3);
}
async function runDemo(options) {
    const d = await prepareTarget(startStory(options));
    const stopEverything = async () => {
        if (d.load && d.load.exitCode === null)
            d.load.kill('SIGTERM');
        await d.target?.stop().catch(() => undefined);
    };
    const onAbort = () => void stopEverything();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        return await tellStory(d);
    }
    catch (error) {
        d.check('demo ran to the end', false, (0,errors/* messageOf */.bD)(error));
        return { ok: false, workspace: d.workspace, checks: d.checks };
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
        await stopEverything();
    }
}
/**
 * "With the data as it was": the live database, after the rollback, holds exactly the backup's
 * hash library and every review-queue row the backup had (the load generator keeps adding new
 * rows afterwards, so only the backup's rows are compared).
 */
async function restoredLibraryMatches(backupPath, liveDbPath, workspace) {
    const copy = (0,external_node_path_.join)(workspace, 'backup-db-check.sqlite');
    await extractDatabaseFromBackup(backupPath, copy);
    const backupDb = await embedded_db/* EmbeddedDatabase */._3.open(copy, { create: false });
    const liveDb = await embedded_db/* EmbeddedDatabase */._3.open(liveDbPath, { create: false });
    try {
        const rows = (db, sql) => JSON.stringify(db.read((d) => d.exec(sql)[0]?.values ?? []));
        const maxId = Number(backupDb.read((d) => d.exec('SELECT coalesce(max(id), 0) FROM review_queue')[0].values[0][0]));
        const library = rows(backupDb, 'SELECT * FROM hash_library ORDER BY id') ===
            rows(liveDb, 'SELECT * FROM hash_library ORDER BY id');
        const queueSql = `SELECT * FROM review_queue WHERE id <= ${maxId} ORDER BY id`;
        const queue = rows(backupDb, queueSql) === rows(liveDb, queueSql);
        const count = (db, t) => Number(db.read((d) => d.exec(`SELECT count(*) FROM ${t}`)[0].values[0][0]));
        return {
            ok: library && queue,
            detail: `hash_library ${library ? 'identical' : 'DIFFERENT'} (${count(liveDb, 'hash_library')} rows); the backup's ${count(backupDb, 'review_queue')} review-queue rows ${queue ? 'all present, unchanged' : 'DIFFER'}`,
        };
    }
    finally {
        backupDb.close();
        liveDb.close();
    }
}
const DEMO_EXIT = { ok: exit_codes/* ExitCode */.y.ok, failed: exit_codes/* ExitCode */.y.failed };


/***/ }),

/***/ 9538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ freePort)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const port = server.address().port;
            server.close(() => {
                resolve(port);
            });
        });
    });
}


/***/ }),

/***/ 1742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ buildRolloutDeps)
/* harmony export */ });
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7488);
/* harmony import */ var _deploy_deps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2919);
/* harmony import */ var _notify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7786);
/* harmony import */ var _commands_monitor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(215);
/* harmony import */ var _monitor_ports_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4487);





/** Builds the real adapters a rollout needs, for both front ends. */
function buildRolloutDeps(input) {
    // Before the log is opened: a channel that cannot be built is exit 2 before anything is done.
    (0,_notify_js__WEBPACK_IMPORTED_MODULE_2__/* .checkChannelsBeforeSending */ .AE)(input.config, input.dryRun);
    const log = (0,_deploy_deps_js__WEBPACK_IMPORTED_MODULE_1__/* .openOperationLog */ .aG)('deploy', input.config, input.logDir, input.clock, input.sinks);
    const runtime = {
        clock: input.clock,
        cwd: input.cwd,
        env: input.env,
        interactive: input.interactive,
        logDir: input.logDir,
    };
    const deploy = (0,_deploy_deps_js__WEBPACK_IMPORTED_MODULE_1__/* .buildDeployDeps */ .IC)({
        ...runtime,
        config: input.config,
        log,
        dryRun: input.dryRun,
        withBackups: true,
    });
    const portRuntime = { ...runtime, logger: log.logger };
    return {
        clock: input.clock,
        deploy,
        notifier: input.dryRun
            ? { port: null, unavailable: 'dry-run: nothing is sent' }
            : (0,_commands_monitor_js__WEBPACK_IMPORTED_MODULE_3__/* .tryPort */ .bh)(() => (0,_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createNotifierFor */ .Qm)(input.config, portRuntime)),
        rollback: (0,_commands_monitor_js__WEBPACK_IMPORTED_MODULE_3__/* .tryPort */ .bh)(() => (0,_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createRollbackRunnerFor */ .Q4)(input.config, portRuntime)),
        monitorPorts: (0,_monitor_ports_js__WEBPACK_IMPORTED_MODULE_4__/* .monitorPorts */ .Br)(input.config, runtime),
        metrics: (0,_monitor_ports_js__WEBPACK_IMPORTED_MODULE_4__/* .metricSources */ .p8)(),
        sinks: input.sinks,
        env: input.env,
    };
}


/***/ })

} };
})
