"use strict";
(function (__dhashImportMetaUrl) {
return { id: 806, ids: [806], modules: {

/***/ 6570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ packagedConfigNote),
/* harmony export */   S0: () => (/* binding */ addConfigOptions),
/* harmony export */   dR: () => (/* binding */ loadOnTargetHost),
/* harmony export */   q8: () => (/* binding */ loadFromFlags)
/* harmony export */ });
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1670);
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8179);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7419);
/* harmony import */ var _config_target_host_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6132);




function addConfigOptions(command) {
    return command
        .option('-e, --env <name>', "environment in the config (default: the file's default_environment)")
        .option('-c, --config <file>', 'config file (default: ./quality-gates-config.json, else the packaged default)')
        .option('--base-url <url>', 'override service.base_url (also DHASH_BASE_URL)')
        .addOption(new commander__WEBPACK_IMPORTED_MODULE_1__/* .Option */ .c$('-v, --verbose', 'show debug output and stack traces'));
}
function loadFromFlags(flags, io) {
    const config = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)({
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
/**
 * The config of a command that reads what lives on the target host (its backups, its live
 * release): on a machine without the target root it refuses in one line, exit 4. A first deploy
 * creates the root, so deploy, rollout and migrate do not refuse here; the action refuses them
 * too, because a job that landed on the wrong runner must not deploy into a fresh directory.
 */
function loadOnTargetHost(flags, io) {
    const config = loadFromFlags(flags, io);
    (0,_config_target_host_js__WEBPACK_IMPORTED_MODULE_3__/* .refuseOffTargetHost */ .Z6)(config, io.cwd, io.env);
    return config;
}
const PACKAGED_PREFIX = '(packaged default) ';
/** The line added under an error when the packaged default config was in use. */
function packagedConfigNote(io) {
    if (!io.packagedConfig)
        return null;
    return `note: the packaged production config is in use (${io.packagedConfig}): there is no quality-gates-config.json in ${io.cwd}; run from the directory that holds yours, or pass --config <file>`;
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
/* harmony import */ var _config_target_host_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6132);
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8313);
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1670);
/* harmony import */ var _runtime_package_root_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1713);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6570);








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
    monitor: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(949), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(781), __webpack_require__.e(677), __webpack_require__.e(279)]).then(__webpack_require__.bind(__webpack_require__, 7279))).registerMonitor,
    deploy: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(949), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(919), __webpack_require__.e(839), __webpack_require__.e(682)]).then(__webpack_require__.bind(__webpack_require__, 2682))).registerDeploy,
    migrate: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(949), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(919), __webpack_require__.e(836)]).then(__webpack_require__.bind(__webpack_require__, 2836))).registerMigrate,
    backup: async () => (await Promise.all(/* import() */[__webpack_require__.e(949), __webpack_require__.e(869)]).then(__webpack_require__.bind(__webpack_require__, 2601))).registerBackup,
    rollback: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(949), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(919), __webpack_require__.e(507)]).then(__webpack_require__.bind(__webpack_require__, 3507))).registerRollback,
    rollout: async () => (await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(949), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(919), __webpack_require__.e(781), __webpack_require__.e(677), __webpack_require__.e(839), __webpack_require__.e(852)]).then(__webpack_require__.bind(__webpack_require__, 4852))).registerRollout,
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
    // `only` is a key of COMMAND_MODULES (soleCommandOf checked it).
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
        // Subcommands (backup list, backup verify, ...) are asked for help the same way.
        addMissingExitCodes(command);
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
    io.exitCode = _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitCode */ .y.ok;
    const program = await buildProgram(io, soleCommandOf(argv));
    const verbose = argv.includes('--verbose') || argv.includes('-v');
    if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')
        addMissingExitCodes(program);
    try {
        await program.parseAsync(argv, { from: 'user' });
        const interruption = (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .interruptionIn */ .D1)(io);
        if (interruption && io.exitCode !== interruption.exitCode) {
            io.stderr.write(`${interruption.message}: the command finished what it had under way and stopped\n`);
            return interruption.exitCode;
        }
        return io.exitCode;
    }
    catch (error) {
        const interruption = (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .interruptionIn */ .D1)(io);
        if (interruption) {
            io.stderr.write(`${interruption.message}: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n`);
            return interruption.exitCode;
        }
        if (error instanceof commander__WEBPACK_IMPORTED_MODULE_0__/* .CommanderError */ .b7) {
            if (error.code === 'commander.helpDisplayed' ||
                error.code === 'commander.version' ||
                error.code === 'commander.help')
                return _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitCode */ .y.ok;
            return _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitCode */ .y.usage;
        }
        const code = (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .exitCodeOf */ .FO)(error);
        // The off-host refusal names the config it read in its one line.
        const note = error instanceof _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DhashError */ .RP && !(error instanceof _config_target_host_js__WEBPACK_IMPORTED_MODULE_2__/* .OffTargetHostError */ .fT) ? (0,_common_options_js__WEBPACK_IMPORTED_MODULE_7__/* .packagedConfigNote */ .L8)(io) : null;
        if (error instanceof _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DhashError */ .RP && !verbose) {
            io.stderr.write(`error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n${note ? `${note}\n` : ''}`);
        }
        else if (code === _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitCode */ .y.internal) {
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
        await (0,_runtime_http_js__WEBPACK_IMPORTED_MODULE_4__/* .closeHttpAgents */ .DT)();
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
/* harmony export */   Q0: () => (/* binding */ channelsSchema),
/* harmony export */   U7: () => (/* binding */ CONFIG_CHANNELS)
/* harmony export */ });
/* unused harmony exports channelSettingsSchema, channelSettingsSchemas */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__.dhashLazy(2311);
/* harmony import */ var _domain_lazily_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2035);
/* harmony import */ var _domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9324);
/* harmony import */ var _channels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1792);




/**
 * `notifications.channels` of the config file: an object keyed by channel name, each with
 * `enabled` and its settings. String settings may use `${VAR}` / `${VAR:-default}`; secrets
 * (webhook URLs, SMTP password, pager routing key) belong in the environment, written as
 * `"${SLACK_WEBHOOK_URL}"`, never as literals.
 *
 * Each channel's settings schema is its module's (src/domain/channels/<name>.ts); `enabled` is
 * added here, the same for every channel.
 */
const CONFIG_CHANNELS = _channels_js__WEBPACK_IMPORTED_MODULE_1__/* .CHANNEL_NAMES */ .bW;
const enabledSchema = (0,_domain_lazily_js__WEBPACK_IMPORTED_MODULE_2__/* .lazily */ .q)(() => zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY({ error: 'expected true or false' })
    .default(true)
    .describe('Whether messages go to this channel. Default true (listing a channel enables it).'));
/** A channel module's settings schema with `enabled` in front: its `notifications.channels.<name>` object. */
function channelSettingsSchema(module) {
    const settings = module.settingsSchema;
    const schema = zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({ enabled: enabledSchema(), ...settings.shape });
    return settings.description === undefined ? schema : schema.describe(settings.description);
}
/** Each channel's `notifications.channels.<name>` object, from its module (built on first use). */
const channelSettingsSchemas = (0,_domain_lazily_js__WEBPACK_IMPORTED_MODULE_2__/* .lazily */ .q)(() => Object.fromEntries(CONFIG_CHANNELS.map((name) => [name, channelSettingsSchema(_domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_CATALOG */ .qg[name])])));
/** `notifications.channels` (built on first use: why in src/domain/lazily.ts). */
const channelsSchema = (0,_domain_lazily_js__WEBPACK_IMPORTED_MODULE_2__/* .lazily */ .q)(() => {
    const schemas = channelSettingsSchemas();
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej(Object.fromEntries(CONFIG_CHANNELS.map((c) => [c, schemas[c].optional()])))
        .default({})
        .describe('Channels by name. A channel that is absent (or enabled: false) gets nothing.');
});
/** Setting keys whose values are secrets (those of every secret variable): never echoed in an error, always redacted. */
const SECRET_SETTING_KEYS = new Set(_channels_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_CHANNEL_VARIABLES */ .s_.filter((v) => v.secret).flatMap((v) => v.settingKeys));


/***/ }),

/***/ 1792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   am: () => (/* binding */ NOTIFICATION_VARIABLE_NAMES),
/* harmony export */   bW: () => (/* reexport safe */ _domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__.bW),
/* harmony export */   d: () => (/* binding */ SECRET_VARIABLE_NAMES),
/* harmony export */   s_: () => (/* binding */ ALL_CHANNEL_VARIABLES),
/* harmony export */   uM: () => (/* binding */ missingVariables)
/* harmony export */ });
/* unused harmony exports CHANNEL_VARIABLES, CHANNEL_ACTION_INPUTS, channelNameSchema, channelListSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__.dhashLazy(2311);
/* harmony import */ var _domain_lazily_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2035);
/* harmony import */ var _domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9324);
/* harmony import */ var _domain_channels_pager_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2382);



/**
 * The config's view of the channel catalog (src/domain/channels/catalog.ts): every channel's name
 * and the variables it reads. The loader reads these variables (and redacts the secrets) before
 * any channel exists; everything here is derived from the channel modules, never listed again.
 */


/** Each channel's variables, in the order docs list them. */
const CHANNEL_VARIABLES = Object.fromEntries(_domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_NAMES */ .bW.map((name) => [name, _domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_CATALOG */ .qg[name].variables]));
/** Every variable any channel reads, in catalog order, with its channel. */
const ALL_CHANNEL_VARIABLES = _domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_NAMES */ .bW.flatMap((channel) => CHANNEL_VARIABLES[channel].map((v) => ({ ...v, channel })));
const NOTIFICATION_VARIABLE_NAMES = ALL_CHANNEL_VARIABLES.map((v) => v.name);
const SECRET_VARIABLE_NAMES = ALL_CHANNEL_VARIABLES.filter((v) => v.secret).map((v) => v.name);
/** Action input name \u2192 environment variable, for every channel setting. */
const CHANNEL_ACTION_INPUTS = Object.fromEntries(ALL_CHANNEL_VARIABLES.map((v) => [v.input, v.name]));
/** The required variables of a channel that are not set. */
function missingVariables(channel, vars) {
    return CHANNEL_VARIABLES[channel].filter((v) => v.required && !vars[v.name]).map((v) => v.name);
}
/** The schema of one channel name, for `notifications.channels` and escalation levels' `channels`. */
const channelNameSchema = (0,_domain_lazily_js__WEBPACK_IMPORTED_MODULE_2__/* .lazily */ .q)(() => zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(_domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_NAMES */ .bW, {
    error: `expected one of ${_domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_NAMES */ .bW.map((c) => `"${c}"`).join(', ')}`,
}));
/** `notifications.channels`: the enabled channels, each at most once. */
const channelListSchema = (0,_domain_lazily_js__WEBPACK_IMPORTED_MODULE_2__/* .lazily */ .q)(() => zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(channelNameSchema())
    .refine((a) => new Set(a).size === a.length, { error: 'each channel may appear once' })
    .describe(`Channels every message goes to: ${_domain_channels_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .CHANNEL_NAMES */ .bW.join(', ')}.`));


/***/ }),

/***/ 7496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ configSchemas),
/* harmony export */   Mk: () => (/* binding */ configJsonSchema)
/* harmony export */ });
/* unused harmony exports TEMPLATE_PATTERN, LOG_LEVELS, RESERVED_ENV_NAMES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__.dhashLazy(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__.dhashLazy(8439);
/* harmony import */ var _domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(303);
/* harmony import */ var _domain_gates_catalog_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3339);
/* harmony import */ var _bounds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(749);
/* harmony import */ var _mentions_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6763);
/* harmony import */ var _channels_schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(350);






/**
 * The schema of quality-gates-config.json, in the seed's own shape: the old system's file and
 * the seed README's example validate unchanged. What this project adds (service, target, backup,
 * migrations, metrics_source, and extra per-gate settings next to `threshold`) are optional keys
 * with stated defaults. Objects are strict: an unknown key is an error, so a typo cannot silently
 * disable a gate.
 *
 * Only checks a JSON Schema can express live here (types, bounds, patterns), so the generated
 * quality-gates-config.schema.json agrees with this schema exactly; checks that relate two
 * values (initial_minutes \u2264 window_minutes, escalation channels enabled, \u2026) are in semantic.ts.
 */
