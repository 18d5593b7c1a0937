"use strict";
(async function (__dhashImportMetaUrl, __WEBPACK_EXTERNAL_createRequire, __dhashLoadChunk) {
let __dhashRequireFn;
function __dhashRequire(name) {
  return (__dhashRequireFn ??= __WEBPACK_EXTERNAL_createRequire(__dhashImportMetaUrl))(name);
}
function __dhashStandIn(load, plainExports = false) {
  let real;
  const module = () => (real ??= load());
  return new Proxy({}, {
    get: (_, key) => (plainExports && key === '__esModule' ? undefined : module()[key]),
    set: (_, key, value) => { module()[key] = value; return true; },
    has: (_, key) => key in module(),
    ownKeys: () => Reflect.ownKeys(module()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(module(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
function __dhashLazyBuiltin(name) {
  return __dhashStandIn(() => __dhashRequire(name), true);
}
__nccwpck_require__.dhashLazy = (id) =>
  __dhashStandIn(() => {
    if (!(id in __nccwpck_require__.m))
      Object.assign(__nccwpck_require__.m, __dhashLoadChunk("lazy-zod.index.js").modules);
    return __nccwpck_require__(id);
  });
/******/ var __webpack_modules__ = ({

/***/ 1604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ interruptionIn),
/* harmony export */   Mo: () => (/* binding */ showsProgress),
/* harmony export */   Wr: () => (/* binding */ processIo),
/* harmony export */   b4: () => (/* binding */ isInteractive),
/* harmony export */   sr: () => (/* binding */ consoleLevel),
/* harmony export */   yy: () => (/* binding */ print)
/* harmony export */ });
/* harmony import */ var _runtime_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9842);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8118);
/* harmony import */ var _runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3731);
/* harmony import */ var _runtime_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5259);




/** The interruption the command ended with, or null. */
function interruptionIn(io) {
    return io.interrupted ? io.interrupted() : (0,_runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .interruptionOf */ .nS)(io.signal);
}
/**
 * The real process's outputs and environment: `outputs` as the bin made them (see
 * src/runtime/process-output.ts), else process.stdout and process.stderr. `stdin` and `signal` are
 * getters, read when a command first uses them: opening stdin (about 1 ms) and the interrupt's
 * AbortController (about 2 ms) are start-up cost that most commands never need. (So the result must
 * not be spread: that reads them.)
 */
function processIo(interrupt, outputs) {
    return {
        stdout: outputs?.stdout ?? process.stdout,
        stderr: outputs?.stderr ?? process.stderr,
        get stdin() {
            return process.stdin;
        },
        env: process.env,
        cwd: process.cwd(),
        clock: new _runtime_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .RealClock */ .Pr(),
        exitCode: 0,
        get signal() {
            return interrupt?.signal;
        },
        interrupted: () => interrupt?.received ?? null,
    };
}
/** One block of output on stdout; URL credentials (a base URL's user:password) are masked. */
function print(io, text) {
    const masked = (0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .maskUrlUserinfo */ .XX)(text);
    io.stdout.write(masked.endsWith('\n') ? masked : `${masked}\n`);
}
/**
 * A person can answer a prompt: both stdin and stderr (where prompts and progress go) are terminals.
 * The one definition every command uses; the action is never interactive.
 */
function isInteractive(io) {
    return io.stdin.isTTY === true && io.stderr.isTTY === true;
}
/** A live progress line is drawn on stderr when it is a terminal and JSON output was not asked for. */
function showsProgress(io, json = false) {
    return io.stderr.isTTY === true && !json;
}
/**
 * The lowest level the console shows: everything with --verbose; else the config's
 * `global_settings.log_level` where it asks for more (DEBUG) or less than the command's own default
 * (a command on a terminal shows WARN and up beside its progress line). Log files keep every level.
 */
function consoleLevel(io, verbose, commandDefault) {
    if (verbose)
        return 'DEBUG';
    const configured = io.logLevel;
    if (configured === undefined)
        return commandDefault;
    if (configured === 'DEBUG')
        return 'DEBUG';
    return _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__/* .LOG_LEVELS */ .p_.indexOf(configured) > _runtime_logger_js__WEBPACK_IMPORTED_MODULE_0__/* .LOG_LEVELS */ .p_.indexOf(commandDefault) ? configured : commandDefault;
}


/***/ }),

/***/ 2957:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1604);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8313);
/* harmony import */ var _runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3731);
/* harmony import */ var _runtime_package_root_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1713);
/* harmony import */ var _runtime_process_output_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6135);






