"use strict";
(function (__dhashImportMetaUrl) {
return { id: 781, ids: [781], modules: {

/***/ 2777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ MonitorDecider)
});

// EXTERNAL MODULE: ./src/domain/gates/types.ts
var types = __webpack_require__(9142);
;// CONCATENATED MODULE: ./src/domain/alerts/alert-tracker.ts

/**
 * The alert state of every gate. An alert goes out when a gate enters breach (warn or fail), a
 * "resolved" when it passes again, and one reminder per escalation level while it stays in
 * breach. Nothing repeats per poll; an inconclusive verdict changes nothing (no data is not news).
 */
class AlertTracker {
    open = new Map();
    levels;
    constructor(escalation) {
        this.levels = escalation.enabled
            ? [...escalation.levels].sort((a, b) => a.after_minutes - b.after_minutes)
            : [];
    }
    /** The gates in breach now, with when each breach began (what identifies its incident). */
    openBreaches() {
        return [...this.open.entries()].map(([gate, breach]) => ({ gate, since: breach.since }));
    }
    observe(evaluation) {
        const gate = evaluation.gate;
        const current = this.open.get(gate);
        if ((0,types/* isBreach */.G)(evaluation.verdict)) {
            if (!current) {
                this.open.set(gate, { since: evaluation.at, levelsSent: 0, last: evaluation });
                return [{ kind: 'alert', gate, evaluation }];
            }
            current.last = evaluation;
            return [];
        }
        if (evaluation.verdict === 'pass' && current) {
            this.open.delete(gate);
            return [{ kind: 'resolved', gate, evaluation, breachedForMs: evaluation.at - current.since }];
        }
        return [];
    }
    /** Reminders due at `now` for gates still in breach; each level is sent once per breach. */
    escalations(now) {
        const events = [];
        for (const [gate, breach] of this.open) {
            while (breach.levelsSent < this.levels.length) {
                const level = this.levels[breach.levelsSent];
                if (now - breach.since < level.after_minutes * 60_000)
                    break;
                breach.levelsSent++;
                events.push({
                    kind: 'escalation',
                    gate,
                    evaluation: breach.last,
                    level: breach.levelsSent,
                    after_minutes: level.after_minutes,
                    breachStartedAt: breach.since,
                    mention: level.mention,
                    ...(level.recipients ? { recipients: level.recipients } : {}),
                    channels: level.channels,
                });
            }
        }
        return events;
    }
    get breached() {
        return [...this.open.keys()];
    }
}

// EXTERNAL MODULE: ./src/domain/gates/evaluate.ts + 1 modules
var evaluate = __webpack_require__(9249);
// EXTERNAL MODULE: ./src/domain/gates/health.ts
var health = __webpack_require__(9413);
;// CONCATENATED MODULE: ./src/domain/gates/judge.ts



/**
 * Turns readings into verdicts, one gate at a time, in the order they arrive. Pure and
 * deterministic, so `evidence replay` runs the very same judgement over the recorded inputs.
 *
 * - A breach must persist: a metric gate's breached reading counts only after `failureLimit`
 *   breached readings in a row (the monitor takes the second one by a fast re-check); until then
 *   the verdict is inconclusive with `confirming` set, which neither alerts nor rolls back.
 * - No data has a verdict: readings without one (no data, too few samples) are counted, and a
 *   gate that stayed without one for longer than its limit, or for more than half of its readings,
 *   is reported by `withoutVerdict()`.
 */
class GateJudge {
    rules;
    health;
    breachStreak = new Map();
    noData = new Map();
    constructor(rules) {
        this.rules = rules;
        const healthRule = rules.find((r) => (0,types/* isHealthGate */.I)(r.gate));
        this.health = healthRule ? new health/* HealthTracker */.J(healthRule) : null;
    }
    rule(gate) {
        return this.rules.find((r) => r.gate === gate);
    }
    /** A health check, judged at `at` (when its answer, or its deadline, came). */
    judgeHealth(check, source, at) {
        if (!this.health)
            throw new Error('health_check is not enabled');
        return { ...this.health.record(check, source), at };
    }
    /** A metric reading, judged at `at`. */
    judgeMetric(m, at) {
        const rule = this.rule(m.gate);
        if (!rule)
            throw new Error(`gate ${m.gate} is not enabled`);
        const raw = { ...(0,evaluate/* evaluateMeasurement */.Y)(rule, m), at };
        const limit = rule.failureLimit ?? 1;
        let judged = raw;
        if ((0,types/* isBreach */.G)(raw.verdict)) {
            const streak = (this.breachStreak.get(m.gate) ?? 0) + 1;
            this.breachStreak.set(m.gate, streak);
            if (streak < limit)
                judged = {
                    ...raw,
                    verdict: 'inconclusive',
                    confirming: streak,
                    reason: `${raw.reason}; breached reading ${streak} of ${limit} in a row, re-checking before acting`,
                };
        }
        else {
            this.breachStreak.set(m.gate, 0);
        }
        const stats = this.noData.get(m.gate) ?? { readings: 0, inconclusive: 0, streak: 0, longest: 0 };
        stats.readings++;
        if (judged.verdict === 'inconclusive' && judged.confirming === undefined) {
            stats.inconclusive++;
            stats.streak++;
            stats.longest = Math.max(stats.longest, stats.streak);
        }
        else {
            stats.streak = 0;
        }
        this.noData.set(m.gate, stats);
        return judged;
    }
    /** Gates that had no verdict for too long, with the reason. */
    withoutVerdict() {
        const out = [];
        for (const rule of this.rules) {
            if ((0,types/* isHealthGate */.I)(rule.gate))
                continue;
            const stats = this.noData.get(rule.gate);
            if (!stats || stats.readings === 0) {
                out.push({ gate: rule.gate, reason: 'never measured' });
                continue;
            }
            const limit = rule.inconclusiveLimit;
            if (limit !== undefined && stats.longest > limit)
                out.push({
                    gate: rule.gate,
                    reason: `${stats.longest} readings in a row without a verdict (inconclusive_limit ${limit})`,
                });
            else if (2 * stats.inconclusive > stats.readings)
                out.push({
                    gate: rule.gate,
                    reason: `${stats.inconclusive} of ${stats.readings} readings without a verdict (more than half)`,
                });
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/domain/gates/decider.ts



/**
 * The monitor's decisions, reading by reading: the verdict (GateJudge), alert state changes and
 * escalations (AlertTracker), and whether to roll back. Pure: the live monitor and `evidence
 * replay` feed it the same readings in the same order and must get the same steps.
 */
class MonitorDecider {
    config;
    judge;
    alerts;
    latest = new Map();
    breached = new Set();
    rollbackDecided = false;
    confirmationDecided = false;
    disabledNoted = false;
    failedOnce = false;
    constructor(config) {
        this.config = config;
        this.judge = new GateJudge(config.rules);
        this.alerts = new AlertTracker(config.escalation);
    }
    health(check, source, at) {
        return this.after(this.judge.judgeHealth(check, source, at));
    }
    metric(m, at) {
        return this.after(this.judge.judgeMetric(m, at));
    }
    /** The breaches still open (their alerts paged someone): a validated rollback resolves them. */
    openBreaches() {
        return this.alerts.openBreaches();
    }
    get rolledBackGates() {
        return this.rollbackDecided;
    }
    after(e) {
        this.latest.set(e.gate, e);
        if ((0,types/* isBreach */.G)(e.verdict))
            this.breached.add(e.gate);
        if (e.verdict === 'fail')
            this.failedOnce = true;
        const events = [...this.alerts.observe(e), ...this.alerts.escalations(e.at)];
        const failing = [...this.latest.values()].filter((x) => x.verdict === 'fail');
        const { enabled, confirmationRequired } = this.config.autoRollback;
        const rollBack = failing.length > 0 && enabled && !confirmationRequired && !this.rollbackDecided;
        const decisions = [];
        const sent = [];
        for (const event of events) {
            // A failing gate's alert is the rollback's own critical message; it is not sent twice.
            if (rollBack && event.kind === 'alert' && event.evaluation.verdict === 'fail')
                continue;
            sent.push(event);
            decisions.push({ at: e.at, kind: event.kind, gates: [event.gate], detail: event.evaluation.reason });
        }
        const gates = failing.map((f) => f.gate);
        const detail = failing.map((f) => `${f.gate}: ${f.reason}`).join('; ');
        let act;
        if (failing.length > 0 && !enabled && !this.disabledNoted) {
            this.disabledNoted = true;
            decisions.push({
                at: e.at,
                kind: 'rollback_disabled',
                gates,
                detail: 'auto_rollback.enabled is false: alert only',
            });
        }
        if (failing.length > 0 && enabled && confirmationRequired && !this.confirmationDecided) {
            this.confirmationDecided = true;
            decisions.push({ at: e.at, kind: 'rollback_needs_confirmation', gates, detail });
            act = { kind: 'confirm', failing };
        }
        if (rollBack) {
            this.rollbackDecided = true;
            decisions.push({ at: e.at, kind: 'rollback', gates, detail });
            act = { kind: 'rollback', failing };
        }
        return { evaluation: e, events: sent, decisions, act };
    }
    /** The run's result once the readings are in (and the rollback, if one ran, has ended). */
    outcome(ending) {
        const withoutVerdict = this.judge.withoutVerdict();
        let result;
        if (ending.rollbackOk !== undefined)
            result = ending.rollbackOk ? 'rolled_back' : 'rollback_failed';
        else if (ending.preempted)
            result = 'preempted';
        else if (ending.interrupted)
            result = 'interrupted';
        // A gate that failed (rollback disabled or awaiting confirmation) is a verdict: alerted.
        else if (ending.confirmationSent || this.failedOnce)
            result = 'alerted';
        else if (withoutVerdict.length > 0)
            result = 'inconclusive';
        else if (this.breached.size > 0)
            result = 'alerted';
        else
            result = 'passed';
        return { result, withoutVerdict };
    }
}


/***/ }),

/***/ 9249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ breachVerdict),
  Y: () => (/* binding */ evaluateMeasurement)
});

