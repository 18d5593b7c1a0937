export const id = 806;
export const ids = [806];
export const modules = {

/***/ 6570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C$: () => (/* binding */ numberFlag),
/* harmony export */   GS: () => (/* binding */ windowMinutesFlag),
/* harmony export */   L8: () => (/* binding */ packagedConfigNote),
/* harmony export */   S0: () => (/* binding */ addConfigOptions),
/* harmony export */   q8: () => (/* binding */ loadFromFlags)
/* harmony export */ });
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1670);
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8179);
/* harmony import */ var _config_bounds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(749);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8602);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9541);





function addConfigOptions(command) {
    return command
        .option('-e, --env <name>', "environment in the config (default: the file's default_environment)")
        .option('-c, --config <file>', 'config file (default: ./quality-gates-config.json, else the packaged default)')
        .option('--base-url <url>', 'override service.base_url (also DHASH_BASE_URL)')
        .addOption(new commander__WEBPACK_IMPORTED_MODULE_1__/* .Option */ .c$('-v, --verbose', 'show debug output and stack traces'));
}
function loadFromFlags(flags, io) {
    const config = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)({
        configPath: flags.config,
        envName: flags.env,
        baseUrl: flags.baseUrl,
        cwd: io.cwd,
        environment: io.env,
    });
    (0,_runtime_http_js__WEBPACK_IMPORTED_MODULE_0__/* .setUserAgent */ .J)(config.env.service.user_agent);
    io.logLevel = config.env.log_level;
    if (config.source.startsWith(PACKAGED_PREFIX))
        io.packagedConfig = config.source.slice(PACKAGED_PREFIX.length);
    return config;
}
const PACKAGED_PREFIX = '(packaged default) ';
/** The line added under an error when the packaged default config was in use. */
function packagedConfigNote(io) {
    if (!io.packagedConfig)
        return null;
    return `note: the packaged production config is in use (${io.packagedConfig}): there is no quality-gates-config.json in ${io.cwd}; run from the directory that holds yours, or pass --config <file>`;
}
/** --window-minutes, bounded like monitoring.window_minutes (and by the polls it would make). */
function windowMinutesFlag(value, config) {
    if (value === undefined)
        return undefined;
    const problem = (0,_config_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .windowOverrideProblem */ .yk)('--window-minutes', value, config.env.monitoring.poll_intervals);
    if (problem)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(problem);
    return Number(value);
}
function numberFlag(name, value, opts = {}) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) ||
        (opts.integer && !Number.isInteger(n)) ||
        (opts.min !== undefined && n < opts.min)) {
        const kind = opts.integer ? 'an integer' : 'a number';
        // A minimum of Number.MIN_VALUE means "more than zero"; say it so, not "at least 5e-324".
        const bound = opts.min === undefined
            ? ''
            : opts.min > 0 && opts.min < 1e-9
                ? ' greater than 0'
                : ` of at least ${opts.min}`;
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`${name}: expected ${kind}${bound}, got "${value}"`);
    }
    return n;
}


/***/ }),

/***/ 6806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCli: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony exports soleCommandOf, buildProgram */
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8313);
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1670);
/* harmony import */ var _runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3731);
/* harmony import */ var _runtime_package_root_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1713);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6570);







/**
 * Each command module adds itself here; one line per command. A command's module (its options
 * and help, and through its action the implementation) is imported only when the program needs
 * it: running one command loads that command's module alone, so `validate` starts without the
 * SQL engines, the SMTP client, the GitHub client or the demo. The order is the order of --help.
 */
const COMMAND_MODULES = {
    validate: async () => (await __webpack_require__.e(/* import() */ 859).then(__webpack_require__.bind(__webpack_require__, 2859))).registerValidate,
    'config-schema': async () => (await __webpack_require__.e(/* import() */ 247).then(__webpack_require__.bind(__webpack_require__, 9247))).registerConfigSchema,
    smoke: async () => (await Promise.all(/* import() */[__webpack_require__.e(928), __webpack_require__.e(216)]).then(__webpack_require__.bind(__webpack_require__, 5216))).registerSmoke,
    'validate-logging': async () => (await __webpack_require__.e(/* import() */ 391).then(__webpack_require__.bind(__webpack_require__, 3391))).registerValidateLogging,
    notify: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(456)]).then(__webpack_require__.bind(__webpack_require__, 3456))).registerNotify,
    'deploy-notify': async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(437)]).then(__webpack_require__.bind(__webpack_require__, 1437))).registerDeployNotify,
    monitor: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(341), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(781), __webpack_require__.e(741), __webpack_require__.e(534)]).then(__webpack_require__.bind(__webpack_require__, 6534))).registerMonitor,
    deploy: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(341), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(931), __webpack_require__.e(180), __webpack_require__.e(921)]).then(__webpack_require__.bind(__webpack_require__, 8921))).registerDeploy,
    migrate: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(341), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(931), __webpack_require__.e(836)]).then(__webpack_require__.bind(__webpack_require__, 2836))).registerMigrate,
    backup: async () => (await Promise.all(/* import() */[__webpack_require__.e(341), __webpack_require__.e(515)]).then(__webpack_require__.bind(__webpack_require__, 7535))).registerBackup,
    rollback: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(341), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(533)]).then(__webpack_require__.bind(__webpack_require__, 4533))).registerRollback,
    rollout: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(341), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(931), __webpack_require__.e(781), __webpack_require__.e(741), __webpack_require__.e(180), __webpack_require__.e(852)]).then(__webpack_require__.bind(__webpack_require__, 4852))).registerRollout,
    demo: async () => (await __webpack_require__.e(/* import() */ 206).then(__webpack_require__.bind(__webpack_require__, 206))).registerDemo,
    evidence: async () => (await Promise.all(/* import() */[__webpack_require__.e(781), __webpack_require__.e(288)]).then(__webpack_require__.bind(__webpack_require__, 9288))).registerEvidence,
    rehearse: async () => (await __webpack_require__.e(/* import() */ 808).then(__webpack_require__.bind(__webpack_require__, 7808))).registerRehearse,
    // The completion script lists every command, so it is built from the whole program.
    completion: async () => (await __webpack_require__.e(/* import() */ 924).then(__webpack_require__.bind(__webpack_require__, 6924))).registerCompletion,
};
/**
 * The one command argv runs, when the program can run it with that command's module alone: the
 * first word that is not a program option (the program's options take no value). The program's
 * own help, `help <command>`, the completion script and an unknown name (commander suggests the
 * nearest) need every command, so they get undefined.
 */
function soleCommandOf(argv) {
    const name = argv.find((arg) => !arg.startsWith('-'));
    if (name === undefined || name === 'help' || name === 'completion')
        return undefined;
    return Object.hasOwn(COMMAND_MODULES, name) ? name : undefined;
}
const EXIT_CODES_HELP = `
Exit codes:
  0   success                         1   the operation failed
  2   usage or config error           3   internal error (a bug)
  4   refused (lock held, confirmation needed)
  5   a notification was neither delivered nor stored: printed whole on stderr
  10  monitoring ended with alerts    11  rolled back
  12  rollback failed (or the wrong release is live after it)
  13  monitoring inconclusive (a gate had no data for too long; never a pass)
  14  monitoring preempted by a manual rollback of the environment
  130 / 143  interrupted by SIGINT / SIGTERM (evidence and report written)`;
/** The program with every command, or with only `only` when that is the command to run. */
async function buildProgram(io, only) {
    const program = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('dhash-rollout')
        .description('Guarded production rollouts for the dhash service.')
        .version((0,_runtime_package_root_js__WEBPACK_IMPORTED_MODULE_5__/* .toolVersion */ .f)(), '-V, --version')
        // Program options only before the command name, so `deploy-notify --version 1.4.2` reaches the command.
        .enablePositionalOptions()
        .showHelpAfterError('(run with --help for usage)')
        .addHelpText('after', EXIT_CODES_HELP)
        .exitOverride()
        .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
    });
    const names = only === undefined ? Object.keys(COMMAND_MODULES) : [only];
    // One after another: jest's ESM loader fails on concurrent imports that share modules.
    for (const name of names)
        (await COMMAND_MODULES[name]())(program, io);
    for (const command of program.commands)
        command.exitOverride();
    return program;
}
/**
 * Every command's --help ends with its exit codes: a command whose own help text has none gets
 * the general table. Rendered only when help is asked for, so a normal start pays nothing.
 */
function addMissingExitCodes(program) {
    for (const command of program.commands) {
        let text = '';
        const output = command.configureOutput();
        command.configureOutput({ ...output, writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
        command.outputHelp();
        command.configureOutput(output);
        if (!/Exit codes/i.test(text))
            command.addHelpText('after', EXIT_CODES_HELP);
    }
}
/** Runs the CLI and returns its exit code; never calls process.exit. */
async function runCli(argv, io) {
    io.exitCode = _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitCode */ .y.ok;
    const program = await buildProgram(io, soleCommandOf(argv));
    const verbose = argv.includes('--verbose') || argv.includes('-v');
    if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')
        addMissingExitCodes(program);
    try {
        await program.parseAsync(argv, { from: 'user' });
        const interruption = (0,_runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_4__/* .interruptionOf */ .nS)(io.signal);
        if (interruption && io.exitCode !== interruption.exitCode) {
            io.stderr.write(`${interruption.message}: the command finished what it had under way and stopped\n`);
            return interruption.exitCode;
        }
        return io.exitCode;
    }
    catch (error) {
        const interruption = (0,_runtime_interrupt_js__WEBPACK_IMPORTED_MODULE_4__/* .interruptionOf */ .nS)(io.signal);
        if (interruption) {
            io.stderr.write(`${interruption.message}: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n`);
            return interruption.exitCode;
        }
        if (error instanceof commander__WEBPACK_IMPORTED_MODULE_0__/* .CommanderError */ .b7) {
            if (error.code === 'commander.helpDisplayed' ||
                error.code === 'commander.version' ||
                error.code === 'commander.help')
                return _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitCode */ .y.ok;
            return _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitCode */ .y.usage;
        }
        const code = (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .exitCodeOf */ .FO)(error);
        const note = error instanceof _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DhashError */ .RP ? (0,_common_options_js__WEBPACK_IMPORTED_MODULE_6__/* .packagedConfigNote */ .L8)(io) : null;
        if (error instanceof _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DhashError */ .RP && !verbose) {
            io.stderr.write(`error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n${note ? `${note}\n` : ''}`);
        }
        else if (code === _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitCode */ .y.internal) {
            io.stderr.write(`internal error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n`);
            if (verbose)
                io.stderr.write(`${error?.stack ?? ''}\n`);
            else
                io.stderr.write('(run with --verbose for the stack trace; please report it)\n');
        }
        else {
            io.stderr.write(`error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n${note ? `${note}\n` : ''}${error.stack ?? ''}\n`);
        }
        return code;
    }
    finally {
        await (0,_runtime_http_js__WEBPACK_IMPORTED_MODULE_3__/* .closeHttpAgents */ .DT)();
    }
}


/***/ }),

/***/ 749:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gx: () => (/* reexport safe */ _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__.Gx),
/* harmony export */   QT: () => (/* reexport safe */ _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__.QT),
/* harmony export */   U9: () => (/* reexport safe */ _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__.U9),
/* harmony export */   YA: () => (/* reexport safe */ _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__.YA),
/* harmony export */   c$: () => (/* reexport safe */ _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__.c$),
/* harmony export */   rv: () => (/* reexport safe */ _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__.rv),
/* harmony export */   yk: () => (/* reexport safe */ _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__.yk)
/* harmony export */ });
/* harmony import */ var _domain_bounds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8591);
/** The config's bounds live with the gate modules (domain); re-exported for config and front ends. */



/***/ }),

/***/ 1747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VP: () => (/* binding */ SECRET_VARIABLES),
/* harmony export */   k3: () => (/* binding */ NOTIFICATION_VARIABLES),
/* harmony export */   nQ: () => (/* binding */ missingChannelSettings)
/* harmony export */ });
/* unused harmony export requiredVariables */
/* harmony import */ var _channels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1792);

/**
 * The notification variables, from the channel catalog's settings (channels.ts). They come from
 * the process environment or a `.env.notifications` file (the environment wins); secrets are redacted.
 */
const NOTIFICATION_VARIABLES = _channels_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTIFICATION_VARIABLE_NAMES */ .am;
const SECRET_VARIABLES = _channels_js__WEBPACK_IMPORTED_MODULE_0__/* .SECRET_VARIABLE_NAMES */ .d;
/** What each channel cannot work without. */
function requiredVariables(channel) {
    return CHANNEL_VARIABLES[channel].filter((v) => v.required).map((v) => v.name);
}
/** One line per enabled channel that lacks a setting, naming the channel and the variable to set. */
function missingChannelSettings(channels, vars) {
    const problems = [];
    for (const channel of channels) {
        const missing = (0,_channels_js__WEBPACK_IMPORTED_MODULE_0__/* .missingVariables */ .uM)(channel, vars);
        if (missing.length > 0) {
            problems.push(`notifications.channels: "${channel}" is enabled but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (environment or .env.notifications)`);
        }
    }
    return problems;
}


/***/ }),

