export const id = 288;
export const ids = [288];
export const modules = {

/***/ 39288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rolloutAction: () => (/* binding */ rolloutAction)
/* harmony export */ });
/* harmony import */ var _config_bounds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(749);
/* harmony import */ var _log_sink_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2990);
/* harmony import */ var _domain_messages_compose_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8969);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _commands_rollout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40051);
/* harmony import */ var _wiring_rollout_deps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81742);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86309);
/* harmony import */ var _report_job_summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5236);
/* harmony import */ var _runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(15291);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9541);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(81729);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(38037);












/** Inputs: environment, config, release, dry-run, window-minutes, deployment-id, log-dir, base-url. */
const rolloutAction = async (ctx) => {
    const config = ctx.loadConfig();
    const release = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .optionalInput */ .$m)(ctx.core, 'release');
    if (!release)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .eb('input "release": required for command rollout (a release directory or archive)');
    const rawWindow = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .optionalInput */ .$m)(ctx.core, 'window-minutes');
    const windowMinutes = rawWindow === undefined ? undefined : Number(rawWindow);
    const windowProblem = rawWindow === undefined
        ? null
        : (0,_config_bounds_js__WEBPACK_IMPORTED_MODULE_0__/* .windowOverrideProblem */ .yk)('input "window-minutes"', rawWindow, config.env.monitoring.poll_intervals);
    if (windowProblem)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .eb(windowProblem);
    const env = ctx.inputs.environmentVariables;
    const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__/* .logDir */ .mw)(ctx.inputs.workingDirectory, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .optionalInput */ .$m)(ctx.core, 'log-dir'));
    const runUrl = (0,_domain_messages_compose_js__WEBPACK_IMPORTED_MODULE_1__/* .githubRunUrl */ .Gk)(env);
    const deps = (0,_wiring_rollout_deps_js__WEBPACK_IMPORTED_MODULE_4__/* .buildRolloutDeps */ .a)({
        config,
        clock: ctx.clock,
        cwd: ctx.inputs.workingDirectory,
        env,
        interactive: false,
        logDir: dir,
        dryRun: ctx.inputs.dryRun,
        sinks: [new _log_sink_js__WEBPACK_IMPORTED_MODULE_10__/* .ActionLogSink */ .s(ctx.core, 'dhash rollout')],
    });
    const result = await (0,_commands_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .rolloutCommand */ .t)({
        config,
        release,
        dryRun: ctx.inputs.dryRun,
        deploymentId: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .optionalInput */ .$m)(ctx.core, 'deployment-id') ?? (0,_runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_7__/* .newDeploymentId */ .X)(config.envName, ctx.clock.now(), env),
        logDir: dir,
        windowMinutes,
        runUrl,
        cwd: ctx.inputs.workingDirectory,
    }, deps);
    const outputs = {
        result: result.outcome === 'dry_run' ? 'planned' : result.outcome,
        environment: result.environment,
        'deployment-id': result.deploymentId,
        'failed-gates': result.failedGates.join(','),
        'backup-path': result.backupPath ?? '',
        'report-path': result.monitor?.reportPath ?? '',
        'evidence-path': result.monitor?.evidencePath ?? '',
    };
    const headline = {
        passed: '✅ passed',
        alerted: '⚠️ alerted',
        rolled_back: '↩️ rolled back',
        rollback_failed: '🛑 rollback FAILED',
        inconclusive: '❔ INCONCLUSIVE (no verdict; not a success)',
        interrupted: '⏹️ interrupted',
        preempted: '⏭️ preempted by a manual rollback',
        dry_run: '📝 dry run',
    };
    const parts = [
        `## dhash-rollout rollout: ${headline[result.outcome]} — \`${result.release}\` to \`${result.environment}\``,
        `${result.reason} · deployment \`${result.deploymentId}\` · live before \`${result.previousRelease ?? 'none'}\`, now \`${result.liveRelease ?? 'none'}\``,
    ];
    // The monitoring verdict, gate table and chart come first; the stage table follows.
    if (result.monitor && !result.monitor.dryRun && result.monitor.evidencePath) {
        const evidence = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(result.monitor.evidencePath, 'utf8'));
        parts.push((0,_report_job_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .monitorSummaryMarkdown */ .uF)(evidence, { heading: '###' }));
    }
    parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_11__/* .table */ .tp)(['stage', 'status', 'ended', 'detail'], result.stages.map((s) => [s.stage, s.status, s.endedAt, s.detail])));
    const failure = result.outcome === 'rolled_back'
        ? `rollout of ${result.release} rolled back: ${result.reason}`
        : result.outcome === 'rollback_failed'
            ? `rollout of ${result.release} failed and the rollback did NOT complete: ${result.reason}`
            : result.outcome === 'inconclusive' || result.outcome === 'interrupted'
                ? `rollout of ${result.release} is not a success: ${result.reason}`
                : undefined;
    return { outputs, summary: parts.join('\n\n'), failure, exitCode: result.exitCode };
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

