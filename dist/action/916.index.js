"use strict";
(function (__dhashImportMetaUrl) {
return { id: 916, ids: [916], modules: {

/***/ 35916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   notifyAction: () => (/* binding */ notifyAction),
/* harmony export */   notifyActionResult: () => (/* binding */ notifyActionResult),
/* harmony export */   notifyDeps: () => (/* binding */ notifyDeps),
/* harmony export */   notifyReplayAction: () => (/* binding */ notifyReplayAction)
/* harmony export */ });
/* harmony import */ var _commands_notify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82945);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86309);
/* harmony import */ var _wiring_notify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17786);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81729);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38037);





function notifyDeps(ctx) {
    const config = ctx.loadConfig();
    const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_1__/* .logDir */ .mw)(ctx.inputs.workingDirectory, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalInput */ .$m)(ctx.core, 'log-dir'));
    const { logger, path } = (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_0__/* .openNotifyLog */ .w4)(config, ctx.clock, dir);
    for (const warning of config.warnings)
        ctx.core.warning(warning, { title: 'dhash-rollout notifications' });
    return {
        ...(0,_wiring_notify_js__WEBPACK_IMPORTED_MODULE_2__/* .notifyDepsFor */ .Xd)(config, { clock: ctx.clock, logger, logDir: dir, env: ctx.inputs.environmentVariables }),
        logPath: path,
    };
}
/** Outputs, annotations and job summary for notify and deploy-notify; all text is already redacted. */
function notifyActionResult(ctx, result, heading) {
    const m = result.message;
    const outputs = { environment: m.environment, 'deployment-id': m.deploymentId };
    if (result.dryRun) {
        const rendered = result.rendered.map((r) => `**${r.channel}** \u2192 \`${r.target}\`\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeBlock */ .DV)(JSON.stringify(r.payload, null, 2), 'json')}`);
        return {
            outputs: { ...outputs, result: 'planned' },
            summary: [
                `## ${heading} (dry-run): nothing sent`,
                `"${m.title}" \u00b7 ${m.level} \u00b7 dedup key \`${result.dedupKey}\``,
                ...rendered,
            ].join('\n\n'),
        };
    }
    const report = result.report;
    const failed = report.deliveries.filter((d) => !d.delivered);
    for (const d of failed)
        ctx.core.error(`${d.channel}: ${d.error}`, { title: `dhash notification not delivered (${d.channel})` });
    const summary = [
        `## ${heading}: ${report.allDelivered ? 'delivered' : `${failed.length} channel(s) not delivered`}`,
        `"${m.title}" \u00b7 ${m.level} \u00b7 \`${m.environment}\` \u00b7 dedup key \`${result.dedupKey}\``,
        report.deliveries.length === 0
            ? 'No channel is enabled for this environment.'
            : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)(['channel', 'target', 'result', 'attempts', 'error'], report.deliveries.map((d) => [
                d.channel,
                d.target ?? '',
                d.delivered ? '\u2705 delivered' : d.fellBack ? '\u274c in fallback' : '\u274c lost (fallback unwritable)',
                d.attempts,
                d.error ?? '',
            ])),
        report.fallbackPath
            ? `Undelivered messages were appended to \`${report.fallbackPath}\`; send them with \`dhash-rollout notify --replay\` (or command \`notify-replay\`).`
            : '',
    ].join('\n\n');
    const lost = failed.filter((d) => !d.fellBack).map((d) => d.channel);
    return {
        outputs: { ...outputs, result: report.allDelivered ? 'delivered' : 'fallback' },
        summary,
        failure: report.allDelivered
            ? undefined
            : lost.length > 0
                ? `notification not delivered to ${failed.map((d) => d.channel).join(', ')}; the fallback file could not be written for ${lost.join(', ')}: printed whole on stderr, the only copy`
                : `notification not delivered to ${failed.map((d) => d.channel).join(', ')}; kept in the fallback file`,
        // 5 when a message is neither delivered nor stored, as from the CLI.
        exitCode: result.exitCode,
    };
}
/** Inputs: environment, config, level, message, event, deployment-id, version, log-dir, dry-run. */
const notifyAction = async (ctx) => {
    const deps = notifyDeps(ctx);
    const event = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalInput */ .$m)(ctx.core, 'event');
    const result = await (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_0__/* .notifyCommand */ .Vi)({
        level: (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLevel */ .QA)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalInput */ .$m)(ctx.core, 'level'), 'level'),
        text: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalInput */ .$m)(ctx.core, 'message') ?? '',
        event: event === undefined ? undefined : (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_0__/* .parseEvent */ .wj)(event, 'event'),
        deploymentId: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalInput */ .$m)(ctx.core, 'deployment-id'),
        version: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalInput */ .$m)(ctx.core, 'version'),
        dryRun: ctx.inputs.dryRun,
    }, deps);
    return notifyActionResult(ctx, result, 'dhash-rollout notify');
};
/** `command: notify-replay`: re-sends the fallback file's undelivered lines. */
const notifyReplayAction = async (ctx) => {
    const report = await (0,_commands_notify_js__WEBPACK_IMPORTED_MODULE_0__/* .replayCommand */ .Pi)(notifyDeps(ctx));
    const delivered = report.lines.filter((l) => l.status === 'delivered').length;
    const summary = [
        `## dhash-rollout notify replay: ${delivered} delivered, ${report.pending} still pending`,
        report.lines.length === 0
            ? 'Nothing to replay.'
            : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)(['channel', 'dedup key', 'recorded', 'result', 'error'], report.lines.map((l) => [l.channel, l.dedup_key, l.recorded_at, l.status, l.error ?? ''])),
    ].join('\n\n');
    return {
        outputs: { result: report.pending > 0 ? 'fallback' : 'delivered' },
        summary,
        failure: report.pending > 0 ? `${report.pending} fallback line(s) still undelivered` : undefined,
    };
};