/***/ 350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pq: () => (/* binding */ SECRET_SETTING_KEYS),
/* harmony export */   U7: () => (/* binding */ CONFIG_CHANNELS),
/* harmony export */   sO: () => (/* binding */ ChannelsSchema)
/* harmony export */ });
/* unused harmony export CHANNEL_SETTINGS_SCHEMAS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _channels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1792);


/**
 * `notifications.channels` of the config file: an object keyed by channel name, each with
 * `enabled` and its settings. String settings may use `${VAR}` / `${VAR:-default}`; secrets
 * (webhook URLs, SMTP password, pager routing key) belong in the environment, written as
 * `"${SLACK_WEBHOOK_URL}"`, never as literals.
 *
 * The config side of the channel catalog: the names come from src/config/channels.ts, so a
 * channel added there without its settings schema here does not compile, and each variable's
 * `settingKeys` there name keys of these schemas (a test checks that they exist).
 */
const CONFIG_CHANNELS = _channels_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_NAMES */ .bW;
const text = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'expected a string' });
const enabled = zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY({ error: 'expected true or false' })
    .default(true)
    .describe('Whether messages go to this channel. Default true (listing a channel enables it).');
/** A setting that maps onto one of the seed's notification variables. */
const CHANNEL_SETTINGS_SCHEMAS = {
    slack: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        enabled,
        webhook_url: text.optional().describe('Incoming-webhook URL (a secret): "${SLACK_WEBHOOK_URL}".'),
        url: text.optional().describe('Same as webhook_url (the seed wrote "url").'),
        channel: text.optional().describe('e.g. "#dhash-alerts" (SLACK_CHANNEL).'),
        username: text.optional(),
    }),
    teams: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        enabled,
        webhook_url: text
            .optional()
            .describe('Workflows (or legacy connector) URL, a secret: "${TEAMS_WEBHOOK_URL}".'),
        url: text.optional().describe('Same as webhook_url.'),
    }),
    discord: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        enabled,
        webhook_url: text.optional().describe('Webhook URL, a secret: "${DISCORD_WEBHOOK_URL}".'),
        url: text.optional().describe('Same as webhook_url.'),
        username: text.optional(),
    }),
    email: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        enabled,
        from: text.optional().describe('EMAIL_FROM'),
        to: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([text, zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text)], { error: 'expected an address or a list of addresses' })
            .optional()
            .describe('EMAIL_TO: one address, a comma-separated list, or an array.'),
        smtp_host: text.optional().describe('SMTP_HOST'),
        smtp_port: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).max(65535), text], { error: 'expected a port number' })
            .optional()
            .describe('SMTP_PORT'),
        smtp_user: text.optional().describe('SMTP_USER'),
        smtp_pass: text.optional().describe('SMTP_PASS (a secret): "${SMTP_PASS}".'),
        smtp_secure: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(), text], { error: 'expected true or false' })
            .optional()
            .describe('SMTP_SECURE'),
    }),
    webhook: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        enabled,
        url: text.optional().describe('Generic JSON webhook URL (a secret): "${GENERIC_WEBHOOK_URL}".'),
    }),
    console: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ enabled })
        .describe('Prints each message on standard output (the seed\'s "console" channel).'),
    pager: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        enabled,
        routing_key_env: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected the NAME of an environment variable' })
            .default('PAGERDUTY_ROUTING_KEY')
            .describe('Environment variable holding the PagerDuty Events API v2 routing key. Default PAGERDUTY_ROUTING_KEY.'),
        routing_key: text.optional().describe('The routing key itself, written as "${VAR}" (a secret).'),
        url: text.optional().describe('Events API endpoint. Default https://events.pagerduty.com/v2/enqueue.'),
        service: text.optional().describe('Free text naming the paged service.'),
    })
        .describe('The seed\'s "pager" channel (PagerDuty Events API v2).'),
};
const ChannelsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej(Object.fromEntries(CONFIG_CHANNELS.map((c) => [c, CHANNEL_SETTINGS_SCHEMAS[c].optional()])))
    .default({})
    .describe('Channels by name. A channel that is absent (or enabled: false) gets nothing.');
/** Setting keys whose values are secrets: never echoed in an error, always redacted. */
const SECRET_SETTING_KEYS = new Set([
    'webhook_url',
    'url',
    'smtp_pass',
    'routing_key',
]);


/***/ }),

/***/ 1792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   am: () => (/* binding */ NOTIFICATION_VARIABLE_NAMES),
/* harmony export */   bW: () => (/* binding */ CHANNEL_NAMES),
/* harmony export */   d: () => (/* binding */ SECRET_VARIABLE_NAMES),
/* harmony export */   mJ: () => (/* binding */ PAGERDUTY_EVENTS_URL),
/* harmony export */   mf: () => (/* binding */ CHANNEL_VARIABLES),
/* harmony export */   s_: () => (/* binding */ ALL_CHANNEL_VARIABLES),
/* harmony export */   uM: () => (/* binding */ missingVariables)
/* harmony export */ });
/* unused harmony exports CHANNEL_ACTION_INPUTS, ChannelNameSchema, ChannelListSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);

/**
 * The settings half of the channel catalog: every channel's name and the variables it reads.
 * It lives with the config because the loader reads these variables (and redacts the secrets)
 * before any channel exists; the other half, one module per channel (renderer, classifier,
 * sender), is src/adapters/notify/channels/catalog.ts, typed against CHANNEL_NAMES, so a name
 * without a module or without its variables entry does not compile.
 */
const CHANNEL_NAMES = ['slack', 'teams', 'discord', 'email', 'webhook', 'console', 'pager'];
const webhookUrl = (name, input, description, settingKeys = ['webhook_url', 'url']) => ({ name, input, secret: true, required: true, description, settingKeys });
const plain = (name, input, required, description, settingKeys) => ({ name, input, secret: false, required, description, settingKeys });
const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
/** Each channel's variables, in the order docs list them. */
const CHANNEL_VARIABLES = {
    slack: [
        webhookUrl('SLACK_WEBHOOK_URL', 'slack-webhook-url', 'Slack incoming webhook URL'),
        plain('SLACK_CHANNEL', 'slack-channel', false, 'Channel override (honoured by legacy webhooks only)', [
            'channel',
        ]),
    ],
    teams: [
        webhookUrl('TEAMS_WEBHOOK_URL', 'teams-webhook-url', 'Microsoft Teams Workflows (or legacy connector) webhook URL'),
    ],
    discord: [webhookUrl('DISCORD_WEBHOOK_URL', 'discord-webhook-url', 'Discord webhook URL')],
    email: [
        plain('EMAIL_FROM', 'email-from', true, 'Sender address', ['from']),
        plain('EMAIL_TO', 'email-to', true, 'Comma-separated recipients', ['to']),
        plain('SMTP_HOST', 'smtp-host', true, 'SMTP server host', ['smtp_host']),
        plain('SMTP_PORT', 'smtp-port', false, 'SMTP server port (default 587, or 465 with SMTP_SECURE)', [
            'smtp_port',
        ]),
        plain('SMTP_USER', 'smtp-user', false, 'SMTP user', ['smtp_user']),
        {
            name: 'SMTP_PASS',
            input: 'smtp-pass',
            secret: true,
            required: false,
            description: 'SMTP password',
            settingKeys: ['smtp_pass'],
        },
        plain('SMTP_SECURE', 'smtp-secure', false, 'true for implicit TLS (port 465); otherwise STARTTLS when offered', ['smtp_secure']),
    ],
    webhook: [webhookUrl('GENERIC_WEBHOOK_URL', 'webhook-url', 'Generic JSON webhook URL', ['url'])],
    console: [],
    pager: [
        {
            name: 'PAGERDUTY_ROUTING_KEY',
            input: 'pagerduty-routing-key',
            secret: true,
            required: true,
            description: 'PagerDuty Events API v2 integration (routing) key',
            settingKeys: ['routing_key'],
        },
        plain('PAGERDUTY_EVENTS_URL', 'pagerduty-events-url', false, `Events API endpoint (default ${PAGERDUTY_EVENTS_URL}; EU accounts: https://events.eu.pagerduty.com/v2/enqueue)`, ['url']),
    ],
};
/** Every variable any channel reads, in catalog order, with its channel. */
const ALL_CHANNEL_VARIABLES = CHANNEL_NAMES.flatMap((channel) => CHANNEL_VARIABLES[channel].map((v) => ({ ...v, channel })));
const NOTIFICATION_VARIABLE_NAMES = ALL_CHANNEL_VARIABLES.map((v) => v.name);
const SECRET_VARIABLE_NAMES = ALL_CHANNEL_VARIABLES.filter((v) => v.secret).map((v) => v.name);
/** Action input name → environment variable, for every channel setting. */
const CHANNEL_ACTION_INPUTS = Object.fromEntries(ALL_CHANNEL_VARIABLES.map((v) => [v.input, v.name]));
/** The required variables of a channel that are not set. */
function missingVariables(channel, vars) {
    return CHANNEL_VARIABLES[channel].filter((v) => v.required && !vars[v.name]).map((v) => v.name);
}
/** The schema of one channel name, for `notifications.channels` and escalation levels' `channels`. */
const ChannelNameSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(CHANNEL_NAMES, {
    error: `expected one of ${CHANNEL_NAMES.map((c) => `"${c}"`).join(', ')}`,
});
/** `notifications.channels`: the enabled channels, each at most once. */
const ChannelListSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ChannelNameSchema)
    .refine((a) => new Set(a).size === a.length, { error: 'each channel may appear once' })
    .describe(`Channels every message goes to: ${CHANNEL_NAMES.join(', ')}.`);


/***/ }),

/***/ 7496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kx: () => (/* binding */ ConfigFileSchema),
/* harmony export */   Mk: () => (/* binding */ configJsonSchema)
/* harmony export */ });
/* unused harmony exports TEMPLATE_PATTERN, QualityGatesSchema, MonitoringSchema, EscalationSchema, NotificationsSchema, AutoRollbackSchema, ServiceSchema, LocalTargetSchema, CommandTargetSchema, TargetSchema, BackupSchema, MigrationsSchema, MetricsSourceSchema, EnvironmentSchema, LOG_LEVELS, GlobalSettingsSchema, RESERVED_ENV_NAMES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8439);
/* harmony import */ var _domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(275);
/* harmony import */ var _bounds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(749);
/* harmony import */ var _mentions_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6763);
/* harmony import */ var _channels_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(350);





/**
 * The schema of quality-gates-config.json, in the seed's own shape: the old system's file and
 * the seed README's example validate unchanged. What this project adds (service, target, backup,
 * migrations, metrics_source, and extra per-gate settings next to `threshold`) are optional keys
 * with stated defaults. Objects are strict: an unknown key is an error, so a typo cannot silently
 * disable a gate.
 *
 * Only checks a JSON Schema can express live here (types, bounds, patterns), so the generated
 * quality-gates-config.schema.json agrees with this schema exactly; checks that relate two
 * values (initial_minutes ≤ window_minutes, escalation channels enabled, …) are in semantic.ts.
 */
/** `${NAME}` or `${NAME:-default}` anywhere in a string. */
const TEMPLATE_PATTERN = '\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}';
const urlOrTemplate = (example) => zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: `expected an http(s) URL such as "${example}"` })
    .regex(new RegExp(`^(https?://[^\\s/?#]+[^\\s]*|.*${TEMPLATE_PATTERN}.*)$`), {
    error: `expected an http(s) URL such as "${example}" (or "\${VAR}")`,
});
const urlPath = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a path starting with "/"' })
    .regex(/^\/[^\s]*$/, { error: 'expected a path starting with "/"' });
const nonEmptyCommand = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a command' })
    .regex(/\S/, { error: 'expected a command (it is empty)' });
const variableName = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected the name of an environment variable' })
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: 'expected the NAME of an environment variable (such as DATABASE_URL), not a value',
});
/** Relative, inside the target root: no absolute path, no drive letter, no ".." segment. */
const pathInsideRoot = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a path relative to target.root' })
    .regex(/^(?![/\\])(?![A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$)).+$/, {
    error: 'expected a path inside target.root (relative, without "..")',
});
const envVars = zod__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a string' })).default({});
const actions = (defaults) => zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(_domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_ACTIONS */ .Mu, { error: `expected one of ${_domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_ACTIONS */ .Mu.map((a) => `"${a}"`).join(', ')}` }), { error: 'expected a list of actions' })
    .min(1, {
    error: 'expected at least one action ("alert", "auto_rollback"); to turn a gate off set enabled: false',
})
    .max(_domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_ACTIONS */ .Mu.length, { error: 'each action may appear once' })
    .default([...defaults])
    .describe(`What a breach does: "alert" notifies; "auto_rollback" rolls back (when auto_rollback.enabled). Default ${JSON.stringify(defaults)}.`);
