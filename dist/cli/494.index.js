"use strict";
(function (__dhashImportMetaUrl) {
return { id: 494, ids: [494], modules: {

/***/ 4769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ deliverWithRetries)
});

// EXTERNAL MODULE: ./src/domain/delivery/backoff.ts
var backoff = __webpack_require__(301);
;// CONCATENATED MODULE: ./src/domain/delivery/policy.ts

/**
 * What to do after an attempt. Permanent errors are never retried; transient ones are retried
 * after the service's Retry-After when it gave one, else after a full-jitter backoff \u2014 unless the
 * attempts are used up or the wait would run past the deadline.
 */
function nextStep(outcome, state, policy, random) {
    if (outcome.kind === 'delivered')
        return { action: 'done' };
    if (outcome.kind === 'permanent')
        return { action: 'give-up', error: `${outcome.error} (permanent, not retried)` };
    if (state.attempts >= policy.maxAttempts) {
        return {
            action: 'give-up',
            error: `${outcome.error} (gave up after ${state.attempts} attempt${state.attempts === 1 ? '' : 's'})`,
        };
    }
    let delayMs;
    let reason;
    if (outcome.retryAfterMs !== undefined) {
        if (outcome.retryAfterMs > policy.maxRetryAfterMs) {
            return {
                action: 'give-up',
                error: `${outcome.error} (asked to retry after ${seconds(outcome.retryAfterMs)}, above max_retry_after_seconds ${seconds(policy.maxRetryAfterMs)})`,
            };
        }
        delayMs = outcome.retryAfterMs;
        reason = 'retry-after';
    }
    else {
        delayMs = (0,backoff/* fullJitterDelay */.x)(state.attempts, policy.backoff, random);
        reason = 'backoff';
    }
    if (delayMs >= state.remainingMs) {
        return {
            action: 'give-up',
            error: `${outcome.error} (a retry in ${seconds(delayMs)} would pass the ${seconds(policy.deadlineMs)} deadline)`,
        };
    }
    return { action: 'retry', delayMs, reason };
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}

;// CONCATENATED MODULE: ./src/adapters/notify/deliver.ts

/**
 * Attempts one channel until it is delivered, the error is permanent, the attempts are used up,
 * or the deadline leaves no room. Each attempt's timeout is cut to what is left of the deadline,
 * and every wait goes through the injected clock, so a test can see exactly how long we slept.
 */
async function deliverWithRetries(options) {
    const { sender, policy, clock, logger, signal } = options;
    let attempts = 0;
    let lastError = 'not attempted';
    for (;;) {
        if (signal?.aborted)
            return {
                delivered: false,
                attempts,
                error: attempts === 0 ? 'cancelled before the first attempt' : `${lastError} (then cancelled)`,
            };
        const remaining = options.deadlineAt - clock.now();
        if (remaining <= 0)
            return {
                delivered: false,
                attempts,
                error: attempts === 0 ? 'deadline passed before the first attempt' : `${lastError} (deadline reached)`,
            };
        attempts += 1;
        const outcome = await sender.attempt(options.payload, {
            timeoutMs: Math.min(policy.attemptTimeoutMs, remaining),
            signal,
            dedupKey: options.dedupKey,
            attempt: attempts,
            nowMs: clock.now(),
        });
        if (outcome.kind === 'delivered') {
            logger.info('notification delivered', {
                channel: sender.channel,
                target: sender.target,
                attempts,
                detail: outcome.detail,
            });
            return { delivered: true, attempts, detail: outcome.detail };
        }
        lastError = outcome.error;
        const step = nextStep(outcome, { attempts, remainingMs: options.deadlineAt - clock.now() }, policy, options.random);
        if (step.action === 'give-up') {
            logger.warn('notification not delivered', {
                channel: sender.channel,
                target: sender.target,
                attempts,
                error: step.error,
            });
            return { delivered: false, attempts, error: step.error };
        }
        if (step.action === 'done')
            return { delivered: true, attempts };
        logger.info('notification attempt failed; will retry', {
            channel: sender.channel,
            target: sender.target,
            attempt: attempts,
            error: outcome.error,
            retry_in_ms: step.delayMs,
            because: step.reason,
        });
        try {
            await clock.sleep(step.delayMs, signal);
        }
        catch {
            return { delivered: false, attempts, error: `${lastError} (cancelled while waiting to retry)` };
        }
    }
}


/***/ }),