// The bin entry: translate the result into the process exit code and nothing more.
const argv = process.argv.slice(2);
// Commands that answer at once and exit write stdout and stderr directly where Node would write
// synchronously anyway (why: src/runtime/process-output.ts): start-up is most of their time, and
// a reader that does not read only delays an exit that would wait for it all the same. Commands
// that run for long keep Node's streams, which queue output for a slow reader (a pager, a stalled
// log collector) instead of stopping the event loop, and with it a watch's timers.
const QUICK_COMMANDS = ['validate', 'config-schema', 'completion', 'help'];
const command = argv.find((arg) => !arg.startsWith('-'));
const quick = command === undefined || QUICK_COMMANDS.includes(command);
const stdout = quick ? (0,_runtime_process_output_js__WEBPACK_IMPORTED_MODULE_5__/* .processOutput */ .Xi)(1) : process.stdout;
const stderr = quick ? (0,_runtime_process_output_js__WEBPACK_IMPORTED_MODULE_5__/* .processOutput */ .Xi)(2) : process.stderr;
// A reader that goes away (`dhash-rollout --help | head`) is not an error of ours. Any other
// failure to write (a full disk or device under a redirection) is one line, not a crash.
const onOutputError = (error) => {
    if (error.code === 'EPIPE')
        process.exit(process.exitCode ?? 0);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(2, `error: cannot write the output: ${error.message}\n`);
    }
    catch {
        // stderr is what failed: the exit code is all that is left to say it.
    }
    process.exit(_runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitCode */ .y.failed);
};
for (const output of [stdout, stderr])
    output.on('error', onOutputError);
// Node's own streams, if a library writes to them: made later, or already the outputs above.
for (const [name, output] of [
    ['stdout', stdout],
    ['stderr', stderr],
])
    (0,_runtime_process_output_js__WEBPACK_IMPORTED_MODULE_5__/* .whenStreamCreated */ .bI)(name, (stream) => {
        if (stream !== output)
            stream.on('error', onOutputError);
    });
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    // What commander would print, without loading every command's options to say it.
    stdout.write(`${(0,_runtime_package_root_js__WEBPACK_IMPORTED_MODULE_4__/* .toolVersion */ .f)()}\n`);
}
else {
    // The program (and through it each command's module) loads after the fast path above.
    const { runCli } = await Promise.all(/* import() */[__nccwpck_require__.e(653), __nccwpck_require__.e(806)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6806));
    // SIGINT / SIGTERM become an AbortSignal: commands write their records and return, and the
    // exit code is 130 / 143; a second signal ends the process at once.
    const interrupt = (0,_runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_3__/* .onInterrupt */ .nA)();
    const code = await runCli(argv, (0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .processIo */ .Wr)(interrupt, { stdout, stderr }));
    interrupt.dispose();
    process.exitCode = code;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9842:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FQ: () => (/* binding */ whileHolding),
/* harmony export */   Pr: () => (/* binding */ RealClock)
/* harmony export */ });
/* unused harmony exports abortReason, VirtualClock */
/** Runs `work` while holding the clock (when the clock supports it). */
async function whileHolding(clock, work) {
    const release = clock.hold?.();
    try {
        return await work();
    }
    finally {
        release?.();
    }
}
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error('aborted');
}
class RealClock {
    now() {
        return Date.now();
    }
    sleep(ms, signal) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(abortReason(signal));
                return;
            }
            const timer = setTimeout(() => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            }, Math.max(0, ms));
            const onAbort = () => {
                clearTimeout(timer);
                reject(signal ? abortReason(signal) : new Error('aborted'));
            };
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    }
}
/**
 * A clock whose time moves only when every caller is asleep: when all pending work has yielded
 * (checked with setImmediate, so in-flight promise chains run first), the earliest sleeper wakes
 * and `now()` jumps to its deadline. Concurrent sleepers wake in deadline order, ties in call order.
 */