/***/ 40051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ rolloutCommand)
/* harmony export */ });
/* unused harmony export ROLLOUT_EXIT_CODES */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98313);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93839);
/* harmony import */ var _monitor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72636);
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
async function rolloutCommand(options, deps) {
    const { config, deploymentId } = options;
    const stages = [];
    const stage = (record) => {
        const done = { ...record, endedAt: new Date(deps.clock.now()).toISOString() };
        stages.push(done);
        deps.onStage?.(done);
        return done;
    };
    const now = () => new Date(deps.clock.now()).toISOString();
    // 1. backup → stage → migrate → switch → health: the deploy use-case, which undoes itself on failure.
    let started = now();
    const deploy = await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_2__/* .deployCommand */ .Jp)({
        config,
        release: options.release,
        backupFirst: true,
        dryRun: options.dryRun,
        skipHealthCheck: false,
        deploymentId,
    }, deps.deploy);
    // When the new release went live (deploy ends with it healthy), for the report's timeline.
    const deployedAt = deps.clock.now();
    const base = {
        environment: config.envName,
        deploymentId,
        release: deploy.release,
        previousRelease: deploy.previousRelease,
        backupPath: deploy.backupPath,
        deploy,
        failedGates: [],
    };
    if (options.dryRun) {
        stage({
            stage: 'deploy',
            status: 'planned',
            startedAt: started,
            detail: `would deploy ${deploy.release} (live: ${deploy.previousRelease ?? 'none'}; ${deploy.migrations.pending.length} pending migration(s), proven to apply)`,
        });
        stage({
            stage: 'smoke',
            status: 'planned',
            startedAt: now(),
            detail: `would run the smoke checks against ${config.env.service.base_url}`,
        });
        started = now();
        const monitor = await (0,_monitor_js__WEBPACK_IMPORTED_MODULE_3__/* .runMonitor */ .aU)({
            config,
            dryRun: true,
            windowMinutes: options.windowMinutes,
            logDir: options.logDir,
            deploymentId,
            version: deploy.release,
            runUrl: options.runUrl,
        }, { clock: deps.clock, ports: deps.monitorPorts, sinks: deps.sinks, env: deps.env });
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
            stages,
            monitor,
        };
    }
    if (!deploy.ok) {
        const undone = deploy.exitCode !== _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .y.rollbackFailed;
        stage({
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
            stages,
        };
    }
    if (deploy.previousRelease === deploy.release) {
        stage({
            stage: 'deploy',
            status: 'skipped',
            startedAt: started,
            detail: `release ${deploy.release} is already live`,
        });
    }
    else {
        stage({
            stage: 'deploy',
            status: 'done',
            startedAt: started,
            detail: `release ${deploy.release} is live (was ${deploy.previousRelease ?? 'none'}); backup ${deploy.backupPath ?? 'none'}`,
        });
    }
    // 2. Full smoke checks: a release that answers /health but cannot hash never reaches monitoring.
    started = now();
    const smoke = await (0,_smoke_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeCommand */ .b)(config, { quick: false, logDir: options.logDir, signal: deps.signal, extraSinks: deps.sinks }, { clock: deps.clock });
    const smokeSummary = { verdict: smoke.verdict, checks: smoke.checks, logPath: smoke.logPath };
    if (smoke.verdict.status === 'failed') {
        stage({ stage: 'smoke', status: 'failed', startedAt: started, detail: smoke.verdict.summary });
        const rollback = await rollBack(deps, config.envName, deploy.backupPath, deploymentId, `smoke checks failed after deploying ${deploy.release}: ${smoke.verdict.summary}`, now, stage);
        const outcome = rollback.ok ? 'rolled_back' : 'rollback_failed';
        return {
            ...base,
            outcome,
            exitCode: ROLLOUT_EXIT_CODES[outcome],
            liveRelease: rollback.live,
            reason: `smoke checks failed: ${smoke.verdict.summary}`,
            stages,
            smoke: smokeSummary,
        };
    }
    stage({ stage: 'smoke', status: 'done', startedAt: started, detail: smoke.verdict.summary });
    if (deps.signal?.aborted) {
        const reason = `interrupted by ${(0,_runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_7__/* .interruptionOf */ .nS)(deps.signal)?.signalName ?? 'a signal'} before monitoring; release ${deploy.release} is live and unwatched`;
        deps.deploy.logger.warn(reason);
        return {
            ...base,
            outcome: 'interrupted',
            exitCode: interruptedExit(deps.signal),
            liveRelease: deploy.liveRelease,
            reason,
            stages,
            smoke: smokeSummary,
        };
    }
    // 3. The monitoring window, with automatic rollback on a failing auto_rollback gate. The
    // rollback restores exactly the backup deploy took before changing anything.
    const record = options.cwd ? (0,_rollback_target_js__WEBPACK_IMPORTED_MODULE_5__/* .readPreDeployRecord */ .G_)(config, options.cwd) : null;
    const rollbackTo = deploy.backupPath
        ? {
            kind: 'backup',
            path: deploy.backupPath,
            sha256: record && record.backup === deploy.backupPath ? record.sha256 : undefined,
        }
        : undefined;
    started = now();
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
        ports: deps.monitorPorts,
        sinks: deps.sinks,
        onProgress: deps.onProgress,
        env: deps.env,
        signal: deps.signal,
    });
    const outcome = monitor.result;
    stage({
        stage: 'monitor',
        status: outcome === 'passed' || outcome === 'alerted' ? 'done' : 'failed',
        startedAt: started,
        detail: `${outcome}${monitor.failedGates.length ? ` (gates: ${monitor.failedGates.join(', ')})` : ''}; report ${monitor.reportPath}`,
    });
    if (monitor.rollback) {
        stage({
            stage: 'rollback',
            status: monitor.rollback.ok ? 'done' : 'failed',
            startedAt: new Date(monitor.rollback.startedAt).toISOString(),
            detail: monitor.rollback.ok
                ? `restored ${monitor.rollback.restored ?? monitor.rollback.backup}; ${monitor.rollback.validation?.detail ?? ''}`
                : `FAILED: ${monitor.rollback.error}`,
        });
    }
    const liveRelease = await deps.deploy.target.currentRelease().catch(() => null);
    if (outcome === 'passed' || outcome === 'alerted') {
        await sendEnding(deps, {
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
    // An inconclusive window is not a success: the monitor announced it as such; nothing more here.
    const reason = outcome === 'passed'
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
    return {
        ...base,
        outcome,
        exitCode: outcome === 'interrupted' ? monitor.exitCode : ROLLOUT_EXIT_CODES[outcome],
        liveRelease,
        reason,
        stages,
        smoke: smokeSummary,
        monitor,
        failedGates: monitor.failedGates,
    };
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


/***/ }),

/***/ 5236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZX: () => (/* binding */ gateTableMarkdown),
/* harmony export */   uF: () => (/* binding */ monitorSummaryMarkdown)
/* harmony export */ });
/* unused harmony exports STATUS_ICON, verdictLine, verdictFacts, gateViewTableMarkdown, mermaidGateChart, mermaidChart */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12011);
/* harmony import */ var _scales_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4751);
/* harmony import */ var _view_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15917);