const gateCommon = (module) => ({
    enabled: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY({ error: 'expected true or false' }).default(true).describe('Default true.'),
    description: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a string' }).optional(),
    threshold: module.threshold,
    actions: actions(module.defaultActions),
});
/** Settings a metric gate has beyond the seed's: how missing data and blips are judged. */
const metricGateExtras = (defaultFailureLimit) => ({
    no_data: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(['inconclusive', 'pass', 'fail'], { error: 'expected "inconclusive", "pass" or "fail"' })
        .default('inconclusive')
        .describe('Verdict of a reading without data. Default "inconclusive" (never rolls back).'),
    failure_limit: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .BOUNDS */ .QT.smallCount, 'consecutive breached readings')
        .default(defaultFailureLimit)
        .describe(`Consecutive breached readings before the gate acts (the second comes from a fast confirmation re-check). Default ${defaultFailureLimit}.`),
    inconclusive_limit: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .BOUNDS */ .QT.smallCount, 'consecutive inconclusive readings')
        .optional()
        .describe("Consecutive inconclusive readings after which the run is inconclusive (never passed). Default: more than half of the window's readings."),
});
const healthExtras = {
    timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)()
        .optional()
        .describe('Timeout of one health request. Default global_settings.timeout_seconds, else 5.'),
    confirm_interval_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .seconds */ .YA)()
        .optional()
        .describe('After a failed check, re-check this often. Default the smaller of 10 and check_interval_seconds.'),
};
function metricGate(module) {
    return zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ ...gateCommon(module), ...metricGateExtras(module.defaultFailureLimit) })
        .describe(module.summary);
}
const g = _domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_CATALOG */ .UW;
const QualityGatesSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    health: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ ...gateCommon(g.health), ...healthExtras })
        .describe(g.health.summary)
        .optional(),
    extraction_failure_rate: metricGate(g.extraction_failure_rate).optional(),
    p95_hash_time: metricGate(g.p95_hash_time).optional(),
    low_confidence_queue: metricGate(g.low_confidence_queue).optional(),
    memory_usage: metricGate(g.memory_usage).optional(),
    error_rate: metricGate(g.error_rate).optional(),
})
    .default({})
    .describe('The gates of this environment. A gate that is absent is off.');
const MonitoringSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    window_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .minutes */ .Gx)(_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .BOUNDS */ .QT.windowMinutes)
        .default(60)
        .describe('How long a fresh deployment is watched. Default 60.'),
    poll_intervals: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
        initial_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .minutes */ .Gx)({ min: 0, max: _bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .BOUNDS */ .QT.windowMinutes.max })
            .default(5)
            .describe('Length of the fast first phase. Default 5.'),
        initial_interval_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .seconds */ .YA)().default(30).describe('Default 30.'),
        normal_interval_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .seconds */ .YA)().default(120).describe('Default 120.'),
    })
        .default({ initial_minutes: 5, initial_interval_seconds: 30, normal_interval_seconds: 120 }),
    progress_log_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .seconds */ .YA)()
        .default(60)
        .describe('Without a terminal, log progress this often. Default 60.'),
})
    .default({
    window_minutes: 60,
    poll_intervals: { initial_minutes: 5, initial_interval_seconds: 30, normal_interval_seconds: 120 },
    progress_log_seconds: 60,
});
const channelName = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(_channels_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .CONFIG_CHANNELS */ .U7, {
    error: `expected one of ${_channels_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .CONFIG_CHANNELS */ .U7.map((c) => `"${c}"`).join(', ')}`,
});
const EscalationSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    enabled: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY({ error: 'expected true or false' }).default(true).describe('Default true.'),
    initial_delay_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .minutes */ .Gx)(_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .BOUNDS */ .QT.delayMinutes)
        .default(0)
        .describe('Minutes a breach lasts before the first escalation level is counted from. Default 0.'),
    escalation_levels: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
        delay_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .minutes */ .Gx)(_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .BOUNDS */ .QT.delayMinutes).describe('Minutes after initial_delay_minutes at which this level is notified.'),
        channels: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(channelName)
            .min(1, { error: 'expected at least one channel' })
            .optional()
            .describe('Channels of this level (each must be enabled). Default: every enabled channel.'),
        recipients: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1, { error: 'expected a name such as "@dhash-oncall"' }))
            .default([])
            .describe('Who is called out, e.g. "@dhash-oncall" or an e-mail address.'),
    }))
        .default([]),
})
    .default({ enabled: true, initial_delay_minutes: 0, escalation_levels: [] });
const NotificationsSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    channels: _channels_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .ChannelsSchema */ .sO,
    escalation: EscalationSchema,
    deadline_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)()
        .default(30)
        .describe('Overall deadline for one message to all channels. Default 30.'),
    attempt_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)().default(10).describe('Default 10.'),
    max_attempts: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)({ min: 1, max: 20 }, 'attempts per channel').default(4).describe('Default 4.'),
    max_retry_after_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)()
        .default(60)
        .describe('Cap on a Retry-After the channel asks for. Default 60.'),
    allow_insecure_loopback: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY({ error: 'expected true or false' })
        .default(false)
        .describe('Allow plain http:// webhooks to loopback addresses (tests and local demos only).'),
    mentions: _mentions_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .MentionsSchema */ .$J.optional(),
})
    .default({
    channels: {},
    escalation: { enabled: true, initial_delay_minutes: 0, escalation_levels: [] },
    deadline_seconds: 30,
    attempt_timeout_seconds: 10,
    max_attempts: 4,
    max_retry_after_seconds: 60,
    allow_insecure_loopback: false,
});
const AutoRollbackSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    enabled: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY({ error: 'expected true or false' }).default(false).describe('Default false.'),
    confirmation_required: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY({ error: 'expected true or false' })
        .default(false)
        .describe('Ask (or alert and wait) before an automatic rollback. Default false.'),
    backup_retention_hours: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .hours */ .c$)().default(72).describe('Default 72.'),
    rollback_timeout_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .minutes */ .Gx)({ min: 0.01, max: 1_440 })
        .default(10)
        .describe('Bound on the whole rollback. Default 10.'),
})
    .default({
    enabled: false,
    confirmation_required: false,
    backup_retention_hours: 72,
    rollback_timeout_minutes: 10,
});
const ServiceSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    base_url: urlOrTemplate('http://127.0.0.1:8080')
        .default('http://127.0.0.1:8080')
        .describe('Where the service answers. Default http://127.0.0.1:8080 (DHASH_BASE_URL or --base-url override it).'),
    health_path: urlPath.optional().describe('Default global_settings.health_check_endpoint, else /health.'),
    metrics_path: urlPath.optional().describe('Default global_settings.metrics_endpoint, else /metrics.'),
    queue_status_path: urlPath.default('/api/dhash/queue/status'),
    admin_path: urlPath.default('/admin'),
    request_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)()
        .optional()
        .describe('Default global_settings.timeout_seconds, else 10.'),
})
    .default({
    base_url: 'http://127.0.0.1:8080',
    queue_status_path: '/api/dhash/queue/status',
    admin_path: '/admin',
});
const LocalTargetSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz('local'),
    root: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a directory path' })
        .min(1, { error: 'expected a directory path' })
        .describe("Holds releases/, current, shared/ (and backups/). Relative to the config file's folder."),
    keep_releases: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)({ min: 1, max: 1_000 }, 'releases kept').default(5),
    install_command: nonEmptyCommand.optional().describe('Run inside the new release before the switch.'),
    restart_command: nonEmptyCommand
        .optional()
        .describe('E.g. "systemctl restart dhash". Without it the built-in supervisor runs start_command.'),
    start_command: nonEmptyCommand
        .default('node server.js')
        .describe('Supervisor: how to start the service, run in current/. Default "node server.js".'),
    stop_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)().default(10),
    health_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)().default(30),
    env: envVars.describe('Extra environment for the service process.'),
});
const CommandTargetSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz('command'),
    commands: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
        deploy: nonEmptyCommand,
        restart: nonEmptyCommand,
        rollback: nonEmptyCommand,
        status: nonEmptyCommand,
    }),
    timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)().default(600),
    health_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)().default(60),
    env: envVars,
});
const TargetSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .discriminatedUnion */ .gMt('type', [LocalTargetSchema, CommandTargetSchema], {
    error: 'expected "type" to be "local" or "command"',
});
const BackupSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    dir: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a directory path' })
        .min(1, { error: 'expected a directory path' })
        .default('backups')
        .describe('Where dhash_<env>_<stamp>.zip are written: on the target host, relative to target.root. Default "backups".'),
    paths: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(pathInsideRoot)
        .min(1, { error: 'expected at least one path to back up' })
        .default(['current', 'shared'])
        .describe('Paths under target.root to archive. Default ["current", "shared"].'),
    database_path: pathInsideRoot
        .optional()
        .describe('The embedded database file under target.root; snapshotted consistently, not copied live.'),
    keep_last: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)({ min: 1, max: 10_000 }, 'backups always kept').default(5),
    optional_paths: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(pathInsideRoot)
        .default([])
        .describe('Those of backup.paths that may be missing (skipped with a warning); any other missing path fails the backup.'),
    file_mode: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected an octal mode such as "0600"' })
        .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0600"' })
        .default('0600')
        .describe('Mode of backup files, sidecars and pre-rollback snapshots (they hold the database and secrets).'),
    dir_mode: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected an octal mode such as "0700"' })
        .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0700"' })
        .default('0700')
        .describe('Mode of the backups folder and its pre-rollback/ folder.'),
    restore_setid: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY({ error: 'expected true or false' })
        .default(false)
        .describe('Restore setuid/setgid bits recorded in a backup (default: cleared).'),
    signing_key_env: variableName
        .default('DHASH_BACKUP_HMAC_KEY')
        .describe('Environment variable holding the HMAC key: when set, backups are signed and unsigned ones are refused.'),
})
    .default({
    dir: 'backups',
    paths: ['current', 'shared'],
    keep_last: 5,
    optional_paths: [],
    file_mode: '0600',
    dir_mode: '0700',
    restore_setid: false,
    signing_key_env: 'DHASH_BACKUP_HMAC_KEY',
});
const MigrationsSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    driver: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(['embedded', 'postgres'], { error: 'expected "embedded" or "postgres"' })
        .default('embedded'),
    dir: pathInsideRoot
        .default('migrations')
        .describe('Directory of NNN_name.up.sql / NNN_name.down.sql, relative to the release.'),
    database_path: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a file path' })
        .min(1, { error: 'expected a file path' })
        .optional()
        .describe('embedded: database file, relative to target.root (or absolute, e.g. for a command target).'),
    database_url_env: variableName
        .default('DATABASE_URL')
        .describe('postgres: the NAME of the environment variable holding the connection URL (a secret).'),
})
    .default({ driver: 'embedded', dir: 'migrations', database_url_env: 'DATABASE_URL' });
const MetricsSourceSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .discriminatedUnion */ .gMt('type', [
    zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz('scrape') }),
    zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz('prometheus'),
        url: urlOrTemplate('http://127.0.0.1:9090'),
        selector: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()
            .default('')
            .describe('Label matchers added to every default query, e.g. job="dhash".'),
        queries: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej(Object.fromEntries(_domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn.filter((n) => n !== 'health').map((n) => [n, zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).optional()])))
            .default({})
            .describe('PromQL overriding the default query of a gate.'),
    }),
], { error: 'expected "type" to be "scrape" or "prometheus"' })
    .default({ type: 'scrape' });
const EnvironmentSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    description: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a string' }).optional(),
    service: ServiceSchema,
    target: TargetSchema.optional(),
    backup: BackupSchema,
    migrations: MigrationsSchema,
    metrics_source: MetricsSourceSchema,
    monitoring: MonitoringSchema,
    quality_gates: QualityGatesSchema,
    notifications: NotificationsSchema,
    auto_rollback: AutoRollbackSchema,
});
const LOG_LEVELS = (/* unused pure expression or super */ null && (['DEBUG', 'INFO', 'WARN', 'WARNING', 'ERROR', 'CRITICAL']));
const GlobalSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    health_check_endpoint: urlPath.default('/health'),
    metrics_endpoint: urlPath.default('/metrics'),
    timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .timeoutSeconds */ .rv)()
        .optional()
        .describe('Timeout of every HTTP request: metrics 10 and health 5 unless set here (or per gate/service).'),
    user_agent: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()
        .min(1)
        .optional()
        .describe('Sent on every request. Default dhash-rollout/<version>.'),
    log_level: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()
        .regex(/^(debug|info|warn|warning|error|critical|DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL)$/, {
        error: 'expected one of DEBUG, INFO, WARN, ERROR, CRITICAL',
    })
        .default('INFO')
        .describe('Lowest level written to the console. Default INFO.'),
})
    .default({ health_check_endpoint: '/health', metrics_endpoint: '/metrics', log_level: 'INFO' });
/** Names that are keys of every JS object: never an environment name. */
const RESERVED_ENV_NAMES = Object.getOwnPropertyNames(Object.prototype);
const ConfigFileSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a string' }).optional(),
    title: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a string' }).optional(),
    description: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a string' }).optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a version string such as "1.0.0"' })
        .optional()
        .describe('The file\'s own version, free text such as "1.0.0".'),
    default_environment: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected an environment name' })
        .optional()
        .describe('Used without --env. Default "production" if defined, else the first environment.'),
    environments: zod__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(/^(?!(__proto__|constructor|prototype)$)[a-z][a-z0-9_-]*$/, {
        error: 'environment names are lower-case letters, digits, "-" and "_" (and not a reserved word)',
    }), EnvironmentSchema)
        .refine((e) => Object.keys(e).length > 0, { error: 'expected at least one environment' })
        // The same rule for the JSON Schema (a refinement is invisible to it).
        .meta({ minProperties: 1 }),
    global_settings: GlobalSettingsSchema,
});
/** The JSON Schema committed as quality-gates-config.schema.json. */
function configJsonSchema() {
    const schema = zod__WEBPACK_IMPORTED_MODULE_5__/* .toJSONSchema */ .bl(ConfigFileSchema, { io: 'input', target: 'draft-2020-12' });
    return {
        $id: 'https://github.com/mobius/dhash-rollout/blob/v1/quality-gates-config.schema.json',
        title: 'dhash-rollout quality gates config',
        ...schema,
    };
}


