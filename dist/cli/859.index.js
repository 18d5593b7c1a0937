"use strict";
(function (__dhashImportMetaUrl) {
return { id: 859, ids: [859], modules: {

/***/ 2859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerValidate: () => (/* binding */ registerValidate)
});

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/validate.ts

/**
 * `validate`: the config has already been parsed and checked by the loader (which throws on any
 * problem); this use-case assembles what an operator needs to see to trust it.
 */
function validateCommand(config) {
    const settings = {};
    for (const channel of config.env.notifications.channels)
        settings[channel] = config.warnings.some((w) => w.includes(`"${channel}"`)) ? 'missing' : 'set';
    return {
        ok: true,
        source: config.source,
        environment: config.envName,
        environments: Object.keys(config.file.environments),
        effective: config.redactor.value(config.env),
        notification_settings: settings,
        warnings: config.warnings,
    };
}
/** What `validate --json` prints for a file (or flags) it cannot accept. */
function invalidResult(error) {
    return {
        ok: false,
        exit_code: error.exitCode,
        problems: error instanceof errors/* ConfigError */.xL ? error.problems : [error.message],
    };
}

// EXTERNAL MODULE: ./src/cli/common-options.ts
var common_options = __webpack_require__(6570);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/commands/validate.ts




function registerValidate(program, io) {
    (0,common_options/* addConfigOptions */.S0)(program
        .command('validate')
        .description('Validate the config and print the effective configuration of one environment (secrets redacted).')
        .option('--json', 'print the result as JSON')).action((flags) => {
        let result;
        try {
            result = validateCommand((0,common_options/* loadFromFlags */.q8)(flags, io));
        }
        catch (error) {
            // --json promises JSON on stdout, for a bad file too; the exit code stays the error's.
            if (flags.json && error instanceof errors/* DhashError */.RP)
                (0,cli_io/* print */.yy)(io, JSON.stringify(invalidResult(error), null, 2));
            throw error;
        }
        if (flags.json) {
            (0,cli_io/* print */.yy)(io, JSON.stringify(result, null, 2));
            return;
        }
        (0,cli_io/* print */.yy)(io, `\u2714 ${result.source} is valid (environments: ${result.environments.join(', ')})`);
        (0,cli_io/* print */.yy)(io, `Effective configuration for "${result.environment}":`);
        (0,cli_io/* print */.yy)(io, JSON.stringify(result.effective, null, 2));
        for (const warning of result.warnings)
            io.stderr.write(`warning: ${warning}\n`);
    });
}


/***/ })

} };
})
