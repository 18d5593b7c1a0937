"use strict";
(function (__dhashImportMetaUrl) {
return { id: 456, ids: [456], modules: {

/***/ 1176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ printReplayReport),
/* harmony export */   e: () => (/* binding */ printNotifyResult)
/* harmony export */ });
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1604);

/** Human output of notify and deploy-notify; everything here has already been redacted. */
function printNotifyResult(io, result, logPath) {
    for (const warning of result.warnings)
        io.stderr.write(`warning: ${warning}\n`);
    const m = result.message;
    if (result.dryRun) {
        (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `dry-run: would send "${m.title}" [${m.level}, ${m.event}] to ${result.channels.length ? result.channels.join(', ') : 'no channel'} (dedup key ${result.dedupKey}); nothing sent`);
        for (const r of result.rendered) {
            (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `\n--- ${r.channel} \u2192 ${r.target}`);
            (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, r.payload === null
                ? '(nothing: this channel does not send this event)'
                : JSON.stringify(r.payload, null, 2));
        }
        return;
    }
    const report = result.report;
    (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `"${m.title}" [${m.level}, ${m.event}] to ${m.environment} (dedup key ${result.dedupKey}):`);
    for (const d of report.deliveries) {
        const tries = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
        if (d.delivered)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `  \u2714 ${d.channel.padEnd(8)} ${d.target ?? ''} delivered (${tries})`);
        else
            (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `  \u2718 ${d.channel.padEnd(8)} ${d.target ?? ''} NOT delivered (${tries}): ${d.error}${d.fellBack ? ' \u2192 kept in the fallback file' : ' \u2192 the fallback file could not be written either: printed whole on stderr'}`);
    }
    if (report.fallbackPath)
        (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `Undelivered messages are in ${report.fallbackPath}; send them later with: dhash-rollout notify --replay`);
    (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `log: ${logPath}`);
}
function printReplayReport(io, report) {
    for (const n of report.unreadable)
        io.stderr.write(`warning: ${report.fallbackPath} line ${n} is not a fallback record; left alone\n`);
    if (report.lines.length === 0) {
        (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `Nothing to replay: every line of ${report.fallbackPath} has been delivered (or the file is empty).`);
        return;
    }
    for (const l of report.lines) {
        const mark = { delivered: '\u2714', skipped_duplicate: '\u21b7', dropped: '\u232b', failed: '\u2718' }[l.status];
        const what = {
            delivered: `delivered (${l.attempts} attempt${l.attempts === 1 ? '' : 's'})`,
            skipped_duplicate: 'skipped: the same message was already delivered',
            dropped: `given up on: ${l.reason ?? 'dropped'}`,
            failed: `still undelivered: ${l.error}`,
        }[l.status];
        (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `  ${mark} ${l.channel.padEnd(8)} ${l.dedup_key} (recorded ${l.recorded_at}): ${what}`);
    }
    const delivered = report.lines.filter((l) => l.status === 'delivered').length;
    const skipped = report.lines.filter((l) => l.status === 'skipped_duplicate').length;
    (0,_io_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(io, `${delivered} delivered, ${skipped} skipped as duplicates, ${report.dropped} dropped, ${report.pending} still pending. Outcomes recorded in ${report.ledgerPath}.`);
    if (report.deadlineReached)
        io.stderr.write('warning: the replay deadline was reached; the lines not tried stay pending for the next replay\n');
    if (report.unrecorded > 0)
        io.stderr.write(`warning: ${report.unrecorded} outcome(s) could not be written to ${report.ledgerPath}; a later replay will send them again (receivers drop repeats by dedup key)\n`);
}


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerNotify: () => (/* binding */ registerNotify)
/* harmony export */ });
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6309);
/* harmony import */ var _commands_notify_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8661);
/* harmony import */ var _wiring_notify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7786);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9541);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8118);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);
/* harmony import */ var _notify_output_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1176);