class VirtualClock {
    current;
    seq = 0;
    timers = [];
    scheduled = false;
    holds = 0;
    constructor(startMs = Date.UTC(2026, 0, 1, 0, 0, 0)) {
        this.current = startMs;
    }
    now() {
        return this.current;
    }
    /** Moves time forward by hand (for tests that need to age something without sleeping). */
    advance(ms) {
        this.current += ms;
    }
    hold() {
        this.holds++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.holds--;
            if (this.holds === 0 && this.timers.length > 0)
                this.schedule();
        };
    }
    sleep(ms, signal) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(abortReason(signal));
                return;
            }
            const timer = {
                at: this.current + Math.max(0, ms),
                seq: this.seq++,
                resolve: () => {
                    signal?.removeEventListener('abort', onAbort);
                    resolve();
                },
            };
            const onAbort = () => {
                this.timers = this.timers.filter((t) => t !== timer);
                reject(signal ? abortReason(signal) : new Error('aborted'));
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            this.timers.push(timer);
            this.schedule();
        });
    }
    schedule() {
        if (this.scheduled)
            return;
        this.scheduled = true;
        setImmediate(() => {
            this.scheduled = false;
            if (this.timers.length === 0 || this.holds > 0)
                return;
            this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const next = this.timers.shift();
            if (!next)
                return;
            this.current = Math.max(this.current, next.at);
            next.resolve();
            if (this.timers.length > 0)
                this.schedule();
        });
    }
}


/***/ }),

/***/ 8313:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ ExitCode)
/* harmony export */ });
/**
 * Process exit codes, shared by the CLI and documented in the README.
 * Distinct codes let scripts tell "you called it wrong" from "it ran and the deploy failed".
 */
const ExitCode = {
    ok: 0,
    /** The operation ran and failed (a deploy step, an undelivered notification, a failed check). */
    failed: 1,
    /** Bad flags, a bad config file, an unknown environment. Nothing was changed. */
    usage: 2,
    /** A bug: an unexpected exception. */
    internal: 3,
    /** Refused before doing anything: a lock is held, or a confirmation was needed and not given. */
    refused: 4,
    /**
     * A notification could be neither delivered nor stored in the fallback file (an unwritable or
     * full log folder); it was printed whole on stderr, the only copy left.
     */
    notificationPrinted: 5,
    /** Monitoring ended with alert-only gate breaches. */
    alerted: 10,
    /** A gate failed and the automatic rollback completed and validated. */
    rolledBack: 11,
    /** A gate failed and the rollback did not complete, did not validate, or left the wrong release live. */
    rollbackFailed: 12,
    /** Monitoring ended without a verdict: a gate had no data for too long. Never a pass. */
    inconclusive: 13,
    /** Monitoring stopped because a manual rollback of the environment took over. */
    preempted: 14,
    /** Ended by SIGINT (128 + 2), records written. */
    interruptedSigint: 130,
    /** Ended by SIGTERM (128 + 15), records written. */
    interruptedSigterm: 143,
};


/***/ }),

/***/ 3731:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   nA: () => (/* binding */ onInterrupt),
/* harmony export */   nS: () => (/* binding */ interruptionOf),
/* harmony export */   tY: () => (/* binding */ interruptExitCode)
/* harmony export */ });
/* unused harmony export InterruptedError */
/**
 * SIGINT / SIGTERM as an AbortSignal. A long command (monitor, rollout, deploy, rollback,
 * migrate) takes `signal` from here, stops starting new work when it fires, finishes or journals
 * what is under way, writes its records and returns; the front end then exits 130 / 143, as a
 * shell reports a process ended by that signal. A second signal while cleaning up ends the
 * process at once, so an operator is never stuck behind a hung step.
 */