/**
 * The report's story in GitHub-flavoured Markdown for the job summary: the verdict and its
 * numbers, the table of gates, and the deciding gate's series as a Mermaid `xychart-beta`. It
 * renders the same view as the HTML report, so both always agree.
 */
const VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };
const STATUS_ICON = {
    failed: '❌',
    breached: '⚠️',
    inconclusive: '❔',
    passed: '✅',
    'not measured': '➖',
};
function cell(v) {
    return String(v ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, ' ');
}
const code = (text) => `\`${text.replace(/`/g, "'")}\``;
/** The gate table of a dry-run probe (one reading per gate, no series). */
function gateTableMarkdown(gates) {
    const rows = gates.map((g) => `| ${g.gate} | ${VERDICT_ICON[g.verdict] ?? ''} ${g.verdict} | ${cell((0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(g.value, g.unit))} | > ${cell((0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(g.threshold, g.unit))} | ${cell(g.reason)} |`);
    return [
        '| gate | verdict | value | breach when | reason |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
    ].join('\n');
}
/** `↩️ **Rolled back**: 3.0.0 → 2.0.0 on demo`. */
function verdictLine(view) {
    const { watched, before, liveAfter } = view.release;
    const o = view.outcome;
    const release = o.kind === 'rolled_back'
        ? `${watched ? code(watched) : 'the release'} → ${liveAfter ? `${code(liveAfter)} live again` : 'the backup restored'}`
        : o.kind === 'rollback_failed'
            ? `${watched ? code(watched) : 'the release'}, live release unknown${before ? ` (was ${code(before)})` : ''}`
            : `${watched ? code(watched) : 'the release'}${before ? ` (before: ${code(before)})` : ''}`;
    return `${o.emoji} **${o.words}**: ${release} on ${code(view.environment)}`;
}
/** The facts under the verdict, one bullet each: deciding gate(s), detection, rollback, window. */
function verdictFacts(view) {
    const facts = [view.outcome.sentence];
    for (const d of view.deciding)
        facts.push(`Deciding gate ${code(d.gate)}: ${d.summary}`);
    if (view.decidedAt !== null && view.detectionMs !== null)
        facts.push(`Detected ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(view.detectionMs)} after ${view.deployKnown ? 'deploy' : 'monitoring started'} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(view.decidedAt)} UTC)`);
    if (view.rollback)
        facts.push(`Rollback ${view.rollback.ok ? 'took' : '**FAILED** after'} ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(view.rollback.durationMs)}${view.rollback.validation ? `; ${view.rollback.validation}` : ''}${view.rollback.error ? `; ${view.rollback.error}` : ''}`);
    if (view.rollbackCommand)
        facts.push(`Rollback needs confirmation: ${code(view.rollbackCommand)}`);
    facts.push(`Window ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(view.startedAt)}–${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(view.endedAt)} UTC ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .utcDate */ .HB)(view.startedAt)} · ${view.polls} of ${view.plannedPolls} polls · deployment ${code(view.deploymentId)}`);
    return facts;
}
/** Every gate of the run: status, last, threshold, worst, polls in breach, inconclusive polls. */
function gateViewTableMarkdown(view) {
    const rows = view.gates.map((g) => {
        const value = (p) => (p ? cell((0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(p.value, g.unit)) : '—');
        return `| ${g.deciding ? `**${g.gate}**` : g.gate} | ${STATUS_ICON[g.status]} ${g.status}${g.deciding ? ' (deciding)' : ''} | ${value(g.last)} | > ${cell((0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(g.threshold, g.unit))}${g.windowMinutes !== null ? ` over ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatWindow */ .A4)(g.windowMinutes)}` : ''} | ${value(g.worst)} | ${g.pollsInBreach}/${g.polls} | ${g.pollsInconclusive}/${g.polls} |`;
    });
    return [
        '| gate | status | last | breach when | worst | polls in breach | inconclusive polls |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
    ].join('\n');
}
/** Keeps at most `max` points, always the first, the last and the worst. */
function thin(points, max) {
    if (points.length <= max)
        return points;
    let worst = 0;
    points.forEach((p, i) => {
        if ((p.value ?? -Infinity) > (points[worst].value ?? -Infinity))
            worst = i;
    });
    const keep = new Set([0, points.length - 1, worst]);
    const step = (points.length - 1) / (max - 1);
    for (let i = 0; keep.size < max && i < max; i++)
        keep.add(Math.round(i * step));
    return points.filter((_, i) => keep.has(i));
}
/**
 * The focus gate's series as a Mermaid xychart: its readings (x: UTC clock time) and the
 * threshold as a second, flat line. Readings without a value cannot be drawn by Mermaid; the
 * note under the chart counts them.
 */