;// CONCATENATED MODULE: ./src/domain/gates/significance.ts
/**
 * A breach of a ratio gate must be more than luck. With a 1 % failure rate, 6 failures in the
 * first 78 extractions of a window (7.7 %) happen in a few windows per thousand; rolling back on
 * them is a false rollback. So a ratio breach counts only when the Wilson score lower bound of the
 * observed share, at one-sided 90 % confidence, is above the threshold; until then the gate is
 * inconclusive and the next poll (more samples) decides. A real regression clears this within a
 * poll or two: 15 of 205 (7.3 %) against 5 % already does.
 */
const BREACH_CONFIDENCE_Z = 1.2816; // one-sided 90 %
function wilsonLowerBound(share, n, z = BREACH_CONFIDENCE_Z) {
    if (!(n > 0))
        return 0;
    const z2 = z * z;
    const centre = share + z2 / (2 * n);
    const spread = z * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
    return Math.max(0, (centre - spread) / (1 + z2 / n));
}

;// CONCATENATED MODULE: ./src/domain/gates/evaluate.ts

/** A breach of a gate whose actions include auto_rollback is a `fail`; otherwise a `warn`. */
function breachVerdict(actions) {
    return actions.includes('auto_rollback') ? 'fail' : 'warn';
}
function show(value, unit) {
    const n = Math.abs(value) >= 100 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(2);
    return unit === '%' ? `${n}%` : `${n} ${unit}`;
}
/**
 * Judges one measurement of a metric gate. The order matters: missing data follows the gate's
 * no-data policy, too few events is inconclusive (never a failure), and only then is the value
 * compared with the threshold (strictly greater breaches, as the seed's ">" thresholds say); a
 * windowed ratio must also breach significantly (see significance.ts).
 */