class InterruptedError extends Error {
    signalName;
    constructor(signalName) {
        super(`interrupted by ${signalName}`);
        this.signalName = signalName;
        this.name = 'InterruptedError';
    }
    /** 128 + the signal number, as shells report it. */
    get exitCode() {
        return interruptExitCode(this.signalName);
    }
}
function interruptExitCode(signalName) {
    return signalName === 'SIGINT' ? 130 : 143;
}
/** The InterruptedError behind an aborted signal, or null when it was aborted for another reason. */
function interruptionOf(signal) {
    if (!signal?.aborted)
        return null;
    return signal.reason instanceof InterruptedError ? signal.reason : null;
}
/** Listens for SIGINT and SIGTERM on `proc` (the real process by default). */
function onInterrupt(proc = process, onSecond = (name) => proc.exit(interruptExitCode(name))) {
    // Made on first use: the first AbortController of a process loads Node's abort_controller
    // module (about 2 ms), which a command that never waits on anything (validate) need not pay.
    let controller;
    const control = () => (controller ??= new AbortController());
    let received = null;
    const handler = (name) => () => {
        if (received) {
            onSecond(name);
            return;
        }
        received = new InterruptedError(name);
        control().abort(received);
    };
    const onInt = handler('SIGINT');
    const onTerm = handler('SIGTERM');
    proc.on('SIGINT', onInt);
    proc.on('SIGTERM', onTerm);
    return {
        get signal() {
            return control().signal;
        },
        get received() {
            return received;
        },
        dispose() {
            proc.off('SIGINT', onInt);
            proc.off('SIGTERM', onTerm);
        },
    };
}


/***/ }),

/***/ 8118:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nw: () => (/* binding */ ConsoleSink),
/* harmony export */   Qk: () => (/* binding */ JsonLinesLogger),
/* harmony export */   m7: () => (/* binding */ JsonFileSink),
/* harmony export */   p_: () => (/* binding */ LOG_LEVELS)
/* harmony export */ });
/* unused harmony exports MemorySink, nullLogger */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5259);



const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL'];
/**
 * JSON lines, one record per line, appended synchronously so a crash never loses the last line.
 * A log that cannot be written (a folder under a file, a full disk, no permission) never stops
 * the work it records: the sink says so once on stderr, keeps trying each record (space may come
 * back), and `problem` tells the command, which reports it.
 */