/** `${NAME}` or `${NAME:-default}` anywhere in a string. */
const TEMPLATE_PATTERN = '\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}';
const LOG_LEVELS = (/* unused pure expression or super */ null && (['DEBUG', 'INFO', 'WARN', 'WARNING', 'ERROR', 'CRITICAL']));
/** Names that are keys of every JS object: never an environment name. */
const RESERVED_ENV_NAMES = Object.getOwnPropertyNames(Object.prototype);
/**
 * The schemas, built on first use rather than when the module loads: building them is most of a
 * command's start-up (zod makes an object per rule), and a run whose file was already validated by
 * this build of the tool reads the result from the start-up cache (config-cache.ts) and parses
 * nothing. Everything below is the schema as it always was, only inside a function.
 */
// eslint-disable-next-line max-lines-per-function -- the config file's schema declared top to bottom; only wrapped to be built on first use
function buildConfigSchemas() {
    const urlOrTemplate = (example) => zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: `expected an http(s) URL such as "${example}"` })
        .regex(new RegExp(`^(https?://[^\\s/?#]+[^\\s]*|.*${TEMPLATE_PATTERN}.*)$`), {
        error: `expected an http(s) URL such as "${example}" (or "\${VAR}")`,
    });
    const urlPath = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a path starting with "/"' })
        .regex(/^\/[^\s]*$/, { error: 'expected a path starting with "/"' });
    const nonEmptyCommand = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a command' })
        .regex(/\S/, { error: 'expected a command (it is empty)' });
    const variableName = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected the name of an environment variable' })
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
        error: 'expected the NAME of an environment variable (such as DATABASE_URL), not a value',
    });
    /** Relative, inside the target root: no absolute path, no drive letter, no ".." segment. */
    const pathInsideRoot = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a path relative to target.root' })
        .regex(/^(?![/\\])(?![A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$)).+$/, {
        error: 'expected a path inside target.root (relative, without "..")',
    });
    const envVars = zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a string' })).default({});
    const actions = (defaults) => zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(_domain_gates_catalog_names_js__WEBPACK_IMPORTED_MODULE_1__/* .GATE_ACTIONS */ .Mu, { error: `expected one of ${_domain_gates_catalog_names_js__WEBPACK_IMPORTED_MODULE_1__/* .GATE_ACTIONS */ .Mu.map((a) => `"${a}"`).join(', ')}` }), { error: 'expected a list of actions' })
        .min(1, {
        error: 'expected at least one action ("alert", "auto_rollback"); to turn a gate off set enabled: false',
    })
        .max(_domain_gates_catalog_names_js__WEBPACK_IMPORTED_MODULE_1__/* .GATE_ACTIONS */ .Mu.length, { error: 'each action may appear once' })
        .default([...defaults])
        .describe(`What a breach does: "alert" notifies; "auto_rollback" rolls back (when auto_rollback.enabled). Default ${JSON.stringify(defaults)}.`);
    const gateCommon = (module) => ({
        enabled: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: 'expected true or false' }).default(true).describe('Default true.'),
        description: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a string' }).optional(),
        threshold: module.threshold,
        actions: actions(module.defaultActions),
    });
    /** Settings a metric gate has beyond the seed's: how missing data and blips are judged. */
    const metricGateExtras = (defaultFailureLimit) => ({
        no_data: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['inconclusive', 'pass', 'fail'], { error: 'expected "inconclusive", "pass" or "fail"' })
            .default('inconclusive')
            .describe('Verdict of a reading without data. Default "inconclusive" (never rolls back).'),
        failure_limit: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)(_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .BOUNDS */ .QT.smallCount, 'consecutive breached readings')
            .default(defaultFailureLimit)
            .describe(`Consecutive breached readings before the gate acts (the second comes from a fast confirmation re-check). Default ${defaultFailureLimit}.`),
        inconclusive_limit: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)(_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .BOUNDS */ .QT.smallCount, 'consecutive inconclusive readings')
            .optional()
            .describe("Consecutive inconclusive readings after which the run is inconclusive (never passed). Default: more than half of the window's readings."),
    });
    const healthExtras = {
        timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)()
            .optional()
            .describe('Timeout of one health request. Default global_settings.timeout_seconds, else 5.'),
        confirm_interval_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .seconds */ .YA)()
            .optional()
            .describe('After a failed check, re-check this often. Default the smaller of 10 and check_interval_seconds.'),
    };
    function metricGate(module) {
        return zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ ...gateCommon(module), ...metricGateExtras(module.defaultFailureLimit) })
            .describe(module.summary);
    }
    const g = _domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_CATALOG */ .UW;
    const metricGateSchemas = Object.fromEntries(_domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .METRIC_GATE_NAMES */ .SZ.map((name) => [
        name,
        metricGate(g[name]).optional(),
    ]));
    const QualityGatesSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        health: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ ...gateCommon(g.health), ...healthExtras })
            .describe(g.health.summary)
            .optional(),
        ...metricGateSchemas,
    })
        .default({})
        .describe('The gates of this environment. A gate that is absent is off.');
    const MonitoringSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        window_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .minutes */ .Gx)(_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .BOUNDS */ .QT.windowMinutes)
            .default(60)
            .describe('How long a fresh deployment is watched. Default 60.'),
        poll_intervals: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
            initial_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .minutes */ .Gx)({ min: 0, max: _bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .BOUNDS */ .QT.windowMinutes.max })
                .default(5)
                .describe('Length of the fast first phase. Default 5.'),
            initial_interval_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .seconds */ .YA)().default(30).describe('Default 30.'),
            normal_interval_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .seconds */ .YA)().default(120).describe('Default 120.'),
        })
            .default({ initial_minutes: 5, initial_interval_seconds: 30, normal_interval_seconds: 120 }),
        progress_log_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .seconds */ .YA)()
            .default(60)
            .describe('Without a terminal, log progress this often. Default 60.'),
    })
        .default({
        window_minutes: 60,
        poll_intervals: { initial_minutes: 5, initial_interval_seconds: 30, normal_interval_seconds: 120 },
        progress_log_seconds: 60,
    });
    const channelName = zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(_channels_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .CONFIG_CHANNELS */ .U7, {
        error: `expected one of ${_channels_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .CONFIG_CHANNELS */ .U7.map((c) => `"${c}"`).join(', ')}`,
    });
    const EscalationSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        enabled: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: 'expected true or false' }).default(true).describe('Default true.'),
        initial_delay_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .minutes */ .Gx)(_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .BOUNDS */ .QT.delayMinutes)
            .default(0)
            .describe('Minutes a breach lasts before the first escalation level is counted from. Default 0.'),
        escalation_levels: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
            delay_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .minutes */ .Gx)(_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .BOUNDS */ .QT.delayMinutes).describe('Minutes after initial_delay_minutes at which this level is notified.'),
            channels: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(channelName)
                .min(1, { error: 'expected at least one channel' })
                .optional()
                .describe('Channels of this level (each must be enabled). Default: every enabled channel.'),
            recipients: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, { error: 'expected a name such as "@dhash-oncall"' }))
                .default([])
                .describe('Who is called out, e.g. "@dhash-oncall" or an e-mail address.'),
        }))
            .default([]),
    })
        .default({ enabled: true, initial_delay_minutes: 0, escalation_levels: [] });
    const NotificationsSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        channels: (0,_channels_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .channelsSchema */ .Q0)(),
        escalation: EscalationSchema,
        deadline_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)()
            .default(30)
            .describe('Overall deadline for one message to all channels. Default 30.'),
        attempt_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)().default(10).describe('Default 10.'),
        max_attempts: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)({ min: 1, max: 20 }, 'attempts per channel').default(4).describe('Default 4.'),
        max_retry_after_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)()
            .default(60)
            .describe('Cap on a Retry-After the channel asks for. Default 60.'),
        allow_insecure_loopback: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: 'expected true or false' })
            .default(false)
            .describe('Allow plain http:// webhooks to loopback addresses (tests and local demos only).'),
        mentions: (0,_mentions_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .mentionsSchemas */ .c)().MentionsSchema.optional(),
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
    const AutoRollbackSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        enabled: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: 'expected true or false' }).default(false).describe('Default false.'),
        confirmation_required: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: 'expected true or false' })
            .default(false)
            .describe('Ask (or alert and wait) before an automatic rollback. Default false.'),
        backup_retention_hours: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .hours */ .c$)().default(72).describe('Default 72.'),
        rollback_timeout_minutes: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .minutes */ .Gx)({ min: 0.01, max: 1_440 })
            .default(10)
            .describe('Bound on the whole rollback. Default 10.'),
    })
        .default({
        enabled: false,
        confirmation_required: false,
        backup_retention_hours: 72,
        rollback_timeout_minutes: 10,
    });
    const ServiceSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        base_url: urlOrTemplate('http://127.0.0.1:8080')
            .default('http://127.0.0.1:8080')
            .describe('Where the service answers. Default http://127.0.0.1:8080 (DHASH_BASE_URL or --base-url override it).'),
        health_path: urlPath
            .optional()
            .describe('Default global_settings.health_check_endpoint, else /health.'),
        metrics_path: urlPath.optional().describe('Default global_settings.metrics_endpoint, else /metrics.'),
        queue_status_path: urlPath.default('/api/dhash/queue/status'),
        admin_path: urlPath.default('/admin'),
        request_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)()
            .optional()
            .describe('Default global_settings.timeout_seconds, else 10.'),
    })
        .default({
        base_url: 'http://127.0.0.1:8080',
        queue_status_path: '/api/dhash/queue/status',
        admin_path: '/admin',
    });
    const LocalTargetSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz('local'),
        root: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a directory path' })
            .min(1, { error: 'expected a directory path' })
            .describe("Holds releases/, current, shared/ (and backups/). Relative to the config file's folder."),
        keep_releases: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)({ min: 1, max: 1_000 }, 'releases kept').default(5),
        install_command: nonEmptyCommand.optional().describe('Run inside the new release before the switch.'),
        restart_command: nonEmptyCommand
            .optional()
            .describe('E.g. "systemctl restart dhash". Without it the built-in supervisor runs start_command.'),
        start_command: nonEmptyCommand
            .default('node server.js')
            .describe('Supervisor: how to start the service, run in current/. Default "node server.js".'),
        stop_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)().default(10),
        health_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)().default(30),
        env: envVars.describe('Extra environment for the service process.'),
    });
    const CommandTargetSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz('command'),
        commands: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
            deploy: nonEmptyCommand,
            restart: nonEmptyCommand,
            rollback: nonEmptyCommand,
            status: nonEmptyCommand,
        }),
        timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)().default(600),
        health_timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)().default(60),
        env: envVars,
    });
    const TargetSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .discriminatedUnion */ .gMt('type', [LocalTargetSchema, CommandTargetSchema], {
        error: 'expected "type" to be "local" or "command"',
    });
    const BackupSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        dir: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a directory path' })
            .min(1, { error: 'expected a directory path' })
            .default('backups')
            .describe('Where dhash_<env>_<stamp>.zip are written: on the target host, relative to target.root. Default "backups".'),
        paths: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(pathInsideRoot)
            .min(1, { error: 'expected at least one path to back up' })
            .default(['current', 'shared'])
            .describe('Paths under target.root to archive. Default ["current", "shared"].'),
        database_path: pathInsideRoot
            .optional()
            .describe('The embedded database file under target.root; snapshotted consistently, not copied live.'),
        keep_last: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)({ min: 1, max: 10_000 }, 'backups always kept').default(5),
        optional_paths: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(pathInsideRoot)
            .default([])
            .describe('Those of backup.paths that may be missing (skipped with a warning); any other missing path fails the backup.'),
        file_mode: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected an octal mode such as "0600"' })
            .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0600"' })
            .default('0600')
            .describe('Mode of backup files, sidecars and pre-rollback snapshots (they hold the database and secrets).'),
        dir_mode: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected an octal mode such as "0700"' })
            .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0700"' })
            .default('0700')
            .describe('Mode of the backups folder and its pre-rollback/ folder.'),
        restore_setid: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: 'expected true or false' })
            .default(false)
            .describe('Restore setuid/setgid bits recorded in a backup (default: cleared).'),
        signing_key_env: variableName
            .default('DHASH_BACKUP_HMAC_KEY')
            .describe('Environment variable holding the HMAC key: when set, backups are signed and unsigned ones are refused.'),
        round_trip: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['sampled', 'every_file'], { error: 'expected "sampled" or "every_file"' })
            .default('sampled')
            .describe('Which compressed files up to 1 MiB a backup inflates back and compares with the source as it writes them: "sampled" (the first 64 of each compression worker, then one in 16; larger files always) or "every_file" (about 8 % slower on a tree of small files). Every entry of the written archive is re-read and CRC-checked either way.'),
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
        round_trip: 'sampled',
    });
    const MigrationsSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        driver: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['embedded', 'postgres'], { error: 'expected "embedded" or "postgres"' })
            .default('embedded'),
        dir: pathInsideRoot
            .default('migrations')
            .describe('Directory of NNN_name.up.sql / NNN_name.down.sql, relative to the release.'),
        database_path: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a file path' })
            .min(1, { error: 'expected a file path' })
            .optional()
            .describe('embedded: database file, relative to target.root (or absolute, e.g. for a command target).'),
        database_url_env: variableName
            .default('DATABASE_URL')
            .describe('postgres: the NAME of the environment variable holding the connection URL (a secret).'),
    })
        .default({ driver: 'embedded', dir: 'migrations', database_url_env: 'DATABASE_URL' });
    const MetricsSourceSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .discriminatedUnion */ .gMt('type', [
        zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz('scrape') }),
        zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
            type: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz('prometheus'),
            url: urlOrTemplate('http://127.0.0.1:9090'),
            selector: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
                .default('')
                .describe('Label matchers added to every default query, e.g. job="dhash".'),
            queries: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej(Object.fromEntries(_domain_gates_catalog_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn.filter((n) => n !== 'health').map((n) => [n, zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1).optional()])))
                .default({})
                .describe('PromQL overriding the default query of a gate.'),
        }),
    ], { error: 'expected "type" to be "scrape" or "prometheus"' })
        .default({ type: 'scrape' });
    const EnvironmentSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        description: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a string' }).optional(),
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
    const GlobalSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        health_check_endpoint: urlPath.default('/health'),
        metrics_endpoint: urlPath.default('/metrics'),
        timeout_seconds: (0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .timeoutSeconds */ .rv)()
            .optional()
            .describe('Timeout of every HTTP request: metrics 10 and health 5 unless set here (or per gate/service).'),
        user_agent: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
            .min(1)
            .optional()
            .describe('Sent on every request. Default dhash-rollout/<version>.'),
        log_level: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
            .regex(/^(debug|info|warn|warning|error|critical|DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL)$/, {
            error: 'expected one of DEBUG, INFO, WARN, ERROR, CRITICAL',
        })
            .default('INFO')
            .describe('Lowest level written to the console. Default INFO.'),
    })
        .default({ health_check_endpoint: '/health', metrics_endpoint: '/metrics', log_level: 'INFO' });
    const ConfigFileSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        $schema: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a string' }).optional(),
        title: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a string' }).optional(),
        description: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a string' }).optional(),
        version: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected a version string such as "1.0.0"' })
            .optional()
            .describe('The file\'s own version, free text such as "1.0.0".'),
        default_environment: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: 'expected an environment name' })
            .optional()
            .describe('Used without --env. Default "production" if defined, else the first environment.'),
        environments: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().regex(/^(?!(__proto__|constructor|prototype)$)[a-z][a-z0-9_-]*$/, {
            error: 'environment names are lower-case letters, digits, "-" and "_" (and not a reserved word)',
        }), EnvironmentSchema)
            .refine((e) => Object.keys(e).length > 0, { error: 'expected at least one environment' })
            // The same rule for the JSON Schema (a refinement is invisible to it).
            .meta({ minProperties: 1 }),
        global_settings: GlobalSettingsSchema,
    });
    return { ConfigFileSchema, EnvironmentSchema };
}
let built;
/** The config file's zod schemas (built once, on the first call). */
function configSchemas() {
    return (built ??= buildConfigSchemas());
}
/** The JSON Schema committed as quality-gates-config.schema.json. */
function configJsonSchema() {
    const schema = zod__WEBPACK_IMPORTED_MODULE_6__/* .toJSONSchema */ .bl(configSchemas().ConfigFileSchema, {
        io: 'input',
        target: 'draft-2020-12',
    });
    return {
        $id: 'https://github.com/mobius/dhash-rollout/blob/v1/quality-gates-config.schema.json',
        title: 'dhash-rollout quality gates config',
        ...schema,
    };
}


