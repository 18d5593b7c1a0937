export const id = 494;
export const ids = [494];
export const modules = {

/***/ 837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* reexport safe */ _config_channels_js__WEBPACK_IMPORTED_MODULE_0__.bW)
/* harmony export */ });
/* harmony import */ var _config_channels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1792);
/** The channel names live with the config's channel settings (src/config/channels.ts). */



/***/ }),

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
 * after the service's Retry-After when it gave one, else after a full-jitter backoff — unless the
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

/***/ 560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UJ: () => (/* binding */ checkNotificationChannels),
  Ts: () => (/* binding */ createNotifier),
  EE: () => (/* binding */ notificationSetupOf),
  XF: () => (/* binding */ replaySenderResolver)
});

// UNUSED EXPORTS: assertChannelsReady, buildChannel, buildChannels, createNotifierFromSetup, deliveryPolicyOf

// EXTERNAL MODULE: ./src/domain/delivery/backoff.ts
var backoff = __webpack_require__(301);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/domain/messages/content.ts
var messages_content = __webpack_require__(1768);
// EXTERNAL MODULE: ./src/config/channels.ts
var channels = __webpack_require__(1792);
;// CONCATENATED MODULE: ./src/adapters/notify/channels/module.ts
/** Checks a module against the interface while keeping its own Settings and Answer types. */
function defineChannel(module) {
    return module;
}


;// CONCATENATED MODULE: ./src/adapters/notify/channels/console.ts



/** The seed's `console` channel: the message on standard output, for people watching a terminal or a CI log. */
const consoleChannel = defineChannel({
    name: 'console',
    summary: 'Prints the message as plain text on standard output (the CI log or the terminal).',
    variables: channels/* CHANNEL_VARIABLES */.mf.console,
    settings: () => ({ stream: 'stdout' }),
    target: () => 'stdout',
    render: (message) => ({
        text: `${messages_content/* LEVEL_EMOJI */.AP[message.level]} [${message.level.toUpperCase()}] ${(0,messages_content/* plainText */.wh)(message)}\n`,
    }),
    classify: (answer) => {
        if (!answer.error)
            return { kind: 'delivered', detail: 'written to stdout' };
        // A closed pipe stays closed; anything else (EAGAIN on a full pipe) may pass.
        const closed = answer.error.code === 'EPIPE' || answer.error.code === 'ERR_STREAM_DESTROYED';
        return { kind: closed ? 'permanent' : 'transient', error: `stdout: ${answer.error.message}` };
    },
    sender: (_settings, deps) => ({
        channel: 'console',
        target: 'stdout',
        attempt: (payload, context) => new Promise((resolve) => {
            const finish = (error) => resolve(consoleChannel.classify(error ? { error: { code: error.code, message: error.message } } : {}, context.nowMs));
            try {
                deps.stdout.write(String(payload.text ?? ''), finish);
            }
            catch (error) {
                finish(error);
            }
        }),
    }),
});

;// CONCATENATED MODULE: ./src/domain/delivery/retry-after.ts
/**
 * `Retry-After` as RFC 9110 §10.2.3 defines it: either delay-seconds (a non-negative integer) or
 * an HTTP-date. Some services send fractional seconds; those are accepted too. Returns the wait in
 * milliseconds from `nowMs`, or null when the header is absent or unreadable.
 */
function parseRetryAfter(value, nowMs) {
    if (value === undefined || value === null)
        return null;
    const trimmed = value.trim();
    if (trimmed === '')
        return null;
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.ceil(Number(trimmed) * 1000);
    // Only a date that names a weekday or month: Date.parse alone would accept "12" as a year.
    if (!/[a-z]{3}/i.test(trimmed))
        return null;
    const at = Date.parse(trimmed);
    if (Number.isNaN(at))
        return null;
    return Math.max(0, at - nowMs);
}
/**
 * Discord sends its wait in the JSON body as float seconds (`{"retry_after": 0.457, ...}`), which
 * is more precise than its integer Retry-After header; prefer it when present.
 */
function parseDiscordRetryAfter(body) {
    try {
        const parsed = JSON.parse(body);
        const seconds = parsed?.retry_after;
        if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)
            return Math.ceil(seconds * 1000);
    }
    catch {
        /* not JSON: fall back to the header */
    }
    return null;
}

;// CONCATENATED MODULE: ./src/domain/delivery/classify.ts

/** Statuses that mean "the request was wrong or the target is gone": retrying cannot help. */
function isPermanentStatus(status) {
    return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}
/** The common rule for every webhook: 2xx delivered, 408/425/429/5xx transient, other 4xx permanent. */
function classifyStatus(answer, nowMs, retryAfterMs) {
    const { status } = answer;
    if (status >= 200 && status < 300)
        return { kind: 'delivered', detail: `HTTP ${status}` };
    const error = `HTTP ${status}${summary(answer.body)}`;
    if (isPermanentStatus(status) || (status >= 300 && status < 400))
        return { kind: 'permanent', error };
    const wait = retryAfterMs ?? parseRetryAfter(answer.headers['retry-after'], nowMs);
    return wait === null ? { kind: 'transient', error } : { kind: 'transient', error, retryAfterMs: wait };
}
/**
 * Slack incoming webhooks answer 200 with the body `ok`; errors come as 400 `invalid_payload`,
 * 403 `action_prohibited`, 404 `channel_not_found`/`no_service`, 410 `channel_is_archived`,
 * 429 with Retry-After, 500 `rollup_error`.
 */
function classifySlack(answer, nowMs) {
    if (answer.status === 200) {
        return answer.body.trim() === 'ok'
            ? { kind: 'delivered', detail: 'HTTP 200 ok' }
            : { kind: 'permanent', error: `HTTP 200 without "ok"${summary(answer.body)}` };
    }
    return classifyStatus(answer, nowMs);
}
/**
 * Teams Workflows webhooks answer 202 with an empty body. Legacy Office 365 connector URLs answer
 * 200 with `1` on success, but also 200 with a body such as "Microsoft Teams endpoint returned
 * HTTP error 429 ..." when the post failed, so a 200 alone proves nothing.
 */
function classifyTeams(answer, nowMs) {
    const body = answer.body.trim();
    if (answer.status === 202)
        return { kind: 'delivered', detail: 'HTTP 202 accepted' };
    if (answer.status === 200 || answer.status === 201) {
        if (body === '' || body === '1')
            return { kind: 'delivered', detail: `HTTP ${answer.status}` };
        const embedded = /\b(?:HTTP error|status(?: code)?)\s*:?\s*(\d{3})\b/i.exec(body);
        const code = embedded ? Number(embedded[1]) : null;
        const error = `HTTP ${answer.status} reporting an error${summary(body)}`;
        if (code !== null && (code === 429 || code === 408 || code >= 500)) {
            const wait = parseRetryAfter(answer.headers['retry-after'], nowMs);
            return wait === null ? { kind: 'transient', error } : { kind: 'transient', error, retryAfterMs: wait };
        }
        return { kind: 'permanent', error };
    }
    return classifyStatus(answer, nowMs);
}
/**
 * Discord webhooks with `?wait=true` answer 200 with the created message; without it, 204.
 * A 429 carries `retry_after` in float seconds in the JSON body (and an integer Retry-After).
 */
