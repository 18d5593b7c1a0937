"use strict";
(function (__dhashImportMetaUrl) {
return { id: 288, ids: [288], modules: {

/***/ 39288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rolloutAction: () => (/* binding */ rolloutAction)
/* harmony export */ });
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62262);
/* harmony import */ var _log_sink_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2990);
/* harmony import */ var _domain_messages_compose_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8969);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _commands_rollout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40051);
/* harmony import */ var _wiring_rollout_deps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81742);
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86309);
/* harmony import */ var _report_job_summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5236);
/* harmony import */ var _runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(15291);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(81729);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(38037);











/** Inputs: environment, config, release, dry-run, window-minutes, deployment-id, log-dir, base-url. */
const rolloutAction = async (ctx) => {
    const release = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_0__/* .rolloutReleaseOption */ .ap)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .optionalInput */ .$m)(ctx.core, 'release'));
    const config = ctx.loadConfig();
    const windowMinutes = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_0__/* .windowMinutesOption */ .dn)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .optionalInput */ .$m)(ctx.core, 'window-minutes'), config);
    const env = ctx.inputs.environmentVariables;
    const dir = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_5__/* .logDir */ .mw)(ctx.inputs.workingDirectory, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .optionalInput */ .$m)(ctx.core, 'log-dir'));
    const runUrl = (0,_domain_messages_compose_js__WEBPACK_IMPORTED_MODULE_1__/* .githubRunUrl */ .Gk)(env);
    const deps = (0,_wiring_rollout_deps_js__WEBPACK_IMPORTED_MODULE_4__/* .buildRolloutDeps */ .a)({
        config,
        clock: ctx.clock,
        cwd: ctx.inputs.workingDirectory,
        env,
        interactive: false,
        logDir: dir,
        dryRun: ctx.inputs.dryRun,
        sinks: [new _log_sink_js__WEBPACK_IMPORTED_MODULE_9__/* .ActionLogSink */ .s(ctx.core, 'dhash rollout')],
    });
    const result = await (0,_commands_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .rolloutCommand */ .t)({
        config,
        release,
        dryRun: ctx.inputs.dryRun,
        deploymentId: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .optionalInput */ .$m)(ctx.core, 'deployment-id') ?? (0,_runtime_deployment_id_js__WEBPACK_IMPORTED_MODULE_7__/* .newDeploymentId */ .X)(config.envName, ctx.clock.now(), env),
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
        passed: '\u2705 passed',
        alerted: '\u26a0\ufe0f alerted',
        rolled_back: '\u21a9\ufe0f rolled back',
        rollback_failed: '\ud83d\uded1 rollback FAILED',
        inconclusive: '\u2754 INCONCLUSIVE (no verdict; not a success)',
        interrupted: '\u23f9\ufe0f interrupted',
        preempted: '\u23ed\ufe0f preempted by a manual rollback',
        dry_run: '\ud83d\udcdd dry run',
    };
    const parts = [
        `## dhash-rollout rollout: ${headline[result.outcome]} \u2014 \`${result.release}\` to \`${result.environment}\``,
        `${result.reason} \u00b7 deployment \`${result.deploymentId}\` \u00b7 live before \`${result.previousRelease ?? 'none'}\`, now \`${result.liveRelease ?? 'none'}\``,
    ];
    // The monitoring verdict, gate table and chart come first; the stage table follows.
    if (result.monitor && !result.monitor.dryRun && result.monitor.evidencePath) {
        const evidence = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(result.monitor.evidencePath, 'utf8'));
        parts.push((0,_report_job_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .monitorSummaryMarkdown */ .uF)(evidence, { heading: '###' }));
    }
    parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_10__/* .table */ .tp)(['stage', 'status', 'ended', 'detail'], result.stages.map((s) => [s.stage, s.status, s.endedAt, s.detail])));
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
const VERDICT_ICON = { pass: '\u2705', warn: '\u26a0\ufe0f', fail: '\u274c', inconclusive: '\u2754' };
const STATUS_ICON = {
    failed: '\u274c',
    breached: '\u26a0\ufe0f',
    inconclusive: '\u2754',
    passed: '\u2705',
    'not measured': '\u2796',
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
/** `\u21a9\ufe0f **Rolled back**: 3.0.0 \u2192 2.0.0 on demo`. */
function verdictLine(view) {
    const { watched, before, liveAfter } = view.release;
    const o = view.outcome;
    const release = o.kind === 'rolled_back'
        ? `${watched ? code(watched) : 'the release'} \u2192 ${liveAfter ? `${code(liveAfter)} live again` : 'the backup restored'}`
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
    facts.push(`Window ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(view.startedAt)}\u2013${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(view.endedAt)} UTC ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .utcDate */ .HB)(view.startedAt)} \u00b7 ${view.polls} of ${view.plannedPolls} polls \u00b7 deployment ${code(view.deploymentId)}`);
    return facts;
}
/** Every gate of the run: status, last, threshold, worst, polls in breach, inconclusive polls. */
function gateViewTableMarkdown(view) {
    const rows = view.gates.map((g) => {
        const value = (p) => (p ? cell((0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(p.value, g.unit)) : '\u2014');
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
    const description = `_${gate.gate} (${role}) over time, UTC ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .utcDate */ .HB)(valued[0].at)}: first line its value in ${gate.unit}, second line the threshold ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(gate.threshold, gate.unit)}. ${breaches.length ? `In breach ${breaches.length}\u00d7 from ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .clockTime */ .qo)(breaches[0].at)}, worst ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(gate.worst?.value ?? null, gate.unit)}.` : `Never in breach; worst ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatValue */ .Fl)(gate.worst?.value ?? null, gate.unit)}.`}${noData ? ` ${noData} reading(s) without data are not drawn.` : ''}_`;
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


/***/ })

} };
})