/***/ 4909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UJ: () => (/* binding */ checkNotificationChannels),
  Ts: () => (/* binding */ createNotifier),
  EE: () => (/* binding */ notificationSetupOf),
  XF: () => (/* binding */ replaySenderResolver)
});

// UNUSED EXPORTS: assertChannelsReady, buildChannel, buildChannelOf, buildChannels, createNotifierFromSetup, deliveryPolicyOf

// EXTERNAL MODULE: ./src/domain/delivery/backoff.ts
var backoff = __webpack_require__(301);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/domain/channels/catalog.ts + 11 modules
var catalog = __webpack_require__(9324);
// EXTERNAL MODULE: ./src/domain/delivery/classify.ts + 1 modules
var classify = __webpack_require__(9801);
// EXTERNAL MODULE: ./src/runtime/http.ts
var http = __webpack_require__(1670);
;// CONCATENATED MODULE: ./src/adapters/notify/transports/http.ts


/**
 * The HTTP transport: posts the JSON requests the channel module describes for one attempt, in
 * order, and lets the module judge each answer; the first that is not delivered ends the attempt.
 */
function httpSender(module, settings) {
    return {
        channel: module.name,
        target: module.target(settings),
        attempt: async (payload, context) => {
            const requests = module.requests(settings, payload, context);
            let outcome = { kind: 'delivered' };
            for (const request of requests) {
                outcome = await post(module, request.url, request.headers ?? {}, request.json, context);
                if (outcome.kind !== 'delivered')
                    return outcome;
            }
            return outcome;
        },
    };
}
async function post(module, url, headers, json, context) {
    try {
        const response = await (0,http/* httpRequest */.aj)({
            url,
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
            body: JSON.stringify(json),
            timeoutMs: Math.max(1, context.timeoutMs),
            connectTimeoutMs: Math.max(1, Math.min(5_000, context.timeoutMs)),
            // The status is the answer: a 2xx with a long (or endless) body was accepted, and treating
            // it as a failure would send the message again on replay. Only the first 64 KiB are judged.
            maxBodyBytes: 64 * 1024,
            overLimit: 'truncate',
            signal: context.signal,
        });
        return module.classify({ status: response.status, headers: response.headers, body: response.text() }, context.nowMs);
    }
    catch (error) {
        if (error instanceof http/* HttpError */.j$)
            return (0,classify/* classifyTransportError */.EO)(error.kind, error.message);
        return { kind: 'transient', error: error instanceof Error ? error.message : String(error) };
    }
}

;// CONCATENATED MODULE: ./src/adapters/notify/transports/smtp.ts
/** The SMTP transport: hands the e-mail the module describes to its server; the module judges the answer. */
function smtpSender(module, settings) {
    const target = module.target(settings);
    return {
        channel: module.name,
        target,
        attempt: async (payload, context) => module.classify(await sendMail(module.mail(settings, payload, context), target, context), context.nowMs),
    };
}
async function sendMail(mail, target, context) {
    const timeout = Math.max(1, context.timeoutMs);
    // The SMTP client loads only when an e-mail is sent.
    const { default: nodemailer } = await __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 6739));
    const { server } = mail;
    const transport = nodemailer.createTransport({
        host: server.host,
        port: server.port,
        secure: server.secure,
        requireTLS: server.requireTls,
        auth: server.user ? { user: server.user, pass: server.pass ?? '' } : undefined,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        dnsTimeout: timeout,
    });
    let timer;
    let onAbort;
    try {
        const sending = transport.sendMail({
            from: mail.from,
            to: mail.to,
            cc: mail.cc,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            messageId: mail.messageId,
            headers: mail.headers,
        });
        // nodemailer's timeouts are per phase; this bounds the whole exchange and honours cancel.
        const stop = new Promise((_, reject) => {
            timer = setTimeout(() => {
                reject(Object.assign(new Error(`SMTP exchange with ${target} timed out after ${timeout} ms`), {
                    code: 'ETIMEDOUT',
                }));
            }, timeout);
            onAbort = () => {
                reject(Object.assign(new Error(`SMTP exchange with ${target} was cancelled`), { code: 'ECANCELLED' }));
            };
            if (context.signal?.aborted)
                onAbort();
            else
                context.signal?.addEventListener('abort', onAbort, { once: true });
        });
        sending.catch(() => undefined);
        const info = (await Promise.race([sending, stop]));
        return {
            accepted: (info.accepted ?? []).map(String),
            rejected: (info.rejected ?? []).map(String),
            response: info.response ?? '',
        };
    }
    catch (error) {
        const e = error;
        return { error: { code: e.code, responseCode: e.responseCode, message: e.message ?? String(error) } };
    }
    finally {
        if (timer)
            clearTimeout(timer);
        if (onAbort)
            context.signal?.removeEventListener('abort', onAbort);
        transport.close();
    }
}