/***/ }),

/***/ 7419:
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
;// CONCATENATED MODULE: ./src/config/config-skeleton.ts
/**
 * A validated config file described without its values: which parts of the validated result are the
 * file's own (taken again from the file's JSON) and which are the schema's defaults, in the
 * result's key order. The start-up cache (config-cache.ts) stores this instead of the result, so it
 * never holds a value written in the file (a literal webhook URL, a password in a URL, a service
 * variable), only key names and the schema's own defaults.
 *
 * The schema transforms nothing (no zod transform, coerce or preprocess): a value of the result is
 * either the file's, at the same path, or a default. `describeValidated` checks that and returns
 * null for anything else, so a future transform can only turn the cache off, never make it wrong.
 */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function sameJson(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function describe(result, file, inFile) {
    // A key holding undefined does not survive JSON; such a result is not described (not cached).
    if (result === undefined)
        return null;
    if (!inFile)
        return ['default', result];
    if (Array.isArray(result)) {
        if (!Array.isArray(file) || file.length !== result.length)
            return null;
        const items = [];
        for (let i = 0; i < result.length; i++) {
            const item = describe(result[i], file[i], true);
            if (item === null)
                return null;
            items.push(item);
        }
        return ['array', items];
    }
    if (isObject(result)) {
        if (!isObject(file))
            return null;
        const entries = [];
        for (const key of Object.keys(result)) {
            const node = describe(result[key], file[key], Object.hasOwn(file, key));
            if (node === null)
                return null;
            entries.push([key, node]);
        }
        return ['object', entries];
    }
    return Object.is(result, file) ? ['file'] : null;
}
/**
 * The skeleton of `validated` (the schema's output) over `file` (the JSON it was parsed from), as
 * JSON text, or null when the output is not the file plus defaults. Rebuilding from the stored text
 * is checked here, so what is stored always gives back exactly `validated`.
 */
function describeValidated(validated, file) {
    const skeleton = describe(validated, file, true);
    if (skeleton === null)
        return null;
    const text = JSON.stringify(skeleton);
    return sameJson(rebuildValidated(JSON.parse(text), file), validated) ? text : null;
}
/**
 * The validated result again, from its skeleton and the same file's JSON. Throws when the file does
 * not have the shape the skeleton describes (a damaged entry, or one of another file): the caller
 * then validates the file instead of trusting half a result.
 */
function rebuildValidated(node, file) {
    switch (node[0]) {
        case 'file':
            if (file === undefined)
                throw new Error('the skeleton names a value the file does not have');
            return file;
        case 'default':
            // Not copied: a skeleton is parsed from its stored text for each use, so nothing shares it.
            return node[1];
        case 'array': {
            if (!Array.isArray(file) || file.length !== node[1].length)
                throw new Error('the skeleton names an array the file does not have');
            return node[1].map((item, i) => rebuildValidated(item, file[i]));
        }
        case 'object': {
            if (!isObject(file))
                throw new Error('the skeleton names an object the file does not have');
            const out = {};
            for (const [key, child] of node[1])
                out[key] = rebuildValidated(child, Object.hasOwn(file, key) ? file[key] : undefined);
            return out;
        }
    }
}
/** A skeleton read back from storage, checked for shape (a damaged cache file is ignored, not trusted). */
function isSkeleton(value) {
    if (!Array.isArray(value))
        return false;
    switch (value[0]) {
        case 'file':
            return value.length === 1;
        case 'default':
            return value.length === 2;
        case 'array':
            return value.length === 2 && Array.isArray(value[1]) && value[1].every(isSkeleton);
        case 'object':
            return (value.length === 2 &&
                Array.isArray(value[1]) &&
                value[1].every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && isSkeleton(e[1])));
        default:
            return false;
    }
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
                : ` (got ${shownValue(value)})`;
        lines.push(`${path}: ${message}${shown}`);
    }
    return [...new Set(lines)];
}
/** A scalar as the user wrote it; JSON has no Infinity, so a number too large for a double says so. */
function shownValue(value) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
        return value > 0
            ? 'a number too large (beyond \u00b11.8e308)'
            : 'a negative number too large (beyond \u00b11.8e308)';
    }
    return JSON.stringify(value);
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
/** The JSON text of a file as it is parsed: a leading byte-order mark is not part of it. */
function withoutByteOrderMark(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function readConfigJson(text) {
    const source = withoutByteOrderMark(text);
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
    const source = withoutByteOrderMark(text);
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
    const scanner = new JsonScanner(text, maxDepth);
    const { duplicates, protoKeys } = scanner;
    try {
        scanner.run();
        return { duplicates, protoKeys };
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
/** A state machine over the text: each step reads one token and names the state that follows. */
class JsonScanner {
    text;
    maxDepth;
    duplicates = [];
    protoKeys = [];
    stack = [];
    i = 0;
    constructor(text, maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }
    /** Returns at the end of the one top-level value; throws Stop on the first error. */
    run() {
        let state = 'value';
        while (state !== 'done') {
            this.ws();
            state = this.step(state);
        }
    }
    step(state) {
        switch (state) {
            case 'value-or-end':
                return this.closes(']') ? 'after' : this.value();
            case 'key-or-end':
                return this.closes('}') ? 'after' : this.key();
            case 'value':
                return this.value();
            case 'key':
                return this.key();
            case 'after':
                return this.after();
        }
    }
    value() {
        // charAt: '' at the end of the text, which matches no token below.
        const ch = this.text.charAt(this.i);
        if (ch === '{') {
            this.open('object');
            return 'key-or-end';
        }
        if (ch === '[') {
            this.open('array');
            return 'value-or-end';
        }
        if (ch === '"')
            this.string();
        else if (ch === 't')
            this.literal('true');
        else if (ch === 'f')
            this.literal('false');
        else if (ch === 'n')
            this.literal('null');
        else if (ch === '-' || (ch >= '0' && ch <= '9'))
            this.number();
        else
            this.fail(`expected a value, found ${this.describe()}`);
        return 'after';
    }
    /** A property name and its colon; only ever inside an object, so the stack has a top. */
    key() {
        if (this.text[this.i] !== '"')
            this.fail(`expected a property name in double quotes, found ${this.describe()}`);
        const keyStart = this.i;
        const key = JSON.parse(this.string());
        const top = this.stack[this.stack.length - 1];
        if (top.keys.has(key)) {
            this.duplicates.push({
                path: jsonPath([...top.path, key]),
                key,
                line: lineColumnAt(this.text, keyStart).line,
            });
        }
        top.keys.add(key);
        top.lastKey = key;
        if (key === '__proto__')
            this.protoKeys.push(jsonPath([...top.path, key]));
        this.ws();
        if (this.text[this.i] !== ':')
            this.fail(`expected ':' after property name, found ${this.describe()}`);
        this.i++;
        return 'value';
    }
    /** After a value: a separator, the end of its container, or (at the top) the end of the text. */
    after() {
        const top = this.stack.at(-1);
        if (!top) {
            if (this.i < this.text.length)
                this.fail(`unexpected ${this.describe()} after the JSON value`);
            return 'done';
        }
        if (this.text[this.i] === ',') {
            this.i++;
            if (top.kind === 'object')
                return 'key';
            top.index++;
            return 'value';
        }
        if (this.closes(top.kind === 'object' ? '}' : ']'))
            return 'after';
        return this.fail(top.kind === 'object'
            ? `expected ',' or '}' after property value, found ${this.describe()}`
            : `expected ',' or ']' after array element, found ${this.describe()}`);
    }
    /** Consumes `bracket` and leaves its container, if that is what comes next. */
    closes(bracket) {
        if (this.text[this.i] !== bracket)
            return false;
        this.i++;
        this.stack.pop();
        return true;
    }
    describe() {
        const { text, i } = this;
        return i >= text.length ? 'end of input' : `'${text[i] === '\n' ? '\\n' : text[i]}'`;
    }
    fail(detail) {
        throw new Stop(this.i, detail);
    }
    ws() {
        while (this.i < this.text.length) {
            const c = this.text.charCodeAt(this.i);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                this.i++;
            else
                break;
        }
    }
    literal(word) {
        for (const ch of word) {
            if (this.text[this.i] !== ch)
                this.fail(`unexpected ${this.describe()} in "${word}"`);
            this.i++;
        }
    }
    /** Reads a string starting at the quote; returns its raw text including quotes. */
    string() {
        const { text } = this;
        const start = this.i;
        this.i++;
        for (;;) {
            if (this.i >= text.length)
                this.fail('unterminated string');
            const ch = text[this.i];
            if (ch === '"') {
                this.i++;
                return text.slice(start, this.i);
            }
            if (ch === '\\') {
                this.escape();
                continue;
            }
            if (ch.charCodeAt(0) < 0x20)
                this.fail('control character in string');
            this.i++;
        }
    }
    /** A backslash escape inside a string, from the backslash. */
    escape() {
        const { text } = this;
        this.i++;
        // At the end of the text `kind` is '', which includes() accepts: the string is then unterminated.
        const kind = text.charAt(this.i);
        if (!'"\\/bfnrtu'.includes(kind))
            this.fail(`invalid escape ${this.describe()}`);
        if (kind === 'u') {
            for (let k = 1; k <= 4; k++)
                if (!/[0-9a-fA-F]/.test(text.charAt(this.i + k)))
                    this.fail('invalid \\u escape');
            this.i += 4;
        }
        this.i++;
    }
    number() {
        const re = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
        re.lastIndex = this.i;
        const m = re.exec(this.text);
        if (!m || m[0] === '-' || m[0] === '')
            this.fail(`unexpected ${this.describe()}`);
        this.i += m[0].length;
    }
    childPath() {
        const top = this.stack.at(-1);
        if (!top)
            return [];
        return [...top.path, top.kind === 'array' ? top.index : top.lastKey];
    }
    open(kind) {
        const path = this.childPath();
        if (this.stack.length >= this.maxDepth)
            throw new Stop(this.i, `nested more than ${this.maxDepth} levels deep; no config is`, jsonPath(path));
        this.stack.push({ kind, path, keys: new Set(), lastKey: '', index: 0 });
        this.i++;
    }
}

;// CONCATENATED MODULE: ./src/config/config-cache.ts




/**
 * The start-up cache of validated config files. Every command starts by validating the config
 * file, and a workflow runs ten commands on one file: building the schema and parsing the file with
 * it is most of a command's start-up. A file this build of the tool has validated before is read
 * from here instead: its JSON is parsed again (JSON.parse) and the schema's defaults are put back
 * from a stored skeleton (config-skeleton.ts), which holds key names and defaults but no value of
 * the file, so no secret written in a config file is ever copied here.
 *
 * The cache is the front ends' V8 code cache folder (build/run-bundle.cjs, in dist/cli.js and dist/index.js: this user's, mode 0700,
 * `DHASH_CODE_CACHE=off` turns both off), which the bundle announces through a global. Tests and
 * any use of the sources outside the bundle have no cache. An entry is named by the build (the
 * hashes of the bundle's files) and by two independent 32-bit hashes and the length of the file's
 * text, so an edited file, or a file validated by another version, is validated again. Anything
 * unreadable or malformed in the cache only means validating again.
 */
const STARTUP_CACHE = Symbol.for('dhash-rollout.startup-cache');
/** Entries kept; older ones are removed when a new one is written. */
const MAX_ENTRIES = 64;
const PREFIX = 'config-';
/** The cache the running bundle offers, if any. */
function startupCache() {
    const value = globalThis[STARTUP_CACHE];
    if (typeof value !== 'object' || value === null)
        return undefined;
    const { dir, build } = value;
    return typeof dir === 'string' && typeof build === 'string' && /^[0-9a-f]+$/.test(build)
        ? { dir, build }
        : undefined;
}
/**
 * Two 32-bit multiply-xorshift hashes of the text's UTF-8 bytes (seeded differently), as hex.
 * Hashed four bytes at a time: this runs on every start, mostly before V8 has optimised anything.
 */
function textHash(text) {
    const bytes = Buffer.from(text, 'utf8');
    const count = bytes.length >> 2;
    // Copied into an aligned array: a Buffer may start anywhere in Node's shared pool.
    const words = new Int32Array(count);
    new Uint8Array(words.buffer).set(bytes.subarray(0, count * 4));
    let a = 0xdeadbeef ^ bytes.length;
    let b = 0x41c6ce57 ^ bytes.length;
    for (let i = 0; i < count; i++) {
        a = Math.imul(a ^ words[i], 2654435761);
        b = Math.imul(b ^ words[i], 1597334677);
    }
    for (let i = count * 4; i < bytes.length; i++) {
        a = Math.imul(a ^ bytes[i], 2654435761);
        b = Math.imul(b ^ bytes[i], 1597334677);
    }
    a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
    b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
function entryPath(cache, text) {
    return (0,external_node_path_.join)(cache.dir, `${PREFIX}${cache.build}-${textHash(text)}-${text.length}.json`);
}
/** The validated result for this exact text, when this build validated it before; else undefined. */
function readValidatedConfig(cache, text) {
    let stored;
    try {
        stored = JSON.parse((0,external_node_fs_.readFileSync)(entryPath(cache, text), 'utf8'));
    }
    catch {
        return undefined;
    }
    if (!isSkeleton(stored))
        return undefined;
    try {
        return rebuildValidated(stored, JSON.parse(withoutByteOrderMark(text)));
    }
    catch {
        return undefined;
    }
}
/** Remembers that this text validated to `validated` (parsed from `file`); never fails the command. */
function saveValidatedConfig(cache, text, file, validated) {
    const skeleton = describeValidated(validated, file);
    if (skeleton === null)
        return;
    const path = entryPath(cache, text);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
        (0,external_node_fs_.writeFileSync)(temporary, skeleton, { mode: 0o600 });
        (0,external_node_fs_.renameSync)(temporary, path);
        pruneEntries(cache.dir);
    }
    catch {
        // A full disk or a removed folder: the next run validates again.
        try {
            (0,external_node_fs_.unlinkSync)(temporary);
        }
        catch {
            // It was never written.
        }
    }
}
/** Keeps the newest MAX_ENTRIES entries (and removes temporary files of killed runs). */
function pruneEntries(dir) {
    const entries = (0,external_node_fs_.readdirSync)(dir)
        .filter((name) => name.startsWith(PREFIX))
        .map((name) => {
        try {
            return { name, mtime: (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, name)).mtimeMs };
        }
        catch {
            return null;
        }
    })
        .filter((e) => e !== null);
    const stale = Date.now() - 60_000;
    const temporaries = entries.filter((e) => e.name.endsWith('.tmp') && e.mtime < stale);
    const kept = entries.filter((e) => !e.name.endsWith('.tmp')).sort((x, y) => y.mtime - x.mtime);
    for (const e of [...temporaries, ...kept.slice(MAX_ENTRIES)]) {
        try {
            (0,external_node_fs_.unlinkSync)((0,external_node_path_.join)(dir, e.name));
        }
        catch {
            // Removed by a parallel run.
        }
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/config/dotenv.ts

/**
 * Reads a `.env.notifications`-style file with Node's own parser (`util.parseEnv`, the one behind
 * `node --env-file`): KEY=VALUE lines, `#` comments, `export `, single, double and back quotes, and
 * multi-line double-quoted values \u2014 so a file that works with `node --env-file` reads the same here.
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

// EXTERNAL MODULE: ./src/domain/gates/catalog/catalog.ts + 8 modules
var catalog = __webpack_require__(303);
;// CONCATENATED MODULE: ./src/config/substitute.ts

const TEMPLATE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
/**
 * Replaces `${VAR}` and `${VAR:-default}` in one string from `lookup`. `$${` stays a literal `${`.
 * An empty variable counts as unset for `:-` (as in the shell). Returns the variables that were
 * unset with no default; the value is then unusable and must not be used.
 */
function substituteString(value, lookup) {
    const unset = [];
    // Most strings of a config have no template: no regular expression run (every command starts
    // by substituting the whole environment).
    if (!value.includes('${'))
        return { value, unset };
    const out = value.replace(TEMPLATE, (whole, name, fallback) => {
        // Only `$${` matches without a name.
        if (name === undefined)
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
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        const { node, path } = top;
        for (const key of Object.keys(node)) {
            const k = Array.isArray(node) ? Number(key) : key;
            const childPath = [...path, k];
            const child = visit(node[key], childPath);
            node[key] = child;
            if (child !== null && typeof child === 'object')
                stack.push({ node: child, path: childPath });
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
/** One environment of a validated file \u2192 the internal model (see model.ts). */
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
    const localTarget = raw.target?.type === 'local'
        ? {
            ...raw.target,
            root: (0,external_node_path_.isAbsolute)(raw.target.root) ? raw.target.root : (0,external_node_path_.resolve)(configDir, raw.target.root),
        }
        : undefined;
    const targetRoot = localTarget?.root;
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
        target: localTarget ?? raw.target,
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
        // Each module knows its own threshold fields; the catalog entry and the file entry share the name.
        const limits = catalog/* GATE_CATALOG */.UW[name].limits(g.threshold);
        const gate = {
            enabled: true,
            description: g.description,
            actions: g.actions,
            threshold: limits.limit,
            no_data: g.no_data,
            failure_limit: g.failure_limit,
        };
        if (limits.windowMinutes !== undefined)
            gate.evaluation_window_minutes = limits.windowMinutes;
        if (limits.minSamples !== undefined)
            gate.min_sample_size = limits.minSamples;
        if (limits.checkIntervalSeconds !== undefined)
            gate.check_interval_seconds = limits.checkIntervalSeconds;
        if (g.inconclusive_limit !== undefined)
            gate.inconclusive_limit = g.inconclusive_limit;
        if (gate.description === undefined)
            delete gate.description;
        return gate;
    };
    for (const name of catalog/* METRIC_GATE_NAMES */.SZ) {
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
        .filter(([, c]) => c.enabled)
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
    const gates = Object.entries(env.quality_gates).filter(([, g]) => g.enabled);
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
    // jitless: the file is parsed once per run, and compiling zod's fast path for its objects
    // (new Function, on the first parse) costs more than that one parse saves.
    const result = (0,file_schema/* configSchemas */.Jq)().ConfigFileSchema.safeParse(value, { jitless: true });
    if (!result.success)
        return { ok: false, problems: formatIssues(result.error.issues, value) };
    return { ok: true, file: result.data };
}
/** Parses and validates a whole config file; throws ConfigError with one line per problem. */
function parseConfigText(text, source) {
    // A text this build validated before (the bundle's start-up cache, config-cache.ts).
    const cache = startupCache();
    const cached = cache && readValidatedConfig(cache, text);
    if (cached)
        return cached;
    const read = readConfigJson(text);
    if (!read.ok)
        throw new runtime_errors/* ConfigError */.xL(source, read.problems);
    const checked = checkConfigStructure(read.value);
    if (!checked.ok)
        throw new runtime_errors/* ConfigError */.xL(source, checked.problems);
    const problems = semanticProblems(checked.file);
    if (problems.length > 0)
        throw new runtime_errors/* ConfigError */.xL(source, problems);
    if (cache)
        saveValidatedConfig(cache, text, read.value, checked.file);
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
        throw new runtime_errors/* UsageError */.eb(
        // Named "environment" (the action's input; the CLI's --env) and quoted as JSON, so a control
        // character in a hostile name is shown escaped, never raw.
        `environment: unknown environment ${JSON.stringify(envName)}; ${source} defines: ${Object.keys(file.environments).join(', ')}`);
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
    const vars = notificationVars(environment, fromEnvFile, env, unresolvedSettings(envName, normalized.unsetInChannels));
    const redactor = new redact/* Redactor */.pO();
    for (const name of channel_settings/* SECRET_VARIABLES */.VP)
        redactor.add(vars[name]);
    for (const settings of Object.values(env.notifications.channel_settings))
        for (const [key, value] of Object.entries(settings))
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
/** `<channel>.<key>` of every channel setting that kept a `${VAR}` whose variable is unset. */
function unresolvedSettings(envName, unset) {
    const prefix = `environments.${envName}.notifications.channels.`;
    return new Set(unset.map((u) => u.path.slice(prefix.length).split(/[.[]/, 2).join('.')));
}
function notificationVars(environment, fromFile, env, unresolved) {
    const vars = {};
    for (const name of channel_settings/* NOTIFICATION_VARIABLES */.k3) {
        const value = environment[name] || fromFile[name];
        if (value)
            vars[name] = value;
    }
    // A setting may name another variable holding the value (the pager's routing_key_env).
    for (const v of channels/* ALL_CHANNEL_VARIABLES */.s_) {
        if (v.variableNameKey === undefined)
            continue;
        const settings = env.notifications.channel_settings[v.channel];
        const other = settings?.[v.variableNameKey];
        if (typeof other !== 'string' || other === v.name)
            continue;
        const value = environment[other] || fromFile[other];
        if (value)
            vars[v.name] = value;
    }
    for (const [channel, keys, variable] of SETTING_VARIABLES) {
        const settings = env.notifications.channel_settings[channel];
        if (!settings)
            continue;
        for (const key of keys) {
            const value = settings[key];
            if (value === undefined)
                continue;
            // A JSON value: numbers, booleans and null print as String() would print them.
            const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : JSON.stringify(value);
            // An unresolved ${VAR} is not a value: leave the variable unset, so the channel reports it.
            // (A substituted value may itself contain "${", e.g. a password: that one is a value.)
            if (text !== '' && !unresolved.has(`${channel}.${key}`))
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
/* harmony export */   c: () => (/* binding */ mentionsSchemas),
/* harmony export */   h: () => (/* binding */ unmappedRecipientWarnings)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__.dhashLazy(2311);
/* harmony import */ var _domain_lazily_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2035);


/**
 * `notifications.mentions`: a name used in `recipients` (such as "@dhash-oncall") mapped to the
 * ids each platform pings with. Names without an entry are sent as plain text (and `validate`
 * warns), because a chat product cannot page a name it does not know.
 */
/** The schemas of `notifications.mentions`, built on first use (why: src/domain/lazily.ts). */
const mentionsSchemas = (0,_domain_lazily_js__WEBPACK_IMPORTED_MODULE_0__/* .lazily */ .q)(() => {
    const slackId = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[UWS][A-Z0-9]{2,}$/, {
        error: 'expected a Slack user id (U\u2026 or W\u2026) or user-group id (S\u2026), e.g. "S0123ABC"',
    });
    const snowflake = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^\d{5,25}$/, { error: 'expected a Discord id (digits only)' });
    const MentionTargetsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        slack: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(slackId).optional().describe('Slack user ids (U\u2026, W\u2026) and user-group ids (S\u2026).'),
        discord: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            roles: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(snowflake).optional(),
            users: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(snowflake).optional(),
        })
            .optional()
            .describe('Discord role and user ids; only these may ping.'),
        teams: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, { error: 'expected the Teams user id (AAD object id or UPN)' }),
            name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, { error: 'expected the display name shown in the mention' }),
        }))
            .optional()
            .describe('Teams users to @mention in the Adaptive Card.'),
        email: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/, { error: 'expected an e-mail address' }))
            .optional()
            .describe('Addresses added to the e-mail recipients of a message naming this recipient.'),
    });
    const MentionsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^@?[\w.-]+$/, { error: 'expected a recipient name such as "@dhash-oncall"' }), MentionTargetsSchema)
        .describe('Recipient names (as used in escalation recipients) mapped to native mentions per platform.');
    return { MentionTargetsSchema, MentionsSchema };
});
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