/***/ }),

/***/ 8602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z9: () => (/* binding */ loadConfig)
});

// UNUSED EXPORTS: BASE_URL_VARIABLE, DEFAULT_CONFIG_FILE, DEFAULT_ENV_FILE, checkConfigStructure, defaultEnvironmentName, parseConfigText, resolveConfigPath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var runtime_errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/package-root.ts
var package_root = __webpack_require__(1713);
// EXTERNAL MODULE: ./src/runtime/redact.ts
var redact = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/config/channel-settings.ts
var channel_settings = __webpack_require__(1747);
// EXTERNAL MODULE: ./src/config/channels.ts
var channels = __webpack_require__(1792);
// EXTERNAL MODULE: ./src/config/mentions-schema.ts
var mentions_schema = __webpack_require__(6763);
// EXTERNAL MODULE: ./src/config/channels-schema.ts
var channels_schema = __webpack_require__(350);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/config/dotenv.ts

/**
 * Reads a `.env.notifications`-style file with Node's own parser (`util.parseEnv`, the one behind
 * `node --env-file`): KEY=VALUE lines, `#` comments, `export `, single, double and back quotes, and
 * multi-line double-quoted values — so a file that works with `node --env-file` reads the same here.
 * Returns the pairs; it never touches process.env.
 */
function parseDotenv(text) {
    const out = {};
    for (const [key, value] of Object.entries((0,external_node_util_.parseEnv)(text))) {
        if (value !== undefined)
            out[key] = value;
    }
    return out;
}

// EXTERNAL MODULE: ./src/config/file-schema.ts
var file_schema = __webpack_require__(7496);
;// CONCATENATED MODULE: ./src/config/issues.ts


/** Keys whose values are never echoed in a message (secrets, or a secret put in the wrong place). */
const UNSHOWN_KEYS = new Set([...channels_schema/* SECRET_SETTING_KEYS */.Pq, 'database_url_env', 'routing_key_env']);
/**
 * Turns zod issues into one operator-facing line each: the JSON path, then what was expected.
 * A missing key says "is required"; an unknown key says which keys are allowed nearby.
 */
function formatIssues(issues, input) {
    const lines = [];
    for (const issue of issues) {
        if (issue.code === 'invalid_union' && issue.errors.length > 0) {
            // A discriminated union reports its branches; show the branch whose discriminator matched.
            const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
            lines.push(...formatIssues(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), input));
            continue;
        }
        const path = jsonPath(issue.path);
        if (issue.code === 'invalid_key') {
            lines.push(`${path}: ${issue.issues.map((i) => i.message).join('; ')}`);
            continue;
        }
        if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
                const hint = suggestion(key, allKnownKeys());
                lines.push(`${jsonPath([...issue.path, key])}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
            }
            continue;
        }
        const value = valueAt(input, issue.path);
        const message = plain(issue);
        if (value === undefined && issue.code === 'invalid_type') {
            lines.push(`${path}: is required; ${message}`);
            continue;
        }
        const last = issue.path[issue.path.length - 1];
        const hidden = typeof last === 'string' && UNSHOWN_KEYS.has(last);
        const shown = value === undefined || hidden
            ? ''
            : typeof value === 'object'
                ? ` (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object'})`
                : ` (got ${JSON.stringify(value)})`;
        lines.push(`${path}: ${message}${shown}`);
    }
    return [...new Set(lines)];
}
/** zod's default wording ("Invalid input: expected string, received number") made plain. */
function plain(issue) {
    return issue.message
        .replace(/^Invalid input: /, '')
        .replace(/, received \w+$/, '')
        .replace(/^Invalid option: expected one of /, 'expected one of ');
}
function jsonPath(path) {
    if (path.length === 0)
        return '(top level)';
    return path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join('');
}
function valueAt(input, path) {
    let cur = input;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
/** Every key the schema knows anywhere, used only to suggest a fix for a typo. */
let knownKeys;
function allKnownKeys() {
    if (knownKeys)
        return knownKeys;
    const keys = new Set();
    const stack = [(0,file_schema/* configJsonSchema */.Mk)()];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node === null || typeof node !== 'object')
            continue;
        const props = node.properties;
        if (props && typeof props === 'object')
            for (const k of Object.keys(props))
                keys.add(k);
        for (const v of Object.values(node))
            if (v !== null && typeof v === 'object')
                stack.push(v);
    }
    knownKeys = [...keys];
    return knownKeys;
}
function suggestion(key, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = levenshtein(key.toLowerCase(), c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}
function levenshtein(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}

;// CONCATENATED MODULE: ./src/config/json-text.ts

/** No config object is nested anywhere near this deep; anything deeper is a broken file. */
const MAX_JSON_DEPTH = 64;
function readConfigJson(text) {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const scan = scanJson(source);
    if (scan.error) {
        const syntax = { ...lineColumnAt(source, scan.error.offset), detail: scan.error.detail };
        return {
            ok: false,
            syntax,
            problems: [
                scan.error.path !== undefined
                    ? `${scan.error.path}: ${scan.error.detail}`
                    : `invalid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.detail}`,
            ],
        };
    }
    if (scan.duplicates.length > 0 || scan.protoKeys.length > 0) {
        return {
            ok: false,
            problems: [
                // JSON.parse keeps "__proto__" as a plain key, but most object code (zod's records
                // included) drops it silently; it is never a valid name here.
                ...scan.protoKeys.map((path) => /^environments\.__proto__$/.test(path)
                    ? `${path}: environment names are lower-case letters, digits, "-" and "_" (and not a reserved word)`
                    : `${path}: unknown key "__proto__"`),
                ...scan.duplicates.map((d) => `${d.path}: duplicate key "${d.key}" (line ${d.line}); JSON keeps only the last one, so remove one of them`),
            ],
        };
    }
    return { ok: true, value: JSON.parse(source) };
}
/** Kept for callers that only need JSON.parse with a position on failure. */
function parseJsonText(text) {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const scan = scanJson(source);
    if (scan.error)
        return { ok: false, problem: { ...lineColumnAt(source, scan.error.offset), detail: scan.error.detail } };
    return { ok: true, value: JSON.parse(source) };
}
function lineColumnAt(text, offset) {
    let line = 1;
    let lastBreak = -1;
    for (let i = 0; i < Math.min(offset, text.length); i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lastBreak = i;
        }
    }
    return { line, column: offset - lastBreak };
}
class Stop extends Error {
    offset;
    detail;
    path;
    constructor(offset, detail, path) {
        super(detail);
        this.offset = offset;
        this.detail = detail;
        this.path = path;
    }
}
/** One pass over RFC 8259 JSON, without recursion. */
function scanJson(text, maxDepth = MAX_JSON_DEPTH) {
    const duplicates = [];
    const protoKeys = [];
    const stack = [];
    let i = 0;
    const describe = () => i >= text.length ? 'end of input' : `'${text[i] === '\n' ? '\\n' : text[i]}'`;
    const fail = (detail) => {
        throw new Stop(i, detail);
    };
    const ws = () => {
        while (i < text.length) {
            const c = text.charCodeAt(i);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                i++;
            else
                break;
        }
    };
    const literal = (word) => {
        for (const ch of word) {
            if (text[i] !== ch)
                fail(`unexpected ${describe()} in "${word}"`);
            i++;
        }
    };
    /** Reads a string starting at the quote; returns its raw text including quotes. */
    const string = () => {
        const start = i;
        i++;
        for (;;) {
            if (i >= text.length)
                fail('unterminated string');
            const ch = text[i];
            if (ch === '"') {
                i++;
                return text.slice(start, i);
            }
            if (ch === '\\') {
                i++;
                if (!'"\\/bfnrtu'.includes(text[i] ?? ''))
                    fail(`invalid escape ${describe()}`);
                if (text[i] === 'u') {
                    for (let k = 1; k <= 4; k++)
                        if (!/[0-9a-fA-F]/.test(text[i + k] ?? ''))
                            fail('invalid \\u escape');
                    i += 4;
                }
                i++;
                continue;
            }
            if (ch.charCodeAt(0) < 0x20)
                fail('control character in string');
            i++;
        }
    };
    const number = () => {
        const re = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
        re.lastIndex = i;
        const m = re.exec(text);
        if (!m || m[0] === '-' || m[0] === '')
            fail(`unexpected ${describe()}`);
        i += m[0].length;
    };
    const childPath = () => {
        const top = stack[stack.length - 1];
        if (!top)
            return [];
        return [...top.path, top.kind === 'array' ? top.index : [...top.keys].pop()];
    };
    const open = (kind) => {
        const path = childPath();
        if (stack.length >= maxDepth)
            throw new Stop(i, `nested more than ${maxDepth} levels deep; no config is`, jsonPath(path));
        stack.push({ kind, path, keys: new Set(), index: 0 });
        i++;
    };
    let state = 'value';
    let lastKey;
    try {
        for (;;) {
            ws();
            if (state === 'value-or-end') {
                if (text[i] === ']') {
                    i++;
                    stack.pop();
                    state = 'after';
                    continue;
                }
                state = 'value';
            }
            if (state === 'key-or-end') {
                if (text[i] === '}') {
                    i++;
                    stack.pop();
                    state = 'after';
                    continue;
                }
                state = 'key';
            }
            if (state === 'value') {
                const ch = text[i];
                if (ch === '{') {
                    open('object');
                    state = 'key-or-end';
                }
                else if (ch === '[') {
                    open('array');
                    state = 'value-or-end';
                }
                else {
                    if (ch === '"')
                        string();
                    else if (ch === 't')
                        literal('true');
                    else if (ch === 'f')
                        literal('false');
                    else if (ch === 'n')
                        literal('null');
                    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9'))
                        number();
                    else
                        fail(`expected a value, found ${describe()}`);
                    state = 'after';
                }
                continue;
            }
            if (state === 'key') {
                if (text[i] !== '"')
                    fail(`expected a property name in double quotes, found ${describe()}`);
                const keyStart = i;
                const raw = string();
                lastKey = JSON.parse(raw);
                const top = stack[stack.length - 1];
                if (top.keys.has(lastKey)) {
                    duplicates.push({
                        path: jsonPath([...top.path, lastKey]),
                        key: lastKey,
                        line: lineColumnAt(text, keyStart).line,
                    });
                    // Keep the key last in insertion order, so child paths name it.
                    top.keys.delete(lastKey);
                }
                top.keys.add(lastKey);
                if (lastKey === '__proto__')
                    protoKeys.push(jsonPath([...top.path, lastKey]));
                ws();
                if (text[i] !== ':')
                    fail(`expected ':' after property name, found ${describe()}`);
                i++;
                state = 'value';
                continue;
            }
            // state === 'after'
            const top = stack[stack.length - 1];
            if (!top) {
                if (i < text.length)
                    fail(`unexpected ${describe()} after the JSON value`);
                return { duplicates, protoKeys };
            }
            if (text[i] === ',') {
                i++;
                if (top.kind === 'object')
                    state = 'key';
                else {
                    top.index++;
                    state = 'value';
                }
            }
            else if (top.kind === 'object' && text[i] === '}') {
                i++;
                stack.pop();
            }
            else if (top.kind === 'array' && text[i] === ']') {
                i++;
                stack.pop();
            }
            else {
                fail(top.kind === 'object'
                    ? `expected ',' or '}' after property value, found ${describe()}`
                    : `expected ',' or ']' after array element, found ${describe()}`);
            }
        }
    }
    catch (error) {
        if (error instanceof Stop)
            return {
                error: { offset: error.offset, detail: error.detail, path: error.path },
                duplicates,
                protoKeys,
            };
        throw error;
    }
}

// EXTERNAL MODULE: ./src/domain/gates/catalog/catalog.ts + 9 modules
var catalog = __webpack_require__(275);
;// CONCATENATED MODULE: ./src/config/substitute.ts

const TEMPLATE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
/**
 * Replaces `${VAR}` and `${VAR:-default}` in one string from `lookup`. `$${` stays a literal `${`.
 * An empty variable counts as unset for `:-` (as in the shell). Returns the variables that were
 * unset with no default; the value is then unusable and must not be used.
 */
function substituteString(value, lookup) {
    const unset = [];
    const out = value.replace(TEMPLATE, (whole, name, fallback) => {
        if (whole === '$${')
            return '${';
        const found = lookup(name);
        if (found !== undefined && found !== '')
            return found;
        if (fallback !== undefined)
            return fallback;
        if (found === '')
            return '';
        unset.push(name);
        return whole;
    });
    return { value: out, unset };
}
/**
 * Substitutes every string in a JSON-like tree (a copy is returned). Iterative, so a deep tree
 * cannot overflow the stack. Unset variables are reported with the JSON path of their string.
 */