function evaluateMeasurement(rule, m) {
    const base = {
        gate: rule.gate,
        at: m.at,
        value: m.value,
        threshold: rule.threshold,
        unit: rule.unit,
        samples: m.samples,
        minSamples: rule.minSamples,
        source: m.source,
    };
    if (m.value === null || !Number.isFinite(m.value)) {
        const why = m.error ?? m.detail ?? 'no data';
        if (rule.noData === 'pass')
            return { ...base, verdict: 'pass', reason: `no data (${why}); no_data policy is "pass"` };
        if (rule.noData === 'fail')
            return {
                ...base,
                verdict: breachVerdict(rule.actions),
                reason: `no data (${why}); no_data policy is "fail"`,
            };
        return { ...base, verdict: 'inconclusive', reason: `no data (${why})` };
    }
    if (rule.minSamples !== undefined && m.samples !== null && m.samples < rule.minSamples) {
        return {
            ...base,
            verdict: 'inconclusive',
            reason: `${show(m.value, rule.unit)} from only ${Math.floor(m.samples)} samples (need ${rule.minSamples})`,
        };
    }
    if (m.value > rule.threshold && rule.unit === '%' && rule.minSamples !== undefined && m.samples !== null) {
        // A ratio over a window: the breach must be significant, not a small-sample fluctuation.
        const lower = 100 * wilsonLowerBound(Math.min(1, m.value / 100), m.samples);
        if (lower <= rule.threshold) {
            return {
                ...base,
                verdict: 'inconclusive',
                reason: `${show(m.value, rule.unit)} > ${show(rule.threshold, rule.unit)} on ${Math.floor(m.samples)} samples, not yet significant (90% lower bound ${show(lower, rule.unit)})`,
            };
        }
    }
    if (m.value > rule.threshold) {
        return {
            ...base,
            verdict: breachVerdict(rule.actions),
            reason: `${show(m.value, rule.unit)} > ${show(rule.threshold, rule.unit)}`,
        };
    }
    return {
        ...base,
        verdict: 'pass',
        reason: `${show(m.value, rule.unit)} \u2264 ${show(rule.threshold, rule.unit)}`,
    };
}