;// CONCATENATED MODULE: ./src/adapters/notify/transports/stream.ts
/** The stream transport: writes the module's text and lets the module judge how the write went. */
function streamSender(module, settings, streams) {
    return {
        channel: module.name,
        target: module.target(settings),
        attempt: (payload, context) => new Promise((resolve) => {
            const write = module.write(settings, payload);
            const finish = (error) => {
                resolve(module.classify(error ? { error: { code: error.code, message: error.message } } : {}, context.nowMs));
            };
            try {
                streams[write.stream].write(write.text, finish);
            }
            catch (error) {
                finish(error);
            }
        }),
    };
}

;// CONCATENATED MODULE: ./src/adapters/notify/transports/transports.ts



/**
 * One sender per transport a channel module can name. A transport added to ChannelModule without
 * its sender here does not compile.
 */
const TRANSPORTS = {
    http: (module, settings) => httpSender(module, settings),
    smtp: (module, settings) => smtpSender(module, settings),
    stream: (module, settings, streams) => streamSender(module, settings, streams),
};
/** The sender for a module and its own settings, through the transport the module names. */
function senderFor(module, settings, streams) {
    const send = TRANSPORTS[module.transport];
    return send(module, settings, streams);
}

// EXTERNAL MODULE: ./src/domain/messages/content.ts
var content = __webpack_require__(1768);
// EXTERNAL MODULE: ./src/domain/messages/mentions.ts
var mentions = __webpack_require__(4142);
// EXTERNAL MODULE: ./src/adapters/notify/deliver.ts + 1 modules
var deliver = __webpack_require__(4769);
// EXTERNAL MODULE: ./src/adapters/notify/fallback-store.ts
var fallback_store = __webpack_require__(1196);
;// CONCATENATED MODULE: ./src/adapters/notify/dispatcher.ts





/**
 * Sends one message to every enabled channel at once, each with its own retries, all within one
 * overall deadline. Each channel fails alone: one that cannot be built, cannot render or cannot
 * deliver has its message appended to the fallback file, while the others are sent. If the
 * fallback file cannot be written either, the whole message is printed on stderr. Nothing here
 * throws for a channel, a log file or the fallback file: the report says what became of the message.
 */