function substituteTree(root, basePath, lookup) {
    const unset = [];
    const visit = (value, path) => {
        if (typeof value === 'string') {
            const r = substituteString(value, lookup);
            for (const variable of r.unset)
                unset.push({ path: jsonPath(path), variable });
            return r.value;
        }
        return value;
    };
    const rootCopy = copy(root);
    if (rootCopy === null || typeof rootCopy !== 'object')
        return { value: visit(rootCopy, [...basePath]), unset };
    const stack = [
        { node: rootCopy, path: [...basePath] },
    ];
    while (stack.length > 0) {
        const { node, path } = stack.pop();
        for (const key of Object.keys(node)) {
            const k = Array.isArray(node) ? Number(key) : key;
            const child = visit(node[key], [...path, k]);
            node[key] = child;
            if (child !== null && typeof child === 'object')
                stack.push({ node: child, path: [...path, k] });
        }
    }
    return { value: rootCopy, unset };
}
function copy(value) {
    return value === undefined ? value : structuredClone(value);
}

;// CONCATENATED MODULE: ./src/config/normalize.ts




const DEFAULT_HEALTH_TIMEOUT_SECONDS = 5;
const DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;
/** One environment of a validated file → the internal model (see model.ts). */
function normalizeEnvironment(input) {
    const { file, envName, configDir, lookup } = input;
    const sub = substituteTree(file.environments[envName], ['environments', envName], lookup);
    const glob = substituteTree(file.global_settings, ['global_settings'], lookup);
    const raw = sub.value;
    const global = glob.value;
    const allUnset = [...sub.unset, ...glob.unset];
    const channelPrefix = `environments.${envName}.notifications.channels.`;
    const unsetInChannels = allUnset.filter((u) => u.path.startsWith(channelPrefix));
    const unset = allUnset.filter((u) => !u.path.startsWith(channelPrefix));
    const problems = [];
    const at = (p) => `environments.${envName}.${p}`;
    const checkUrl = (path, value) => {
        if (!/^https?:\/\/[^\s/?#]+\S*$/.test(value) && !unset.some((u) => u.path === path))
            problems.push(`${path}: expected an http(s) URL after substituting variables`);
    };
    checkUrl(at('service.base_url'), raw.service.base_url);
    if (raw.metrics_source.type === 'prometheus')
        checkUrl(at('metrics_source.url'), raw.metrics_source.url);
    const targetRoot = raw.target?.type === 'local'
        ? (0,external_node_path_.isAbsolute)(raw.target.root)
            ? raw.target.root
            : (0,external_node_path_.resolve)(configDir, raw.target.root)
        : undefined;
    const backupBase = targetRoot ?? configDir;
    const env = {
        description: raw.description,
        service: {
            base_url: raw.service.base_url.replace(/\/+$/, ''),
            health_path: raw.service.health_path ?? global.health_check_endpoint,
            metrics_path: raw.service.metrics_path ?? global.metrics_endpoint,
            queue_status_path: raw.service.queue_status_path,
            admin_path: raw.service.admin_path,
            request_timeout_seconds: raw.service.request_timeout_seconds ?? global.timeout_seconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS,
            user_agent: global.user_agent ?? `dhash-rollout/${input.toolVersion}`,
        },
        target: raw.target === undefined
            ? undefined
            : raw.target.type === 'local'
                ? { ...raw.target, root: targetRoot }
                : raw.target,
        backup: {
            ...raw.backup,
            dir: (0,external_node_path_.isAbsolute)(raw.backup.dir) ? raw.backup.dir : (0,external_node_path_.resolve)(backupBase, raw.backup.dir),
        },
        migrations: raw.migrations,
        metrics_source: raw.metrics_source,
        monitoring: raw.monitoring,
        quality_gates: qualityGates(raw, global.timeout_seconds),
        notifications: notifications(raw),
        auto_rollback: raw.auto_rollback,
        log_level: logLevel(global.log_level),
    };
    return { env, unset, unsetInChannels, problems };
}
function qualityGates(raw, globalTimeout) {
    const out = {};
    const gates = raw.quality_gates;
    if (gates.health?.enabled) {
        const h = gates.health;
        const limits = catalog/* GATE_CATALOG */.UW.health.limits(h.threshold);
        const interval = limits.checkIntervalSeconds;
        out.health = {
            enabled: true,
            description: h.description,
            actions: h.actions,
            consecutive_failures: limits.limit,
            check_interval_seconds: interval,
            confirm_interval_seconds: h.confirm_interval_seconds ?? Math.min(10, interval),
            timeout_seconds: h.timeout_seconds ?? globalTimeout ?? DEFAULT_HEALTH_TIMEOUT_SECONDS,
        };
    }
    const metric = (name) => {
        const g = gates[name];
        if (!g?.enabled)
            return undefined;
        // Each module knows its own threshold fields; the catalog entry and the file entry share N.
        const limits = catalog/* GATE_CATALOG */.UW[name].limits(g.threshold);
        const gate = {
            enabled: true,
            description: g.description,
            actions: g.actions,
            threshold: limits.limit,
            no_data: g.no_data,
            failure_limit: g.failure_limit,
        };
        if ('windowMinutes' in limits && limits.windowMinutes !== undefined)
            gate.evaluation_window_minutes = limits.windowMinutes;
        if ('minSamples' in limits && limits.minSamples !== undefined)
            gate.min_sample_size = limits.minSamples;
        if ('checkIntervalSeconds' in limits && limits.checkIntervalSeconds !== undefined)
            gate.check_interval_seconds = limits.checkIntervalSeconds;
        if (g.inconclusive_limit !== undefined)
            gate.inconclusive_limit = g.inconclusive_limit;
        if (gate.description === undefined)
            delete gate.description;
        return gate;
    };
    const names = [
        'extraction_failure_rate',
        'p95_hash_time',
        'low_confidence_queue',
        'memory_usage',
        'error_rate',
    ];
    for (const name of names) {
        const gate = metric(name);
        if (gate)
            out[name] = gate;
    }
    if (out.health && out.health.description === undefined)
        delete out.health.description;
    return out;
}
// Every channel the file accepts is one the catalog delivers to.
const isDeliverable = (c) => channels_schema/* CONFIG_CHANNELS */.U7.includes(c);
function notifications(raw) {
    const n = raw.notifications;
    const enabled = Object.entries(n.channels)
        .filter(([, c]) => c?.enabled)
        .map(([name]) => name);
    const settings = {};
    for (const name of enabled) {
        const { enabled: _enabled, ...rest } = n.channels[name];
        settings[name] = rest;
    }
    const levels = n.escalation.escalation_levels.map((l) => {
        const level = {
            after_minutes: n.escalation.initial_delay_minutes + l.delay_minutes,
            recipients: l.recipients,
        };
        if (l.channels) {
            level.config_channels = l.channels;
            level.channels = l.channels.filter(isDeliverable);
        }
        if (l.recipients.length > 0)
            level.mention = l.recipients.join(' ');
        return level;
    });
    return {
        channels: enabled.filter(isDeliverable),
        enabled_channels: enabled,
        channel_settings: settings,
        escalation: {
            enabled: n.escalation.enabled,
            initial_delay_minutes: n.escalation.initial_delay_minutes,
            levels,
        },
        deadline_seconds: n.deadline_seconds,
        attempt_timeout_seconds: n.attempt_timeout_seconds,
        max_attempts: n.max_attempts,
        max_retry_after_seconds: n.max_retry_after_seconds,
        allow_insecure_loopback: n.allow_insecure_loopback,
        ...(n.mentions ? { mentions: n.mentions } : {}),
    };
}
function logLevel(value) {
    const upper = value.toUpperCase();
    return (upper === 'WARNING' ? 'WARN' : upper);
}

// EXTERNAL MODULE: ./src/config/bounds.ts
var bounds = __webpack_require__(749);
;// CONCATENATED MODULE: ./src/config/semantic.ts

/**
 * Checks that relate two values of the file, which a JSON Schema cannot express. Each problem is
 * one line naming the JSON path. The generated JSON Schema accepts these files; the CLI does not
 * (docs/configuration.md lists them).
 */
function semanticProblems(file) {
    const problems = [];
    const names = Object.keys(file.environments);
    if (file.default_environment !== undefined && !names.includes(file.default_environment)) {
        problems.push(`default_environment: "${file.default_environment}" is not one of the environments (${names.join(', ')})`);
    }
    for (const name of names)
        problems.push(...environmentProblems(`environments.${name}`, file.environments[name]));
    return problems;
}
function environmentProblems(at, env) {
    const problems = [];
    const m = env.monitoring;
    if (m.poll_intervals.initial_minutes > m.window_minutes) {
        problems.push(`${at}.monitoring.poll_intervals.initial_minutes: ${m.poll_intervals.initial_minutes} is longer than window_minutes (${m.window_minutes})`);
    }
    const shortest = Math.min(m.poll_intervals.initial_interval_seconds, m.poll_intervals.normal_interval_seconds);
    const polls = (m.window_minutes * 60) / shortest;
    if (polls > bounds/* BOUNDS */.QT.maxPolls) {
        problems.push(`${at}.monitoring: a ${m.window_minutes} min window polled every ${shortest} s is ${Math.ceil(polls)} polls; at most ${bounds/* BOUNDS */.QT.maxPolls} are allowed (lengthen the intervals or shorten the window)`);
    }
    const enabled = new Set(Object.entries(env.notifications.channels)
        .filter(([, c]) => c && c.enabled)
        .map(([name]) => name));
    env.notifications.escalation.escalation_levels.forEach((level, i) => {
        (level.channels ?? []).forEach((channel, j) => {
            if (!enabled.has(channel))
                problems.push(`${at}.notifications.escalation.escalation_levels[${i}].channels[${j}]: "${channel}" is not an enabled channel of this environment (add notifications.channels.${channel})`);
        });
    });
    return problems;
}
/** Things that are allowed but probably not meant; shown by validate and in plans, never silent. */
function environmentWarnings(name, env) {
    const at = `environments.${name}`;
    const warnings = [];
    const gates = Object.entries(env.quality_gates).filter(([, g]) => g && g.enabled);
    if (gates.length === 0)
        warnings.push(`${at}.quality_gates: no gate is enabled, so monitoring judges nothing`);
    if (!env.auto_rollback.enabled) {
        for (const [gate, g] of gates) {
            if (g.actions.includes('auto_rollback'))
                warnings.push(`${at}.quality_gates.${gate}.actions: "auto_rollback" has no effect while auto_rollback.enabled is false (a breach only alerts)`);
        }
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/config/load.ts















const DEFAULT_CONFIG_FILE = 'quality-gates-config.json';
const DEFAULT_ENV_FILE = '.env.notifications';
/** Overrides `service.base_url` of the chosen environment. */
const BASE_URL_VARIABLE = 'DHASH_BASE_URL';
function resolveConfigPath(configPath, cwd) {
    if (configPath) {
        const path = (0,external_node_path_.resolve)(cwd, configPath);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new runtime_errors/* UsageError */.eb(`--config: file not found: ${path}`);
        return { path, packaged: false };
    }
    const local = (0,external_node_path_.resolve)(cwd, DEFAULT_CONFIG_FILE);
    if ((0,external_node_fs_.existsSync)(local))
        return { path: local, packaged: false };
    return { path: (0,external_node_path_.join)((0,package_root/* packageRoot */.Z)(), DEFAULT_CONFIG_FILE), packaged: true };
}
/** Structural checks only (what the JSON Schema also checks): the problems, or the file. */
function checkConfigStructure(value) {
    const result = file_schema/* ConfigFileSchema */.Kx.safeParse(value);
    if (!result.success)
        return { ok: false, problems: formatIssues(result.error.issues, value) };
    return { ok: true, file: result.data };
}
/** Parses and validates a whole config file; throws ConfigError with one line per problem. */
function parseConfigText(text, source) {
    const read = readConfigJson(text);
    if (!read.ok)
        throw new runtime_errors/* ConfigError */.xL(source, read.problems);
    const checked = checkConfigStructure(read.value);
    if (!checked.ok)
        throw new runtime_errors/* ConfigError */.xL(source, checked.problems);
    const problems = semanticProblems(checked.file);
    if (problems.length > 0)
        throw new runtime_errors/* ConfigError */.xL(source, problems);
    return checked.file;
}
/** The environment used without --env: default_environment, else "production", else the first. */
function defaultEnvironmentName(file) {
    if (file.default_environment !== undefined)
        return file.default_environment;
    const names = Object.keys(file.environments);
    return names.includes('production') ? 'production' : names[0];
}
function loadConfig(options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const environment = options.environment ?? process.env;
    const { path, packaged } = resolveConfigPath(options.configPath, cwd);
    const source = packaged ? `(packaged default) ${path}` : path;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new runtime_errors/* UsageError */.eb(`--config: cannot read ${path}: ${error.message}`);
    }
    const file = parseConfigText(text, source);
    const envName = options.envName ?? defaultEnvironmentName(file);
    if (!Object.hasOwn(file.environments, envName)) {
        throw new runtime_errors/* UsageError */.eb(`--env: unknown environment "${envName}"; ${source} defines: ${Object.keys(file.environments).join(', ')}`);
    }
    const envFile = (0,external_node_path_.resolve)(cwd, options.envFilePath ?? DEFAULT_ENV_FILE);
    const fromEnvFile = (0,external_node_fs_.existsSync)(envFile) ? parseDotenv((0,external_node_fs_.readFileSync)(envFile, 'utf8')) : {};
    const lookup = (name) => (Object.hasOwn(environment, name) ? environment[name] : undefined) ??
        (Object.hasOwn(fromEnvFile, name) ? fromEnvFile[name] : undefined);
    // The packaged default is not the user's file: its relative paths mean the working directory.
    const configDir = packaged ? cwd : (0,external_node_path_.dirname)(path);
    const normalized = normalizeEnvironment({ file, envName, configDir, lookup, toolVersion: (0,package_root/* toolVersion */.f)() });
    const errors = [
        ...normalized.unset.map((u) => `${u.path}: \${${u.variable}} is not set and has no default (set ${u.variable} or write \${${u.variable}:-default})`),
        ...normalized.problems,
    ];
    if (errors.length > 0)
        throw new runtime_errors/* ConfigError */.xL(source, errors);
    const baseUrl = options.baseUrl ?? environment[BASE_URL_VARIABLE];
    if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
        throw new runtime_errors/* UsageError */.eb(`--base-url: expected an http(s) URL such as http://127.0.0.1:8080, got "${baseUrl}"`);
    }
    const env = baseUrl
        ? { ...normalized.env, service: { ...normalized.env.service, base_url: baseUrl.replace(/\/+$/, '') } }
        : normalized.env;
    const vars = notificationVars(environment, fromEnvFile, env);
    const redactor = new redact/* Redactor */.p();
    for (const name of channel_settings/* SECRET_VARIABLES */.VP)
        redactor.add(vars[name]);
    for (const settings of Object.values(env.notifications.channel_settings))
        for (const [key, value] of Object.entries(settings ?? {}))
            if (channels_schema/* SECRET_SETTING_KEYS */.Pq.has(key) && typeof value === 'string')
                redactor.add(value);
    const databaseUrl = lookup(env.migrations.database_url_env) || undefined;
    redactor.add(databaseUrl);
    const warnings = [
        ...environmentWarnings(envName, file.environments[envName]),
        ...normalized.unsetInChannels.map((u) => `${u.path}: \${${u.variable}} is not set and has no default, so this channel lacks the setting`),
        ...(0,channel_settings/* missingChannelSettings */.nQ)(env.notifications.channels, vars),
        ...(0,mentions_schema/* unmappedRecipientWarnings */.h)(env.notifications.escalation.levels, env.notifications.mentions, `environments.${envName}.notifications.escalation.escalation_levels`),
    ];
    return {
        source,
        file,
        configDir,
        envName,
        env,
        vars,
        databaseUrl,
        redactor,
        warnings,
    };
}
/** Which file setting of which channel fills which of the seed's variables (from the channel catalog). */
const SETTING_VARIABLES = channels/* ALL_CHANNEL_VARIABLES */.s_.filter((v) => v.settingKeys.length > 0).map((v) => [
    v.channel,
    v.settingKeys,
    v.name,
]);
function notificationVars(environment, fromFile, env) {
    const vars = {};
    for (const name of channel_settings/* NOTIFICATION_VARIABLES */.k3) {
        const value = environment[name] || fromFile[name];
        if (value)
            vars[name] = value;
    }
    // pager.routing_key_env names another variable holding the routing key.
    const keyEnv = env.notifications.channel_settings.pager?.routing_key_env;
    if (typeof keyEnv === 'string' && keyEnv !== 'PAGERDUTY_ROUTING_KEY') {
        const value = environment[keyEnv] || fromFile[keyEnv];
        if (value)
            vars.PAGERDUTY_ROUTING_KEY = value;
    }
    for (const [channel, keys, variable] of SETTING_VARIABLES) {
        const settings = env.notifications.channel_settings[channel];
        if (!settings)
            continue;
        for (const key of keys) {
            const value = settings[key];
            if (value === undefined)
                continue;
            const text = Array.isArray(value) ? value.join(',') : String(value);
            // An unresolved ${VAR} is not a value: leave the variable unset, so the channel reports it.
            if (text !== '' && !/\$\{[A-Za-z_]/.test(text))
                vars[variable] = text;
            break;
        }
    }
    return vars;
}


/***/ }),

/***/ 6763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ MentionsSchema),
/* harmony export */   h: () => (/* binding */ unmappedRecipientWarnings)
/* harmony export */ });
/* unused harmony export MentionTargetsSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);

/**
 * `notifications.mentions`: a name used in `recipients` (such as "@dhash-oncall") mapped to the
 * ids each platform pings with. Names without an entry are sent as plain text (and `validate`
 * warns), because a chat product cannot page a name it does not know.
 */