class JsonFileSink {
    path;
    warn;
    /** Why the last write failed, or null while every record is written. */
    problem = null;
    warned = false;
    constructor(path, warn = (line) => {
        try {
            process.stderr.write(line);
        }
        catch {
            // stderr itself is gone: nothing left to tell.
        }
    }) {
        this.path = path;
        this.warn = warn;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        }
        catch (error) {
            this.failed(error);
        }
    }
    write(record) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(this.path, `${JSON.stringify(record)}\n`);
            this.problem = null;
        }
        catch (error) {
            this.failed(error);
        }
    }
    failed(error) {
        // Errors from node:fs may come from another realm (vm contexts), so no instanceof here.
        const message = error?.message;
        this.problem = typeof message === 'string' ? message : String(error);
        if (this.warned)
            return;
        this.warned = true;
        this.warn(`warning: the log ${this.path} cannot be written (${this.problem}); continuing without it\n`);
    }
}
/** Keeps records in memory: for tests, evidence, and summaries. */
class MemorySink {
    records = [];
    write(record) {
        this.records.push(record);
    }
}
/** Human-readable lines on a stream (stderr by default, so stdout stays for results). */
class ConsoleSink {
    minLevel;
    stream;
    constructor(minLevel = 'INFO', stream = process.stderr) {
        this.minLevel = minLevel;
        this.stream = stream;
    }
    write(record) {
        if (LOG_LEVELS.indexOf(record.level) < LOG_LEVELS.indexOf(this.minLevel))
            return;
        const { timestamp, level, message, ...fields } = record;
        const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
        this.stream.write(`${timestamp} ${level.padEnd(8)} ${message}${extra}\n`);
    }
}
class JsonLinesLogger {
    clock;
    sinks;
    redactor;
    context;
    constructor(clock, sinks, redactor = new _redact_js__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .pO(), context = {}) {
        this.clock = clock;
        this.sinks = sinks;
        this.redactor = redactor;
        this.context = context;
    }
    log(level, message, fields = {}) {
        const record = this.redactor.value({
            timestamp: new Date(this.clock.now()).toISOString(),
            level,
            message,
            ...this.context,
            ...fields,
        });
        for (const sink of this.sinks)
            sink.write(record);
    }
    debug(message, fields) {
        this.log('DEBUG', message, fields);
    }
    info(message, fields) {
        this.log('INFO', message, fields);
    }
    warn(message, fields) {
        this.log('WARN', message, fields);
    }
    error(message, fields) {
        this.log('ERROR', message, fields);
    }
    critical(message, fields) {
        this.log('CRITICAL', message, fields);
    }
    child(fields) {
        return new JsonLinesLogger(this.clock, this.sinks, this.redactor, { ...this.context, ...fields });
    }
}
/** A logger that drops everything; for code paths where the caller asked for silence. */
const nullLogger = new JsonLinesLogger({ now: () => 0, sleep: async () => { } }, []);


/***/ }),

/***/ 1713:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ packageRoot),
/* harmony export */   f: () => (/* binding */ toolVersion)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The directory holding this package's package.json, found by walking up from this module.
 * It works from the sources (src/runtime/), the bundle (dist/) and an action checkout alike,
 * which is how the packaged default config and sample files are found.
 */
let cached;
function packageRoot() {
    if (cached)
        return cached;
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(__dhashImportMetaUrl));
    for (;;) {
        const manifest = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(manifest)) {
            try {
                if (JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(manifest, 'utf8')).name === 'dhash-rollout')
                    return (cached = dir);
            }
            catch {
                /* keep walking */
            }
        }
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (parent === dir)
            throw new Error('cannot find the dhash-rollout package root');
        dir = parent;
    }
}
function toolVersion() {
    return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(packageRoot(), 'package.json'), 'utf8'))
        .version;
}


/***/ }),

/***/ 6135:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Xi: () => (/* binding */ processOutput),
/* harmony export */   bI: () => (/* binding */ whenStreamCreated)
/* harmony export */ });
/* unused harmony export DirectOutput */
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The process's stdout or stderr, written with fs.writeSync instead of through process.stdout /
 * process.stderr.
 *
 * Why: the first touch of process.stdout loads Node's stream modules and builds a socket or a
 * file stream, 2 to 4 ms of every start of a command that prints one line (`validate`,
 * `--version`). On Linux, Node's own stdout writes synchronously to files, pipes and sockets
 * (the documented behaviour of process.stdout), so writing the bytes at once is what it would do:
 * same bytes, same order. One difference: when the reader stops reading and a pipe fills, Node
 * queues the rest and its event loop goes on, where this write waits. So it is for commands that
 * answer and exit (which would wait for that reader before exiting anyway), not for long ones.
 *
 * A descriptor another process made non-blocking answers EAGAIN when full: then the rest of this
 * write and every later one go through the real stream, which waits for the reader; the bytes
 * stay in order. Any other failure (EPIPE when the reader went away, ENOSPC) is emitted as an
 * 'error' event on the next tick, as a stream does, and later writes are dropped.
 */
