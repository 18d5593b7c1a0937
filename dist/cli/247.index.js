"use strict";
(function (__dhashImportMetaUrl) {
return { id: 247, ids: [247], modules: {

/***/ 9247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerConfigSchema: () => (/* binding */ registerConfigSchema)
});

// EXTERNAL MODULE: ./src/domain/gates/catalog/names.ts
var names = __webpack_require__(3339);
// EXTERNAL MODULE: ./src/config/channels-schema.ts
var channels_schema = __webpack_require__(350);
// EXTERNAL MODULE: ./src/config/file-schema.ts
var file_schema = __webpack_require__(7496);
;// CONCATENATED MODULE: ./src/config/schema.ts
/**
 * One import for the config's names and types: the file's schema (file-schema.ts, the seed's
 * shape) and the normalized model the commands consume (model.ts).
 */




// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/commands/config-schema.ts


function registerConfigSchema(program, io) {
    program
        .command('config-schema')
        .description('Print the JSON Schema of quality-gates-config.json (generated from the zod schema).')
        .action(() => {
        (0,cli_io/* print */.yy)(io, JSON.stringify((0,file_schema/* configJsonSchema */.Mk)(), null, 2));
    });
}


/***/ })

} };
})
