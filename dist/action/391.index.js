"use strict";
(function (__dhashImportMetaUrl) {
return { id: 391, ids: [391], modules: {

/***/ 49391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateLoggingAction: () => (/* binding */ validateLoggingAction)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/domain/log-validation/findings.ts
function countFindings(findings) {
    return {
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
    };
}
/** Warnings alone pass unless strict; strict makes them fail. */
function loggingVerdict(counts, strict) {
    const status = counts.errors > 0 ? 'errors' : counts.warnings > 0 ? 'warnings' : 'ok';
    return { status, ok: status === 'ok' || (status === 'warnings' && !strict) };
}

;// CONCATENATED MODULE: ./src/domain/log-validation/selection.ts
/**
 * Which files validate-logging reads. Logs are named `<kind>_<env>_<YYYYMMDD_HHMMSS>[_<run id>].log`
 * (docs/architecture.md, "Contracts"); the newest of each kind for the environment is checked line by line, and every
 * log-shaped file in the directory is checked for size.
 */
const LOG_KINDS = {
    monitor: 'dhash',
    deploy: 'deploy',
    smoke: 'smoke_tests',
};
const FALLBACK_FILE = 'notification_fallback.jsonl';
const REPLAY_LEDGER_FILE = 'notification_fallback.replayed.jsonl';
const KIND_OF_PREFIX = {
    dhash: 'monitor',
    deploy: 'deploy',
    smoke_tests: 'smoke',
};
// An optional run id after the stamp (`deploy_production_20261128_234539_a1b2c3.log`).
const SHAPED = /^(dhash|deploy|smoke_tests)_(.+)_(\d{8}_\d{6})(?:_[0-9a-f]{6})?\.log$/;
const PREFIXED = /^(dhash|deploy|smoke_tests)_.*\.log$/;
function classifyLogName(name) {
    const prefixed = PREFIXED.exec(name);
    if (!prefixed)
        return null;
    const kind = KIND_OF_PREFIX[prefixed[1]];
    const shaped = SHAPED.exec(name);
    if (!shaped || shaped[1] !== LOG_KINDS[kind])
        return { kind, environment: null, stamp: null };
    return { kind, environment: shaped[2], stamp: shaped[3] };
}
/** Newest by the stamp in the name (UTC, sorts as text), then by modification time. */
function selectLogs(entries, environment, perKind) {
    const newest = { monitor: [], deploy: [], smoke: [] };
    const allLogs = [];
    const oddlyNamed = [];
    const candidates = {
        monitor: [],
        deploy: [],
        smoke: [],
    };
    for (const entry of entries) {
        const parsed = classifyLogName(entry.name);
        if (!parsed)
            continue;
        allLogs.push(entry);
        if (parsed.environment === null)
            oddlyNamed.push(entry.name);
        else if (parsed.environment === environment)
            candidates[parsed.kind].push({ entry, stamp: parsed.stamp });
    }
    for (const kind of Object.keys(candidates)) {
        newest[kind] = candidates[kind]
            .sort((a, b) => (a.stamp === b.stamp ? b.entry.mtimeMs - a.entry.mtimeMs : a.stamp < b.stamp ? 1 : -1))
            .slice(0, perKind)
            .map((c) => c.entry);
    }
    return {
        newest,
        allLogs: allLogs.sort((a, b) => a.name.localeCompare(b.name)),
        oddlyNamed: oddlyNamed.sort(),
        fallback: entries.find((e) => e.name === FALLBACK_FILE) ?? null,
        replayLedger: entries.find((e) => e.name === REPLAY_LEDGER_FILE) ?? null,
    };
}
/** Files over the limit, as findings-to-be. */
function oversized(entries, maxBytes) {
    return entries.filter((e) => e.bytes > maxBytes);
}

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/commands/validate-logging/directory.ts




/**
 * Proves the directory is writable by creating, syncing and removing a uniquely named temp file:
 * `access(W_OK)` can say yes on a read-only mount or to root, and writing to any real log (or to
 * the notification fallback) would corrupt what we are validating.
 */
async function probeLogDirectory(dir) {
    let info;
    try {
        info = await (0,promises_.stat)(dir);
    }
    catch (error) {
        const failure = error;
        if (failure.code !== 'ENOENT')
            return {
                exists: false,
                writable: false,
                detail: `cannot stat ${dir}: ${failure.code ?? failure.message}`,
                severity: 'error',
            };
        const ancestor = await nearestExisting(dir);
        const ok = await (0,promises_.access)(ancestor, external_node_fs_.constants.W_OK).then(() => true, () => false);
        return ok
            ? {
                exists: false,
                writable: null,
                detail: `${dir} does not exist yet; the first command will create it (${ancestor} is writable)`,
                severity: 'warning',
            }
            : {
                exists: false,
                writable: false,
                detail: `${dir} does not exist and ${ancestor} is not writable, so it cannot be created`,
                severity: 'error',
            };
    }
    if (!info.isDirectory())
        return {
            exists: true,
            writable: false,
            detail: `${dir} exists but is not a directory`,
            severity: 'error',
        };
    const probe = (0,external_node_path_.join)(dir, `.validate-logging-probe-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        const handle = await (0,promises_.open)(probe, 'wx');
        try {
            await handle.writeFile('{"probe":true}\n');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        return {
            exists: true,
            writable: false,
            detail: `cannot write in ${dir}: ${error.code ?? error.message}`,
            severity: 'error',
        };
    }
    try {
        await (0,promises_.unlink)(probe);
    }
    catch (error) {
        return {
            exists: true,
            writable: true,
            detail: `writable, but the probe file ${probe} could not be removed: ${error.message}`,
            severity: 'warning',
        };
    }
    return {
        exists: true,
        writable: true,
        detail: 'writable (a temp file was created, synced and removed)',
        severity: 'ok',
    };
}
async function nearestExisting(path) {
    let current = path;
    for (;;) {
        const parent = (0,external_node_path_.dirname)(current);
        if (parent === current)
            return current;
        current = parent;
        if (await (0,promises_.stat)(current).then(() => true, () => false))
            return current;
    }
}
/** Regular files of the directory with size and mtime; empty when it does not exist. */
async function listDirectory(dir) {
    const names = await (0,promises_.readdir)(dir).catch(() => []);
    const entries = [];
    for (const name of names) {
        const info = await (0,promises_.stat)((0,external_node_path_.join)(dir, name)).catch(() => null);
        if (info?.isFile())
            entries.push({ name, bytes: info.size, mtimeMs: info.mtimeMs });
    }
    return entries;
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
;// CONCATENATED MODULE: ./src/domain/log-validation/log-record.ts
/**
 * The JSON-lines log contract (docs/architecture.md, "Contracts"): every line is one JSON object with an ISO-8601
 * `timestamp`, a `level` from the known set, and a string `message`; other fields are free.
 */
const KNOWN_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL'];
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
function isIsoTimestamp(value) {
    return typeof value === 'string' && ISO_8601.test(value) && Number.isFinite(Date.parse(value));
}
/** Parses one line as a JSON object, saying why not in operator words. */
function parseJsonObjectLine(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { ok: false, problem: `not valid JSON (${error.message})` };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return { ok: false, problem: 'a JSON value but not an object' };
    return { ok: true, value: value };
}
/** Problems of one log line; an empty list means the line honours the contract. */
function logRecordProblems(text) {
    const parsed = parseJsonObjectLine(text);
    if (!parsed.ok)
        return [parsed.problem];
    const record = parsed.value;
    const problems = [];
    if (!('timestamp' in record))
        problems.push('no "timestamp"');
    else if (!isIsoTimestamp(record.timestamp))
        problems.push(`"timestamp" ${JSON.stringify(record.timestamp)} is not an ISO-8601 time`);
    if (!('level' in record))
        problems.push('no "level"');
    else if (!KNOWN_LEVELS.includes(record.level)) {
        problems.push(`"level" ${JSON.stringify(record.level)} is not one of ${KNOWN_LEVELS.join(', ')}`);
    }
    if (!('message' in record))
        problems.push('no "message"');
    else if (typeof record.message !== 'string')
        problems.push('"message" is not a string');
    return problems;
}
/**
 * What a notification fallback line needs to be replayable (the notify issue's FallbackEntry):
 * an `id`, a `channel`, and the rendered `payload`.
 */
function fallbackEntryProblems(text) {
    const parsed = parseJsonObjectLine(text);
    if (!parsed.ok)
        return { errors: [parsed.problem], warnings: [] };
    const entry = parsed.value;
    const errors = [];
    const warnings = [];
    if (typeof entry.id !== 'string' || entry.id === '')
        errors.push('no string "id" (cannot be replayed)');
    if (typeof entry.channel !== 'string' || entry.channel === '')
        errors.push('no string "channel" (cannot be replayed)');
    if (entry.payload === null || typeof entry.payload !== 'object' || Array.isArray(entry.payload))
        errors.push('no "payload" object (cannot be replayed)');
    if (!isIsoTimestamp(entry.recorded_at))
        warnings.push('no ISO-8601 "recorded_at"');
    return { errors, warnings };
}
/** A line of the replay ledger beside the fallback: which fallback entry a replay handled, and how. */
function replayRecordProblems(text) {
    const parsed = parseJsonObjectLine(text);
    if (!parsed.ok)
        return { errors: [parsed.problem], warnings: [] };
    const errors = [];
    if (typeof parsed.value.id !== 'string')
        errors.push('no string "id"');
    if (typeof parsed.value.status !== 'string')
        errors.push('no string "status"');
    return { errors, warnings: [] };
}

;// CONCATENATED MODULE: ./src/domain/log-validation/line-checker.ts

const CONTRACTS = {
    log: (text) => ({ errors: logRecordProblems(text), warnings: [] }),
    fallback: fallbackEntryProblems,
    replay_ledger: replayRecordProblems,
};
/** Listing every bad line of a million-line file helps nobody; the count is kept exact. */
const MAX_LINE_FINDINGS_PER_FILE = 20;
/**
 * Checks a file line by line as it streams past (no I/O here): feed each line without its newline,
 * then `finish` with whether the file ended in a newline. A last line without one that does not
 * parse is a torn write; one that parses is only missing its newline.
 */
class LineChecker {
    file;
    contract;
    containsSecret;
    lines = 0;
    valid = 0;
    invalid = 0;
    blank = 0;
    findings = [];
    last = null;
    secretLines = 0;
    /** `containsSecret` tells whether a line carries a secret the redactor should have masked. */
    constructor(file, contract, containsSecret = () => false) {
        this.file = file;
        this.contract = contract;
        this.containsSecret = containsSecret;
    }
    addLine(text) {
        if (this.last)
            this.judge(this.last.text, this.last.lineNo, false);
        this.lines += 1;
        this.last = { text: text.endsWith('\r') ? text.slice(0, -1) : text, lineNo: this.lines };
    }
    finish(endsWithNewline) {
        if (this.last)
            this.judge(this.last.text, this.last.lineNo, !endsWithNewline);
        this.last = null;
        const findings = [...this.findings];
        const listed = findings.filter((f) => f.line !== undefined && f.severity === 'error').length;
        if (this.invalid > listed) {
            findings.push({
                severity: 'info',
                check: this.check,
                file: this.file,
                message: `${this.invalid - listed} more invalid lines not listed`,
            });
        }
        if (this.secretLines > 0) {
            findings.push({
                severity: 'error',
                check: 'secrets',
                file: this.file,
                message: `${this.secretLines} line${this.secretLines === 1 ? '' : 's'} contain an unredacted secret (webhook URL, password or database URL); first at line ${this.firstSecretLine}`,
            });
        }
        if (this.blank > 0) {
            findings.push({
                severity: 'warning',
                check: this.check,
                file: this.file,
                message: `${this.blank} blank line${this.blank === 1 ? '' : 's'}`,
            });
        }
        return { lines: this.lines, validLines: this.valid, invalidLines: this.invalid, findings };
    }
    get check() {
        return this.contract === 'log' ? 'json_lines' : 'fallback';
    }
    firstSecretLine = 0;
    judge(text, lineNo, unterminatedLast) {
        if (text.trim() !== '' && this.containsSecret(text)) {
            // Never quote the line: the finding would leak what it reports.
            this.secretLines += 1;
            if (this.firstSecretLine === 0)
                this.firstSecretLine = lineNo;
        }
        if (text.trim() === '') {
            // A trailing split artefact is not a line; a blank line between records is sloppy, not corrupt.
            if (!unterminatedLast)
                this.blank += 1;
            else
                this.lines -= 1;
            return;
        }
        const { errors, warnings } = CONTRACTS[this.contract](text);
        if (errors.length === 0) {
            this.valid += 1;
            if (unterminatedLast)
                this.note('warning', lineNo, 'last line has no trailing newline (a write may be in progress)');
            if (warnings.length > 0)
                this.note('warning', lineNo, warnings.join('; '));
            return;
        }
        this.invalid += 1;
        const torn = unterminatedLast ? 'torn last line (incomplete write): ' : '';
        if (this.findings.filter((f) => f.severity === 'error').length < MAX_LINE_FINDINGS_PER_FILE) {
            this.note('error', lineNo, `${torn}${errors.join('; ')}`);
        }
    }
    note(severity, line, message) {
        if (severity === 'warning' &&
            this.findings.filter((f) => f.severity === 'warning').length >= MAX_LINE_FINDINGS_PER_FILE)
            return;
        this.findings.push({ severity, check: this.check, file: this.file, line, message });
    }
}

;// CONCATENATED MODULE: ./src/commands/validate-logging/read-lines.ts




/**
 * Streams a file through the LineChecker (read-only: the file is opened for reading only, so the
 * fallback file's bytes cannot change). Memory stays flat however large the log is.
 */
async function checkFileLines(path, displayName, contract, containsSecret) {
    const checker = new LineChecker(displayName, contract, containsSecret);
    const input = (0,external_node_fs_.createReadStream)(path, { encoding: 'utf8', flags: 'r' });
    const lines = (0,external_node_readline_.createInterface)({ input, crlfDelay: Infinity });
    for await (const line of lines)
        checker.addLine(line);
    return checker.finish(await endsWithNewline(path));
}
async function endsWithNewline(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const { size } = await handle.stat();
        if (size === 0)
            return true;
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        return last[0] === 0x0a;
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/commands/validate-logging.ts






const DEFAULT_MAX_SIZE_MB = 100;
/** The report must not overwrite one of the files it reports on. */
function refuseReportOverValidatedFile(options, dir, selection) {
    if (!options.reportPath)
        return;
    const protectedNames = [...selection.allLogs, selection.fallback, selection.replayLedger]
        .filter((e) => e !== null)
        .map((e) => (0,external_node_path_.resolve)(dir, e.name));
    if (protectedNames.includes((0,external_node_path_.resolve)(options.reportPath))) {
        throw new errors/* UsageError */.eb(`--report: ${options.reportPath} is one of the files being validated; choose another path`);
    }
}
async function checkFile(c, name, bytes, kind, contract) {
    // A secret the redactor knows, or URL userinfo, left in a line: redaction would change the text.
    const containsSecret = (text) => c.config.redactor.text(text) !== text;
    const path = (0,external_node_path_.join)(c.dir, name);
    try {
        const summary = await checkFileLines(path, name, contract, containsSecret);
        c.findings.push(...summary.findings);
        c.files.push({
            name,
            path,
            kind,
            bytes,
            lines: summary.lines,
            valid_lines: summary.validLines,
            invalid_lines: summary.invalidLines,
        });
        if (summary.lines === 0 && contract === 'log')
            c.findings.push({ severity: 'warning', check: 'json_lines', file: name, message: 'empty log file' });
    }
    catch (error) {
        c.findings.push({
            severity: 'error',
            check: contract === 'log' ? 'json_lines' : 'fallback',
            file: name,
            message: `cannot read: ${error.code ?? error.message}`,
        });
    }
}
/** The newest logs of each kind, then what the selection could not find or name. */
async function checkLogs(c, selection, dirExists) {
    const { config, dir, findings } = c;
    for (const kind of Object.keys(selection.newest)) {
        const newest = selection.newest[kind];
        if (newest.length === 0) {
            findings.push({
                severity: 'info',
                check: 'selection',
                message: `no ${kind} log for "${config.envName}" in ${dir}`,
            });
        }
        for (const entry of newest)
            await checkFile(c, entry.name, entry.bytes, kind, 'log');
    }
    if (dirExists && Object.values(selection.newest).every((list) => list.length === 0)) {
        findings.push({
            severity: 'warning',
            check: 'selection',
            message: `no logs at all for "${config.envName}" in ${dir}`,
        });
    }
    for (const name of selection.oddlyNamed) {
        findings.push({
            severity: 'info',
            check: 'selection',
            file: name,
            message: 'not named <kind>_<env>_<YYYYMMDD_HHMMSS>.log; size checked only',
        });
    }
}
async function checkFallbackFiles(c, selection) {
    if (selection.fallback)
        await checkFile(c, selection.fallback.name, selection.fallback.bytes, 'fallback', 'fallback');
    else
        c.findings.push({
            severity: 'info',
            check: 'fallback',
            message: 'no notification_fallback.jsonl (no undelivered notifications recorded)',
        });
    if (selection.replayLedger)
        await checkFile(c, selection.replayLedger.name, selection.replayLedger.bytes, 'replay_ledger', 'replay_ledger');
}
/** The files over the size limit, each with a finding. */
function checkSizes(c, selection, maxSizeMb) {
    const maxBytes = maxSizeMb * 1024 * 1024;
    const tooBig = oversized([...selection.allLogs, ...[selection.fallback, selection.replayLedger].filter((e) => e !== null)], maxBytes);
    for (const entry of tooBig) {
        c.findings.push({
            severity: 'warning',
            check: 'size',
            file: entry.name,
            message: `${(entry.bytes / 1024 / 1024).toFixed(1)} MB, over the ${maxSizeMb} MB limit (rotate or archive it)`,
        });
    }
    return tooBig;
}
/**
 * `validate-logging`: are the logs an operator will rely on during an incident really there and
 * readable? Reads only; the one write is a probe temp file that is removed again.
 */
async function validateLoggingCommand(config, options, deps) {
    const maxSizeMb = options.maxSizeMb ?? DEFAULT_MAX_SIZE_MB;
    if (!(maxSizeMb > 0))
        throw new errors/* UsageError */.eb(`--max-size-mb: expected a number greater than 0, got ${maxSizeMb}`);
    const perKind = options.newestPerKind ?? 1;
    const dir = options.logDir;
    const c = { config, dir, findings: [], files: [] };
    const { findings, files } = c;
    const probe = await probeLogDirectory(dir);
    if (probe.severity !== 'ok')
        findings.push({ severity: probe.severity, check: 'directory', message: probe.detail });
    const entries = await listDirectory(dir);
    const selection = selectLogs(entries, config.envName, perKind);
    refuseReportOverValidatedFile(options, dir, selection);
    await checkLogs(c, selection, probe.exists);
    await checkFallbackFiles(c, selection);
    const tooBig = checkSizes(c, selection, maxSizeMb);
    const counts = countFindings(findings);
    const verdict = loggingVerdict(counts, options.strict);
    const { severity: _severity, ...directory } = probe;
    return {
        ok: verdict.ok,
        status: verdict.status,
        strict: options.strict,
        environment: config.envName,
        log_dir: dir,
        checked_at: new Date(deps.clock.now()).toISOString(),
        max_size_mb: maxSizeMb,
        directory,
        files,
        oversized: tooBig.map((e) => ({ name: e.name, bytes: e.bytes })),
        findings,
        counts,
    };
}

// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: ./src/domain/time/file-stamp.ts
var file_stamp = __webpack_require__(36002);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(38037);
// EXTERNAL MODULE: ./src/options/values.ts
var values = __webpack_require__(62262);
;// CONCATENATED MODULE: ./src/action/commands/validate-logging.ts








const ICON = { error: '\u274c error', warning: '\u26a0\ufe0f warning', info: '\u2139\ufe0f info' };
/**
 * Inputs: environment, config, log-dir, and (when declared) strict, max-size-mb. The report JSON
 * is written beside the logs as logging_validation_<env>_<ts>.json (output report-path), a name
 * validate-logging itself never reads.
 */
const validateLoggingAction = async (ctx) => {
    const strict = (0,inputs/* booleanInput */.tE)(ctx.core, 'strict');
    const maxSizeMb = (0,values/* maxSizeMbOption */.s_)((0,inputs/* optionalInput */.$m)(ctx.core, 'max-size-mb'));
    const dir = (0,state_dir/* logDir */.mw)(ctx.inputs.workingDirectory, (0,inputs/* optionalInput */.$m)(ctx.core, 'log-dir'));
    const config = ctx.loadConfig();
    const report = await validateLoggingCommand(config, { logDir: dir, strict, maxSizeMb }, { clock: ctx.clock });
    const reportPath = (0,external_node_path_.join)(dir, `logging_validation_${config.envName}_${(0,file_stamp/* fileStamp */.a)(ctx.clock.now())}.json`);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    (0,external_node_fs_.writeFileSync)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    for (const f of report.findings) {
        const properties = {
            title: `dhash logging: ${f.check}`,
            file: f.file ? (0,external_node_path_.join)(dir, f.file) : undefined,
            startLine: f.line,
        };
        if (f.severity === 'error')
            ctx.core.error(f.message, properties);
        else if (f.severity === 'warning')
            ctx.core.warning(f.message, properties);
    }
    const summary = [
        `## dhash-rollout validate-logging: ${report.ok ? 'ok' : 'failed'} for \`${report.environment}\``,
        `\`${report.log_dir}\` \u00b7 ${report.directory.detail} \u00b7 ${report.counts.errors} errors, ${report.counts.warnings} warnings${report.strict ? ' \u00b7 strict' : ''}`,
        report.files.length > 0
            ? (0,markdown/* table */.tp)(['file', 'kind', 'lines', 'invalid', 'size'], report.files.map((f) => [
                f.name,
                f.kind,
                f.lines,
                f.invalid_lines,
                `${(f.bytes / 1024).toFixed(1)} KiB`,
            ]))
            : '_No log files to read._',
        report.findings.length > 0
            ? (0,markdown/* table */.tp)(['severity', 'check', 'where', 'finding'], report.findings.map((f) => [
                ICON[f.severity],
                f.check,
                f.file ? `${f.file}${f.line === undefined ? '' : `:${f.line}`}` : '',
                f.message,
            ]))
            : '',
    ]
        .filter((s) => s !== '')
        .join('\n\n');
    return {
        outputs: { result: report.status, environment: report.environment, 'report-path': reportPath },
        summary,
        failure: report.ok
            ? undefined
            : `logging validation failed: ${report.counts.errors} errors, ${report.counts.warnings} warnings${report.strict ? ' (strict)' : ''}`,
    };
};


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


/***/ })

} };
})
