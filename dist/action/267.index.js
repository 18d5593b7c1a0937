"use strict";
(function (__dhashImportMetaUrl) {
return { id: 267, ids: [267], modules: {

/***/ 93267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateAction: () => (/* binding */ validateAction)
/* harmony export */ });
/* harmony import */ var _commands_validate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30010);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38037);


const validateAction = (ctx) => {
    const result = (0,_commands_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .validateCommand */ .M)(ctx.loadConfig());
    for (const warning of result.warnings)
        ctx.core.warning(warning, { title: 'dhash-rollout config' });
    const effective = JSON.stringify(result.effective, null, 2);
    const summary = [
        `## dhash-rollout: config valid for \`${result.environment}\``,
        `Source: \`${result.source}\` \u00b7 environments: ${result.environments.map((e) => `\`${e}\``).join(', ')}`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['notification channel', 'settings'], Object.entries(result.notification_settings).map(([c, s]) => [
            c,
            s === 'set' ? '\u2705 set' : '\u26a0\ufe0f missing',
        ])),
        '<details><summary>Effective configuration (secrets redacted)</summary>\n',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(effective, 'json'),
        '</details>',
    ].join('\n\n');
    return {
        outputs: {
            result: 'valid',
            environment: result.environment,
            'effective-config': JSON.stringify(result.effective),
        },
        summary,
    };
};


/***/ }),

/***/ 38037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export escapeCell */
/** Small Markdown builders for job summaries; cells are escaped so values cannot break tables. */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    return [head, rule, ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)].join('\n');
}
function codeBlock(text, lang = '') {
    return `\`\`\`${lang}\n${text}\n\`\`\``;
}


/***/ }),

/***/ 30010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ validateCommand)
/* harmony export */ });
/* unused harmony export invalidResult */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);

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
        problems: error instanceof ConfigError ? error.problems : [error.message],
    };
}


/***/ })

} };
})