/***/ 6309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JK: () => (/* binding */ lockDir),
/* harmony export */   V6: () => (/* binding */ localTargetRoot),
/* harmony export */   mw: () => (/* binding */ logDir),
/* harmony export */   su: () => (/* binding */ backupDir),
/* harmony export */   u6: () => (/* binding */ targetRoot)
/* harmony export */ });
/* unused harmony export DEFAULT_LOG_DIR */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Directory resolution shared by every command, so they agree on where things live. The loader
 * has already made the config's paths absolute (target.root against the config file's folder,
 * backup.dir against target.root); resolving again only matters for hand-built configs in tests.
 */
function targetRoot(env, cwd) {
    if (env.target?.type !== 'local')
        return null;
    return localTargetRoot(env.target, cwd);
}
function localTargetRoot(target, cwd) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(target.root) ? target.root : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, target.root);
}
/** Where environment locks live: the local target's root (shared by everyone deploying to that
 * host), else the working directory. */
function lockDir(env, cwd) {
    return targetRoot(env, cwd) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, '.dhash-rollout');
}
function backupDir(env, cwd) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, env.backup.dir);
}
const DEFAULT_LOG_DIR = 'monitor_logs';
function logDir(cwd, override) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, override ?? DEFAULT_LOG_DIR);
}