class DirectOutput extends node_events__WEBPACK_IMPORTED_MODULE_0__.EventEmitter {
    fd;
    realStream;
    isTTY = false;
    writable = true;
    stream = null;
    failed = false;
    constructor(fd, realStream) {
        super();
        this.fd = fd;
        this.realStream = realStream;
    }
    write(chunk, encodingOrCallback, callback) {
        const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
        const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : 'utf8';
        if (this.stream)
            return typeof chunk === 'string'
                ? this.stream.write(chunk, encoding, done)
                : this.stream.write(chunk, done);
        if (this.failed)
            return false;
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
        let written = 0;
        try {
            while (written < bytes.length)
                written += (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(this.fd, bytes, written, bytes.length - written);
        }
        catch (error) {
            if (error.code === 'EAGAIN')
                return this.handOver().write(bytes.subarray(written), done);
            this.fail(error, done);
            return false;
        }
        if (done)
            process.nextTick(done);
        return true;
    }
    end(...args) {
        const done = args.find((arg) => typeof arg === 'function');
        const [chunk, encoding] = args;
        if (typeof chunk === 'string')
            this.write(chunk, typeof encoding === 'string' ? encoding : 'utf8');
        else if (chunk instanceof Uint8Array)
            this.write(chunk);
        this.writable = false;
        if (done)
            process.nextTick(done);
        return this;
    }
    /** From now on, the real stream; its errors are this output's. */
    handOver() {
        const stream = this.realStream();
        stream.on('error', (error) => this.emit('error', error));
        this.stream = stream;
        return stream;
    }
    fail(error, done) {
        this.failed = true;
        this.writable = false;
        process.nextTick(() => {
            done?.(error);
            this.emit('error', error);
        });
    }
}
/** /dev/null: a character device that is no terminal. */
function isDevNull(stat) {
    if (!stat.isCharacterDevice())
        return false;
    try {
        return stat.rdev === (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)('/dev/null').rdev;
    }
    catch {
        return false;
    }
}
/**
 * stdout (1) or stderr (2) of this process: a DirectOutput on Linux when it is a file, a pipe, a
 * socket or /dev/null; else (a terminal, which needs the stream's isTTY, columns and colours;
 * another system; a closed descriptor) the process's own stream.
 */
function processOutput(fd) {
    const realStream = () => (fd === 1 ? process.stdout : process.stderr);
    if (process.platform !== 'linux')
        return realStream();
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd);
        if (stat.isFile() || stat.isFIFO() || stat.isSocket() || isDevNull(stat))
            return new DirectOutput(fd, realStream);
    }
    catch {
        // A descriptor that cannot be examined: Node's stream knows what to do with it.
    }
    return realStream();
}
/**
 * Calls `use` with process.stdout or process.stderr when something first reads it, without
 * creating it now (see DirectOutput for why), so a handler set up at start covers the stream
 * even when a library creates it later.
 */
function whenStreamCreated(name, use) {
    const descriptor = Object.getOwnPropertyDescriptor(process, name);
    const get = descriptor?.get?.bind(process);
    if (!descriptor?.configurable || !get) {
        use(process[name]);
        return;
    }
    let stream;
    Object.defineProperty(process, name, {
        configurable: true,
        enumerable: descriptor.enumerable,
        get() {
            if (stream === undefined) {
                stream = get();
                use(stream);
            }
            return stream;
        },
    });
}


/***/ }),

/***/ 5259:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   XX: () => (/* binding */ maskUrlUserinfo),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export REDACTED */
/**
 * Secrets (webhook URLs, SMTP passwords, database URLs) must never reach a log, summary, artifact
 * or fallback line. Two nets: known secret values are replaced wherever they appear, and fields
 * whose names say "secret" are masked whatever their value.
 */