class NotificationDispatcher {
    options;
    constructor(options) {
        this.options = options;
    }
    get channels() {
        return this.options.slots.map((s) => s.name);
    }
    /** The bodies each channel would receive, redacted: what a dry-run prints. */
    render(message) {
        const context = this.renderContext(message);
        return this.selected(message).map((slot) => ({
            channel: slot.name,
            target: slot.target,
            payload: this.options.redactor.value(slot.module.render(message, context)),
            ...('problem' in slot ? { problem: slot.problem } : {}),
        }));
    }
    async send(message, signal) {
        const { clock, policy, logger, redactor } = this.options;
        const dedupKey = (0,content/* dedupKeyOf */.tt)(message);
        const deadlineAt = clock.now() + policy.deadlineMs;
        const context = this.renderContext(message);
        const log = logger.child({ dedup_key: dedupKey, event: message.event });
        const deliveries = await Promise.all(this.selected(message).map(async (slot) => {
            const started = clock.now();
            let payload;
            try {
                payload = slot.module.render(message, context);
            }
            catch (error) {
                payload = { title: message.title, text: (0,content/* plainText */.wh)(message) };
                return this.undelivered(slot, message, dedupKey, payload, 0, `rendering failed: ${(0,errors/* messageOf */.bD)(error)}`, started, log);
            }
            // The channel has nothing to say about this event (a pager does not page "deployment started").
            if (payload === null)
                return null;
            if ('problem' in slot)
                return this.undelivered(slot, message, dedupKey, payload, 0, slot.problem, started, log);
            let result;
            try {
                result = await (0,deliver/* deliverWithRetries */.W)({
                    sender: slot.sender,
                    payload,
                    dedupKey,
                    deadlineAt,
                    policy,
                    clock,
                    random: this.options.random ?? Math.random,
                    logger: log,
                    signal,
                });
            }
            catch (error) {
                result = { delivered: false, attempts: 0, error: `sender failed: ${(0,errors/* messageOf */.bD)(error)}` };
            }
            if (result.delivered)
                return {
                    channel: slot.name,
                    delivered: true,
                    attempts: result.attempts,
                    fellBack: false,
                    target: slot.target,
                    elapsedMs: clock.now() - started,
                };
            return this.undelivered(slot, message, dedupKey, payload, result.attempts, redactor.text(result.error ?? 'not delivered'), started, log);
        }));
        const done = deliveries.filter((d) => d !== null);
        const fellBack = done.some((d) => d.fellBack);
        return {
            deliveries: done,
            allDelivered: done.every((d) => d.delivered),
            dedupKey,
            fallbackPath: fellBack ? this.options.fallback.path : undefined,
            ...(done.some((d) => d.printed) ? { printed: true } : {}),
        };
    }
    undelivered(slot, message, dedupKey, payload, attempts, error, started, log) {
        const { clock, redactor, fallback } = this.options;
        const entry = {
            id: (0,fallback_store/* newEntryId */.Iw)(clock.now()),
            recorded_at: new Date(clock.now()).toISOString(),
            channel: slot.name,
            target: slot.target,
            dedup_key: dedupKey,
            event: message.event,
            level: message.level,
            environment: message.environment,
            deployment_id: message.deploymentId,
            attempts,
            last_error: redactor.text(error),
            payload: redactor.value(payload),
        };
        const delivery = {
            channel: slot.name,
            delivered: false,
            attempts,
            error: entry.last_error,
            fellBack: false,
            target: slot.target,
            elapsedMs: clock.now() - started,
        };
        try {
            fallback.append(entry);
            delivery.fellBack = true;
            log.warn('notification written to the fallback file', { channel: slot.name, fallback: fallback.path });
        }
        catch (writeError) {
            // The last resort: the whole message on stderr, where a CI log or a terminal keeps it.
            const stderr = this.options.stderr ?? process.stderr;
            const reason = redactor.text((0,errors/* messageOf */.bD)(writeError));
            try {
                stderr.write(`dhash-rollout: UNDELIVERED notification for ${slot.name}: the fallback file ${fallback.path} cannot be written (${reason}); the whole entry follows, replayable by hand:\n${JSON.stringify(entry)}\n`);
                delivery.printed = true;
            }
            catch {
                // Nothing further can be done; the report still says it was neither delivered nor stored.
            }
            log.critical('notification could not be delivered nor written to the fallback file', {
                channel: slot.name,
                fallback: fallback.path,
                write_error: reason,
                printed: delivery.printed === true,
            });
        }
        return delivery;
    }
    selected(message) {
        const { slots, logger } = this.options;
        if (!message.channels)
            return slots;
        const wanted = new Set(message.channels);
        for (const name of wanted) {
            if (!slots.some((s) => s.name === name)) {
                logger.warn('message asks for a channel that is not enabled for this environment; it is not sent there', { channel: name, event: message.event });
            }
        }
        return slots.filter((s) => wanted.has(s.name));
    }
    renderContext(message) {
        return {
            timestamp: new Date(this.options.clock.now()).toISOString(),
            mentions: (0,mentions/* resolveMentions */.Ed)((0,mentions/* recipientsOf */.wX)(message), this.options.mentions),
            vars: this.options.vars ?? {},
        };
    }
}

;// CONCATENATED MODULE: ./src/adapters/notify/factory.ts