function classifyDiscord(answer, nowMs) {
    if (answer.status === 200 || answer.status === 204)
        return { kind: 'delivered', detail: `HTTP ${answer.status}` };
    if (answer.status === 429)
        return classifyStatus(answer, nowMs, parseDiscordRetryAfter(answer.body));
    return classifyStatus(answer, nowMs);
}
const classifyGenericWebhook = classifyStatus;
/** Errors the HTTP client raises before any answer (src/runtime/http.ts kinds). */
function classifyTransportError(kind, message) {
    // A body above the cap came from a server that answered; anything else may be passing.
    if (kind === 'too_large')
        return { kind: 'permanent', error: message };
    return { kind: 'transient', error: message };
}
/**
 * SMTP: 4xx replies are transient, 5xx permanent (RFC 5321 §4.2.1); a failed login is permanent
 * (the password will not fix itself); connection trouble is transient.
 */
function classifySmtp(error) {
    const message = error.message;
    if (error.code === 'EAUTH' || error.responseCode === 535 || error.responseCode === 534) {
        return { kind: 'permanent', error: `SMTP authentication failed: ${message}` };
    }
    const code = error.responseCode;
    if (typeof code === 'number') {
        if (code >= 500)
            return { kind: 'permanent', error: `SMTP ${code}: ${message}` };
        if (code >= 400)
            return { kind: 'transient', error: `SMTP ${code}: ${message}` };
    }
    if (error.code === 'EENVELOPE' || error.code === 'EMESSAGE')
        return { kind: 'permanent', error: message };
    return { kind: 'transient', error: message };
}
function summary(body) {
    const text = body.trim().replace(/\s+/g, ' ');
    if (text === '')
        return '';
    return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

// EXTERNAL MODULE: ./src/domain/messages/mentions.ts
var mentions = __webpack_require__(4142);
// EXTERNAL MODULE: ./src/domain/messages/text.ts
var messages_text = __webpack_require__(8874);
;// CONCATENATED MODULE: ./src/domain/messages/discord.ts



/**
 * Discord embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * title 256, description 4096, 25 fields with name 256 and value 1024, footer 2048, author 256,
 * and 6000 characters across all of a message's embeds; `content` 2000.
 */
const DISCORD_LIMITS = {
    content: 2000,
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    embedTotal: 6000,
};
function renderDiscord(message, options = {}) {
    const fields = (0,messages_content/* facts */.Ix)(message).map((f) => ({
        name: f.label,
        value: (0,messages_text/* truncate */.xv)(f.value, DISCORD_LIMITS.fieldValue),
        inline: true,
    }));
    if (message.gates && message.gates.length > 0) {
        fields.push({
            name: 'Quality gates',
            value: (0,messages_text/* truncate */.xv)(message.gates.map(messages_content/* gateLine */.C_).join('\n'), DISCORD_LIMITS.fieldValue),
            inline: false,
        });
    }
    const ls = (0,messages_content/* links */.yJ)(message);
    if (ls.length > 0)
        fields.push({
            name: 'Links',
            value: (0,messages_text/* truncate */.xv)(ls.map((l) => `[${l.label}](${l.url})`).join(' · '), DISCORD_LIMITS.fieldValue),
            inline: false,
        });
    const embed = {
        title: (0,messages_text/* truncate */.xv)((0,messages_content/* headline */.Pl)(message), DISCORD_LIMITS.title),
        color: messages_content/* LEVEL_COLOR */.D9[message.level],
        fields: fields.slice(0, DISCORD_LIMITS.fields),
        footer: { text: (0,messages_text/* truncate */.xv)(`dhash-rollout · ${messages_content/* EVENT_LABELS */.XU[message.event]}`, DISCORD_LIMITS.footer) },
    };
    if (options.timestamp)
        embed.timestamp = options.timestamp;
    if (ls[0])
        embed.url = ls[0].url;
    // The description takes whatever the 6000-character budget leaves after everything else.
    const used = (0,messages_text/* length */.Bw)(embed.title) +
        (0,messages_text/* length */.Bw)(embed.footer.text) +
        embed.fields.reduce((n, f) => n + (0,messages_text/* length */.Bw)(f.name) + (0,messages_text/* length */.Bw)(f.value), 0);
    const budget = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - used);
    if ((0,messages_content/* bodyText */.G3)(message).trim() !== '' && budget > 0)
        embed.description = (0,messages_text/* truncate */.xv)((0,messages_content/* bodyText */.G3)(message), budget);
    const payload = {
        username: 'dhash-rollout',
        embeds: [embed],
        allowed_mentions: { parse: [] },
    };
    const m = options.mentions ?? (0,mentions/* resolveMentions */.Ed)((0,mentions/* recipientsOf */.wX)(message));
    if (m.names.length > 0) {
        const content = [
            ...m.discord.roles.map((r) => `<@&${r}>`),
            ...m.discord.users.map((u) => `<@${u}>`),
            ...m.broadcasts.map((b) => (b === '@channel' ? '@here' : b)),
            // Names without an id are shown, escaped so Discord cannot read them as a mention.
            ...m.unmapped.map((n) => n.replace(/@/g, '@\u200b')),
        ].join(' ');
        if (content !== '')
            payload.content = (0,messages_text/* truncate */.xv)(content, DISCORD_LIMITS.content);
        payload.allowed_mentions = {
            parse: m.broadcasts.length > 0 ? ['everyone'] : [],
            roles: m.discord.roles,
            users: m.discord.users,
        };
    }
    return payload;
}

// EXTERNAL MODULE: ./src/runtime/http.ts
var http = __webpack_require__(1670);
;// CONCATENATED MODULE: ./src/adapters/notify/http-sender.ts


