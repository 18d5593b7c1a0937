"use strict";
(function (__dhashImportMetaUrl) {
return { id: 491, ids: [491], modules: {

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

/***/ 40051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ rolloutCommand)
/* harmony export */ });
/* unused harmony export ROLLOUT_EXIT_CODES */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98313);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93839);
/* harmony import */ var _monitor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80305);
/* harmony import */ var _smoke_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(79831);
/* harmony import */ var _rollback_target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(11592);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86309);
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

/***/ 81742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ buildRolloutDeps)
/* harmony export */ });
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7488);
/* harmony import */ var _deploy_deps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72919);
/* harmony import */ var _notify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17786);
/* harmony import */ var _commands_monitor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80305);
/* harmony import */ var _monitor_ports_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86770);





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
