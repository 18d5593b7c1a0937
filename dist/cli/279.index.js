"use strict";
(function (__dhashImportMetaUrl) {
return { id: 279, ids: [279], modules: {

/***/ 7279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerMonitor: () => (/* binding */ registerMonitor)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _commands_monitor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(215);
/* harmony import */ var _commands_monitor_front_end_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4620);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6309);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8118);
/* harmony import */ var _wiring_monitor_ports_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4487);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1604);
/* harmony import */ var _terminal_progress_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9338);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9541);
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2262);











const HELP = `
Watches the service for monitoring.window_minutes: health every confirm interval, every gate at
each poll; alerts when a gate enters breach, and rolls back when an auto_rollback gate fails.
Writes monitor_logs/dhash_<env>_<YYYYMMDD_HHMMSS>.log (JSON lines), .evidence.json and .report.html.

Health runs on its own timer (check_interval_seconds, and confirm_interval_seconds while a failure
is being confirmed); the plan (--dry-run) prints the worst-case detection time and its formula.
A metric gate acts only after failure_limit breached readings in a row (default 2, the second a
fast re-check); a gate without data for too long makes the run inconclusive, never passed.

Exit codes: 0 passed \u00b7 10 alerted \u00b7 11 rolled back (validated, backup's release live) \u00b7
12 rollback failed \u00b7 13 inconclusive \u00b7 14 preempted by a manual rollback of the environment \u00b7 130/143 interrupted by SIGINT/SIGTERM (evidence and report
written; no rollback starts after the signal) \u00b7 2 bad flags or config.
--dry-run exits 0 even when the service is unreachable.

--release <version> is the old name of --version: still accepted in this release, with a warning
on stderr, and removed in the next (in deploy, rollout and migrate --release is a directory).

Examples:
  dhash-rollout monitor --env production --dry-run
  dhash-rollout monitor --env staging --dry-run --probe --base-url http://127.0.0.1:8081
  dhash-rollout monitor --env production --window-minutes 30`;
