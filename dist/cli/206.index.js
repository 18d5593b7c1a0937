export const id = 206;
export const ids = [206];
export const modules = {

/***/ 206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerDemo: () => (/* binding */ registerDemo)
/* harmony export */ });
/* harmony import */ var _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8313);
/* harmony import */ var _common_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6570);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1604);



const HELP = `
Runs the product's main job for real on this machine, in a temporary workspace: the reference
service 1.0.0 on a local target with load running, a guarded rollout of 2.0.0 (healthy, with a
migration) that passes its gates, a guarded rollout of 3.0.0 (a regression baked into the
release) that a quality gate catches and rolls back to 2.0.0 with its data, then proof that 2.0.0
is healthy again. Notifications go to any channels configured in the environment or
.env.notifications, and otherwise into the replayable fallback file. Works from a checkout or
an installed package (the service's release bundles are prebuilt in dist/). Takes about 2-3
minutes of real time.

Exit codes: 0 every step above was observed, 1 something was not (the story says what).`;
function registerDemo(program, io) {
    program
        .command('demo')
        .description('Run the end-to-end demo: v1 under load, a passing rollout of v2, a regressed v3 caught and rolled back.')
        .option('--window-seconds <n>', 'length of each monitoring window in real seconds', '40')
        .option('--rate <n>', 'requests per second offered by the load generator', '15')
        .option('--workspace <dir>', 'directory to work in (default: a new temporary directory)')
        .addHelpText('after', HELP)
        .action(async (flags) => {
        const windowSeconds = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_1__/* .numberFlag */ .C$)('--window-seconds', flags.windowSeconds, { min: 10 });
        const rate = (0,_common_options_js__WEBPACK_IMPORTED_MODULE_1__/* .numberFlag */ .C$)('--rate', flags.rate, { min: 1 });
        const controller = new AbortController();
        const onSignal = () => {
            io.stderr.write('\ninterrupted: stopping the service and the load generator …\n');
            controller.abort(new Error('interrupted'));
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
            // The demo (and everything it drives) loads only when the demo runs.
            const { runDemo } = await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(341), __webpack_require__.e(928), __webpack_require__.e(488), __webpack_require__.e(931), __webpack_require__.e(781), __webpack_require__.e(741), __webpack_require__.e(180), __webpack_require__.e(404), __webpack_require__.e(309)]).then(__webpack_require__.bind(__webpack_require__, 4404));
            const result = await runDemo({
                windowSeconds,
                rate,
                workspace: flags.workspace,
                out: (l) => {
                    (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, l);
                },
                clock: io.clock,
                env: io.env,
                signal: controller.signal,
            });
            (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, '');
            (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, result.ok
                ? `DEMO PASSED: all ${result.checks.length} checks observed.`
                : `DEMO FAILED: ${result.checks
                    .filter((c) => !c.ok)
                    .map((c) => c.what)
                    .join('; ')}`);
            if (result.reportPath)
                (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(io, `Open the report: ${result.reportPath}`);
            io.exitCode = result.ok ? _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.ok : _runtime_exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .y.failed;
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    });
}


/***/ })

};