/***/ }),

/***/ 9413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ HealthTracker)
/* harmony export */ });
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9249);

/**
 * Consecutive-failure logic of the health gate: a breach needs more than `consecutive_failures`
 * failed checks in a row, so one blip never breaches; while failures are piling up but not yet
 * enough, the verdict is inconclusive ("confirming"), which neither alerts nor rolls back.
 */
class HealthTracker {
    rule;
    consecutive = 0;
    firstFailureAt = null;
    constructor(rule) {
        this.rule = rule;
    }
    get consecutiveFailures() {
        return this.consecutive;
    }
    /** When the current run of failures began, or null when the last check passed. */
    get failingSince() {
        return this.firstFailureAt;
    }
    record(check, source) {
        if (check.ok) {
            this.consecutive = 0;
            this.firstFailureAt = null;
        }
        else {
            this.consecutive++;
            this.firstFailureAt ??= check.at;
        }
        const limit = this.rule.threshold;
        const base = {
            gate: this.rule.gate,
            at: check.at,
            value: this.consecutive,
            threshold: limit,
            unit: this.rule.unit,
            samples: null,
            source,
        };
        if (check.ok)
            return { ...base, verdict: 'pass', reason: `healthy (${check.detail})` };
        if (this.consecutive > limit) {
            return {
                ...base,
                verdict: (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .breachVerdict */ .V)(this.rule.actions),
                reason: `${this.consecutive} consecutive failed checks > ${limit} (last: ${check.detail})`,
            };
        }
        return {
            ...base,
            verdict: 'inconclusive',
            reason: `failed check ${this.consecutive} of ${limit + 1} needed to confirm (${check.detail})`,
        };
    }
}


/***/ }),

/***/ 9142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isBreach),
/* harmony export */   I: () => (/* binding */ isHealthGate)
/* harmony export */ });
function isBreach(verdict) {
    return verdict === 'warn' || verdict === 'fail';
}
/** The health gate ("health" in the seed's config shape, "health_check" before it). */
function isHealthGate(gate) {
    return gate === 'health' || gate === 'health_check';
}