/***/ }),

/***/ 82945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fZ: () => (/* binding */ deliverMessage),
  Gt: () => (/* binding */ deploymentIdFor),
  Vi: () => (/* binding */ notifyCommand),
  w4: () => (/* binding */ openNotifyLog),
  wj: () => (/* binding */ parseEvent),
  QA: () => (/* binding */ parseLevel),
  Pi: () => (/* binding */ replayCommand),
  $E: () => (/* binding */ runLinks)
});

// UNUSED EXPORTS: exitCodeForDelivery, parseDuration

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/domain/messages/compose.ts
var compose = __webpack_require__(8969);
// EXTERNAL MODULE: ./src/domain/messages/content.ts
var content = __webpack_require__(41768);
// EXTERNAL MODULE: ./src/runtime/exit-codes.ts
var exit_codes = __webpack_require__(98313);
;// CONCATENATED MODULE: ./src/ports.ts
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

// EXTERNAL MODULE: ./src/runtime/deployment-id.ts
var deployment_id = __webpack_require__(15291);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var logger = __webpack_require__(38118);
// EXTERNAL MODULE: ./src/domain/messages/text.ts
var messages_text = __webpack_require__(8874);
// EXTERNAL MODULE: ./src/runtime/log-file-name.ts
var log_file_name = __webpack_require__(16933);
;// CONCATENATED MODULE: ./src/commands/notify.ts











/** What the exit code says about a message: delivered, stored for replay, or only printed. */
function exitCodeForDelivery(report) {
    if (report.allDelivered)
        return exit_codes/* ExitCode */.y.ok;
    return report.deliveries.some((d) => !d.delivered && !d.fellBack)
        ? exit_codes/* ExitCode */.y.notificationPrinted
        : exit_codes/* ExitCode */.y.failed;
}
function parseLevel(value, flag) {
    const level = (value ?? 'info').trim().toLowerCase();
    if (!NOTIFICATION_LEVELS.includes(level))
        throw new errors/* UsageError */.eb(`${flag}: expected one of ${NOTIFICATION_LEVELS.join(', ')}, got "${value}"`);
    return level;
}
function parseEvent(value, flag) {
    const event = (value ?? '').trim();
    if (!NOTIFICATION_EVENTS.includes(event)) {
        throw new errors/* UsageError */.eb(`${flag}: expected one of ${NOTIFICATION_EVENTS.join(', ')}, got ${value === undefined || value === '' ? 'nothing' : `"${value}"`}`);
    }
    return event;
}
/** Deployment id: given, else DHASH_DEPLOYMENT_ID, else derived from the GitHub run or stamped. */
function deploymentIdFor(given, deps) {
    return (given?.trim() ||
        deps.env.DHASH_DEPLOYMENT_ID ||
        (0,deployment_id/* newDeploymentId */.X)(deps.config.envName, deps.clock.now(), deps.env));
}
function runLinks(env, logsUrl) {
    const links = {};
    const run = (0,compose/* githubRunUrl */.Gk)(env);
    if (run)
        links.run = run;
    if (logsUrl) {
        if (!/^https?:\/\//.test(logsUrl))
            throw new errors/* UsageError */.eb(`--logs-url: expected an http(s) URL, got "${logsUrl}"`);
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
        dedupKey: (0,content/* dedupKeyOf */.tt)(message),
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
        throw new errors/* UsageError */.eb('--message: expected the text to send, got nothing');
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
        dedupKey: `${deploymentId}:${event}:${(0,external_node_crypto_.createHash)('sha256').update(`${options.level}\n${text}`).digest('hex').slice(0, 12)}`,
    };
    if (options.version)
        message.version = options.version;
    const links = runLinks(deps.env, options.logsUrl);
    if (links && Object.keys(links).length > 0)
        message.links = links;
    return deliverMessage(message, options.dryRun, deps);
}
function firstLine(text) {
    return (0,messages_text/* truncate */.xv)(text.split('\n')[0].trim(), 120);
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
        throw new UsageError(`${flag}: expected a duration such as 90s, 15m, 24h or 7d (at most 365d), got "${value}"`);
    return ms;
}
/** `monitor_logs/notify_<env>_<YYYYMMDD_HHMMSS>.log`: JSON lines, redacted by the config's redactor. */
function openNotifyLog(config, clock, logDir, extraSinks = [], stderr = process.stderr) {
    const path = (0,external_node_path_.join)(logDir, (0,log_file_name/* logFileName */.E)('notify', config.envName, clock.now()));
    // A log that cannot be written is said once on stderr; it never stops the message.
    const file = new logger/* JsonFileSink */.m7(path, (line) => stderr.write(line));
    return {
        logger: new logger/* JsonLinesLogger */.Qk(clock, [file, ...extraSinks], config.redactor, {
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

/***/ 15291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ newDeploymentId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36002);


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