/***/ }),

/***/ 6132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z6: () => (/* binding */ refuseOffTargetHost),
/* harmony export */   fT: () => (/* binding */ OffTargetHostError)
/* harmony export */ });
/* unused harmony export TARGET_HOST_COMMANDS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _state_dir_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6309);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);



/** Commands that change (or read backups of) a `local` target: they only make sense on its host. */
const TARGET_HOST_COMMANDS = new Set(['deploy', 'rollout', 'rollback', 'backup', 'migrate']);
/**
 * The refusal of a command run where the target does not live. Its message is the whole story in
 * one line (the front ends add nothing under it): exit 4, nothing read or written.
 */
class OffTargetHostError extends _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RefusedError */ .fk {
}
/**
 * A job that landed on a runner which is not the target host (a GitHub-hosted runner, the wrong
 * self-hosted one), or a command typed on the wrong machine, finds no target root there, so no
 * release and no backups: it refuses in one line naming the runs-on labels it needs (and, for
 * use outside GitHub, the host it must run on), before anything is read or written. The labels
 * come from DHASH_RUNNER_LABELS, which deploy.yml and rollback.yml set from the same expression
 * as their runs-on; without it, the convention the workflows default to is named.
 */
function refuseOffTargetHost(config, cwd, env) {
    const root = (0,_state_dir_js__WEBPACK_IMPORTED_MODULE_1__/* .targetRoot */ .u6)(config.env, cwd);
    if (root === null || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(root))
        return;
    const labels = compactLabels(env.DHASH_RUNNER_LABELS) ?? JSON.stringify(['self-hosted', `dhash-${config.envName}`]);
    const runner = env.RUNNER_NAME ? `runner "${env.RUNNER_NAME}"` : 'this machine';
    throw new OffTargetHostError(`${config.envName}: target root ${root} does not exist on ${runner}, which is not the target host (no release, no backups here; target.root from ${config.source}); on GitHub run this job on the target host's self-hosted runner: runs-on: ${labels} (deploy.yml/rollback.yml input runs-on, or the DHASH_RUNNERS repository variable); outside GitHub run it on the host that holds ${root}, or pass --config with that host's config`);
}
/** The workflows set the labels with toJSON(), which pretty-prints; the refusal stays one line. */
function compactLabels(text) {
    if (!text?.trim())
        return null;
    try {
        return JSON.stringify(JSON.parse(text));
    }
    catch {
        return text.replace(/\s+/g, ' ').trim();
    }
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
/* harmony export */   n3: () => (/* binding */ windowMinutesProblem),
/* harmony export */   rv: () => (/* binding */ timeoutSeconds),
/* harmony export */   s2: () => (/* binding */ positiveUpTo),
/* harmony export */   yk: () => (/* binding */ windowOverrideProblem)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__.dhashLazy(2311);

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

/***/ 9324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qg: () => (/* binding */ CHANNEL_CATALOG),
  bW: () => (/* binding */ CHANNEL_NAMES),
  ei: () => (/* binding */ channelModule)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__.dhashLazy(2311);
// EXTERNAL MODULE: ./src/domain/messages/content.ts
var messages_content = __webpack_require__(1768);
// EXTERNAL MODULE: ./src/domain/lazily.ts
var lazily = __webpack_require__(2035);
// EXTERNAL MODULE: ./src/domain/channels/channel-module.ts
var channel_module = __webpack_require__(1459);
;// CONCATENATED MODULE: ./src/domain/channels/console.ts




const settingsSchema = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({}).describe('Prints each message on standard output (the seed\'s "console" channel).'));
/** The seed's `console` channel: the message on standard output, for people watching a terminal or a CI log. */
const consoleChannel = (0,channel_module/* defineChannel */.t)({
    name: 'console',
    transport: 'stream',
    summary: 'Prints the message as plain text on standard output (the CI log or the terminal).',
    get settingsSchema() {
        return settingsSchema();
    },
    variables: [],
    settings: () => ({ stream: 'stdout' }),
    target: () => 'stdout',
    render: (message) => ({
        text: `${messages_content/* LEVEL_EMOJI */.AP[message.level]} [${message.level.toUpperCase()}] ${(0,messages_content/* plainText */.wh)(message)}\n`,
    }),
    write: (s, payload) => ({ stream: s.stream, text: typeof payload.text === 'string' ? payload.text : '' }),
    classify: (answer) => {
        if (!answer.error)
            return { kind: 'delivered', detail: 'written to stdout' };
        // A closed pipe stays closed; anything else (EAGAIN on a full pipe) may pass.
        const closed = answer.error.code === 'EPIPE' || answer.error.code === 'ERR_STREAM_DESTROYED';
        return { kind: closed ? 'permanent' : 'transient', error: `stdout: ${answer.error.message}` };
    },
});