const slackId = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[UWS][A-Z0-9]{2,}$/, {
    error: 'expected a Slack user id (U… or W…) or user-group id (S…), e.g. "S0123ABC"',
});
const snowflake = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^\d{5,25}$/, { error: 'expected a Discord id (digits only)' });
const MentionTargetsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    slack: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(slackId).optional().describe('Slack user ids (U…, W…) and user-group ids (S…).'),
    discord: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        roles: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(snowflake).optional(),
        users: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(snowflake).optional(),
    })
        .optional()
        .describe('Discord role and user ids; only these may ping.'),
    teams: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1, { error: 'expected the Teams user id (AAD object id or UPN)' }),
        name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1, { error: 'expected the display name shown in the mention' }),
    }))
        .optional()
        .describe('Teams users to @mention in the Adaptive Card.'),
    email: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/, { error: 'expected an e-mail address' }))
        .optional()
        .describe('Addresses added to the e-mail recipients of a message naming this recipient.'),
});
const MentionsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^@?[\w.-]+$/, { error: 'expected a recipient name such as "@dhash-oncall"' }), MentionTargetsSchema)
    .describe('Recipient names (as used in escalation recipients) mapped to native mentions per platform.');
/** Broadcasts that every chat product understands without a mapping. */
const BROADCASTS = new Set(['@here', '@channel', '@everyone']);
/** `validate` warnings: recipient names that no platform can page. */
function unmappedRecipientWarnings(levels, map = {}, path = 'notifications.escalation.escalation_levels') {
    const known = (name) => {
        const bare = name.replace(/^@/, '');
        return name in map || bare in map || `@${bare}` in map;
    };
    const warnings = [];
    levels.forEach((level, index) => {
        const names = level.recipients ?? (level.mention ? level.mention.split(/[\s,]+/) : []);
        for (const name of new Set(names.map((n) => n.trim()).filter(Boolean)))
            if (!BROADCASTS.has(name) && !known(name))
                warnings.push(`${path}[${index}].recipients: "${name}" has no entry in notifications.mentions; it is sent as plain text and pings no one`);
    });
    return warnings;
}


/***/ }),

/***/ 8591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gx: () => (/* binding */ minutes),
/* harmony export */   QT: () => (/* binding */ BOUNDS),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   X1: () => (/* binding */ percentage),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   c$: () => (/* binding */ hours),
/* harmony export */   rv: () => (/* binding */ timeoutSeconds),
/* harmony export */   s2: () => (/* binding */ positiveUpTo),
/* harmony export */   yk: () => (/* binding */ windowOverrideProblem)
/* harmony export */ });
/* unused harmony export windowMinutesProblem */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);

/**
 * Every duration and count in the config has an upper bound, so no value can overflow a timer
 * (Node caps a timeout at 2^31-1 ms, about 24.8 days), allocate a schedule of millions of polls,
 * or make a typo such as 1e10 silently mean "never". The bounds are documented in
 * docs/configuration.md; the same numbers end up in the generated JSON Schema.
 */
const BOUNDS = {
    /** An interval between two checks or polls. */
    intervalSeconds: { min: 0.01, max: 86_400 },
    /** A timeout of one request or command. */
    timeoutSeconds: { min: 0.01, max: 3_600 },
    /** The monitoring window, and the --window-minutes flag. */
    windowMinutes: { min: 0.01, max: 10_080 },
    /** A gate's evaluation window. */
    evaluationWindowMinutes: { min: 0.01, max: 1_440 },
    /** Escalation delays and the rollback timeout. */
    delayMinutes: { min: 0, max: 10_080 },
    retentionHours: { min: 0, max: 87_600 },
    /** Readings, failures, attempts. */
    smallCount: { min: 1, max: 1_000 },
    sampleSize: { min: 0, max: 1_000_000_000 },
    queueLength: { min: 0, max: 1_000_000_000_000 },
    /** Polls in one window (window / shortest interval). */
    maxPolls: 100_000,
};
function bounded(range, unit, opts = {}) {
    const kind = opts.int ? 'an integer' : 'a number';
    const low = opts.minExclusive ? `greater than ${range.min}` : `at least ${range.min}`;
    const expected = `expected ${kind} ${low} and at most ${range.max} (${unit})`;
    let n = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: expected });
    if (opts.int)
        n = n.int({ error: expected });
    n = opts.minExclusive ? n.gt(range.min, { error: expected }) : n.gte(range.min, { error: expected });
    return n.lte(range.max, { error: expected });
}
const seconds = (range = BOUNDS.intervalSeconds) => bounded(range, 'seconds');
const timeoutSeconds = () => bounded(BOUNDS.timeoutSeconds, 'seconds');
const minutes = (range) => bounded(range, 'minutes');
const hours = () => bounded(BOUNDS.retentionHours, 'hours');
const count = (range, unit) => bounded(range, unit, { int: true });
const percentage = () => bounded({ min: 0, max: 100 }, 'percent', { minExclusive: true });
const positiveUpTo = (max, unit) => bounded({ min: 0, max }, unit, { minExclusive: true });
/** The check behind --window-minutes, so the flag and the file share one bound. */
function windowMinutesProblem(value) {
    const { min, max } = BOUNDS.windowMinutes;
    if (!Number.isFinite(value) || value < min || value > max)
        return `expected a number of minutes between ${min} and ${max}`;
    return null;
}
/**
 * Checks a window override (--window-minutes, the action's window-minutes input) against the
 * same bounds as the file, including the number of polls the environment's intervals give.
 * Returns the problem, or null; `name` is the flag or input, for the message.
 */
function windowOverrideProblem(name, raw, poll) {
    const value = Number(raw);
    const range = windowMinutesProblem(value);
    if (raw.trim() === '' || range)
        return `${name}: ${range ?? 'expected a number of minutes'}, got "${raw}"`;
    const polls = (value * 60) / Math.min(poll.initial_interval_seconds, poll.normal_interval_seconds);
    if (polls > BOUNDS.maxPolls)
        return `${name}: ${raw} min at this environment's poll intervals is ${Math.ceil(polls)} polls; at most ${BOUNDS.maxPolls} are allowed`;
    return null;
}


/***/ }),

/***/ 275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mu: () => (/* reexport */ GATE_ACTIONS),
  UW: () => (/* binding */ GATE_CATALOG),
  rn: () => (/* reexport */ GATE_NAMES),
  oN: () => (/* binding */ SCRAPED_FAMILIES)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/domain/bounds.ts
var bounds = __webpack_require__(8591);
// EXTERNAL MODULE: ./src/domain/metrics/metric-names.ts
var metric_names = __webpack_require__(7361);
;// CONCATENATED MODULE: ./src/domain/metrics/increase.ts
/**
 * `points` are the samples inside the range (rangeStart, rangeEnd], oldest first.
 * Returns null with fewer than two points: PromQL drops such series, and so do we.
 */
function promIncrease(points, rangeStartMs, rangeEndMs) {
    if (points.length < 2)
        return null;
    const first = points[0];
    const last = points[points.length - 1];
    let result = last.v - first.v;
    let previous = 0;
    for (const p of points) {
        if (p.v < previous)
            result += previous; // counter reset
        previous = p.v;
    }
    let durationToStart = (first.t - rangeStartMs) / 1000;
    const durationToEnd = (rangeEndMs - last.t) / 1000;
    const sampledInterval = (last.t - first.t) / 1000;
    if (sampledInterval <= 0)
        return null;
    const averageBetween = sampledInterval / (points.length - 1);
    if (result > 0 && first.v >= 0) {
        // A counter cannot go below zero: do not extrapolate past the point it would have been zero.
        const durationToZero = sampledInterval * (first.v / result);
        if (durationToZero < durationToStart)
            durationToStart = durationToZero;
    }
    const threshold = averageBetween * 1.1;
    let extrapolateTo = sampledInterval;
    extrapolateTo += durationToStart < threshold ? durationToStart : averageBetween / 2;
    extrapolateTo += durationToEnd < threshold ? durationToEnd : averageBetween / 2;
    return result * (extrapolateTo / sampledInterval);
}
/** Points of a series inside (startMs, endMs], as a PromQL range selector takes them (Prometheus 3). */
function pointsInRange(points, startMs, endMs) {
    const out = [];
    for (const p of points)
        if (p.t > startMs && p.t <= endMs)
            out.push(p);
    return out;
}
/**
 * The reset-adjusted increase without extrapolation. Ratios and quantiles are scale-free, so the
 * gates take them from these: PromQL extrapolates each series on its own, and two series of one
 * histogram that fall on either side of the 1.1-interval rule get different factors — enough to
 * move a healthy P95 of 0.9 s into the 2-2.5 s bucket (seen in the noisy-window benchmark).
 */
function rawIncrease(points) {
    if (points.length < 2)
        return null;
    let result = points[points.length - 1].v - points[0].v;
    let previous = 0;
    for (const p of points) {
        if (p.v < previous)
            result += previous;
        previous = p.v;
    }
    return result;
}

// EXTERNAL MODULE: ./src/domain/gates/inputs.ts + 1 modules
var gates_inputs = __webpack_require__(5270);
;// CONCATENATED MODULE: ./src/domain/metrics/window-values.ts



/** sum(increase(name{match}[window])) or null when no series has two points in the window.
 * `raw`: without PromQL's extrapolation (for ratios and quantiles, see rawIncrease). */