/***/ }),

/***/ 3877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ buildEvidence),
/* harmony export */   m: () => (/* binding */ EVIDENCE_SCHEMA)
/* harmony export */ });
/* harmony import */ var _domain_gates_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9142);

const EVIDENCE_SCHEMA = 'dhash-rollout/monitor-evidence/v2';
const iso = (ms) => new Date(ms).toISOString();
// eslint-disable-next-line max-lines-per-function -- one evidence document literal, field by field
function buildEvidence(input) {
    const { config, evidence, startedAt } = input;
    const offset = (ms) => Math.round((ms - startedAt) / 100) / 10;
    const rb = evidence.rollback;
    return {
        schema: EVIDENCE_SCHEMA,
        environment: config.envName,
        deployment_id: input.deploymentId,
        version: input.version ?? null,
        previous_version: input.previousVersion ?? null,
        deployed_at: input.deployedAt !== undefined ? iso(input.deployedAt) : null,
        watched_release: input.watchedRelease,
        config_source: config.source,
        metrics_source: input.sourceKind,
        started_at: iso(startedAt),
        ended_at: iso(input.endedAt),
        result: input.result,
        failed_gates: input.failedGates,
        files: input.files,
        config: config.env,
        monitoring: config.env.monitoring,
        auto_rollback: config.env.auto_rollback,
        escalation: config.env.notifications.escalation,
        settings: input.settings,
        gates: input.rules.map((r) => ({
            gate: r.gate,
            threshold: r.threshold,
            unit: r.unit,
            actions: r.actions,
            window_minutes: r.windowMs !== undefined ? r.windowMs / 60_000 : null,
            min_samples: r.minSamples ?? null,
            check_interval_seconds: r.checkIntervalMs !== undefined ? r.checkIntervalMs / 1000 : null,
            no_data: (0,_domain_gates_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isHealthGate */ .I)(r.gate) ? 'fail' : r.noData,
            source: r.source,
            failure_limit: r.failureLimit ?? null,
            inconclusive_limit: r.inconclusiveLimit ?? null,
        })),
        planned_polls: input.plannedPolls.map(iso),
        polls: evidence.polls.map((p) => iso(p.scheduledAt)),
        poll_rounds: evidence.polls.map((p) => ({
            scheduled_at: iso(p.scheduledAt),
            started_at: iso(p.startedAt),
            lateness_ms: p.startedAt - p.scheduledAt,
        })),
        measurements: evidence.evaluations.map(({ scheduledAt, measuredAt, ...e }) => ({
            ...e,
            at: iso(e.at),
            offset_seconds: offset(e.at),
            scheduled_at: iso(scheduledAt),
            measured_at: iso(measuredAt),
        })),
        decisions: evidence.decisions.map((d) => ({ ...d, at: iso(d.at), offset_seconds: offset(d.at) })),
        notifications: evidence.notifications.map((n) => ({ ...n, at: iso(n.at) })),
        rollback_target: evidence.rollbackTarget ?? null,
        rollback: rb
            ? {
                ok: rb.ok,
                backup: rb.backup,
                sha256: rb.sha256,
                restored: rb.restored,
                liveRelease: rb.liveRelease,
                validation: rb.validation,
                error: rb.error,
                started_at: iso(rb.startedAt),
                ended_at: iso(rb.endedAt),
            }
            : null,
        rollback_command: evidence.rollbackCommand ?? null,
        without_verdict: evidence.withoutVerdict,
        interrupted: evidence.interrupted
            ? { signal: evidence.interrupted.signal, at: iso(evidence.interrupted.at) }
            : null,
        preempted: evidence.preempted
            ? {
                reason: evidence.preempted.reason,
                by: evidence.preempted.by,
                requested_at: evidence.preempted.requestedAt,
                at: iso(evidence.preempted.at),
            }
            : null,
        undelivered_at_exit: evidence.undeliveredAtExit ?? 0,
    };
}


/***/ })

} };
})