// EXTERNAL MODULE: ./src/domain/delivery/classify.ts + 1 modules
var classify = __webpack_require__(9801);
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
            value: (0,messages_text/* truncate */.xv)(ls.map((l) => `[${l.label}](${l.url})`).join(' \u00b7 '), DISCORD_LIMITS.fieldValue),
            inline: false,
        });
    const embed = {
        title: (0,messages_text/* truncate */.xv)((0,messages_content/* headline */.Pl)(message), DISCORD_LIMITS.title),
        color: messages_content/* LEVEL_COLOR */.D9[message.level],
        fields: fields.slice(0, DISCORD_LIMITS.fields),
        footer: { text: (0,messages_text/* truncate */.xv)(`dhash-rollout \u00b7 ${messages_content/* EVENT_LABELS */.XU[message.event]}`, DISCORD_LIMITS.footer) },
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

// EXTERNAL MODULE: ./src/domain/channels/setting-text.ts
var setting_text = __webpack_require__(3953);
// EXTERNAL MODULE: ./src/domain/channels/webhook-url.ts
var webhook_url = __webpack_require__(9976);
;// CONCATENATED MODULE: ./src/domain/channels/discord.ts







/** Discord only answers with the created message (and its errors) when asked to wait. */
function withDiscordWait(url) {
    const u = new URL(url);
    u.searchParams.set('wait', 'true');
    return u.toString();
}
const discord_settingsSchema = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    webhook_url: (0,setting_text/* settingText */.S)().optional().describe('Webhook URL, a secret: "${DISCORD_WEBHOOK_URL}".'),
    url: (0,setting_text/* settingText */.S)().optional().describe('Same as webhook_url.'),
    username: (0,setting_text/* settingText */.S)().optional(),
}));
/** Discord webhook, one embed; only the mapped roles and users may ping. */
const discord = (0,channel_module/* defineChannel */.t)({
    name: 'discord',
    transport: 'http',
    summary: 'Discord webhook: one embed; recipients become <@&role> and <@user> with allowed_mentions limited to them.',
    get settingsSchema() {
        return discord_settingsSchema();
    },
    variables: [(0,webhook_url/* webhookUrlVariable */.FZ)('DISCORD_WEBHOOK_URL', 'discord-webhook-url', 'Discord webhook URL')],
    settings: (vars, context) => (0,webhook_url/* webhookUrl */.vO)('DISCORD_WEBHOOK_URL', vars, context),
    target: (s) => (0,webhook_url/* describeTarget */.ff)(s.url),
    render: (message, context) => ({
        ...renderDiscord(message, { timestamp: context.timestamp, mentions: context.mentions }),
    }),
    requests: (s, payload) => [{ url: withDiscordWait(s.url), json: payload }],
    classify: classify/* classifyDiscord */.vR,
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
        ? `<p>${ls.map((l) => `<a href="${(0,messages_text/* escapeHtml */.ZD)(l.url)}">${(0,messages_text/* escapeHtml */.ZD)(l.label)}</a>`).join(' \u00b7 ')}</p>`
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

;// CONCATENATED MODULE: ./src/domain/channels/email.ts








/** SMTP settings from the seed's variables, or one line per problem naming the variable. */
function smtpSettings(vars) {
    const secureText = (vars.SMTP_SECURE ?? 'false').trim().toLowerCase();
    if (!['true', 'false', '1', '0', 'yes', 'no'].includes(secureText))
        return [`SMTP_SECURE: expected true or false, got "${vars.SMTP_SECURE ?? ''}"`];
    const secure = ['true', '1', 'yes'].includes(secureText);
    const port = vars.SMTP_PORT === undefined ? (secure ? 465 : 587) : Number(vars.SMTP_PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        return [`SMTP_PORT: expected a port number between 1 and 65535, got "${vars.SMTP_PORT ?? ''}"`];
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
/** A stable Message-ID per dedup key: mail systems that see the same id twice keep one copy. */
function messageIdFor(dedupKey) {
    return `<${(0,external_node_crypto_.createHash)('sha256').update(dedupKey).digest('hex').slice(0, 32)}@dhash-rollout>`;
}
/** Accepted is delivered (naming recipients the server refused); errors follow RFC 5321's classes. */
function classifySmtpAnswer(answer) {
    if ('error' in answer)
        return (0,classify/* classifySmtp */.JJ)(answer.error);
    if (answer.rejected.length > 0)
        return {
            kind: 'delivered',
            detail: `accepted for ${answer.accepted.length} recipient(s); rejected: ${answer.rejected.join(', ')}`,
        };
    return { kind: 'delivered', detail: answer.response || 'accepted' };
}
const email_settingsSchema = (0,lazily/* lazily */.q)(() => {
    const text = (0,setting_text/* settingText */.S)();
    return schemas/* strictObject */.rej({
        from: text.optional().describe('EMAIL_FROM'),
        to: schemas/* union */.KCZ([text, schemas/* array */.YOg(text)], { error: 'expected an address or a list of addresses' })
            .optional()
            .describe('EMAIL_TO: one address, a comma-separated list, or an array.'),
        smtp_host: text.optional().describe('SMTP_HOST'),
        smtp_port: schemas/* union */.KCZ([schemas/* number */.aig().int().min(1).max(65535), text], { error: 'expected a port number' })
            .optional()
            .describe('SMTP_PORT'),
        smtp_user: text.optional().describe('SMTP_USER'),
        smtp_pass: text.optional().describe('SMTP_PASS (a secret): "${SMTP_PASS}".'),
        smtp_secure: schemas/* union */.KCZ([schemas/* boolean */.zMY(), text], { error: 'expected true or false' })
            .optional()
            .describe('SMTP_SECURE'),
    });
});
/** E-mail over SMTP: text and HTML parts, a stable Message-ID per dedup key. */
const email = (0,channel_module/* defineChannel */.t)({
    name: 'email',
    transport: 'smtp',
    summary: 'E-mail over SMTP (STARTTLS or implicit TLS); recipients mapped to addresses are copied in.',
    get settingsSchema() {
        return email_settingsSchema();
    },
    variables: [
        (0,webhook_url/* plainVariable */.lz)('EMAIL_FROM', 'email-from', true, 'Sender address', ['from']),
        (0,webhook_url/* plainVariable */.lz)('EMAIL_TO', 'email-to', true, 'Comma-separated recipients', ['to']),
        (0,webhook_url/* plainVariable */.lz)('SMTP_HOST', 'smtp-host', true, 'SMTP server host', ['smtp_host']),
        (0,webhook_url/* plainVariable */.lz)('SMTP_PORT', 'smtp-port', false, 'SMTP server port (default 587, or 465 with SMTP_SECURE)', ['smtp_port']),
        (0,webhook_url/* plainVariable */.lz)('SMTP_USER', 'smtp-user', false, 'SMTP user', ['smtp_user']),
        {
            name: 'SMTP_PASS',
            input: 'smtp-pass',
            secret: true,
            required: false,
            description: 'SMTP password',
            settingKeys: ['smtp_pass'],
        },
        (0,webhook_url/* plainVariable */.lz)('SMTP_SECURE', 'smtp-secure', false, 'true for implicit TLS (port 465); otherwise STARTTLS when offered', ['smtp_secure']),
    ],
    settings: (vars) => smtpSettings(vars),
    target: (s) => `smtp://${s.host}:${s.port}`,
    render: (message, context) => ({ ...renderEmail(message, { mentions: context.mentions }) }),
    mail: (s, payload, c) => ({
        server: {
            host: s.host,
            port: s.port,
            secure: s.secure,
            // A password never crosses the network in clear text, except to this very host.
            requireTls: !s.secure && s.pass !== undefined && !(0,webhook_url/* isLoopbackHost */.cW)(s.host),
            user: s.user,
            pass: s.pass,
        },
        from: s.from,
        to: s.to,
        cc: Array.isArray(payload.cc) && payload.cc.length > 0 ? payload.cc.map(String) : undefined,
        subject: typeof payload.subject === 'string' ? payload.subject : '',
        text: typeof payload.text === 'string' ? payload.text : '',
        html: typeof payload.html === 'string' ? payload.html : undefined,
        messageId: messageIdFor(c.dedupKey),
        headers: { 'X-Dhash-Dedup-Key': c.dedupKey },
    }),
    classify: classifySmtpAnswer,
});

// EXTERNAL MODULE: ./src/domain/channels/pager.ts
var pager = __webpack_require__(2382);
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
 * `<@U\u2026>` pings a user, `<!subteam^S\u2026>` a user group, `<!here>` the channel. Names without an id
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
        const lines = message.gates.map((g) => `\u2022 ${(0,messages_text/* escapeSlack */.k4)((0,messages_content/* gateLine */.C_)(g))}`);
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
                text: (0,messages_text/* truncateEscaped */.GI)(`dhash-rollout \u00b7 ${messages_content/* EVENT_LABELS */.XU[message.event]} \u00b7 ${(0,messages_text/* escapeSlack */.k4)(message.environment)}`, SLACK_LIMITS.sectionText),
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

;// CONCATENATED MODULE: ./src/domain/channels/slack.ts







const slack_settingsSchema = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    webhook_url: (0,setting_text/* settingText */.S)()
        .optional()
        .describe('Incoming-webhook URL (a secret): "${SLACK_WEBHOOK_URL}".'),
    url: (0,setting_text/* settingText */.S)().optional().describe('Same as webhook_url (the seed wrote "url").'),
    channel: (0,setting_text/* settingText */.S)().optional().describe('e.g. "#dhash-alerts" (SLACK_CHANNEL).'),
    username: (0,setting_text/* settingText */.S)().optional(),
}));
/** Slack incoming webhook, Block Kit body, Slack-native mentions. */
const slack = (0,channel_module/* defineChannel */.t)({
    name: 'slack',
    transport: 'http',
    summary: 'Slack incoming webhook: Block Kit message; recipients become <@U\u2026> and <!subteam^S\u2026> mentions.',
    get settingsSchema() {
        return slack_settingsSchema();
    },
    variables: [
        (0,webhook_url/* webhookUrlVariable */.FZ)('SLACK_WEBHOOK_URL', 'slack-webhook-url', 'Slack incoming webhook URL'),
        (0,webhook_url/* plainVariable */.lz)('SLACK_CHANNEL', 'slack-channel', false, 'Channel override (honoured by legacy webhooks only)', ['channel']),
    ],
    settings: (vars, context) => (0,webhook_url/* webhookUrl */.vO)('SLACK_WEBHOOK_URL', vars, context),
    target: (s) => (0,webhook_url/* describeTarget */.ff)(s.url),
    render: (message, context) => ({
        ...renderSlack(message, { channel: context.vars.SLACK_CHANNEL, mentions: context.mentions }),
    }),
    requests: (s, payload) => [{ url: s.url, json: payload }],
    classify: classify/* classifySlack */.h_,
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
        text: `dhash-rollout \u00b7 ${messages_content/* EVENT_LABELS */.XU[message.event]}`,
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

;// CONCATENATED MODULE: ./src/domain/channels/teams.ts







const teams_settingsSchema = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    webhook_url: (0,setting_text/* settingText */.S)()
        .optional()
        .describe('Workflows (or legacy connector) URL, a secret: "${TEAMS_WEBHOOK_URL}".'),
    url: (0,setting_text/* settingText */.S)().optional().describe('Same as webhook_url.'),
}));
/** Microsoft Teams Workflows (or legacy connector) webhook, Adaptive Card with msteams mentions. */
const teams = (0,channel_module/* defineChannel */.t)({
    name: 'teams',
    transport: 'http',
    summary: 'Microsoft Teams webhook: Adaptive Card (28 KB post limit, in bytes); recipients become <at> mentions.',
    get settingsSchema() {
        return teams_settingsSchema();
    },
    variables: [
        (0,webhook_url/* webhookUrlVariable */.FZ)('TEAMS_WEBHOOK_URL', 'teams-webhook-url', 'Microsoft Teams Workflows (or legacy connector) webhook URL'),
    ],
    settings: (vars, context) => (0,webhook_url/* webhookUrl */.vO)('TEAMS_WEBHOOK_URL', vars, context),
    target: (s) => (0,webhook_url/* describeTarget */.ff)(s.url),
    render: (message, context) => ({ ...renderTeams(message, { mentions: context.mentions }) }),
    requests: (s, payload) => [{ url: s.url, json: payload }],
    classify: classify/* classifyTeams */.JB,
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

;// CONCATENATED MODULE: ./src/domain/channels/webhook.ts







const webhook_settingsSchema = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    url: (0,setting_text/* settingText */.S)().optional().describe('Generic JSON webhook URL (a secret): "${GENERIC_WEBHOOK_URL}".'),
}));
/** Any JSON receiver: a documented, versioned body and an Idempotency-Key header. */
const webhook = (0,channel_module/* defineChannel */.t)({
    name: 'webhook',
    transport: 'http',
    summary: 'Generic JSON webhook (dhash-rollout.notification/v1) with an Idempotency-Key header.',
    get settingsSchema() {
        return webhook_settingsSchema();
    },
    variables: [(0,webhook_url/* webhookUrlVariable */.FZ)('GENERIC_WEBHOOK_URL', 'webhook-url', 'Generic JSON webhook URL', ['url'])],
    settings: (vars, context) => (0,webhook_url/* webhookUrl */.vO)('GENERIC_WEBHOOK_URL', vars, context),
    target: (s) => (0,webhook_url/* describeTarget */.ff)(s.url),
    render: (message, context) => ({ ...renderGeneric(message, { timestamp: context.timestamp }) }),
    // Receivers that keep the key can drop a repeat of the same message.
    requests: (s, payload, c) => [{ url: s.url, headers: { 'idempotency-key': c.dedupKey }, json: payload }],
    classify: classify/* classifyGenericWebhook */.J,
});

;// CONCATENATED MODULE: ./src/domain/channels/catalog.ts







/**
 * Every notification channel, one module each, in the order docs and action.yml list them.
 * Adding a channel is its module plus its line here: the channel names, the config schema of
 * `notifications.channels`, the variables read from the environment (and which are secrets), the
 * action inputs (generated into action.yml by build/channel-inputs.mjs) and the notifier factory
 * (which picks the module's transport) all come from this list.
 */
const MODULES = [slack, teams, discord, email, webhook, consoleChannel, pager/* pager */.IR];
/** Each module under its name, with its own Settings type. */
const CHANNEL_CATALOG = Object.fromEntries(MODULES.map((m) => [m.name, m]));
/** The channel names, catalog order (a tuple, as z.enum takes it). */
const CHANNEL_NAMES = MODULES.map((m) => m.name);
/** The module for a name, with its Settings erased (the factory only pairs a module with its own settings). */
function channelModule(name) {
    return CHANNEL_CATALOG[name];
}


/***/ }),

/***/ 1459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ defineChannel)
/* harmony export */ });
function defineChannel(module) {
    return module;
}


/***/ }),

/***/ 2382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IR: () => (/* binding */ pager)
/* harmony export */ });
/* unused harmony exports PAGERDUTY_EVENTS_URL, PAGER_LIMITS, pagerDedupKey, renderPager, classifyPagerDuty */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__.dhashLazy(2311);
/* harmony import */ var _delivery_classify_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9801);
/* harmony import */ var _messages_content_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1768);
/* harmony import */ var _messages_mentions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4142);
/* harmony import */ var _messages_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8874);
/* harmony import */ var _lazily_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2035);
/* harmony import */ var _channel_module_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1459);
/* harmony import */ var _setting_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3953);
/* harmony import */ var _webhook_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9976);










/** PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
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
    const key = (0,_messages_content_js__WEBPACK_IMPORTED_MODULE_1__/* .incidentKeyOf */ .XY)(message);
    if (key.length <= PAGER_LIMITS.dedupKey)
        return key;
    return `dhash:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex')}`;
}
function renderPager(message, timestamp) {
    const action = ACTION[message.event];
    if (action === null)
        return null;
    const dedup_key = pagerDedupKey(message);
    // The routing key is a secret: it is added to each request when it is sent, never kept in a
    // body that is logged, printed by a dry-run or written to the fallback file.
    if (action === 'resolve') {
        const others = (message.resolves ?? []).map((key) => pagerDedupKey({ ...message, incidentKey: key }));
        // `also_resolve` is ours, not PagerDuty's: one resolve event is posted per key.
        return others.length > 0
            ? { event_action: 'resolve', dedup_key, also_resolve: others }
            : { event_action: 'resolve', dedup_key };
    }
    const ls = (0,_messages_content_js__WEBPACK_IMPORTED_MODULE_1__/* .links */ .yJ)(message);
    const body = {
        event_action: 'trigger',
        dedup_key,
        payload: {
            summary: (0,_messages_text_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(message.title, PAGER_LIMITS.summary),
            source: `dhash-${message.environment}`,
            severity: message.level,
            timestamp,
            component: 'dhash',
            group: message.environment,
            class: _messages_content_js__WEBPACK_IMPORTED_MODULE_1__/* .EVENT_LABELS */ .XU[message.event],
            custom_details: {
                text: (0,_messages_content_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(message),
                deployment_id: message.deploymentId,
                ...(message.version ? { version: message.version } : {}),
                ...(message.gates ? { gates: message.gates.map(_messages_content_js__WEBPACK_IMPORTED_MODULE_1__/* .gateLine */ .C_) } : {}),
                ...((0,_messages_mentions_js__WEBPACK_IMPORTED_MODULE_2__/* .recipientsOf */ .wX)(message).length > 0 ? { recipients: (0,_messages_mentions_js__WEBPACK_IMPORTED_MODULE_2__/* .recipientsOf */ .wX)(message) } : {}),
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
    return (0,_delivery_classify_js__WEBPACK_IMPORTED_MODULE_5__/* .classifyStatus */ .xo)(answer, nowMs);
}
const settingsSchema = (0,_lazily_js__WEBPACK_IMPORTED_MODULE_6__/* .lazily */ .q)(() => zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
    routing_key_env: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected the NAME of an environment variable' })
        .default('PAGERDUTY_ROUTING_KEY')
        .describe('Environment variable holding the PagerDuty Events API v2 routing key. Default PAGERDUTY_ROUTING_KEY.'),
    routing_key: (0,_setting_text_js__WEBPACK_IMPORTED_MODULE_8__/* .settingText */ .S)()
        .optional()
        .describe('The routing key itself, written as "${VAR}" (a secret).'),
    url: (0,_setting_text_js__WEBPACK_IMPORTED_MODULE_8__/* .settingText */ .S)()
        .optional()
        .describe('Events API endpoint. Default https://events.pagerduty.com/v2/enqueue.'),
    service: (0,_setting_text_js__WEBPACK_IMPORTED_MODULE_8__/* .settingText */ .S)().optional().describe('Free text naming the paged service.'),
})
    .describe('The seed\'s "pager" channel (PagerDuty Events API v2).'));
/** The seed's `pager`: pages the on-call through PagerDuty, and resolves the page on recovery. */
const pager = (0,_channel_module_js__WEBPACK_IMPORTED_MODULE_9__/* .defineChannel */ .t)({
    name: 'pager',
    transport: 'http',
    summary: 'PagerDuty Events API v2: alerts and escalations trigger one incident per breach (dedup_key), recovery or a validated rollback resolves it.',
    get settingsSchema() {
        return settingsSchema();
    },
    variables: [
        {
            name: 'PAGERDUTY_ROUTING_KEY',
            input: 'pagerduty-routing-key',
            secret: true,
            required: true,
            description: 'PagerDuty Events API v2 integration (routing) key',
            settingKeys: ['routing_key'],
            variableNameKey: 'routing_key_env',
        },
        (0,_webhook_url_js__WEBPACK_IMPORTED_MODULE_3__/* .plainVariable */ .lz)('PAGERDUTY_EVENTS_URL', 'pagerduty-events-url', false, `Events API endpoint (default ${PAGERDUTY_EVENTS_URL}; EU accounts: https://events.eu.pagerduty.com/v2/enqueue)`, ['url']),
    ],
    settings: (vars, context) => {
        const routingKey = vars.PAGERDUTY_ROUTING_KEY;
        if (!routingKey)
            return ['PAGERDUTY_ROUTING_KEY is not set'];
        if (!/^[A-Za-z0-9]{32}$/.test(routingKey))
            return [
                'PAGERDUTY_ROUTING_KEY: expected the 32-character integration key of an Events API v2 integration',
            ];
        const url = vars.PAGERDUTY_EVENTS_URL || PAGERDUTY_EVENTS_URL;
        const problem = (0,_webhook_url_js__WEBPACK_IMPORTED_MODULE_3__/* .webhookUrlProblem */ .g2)('PAGERDUTY_EVENTS_URL', url, context.allowInsecureLoopback);
        return problem ? [problem] : { url, routingKey };
    },
    target: (s) => (0,_webhook_url_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTarget */ .ff)(s.url),
    render: (message, context) => renderPager(message, context.timestamp),
    // Each attempt sends every event of the message; resolving or re-triggering the same dedup_key
    // twice is harmless, so a retry after a partial success repeats them all.
    requests: (s, payload) => {
        const { also_resolve: others, ...event } = payload;
        const keys = Array.isArray(others) ? others : [];
        return [event, ...keys.map((key) => ({ event_action: 'resolve', dedup_key: key }))].map((e) => ({
            url: s.url,
            json: { routing_key: s.routingKey, ...e },
        }));
    },
    classify: classifyPagerDuty,
});


/***/ }),

/***/ 3953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ settingText)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__.dhashLazy(2311);

/** A string setting of a channel in the config file (it may hold `${VAR}`). */
const settingText = () => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP({ error: 'expected a string' });


/***/ }),

/***/ 9976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FZ: () => (/* binding */ webhookUrlVariable),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   ff: () => (/* reexport safe */ _url_target_js__WEBPACK_IMPORTED_MODULE_0__.f),
/* harmony export */   g2: () => (/* binding */ webhookUrlProblem),
/* harmony export */   lz: () => (/* binding */ plainVariable),
/* harmony export */   vO: () => (/* binding */ webhookUrl)
/* harmony export */ });
/* harmony import */ var _url_target_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9535);
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
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_V4 = new RegExp(`^127(\\.${OCTET}){3}$`);
/** localhost, 127.0.0.0/8 or ::1 (as URL hostnames write them). */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if (LOOPBACK_V4.test(host))
        return true;
    return host === '::1' || host === '0:0:0:0:0:0:0:1';
}
/** The URL in `variable` if it is https (or allowed loopback http), else the problem naming it. */
function webhookUrl(variable, vars, context) {
    const value = vars[variable];
    if (!value)
        return [`${variable} is not set`];
    const problem = webhookUrlProblem(variable, value, context.allowInsecureLoopback);
    return problem ? [problem] : { url: value };
}

/** A webhook URL variable: a secret the channel cannot work without. */
const webhookUrlVariable = (name, input, description, settingKeys = ['webhook_url', 'url']) => ({ name, input, secret: true, required: true, description, settingKeys });
/** A plain (non-secret) variable. */
const plainVariable = (name, input, required, description, settingKeys) => ({ name, input, secret: false, required, description, settingKeys });


/***/ }),

/***/ 9801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vR: () => (/* binding */ classifyDiscord),
  J: () => (/* binding */ classifyGenericWebhook),
  h_: () => (/* binding */ classifySlack),
  JJ: () => (/* binding */ classifySmtp),
  xo: () => (/* binding */ classifyStatus),
  JB: () => (/* binding */ classifyTeams),
  EO: () => (/* binding */ classifyTransportError)
});

// UNUSED EXPORTS: isPermanentStatus

;// CONCATENATED MODULE: ./src/domain/delivery/retry-after.ts
/**
 * `Retry-After` as RFC 9110 \u00a710.2.3 defines it: either delay-seconds (a non-negative integer) or
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
 * SMTP: 4xx replies are transient, 5xx permanent (RFC 5321 \u00a74.2.1); a failed login is permanent
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
    return `: ${text.length > 200 ? `${text.slice(0, 200)}\u2026` : text}`;
}


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UW: () => (/* binding */ GATE_CATALOG),
  rn: () => (/* binding */ GATE_NAMES),
  SZ: () => (/* binding */ METRIC_GATE_NAMES),
  oN: () => (/* binding */ SCRAPED_FAMILIES)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__.dhashLazy(2311);
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
 * histogram that fall on either side of the 1.1-interval rule get different factors \u2014 enough to
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
/** A series whose points in the window include a NaN or \u00b1Inf, named for the reason. */
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
/** 100 \u00d7 failed / all extractions over the window. */
function extractionFailurePercent(history, nowMs, windowMs) {
    const n = metric_names/* METRIC_NAMES */.U.extractions;
    const w = windowLabel(windowMs);
    const source = `100 * sum(increase(${n}{result="failure"}[${w}])) / sum(increase(${n}[${w}]))`;
    return ratio(history, n, nowMs, windowMs, (l) => l.result === 'failure', source, ['failed', 'extractions']);
}
/** 100 \u00d7 5xx / all HTTP responses over the window. */
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

// EXTERNAL MODULE: ./src/domain/lazily.ts
var lazily = __webpack_require__(2035);
// EXTERNAL MODULE: ./src/domain/gates/catalog/quantity.ts
var quantity = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/domain/gates/catalog/error-rate.ts






const threshold = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    max_error_percentage: (0,bounds/* percentage */.X1)()
        .default(3)
        .describe('Breach when more than this percent of HTTP responses in the window were 5xx. Default 3.'),
    evaluation_window_minutes: (0,bounds/* minutes */.Gx)(bounds/* BOUNDS */.QT.evaluationWindowMinutes).default(5).describe('Default 5.'),
    min_sample_size: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.sampleSize, 'requests')
        .default(10)
        .describe('Below this many requests in the window the gate is inconclusive. Default 10.'),
})
    .default({ max_error_percentage: 3, evaluation_window_minutes: 5, min_sample_size: 10 }));
const errorRateGate = {
    name: 'error_rate',
    unit: '%',
    summary: '5xx share of dhash_http_requests_total over the evaluation window.',
    get threshold() {
        return threshold();
    },
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
    wording: {
        breach: (r) => `${(0,quantity/* quantity */.a)(r.value, '%')} of HTTP responses over the evaluation window were 5xx errors, above the ${(0,quantity/* quantity */.a)(r.threshold, '%')} threshold.`,
        recovery: (r) => `5xx errors over the evaluation window are back to ${(0,quantity/* quantity */.a)(r.value, '%')} of HTTP responses, within the ${(0,quantity/* quantity */.a)(r.threshold, '%')} threshold.`,
    },
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/extraction-failure-rate.ts






const extraction_failure_rate_threshold = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    max_failure_percentage: (0,bounds/* percentage */.X1)()
        .default(5)
        .describe('Breach when more than this percent of extractions failed in the window. Default 5.'),
    evaluation_window_minutes: (0,bounds/* minutes */.Gx)(bounds/* BOUNDS */.QT.evaluationWindowMinutes).default(10).describe('Default 10.'),
    min_sample_size: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.sampleSize, 'extractions')
        .default(20)
        .describe('Below this many extractions in the window the gate is inconclusive. Default 20.'),
})
    .default({ max_failure_percentage: 5, evaluation_window_minutes: 10, min_sample_size: 20 }));
