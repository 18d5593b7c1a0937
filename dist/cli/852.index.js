export const id = 852;
export const ids = [852,309];
export const modules = {

/***/ 4852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerRollout: () => (/* binding */ registerRollout),
/* harmony export */   renderRollout: () => (/* binding */ renderRollout)
/* harmony export */ });
/* harmony import */ var _commands_monitor_front_end_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4620);
/* harmony import */ var _commands_rollout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51);
/* harmony import */ var _wiring_rollout_deps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1742);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6309);
/* harmony import */ var _runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5291);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8118);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1604);








const HELP = `
Steps, in order: backup → migrate → deploy (switch, restart, health) → smoke → monitor with
automatic rollback. A failed step is undone; failed smoke checks restore the backup just taken;
a failing auto_rollback gate during the window rolls back to it as well. One deployment id is
shared by every log, notification, evidence file and output.

Logs (monitor_logs/ unless --log-dir): deploy_<env>_<ts>.log, smoke_tests_<env>_<ts>.log,
dhash_<env>_<ts>.log with .evidence.json and .report.html beside it.

Exit codes: 0 passed, 10 alerted (alert-only gates breached), 11 rolled back, 12 rollback failed,
2 bad flags or config, 4 refused (environment locked), 3 internal error.`;
function registerRollout(program, io) {
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .addConfigOptions */ .S0)(program
        .command('rollout')
        .description('Guarded rollout end to end: backup, migrate, deploy, smoke, then monitor with automatic rollback.')
        .requiredOption('-r, --release <dir|archive>', 'release directory (release.json, server.js, migrations/) or a .zip/.tar.gz of one')
        .option('--dry-run', 'resolve and check everything, prove the migrations apply, print the plan; change nothing, send nothing')
        .option('--window-minutes <n>', 'override monitoring.window_minutes')
        .option('--deployment-id <id>', 'id shared by logs, notifications and evidence (default: derived from the run)')
        .option('--log-dir <dir>', 'directory for logs, evidence and the report', 'monitor_logs')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .loadFromFlags */ .q8)(flags, io);
        const windowMinutes = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .windowMinutesFlag */ .GS)(flags.windowMinutes, config);
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .logDir */ .mw)(io.cwd, flags.logDir);
        const tty = (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .showsProgress */ .Mo)(io, flags.json);
        const deps = (0,_wiring_rollout_deps_js__WEBPACK_IMPORTED_MODULE_2__/* .buildRolloutDeps */ .a)({
            config,
            clock: io.clock,
            cwd: io.cwd,
            env: io.env,
            interactive: (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .isInteractive */ .b4)(io),
            logDir: dir,
            dryRun: flags.dryRun === true,
            sinks: flags.json
                ? []
                : [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_5__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .consoleLevel */ .sr)(io, flags.verbose, tty ? 'WARN' : 'INFO'), io.stderr)],
        });
        let progressShown = false;
        const result = await (0,_commands_rollout_js__WEBPACK_IMPORTED_MODULE_1__/* .rolloutCommand */ .t)({
            config,
            release: flags.release,
            dryRun: flags.dryRun === true,
            deploymentId: flags.deploymentId ?? (0,_runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_4__/* .newDeploymentId */ .X)(config.envName, io.clock.now(), io.env),
            logDir: dir,
            windowMinutes,
            cwd: io.cwd,
        }, {
            ...deps,
            signal: io.signal,
            onStage: (s) => {
                if (progressShown)
                    io.stderr.write('\n');
                progressShown = false;
                if (!flags.json)
                    io.stderr.write(`${s.endedAt} rollout ${s.stage}: ${s.status} — ${s.detail}\n`);
            },
            onProgress: tty
                ? (p) => {
                    progressShown = true;
                    io.stderr.write(`\r\x1b[2K${(0,_commands_monitor_front_end_js__WEBPACK_IMPORTED_MODULE_0__/* .progressLine */ .o)(p)}`);
                }
                : undefined,
        });
        if (progressShown)
            io.stderr.write('\n');
        io.exitCode = result.exitCode;
        (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, flags.json ? JSON.stringify(result, null, 2) : renderRollout(result));
    });
}
function renderRollout(result) {
    const headline = {
        passed: 'PASSED',
        alerted: 'ALERTED',
        rolled_back: 'ROLLED BACK',
        rollback_failed: 'ROLLBACK FAILED',
        inconclusive: 'INCONCLUSIVE (no verdict; not a success)',
        interrupted: 'INTERRUPTED',
        preempted: 'PREEMPTED by a manual rollback',
        dry_run: 'DRY RUN (nothing changed)',
    };
    const lines = [
        `Rollout of ${result.release} to ${result.environment}: ${headline[result.outcome]} — ${result.reason}`,
        `  deployment id: ${result.deploymentId}`,
        `  live before: ${result.previousRelease ?? 'none'}   live now: ${result.liveRelease ?? 'none'}`,
    ];
    if (result.backupPath)
        lines.push(`  backup: ${result.backupPath}`);
    for (const s of result.stages)
        lines.push(`  ${s.endedAt}  ${s.stage.padEnd(8)} ${s.status.padEnd(7)} ${s.detail}`);
    if (result.monitor?.gates?.length) {
        lines.push('  gates at the end:');
        for (const g of result.monitor.gates)
            lines.push(`    - ${g.gate}: ${g.verdict} — ${g.reason}`);
    }
    if (result.monitor?.rollbackCommand)
        lines.push(`  rollback needs confirmation; run: ${result.monitor.rollbackCommand}`);
    if (result.monitor?.reportPath)
        lines.push(`  report: ${result.monitor.reportPath}`);
    if (result.deploy.logPath)
        lines.push(`  deploy log: ${result.deploy.logPath}`);
    if (result.smoke)
        lines.push(`  smoke log: ${result.smoke.logPath}`);
    if (result.monitor && !result.monitor.dryRun)
        lines.push(`  monitor log: ${result.monitor.logPath}`);
    return lines.join('\n');
}


/***/ }),

/***/ 51:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ rolloutCommand)
/* harmony export */ });
/* unused harmony export ROLLOUT_EXIT_CODES */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8313);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3839);
/* harmony import */ var _monitor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6818);
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


/***/ }),

/***/ 1742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ buildRolloutDeps)
/* harmony export */ });
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7488);
/* harmony import */ var _commands_deploy_backup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1002);
/* harmony import */ var _deploy_deps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(337);
/* harmony import */ var _notify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7786);
/* harmony import */ var _commands_monitor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6818);
/* harmony import */ var _commands_monitor_front_end_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4620);






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
