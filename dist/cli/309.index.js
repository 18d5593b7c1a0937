export const id = 309;
export const ids = [309];
export const modules = {

/***/ 6309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JK: () => (/* binding */ lockDir),
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
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(env.target.root) ? env.target.root : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, env.target.root);
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


/***/ })

};