const extractionFailureRateGate = {
    name: 'extraction_failure_rate',
    unit: '%',
    summary: 'Failed share of dhash_extractions_total over the evaluation window.',
    get threshold() {
        return extraction_failure_rate_threshold();
    },
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
    wording: {
        breach: (r) => `${(0,quantity/* quantity */.a)(r.value, '%')} of extractions failed over the evaluation window, above the ${(0,quantity/* quantity */.a)(r.threshold, '%')} threshold.`,
        recovery: (r) => `Extraction failures over the evaluation window are back to ${(0,quantity/* quantity */.a)(r.value, '%')}, within the ${(0,quantity/* quantity */.a)(r.threshold, '%')} threshold.`,
    },
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/health.ts




const health_threshold = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    consecutive_failures: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.smallCount, 'consecutive failed checks')
        .default(2)
        .describe('Breach when more than this many health checks in a row fail. Default 2.'),
    check_interval_seconds: (0,bounds/* seconds */.YA)()
        .default(10)
        .describe('Seconds between two health checks (the health loop runs on its own timer). Default 10.'),
})
    .default({ consecutive_failures: 2, check_interval_seconds: 10 }));
/** GET /health: non-2xx, a timeout, an unparsable body or a status other than "ok" is a failed check. */
const healthGate = {
    name: 'health',
    unit: 'failed checks',
    summary: 'GET /health: non-2xx, timeout, unparsable JSON or status other than "ok" is a failed check; the gate breaches when failed checks in a row exceed consecutive_failures.',
    get threshold() {
        return health_threshold();
    },
    defaultFailureLimit: null,
    defaultActions: ['alert'],
    limits: (t) => ({ limit: t.consecutive_failures, checkIntervalSeconds: t.check_interval_seconds }),
    metricFamilies: [],
    scrape: { from: 'health' },
    promql: () => null,
    label: 'health',
    wording: {
        breach: (r) => `The health endpoint failed ${(0,quantity/* quantity */.a)(r.value, 'checks')} in a row, more than the ${r.threshold} allowed.`,
        recovery: (r) => `The health endpoint answers healthy again (a breach is more than ${r.threshold} failed checks in a row).`,
    },
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/low-confidence-queue.ts





const low_confidence_queue_threshold = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    max_queue_length: (0,bounds/* count */.U9)({ min: 1, max: bounds/* BOUNDS */.QT.queueLength.max }, 'queue items')
        .default(1000)
        .describe('Breach when more items than this wait for human review. Default 1000.'),
    check_interval_seconds: (0,bounds/* seconds */.YA)()
        .optional()
        .describe('Read the queue at most this often. Default: at every poll.'),
})
    .default({ max_queue_length: 1000 }));
const lowConfidenceQueueGate = {
    name: 'low_confidence_queue',
    unit: 'items',
    summary: 'Instant length of the low-confidence review queue.',
    get threshold() {
        return low_confidence_queue_threshold();
    },
    defaultFailureLimit: 2,
    defaultActions: ['alert'],
    limits: (t) => ({ limit: t.max_queue_length, checkIntervalSeconds: t.check_interval_seconds }),
    metricFamilies: [],
    scrape: { from: 'queue_status' },
    // The review queue is shared: the worst replica's view, never a sum that counts it twice.
    promql: (match) => ({ value: `max(${metric_names/* METRIC_NAMES */.U.queueLength}${match()})` }),
    label: 'low-confidence review queue',
    wording: {
        breach: (r) => `The low-confidence review queue holds ${(0,quantity/* quantity */.a)(r.value, 'items')}, more than the ${(0,quantity/* quantity */.a)(r.threshold, 'items')} allowed.`,
        recovery: (r) => `The low-confidence review queue is down to ${(0,quantity/* quantity */.a)(r.value, 'items')}, within the ${(0,quantity/* quantity */.a)(r.threshold, 'items')} allowed.`,
    },
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/memory-usage.ts






const memory_usage_threshold = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    max_usage_percentage: (0,bounds/* percentage */.X1)()
        .default(85)
        .describe('Breach when resident memory is above this percent of the memory limit. Default 85.'),
    check_interval_seconds: (0,bounds/* seconds */.YA)()
        .optional()
        .describe('Read memory at most this often. Default: at every poll.'),
})
    .default({ max_usage_percentage: 85 }));
const memoryUsageGate = {
    name: 'memory_usage',
    unit: '%',
    summary: 'process_resident_memory_bytes as a percentage of dhash_memory_limit_bytes (instant).',
    get threshold() {
        return memory_usage_threshold();
    },
    defaultFailureLimit: 2,
    defaultActions: ['alert'],
    limits: (t) => ({ limit: t.max_usage_percentage, checkIntervalSeconds: t.check_interval_seconds }),
    metricFamilies: [metric_names/* METRIC_NAMES */.U.residentMemory, metric_names/* METRIC_NAMES */.U.memoryLimit],
    scrape: { from: 'metrics', compute: (_history, latest) => memoryPercent(latest) },
    promql: (match) => ({
        value: `100 * max(${metric_names/* METRIC_NAMES */.U.residentMemory}${match()} / ${metric_names/* METRIC_NAMES */.U.memoryLimit}${match()})`,
    }),
    label: 'memory usage',
    wording: {
        breach: (r) => `Resident memory is at ${(0,quantity/* quantity */.a)(r.value, '%')} of the memory limit, above the ${(0,quantity/* quantity */.a)(r.threshold, '%')} threshold.`,
        recovery: (r) => `Resident memory is back to ${(0,quantity/* quantity */.a)(r.value, '%')} of the memory limit, within the ${(0,quantity/* quantity */.a)(r.threshold, '%')} threshold.`,
    },
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/p95-hash-time.ts






const p95_hash_time_threshold = (0,lazily/* lazily */.q)(() => schemas/* strictObject */.rej({
    max_time_ms: (0,bounds/* positiveUpTo */.s2)(3_600_000, 'milliseconds')
        .default(2000)
        .describe('Breach when the P95 hash time in the window is above this. Default 2000.'),
    evaluation_window_minutes: (0,bounds/* minutes */.Gx)(bounds/* BOUNDS */.QT.evaluationWindowMinutes).default(15).describe('Default 15.'),
    min_sample_size: (0,bounds/* count */.U9)(bounds/* BOUNDS */.QT.sampleSize, 'hashes')
        .default(50)
        .describe('Below this many hashes in the window the gate is inconclusive. Default 50.'),
})
    .default({ max_time_ms: 2000, evaluation_window_minutes: 15, min_sample_size: 50 }));
/** A windowed quantile over at least min_sample_size hashes is already persistent: one reading acts. */
const p95HashTimeGate = {
    name: 'p95_hash_time',
    unit: 'ms',
    summary: 'P95 of dhash_hash_duration_seconds over the evaluation window, from histogram bucket increases.',
    get threshold() {
        return p95_hash_time_threshold();
    },
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
    wording: {
        breach: (r) => `The 95th percentile of hash time over the evaluation window was ${(0,quantity/* quantity */.a)(r.value, 'ms')}, above the ${(0,quantity/* quantity */.a)(r.threshold, 'ms')} threshold.`,
        recovery: (r) => `The 95th percentile of hash time over the evaluation window is back to ${(0,quantity/* quantity */.a)(r.value, 'ms')}, within the ${(0,quantity/* quantity */.a)(r.threshold, 'ms')} threshold.`,
    },
};

;// CONCATENATED MODULE: ./src/domain/gates/catalog/catalog.ts






/**
 * Every gate, one module each, in the order plans, reports and the config schema list them.
 * Adding a gate is its module plus its line here: the gate names, the config schema, the
 * normalized config, the monitor's rules, both metric sources and the messages' wording all come
 * from this list. Each module is checked against GateModule in its own file, so a module that
 * lacks a part does not compile.
 */
const MODULES = [
    healthGate,
    extractionFailureRateGate,
    p95HashTimeGate,
    lowConfidenceQueueGate,
    memoryUsageGate,
    errorRateGate,
];
/** Each module under its name, with its own threshold type. */
const GATE_CATALOG = Object.fromEntries(MODULES.map((m) => [m.name, m]));
/** The gate names, catalog order (a tuple, as z.enum takes it). */
const GATE_NAMES = MODULES.map((m) => m.name);
const METRIC_GATE_NAMES = GATE_NAMES.filter((name) => name !== 'health');
/** Every metric family the scrape source keeps: the union of the gates' own. */
const SCRAPED_FAMILIES = new Set(MODULES.flatMap((g) => g.metricFamilies));


/***/ }),

/***/ 3339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mu: () => (/* binding */ GATE_ACTIONS)
/* harmony export */ });
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(303);
/**
 * The quality gates' names come from the catalog (catalog.ts): a gate is named by its module.
 * What a breach may do is the same for every gate.
 */

const GATE_ACTIONS = ['alert', 'auto_rollback'];


/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ quantity)
/* harmony export */ });
/** A value in a gate's unit as messages write it: "2450 ms", "91.5%", "no data" when there is none. */
function quantity(value, unit) {
    if (value === null || !Number.isFinite(value))
        return 'no data';
    const n = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
    if (unit === '%')
        return `${n}%`;
    return unit ? `${n} ${unit}` : n;
}


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
 * Anything not finite (a NaN or \u00b1Inf sample) is no data, never a number to judge.
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

/***/ 2035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ lazily)
/* harmony export */ });
/**
 * A value built on its first use and kept. For zod schemas: building them is most of a command's
 * start-up (zod makes an object per rule), and a command that never parses a config file, or reads
 * an already validated one from the start-up cache (src/config/config-cache.ts), never needs them.
 */
function lazily(build) {
    let built;
    return () => (built ??= { value: build() }).value;
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
    info: '\u2139\ufe0f',
    warning: '\u26a0\ufe0f',
    error: '\u274c',
    critical: '\ud83d\udea8',
};
/** Hex colours per level (green, amber, red, dark red). */
const LEVEL_COLOR = {
    info: 0x2eb67d,
    warning: 0xecb22e,
    error: 0xe01e5a,
    critical: 0x8b0000,
};
const VERDICT_MARK = {
    pass: '\u2705',
    warn: '\u26a0\ufe0f',
    fail: '\u274c',
    inconclusive: '\u2754',
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
/** "\u274c p95_hash_time: 2450 ms (threshold 2000 ms)". */
function gateLine(gate) {
    const value = gate.value === null ? 'no data' : withUnit(gate.value, gate.unit);
    const detail = gate.detail ? ` \u2014 ${gate.detail}` : '';
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
 * is marked with "\u2026" so a reader knows something is missing.
 */
const ELLIPSIS = '\u2026';
// Built on the first cut, not at load: creating a Segmenter loads ICU's break rules (about 8 ms),
// which every command would otherwise pay at start-up although only a message that is too long needs it.
let segmenter;
function graphemes(text) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
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
/** Drops a trailing entity that the cut left open (`\u2026&am`), so the text stays valid. */
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

/***/ 9535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ describeTarget)
/* harmony export */ });
/**
 * Where a request goes, without a path or query that may carry a token: scheme and host. Used for
 * every log line and message that names an HTTP peer (the HTTP client, the channels' targets).
 */
function describeTarget(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}`;
    }
    catch {
        return '(invalid URL)';
    }
}


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

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ closeHttpAgents),
/* harmony export */   J: () => (/* binding */ setUserAgent),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony export currentUserAgent */
/* harmony import */ var _domain_url_target_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9535);

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

async function httpRequest(req) {
    const connectTimeoutMs = req.connectTimeoutMs ?? 5_000;
    const timeoutMs = req.timeoutMs ?? 30_000;
    const maxBodyBytes = req.maxBodyBytes ?? 16 * 1024 * 1024;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
    const started = performance.now();
    const where = (0,_domain_url_target_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTarget */ .f)(req.url);
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
        const truncate = req.overLimit === 'truncate';
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (!truncate && Number.isFinite(declared) && declared > maxBodyBytes) {
            res.body.destroy();
            throw new HttpError('too_large', `response from ${where} is ${declared} bytes, above the ${maxBodyBytes}-byte limit`);
        }
        const chunks = [];
        let size = 0;
        let truncated = false;
        for await (const chunk of res.body) {
            const bytes = chunk;
            if (size + bytes.length > maxBodyBytes) {
                res.body.destroy();
                if (!truncate) {
                    throw new HttpError('too_large', `response from ${where} exceeded the ${maxBodyBytes}-byte limit`);
                }
                chunks.push(bytes.subarray(0, maxBodyBytes - size));
                truncated = true;
                break;
            }
            size += bytes.length;
            chunks.push(bytes);
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
            truncated,
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

} };
})