/** Posts JSON to a webhook and lets the channel's rules judge the answer. */
class HttpChannelSender {
    options;
    channel;
    target;
    constructor(options) {
        this.options = options;
        this.channel = options.channel;
        this.target = (0,http/* describeTarget */.ff)(options.url);
    }
    async attempt(payload, context) {
        try {
            const response = await (0,http/* httpRequest */.aj)({
                url: this.options.url,
                method: 'POST',
                headers: {
                    'content-type': 'application/json; charset=utf-8',
                    ...this.options.headers?.(context),
                },
                body: JSON.stringify(payload),
                timeoutMs: Math.max(1, context.timeoutMs),
                connectTimeoutMs: Math.max(1, Math.min(5_000, context.timeoutMs)),
                maxBodyBytes: 64 * 1024,
                signal: context.signal,
            });
            return this.options.classify({ status: response.status, headers: response.headers, body: response.text() }, context.nowMs);
        }
        catch (error) {
            if (error instanceof http/* HttpError */.j$)
                return classifyTransportError(error.kind, error.message);
            return { kind: 'transient', error: error instanceof Error ? error.message : String(error) };
        }
    }
}
/** Discord only answers with the created message (and its errors) when asked to wait. */
function withDiscordWait(url) {
    const u = new URL(url);
    u.searchParams.set('wait', 'true');
    return u.toString();
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/adapters/notify/webhook-url.ts

/**
 * Webhook URLs carry their credential in the path, so they go over https only. Plain http is
 * allowed to loopback addresses alone, and only when the config says allow_insecure_loopback
 * (tests and local demos). Problems name the variable and never echo the URL.
 */
function webhookUrlProblem(variable, value, allowInsecureLoopback) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return `${variable}: expected an https:// URL, got something that is not a URL`;
    }
    if (url.protocol === 'https:')
        return null;
    if (url.protocol === 'http:') {
        if (!isLoopbackHost(url.hostname))
            return `${variable}: expected an https:// URL; plain http is allowed only for loopback hosts (got http://${url.host})`;
        if (!allowInsecureLoopback)
            return `${variable}: plain http to ${url.host} needs notifications.allow_insecure_loopback: true (tests and local demos only)`;
        return null;
    }
    return `${variable}: expected an https:// URL (got ${url.protocol})`;
}
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    const family = (0,external_node_net_.isIP)(host);
    if (family === 4)
        return host.startsWith('127.');
    if (family === 6)
        return host === '::1' || host === '0:0:0:0:0:0:0:1';
    return false;
}

;// CONCATENATED MODULE: ./src/adapters/notify/channels/webhook-settings.ts

/** The URL in `variable` if it is https (or allowed loopback http), else the problem naming it. */
function webhookUrl(variable, vars, context) {
    const value = vars[variable];
    if (!value)
        return [`${variable} is not set`];
    const problem = webhookUrlProblem(variable, value, context.allowInsecureLoopback);
    return problem ? [problem] : { url: value };
}

;// CONCATENATED MODULE: ./src/adapters/notify/channels/discord.ts







/** Discord webhook, one embed; only the mapped roles and users may ping. */
const discord = defineChannel({
    name: 'discord',
    summary: 'Discord webhook: one embed; recipients become <@&role> and <@user> with allowed_mentions limited to them.',
    variables: channels/* CHANNEL_VARIABLES */.mf.discord,
    settings: (vars, context) => webhookUrl('DISCORD_WEBHOOK_URL', vars, context),
    target: (s) => (0,http/* describeTarget */.ff)(s.url),
    render: (message, context) => ({
        ...renderDiscord(message, { timestamp: context.timestamp, mentions: context.mentions }),
    }),
    classify: classifyDiscord,
    // Discord only answers with the created message (and its errors) when asked to wait.
    sender: (s) => new HttpChannelSender({ channel: 'discord', url: withDiscordWait(s.url), classify: classifyDiscord }),
});

;// CONCATENATED MODULE: ./src/domain/messages/email.ts


/** RFC 5322 recommends lines under 78 chars; a subject that long is already unreadable. */
const SUBJECT_MAX = 200;
function renderEmail(message, options = {}) {
    const subject = (0,messages_text/* truncate */.xv)(`[dhash ${message.environment}] [${message.level.toUpperCase()}] ${message.title}`.replace(/[\r\n]+/g, ' '), SUBJECT_MAX);
    const color = `#${messages_content/* LEVEL_COLOR */.D9[message.level].toString(16).padStart(6, '0')}`;
    const rows = (0,messages_content/* facts */.Ix)(message)
        .map((f) => `<tr><th align="left" style="padding:2px 12px 2px 0">${(0,messages_text/* escapeHtml */.ZD)(f.label)}</th><td>${(0,messages_text/* escapeHtml */.ZD)(f.value)}</td></tr>`)
        .join('');
    const gates = message.gates && message.gates.length > 0
        ? `<h3>Quality gates</h3><ul>${message.gates.map((g) => `<li>${(0,messages_text/* escapeHtml */.ZD)((0,messages_content/* gateLine */.C_)(g))}</li>`).join('')}</ul>`
        : '';
    const ls = (0,messages_content/* links */.yJ)(message);
    const linkHtml = ls.length > 0
        ? `<p>${ls.map((l) => `<a href="${(0,messages_text/* escapeHtml */.ZD)(l.url)}">${(0,messages_text/* escapeHtml */.ZD)(l.label)}</a>`).join(' · ')}</p>`
        : '';
    const who = (0,messages_content/* recipientsLine */.BP)(message);
    const mention = who ? `<p><strong>Attention: ${(0,messages_text/* escapeHtml */.ZD)(who)}</strong></p>` : '';
    const html = [
        '<!doctype html><html><body style="font-family:sans-serif">',
        `<h2 style="border-left:6px solid ${color};padding-left:8px">${(0,messages_text/* escapeHtml */.ZD)(message.title)}</h2>`,
        mention,
        (0,messages_content/* bodyText */.G3)(message) ? `<p>${(0,messages_text/* escapeHtml */.ZD)((0,messages_content/* bodyText */.G3)(message)).replace(/\n/g, '<br>')}</p>` : '',
        `<table>${rows}</table>`,
        gates,
        linkHtml,
        '<p style="color:#888;font-size:small">Sent by dhash-rollout</p>',
        '</body></html>',
    ].join('');
    const payload = { subject, text: (0,messages_content/* plainText */.wh)(message), html };
    if (options.mentions && options.mentions.email.length > 0)
        payload.cc = [...options.mentions.email];
    return payload;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/adapters/notify/email-sender.ts



/** A stable Message-ID per dedup key: mail systems that see the same id twice keep one copy. */
function messageIdFor(dedupKey) {
    return `<${(0,external_node_crypto_.createHash)('sha256').update(dedupKey).digest('hex').slice(0, 32)}@dhash-rollout>`;
}
class EmailSender {
    settings;
    channel = 'email';
    target;
    constructor(settings) {
        this.settings = settings;
        this.target = `smtp://${settings.host}:${settings.port}`;
    }
    async attempt(payload, context) {
        const { settings } = this;
        const timeout = Math.max(1, context.timeoutMs);
        // The SMTP client loads only when an email is sent.
        const { default: nodemailer } = await __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 6739));
        const transport = nodemailer.createTransport({
            host: settings.host,
            port: settings.port,
            secure: settings.secure,
            // A password never crosses the network in clear text, except to this very host.
            requireTLS: !settings.secure && settings.pass !== undefined && !isLoopbackHost(settings.host),
            auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
            connectionTimeout: timeout,
            greetingTimeout: timeout,
            socketTimeout: timeout,
            dnsTimeout: timeout,
        });
        let timer;
        let onAbort;
        try {
            const sending = transport.sendMail({
                from: settings.from,
                to: settings.to,
                cc: Array.isArray(payload.cc) && payload.cc.length > 0 ? payload.cc.map(String) : undefined,
                subject: String(payload.subject ?? ''),
                text: String(payload.text ?? ''),
                html: typeof payload.html === 'string' ? payload.html : undefined,
                messageId: messageIdFor(context.dedupKey),
                headers: { 'X-Dhash-Dedup-Key': context.dedupKey },
            });
            // nodemailer's timeouts are per phase; this bounds the whole exchange and honours cancel.
            const stop = new Promise((_, reject) => {
                timer = setTimeout(() => {
                    reject(Object.assign(new Error(`SMTP exchange with ${this.target} timed out after ${timeout} ms`), {
                        code: 'ETIMEDOUT',
                    }));
                }, timeout);
                onAbort = () => {
                    reject(Object.assign(new Error(`SMTP exchange with ${this.target} was cancelled`), {
                        code: 'ECANCELLED',
                    }));
                };
                if (context.signal?.aborted)
                    onAbort();
                else
                    context.signal?.addEventListener('abort', onAbort, { once: true });
            });
            sending.catch(() => undefined);
            const info = (await Promise.race([sending, stop]));
            const rejected = (info.rejected ?? []).map(String);
            if (rejected.length > 0) {
                return {
                    kind: 'delivered',
                    detail: `accepted for ${(info.accepted ?? []).length} recipient(s); rejected: ${rejected.join(', ')}`,
                };
            }
            return { kind: 'delivered', detail: String(info.response ?? 'accepted') };
        }
        catch (error) {
            const e = error;
            return classifySmtp({
                code: e.code,
                responseCode: e.responseCode,
                message: e.message ?? String(error),
            });
        }
        finally {
            if (timer)
                clearTimeout(timer);
            if (onAbort)
                context.signal?.removeEventListener('abort', onAbort);
            transport.close();
        }
    }
}

