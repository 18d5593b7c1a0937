"use strict";
(function (__dhashImportMetaUrl) {
return { id: 288, ids: [288], modules: {

/***/ 9288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerEvidence: () => (/* binding */ registerEvidence)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/domain/gates/decider.ts + 2 modules
var decider = __webpack_require__(2777);
// EXTERNAL MODULE: ./src/domain/gates/inputs.ts + 1 modules
var inputs = __webpack_require__(5270);
// EXTERNAL MODULE: ./src/report/evidence.ts
var evidence = __webpack_require__(3877);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/evidence-replay.ts





/** Decisions that follow from the readings alone (outages and skipped rollbacks depend on more). */
const REPLAYED_KINDS = new Set([
    'alert',
    'resolved',
    'escalation',
    'rollback',
    'rollback_needs_confirmation',
    'rollback_disabled',
]);
function sameNumber(a, b) {
    const x = a ?? null;
    const y = b ?? null;
    if (x === null || y === null)
        return x === y;
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}
function readEvidence(path) {
    let doc;
    try {
        doc = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`<file>: cannot read ${path} as JSON: ${error.message}`);
    }
    const schema = typeof doc === 'object' && doc !== null ? doc.schema : undefined;
    if (schema !== evidence/* EVIDENCE_SCHEMA */.m)
        throw new errors/* UsageError */.eb(`<file>: ${path} is not a monitor evidence file of schema "${evidence/* EVIDENCE_SCHEMA */.m}" (schema: ${JSON.stringify(schema)})`);
    return doc;
}
function replayEvidence(doc, file = '(evidence)') {
    const differences = [];
    const decider = deciderFor(doc);
    const replayed = [];
    doc.measurements.forEach((m, index) => {
        const where = `reading ${index + 1} (${m.gate} at ${m.at})`;
        const step = replayReading(decider, m, where, differences);
        if (!step)
            return;
        compareReading(step, m, where, differences);
        replayed.push(...step.decisions);
    });
    const recorded = doc.decisions.filter((d) => REPLAYED_KINDS.has(d.kind));
    compareDecisions(recorded, replayed.filter((d) => REPLAYED_KINDS.has(d.kind)), differences);
    const result = compareOutcome(doc, decider, differences);
    return {
        file,
        ok: differences.length === 0,
        readings: doc.measurements.length,
        decisions: recorded.length,
        result,
        differences,
    };
}
/** A decider with the gates, auto_rollback and escalation recorded in the file. */
function deciderFor(doc) {
    const rules = doc.gates.map((g) => ({
        gate: g.gate,
        threshold: g.threshold,
        unit: g.unit,
        actions: g.actions,
        windowMs: g.window_minutes !== null ? g.window_minutes * 60_000 : undefined,
        minSamples: g.min_samples ?? undefined,
        noData: g.no_data,
        checkIntervalMs: g.check_interval_seconds !== null ? g.check_interval_seconds * 1000 : undefined,
        failureLimit: g.failure_limit ?? undefined,
        inconclusiveLimit: g.inconclusive_limit ?? undefined,
    }));
    return new decider/* MonitorDecider */.z({
        rules,
        autoRollback: {
            enabled: doc.auto_rollback.enabled,
            confirmationRequired: doc.auto_rollback.confirmation_required,
        },
        escalation: doc.escalation,
    });
}
/** Feeds one recorded reading to the decider (a metric's value recomputed from its inputs first);
 * null for a health reading without the check's answer. */
function replayReading(decider, m, where, differences) {
    const at = Date.parse(m.at);
    if (m.kind === 'health') {
        if (!m.health) {
            differences.push(`${where}: a health reading without the check's answer`);
            return null;
        }
        return decider.health({
            at: Date.parse(m.measured_at),
            ok: m.health.ok,
            detail: m.health.detail,
            attempts: m.health.attempts,
        }, m.source, at);
    }
    const value = m.inputs ? (0,inputs/* valueFromInputs */.h)(m.inputs) : null;
    const samples = m.inputs ? (0,inputs/* samplesFromInputs */.B)(m.inputs) : null;
    if (!sameNumber(value, m.value))
        differences.push(`${where}: value ${m.value} recorded, ${value} recomputed from its inputs`);
    if (!sameNumber(samples, m.samples))
        differences.push(`${where}: ${m.samples} samples recorded, ${samples} recomputed from its inputs`);
    const measurement = {
        gate: m.gate,
        at: Date.parse(m.measured_at),
        value,
        samples,
        source: m.source,
        detail: m.detail,
        error: m.error,
        inputs: m.inputs,
    };
    return decider.metric(measurement, at);
}
/** The replayed verdict, reason, failure count and confirming state against the recorded ones. */
function compareReading(step, m, where, differences) {
    const e = step.evaluation;
    if (e.verdict !== m.verdict)
        differences.push(`${where}: verdict ${m.verdict} recorded, ${e.verdict} replayed`);
    else if (e.reason !== m.reason)
        differences.push(`${where}: reason "${m.reason}" recorded, "${e.reason}" replayed`);
    if (m.kind === 'health' && !sameNumber(e.value, m.value))
        differences.push(`${where}: ${m.value} consecutive failures recorded, ${e.value} replayed`);
    if ((e.confirming ?? null) !== (m.confirming ?? null))
        differences.push(`${where}: confirming ${m.confirming ?? '-'} recorded, ${e.confirming ?? '-'} replayed`);
}
/** The recorded decisions against the replayed ones, one by one. */
function compareDecisions(recorded, replayedKept, differences) {
    const count = Math.max(recorded.length, replayedKept.length);
    for (let i = 0; i < count; i++) {
        const r = recorded.at(i);
        const p = replayedKept.at(i);
        const show = (d) => d
            ? `${d.kind} [${d.gates.join(', ')}] at ${typeof d.at === 'number' ? new Date(d.at).toISOString() : d.at}`
            : '(none)';
        if (!r ||
            !p ||
            r.kind !== p.kind ||
            r.gates.join() !== p.gates.join() ||
            Date.parse(r.at) !== p.at ||
            r.detail !== p.detail)
            differences.push(`decision ${i + 1}: ${show(r)} recorded, ${show(p)} replayed`);
    }
}
/** The run's result and its gates without a verdict, replayed against the recorded ones. */
function compareOutcome(doc, decider, differences) {
    const confirmationSent = doc.decisions.some((d) => d.kind === 'rollback_needs_confirmation');
    const { result, withoutVerdict } = decider.outcome({
        rollbackOk: doc.rollback ? doc.rollback.ok : undefined,
        interrupted: doc.interrupted != null,
        preempted: doc.preempted != null,
        confirmationSent,
    });
    if (result !== doc.result)
        differences.push(`result ${doc.result} recorded, ${result} replayed`);
    const gatesWithout = (list) => list.map((g) => g.gate).join(', ');
    if (gatesWithout(withoutVerdict) !== gatesWithout(doc.without_verdict))
        differences.push(`gates without a verdict: [${gatesWithout(doc.without_verdict)}] recorded, [${gatesWithout(withoutVerdict)}] replayed`);
    return result;
}

// EXTERNAL MODULE: ./src/runtime/exit-codes.ts
var exit_codes = __webpack_require__(8313);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/cli/commands/evidence.ts




const HELP = `
Recomputes every value of a monitor evidence file (monitor_logs/*.evidence.json) from the raw
inputs stored with it (counter and bucket deltas, sample counts, PromQL answers at their
evaluation time, health answers), re-judges every reading with the monitor's own decision code
and the config recorded in the file, and compares values, verdicts, decisions and the result.

Exit codes: 0 every file replays identically \u00b7 1 a difference was found (each one is printed) \u00b7
2 a file is missing or is not monitor evidence.

Example:
  dhash-rollout evidence replay monitor_logs/dhash_production_20260101_120000.evidence.json`;
function registerEvidence(program, io) {
    const evidence = program
        .command('evidence')
        .description('Work with monitor evidence files: replay them to prove every decision.');
    evidence
        .command('replay')
        .description('Recompute every value and verdict of an evidence file; non-zero exit on any difference.')
        .argument('<file...>', 'evidence file(s) written by monitor or rollout')
        .option('--json', 'print the replay results as JSON')
        .addHelpText('after', HELP)
        .action((files, flags) => {
        const results = files.map((f) => {
            const path = (0,external_node_path_.resolve)(io.cwd, f);
            return replayEvidence(readEvidence(path), path);
        });
        if (flags.json)
            (0,cli_io/* print */.yy)(io, JSON.stringify(results, null, 2));
        else
            for (const r of results) {
                (0,cli_io/* print */.yy)(io, r.ok
                    ? `${r.file}: replays identically (${r.readings} readings, ${r.decisions} decisions, result ${r.result})`
                    : `${r.file}: ${r.differences.length} DIFFERENCE(S)`);
                for (const d of r.differences.slice(0, 50))
                    (0,cli_io/* print */.yy)(io, `  - ${d}`);
                if (r.differences.length > 50)
                    (0,cli_io/* print */.yy)(io, `  \u2026 and ${r.differences.length - 50} more`);
            }
        io.exitCode = results.every((r) => r.ok) ? exit_codes/* ExitCode */.y.ok : exit_codes/* ExitCode */.y.failed;
    });
}


/***/ })

} };
})
