"use strict";
(function (__dhashImportMetaUrl) {
return { id: 682, ids: [682], modules: {

/***/ 2682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerDeploy: () => (/* binding */ registerDeploy),
/* harmony export */   renderDeploy: () => (/* binding */ renderDeploy)
/* harmony export */ });
/* harmony import */ var _wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2919);
/* harmony import */ var _commands_deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3839);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6309);
/* harmony import */ var _runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5291);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8118);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);
/* harmony import */ var _terminal_progress_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9338);








const HELP = `
Order: backup (--backup-first) \u2192 stage the release \u2192 migrate \u2192 switch and restart \u2192 wait for
health (then quick smoke checks) \u2192 prune old releases. When a step fails, everything done so far
is undone in reverse order (previous release back, down migrations or the database put back as
it was) and a deployment_failure notification is sent. Holds the environment lock throughout.
Release: --release, else $DHASH_RELEASE, else the newest release staged in <target root>/releases
(the plan and the log say which one and why).
Log: monitor_logs/deploy_<env>_<YYYYMMDD_HHMMSS>_<run id>.log (JSON lines). On a terminal: one line
per step and a spinner while waiting; in CI (no terminal) the log lines as they are written.

--dry-run resolves and checks the release, applies the pending migrations inside a transaction
that is rolled back, and prints the plan; it changes nothing on the target and sends nothing.

Exit codes: 0 deployed (or already live, or a clean dry-run), 1 a step failed and everything was
undone, 2 bad flags/config/release (no release found, a badly named migration), 4 refused
(environment locked, edited migration), 12 a step failed and the undo did not complete (look at
the log). Every message and code: docs/errors.md in the source repository.`;
function registerDeploy(program, io) {
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_5__/* .addConfigOptions */ .S0)(program
        .command('deploy')
        .description('Deploy a release: backup, migrate, switch, restart, health; undo everything on failure.')
        .option('-r, --release <dir|archive>', 'release directory (release.json, server.js, migrations/) or a .zip/.tar.gz of one (default: $DHASH_RELEASE, else the newest staged release)')
        .option('--backup-first', 'take a backup before changing anything; the undo can restore the database from it')
        .option('--dry-run', 'print the plan and prove the migrations apply; change nothing')
        .option('--skip-health-check', 'do not wait for /health after the switch')
        .option('--skip-validation', 'wait for /health but skip the quick smoke checks')
        .option('--deployment-id <id>', 'id shared by logs and notifications (default: derived from the run)')
        .option('--log-dir <dir>', 'directory for the deploy log', 'monitor_logs')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_5__/* .loadFromFlags */ .q8)(flags, io);
        // The seed runbook's `./scripts/deploy_dhash.sh --env production [--dry-run]` names no
        // release: it comes from DHASH_RELEASE, else it is the newest staged one.
        const release = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseChoiceFor */ .eg)(flags.release, io.env, config, io.cwd);
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .logDir */ .mw)(io.cwd, flags.logDir);
        const terminal = (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .showsProgress */ .Mo)(io, flags.json)
            ? new _terminal_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .TerminalProgress */ .G('deploy', io.stderr, io.clock, flags.verbose ? 'DEBUG' : 'WARN')
            : null;
        const sinks = terminal
            ? [terminal.sink]
            : !flags.json || flags.verbose
                ? [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .consoleLevel */ .sr)(io, flags.verbose, 'INFO'), io.stderr)]
                : [];
        const log = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_0__/* .openOperationLog */ .aG)('deploy', config, dir, io.clock, sinks);
        const deploymentId = flags.deploymentId ?? (0,_runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_3__/* .newDeploymentId */ .X)(config.envName, io.clock.now(), io.env);
        const deps = (0,_wiring_deploy_deps_js__WEBPACK_IMPORTED_MODULE_0__/* .buildDeployDeps */ .IC)({
            config,
            clock: io.clock,
            cwd: io.cwd,
            env: io.env,
            interactive: (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .isInteractive */ .b4)(io),
            logDir: dir,
            log,
            dryRun: flags.dryRun === true,
            withBackups: true,
        });
        if (flags.skipValidation || flags.skipHealthCheck)
            deps.validator = null;
        deps.signal = io.signal; // SIGINT/SIGTERM: stop between steps and undo (src/runtime/interrupt.ts)
        if (terminal)
            deps.progress = terminal;
        if (release.reason !== '--release')
            log.logger.info(`release ${release.path}: from ${release.reason}`);
        const result = await (0,_commands_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .deployCommand */ .Jp)({
            config,
            release: release.path,
            releaseReason: release.reason,
            backupFirst: flags.backupFirst === true,
            dryRun: flags.dryRun === true,
            skipHealthCheck: flags.skipHealthCheck === true,
            deploymentId,
        }, deps).finally(() => terminal?.close());
        if (flags.json)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .print */ .yy)(io, JSON.stringify(result, null, 2));
        else
            (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .print */ .yy)(io, renderDeploy(result));
        io.exitCode = result.exitCode;
    });
}
function renderDeploy(result) {
    const lines = [];
    const title = result.dryRun
        ? `Deploy plan (dry-run, nothing changed)`
        : result.ok
            ? 'Deployed'
            : 'Deploy FAILED';
    lines.push(`${title}: release ${result.release} \u2192 ${result.environment} (${result.target})`);
    if (result.releaseReason && result.releaseReason !== '--release')
        lines.push(`  release: ${result.releasePath} (from ${result.releaseReason})`);
    lines.push(`  deployment id: ${result.deploymentId}`);
    lines.push(`  live before: ${result.previousRelease ?? 'none'}   live now: ${result.liveRelease ?? 'none'}`);
    lines.push(`  migrations: ${result.migrations.database}, schema version ${result.migrations.currentVersion} \u2192 ${result.migrations.targetVersion}`);
    if (result.migrations.pending.length)
        lines.push(`    pending: ${result.migrations.pending.map((m) => `${m.version} ${m.name}`).join(', ')}`);
    else
        lines.push('    pending: none');
    if (result.migrations.dryRun)
        lines.push(`    dry-run: ${result.migrations.dryRun.ok ? '\u2714' : '\u2718'} ${result.migrations.dryRun.detail}`);
    lines.push('  steps:');
    // A failure's whole text (a crash's stderr lines) is printed once, under "error".
    for (const s of result.steps)
        lines.push(`    ${mark(s.status)} ${s.step.padEnd(8)} ${(0,_commands_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(s.detail)}`);
    if (result.undo.length) {
        lines.push('  undo:');
        for (const u of result.undo)
            lines.push(`    ${mark(u.status)} ${u.step.padEnd(8)} ${(0,_commands_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(u.detail)}`);
    }
    if (result.backupPath)
        lines.push(`  backup: ${result.backupPath}`);
    if (result.lockHeldBy)
        lines.push(`  note: the environment is locked right now by ${result.lockHeldBy}; a real deploy would be refused`);
    if (result.notification)
        lines.push(`  notification: ${result.notification}`);
    if (result.error)
        lines.push(`  error: ${result.error}`);
    if (!result.ok && !result.dryRun)
        lines.push(result.exitCode === 12
            ? '  next: the undo did not complete; look at the log, put the live release right by hand (or with rollback), then deploy again'
            : '  next: everything was undone; read the error above and the log, fix the release and deploy again');
    if (result.logPath)
        lines.push(`  log: ${result.logPath}`);
    return lines.join('\n');
}
function mark(status) {
    return status === 'done' ? '\u2714' : status === 'failed' ? '\u2718' : status === 'planned' ? '\u2192' : '-';
}


