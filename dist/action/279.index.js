"use strict";
(function (__dhashImportMetaUrl) {
return { id: 279, ids: [279], modules: {

/***/ 54795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backupAction: () => (/* binding */ backupAction)
/* harmony export */ });
/* harmony import */ var _commands_backup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76934);
/* harmony import */ var _wiring_backup_archives_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33462);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38118);
/* harmony import */ var _log_sink_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2990);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38037);





/** `command: backup`. Inputs: environment, config, working-directory, dry-run. Outputs: backup-path, backup-sha256. */
const backupAction = async (ctx) => {
    const config = ctx.loadConfig();
    const cwd = ctx.inputs.workingDirectory;
    if (ctx.inputs.dryRun) {
        const plan = (0,_commands_backup_js__WEBPACK_IMPORTED_MODULE_0__/* .planBackup */ .W6)({ config, cwd }, { clock: ctx.clock, storage: (0,_wiring_backup_archives_js__WEBPACK_IMPORTED_MODULE_1__/* .backupStorage */ .y)() });
        for (const w of plan.warnings)
            ctx.core.warning(w, { title: 'dhash backup' });
        const summary = [
            `## dhash-rollout backup (dry-run) for \`${config.envName}\``,
            `Would write \`${plan.path}\`: ${plan.files} files, ${(plan.bytes / 1e6).toFixed(1)} MB before compression; release \`${plan.release ?? '-'}\``,
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(['path', 'files', 'MB'], [
                ...plan.paths.map((p) => [p.path, String(p.files), (p.bytes / 1e6).toFixed(1)]),
                ...(plan.database
                    ? [[`${plan.database.path} (database snapshot)`, '1', (plan.database.bytes / 1e6).toFixed(1)]]
                    : []),
            ]),
            plan.retention.remove.length
                ? `Retention would delete: ${plan.retention.remove.map((r) => `\`${r.name}\``).join(', ')}`
                : 'Retention would delete nothing.',
        ].join('\n\n');
        return {
            outputs: {
                result: 'planned',
                environment: config.envName,
                'backup-path': plan.path,
                plan: JSON.stringify(plan),
            },
            summary,
        };
    }
    const logger = new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonLinesLogger */ .Qk(ctx.clock, [new _log_sink_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionLogSink */ .s(ctx.core, 'dhash backup')], config.redactor);
    let last = 0;
    const result = await (0,_commands_backup_js__WEBPACK_IMPORTED_MODULE_0__/* .createBackup */ .dB)({ config, cwd }, {
        clock: ctx.clock,
        logger,
        storage: (0,_wiring_backup_archives_js__WEBPACK_IMPORTED_MODULE_1__/* .backupStorage */ .y)(),
        onProgress: (p) => {
            if (p.elapsedMs - last < 10_000)
                return;
            last = p.elapsedMs;
            ctx.core.info(`backup: ${p.phase} ${(p.bytesDone / 1e6).toFixed(0)} of ${(p.bytesTotal / 1e6).toFixed(0)} MB`);
        },
    });
    const summary = [
        `## dhash-rollout backup of \`${config.envName}\`: written and verified`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(['file', 'sha256', 'size', 'files', 'release'], [
            [
                `\`${result.path}\``,
                `\`${result.sha256}\``,
                `${(result.sizeBytes / 1e6).toFixed(1)} MB`,
                String(result.manifest.totals.files),
                result.manifest.release ?? '-',
            ],
        ]),
        result.removed.length ? `Retention removed: ${result.removed.map((r) => `\`${r}\``).join(', ')}` : '',
    ].join('\n\n');
    return {
        outputs: {
            result: 'created',
            environment: config.envName,
            'backup-path': result.path,
            'backup-sha256': result.sha256,
        },
        summary,
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

/***/ 38037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export escapeCell */
/** Small Markdown builders for job summaries; cells are escaped so values cannot break tables. */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    return [head, rule, ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)].join('\n');
}
function codeBlock(text, lang = '') {
    return `\`\`\`${lang}\n${text}\n\`\`\``;
}


/***/ }),

/***/ 36002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ parseFileStamp),
/* harmony export */   a: () => (/* binding */ fileStamp)
/* harmony export */ });
/** `YYYYMMDD_HHMMSS` in UTC: the stamp in backup and log file names. */
function fileStamp(ms) {
    const iso = new Date(ms).toISOString(); // 2026-11-27T15:46:23.123Z
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}
/** Parses a `YYYYMMDD_HHMMSS` stamp back to epoch ms, or null. */
function parseFileStamp(stamp) {
    const m = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(stamp);
    if (!m)
        return null;
    const [, y, mo, d, h, mi, s] = m.map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s);
}


/***/ }),

/***/ 60482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ describeOwner),
/* harmony export */   Dh: () => (/* binding */ readLockOwner),
/* harmony export */   _n: () => (/* binding */ isAlive),
/* harmony export */   bh: () => (/* binding */ tryLock)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** Whether a process with this pid exists on this host. */
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: the process exists but belongs to someone else.
        return error.code === 'EPERM';
    }
}
function readLockOwner(path) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return null;
    }
}
/** One attempt; a stale lock (dead pid on this host) is removed and the attempt repeated once. */
function tryLock(path, purpose, now = new Date()) {
    // Directories made only to hold the lock are removed with it (when still empty), so a run that
    // needed no more than the lock leaves no empty target root behind.
    const createdFrom = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'wx');
            const owner = { pid: process.pid, host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), since: now.toISOString(), purpose };
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, JSON.stringify(owner));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            let released = false;
            return {
                acquired: true,
                release: () => {
                    if (released)
                        return;
                    released = true;
                    const current = readLockOwner(path);
                    if (current && current.pid === process.pid && current.since === owner.since) {
                        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
                        if (createdFrom)
                            removeEmptyUpTo((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), createdFrom);
                    }
                },
            };
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            const owner = readLockOwner(path);
            const stale = owner !== null && owner.host === (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)() && !isAlive(owner.pid);
            // A lock file that is empty or unparsable was torn by a crash between open and write.
            const torn = owner === null;
            if ((stale || torn) && attempt === 0) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
                continue;
            }
            return { acquired: false, owner };
        }
    }
    return { acquired: false, owner: readLockOwner(path) };
}
function describeOwner(owner) {
    if (!owner)
        return 'an unknown process';
    return `pid ${owner.pid} on ${owner.host} (${owner.purpose}) since ${owner.since}`;
}
function removeEmptyUpTo(dir, top) {
    for (let d = dir;; d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmdirSync)(d);
        }
        catch {
            return; // not empty (someone put something there), or gone
        }
        if (d === top || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d) === d)
            return;
    }
}


/***/ }),

/***/ 38118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qk: () => (/* binding */ JsonLinesLogger),
/* harmony export */   m7: () => (/* binding */ JsonFileSink)
/* harmony export */ });
/* unused harmony exports LOG_LEVELS, MemorySink, ConsoleSink, nullLogger */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55259);



const LOG_LEVELS = (/* unused pure expression or super */ null && (['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL']));
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


/***/ })

} };
})