// eslint-disable-next-line max-lines-per-function -- commander registration: one declarative chain of options and the action that reads them
function registerNotify(program, io) {
    (0,_common_options_js__WEBPACK_IMPORTED_MODULE_5__/* .addConfigOptions */ .S0)(program
        .command('notify')
        .description("Send a message to the environment's notification channels, or replay the fallback file (--replay).")
        .option('-l, --level <level>', 'info, warning, error or critical', 'info')
        .option('-m, --message <text>', 'the text to send')
        .option('--title <text>', 'headline (default: the first line of the message)')
        .option('--event <event>', 'event the message is about (default: monitoring_alert, or gate_resolved for info)')
        .option('--deployment-id <id>', 'deployment id for the dedup key (default: DHASH_DEPLOYMENT_ID, the GitHub run, or a new one)')
        .option('--version <version>', 'version shown in the message')
        .option('--logs-url <url>', 'link to the logs, shown in the message')
        .option('--log-dir <dir>', 'directory for the log and the fallback file', 'monitor_logs')
        .option('--dry-run', 'print the payload each channel would receive; send nothing')
        .option('--replay', 'send again every fallback line not yet delivered, and record which were')
        .option('--deadline <duration>', 'with --replay: end the whole replay within this time (default 3m)')
        .option('--drop <key>', 'with --replay: give up on the lines with this dedup key (or line id), recorded as dropped; repeatable', (value, previous) => [...(previous ?? []), value])
        .option('--older-than <duration>', 'with --replay: give up on lines recorded longer ago (e.g. 24h, 7d)')
        .option('--json', 'print the result as JSON'))
        .addHelpText('after', `
Exit codes: 0 every enabled channel delivered (or dry-run), 1 something went to
monitor_logs/notification_fallback.jsonl (or, with --replay, is still undelivered),
2 usage or config error (e.g. a channel enabled without its webhook variable), 4 another replay runs,
5 a message could be neither delivered nor stored (unwritable log folder, full disk): it was printed
whole on stderr.

Replay gives up on a line only when told to (--drop, --older-than), and records that it did.

Examples:
  dhash-rollout notify --env production --level warning --message "P95 above 2 s"
  dhash-rollout notify --env production --level info --message "test" --dry-run
  dhash-rollout notify --replay
  dhash-rollout notify --replay --deadline 2m --older-than 7d
  dhash-rollout notify --replay --drop 'gh-123-1:escalation:memory_usage:1764370000000:1'`)
        .action(async (flags) => {
        const config = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_5__/* .loadFromFlags */ .q8)(flags, io);
        const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__/* .logDir */ .mw)(io.cwd, flags.logDir);
        const { logger, path } = (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_1__/* .openNotifyLog */ .w4)(config, io.clock, dir, [new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_4__/* .ConsoleSink */ .Nw((0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .consoleLevel */ .sr)(io, flags.verbose, 'WARN'), io.stderr)], io.stderr);
        const deps = (0,_wiring_notify_js__WEBPACK_IMPORTED_MODULE_2__/* .notifyDepsFor */ .Xd)(config, {
            clock: io.clock,
            logger,
            logDir: dir,
            env: io.env,
            stdout: io.stdout,
            stderr: io.stderr,
        });
        if (!flags.replay && (flags.deadline || flags.drop || flags.olderThan))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--deadline, --drop and --older-than: only with --replay');
        if (flags.replay) {
            if (flags.message !== undefined || flags.dryRun)
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--replay: cannot be combined with --message or --dry-run');
            const deadlineMs = flags.deadline ? (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(flags.deadline, '--deadline') : undefined;
            const olderThanMs = flags.olderThan ? (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(flags.olderThan, '--older-than') : undefined;
            for (const key of flags.drop ?? [])
                if (key.trim() === '')
                    throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--drop: expected a dedup key or line id, got nothing');
            io.stderr.write(`replaying ${config.redactor.text(dir)}/notification_fallback.jsonl \u2026\n`);
            const tty = io.stderr.isTTY === true;
            const report = await (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_1__/* .replayCommand */ .Pi)(deps, {
                deadlineMs,
                olderThanMs,
                drop: flags.drop,
                onProgress: tty
                    ? (p) => io.stderr.write(`\r\x1b[Kreplay ${p.done}/${p.total} \u00b7 ${p.delivered} delivered \u00b7 ${p.failed} undelivered \u00b7 ${p.dropped} dropped`)
                    : undefined,
            });
            if (tty)
                io.stderr.write('\n');
            if (flags.json)
                (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .print */ .yy)(io, JSON.stringify(report, null, 2));
            else
                (0,_notify_output_js__WEBPACK_IMPORTED_MODULE_7__/* .printReplayReport */ .B)(io, report);
            io.exitCode = report.exitCode;
            return;
        }
        if (flags.message === undefined)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--message: required (or use --replay)');
        const level = (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLevel */ .QA)(flags.level, 'level');
        const event = flags.event === undefined ? undefined : (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEvent */ .wj)(flags.event, 'event');
        (0,_wiring_notify_js__WEBPACK_IMPORTED_MODULE_2__/* .checkChannelsBeforeSending */ .AE)(config, !!flags.dryRun);
        if (!flags.dryRun && config.env.notifications.channels.length > 0) {
            io.stderr.write(`sending to ${config.env.notifications.channels.join(', ')} (deadline ${config.env.notifications.deadline_seconds} s) \u2026\n`);
        }
        const result = await (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_1__/* .notifyCommand */ .Vi)({
            level,
            text: flags.message,
            title: flags.title,
            event,
            deploymentId: flags.deploymentId,
            version: flags.version,
            logsUrl: flags.logsUrl,
            dryRun: !!flags.dryRun,
        }, deps);
        if (flags.json)
            (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .print */ .yy)(io, JSON.stringify(result, null, 2));
        else
            (0,_notify_output_js__WEBPACK_IMPORTED_MODULE_7__/* .printNotifyResult */ .e)(io, result, path);
        io.exitCode = result.exitCode;
    });
}