function sumIncrease(history, name, nowMs, windowMs, match, raw = false) {
    let total = null;
    const start = nowMs - windowMs;
    for (const series of history.select(name, match)) {
        const points = pointsInRange(series.points, start, nowMs);
        const inc = raw ? rawIncrease(points) : promIncrease(points, start, nowMs);
        if (inc !== null)
            total = (total ?? 0) + inc;
    }
    return total;
}
function windowLabel(windowMs) {
    return `${Math.round(windowMs / 1000)}s`;
}
/** A series whose points in the window include a NaN or ±Inf, named for the reason. */
function nonFiniteSeries(history, name, nowMs, windowMs) {
    for (const series of history.select(name)) {
        const bad = pointsInRange(series.points, nowMs - windowMs, nowMs).find((p) => !Number.isFinite(p.v));
        if (bad) {
            const labels = Object.entries(series.labels)
                .map(([k, v]) => `${k}="${v}"`)
                .join(',');
            return `${series.name}{${labels}} has a ${String(bad.v)} sample in the window: no data`;
        }
    }
    return null;
}
function ratio(history, name, nowMs, windowMs, inNumerator, source, what) {
    const all = sumIncrease(history, name, nowMs, windowMs);
    if (all === null)
        return { value: null, samples: null, source, detail: `no two scrapes of ${name} in the window yet` };
    const start = nowMs - windowMs;
    const series = [];
    let numerator = 0;
    let denominator = 0;
    for (const s of history.select(name)) {
        const points = pointsInRange(s.points, start, nowMs);
        const increase = rawIncrease(points);
        if (increase === null)
            continue;
        const counted = inNumerator(s.labels);
        series.push({ labels: s.labels, points: points.length, increase, numerator: counted });
        denominator += increase;
        if (counted)
            numerator += increase;
    }
    const bad = nonFiniteSeries(history, name, nowMs, windowMs);
    const inputs = {
        kind: 'ratio',
        numerator,
        denominator,
        samples: all,
        series,
        ...(bad ? { noData: bad } : {}),
    };
    return {
        value: (0,gates_inputs/* valueFromInputs */.h)(inputs),
        samples: (0,gates_inputs/* samplesFromInputs */.B)(inputs),
        source,
        detail: bad ?? `${fmt(numerator)} ${what[0]} of ${fmt(denominator)} ${what[1]}`,
        inputs,
    };
}
/** 100 × failed / all extractions over the window. */
function extractionFailurePercent(history, nowMs, windowMs) {
    const n = metric_names/* METRIC_NAMES */.U.extractions;
    const w = windowLabel(windowMs);
    const source = `100 * sum(increase(${n}{result="failure"}[${w}])) / sum(increase(${n}[${w}]))`;
    return ratio(history, n, nowMs, windowMs, (l) => l.result === 'failure', source, ['failed', 'extractions']);
}
/** 100 × 5xx / all HTTP responses over the window. */
function errorRatePercent(history, nowMs, windowMs) {
    const n = metric_names/* METRIC_NAMES */.U.httpRequests;
    const w = windowLabel(windowMs);
    const source = `100 * sum(increase(${n}{code=~"5.."}[${w}])) / sum(increase(${n}[${w}]))`;
    return ratio(history, n, nowMs, windowMs, (l) => /^5\d\d$/.test(l.code), source, ['5xx', 'responses']);
}
/** P95 in milliseconds from histogram bucket increases summed by `le`. */
function p95Milliseconds(history, nowMs, windowMs, quantile = 0.95) {
    const n = metric_names/* METRIC_NAMES */.U.hashDuration;
    const w = windowLabel(windowMs);
    const source = `1000 * histogram_quantile(${quantile}, sum by (le) (increase(${n}_bucket[${w}])))`;
    const byLe = new Map();
    const start = nowMs - windowMs;
    for (const series of history.select(`${n}_bucket`)) {
        const le = Number(series.labels.le === '+Inf' ? Infinity : series.labels.le);
        if (Number.isNaN(le))
            continue;
        const inc = rawIncrease(pointsInRange(series.points, start, nowMs));
        if (inc !== null)
            byLe.set(le, (byLe.get(le) ?? 0) + inc);
    }
    if (byLe.size === 0)
        return { value: null, samples: null, source, detail: `no two scrapes of ${n}_bucket in the window yet` };
    const buckets = [...byLe]
        .sort((a, b) => a[0] - b[0])
        .map(([le, increase]) => ({ le: le === Infinity ? '+Inf' : le, increase }));
    const observations = sumIncrease(history, `${n}_count`, nowMs, windowMs) ?? Math.max(...buckets.map((b) => b.increase));
    const bad = nonFiniteSeries(history, `${n}_bucket`, nowMs, windowMs);
    const inputs = {
        kind: 'histogram',
        quantile,
        buckets,
        samples: observations,
        ...(bad ? { noData: bad } : {}),
    };
    const value = (0,gates_inputs/* valueFromInputs */.h)(inputs);
    return {
        value,
        samples: (0,gates_inputs/* samplesFromInputs */.B)(inputs),
        source,
        detail: bad ?? (value === null ? 'no observations in the window' : `${fmt(observations)} hashes in the window`),
        inputs,
    };
}
/** Resident memory as a percent of the limit, from the latest scrape (worst series). */
function memoryPercent(latest) {
    const source = `100 * ${metric_names/* METRIC_NAMES */.U.residentMemory} / ${metric_names/* METRIC_NAMES */.U.memoryLimit}`;
    const rss = latest.find((s) => s.name === metric_names/* METRIC_NAMES */.U.residentMemory);
    const limit = latest.find((s) => s.name === metric_names/* METRIC_NAMES */.U.memoryLimit);
    if (!rss || !limit)
        return {
            value: null,
            samples: null,
            source,
            detail: `${!rss ? metric_names/* METRIC_NAMES */.U.residentMemory : metric_names/* METRIC_NAMES */.U.memoryLimit} not exposed`,
        };
    const inputs = { kind: 'memory', rss: rss.value, limit: limit.value };
    const value = (0,gates_inputs/* valueFromInputs */.h)(inputs);
    if (value === null)
        return {
            value: null,
            samples: null,
            source,
            detail: `${metric_names/* METRIC_NAMES */.U.residentMemory} is ${rss.value}, ${metric_names/* METRIC_NAMES */.U.memoryLimit} is ${limit.value}: no data`,
            inputs,
        };
    return {
        value,
        samples: null,
        source,
        detail: `${(rss.value / 2 ** 20).toFixed(1)} MiB of ${(limit.value / 2 ** 20).toFixed(1)} MiB`,
        inputs,
    };
}
function fmt(n) {
    return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

;// CONCATENATED MODULE: ./src/domain/gates/catalog/error-rate.ts




const threshold = schemas/* strictObject */.rej({
    max_error_percentage: (0,bounds/* percentage */.X1)()
        .default(3)
        .describe('Breach when more than this percent of HTTP responses in the window were 5xx. Default 3.'),
    evaluation_window_minutes: (0,bounds/* minutes */.Gx)(bounds/* BOUNDS */.QT.evaluationWindowMinutes).default(5).describe('Default 5.'),
    min_sample_size: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.sampleSize, 'requests')
        .default(10)
        .describe('Below this many requests in the window the gate is inconclusive. Default 10.'),
})
    .default({ max_error_percentage: 3, evaluation_window_minutes: 5, min_sample_size: 10 });
const errorRateGate = {
    name: 'error_rate',
    unit: '%',
    summary: '5xx share of dhash_http_requests_total over the evaluation window.',
    threshold,
    defaultFailureLimit: 2,
    defaultActions: ['alert'],
    limits: (t) => ({
        limit: t.max_error_percentage,
        windowMinutes: t.evaluation_window_minutes,
        minSamples: t.min_sample_size,
    }),
    metricFamilies: [metric_names/* METRIC_NAMES */.U.httpRequests],
    scrape: {
        from: 'metrics',
        compute: (history, _latest, now, windowMs) => errorRatePercent(history, now, windowMs),
    },
    promql: (match, range) => {
        const n = metric_names/* METRIC_NAMES */.U.httpRequests;
        const all = `sum(increase(${n}${match()}[${range}]))`;
        return {
            value: `100 * (sum(increase(${n}${match('code=~"5.."')}[${range}])) or vector(0)) / ${all}`,
            samples: all,
        };
    },
    label: 'HTTP error rate',
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/extraction-failure-rate.ts




const extraction_failure_rate_threshold = schemas/* strictObject */.rej({
    max_failure_percentage: (0,bounds/* percentage */.X1)()
        .default(5)
        .describe('Breach when more than this percent of extractions failed in the window. Default 5.'),
    evaluation_window_minutes: (0,bounds/* minutes */.Gx)(bounds/* BOUNDS */.QT.evaluationWindowMinutes).default(10).describe('Default 10.'),
    min_sample_size: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.sampleSize, 'extractions')
        .default(20)
        .describe('Below this many extractions in the window the gate is inconclusive. Default 20.'),
})
    .default({ max_failure_percentage: 5, evaluation_window_minutes: 10, min_sample_size: 20 });
const extractionFailureRateGate = {
    name: 'extraction_failure_rate',
    unit: '%',
    summary: 'Failed share of dhash_extractions_total over the evaluation window.',
    threshold: extraction_failure_rate_threshold,
    defaultFailureLimit: 2,
    defaultActions: ['alert'],
    limits: (t) => ({
        limit: t.max_failure_percentage,
        windowMinutes: t.evaluation_window_minutes,
        minSamples: t.min_sample_size,
    }),
    metricFamilies: [metric_names/* METRIC_NAMES */.U.extractions],
    scrape: {
        from: 'metrics',
        compute: (history, _latest, now, windowMs) => extractionFailurePercent(history, now, windowMs),
    },
    // `or vector(0)`: a service that never failed has no failure series, which is 0 %, not no data.
    promql: (match, range) => {
        const n = metric_names/* METRIC_NAMES */.U.extractions;
        const all = `sum(increase(${n}${match()}[${range}]))`;
        return {
            value: `100 * (sum(increase(${n}${match('result="failure"')}[${range}])) or vector(0)) / ${all}`,
            samples: all,
        };
    },
    label: 'extraction failure rate',
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/health.ts


const health_threshold = schemas/* strictObject */.rej({
    consecutive_failures: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.smallCount, 'consecutive failed checks')
        .default(2)
        .describe('Breach when more than this many health checks in a row fail. Default 2.'),
    check_interval_seconds: (0,bounds/* seconds */.YA)()
        .default(10)
        .describe('Seconds between two health checks (the health loop runs on its own timer). Default 10.'),
})
    .default({ consecutive_failures: 2, check_interval_seconds: 10 });