function mermaidGateChart(view, gate = view.focus) {
    if (!gate)
        return '';
    const valued = thin(gate.points.filter((p) => p.value !== null && (gate.gate === 'health' || p.kind === 'poll')), 40);
    if (valued.length === 0)
        return `_${gate.gate}: no value was measured in the window._`;
    const { top } = (0,_scales_js__WEBPACK_IMPORTED_MODULE_0__/* .valueTicks */ .Ow)(Math.max(gate.threshold * 1.25, ...valued.map((p) => p.value * 1.08)), 5);
    const unit = gate.unit.replace(/"/g, "'");
    const role = gate.deciding
        ? 'deciding gate'
        : view.deciding.length === 0
            ? 'gate nearest its threshold'
            : 'gate';
    const noData = gate.points.filter((p) => p.value === null).length;
    const breaches = gate.points.filter((p) => p.verdict === 'warn' || p.verdict === 'fail');
    const description = `_${gate.gate} (${role}) over time, UTC ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .utcDate */ .HB)(valued[0].at)}: first line its value in ${gate.unit}, second line the threshold ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(gate.threshold, gate.unit)}. ${breaches.length ? `In breach ${breaches.length}× from ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(breaches[0].at)}, worst ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(gate.worst?.value ?? null, gate.unit)}.` : `Never in breach; worst ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(gate.worst?.value ?? null, gate.unit)}.`}${noData ? ` ${noData} reading(s) without data are not drawn.` : ''}_`;
    return [
        description,
        '',
        '```mermaid',
        'xychart-beta',
        `    title "${gate.gate} (${unit}) - threshold ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatNumber */ .ZV)(gate.threshold)}"`,
        `    x-axis "UTC" [${valued.map((p) => `"${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(p.at)}"`).join(', ')}]`,
        `    y-axis "${unit}" 0 --> ${top}`,
        `    line [${valued.map((p) => Number(p.value.toFixed(3))).join(', ')}]`,
        `    line [${valued.map(() => gate.threshold).join(', ')}]`,
        '```',
    ].join('\n');
}
/** The whole job summary section of one monitoring run, from its evidence. */
function monitorSummaryMarkdown(ev, options = {}) {
    const view = (0,_view_model_js__WEBPACK_IMPORTED_MODULE_1__/* .buildReportView */ .U)(ev);
    const heading = options.heading ?? '##';
    return [
        `${heading} ${verdictLine(view)}`,
        verdictFacts(view)
            .map((f) => `- ${f}`)
            .join('\n'),
        gateViewTableMarkdown(view),
        mermaidGateChart(view),
    ]
        .filter(Boolean)
        .join('\n\n');
}
/** Kept for callers of the first version: the deciding gate's chart of an evidence file. */
function mermaidChart(ev) {
    return mermaidGateChart(buildReportView(ev));
}