function deliveryPolicyOf(config) {
    const n = config.env.notifications;
    return {
        maxAttempts: n.max_attempts,
        attemptTimeoutMs: n.attempt_timeout_seconds * 1000,
        deadlineMs: n.deadline_seconds * 1000,
        maxRetryAfterMs: n.max_retry_after_seconds * 1000,
        backoff: backoff/* DEFAULT_BACKOFF */.V,
    };
}
function notificationSetupOf(config) {
    const n = config.env.notifications;
    return {
        source: config.source,
        channels: n.channels,
        vars: config.vars,
        allowInsecureLoopback: n.allow_insecure_loopback,
        policy: deliveryPolicyOf(config),
        mentions: n.mentions ?? {},
        redactor: config.redactor,
    };
}
/**
 * Builds one channel from its module. A missing or bad setting is described (naming the channel
 * and the variable, never a value) instead of thrown, so one broken channel never stops the others.
 */
function buildChannel(name, setup, stdout = process.stdout) {
    return buildChannelOf((0,catalog/* channelModule */.ei)(name), setup, stdout);
}
/** As buildChannel, from the module itself (any module of the catalog's shape). */
function buildChannelOf(module, setup, stdout = process.stdout) {
    const name = module.name;
    const missing = module.variables.filter((v) => v.required && !setup.vars[v.name]).map((v) => v.name);
    if (missing.length > 0)
        return {
            name,
            module,
            target: `(${missing.join(', ')} not set)`,
            problem: `notifications.channels: "${name}" is enabled but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (environment or .env.notifications)`,
        };
    const settings = module.settings(setup.vars, { allowInsecureLoopback: setup.allowInsecureLoopback });
    if (Array.isArray(settings))
        return {
            name,
            module,
            target: '(not configured)',
            problem: setup.redactor.text(`notifications.channels: "${name}": ${settings.join('; ')}`),
        };
    const sender = senderFor(module, settings, { stdout });
    return { name, module, sender, target: sender.target };
}
function buildChannels(setup, stdout) {
    return setup.channels.map((name) => buildChannel(name, setup, stdout));
}
/**
 * For commands that send: every enabled channel must be buildable before the command starts, so a
 * missing variable is exit 2 naming the channel and the variable, not a silent gap later.
 */
function assertChannelsReady(setup) {
    const problems = buildChannels(setup).flatMap((slot) => ('problem' in slot ? [slot.problem] : []));
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(setup.source, problems);
}
/** As assertChannelsReady, from a loaded config. */
function checkNotificationChannels(config) {
    assertChannelsReady(notificationSetupOf(config));
}
function createNotifierFromSetup(setup, deps) {
    return new NotificationDispatcher({
        slots: buildChannels(setup, deps.stdout),
        policy: setup.policy,
        clock: deps.clock,
        logger: deps.logger,
        redactor: setup.redactor,
        fallback: new fallback_store/* FallbackStore */.QZ(deps.logDir),
        random: deps.random,
        mentions: setup.mentions,
        vars: setup.vars,
        stderr: deps.stderr,
    });
}
/** The environment's notifier. Never throws for a channel's settings: that channel's messages go to the fallback file. */
function createNotifier(config, deps) {
    return createNotifierFromSetup(notificationSetupOf(config), deps);
}
/** For replay: a sender for any channel that has its settings now, else the reason it has none. */
function replaySenderResolver(setup, stdout) {
    return (channel) => {
        const slot = buildChannel(channel, setup, stdout);
        return 'problem' in slot ? { problem: slot.problem } : slot.sender;
    };
}


/***/ }),

/***/ 1196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ newEntryId),
/* harmony export */   QZ: () => (/* binding */ FallbackStore)
/* harmony export */ });
/* unused harmony exports FALLBACK_FILE, REPLAY_LEDGER_FILE */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