/** GET /health: non-2xx, a timeout, an unparsable body or a status other than "ok" is a failed check. */
const healthGate = {
    name: 'health',
    unit: 'failed checks',
    summary: 'GET /health: non-2xx, timeout, unparsable JSON or status other than "ok" is a failed check; the gate breaches when failed checks in a row exceed consecutive_failures.',
    threshold: health_threshold,
    defaultFailureLimit: null,
    defaultActions: ['alert'],
    limits: (t) => ({ limit: t.consecutive_failures, checkIntervalSeconds: t.check_interval_seconds }),
    metricFamilies: [],
    scrape: { from: 'health' },
    promql: () => null,
    label: 'health',
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/low-confidence-queue.ts



const low_confidence_queue_threshold = schemas/* strictObject */.rej({
    max_queue_length: (0,bounds/* count */.U9)({ min: 1, max: bounds/* BOUNDS */.QT.queueLength.max }, 'queue items')
        .default(1000)
        .describe('Breach when more items than this wait for human review. Default 1000.'),
    check_interval_seconds: (0,bounds/* seconds */.YA)()
        .optional()
        .describe('Read the queue at most this often. Default: at every poll.'),
})
    .default({ max_queue_length: 1000 });
const lowConfidenceQueueGate = {
    name: 'low_confidence_queue',
    unit: 'items',
    summary: 'Instant length of the low-confidence review queue.',
    threshold: low_confidence_queue_threshold,
    defaultFailureLimit: 2,
    defaultActions: ['alert'],
    limits: (t) => ({ limit: t.max_queue_length, checkIntervalSeconds: t.check_interval_seconds }),
    metricFamilies: [],
    scrape: { from: 'queue_status' },
    // The review queue is shared: the worst replica's view, never a sum that counts it twice.
    promql: (match) => ({ value: `max(${metric_names/* METRIC_NAMES */.U.queueLength}${match()})` }),
    label: 'low-confidence review queue',
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/memory-usage.ts




const memory_usage_threshold = schemas/* strictObject */.rej({
    max_usage_percentage: (0,bounds/* percentage */.X1)()
        .default(85)
        .describe('Breach when resident memory is above this percent of the memory limit. Default 85.'),
    check_interval_seconds: (0,bounds/* seconds */.YA)()
        .optional()
        .describe('Read memory at most this often. Default: at every poll.'),
})
    .default({ max_usage_percentage: 85 });
const memoryUsageGate = {
    name: 'memory_usage',
    unit: '%',
    summary: 'process_resident_memory_bytes as a percentage of dhash_memory_limit_bytes (instant).',
    threshold: memory_usage_threshold,
    defaultFailureLimit: 2,
    defaultActions: ['alert'],
    limits: (t) => ({ limit: t.max_usage_percentage, checkIntervalSeconds: t.check_interval_seconds }),
    metricFamilies: [metric_names/* METRIC_NAMES */.U.residentMemory, metric_names/* METRIC_NAMES */.U.memoryLimit],
    scrape: { from: 'metrics', compute: (_history, latest) => memoryPercent(latest) },
    promql: (match) => ({
        value: `100 * max(${metric_names/* METRIC_NAMES */.U.residentMemory}${match()} / ${metric_names/* METRIC_NAMES */.U.memoryLimit}${match()})`,
    }),
    label: 'memory usage',
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/p95-hash-time.ts




const p95_hash_time_threshold = schemas/* strictObject */.rej({
    max_time_ms: (0,bounds/* positiveUpTo */.s2)(3_600_000, 'milliseconds')
        .default(2000)
        .describe('Breach when the P95 hash time in the window is above this. Default 2000.'),
    evaluation_window_minutes: (0,bounds/* minutes */.Gx)(bounds/* BOUNDS */.QT.evaluationWindowMinutes).default(15).describe('Default 15.'),
    min_sample_size: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.sampleSize, 'hashes')
        .default(50)
        .describe('Below this many hashes in the window the gate is inconclusive. Default 50.'),
})
    .default({ max_time_ms: 2000, evaluation_window_minutes: 15, min_sample_size: 50 });
/** A windowed quantile over at least min_sample_size hashes is already persistent: one reading acts. */
const p95HashTimeGate = {
    name: 'p95_hash_time',
    unit: 'ms',
    summary: 'P95 of dhash_hash_duration_seconds over the evaluation window, from histogram bucket increases.',
    threshold: p95_hash_time_threshold,
    defaultFailureLimit: 1,
    defaultActions: ['alert'],
    limits: (t) => ({
        limit: t.max_time_ms,
        windowMinutes: t.evaluation_window_minutes,
        minSamples: t.min_sample_size,
    }),
    metricFamilies: [metric_names/* METRIC_NAMES */.U.hashDuration],
    scrape: {
        from: 'metrics',
        compute: (history, _latest, now, windowMs) => p95Milliseconds(history, now, windowMs),
    },
    // Bucket increases summed by `le` across replicas, then the quantile (as histogram_quantile does).
    promql: (match, range) => {
        const n = metric_names/* METRIC_NAMES */.U.hashDuration;
        return {
            value: `1000 * histogram_quantile(0.95, sum by (le) (increase(${n}_bucket${match()}[${range}])))`,
            samples: `sum(increase(${n}_count${match()}[${range}]))`,
        };
    },
    label: 'P95 hash time',
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/names.ts
/** The quality gates, by the names the config file uses (the seed's). */
const GATE_NAMES = [
    'health',
    'extraction_failure_rate',
    'p95_hash_time',
    'low_confidence_queue',
    'memory_usage',
    'error_rate',
];
const GATE_ACTIONS = ['alert', 'auto_rollback'];

;// CONCATENATED MODULE: ./src/domain/gates/catalog/catalog.ts






/**
 * Every gate, by name. `satisfies` makes a name in GATE_NAMES without a module (or a module that
 * lacks a part of GateModule) a compile error; the schema, the metric sources and the messages
 * are all derived from here.
 */
const GATE_CATALOG = {
    health: healthGate,
    extraction_failure_rate: extractionFailureRateGate,
    p95_hash_time: p95HashTimeGate,
    low_confidence_queue: lowConfidenceQueueGate,
    memory_usage: memoryUsageGate,
    error_rate: errorRateGate,
};

/** Every metric family the scrape source keeps: the union of the gates' own. */
const SCRAPED_FAMILIES = new Set(Object.values(GATE_CATALOG).flatMap((g) => g.metricFamilies));


/***/ }),

/***/ 5270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ samplesFromInputs),
  h: () => (/* binding */ valueFromInputs)
});

;// CONCATENATED MODULE: ./src/domain/metrics/histogram-quantile.ts
function histogramQuantile(q, input) {
    if (Number.isNaN(q))
        return NaN;
    if (q < 0)
        return -Infinity;
    if (q > 1)
        return Infinity;
    const sorted = [...input].sort((a, b) => a.le - b.le);
    if (sorted.length === 0 || sorted[sorted.length - 1].le !== Infinity)
        return NaN;
    const buckets = [];
    for (const b of sorted) {
        const prev = buckets.at(-1);
        if (prev && prev.le === b.le)
            prev.count += b.count;
        else
            buckets.push({ le: b.le, count: b.count });
    }
    // Fix non-monotonic counts (a scrape racing with observations) as Prometheus does.
    let max = -Infinity;
    for (const b of buckets) {
        if (b.count > max)
            max = b.count;
        else
            b.count = max;
    }
    if (buckets.length < 2)
        return NaN;
    const observations = buckets[buckets.length - 1].count;
    if (!(observations > 0))
        return NaN;
    let rank = q * observations;
    let idx = buckets.findIndex((b, i) => i < buckets.length - 1 && b.count >= rank);
    if (idx === -1)
        idx = buckets.length - 1;
    if (idx === buckets.length - 1)
        return buckets[buckets.length - 2].le;
    if (idx === 0 && buckets[0].le <= 0)
        return buckets[0].le;
    let bucketStart = 0;
    const bucketEnd = buckets[idx].le;
    let count = buckets[idx].count;
    if (idx > 0) {
        bucketStart = buckets[idx - 1].le;
        count -= buckets[idx - 1].count;
        rank -= buckets[idx - 1].count;
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

;// CONCATENATED MODULE: ./src/domain/gates/inputs.ts

/**
 * A gate's value from its raw inputs. The metric sources compute their values with this, and
 * `evidence replay` recomputes them with it, so the evidence proves each value from its figures.
 * Anything not finite (a NaN or ±Inf sample) is no data, never a number to judge.
 */
function valueFromInputs(inputs) {
    const finite = (v) => typeof v === 'number' && Number.isFinite(v);
    switch (inputs.kind) {
        case 'ratio':
            if (inputs.noData)
                return null;
            if (!finite(inputs.numerator) || !finite(inputs.denominator))
                return null;
            return inputs.denominator > 0 ? (100 * inputs.numerator) / inputs.denominator : 0;
        case 'histogram': {
            if (inputs.noData)
                return null;
            const buckets = inputs.buckets.map((b) => ({
                le: b.le === '+Inf' ? Infinity : b.le,
                count: b.increase,
            }));
            if (buckets.some((b) => !finite(b.count)))
                return null;
            const q = histogramQuantile(inputs.quantile, buckets);
            return finite(q) ? q * 1000 : null;
        }
        case 'gauge':
            return finite(inputs.value) ? inputs.value : null;
        case 'memory':
            if (!finite(inputs.rss) || !finite(inputs.limit) || !(inputs.limit > 0))
                return null;
            return (100 * inputs.rss) / inputs.limit;
        case 'promql':
            return finite(inputs.value) ? inputs.value : null;
    }
}
/** The sample count the inputs carry (null for instant gauges). */
function samplesFromInputs(inputs) {
    switch (inputs.kind) {
        case 'ratio':
        case 'histogram':
            return Number.isFinite(inputs.samples) ? inputs.samples : null;
        case 'promql':
            return inputs.samples === undefined ? null : (inputs.samples ?? 0);
        default:
            return null;
    }
}


/***/ }),

/***/ 7361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ METRIC_NAMES)
/* harmony export */ });
/* unused harmony export GATE_FAMILIES */
/** The metric families of the metrics contract (docs/architecture.md, "Contracts") that the default gates read. */
const METRIC_NAMES = {
    extractions: 'dhash_extractions_total',
    hashDuration: 'dhash_hash_duration_seconds',
    queueLength: 'dhash_low_confidence_queue_length',
    httpRequests: 'dhash_http_requests_total',
    residentMemory: 'process_resident_memory_bytes',
    memoryLimit: 'dhash_memory_limit_bytes',
};
/** Families the scrape source keeps; everything else in /metrics is skipped unparsed. */
const GATE_FAMILIES = new Set(Object.values(METRIC_NAMES));


/***/ }),

/***/ 9541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   OK: () => (/* binding */ OperationError),
/* harmony export */   RP: () => (/* binding */ DhashError),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   fk: () => (/* binding */ RefusedError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8313);

/** An error whose message is written for the operator; the front ends print it without a stack. */
class DhashError extends Error {
    exitCode;
    constructor(message, exitCode, options) {
        super(message, options);
        this.name = new.target.name;
        this.exitCode = exitCode;
    }
}
/** Wrong flags or inputs: exit 2. */
class UsageError extends DhashError {
    constructor(message) {
        super(message, _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.usage);
    }
}
/** A config file that cannot be used; one problem per line, each naming its JSON path. */
class ConfigError extends DhashError {
    problems;
    constructor(source, problems) {
        super(`${source} is not a valid dhash-rollout config:\n${problems.map((p) => `  - ${p}`).join('\n')}`, _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.usage);
        this.problems = problems;
    }
}
/** The operation ran and did not succeed: exit 1. */
class OperationError extends DhashError {
    constructor(message, options) {
        super(message, _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.failed, options);
    }
}
/** Refused before any change: a held lock, a missing confirmation. Exit 4. */
class RefusedError extends DhashError {
    constructor(message) {
        super(message, _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.refused);
    }
}
function exitCodeOf(error) {
    return error instanceof DhashError ? error.exitCode : _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.internal;
}
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 8313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ closeHttpAgents),
/* harmony export */   J: () => (/* binding */ setUserAgent),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony export currentUserAgent */
// undici is loaded on the first request: commands that make none (validate, --help) start
// without it.
let undici;
const loadUndici = () => (undici ??= __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)));
class HttpError extends Error {
    kind;
    constructor(kind, message, options) {
        super(message, options);
        this.kind = kind;
        this.name = 'HttpError';
    }
}
/**
 * The User-Agent every request carries unless it sets its own: the config's
 * `global_settings.user_agent`, set once by the front end that loaded the config.
 */
let userAgent = 'dhash-rollout';
function setUserAgent(value) {
    userAgent = value;
}
function currentUserAgent() {
    return userAgent;
}
const agents = new Map();
function agentFor(connectTimeoutMs, { Agent }) {
    let agent = agents.get(connectTimeoutMs);
    if (!agent) {
        agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 4_000 });
        agents.set(connectTimeoutMs, agent);
    }
    return agent;
}
/** Closes pooled connections so a CLI process can exit promptly. */
async function closeHttpAgents() {
    const all = [...agents.values()];
    agents.clear();
    await Promise.all(all.map((a) => a.close().catch(() => undefined)));
}
/** Describes where a request went without leaking a path or query that may carry a token. */
function describeTarget(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}`;
    }
    catch {
        return '(invalid URL)';
    }
}
async function httpRequest(req) {
    const connectTimeoutMs = req.connectTimeoutMs ?? 5_000;
    const timeoutMs = req.timeoutMs ?? 30_000;
    const maxBodyBytes = req.maxBodyBytes ?? 16 * 1024 * 1024;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
    const started = performance.now();
    const where = describeTarget(req.url);
    try {
        const client = await loadUndici();
        const res = await client.request(req.url, {
            method: req.method ?? 'GET',
            headers: { 'user-agent': userAgent, ...req.headers },
            body: req.body,
            signal,
            dispatcher: agentFor(connectTimeoutMs, client),
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
        });
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > maxBodyBytes) {
            res.body.destroy();
            throw new HttpError('too_large', `response from ${where} is ${declared} bytes, above the ${maxBodyBytes}-byte limit`);
        }
        const chunks = [];
        let size = 0;
        for await (const chunk of res.body) {
            size += chunk.length;
            if (size > maxBodyBytes) {
                res.body.destroy();
                throw new HttpError('too_large', `response from ${where} exceeded the ${maxBodyBytes}-byte limit`);
            }
            chunks.push(chunk);
        }
        const body = Buffer.concat(chunks);
        const headers = {};
        for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined)
                headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        }
        return {
            status: res.statusCode,
            headers,
            body,
            elapsedMs: performance.now() - started,
            text: () => body.toString('utf8'),
            json: () => JSON.parse(body.toString('utf8')),
        };
    }
    catch (error) {
        throw classify(error, where, timeoutMs, connectTimeoutMs, req.signal, deadline);
    }
}
function classify(error, where, timeoutMs, connectTimeoutMs, callerSignal, deadline) {
    if (error instanceof HttpError)
        return error;
    const code = error?.code ?? '';
    const name = error?.name ?? '';
    if (callerSignal?.aborted)
        return new HttpError('aborted', `request to ${where} was cancelled`, { cause: error });
    if (deadline.aborted ||
        name === 'TimeoutError' ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT') {
        return new HttpError('timeout', `request to ${where} timed out after ${timeoutMs} ms`, { cause: error });
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
        return new HttpError('connect', `could not connect to ${where} within ${connectTimeoutMs} ms`, {
            cause: error,
        });
    }
    if (code === 'ECONNREFUSED' ||
        code === 'ENOTFOUND' ||
        code === 'EAI_AGAIN' ||
        code === 'ECONNRESET' ||
        code === 'EHOSTUNREACH') {
        return new HttpError('connect', `could not connect to ${where}: ${code}`, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new HttpError('network', `request to ${where} failed: ${message}`, { cause: error });
}


/***/ })

};