const REDACTED = '***';
const SECRET_KEY = /(pass(word)?|secret|token|webhook_?url|database_?url|api_?key|authorization|smtp_pass|credential)/i;
/** userinfo in a URL (`postgres://user:pw@host`) is a secret even when we were not told about it. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]+)(:[^\s/@]*)?@/gi;
/** Masks the userinfo of every URL in `text` (`http://user:pw@host` \u2192 `http://***@host`). */
function maskUrlUserinfo(text) {
    return text.replace(URL_USERINFO, (_m, scheme) => `${scheme}${REDACTED}@`);
}
class Redactor {
    secrets = new Set();
    /** The secrets longest first (so a URL is masked whole before its path would be); made on first use after a change. */
    longestFirst = null;
    /** Registers a secret value; short values are ignored because masking "1" would mangle text. */
    add(value) {
        if (!value || value.length < 6)
            return;
        this.longestFirst = null;
        this.secrets.add(value);
        // A URL is often logged without its query or path; mask the distinctive tail too.
        try {
            const url = new URL(value);
            if (url.pathname.length > 8)
                this.secrets.add(url.pathname);
            if (url.password)
                this.secrets.add(url.password);
        }
        catch {
            /* not a URL */
        }
    }
    get size() {
        return this.secrets.size;
    }
    text(input) {
        let out = input;
        this.longestFirst ??= [...this.secrets].sort((a, b) => b.length - a.length);
        for (const secret of this.longestFirst) {
            if (out.includes(secret))
                out = out.split(secret).join(REDACTED);
        }
        // Most strings hold no URL: no regular expression run for them.
        return out.includes('://') ? maskUrlUserinfo(out) : out;
    }
    /** Deep copy with secret-named keys masked and secret values replaced in every string. */
    value(input) {
        return this.walk(input, undefined);
    }
    walk(input, key) {
        if (typeof input === 'string') {
            // A `*_env` key (database_url_env) holds the NAME of the variable with the secret, not the secret.
            if (key !== undefined && SECRET_KEY.test(key) && !/_env$/i.test(key) && input.length > 0)
                return REDACTED;
            return this.text(input);
        }
        if (Array.isArray(input))
            return input.map((v) => this.walk(v, undefined));
        if (input instanceof Error)
            return this.text(input.message);
        if (input && typeof input === 'object') {
            const out = {};
            for (const [k, v] of Object.entries(input))
                out[k] = this.walk(v, k);
            return out;
        }
        return input;
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __dhashRequire("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __dhashRequire("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __dhashLazyBuiltin("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __dhashRequire("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __dhashRequire("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __dhashRequire("fs");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __dhashRequire("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __dhashRequire("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __dhashRequire("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __dhashRequire("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __dhashLazyBuiltin("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __dhashRequire("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __dhashLazyBuiltin("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __dhashRequire("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __dhashRequire("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __dhashRequire("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __dhashRequire("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __dhashLazyBuiltin("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __dhashRequire("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __dhashRequire("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __dhashRequire("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __dhashRequire("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __dhashRequire("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __dhashRequire("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __dhashRequire("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __dhashRequire("node:process");

/***/ }),

/***/ 9411:
/***/ ((module) => {

module.exports = __dhashRequire("node:querystring");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __dhashRequire("node:readline");

/***/ }),

/***/ 6848:
/***/ ((module) => {

module.exports = __dhashRequire("node:readline/promises");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __dhashRequire("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __dhashRequire("node:stream");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __dhashRequire("node:string_decoder");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __dhashRequire("node:timers");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __dhashRequire("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __dhashRequire("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __dhashRequire("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __dhashRequire("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __dhashRequire("node:util/types");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __dhashRequire("node:v8");

/***/ }),

/***/ 714:
/***/ ((module) => {

module.exports = __dhashRequire("node:vm");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __dhashRequire("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __dhashRequire("node:zlib");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __dhashRequire("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __dhashRequire("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __dhashRequire("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __dhashRequire("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __dhashRequire("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __dhashRequire("util/types");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __dhashRequire("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', __dhashImportMetaUrl).pathname).slice(__dhashImportMetaUrl.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = Promise.resolve().then(() => __dhashLoadChunk(__nccwpck_require__.u(chunkId))).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2957);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

})