;// CONCATENATED MODULE: ./src/adapters/notify/channels/email.ts





/** SMTP settings from the seed's variables, or one line per problem naming the variable. */
function smtpSettings(vars) {
    const secureText = (vars.SMTP_SECURE ?? 'false').trim().toLowerCase();
    if (!['true', 'false', '1', '0', 'yes', 'no'].includes(secureText))
        return [`SMTP_SECURE: expected true or false, got "${vars.SMTP_SECURE}"`];
    const secure = ['true', '1', 'yes'].includes(secureText);
    const port = vars.SMTP_PORT === undefined ? (secure ? 465 : 587) : Number(vars.SMTP_PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        return [`SMTP_PORT: expected a port number between 1 and 65535, got "${vars.SMTP_PORT}"`];
    const to = (vars.EMAIL_TO ?? '')
        .split(/[,;]/)
        .map((a) => a.trim())
        .filter(Boolean);
    if (to.length === 0)
        return ['EMAIL_TO: expected at least one address (comma-separated)'];
    if (vars.SMTP_PASS && !vars.SMTP_USER)
        return ['SMTP_USER: SMTP_PASS is set but SMTP_USER is not'];
    if (!vars.SMTP_HOST)
        return ['SMTP_HOST is not set'];
    if (!vars.EMAIL_FROM)
        return ['EMAIL_FROM is not set'];
    return {
        host: vars.SMTP_HOST,
        port,
        secure,
        user: vars.SMTP_USER,
        pass: vars.SMTP_PASS,
        from: vars.EMAIL_FROM,
        to,
    };
}
/** E-mail over SMTP: text and HTML parts, a stable Message-ID per dedup key. */
const email = defineChannel({
    name: 'email',
    summary: 'E-mail over SMTP (STARTTLS or implicit TLS); recipients mapped to addresses are copied in.',
    variables: channels/* CHANNEL_VARIABLES */.mf.email,
    settings: (vars) => smtpSettings(vars),
    target: (s) => `smtp://${s.host}:${s.port}`,
    render: (message, context) => ({ ...renderEmail(message, { mentions: context.mentions }) }),
    classify: classifySmtp,
    sender: (s) => new EmailSender(s),
});

// EXTERNAL MODULE: ./src/adapters/notify/channels/names.ts
var names = __webpack_require__(837);
;// CONCATENATED MODULE: ./src/adapters/notify/channels/pager.ts










/** PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */

/** summary is cut at 1024 characters by PagerDuty; dedup_key may be at most 255. */
const PAGER_LIMITS = { summary: 1024, dedupKey: 255 };
/**
 * Which events page and which close the page. A breach's alert and escalations trigger its
 * incident; its recovery resolves it. A rollback triggers its own incident and a validated
 * rollback resolves it. Announcements that need nobody (a deployment started) do not page.
 */
const ACTION = {
    deployment_start: null,
    deployment_success: null,
    deployment_failure: 'trigger',
    rollback_start: 'trigger',
    rollback_success: 'resolve',
    rollback_failure: 'trigger',
    monitoring_alert: 'trigger',
    gate_resolved: 'resolve',
    escalation: 'trigger',
};
/** PagerDuty keeps 255 characters of a dedup key; a longer one is replaced by its digest, stably. */
function pagerDedupKey(message) {
    const key = (0,messages_content/* incidentKeyOf */.XY)(message);
    if (key.length <= PAGER_LIMITS.dedupKey)
        return key;
    return `dhash:${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex')}`;
}
function renderPager(message, timestamp) {
    const action = ACTION[message.event];
    if (action === null)
        return null;
    const dedup_key = pagerDedupKey(message);
    // The routing key is a secret: it is added by the sender, never kept in a body that is logged,
    // printed by a dry-run or written to the fallback file.
    if (action === 'resolve') {
        const others = (message.resolves ?? []).map((key) => pagerDedupKey({ ...message, incidentKey: key }));
        // `also_resolve` is ours, not PagerDuty's: the sender posts one resolve event per key.
        return others.length > 0
            ? { event_action: 'resolve', dedup_key, also_resolve: others }
            : { event_action: 'resolve', dedup_key };
    }
    const ls = (0,messages_content/* links */.yJ)(message);
    const body = {
        event_action: 'trigger',
        dedup_key,
        payload: {
            summary: (0,messages_text/* truncate */.xv)(message.title, PAGER_LIMITS.summary),
            source: `dhash-${message.environment}`,
            severity: message.level,
            timestamp,
            component: 'dhash',
            group: message.environment,
            class: messages_content/* EVENT_LABELS */.XU[message.event],
            custom_details: {
                text: (0,messages_content/* plainText */.wh)(message),
                deployment_id: message.deploymentId,
                ...(message.version ? { version: message.version } : {}),
                ...(message.gates ? { gates: message.gates.map(messages_content/* gateLine */.C_) } : {}),
                ...((0,mentions/* recipientsOf */.wX)(message).length > 0 ? { recipients: (0,mentions/* recipientsOf */.wX)(message) } : {}),
            },
        },
        client: 'dhash-rollout',
    };
    if (message.links?.run)
        body.client_url = message.links.run;
    if (ls.length > 0)
        body.links = ls.map((l) => ({ href: l.url, text: l.label }));
    return body;
}
/** 202 is accepted; 400 is a bad event (retrying cannot help); 429 and 5xx are retried. */
function classifyPagerDuty(answer, nowMs) {
    if (answer.status === 202)
        return { kind: 'delivered', detail: 'HTTP 202 accepted' };
    if (answer.status >= 200 && answer.status < 300)
        return { kind: 'permanent', error: `HTTP ${answer.status}: expected 202 from the Events API` };
    return classifyStatus(answer, nowMs);
}
/** The seed's `pager`: pages the on-call through PagerDuty, and resolves the page on recovery. */
const pager = defineChannel({
    name: 'pager',
    summary: 'PagerDuty Events API v2: alerts and escalations trigger one incident per breach (dedup_key), recovery or a validated rollback resolves it.',
    variables: channels/* CHANNEL_VARIABLES */.mf.pager,
    settings: (vars, context) => {
        const routingKey = vars.PAGERDUTY_ROUTING_KEY;
        if (!routingKey)
            return ['PAGERDUTY_ROUTING_KEY is not set'];
        if (!/^[A-Za-z0-9]{32}$/.test(routingKey))
            return [
                'PAGERDUTY_ROUTING_KEY: expected the 32-character integration key of an Events API v2 integration',
            ];
        const url = vars.PAGERDUTY_EVENTS_URL || channels/* PAGERDUTY_EVENTS_URL */.mJ;
        const problem = webhookUrlProblem('PAGERDUTY_EVENTS_URL', url, context.allowInsecureLoopback);
        return problem ? [problem] : { url, routingKey };
    },
    target: (s) => (0,http/* describeTarget */.ff)(s.url),
    render: (message, context) => renderPager(message, context.timestamp),
    classify: classifyPagerDuty,
    sender: (s) => {
        const http = new HttpChannelSender({ channel: 'pager', url: s.url, classify: classifyPagerDuty });
        return {
            channel: 'pager',
            target: http.target,
            // Each attempt sends every event of the message; resolving or re-triggering the same
            // dedup_key twice is harmless, so a retry after a partial success repeats them all.
            attempt: async (payload, context) => {
                const { also_resolve: others, ...event } = payload;
                const events = [
                    event,
                    ...(Array.isArray(others) ? others : []).map((key) => ({
                        event_action: 'resolve',
                        dedup_key: key,
                    })),
                ];
                let outcome = { kind: 'delivered' };
                for (const e of events) {
                    outcome = await http.attempt({ routing_key: s.routingKey, ...e }, context);
                    if (outcome.kind !== 'delivered')
                        return outcome;
                }
                return outcome;
            },
        };
    },
});

;// CONCATENATED MODULE: ./src/domain/messages/slack.ts



/**
 * Block Kit limits (https://api.slack.com/reference/block-kit/blocks): 50 blocks a message, a
 * header's plain_text 150 chars, a section's text 3000 chars, 10 fields of 2000 chars each, 10
 * context elements, button text 75 chars, URL 3000 chars. Top-level `text` is the notification and
 * screen-reader fallback; Slack truncates it past 40 000 chars and advises staying under 4000.
 */
const SLACK_LIMITS = {
    blocks: 50,
    headerText: 150,
    sectionText: 3000,
    fields: 10,
    fieldText: 2000,
    contextElements: 10,
    buttonText: 75,
    url: 3000,
    fallbackText: 4000,
};
/**
 * Slack's own mention syntax (https://api.slack.com/reference/surfaces/formatting#mentioning-users):
 * `<@U…>` pings a user, `<!subteam^S…>` a user group, `<!here>` the channel. Names without an id
 * are escaped text: they ping no one, and cannot smuggle in a `<!everyone>`.
 */
function slackMentionText(mentions) {
    if (!mentions)
        return '';
    return [
        ...mentions.broadcasts.map((b) => `<!${b.slice(1)}>`),
        ...mentions.slack.users.map((u) => `<@${u}>`),
        ...mentions.slack.groups.map((g) => `<!subteam^${g}>`),
        ...mentions.unmapped.map(messages_text/* escapeSlack */.k4),
    ].join(' ');
}
function renderSlack(message, options = {}) {
    const blocks = [];
    blocks.push({
        type: 'header',
        text: { type: 'plain_text', text: (0,messages_text/* truncate */.xv)((0,messages_content/* headline */.Pl)(message), SLACK_LIMITS.headerText), emoji: true },
    });
    const mention = slackMentionText(options.mentions ?? (0,mentions/* resolveMentions */.Ed)((0,mentions/* recipientsOf */.wX)(message)));
    const body = [mention, (0,messages_text/* escapeSlack */.k4)((0,messages_content/* bodyText */.G3)(message))].filter((t) => t.trim() !== '').join(' ');
    if (body.trim() !== '')
        blocks.push({
            type: 'section',
            text: { type: 'mrkdwn', text: (0,messages_text/* truncateEscaped */.GI)(body, SLACK_LIMITS.sectionText) },
        });
    blocks.push({
        type: 'section',
        fields: (0,messages_content/* facts */.Ix)(message)
            .slice(0, SLACK_LIMITS.fields)
            .map((f) => ({
            type: 'mrkdwn',
            text: (0,messages_text/* truncateEscaped */.GI)(`*${f.label}*\n${(0,messages_text/* escapeSlack */.k4)(f.value)}`, SLACK_LIMITS.fieldText),
        })),
    });
    if (message.gates && message.gates.length > 0) {
        const lines = message.gates.map((g) => `• ${(0,messages_text/* escapeSlack */.k4)((0,messages_content/* gateLine */.C_)(g))}`);
        blocks.push({
            type: 'section',
            text: {
                type: 'mrkdwn',
                text: (0,messages_text/* truncateEscaped */.GI)(`*Quality gates*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText),
            },
        });
    }
    const ls = (0,messages_content/* links */.yJ)(message).filter((l) => l.url.length <= SLACK_LIMITS.url);
    if (ls.length > 0) {
        blocks.push({
            type: 'actions',
            elements: ls.map((l, i) => ({
                type: 'button',
                text: { type: 'plain_text', text: (0,messages_text/* truncate */.xv)(l.label, SLACK_LIMITS.buttonText) },
                url: l.url,
                action_id: `dhash_link_${i}`,
            })),
        });
    }
    blocks.push({
        type: 'context',
        elements: [
            {
                type: 'mrkdwn',
                text: (0,messages_text/* truncateEscaped */.GI)(`dhash-rollout · ${messages_content/* EVENT_LABELS */.XU[message.event]} · ${(0,messages_text/* escapeSlack */.k4)(message.environment)}`, SLACK_LIMITS.sectionText),
            },
        ],
    });
    // The top-level text is mrkdwn too (it is the push notification): escaped like the blocks, and
    // it carries the mentions, since a mention only in a block does not notify on every client.
    const fallback = [
        mention,
        (0,messages_text/* escapeSlack */.k4)((0,messages_content/* plainText */.wh)({ ...message, mention: undefined, recipients: undefined })),
    ]
        .filter((t) => t !== '')
        .join('\n');
    const payload = {
        text: (0,messages_text/* truncateEscaped */.GI)(fallback, SLACK_LIMITS.fallbackText),
        blocks: blocks.slice(0, SLACK_LIMITS.blocks),
    };
    if (options.channel)
        payload.channel = options.channel;
    return payload;
}

;// CONCATENATED MODULE: ./src/adapters/notify/channels/slack.ts







/** Slack incoming webhook, Block Kit body, Slack-native mentions. */
const slack = defineChannel({
    name: 'slack',
    summary: 'Slack incoming webhook: Block Kit message; recipients become <@U…> and <!subteam^S…> mentions.',
    variables: channels/* CHANNEL_VARIABLES */.mf.slack,
    settings: (vars, context) => webhookUrl('SLACK_WEBHOOK_URL', vars, context),
    target: (s) => (0,http/* describeTarget */.ff)(s.url),
    render: (message, context) => ({
        ...renderSlack(message, { channel: context.vars.SLACK_CHANNEL, mentions: context.mentions }),
    }),
    classify: classifySlack,
    sender: (s) => new HttpChannelSender({ channel: 'slack', url: s.url, classify: classifySlack }),
});

;// CONCATENATED MODULE: ./src/domain/messages/teams.ts



/**
 * Teams webhooks (Workflows and legacy connectors) take an Adaptive Card inside a message
 * wrapper: `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
 * "content":{...}}]}`. Version 1.4 is what Teams renders in webhooks. Teams limits a post to
 * 28 KB of UTF-8 (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages),
 * counted in bytes, so the free text takes what the rest of the card leaves of that budget.
 */
const TEAMS_LIMITS = { postBytes: 28 * 1024, text: 8000, gateLines: 30 };
const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const LEVEL_STYLE = { info: 'good', warning: 'warning', error: 'attention', critical: 'attention' };
/** `<at>name</at>` in a TextBlock plus an entity per user is how an Adaptive Card @mentions. */
function mentionEntities(mentions) {
    if (!mentions)
        return { text: '', entities: [] };
    const entities = mentions.teams.map((t) => ({
        type: 'mention',
        text: `<at>${t.name}</at>`,
        mentioned: { id: t.id, name: t.name },
    }));
    const text = [...entities.map((e) => e.text), ...mentions.broadcasts, ...mentions.unmapped].join(' ');
    return { text, entities };
}
function renderTeams(message, options = {}) {
    const text = (0,messages_text/* truncate */.xv)((0,messages_content/* bodyText */.G3)(message), TEAMS_LIMITS.text);
    const full = renderTeamsWithText(message, options, text);
    const size = (p) => (0,messages_text/* byteLength */.dp)(JSON.stringify(p));
    if (size(full) <= TEAMS_LIMITS.postBytes)
        return full;
    // Over the post limit: the free text gets what the rest of the card leaves, measured on the
    // JSON that is sent (escapes count), cut on a character boundary.
    let budget = TEAMS_LIMITS.postBytes - size(renderTeamsWithText(message, options, '')) - 128;
    let cut = (0,messages_text/* truncateBytes */.QY)(text, Math.max(0, budget));
    let payload = renderTeamsWithText(message, options, cut);
    while (cut !== '' && size(payload) > TEAMS_LIMITS.postBytes) {
        budget -= size(payload) - TEAMS_LIMITS.postBytes + 16;
        cut = (0,messages_text/* truncateBytes */.QY)(text, Math.max(0, budget));
        payload = renderTeamsWithText(message, options, cut);
    }
    return payload;
}
function renderTeamsWithText(message, options, text) {
    const body = [
        {
            type: 'TextBlock',
            text: (0,messages_text/* truncate */.xv)((0,messages_content/* headline */.Pl)(message), 200),
            weight: 'Bolder',
            size: 'Large',
            wrap: true,
            color: LEVEL_STYLE[message.level],
        },
    ];
    const mention = mentionEntities(options.mentions ?? (0,mentions/* resolveMentions */.Ed)((0,mentions/* recipientsOf */.wX)(message)));
    if (mention.text !== '')
        body.push({ type: 'TextBlock', text: `Attention: ${mention.text}`, weight: 'Bolder', wrap: true });
    if (text.trim() !== '')
        body.push({ type: 'TextBlock', text: (0,messages_text/* truncate */.xv)(text, TEAMS_LIMITS.text), wrap: true });
    body.push({ type: 'FactSet', facts: (0,messages_content/* facts */.Ix)(message).map((f) => ({ title: f.label, value: f.value })) });
    if (message.gates && message.gates.length > 0) {
        body.push({ type: 'TextBlock', text: 'Quality gates', weight: 'Bolder', wrap: true, spacing: 'Medium' });
        for (const g of message.gates.slice(0, TEAMS_LIMITS.gateLines))
            body.push({ type: 'TextBlock', text: (0,messages_text/* truncate */.xv)((0,messages_content/* gateLine */.C_)(g), 500), wrap: true, spacing: 'None' });
    }
    body.push({
        type: 'TextBlock',
        text: `dhash-rollout · ${messages_content/* EVENT_LABELS */.XU[message.event]}`,
        isSubtle: true,
        size: 'Small',
        wrap: true,
    });
    const content = {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        msteams: mention.entities.length > 0 ? { width: 'Full', entities: mention.entities } : { width: 'Full' },
        body,
    };
    const ls = (0,messages_content/* links */.yJ)(message);
    if (ls.length > 0)
        content.actions = ls.map((l) => ({ type: 'Action.OpenUrl', title: l.label, url: l.url }));
    return {
        type: 'message',
        attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content }],
    };
}

;// CONCATENATED MODULE: ./src/adapters/notify/channels/teams.ts







/** Microsoft Teams Workflows (or legacy connector) webhook, Adaptive Card with msteams mentions. */
const teams = defineChannel({
    name: 'teams',
    summary: 'Microsoft Teams webhook: Adaptive Card (28 KB post limit, in bytes); recipients become <at> mentions.',
    variables: channels/* CHANNEL_VARIABLES */.mf.teams,
    settings: (vars, context) => webhookUrl('TEAMS_WEBHOOK_URL', vars, context),
    target: (s) => (0,http/* describeTarget */.ff)(s.url),
    render: (message, context) => ({ ...renderTeams(message, { mentions: context.mentions }) }),
    classify: classifyTeams,
    sender: (s) => new HttpChannelSender({ channel: 'teams', url: s.url, classify: classifyTeams }),
});

;// CONCATENATED MODULE: ./src/domain/messages/webhook.ts


/** A documented, versioned shape for receivers that are not a chat product. */
const GENERIC_SCHEMA = 'dhash-rollout.notification/v1';
function renderGeneric(message, options = {}) {
    return {
        schema: GENERIC_SCHEMA,
        dedup_key: (0,messages_content/* dedupKeyOf */.tt)(message),
        incident_key: (0,messages_content/* incidentKeyOf */.XY)(message),
        event: message.event,
        level: message.level,
        title: message.title,
        text: message.text,
        summary: (0,messages_content/* plainText */.wh)(message),
        environment: message.environment,
        deployment_id: message.deploymentId,
        version: message.version ?? null,
        gates: message.gates ?? [],
        links: message.links ?? {},
        mention: message.mention ?? null,
        recipients: (0,mentions/* recipientsOf */.wX)(message),
        timestamp: options.timestamp ?? null,
    };
}

;// CONCATENATED MODULE: ./src/adapters/notify/channels/webhook.ts







/** Any JSON receiver: a documented, versioned body and an Idempotency-Key header. */
const webhook = defineChannel({
    name: 'webhook',
    summary: 'Generic JSON webhook (dhash-rollout.notification/v1) with an Idempotency-Key header.',
    variables: channels/* CHANNEL_VARIABLES */.mf.webhook,
    settings: (vars, context) => webhookUrl('GENERIC_WEBHOOK_URL', vars, context),
    target: (s) => (0,http/* describeTarget */.ff)(s.url),
    render: (message, context) => ({ ...renderGeneric(message, { timestamp: context.timestamp }) }),
    classify: classifyGenericWebhook,
    // Receivers that keep the key can drop a repeat of the same message.
    sender: (s) => new HttpChannelSender({
        channel: 'webhook',
        url: s.url,
        classify: classifyGenericWebhook,
        headers: (c) => ({ 'idempotency-key': c.dedupKey }),
    }),
});

;// CONCATENATED MODULE: ./src/adapters/notify/channels/catalog.ts








/**
 * Every notification channel, one module each (renderer, classifier, sender, settings parsing),
 * with its name and variables declared in src/config/channels.ts. The config schema's channel
 * names, the variables read from the environment (and which are secrets), the action inputs, the
 * notifier factory and replay all come from these two. A name without a module here, or a module
 * missing a part, is a compile error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const CHANNEL_CATALOG = {
    slack: slack,
    teams: teams,
    discord: discord,
    email: email,
    webhook: webhook,
    console: consoleChannel,
    pager: pager,
}; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The module for a name, with its own types erased (the factory only pairs a module with itself). */
function channelModule(name) {
    return CHANNEL_CATALOG[name];
}


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
        const dedupKey = (0,messages_content/* dedupKeyOf */.tt)(message);
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
                payload = { title: message.title, text: (0,messages_content/* plainText */.wh)(message) };
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
    const module = channelModule(name);
    const missing = (0,channels/* missingVariables */.uM)(name, setup.vars);
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
    const sender = module.sender(settings, { stdout });
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
            if (value && typeof value === 'object' && valid(value))
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

/***/ 1768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AP: () => (/* binding */ LEVEL_EMOJI),
/* harmony export */   BP: () => (/* binding */ recipientsLine),
/* harmony export */   C_: () => (/* binding */ gateLine),
/* harmony export */   D9: () => (/* binding */ LEVEL_COLOR),
/* harmony export */   G3: () => (/* binding */ bodyText),
/* harmony export */   Ix: () => (/* binding */ facts),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   XU: () => (/* binding */ EVENT_LABELS),
/* harmony export */   XY: () => (/* binding */ incidentKeyOf),
/* harmony export */   tt: () => (/* binding */ dedupKeyOf),
/* harmony export */   wh: () => (/* binding */ plainText),
/* harmony export */   yJ: () => (/* binding */ links)
/* harmony export */ });
/* unused harmony export VERDICT_MARK */
/* harmony import */ var _mentions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4142);

/**
 * What every channel shows, decided once: headline, facts, gate lines and links. Each renderer
 * only lays this out the way its product looks good.
 */
const EVENT_LABELS = {
    deployment_start: 'Deployment started',
    deployment_success: 'Deployment succeeded',
    deployment_failure: 'Deployment failed',
    rollback_start: 'Rollback started',
    rollback_success: 'Rollback succeeded',
    rollback_failure: 'Rollback failed',
    monitoring_alert: 'Monitoring alert',
    gate_resolved: 'Gate resolved',
    escalation: 'Escalation',
};
const LEVEL_EMOJI = {
    info: 'ℹ️',
    warning: '⚠️',
    error: '❌',
    critical: '🚨',
};
/** Hex colours per level (green, amber, red, dark red). */
const LEVEL_COLOR = {
    info: 0x2eb67d,
    warning: 0xecb22e,
    error: 0xe01e5a,
    critical: 0x8b0000,
};
const VERDICT_MARK = {
    pass: '✅',
    warn: '⚠️',
    fail: '❌',
    inconclusive: '❔',
};
function dedupKeyOf(message) {
    return message.dedupKey ?? `${message.deploymentId}:${message.event}`;
}
/** The incident a message belongs to: its own dedup key unless it is part of a breach or rollback. */
function incidentKeyOf(message) {
    return message.incidentKey ?? dedupKeyOf(message);
}
/** The body text, or '' when it only repeats the title (an operator's one-line message). */
function bodyText(message) {
    return message.text.trim() === message.title.trim() ? '' : message.text;
}
function headline(message) {
    return `${LEVEL_EMOJI[message.level]} ${message.title}`;
}
function facts(message) {
    const list = [
        { label: 'Environment', value: message.environment },
        { label: 'Event', value: EVENT_LABELS[message.event] },
        { label: 'Level', value: message.level },
    ];
    if (message.version)
        list.push({ label: 'Version', value: message.version });
    list.push({ label: 'Deployment', value: message.deploymentId });
    return list;
}
function formatNumber(value) {
    if (Number.isInteger(value))
        return String(value);
    return String(Number(value.toFixed(3)));
}
function withUnit(value, unit) {
    if (unit === '%')
        return `${formatNumber(value)}%`;
    return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}
/** "❌ p95_hash_time: 2450 ms (threshold 2000 ms)". */
function gateLine(gate) {
    const value = gate.value === null ? 'no data' : withUnit(gate.value, gate.unit);
    const detail = gate.detail ? ` — ${gate.detail}` : '';
    return `${VERDICT_MARK[gate.verdict]} ${gate.gate}: ${value} (threshold ${withUnit(gate.threshold, gate.unit)})${detail}`;
}
function links(message) {
    const out = [];
    if (message.links?.run)
        out.push({ label: 'Workflow run', url: message.links.run });
    if (message.links?.logs)
        out.push({ label: 'Logs', url: message.links.logs });
    if (message.links?.report)
        out.push({ label: 'Report', url: message.links.report });
    return out.filter((l) => /^https?:\/\//.test(l.url));
}
/** The recipients' names as one line ('' when none). */
function recipientsLine(message) {
    return (0,_mentions_js__WEBPACK_IMPORTED_MODULE_0__/* .recipientsOf */ .wX)(message).join(' ');
}
/** The whole message as plain text: the e-mail body and every channel's fallback text. */
function plainText(message) {
    const lines = [message.title, ''];
    if (bodyText(message))
        lines.push(bodyText(message), '');
    if (recipientsLine(message))
        lines.push(`Attention: ${recipientsLine(message)}`, '');
    for (const f of facts(message))
        lines.push(`${f.label}: ${f.value}`);
    if (message.gates && message.gates.length > 0) {
        lines.push('', 'Quality gates:');
        for (const g of message.gates)
            lines.push(`  ${gateLine(g)}`);
    }
    const ls = links(message);
    if (ls.length > 0) {
        lines.push('');
        for (const l of ls)
            lines.push(`${l.label}: ${l.url}`);
    }
    return lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
}


/***/ }),

/***/ 4142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ resolveMentions),
/* harmony export */   wX: () => (/* binding */ recipientsOf)
/* harmony export */ });
/* unused harmony export NO_MENTIONS */
/** Broadcast names every chat product understands without a mapping. */
const BROADCAST = new Set(['@here', '@channel', '@everyone']);
const NO_MENTIONS = {
    names: [],
    unmapped: [],
    broadcasts: [],
    slack: { users: [], groups: [] },
    discord: { roles: [], users: [] },
    teams: [],
    email: [],
};
/** `recipients`, else `mention` split on spaces and commas. */
function recipientsOf(message) {
    const list = message.recipients ?? (message.mention ? message.mention.split(/[\s,]+/) : []);
    return [...new Set(list.map((r) => r.trim()).filter(Boolean))];
}
function lookup(map, name) {
    const bare = name.replace(/^@/, '');
    return map[name] ?? map[bare] ?? map[`@${bare}`];
}
const unique = (values) => [...new Set(values)];
function resolveMentions(recipients, map = {}) {
    const out = structuredClone(NO_MENTIONS);
    for (const name of recipients) {
        out.names.push(name);
        if (BROADCAST.has(name)) {
            out.broadcasts.push(name);
            continue;
        }
        const targets = lookup(map, name);
        if (!targets) {
            out.unmapped.push(name);
            continue;
        }
        for (const id of targets.slack ?? [])
            (id.startsWith('S') ? out.slack.groups : out.slack.users).push(id);
        out.discord.roles.push(...(targets.discord?.roles ?? []));
        out.discord.users.push(...(targets.discord?.users ?? []));
        for (const t of targets.teams ?? [])
            if (!out.teams.some((x) => x.id === t.id))
                out.teams.push(t);
        out.email.push(...(targets.email ?? []));
    }
    out.slack = { users: unique(out.slack.users), groups: unique(out.slack.groups) };
    out.discord = { roles: unique(out.discord.roles), users: unique(out.discord.users) };
    out.email = unique(out.email);
    return out;
}


/***/ }),

/***/ 8874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bw: () => (/* binding */ length),
/* harmony export */   GI: () => (/* binding */ truncateEscaped),
/* harmony export */   QY: () => (/* binding */ truncateBytes),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   k4: () => (/* binding */ escapeSlack),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/**
 * Text fitting for channel limits. Platforms count either code points (Slack, Discord) or bytes of
 * the UTF-8 body (Teams' 28 KB post limit), so both are offered. A cut never splits a code point,
 * an emoji sequence (it stops at grapheme boundaries), or an escaped entity such as `&amp;`, and it
 * is marked with "…" so a reader knows something is missing.
 */
const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
function graphemes(text) {
    return Array.from(segmenter.segment(text), (s) => s.segment);
}
/** Length in code points, which is how Slack and Discord count their limits. */
function length(text) {
    let n = 0;
    for (const _ of text)
        n++;
    return n;
}
/** Bytes of the UTF-8 encoding. */
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** Drops a trailing entity that the cut left open (`…&am`), so the text stays valid. */
function closeEntity(cut) {
    const amp = cut.lastIndexOf('&');
    if (amp === -1)
        return cut;
    const tail = cut.slice(amp);
    return /^&(?:#\d{0,8}|#x[0-9a-fA-F]{0,6}|[A-Za-z][A-Za-z0-9]{0,31})?$/.test(tail) ? cut.slice(0, amp) : cut;
}
function cutBy(text, max, measure, escaped) {
    if (max <= 0)
        return '';
    if (measure(text) <= max)
        return text;
    const budget = max - measure(ELLIPSIS);
    if (budget <= 0)
        return '';
    let out = '';
    let used = 0;
    // Only the head of the text can be kept: a code point is at most two UTF-16 units and at least
    // one byte, so this window always holds more than the budget, and a 100 KB input is not
    // segmented whole for a 150-character header.
    const window = text.slice(0, 2 * max + 32);
    for (const g of graphemes(window)) {
        const size = measure(g);
        if (used + size > budget)
            break;
        out += g;
        used += size;
    }
    return `${escaped ? closeEntity(out) : out}${ELLIPSIS}`;
}
/** Cuts text to at most `max` code points (marker included). */
function truncate(text, max) {
    return cutBy(text, max, length, false);
}
/** As truncate, for text already escaped (Slack mrkdwn, HTML): never leaves half an entity. */
function truncateEscaped(text, max) {
    return cutBy(text, max, length, true);
}
/** Cuts text to at most `maxBytes` bytes of UTF-8 (marker included). */
function truncateBytes(text, maxBytes) {
    return cutBy(text, maxBytes, byteLength, false);
}
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/** Slack mrkdwn treats &, < and > as control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
function escapeSlack(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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

// EXTERNAL MODULE: ./src/adapters/notify/factory.ts + 21 modules
var factory = __webpack_require__(560);
// EXTERNAL MODULE: ./src/adapters/notify/fallback-store.ts
var fallback_store = __webpack_require__(1196);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/file-lock.ts
var file_lock = __webpack_require__(482);
// EXTERNAL MODULE: ./src/adapters/notify/channels/names.ts
var names = __webpack_require__(837);
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
async function replayChannel(channelText, lines, run) {
    const { options, delivered } = run;
    const { store, clock, policy, logger, redactor } = options;
    const known = names/* CHANNEL_NAMES */.b.includes(channelText);
    const sender = known
        ? options.senderFor(channelText)
        : { problem: `"${channelText}" is not a channel this version knows` };
    const out = [];
    const write = (entry, status, attempts, detail = {}) => {
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
        out.push(line);
        run.progress.done += 1;
        if (status === 'delivered')
            run.progress.delivered += 1;
        if (status === 'failed')
            run.progress.failed += 1;
        if (status === 'dropped')
            run.progress.dropped += 1;
        options.onProgress?.({ ...run.progress });
    };
    for (const entry of lines) {
        const key = `${channelText}\u0000${entry.dedup_key}`;
        const reason = dropReason(entry, options, clock.now());
        if (reason) {
            write(entry, 'dropped', 0, { reason });
            continue;
        }
        if (delivered.has(key)) {
            write(entry, 'skipped_duplicate', 0);
            continue;
        }
        if ('problem' in sender) {
            write(entry, 'failed', 0, { error: sender.problem });
            continue;
        }
        if (clock.now() >= run.deadlineAt) {
            run.deadlineReached = true;
            write(entry, 'failed', 0, { error: 'the replay deadline was reached before this line was tried' });
            continue;
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
            write(entry, 'delivered', result.attempts);
        }
        else {
            if (clock.now() >= run.deadlineAt)
                run.deadlineReached = true;
            write(entry, 'failed', result.attempts, { error: result.error ?? 'not delivered' });
        }
    }
    return out;
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
 * channel and the variable, before anything is done — not a silent gap when the first message goes out.
 */
function checkChannelsBeforeSending(config, dryRun) {
    if (!dryRun)
        (0,factory/* checkNotificationChannels */.UJ)(config);
}


/***/ })

};