/***/ }),

/***/ 8661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ runLinks),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Gt: () => (/* binding */ deploymentIdFor),
/* harmony export */   Pi: () => (/* binding */ replayCommand),
/* harmony export */   QA: () => (/* binding */ parseLevel),
/* harmony export */   Vi: () => (/* binding */ notifyCommand),
/* harmony export */   fZ: () => (/* binding */ deliverMessage),
/* harmony export */   w4: () => (/* binding */ openNotifyLog),
/* harmony export */   wj: () => (/* binding */ parseEvent)
/* harmony export */ });
/* unused harmony export exitCodeForDelivery */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _domain_messages_compose_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8969);
/* harmony import */ var _domain_messages_content_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1768);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8313);
/* harmony import */ var _ports_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6467);
/* harmony import */ var _runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5291);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9541);
/* harmony import */ var _runtime_logger_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8118);
/* harmony import */ var _domain_messages_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8874);
/* harmony import */ var _runtime_log_file_name_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6933);











/** What the exit code says about a message: delivered, stored for replay, or only printed. */
function exitCodeForDelivery(report) {
    if (report.allDelivered)
        return _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .ExitCode */ .y.ok;
    return report.deliveries.some((d) => !d.delivered && !d.fellBack)
        ? _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .ExitCode */ .y.notificationPrinted
        : _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .ExitCode */ .y.failed;
}
function parseLevel(value, flag) {
    const level = (value ?? 'info').trim().toLowerCase();
    if (!_ports_js__WEBPACK_IMPORTED_MODULE_9__/* .NOTIFICATION_LEVELS */ .o.includes(level))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`${flag}: expected one of ${_ports_js__WEBPACK_IMPORTED_MODULE_9__/* .NOTIFICATION_LEVELS */ .o.join(', ')}, got "${value}"`);
    return level;
}
function parseEvent(value, flag) {
    const event = (value ?? '').trim();
    if (!_ports_js__WEBPACK_IMPORTED_MODULE_9__/* .NOTIFICATION_EVENTS */ .s.includes(event)) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`${flag}: expected one of ${_ports_js__WEBPACK_IMPORTED_MODULE_9__/* .NOTIFICATION_EVENTS */ .s.join(', ')}, got ${value === undefined || value === '' ? 'nothing' : `"${value}"`}`);
    }
    return event;
}
/** Deployment id: given, else DHASH_DEPLOYMENT_ID, else derived from the GitHub run or stamped. */
function deploymentIdFor(given, deps) {
    return (given?.trim() ||
        deps.env.DHASH_DEPLOYMENT_ID ||
        (0,_runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_5__/* .newDeploymentId */ .X)(deps.config.envName, deps.clock.now(), deps.env));
}
function runLinks(env, logsUrl) {
    const links = {};
    const run = (0,_domain_messages_compose_js__WEBPACK_IMPORTED_MODULE_2__/* .githubRunUrl */ .Gk)(env);
    if (run)
        links.run = run;
    if (logsUrl) {
        if (!/^https?:\/\//.test(logsUrl))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--logs-url: expected an http(s) URL, got "${logsUrl}"`);
        links.logs = logsUrl;
    }
    return links;
}
/**
 * Sends (or, in a dry-run, renders) one message to the environment's channels. Sending needs
 * every enabled channel's settings \u2014 a missing one is a config error before anything is sent.
 */
async function deliverMessage(message, dryRun, deps) {
    const { config } = deps;
    const channels = config.env.notifications.channels;
    const warnings = [];
    if (channels.length === 0)
        warnings.push(`no notification channels are enabled for "${config.envName}" (notifications.channels is empty); nothing is sent`);
    const base = {
        message: config.redactor.value(message),
        dedupKey: (0,_domain_messages_content_js__WEBPACK_IMPORTED_MODULE_3__/* .dedupKeyOf */ .tt)(message),
        channels: [...channels],
    };
    const { notifier } = deps;
    if (dryRun) {
        const rendered = notifier.render(message);
        for (const r of rendered)
            if (r.problem)
                warnings.push(r.problem);
        deps.logger.info('notification dry-run: rendered, not sent', { channels, dedup_key: base.dedupKey });
        return {
            ...base,
            dryRun: true,
            rendered: rendered.map(({ channel, target, payload }) => ({ channel, target, payload })),
            warnings,
            exitCode: 0,
        };
    }
    const report = await notifier.send(message, deps.signal);
    return { ...base, dryRun: false, report, warnings, exitCode: exitCodeForDelivery(report) };
}
/** `notify`: an operator's message to the environment's channels. */
async function notifyCommand(options, deps) {
    const text = options.text.trim();
    if (text === '')
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb('--message: expected the text to send, got nothing');
    const deploymentId = deploymentIdFor(options.deploymentId, deps);
    const event = options.event ?? (options.level === 'info' ? 'gate_resolved' : 'monitoring_alert');
    const message = {
        event,
        level: options.level,
        title: options.title?.trim() || firstLine(text),
        text,
        environment: deps.config.envName,
        deploymentId,
        // Two different operator messages in one run must not share a key; the same one re-sent should.
        dedupKey: `${deploymentId}:${event}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${options.level}\n${text}`).digest('hex').slice(0, 12)}`,
    };
    if (options.version)
        message.version = options.version;
    const links = runLinks(deps.env, options.logsUrl);
    if (links && Object.keys(links).length > 0)
        message.links = links;
    return deliverMessage(message, options.dryRun, deps);
}
function firstLine(text) {
    return (0,_domain_messages_text_js__WEBPACK_IMPORTED_MODULE_10__/* .truncate */ .xv)(text.split('\n')[0].trim(), 120);
}
/** `notify --replay`: re-sends what the fallback file holds and no replay has delivered. */
async function replayCommand(deps, flags = {}) {
    const report = await deps.replayer.replay(flags);
    return { ...report, exitCode: report.pending > 0 ? 1 : 0 };
}
/** "90s", "15m", "24h", "7d" (or a bare number of seconds) in ms, for --deadline and --older-than. */
function parseDuration(value, flag) {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
    // The unit group is optional: undefined when only a number was given.
    const ms = m ? Number(m[1]) * unit[m[2] ?? 's'] : NaN;
    if (!Number.isFinite(ms) || ms <= 0 || ms > 365 * 86_400_000)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`${flag}: expected a duration such as 90s, 15m, 24h or 7d (at most 365d), got "${value}"`);
    return ms;
}
/** `monitor_logs/notify_<env>_<YYYYMMDD_HHMMSS>.log`: JSON lines, redacted by the config's redactor. */
function openNotifyLog(config, clock, logDir, extraSinks = [], stderr = process.stderr) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(logDir, (0,_runtime_log_file_name_js__WEBPACK_IMPORTED_MODULE_8__/* .logFileName */ .E)('notify', config.envName, clock.now()));
    // A log that cannot be written is said once on stderr; it never stops the message.
    const file = new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_7__/* .JsonFileSink */ .m7(path, (line) => stderr.write(line));
    return {
        logger: new _runtime_logger_js__WEBPACK_IMPORTED_MODULE_7__/* .JsonLinesLogger */ .Qk(clock, [file, ...extraSinks], config.redactor, {
            environment: config.envName,
        }),
        path,
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
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1768);

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

/***/ 6467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ NOTIFICATION_LEVELS),
/* harmony export */   s: () => (/* binding */ NOTIFICATION_EVENTS)
/* harmony export */ });
const NOTIFICATION_EVENTS = [
    'deployment_start',
    'deployment_success',
    'deployment_failure',
    'rollback_start',
    'rollback_success',
    'rollback_failure',
    'monitoring_alert',
    'gate_resolved',
    'escalation',
];
const NOTIFICATION_LEVELS = ['info', 'warning', 'error', 'critical'];


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