// eslint-disable-next-line max-lines-per-function -- commander registration: one declarative chain of options and the action that reads them
function registerMonitor(program, io) {
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .addConfigOptions */ .S0)(program
        .command('monitor')
        .description('Watch a fresh deployment against the quality gates; alert, and roll back automatically on failure.')
        .option('--dry-run', 'print the plan (poll times, gates, thresholds, actions, backup a rollback would use); send nothing')
        .option('--probe', "with --dry-run: take one real measurement and show each gate's verdict")
        .option('--window-minutes <n>', 'override monitoring.window_minutes')
        .option('--log-dir <dir>', 'directory for the log, evidence and report (default: monitor_logs)')
        .option('--deployment-id <id>', 'the rollout id to put into messages and evidence')
        .option('--version <version>', "the version being watched (default: the target's live release): in messages, and the release a rollback must leave")
        .addOption(new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--release <version>', 'deprecated: the old name of --version').hideHelp())
        .option('--rollback-to <backup|latest-before-deploy>', 'the backup a rollback restores: a backup file (restored only if it still verifies), or the one the last deploy --backup-first took; default: the newest verified backup made before the watch began whose release is not the watched one')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', HELP)).action(async (flags) => {
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .loadFromFlags */ .q8)(flags, io);
        const windowMinutes = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_10__/* .windowMinutesOption */ .dn)(flags.windowMinutes, config);
        const version = watchedVersion(flags, io);
        if (flags.probe && !flags.dryRun)
            io.stderr.write('note: --probe only applies to --dry-run; monitoring measures anyway\n');
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .logDir */ .mw)(io.cwd, flags.logDir);
        const tty = (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .showsProgress */ .Mo)(io);
        const progress = new _terminal_progress_js__WEBPACK_IMPORTED_MODULE_8__/* .RedrawnLine */ .q(io.stderr);
        const result = await (0,_commands_monitor_js__WEBPACK_IMPORTED_MODULE_1__/* .runMonitor */ .aU)({
            config,
            dryRun: flags.dryRun,
            probe: flags.probe,
            windowMinutes,
            logDir: dir,
            deploymentId: flags.deploymentId,
            version,
            rollbackTo: rollbackToFlag(flags.rollbackTo),
            stateDir: (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .lockDir */ .JK)(config.env, io.cwd),
        }, {
            clock: io.clock,
            env: io.env,
            metrics: (0,_wiring_monitor_ports_js__WEBPACK_IMPORTED_MODULE_5__/* .metricSources */ .p8)(),
            // Without a TTY, INFO lines (with periodic progress) are the progress; with one, a
            // redrawn line is, and only warnings and worse scroll past it.
            sinks: flags.json
                ? []
                : [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .consoleLevel */ .sr)(io, flags.verbose, tty ? 'WARN' : 'INFO'), io.stderr)],
            ports: (0,_wiring_monitor_ports_js__WEBPACK_IMPORTED_MODULE_5__/* .monitorPortsFor */ .ok)(config, {
                clock: io.clock,
                cwd: io.cwd,
                env: io.env,
                interactive: (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .isInteractive */ .b4)(io),
                logDir: dir,
            }, flags.dryRun === true),
            signal: io.signal,
            onProgress: tty && !flags.json
                ? (p) => {
                    progress.draw((0,_commands_monitor_front_end_js__WEBPACK_IMPORTED_MODULE_2__/* .progressLine */ .o)(p));
                }
                : undefined,
        });
        progress.end();
        io.exitCode = result.exitCode;
        for (const warning of config.warnings)
            io.stderr.write(`warning: ${warning}\n`);
        if (flags.json) {
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, JSON.stringify(result, null, 2));
            return;
        }
        if (result.plan) {
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, (0,_commands_monitor_js__WEBPACK_IMPORTED_MODULE_1__/* .renderPlan */ .EG)(result.plan));
            if (result.probe) {
                (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, 'Probe (one real measurement now):');
                for (const e of result.probe)
                    (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `  - ${e.gate}: ${e.verdict} \u2014 ${e.reason}`);
            }
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `Dry run: nothing was sent or rolled back. Log: ${result.logPath}`);
            return;
        }
        (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `Monitoring ${result.environment} finished: ${result.result}${result.failedGates.length ? ` (gates: ${result.failedGates.join(', ')})` : ''}`);
        for (const e of result.gates)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `  - ${e.gate}: ${e.verdict} \u2014 ${e.reason}`);
        if (result.rollback)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `Rollback: ${result.rollback.ok ? 'completed and validated' : `FAILED: ${result.rollback.error}`}`);
        if (result.rollbackCommand)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `Rollback needs confirmation. Run:\n  ${result.rollbackCommand}`);
        (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .print */ .yy)(io, `Log: ${result.logPath}\nEvidence: ${result.evidencePath}\nReport: ${result.reportPath}`);
    });
}
function rollbackToFlag(value) {
    if (value === undefined)
        return undefined;
    if (value === 'latest-before-deploy')
        return { kind: 'latest-before-deploy' };
    if (value.trim() === '' || value === 'latest')
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb(`--rollback-to: expected a backup file or "latest-before-deploy", got "${value}" (the default already picks the newest qualifying backup)`);
    return { kind: 'backup', path: value };
}
/** --version, or its deprecated old name --release (one line on stderr says so). */
function watchedVersion(flags, io) {
    if (flags.release === undefined)
        return flags.version;
    io.stderr.write('warning: monitor --release is deprecated and will be removed in the next release; use --version\n');
    if (flags.version !== undefined && flags.version !== flags.release)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb(`--release: the deprecated name of --version, given "${flags.release}" while --version is "${flags.version}"; pass --version only`);
    return flags.release;
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

/***/ 2262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ migrateToOption),
/* harmony export */   H6: () => (/* binding */ directionOption),
/* harmony export */   SZ: () => (/* binding */ backupOption),
/* harmony export */   ap: () => (/* binding */ rolloutReleaseOption),
/* harmony export */   dn: () => (/* binding */ windowMinutesOption),
/* harmony export */   fd: () => (/* binding */ latencyLimitMsOption),
/* harmony export */   gr: () => (/* binding */ timeoutSecondsOption),
/* harmony export */   jZ: () => (/* binding */ numberOption),
/* harmony export */   kr: () => (/* binding */ rehearsalReleaseOption),
/* harmony export */   s_: () => (/* binding */ maxSizeMbOption),
/* harmony export */   wf: () => (/* binding */ rehearsalWindowSecondsOption)
/* harmony export */ });
/* unused harmony exports choiceOption, requiredOption */
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


/***/ })

} };
})