/***/ }),

/***/ 81742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ buildRolloutDeps)
/* harmony export */ });
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7488);
/* harmony import */ var _commands_deploy_backup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61002);
/* harmony import */ var _deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10337);
/* harmony import */ var _notify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17786);
/* harmony import */ var _commands_monitor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72636);
/* harmony import */ var _commands_monitor_front_end_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(44620);






/** Builds the real adapters a rollout needs, for both front ends. */
function buildRolloutDeps(input) {
    // Before the log is opened: a channel that cannot be built is exit 2 before anything is done.
    (0,_notify_js__WEBPACK_IMPORTED_MODULE_3__/* .checkChannelsBeforeSending */ .AE)(input.config, input.dryRun);
    const log = (0,_deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__/* .openOperationLog */ .a)('deploy', input.config, input.logDir, input.clock, input.sinks);
    const runtime = {
        clock: input.clock,
        cwd: input.cwd,
        env: input.env,
        interactive: input.interactive,
        logDir: input.logDir,
    };
    const deploy = (0,_deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__/* .buildDeployDeps */ .I)({
        ...runtime,
        config: input.config,
        log,
        dryRun: input.dryRun,
        backup: (0,_commands_deploy_backup_js__WEBPACK_IMPORTED_MODULE_1__/* .backupForDeploy */ .D)(input.config, { ...runtime, logger: log.logger }),
        restoreDatabase: (0,_commands_deploy_backup_js__WEBPACK_IMPORTED_MODULE_1__/* .databaseRestoreForDeploy */ .a)(input.config, { ...runtime, logger: log.logger }),
    });
    const portRuntime = { ...runtime, logger: log.logger };
    return {
        clock: input.clock,
        deploy,
        notifier: input.dryRun
            ? { port: null, unavailable: 'dry-run: nothing is sent' }
            : (0,_commands_monitor_js__WEBPACK_IMPORTED_MODULE_4__/* .tryPort */ .bh)(() => (0,_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createNotifierFor */ .Qm)(input.config, portRuntime)),
        rollback: (0,_commands_monitor_js__WEBPACK_IMPORTED_MODULE_4__/* .tryPort */ .bh)(() => (0,_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createRollbackRunnerFor */ .Q4)(input.config, portRuntime)),
        monitorPorts: (0,_commands_monitor_front_end_js__WEBPACK_IMPORTED_MODULE_5__/* .portsFrom */ .B)({ createNotifierFor: _index_js__WEBPACK_IMPORTED_MODULE_0__/* .createNotifierFor */ .Qm, createRollbackRunnerFor: _index_js__WEBPACK_IMPORTED_MODULE_0__/* .createRollbackRunnerFor */ .Q4, createValidatorFor: _index_js__WEBPACK_IMPORTED_MODULE_0__/* .createValidatorFor */ .Sm }, input.config, runtime),
        sinks: input.sinks,
        env: input.env,
    };
}


/***/ })

};