/***/ }),

/***/ 9338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ TerminalProgress),
/* harmony export */   q: () => (/* binding */ RedrawnLine)
/* harmony export */ });
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8118);

const FRAMES = ['\u280b', '\u2819', '\u2839', '\u2838', '\u283c', '\u2834', '\u2826', '\u2827', '\u2807', '\u280f'];
const MARKS = { started: '\u2026', done: '\u2714', failed: '\u2718', skipped: '-' };
/**
 * Deploy and migrate on a terminal, in the style of `rollout`: one line per finished step with
 * its time, and one redrawn spinner line (elapsed seconds, latest news) while a step or a wait is
 * running. Warnings and errors from the log come through `sink`, printed above the spinner.
 * Only for a TTY: in CI the log's lines are printed as they are.
 */
class TerminalProgress {
    command;
    stream;
    clock;
    minLevel;
    running = new Map();
    waiting = null;
    timer = null;
    frame = 0;
    drawn = false;
    constructor(command, stream, clock, minLevel = 'WARN') {
        this.command = command;
        this.stream = stream;
        this.clock = clock;
        this.minLevel = minLevel;
    }
    /**
     * Log records at `minLevel` and above, printed as plain lines above the spinner; records of a
     * step (they carry a `step` field) are already shown by the step lines.
     */
    sink = {
        write: (record) => {
            if (_runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__/* .LOG_LEVELS */ .p_.indexOf(record.level) < _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__/* .LOG_LEVELS */ .p_.indexOf(this.minLevel))
                return;
            if (record.step !== undefined && this.minLevel !== 'DEBUG')
                return;
            const mark = record.level === 'WARN' ? '\u26a0' : record.level === 'DEBUG' || record.level === 'INFO' ? ' ' : '\u2718';
            this.printLine(`${this.time()} ${mark} ${record.message}`);
        },
    };
    step(event) {
        if (event.status === 'started') {
            this.running.set(event.step, this.clock.now());
            this.animate();
            return;
        }
        const since = this.running.get(event.step);
        this.running.delete(event.step);
        if (!this.running.size && !this.waiting)
            this.stopAnimation();
        const took = since === undefined ? '' : ` (${seconds(this.clock.now() - since)})`;
        const detail = event.detail ? ` ${event.detail}` : '';
        this.printLine(`${this.time()} ${MARKS[event.status]} ${this.command} ${event.step}:${detail}${took}`);
    }
    wait(label) {
        const entry = { label, detail: '', since: this.clock.now() };
        this.waiting = entry;
        this.animate();
        return {
            update: (detail) => {
                entry.detail = detail;
            },
            end: () => {
                if (this.waiting === entry)
                    this.waiting = null;
                this.clear();
                if (!this.running.size && !this.waiting)
                    this.stopAnimation();
            },
        };
    }
    /** Removes the spinner line for good (before the final summary is printed). */
    close() {
        this.stopAnimation();
    }
    animate() {
        if (!this.timer) {
            this.timer = setInterval(() => {
                this.draw();
            }, 100);
            this.timer.unref();
        }
        this.draw();
    }
    stopAnimation() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        this.clear();
    }
    draw() {
        const spinner = FRAMES[this.frame++ % FRAMES.length];
        const now = this.clock.now();
        let text;
        if (this.waiting) {
            const news = this.waiting.detail ? ` \u00b7 ${this.waiting.detail}` : '';
            text = `${spinner} ${this.waiting.label} \u00b7 ${seconds(now - this.waiting.since)}${news}`;
        }
        else {
            const [step, since] = [...this.running.entries()].at(-1) ?? ['', now];
            text = `${spinner} ${this.command} ${step} \u00b7 ${seconds(now - since)}`;
        }
        const width = this.stream.columns ?? 120;
        this.stream.write(`\r\x1b[2K${text.length > width - 1 ? `${text.slice(0, width - 2)}\u2026` : text}`);
        this.drawn = true;
    }
    clear() {
        if (this.drawn)
            this.stream.write('\r\x1b[2K');
        this.drawn = false;
    }
    printLine(text) {
        this.clear();
        this.stream.write(`${text}\n`);
        if (this.timer)
            this.draw();
    }
    time() {
        return new Date(this.clock.now()).toISOString().slice(11, 19);
    }
}
/**
 * One status line redrawn in place (monitor and rollout on a terminal); `end` moves below it, if
 * anything was drawn, so the next line does not overwrite it.
 */
class RedrawnLine {
    stream;
    drawn = false;
    constructor(stream) {
        this.stream = stream;
    }
    draw(text) {
        this.stream.write(`\r\x1b[2K${text}`);
        this.drawn = true;
    }
    end() {
        if (this.drawn)
            this.stream.write('\n');
        this.drawn = false;
    }
}
function seconds(ms) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}


/***/ }),

/***/ 5291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ newDeploymentId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6002);


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