const FALLBACK_FILE = 'notification_fallback.jsonl';
/** Replay outcomes go beside the fallback, so its lines are never rewritten. */
const REPLAY_LEDGER_FILE = 'notification_fallback.replayed.jsonl';
function newEntryId(nowMs) {
    return `${nowMs.toString(36)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
}
/**
 * Append-only JSON lines. Each record is written with one append call, which POSIX and Windows
 * both keep whole for a regular file, so concurrent writers (monitor and notify) do not interleave.
 */
class FallbackStore {
    path;
    ledgerPath;
    constructor(logDir) {
        this.path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(logDir, FALLBACK_FILE);
        this.ledgerPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(logDir, REPLAY_LEDGER_FILE);
    }
    append(entry) {
        appendLine(this.path, entry);
    }
    record(record) {
        appendLine(this.ledgerPath, record);
    }
    /** Every readable line; a torn or hand-edited line is reported by number, not fatal. */
    entries() {
        return readLines(this.path, (v) => typeof v.id === 'string' && typeof v.channel === 'string' && typeof v.payload === 'object');
    }
    ledger() {
        return readLines(this.ledgerPath, (v) => typeof v.id === 'string' && typeof v.status === 'string').entries;
    }
    /** Lines no replay has delivered yet (nor skipped as a duplicate of a delivered one). */
    pending() {
        const done = new Set(this.ledger()
            .filter((r) => r.status !== 'failed')
            .map((r) => r.id));
        const { entries, unreadable } = this.entries();
        return { entries: entries.filter((e) => !done.has(e.id)), unreadable };
    }
}
function appendLine(path, value) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(path, `${JSON.stringify(value)}\n`);
}
function readLines(path, valid) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(path))
        return { entries: [], unreadable: [] };
    const entries = [];
    const unreadable = [];
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
        if (line.trim() === '')
            return;
        try {
            const value = JSON.parse(line);
            if (typeof value === 'object' && value !== null && valid(value))
                entries.push(value);
            else
                unreadable.push(index + 1);
        }
        catch {
            unreadable.push(index + 1);
        }
    });
    return { entries, unreadable };
}


/***/ }),

/***/ 301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   x: () => (/* binding */ fullJitterDelay)
/* harmony export */ });
const DEFAULT_BACKOFF = { baseDelayMs: 500, maxDelayMs: 8_000 };
/** Delay before retry number `failedAttempts` (1 after the first failure). */
function fullJitterDelay(failedAttempts, policy, random) {
    const exponent = Math.max(0, failedAttempts - 1);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
    const r = Math.min(Math.max(random(), 0), 1);
    return Math.floor(r * ceiling);
}


/***/ }),

/***/ 6002:
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

/***/ 482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ describeOwner),
/* harmony export */   Dh: () => (/* binding */ readLockOwner),
/* harmony export */   _n: () => (/* binding */ isAlive),
/* harmony export */   bh: () => (/* binding */ tryLock)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
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

/***/ 6933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ logFileName),
/* harmony export */   F: () => (/* binding */ newRunId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6002);


/**
 * `<kind>_<env>_<YYYYMMDD_HHMMSS>_<run id>.log`: the stamp sorts the files by time, the run id
 * keeps two runs started in the same second (two migrates from two terminals, say) in their own
 * files. The seed's globs (`monitor_logs/dhash_production_*.log`) still match.
 */
function newRunId() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex');
}
function logFileName(kind, environment, nowMs, runId = newRunId()) {
    return `${kind}_${environment}_${(0,_domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__/* .fileStamp */ .a)(nowMs)}_${runId}.log`;
}


/***/ }),

/***/ 7786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AE: () => (/* binding */ checkChannelsBeforeSending),
  Xd: () => (/* binding */ notifyDepsFor)
});

// UNUSED EXPORTS: fallbackReplayerFor

// EXTERNAL MODULE: ./src/adapters/notify/factory.ts + 5 modules
var factory = __webpack_require__(4909);
// EXTERNAL MODULE: ./src/adapters/notify/fallback-store.ts
var fallback_store = __webpack_require__(1196);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/file-lock.ts
var file_lock = __webpack_require__(482);
// EXTERNAL MODULE: ./src/config/channels.ts
var channels = __webpack_require__(1792);
// EXTERNAL MODULE: ./src/adapters/notify/deliver.ts + 1 modules
var deliver = __webpack_require__(4769);
;// CONCATENATED MODULE: ./src/adapters/notify/replay.ts




/** A replay holds the lock for at most this long unless told otherwise. */
const DEFAULT_REPLAY_DEADLINE_MS = 3 * 60_000;
/**
 * Re-sends the fallback lines no replay has delivered yet, within one overall deadline. The
 * fallback file is never rewritten: each outcome is appended to the replay ledger beside it, so a
 * crash mid-replay loses nothing and a second replay skips what the first delivered. Lines with
 * the same channel and dedup key are one message: once one of them is delivered, the others are
 * skipped, not posted twice. Giving up on a line is explicit (`drop`, `olderThanMs`) and recorded.
 * Channels run concurrently; within a channel, lines go in the order they were recorded.
 */
async function replayFallback(options) {
    const { store, clock } = options;
    const lock = (0,file_lock/* tryLock */.bh)(`${store.path}.replay.lock`, 'notification replay', new Date(clock.now()));
    if (!lock.acquired)
        throw new errors/* RefusedError */.fk(`another replay of ${store.path} is running: ${(0,file_lock/* describeOwner */.$S)(lock.owner)}`);
    try {
        const { entries, unreadable } = store.pending();
        const delivered = new Set(store
            .ledger()
            .filter((r) => r.status === 'delivered')
            .map((r) => `${r.channel}\u0000${r.dedup_key}`));
        const run = {
            options,
            delivered,
            deadlineAt: clock.now() + (options.deadlineMs ?? DEFAULT_REPLAY_DEADLINE_MS),
            progress: { done: 0, total: entries.length, delivered: 0, failed: 0, dropped: 0 },
            unrecorded: 0,
            deadlineReached: false,
        };
        const byChannel = new Map();
        for (const entry of entries)
            byChannel.set(entry.channel, [...(byChannel.get(entry.channel) ?? []), entry]);
        const results = await Promise.all([...byChannel.entries()].map(([channel, lines]) => replayChannel(channel, lines, run)));
        const lines = results.flat();
        return {
            fallbackPath: store.path,
            ledgerPath: store.ledgerPath,
            lines,
            pending: lines.filter((l) => l.status === 'failed').length,
            dropped: lines.filter((l) => l.status === 'dropped').length,
            deadlineReached: run.deadlineReached,
            unreadable,
            unrecorded: run.unrecorded,
        };
    }
    finally {
        lock.release();
    }
}
/** Why a line is given up on, or null to send it. */
function dropReason(entry, options, nowMs) {
    if (options.drop?.some((key) => key === entry.dedup_key || key === entry.id))
        return `dropped by --drop ${options.drop.find((k) => k === entry.dedup_key || k === entry.id)}`;
    if (options.olderThanMs !== undefined) {
        const recorded = Date.parse(entry.recorded_at);
        if (Number.isFinite(recorded) && nowMs - recorded > options.olderThanMs)
            return `dropped by --older-than: recorded ${entry.recorded_at}`;
    }
    return null;
}
/** Reports a line's outcome, records it in the ledger, and counts it in the progress. */
function writeOutcome(c, entry, status, attempts, detail = {}) {
    const { run, channelText } = c;
    const { store, clock, logger, redactor } = run.options;
    const line = {
        id: entry.id,
        channel: channelText,
        dedup_key: entry.dedup_key,
        recorded_at: entry.recorded_at,
        status,
        attempts,
    };
    if (detail.error !== undefined)
        line.error = redactor.text(detail.error);
    if (detail.reason !== undefined)
        line.reason = detail.reason;
    try {
        store.record({
            id: entry.id,
            replayed_at: new Date(clock.now()).toISOString(),
            channel: channelText,
            dedup_key: entry.dedup_key,
            status,
            attempts,
            ...(line.error ? { error: line.error } : {}),
            ...(line.reason ? { reason: line.reason } : {}),
        });
    }
    catch (error) {
        // The outcome is still reported; only the ledger misses it, so a later replay tries again
        // (receivers drop the repeat by its dedup key).
        run.unrecorded += 1;
        logger.error('replay outcome could not be written to the ledger', {
            ledger: store.ledgerPath,
            id: entry.id,
            error: (0,errors/* messageOf */.bD)(error),
        });
    }
    c.out.push(line);
    run.progress.done += 1;
    if (status === 'delivered')
        run.progress.delivered += 1;
    if (status === 'failed')
        run.progress.failed += 1;
    if (status === 'dropped')
        run.progress.dropped += 1;
    run.options.onProgress?.({ ...run.progress });
}
/** Drops, skips, refuses or sends one line, and writes its outcome. */
async function replayLine(c, entry) {
    const { run, channelText, sender } = c;
    const { options, delivered } = run;
    const { clock, policy, logger } = options;
    const key = `${channelText}\u0000${entry.dedup_key}`;
    const reason = dropReason(entry, options, clock.now());
    if (reason) {
        writeOutcome(c, entry, 'dropped', 0, { reason });
        return;
    }
    if (delivered.has(key)) {
        writeOutcome(c, entry, 'skipped_duplicate', 0);
        return;
    }
    if ('problem' in sender) {
        writeOutcome(c, entry, 'failed', 0, { error: sender.problem });
        return;
    }
    if (clock.now() >= run.deadlineAt) {
        run.deadlineReached = true;
        writeOutcome(c, entry, 'failed', 0, {
            error: 'the replay deadline was reached before this line was tried',
        });
        return;
    }
    const result = await (0,deliver/* deliverWithRetries */.W)({
        sender,
        payload: entry.payload,
        dedupKey: entry.dedup_key,
        deadlineAt: Math.min(clock.now() + policy.deadlineMs, run.deadlineAt),
        policy,
        clock,
        random: options.random ?? Math.random,
        logger: logger.child({ replay_of: entry.id, dedup_key: entry.dedup_key }),
        signal: options.signal,
    });
    if (result.delivered) {
        delivered.add(key);
        writeOutcome(c, entry, 'delivered', result.attempts);
    }
    else {
        if (clock.now() >= run.deadlineAt)
            run.deadlineReached = true;
        writeOutcome(c, entry, 'failed', result.attempts, { error: result.error ?? 'not delivered' });
    }
}
/** Replays one channel's fallback lines in order. */
async function replayChannel(channelText, lines, run) {
    const known = channels/* CHANNEL_NAMES */.bW.includes(channelText);
    const sender = known
        ? run.options.senderFor(channelText)
        : { problem: `"${channelText}" is not a channel this version knows` };
    const c = { run, channelText, sender, out: [] };
    for (const entry of lines)
        await replayLine(c, entry);
    return c.out;
}

;// CONCATENATED MODULE: ./src/wiring/notify.ts



/** Everything `notify` and `deploy-notify` need, with real channels behind the ports. */
function notifyDepsFor(config, runtime) {
    return {
        config,
        clock: runtime.clock,
        logger: runtime.logger,
        env: runtime.env,
        signal: runtime.signal,
        // Never throws for a channel's settings: a channel that cannot be built gets its messages in the fallback file.
        notifier: (0,factory/* createNotifier */.Ts)(config, {
            clock: runtime.clock,
            logger: runtime.logger,
            logDir: runtime.logDir,
            random: runtime.random,
            stdout: runtime.stdout,
            stderr: runtime.stderr,
        }),
        replayer: fallbackReplayerFor(config, runtime),
    };
}
/** Replays `<logDir>/notification_fallback.jsonl` to the channels that have their settings now. */
function fallbackReplayerFor(config, runtime) {
    return {
        replay: (flags) => {
            const setup = (0,factory/* notificationSetupOf */.EE)(config);
            return replayFallback({
                store: new fallback_store/* FallbackStore */.QZ(runtime.logDir),
                senderFor: (0,factory/* replaySenderResolver */.XF)(setup, runtime.stdout),
                policy: setup.policy,
                clock: runtime.clock,
                logger: runtime.logger,
                redactor: config.redactor,
                random: runtime.random,
                signal: runtime.signal,
                deadlineMs: flags.deadlineMs,
                drop: flags.drop,
                olderThanMs: flags.olderThanMs,
                onProgress: flags.onProgress,
            });
        },
    };
}
/**
 * For a run that sends (not a dry-run or a plan): every enabled channel must be buildable before
 * the command starts, so a missing variable or a bad setting is a config error (exit 2) naming the
 * channel and the variable, before anything is done \u2014 not a silent gap when the first message goes out.
 */
function checkChannelsBeforeSending(config, dryRun) {
    if (!dryRun)
        (0,factory/* checkNotificationChannels */.UJ)(config);
}


/***/ })

} };
})
