// Loads a bundled package's modules on first use, from a file of their own, instead of when a
// module importing the package loads.
//
// Why: zod's modules take about 2 ms to evaluate (it builds its classes and regular expressions),
// and every command imports the config modules, which import zod. Our schemas are built on first
// use (src/domain/lazily.ts), and a run whose config file this build has already validated never
// builds one (src/config/config-cache.ts), so such a run never needs zod at all; webpack still
// evaluates it at the import. The ES module source cannot say "synchronously, on first use"
// (config loading is synchronous for its callers), but the bundle can: webpack reads an imported
// module's exports as properties of its namespace object at the moment they are used
// (`zod__WEBPACK_IMPORTED_MODULE_3__.YjP(...)`), so the namespace can be a stand-in that
// evaluates the module on the first property read.
//
// Their own file, because a chunk's V8 code cache holds every function the run that wrote it
// compiled: the first run of a command validates its config with zod, so zod's code would be read
// and deserialized (about 400 KB of source and 200 KB of cache) by every later run that never
// calls it.
//
// What changes: in every module outside the package, `var x = __webpack_require__(<id>);` of one
// of the package's modules becomes `var x = __webpack_require__.dhashLazy(<id>);`. The package's
// modules move, untouched, from the chunks to one more chunk file (LAZY_FILE): the stand-in
// loads it, synchronously, through the entry's loader, and adds its modules to webpack's. The
// entry defines dhashLazy on its require function (the one every chunk's modules receive). Any
// other reference to a package module, or a bundle not in the expected shape, fails the build.

const MODULE_START = /^\/\*\*\*\/ (\d+):$/gm;
const MODULE_END = '/***/ })';
const REQUIRE = /\b(?:__webpack_require__|__nccwpck_require__)\((\d+)\)/g;
const IMPORT = /var (\w+) = (__webpack_require__|__nccwpck_require__)\((\d+)\);/g;

/** The file the package's modules move to (a chunk's shape; webpack never loads it as one). */
export const lazyFile = (packageName) => `lazy-${packageName.replace(/[^\w-]/g, '_')}.index.js`;

/**
 * The modules of one bundle file, each from its marker to the next marker; the last one to the end
 * of its factory (`/***\/ })`), so what follows the modules object is no module's.
 */
function modulesOf(code, label) {
  const starts = [...code.matchAll(MODULE_START)];
  return starts.map((match, i) => {
    if (i + 1 < starts.length) return { id: match[1], start: match.index, end: starts[i + 1].index };
    const close = code.lastIndexOf(MODULE_END);
    if (close < match.index) throw new Error(`lazy-modules: ${label}: module ${match[1]} does not end`);
    return { id: match[1], start: match.index, end: close + MODULE_END.length };
  });
}

/** The ids an importing module names as the package: its harmony imports and concatenated externals. */
function rootIds(code, packageName) {
  const require = '(?:__webpack_require__|__nccwpck_require__)\\((\\d+)\\);';
  const variable = packageName.replace(/[^\w$]/g, '_');
  const path = packageName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const harmony = new RegExp(
    `/\\* harmony import \\*/ var ${variable}__WEBPACK_IMPORTED_MODULE_\\d+__ = ${require}`,
    'g',
  );
  const external = new RegExp(
    `// EXTERNAL MODULE: \\./node_modules/${path}/[^\\n]*\\nvar \\w+ = ${require}`,
    'g',
  );
  return [...code.matchAll(harmony), ...code.matchAll(external)].map((match) => match[1]);
}

/** The package's modules: the roots and everything they require (a package never requires ours). */
function packageModules(files, packageName) {
  const bodies = new Map();
  for (const [name, code] of Object.entries(files))
    for (const module of modulesOf(code, name)) bodies.set(module.id, code.slice(module.start, module.end));
  const roots = new Set(Object.values(files).flatMap((code) => rootIds(code, packageName)));
  if (roots.size === 0) throw new Error(`lazy-modules: no module of the bundle imports ${packageName}`);
  const inPackage = new Map();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.pop();
    if (inPackage.has(id)) continue;
    const body = bodies.get(id);
    if (body === undefined)
      throw new Error(`lazy-modules: module ${id} of ${packageName} is in no file of the bundle`);
    inPackage.set(id, body);
    for (const match of body.matchAll(REQUIRE)) pending.push(match[1]);
  }
  return inPackage;
}

/**
 * The files of one bundle (name → text) with the package's modules made lazy where modules outside
 * it import them, and moved to a file of their own (`lazyFile(packageName)`, added to the result);
 * `lazyIds` lists their ids (for the build's log and tests). They move from the entry (index.js)
 * too: its modules object is webpack's, where the stand-in adds them back.
 */
export function lazyPackage(files, packageName) {
  const inPackage = packageModules(files, packageName);
  const out = {};
  const moved = new Map();
  let replaced = 0;
  for (const [name, code] of Object.entries(files)) {
    let result = '';
    let at = 0;
    for (const module of modulesOf(code, name)) {
      if (inPackage.has(module.id)) {
        moved.set(module.id, inPackage.get(module.id));
        result += code.slice(at, module.start);
        at = module.end;
        continue;
      }
      const text = code.slice(module.start, module.end);
      const lazy = text.replace(IMPORT, (whole, variable, require, id) => {
        if (!inPackage.has(id)) return whole;
        replaced++;
        return `var ${variable} = ${require}.dhashLazy(${id});`;
      });
      for (const match of lazy.matchAll(REQUIRE))
        if (inPackage.has(match[1]))
          throw new Error(
            `lazy-modules: ${name}: module ${module.id} uses ${packageName}'s module ${match[1]} other than by an import`,
          );
      result += code.slice(at, module.start) + lazy;
      at = module.end;
    }
    out[name] = result + code.slice(at);
  }
  if (replaced === 0) throw new Error(`lazy-modules: no import of ${packageName} was in the expected shape`);
  const bodies = [...moved.values()].map((body) => {
    const text = body.trimEnd();
    return text.endsWith(MODULE_END) ? `${text},` : text;
  });
  out[lazyFile(packageName)] =
    `export const id = 0;\nexport const ids = [0];\nexport const modules = {\n\n${bodies.join('\n\n')}\n\n};\n`;
  return { files: out, lazyIds: [...inPackage.keys()].sort(), replaced };
}

/**
 * Defined once at the top of the entry script: a stand-in for a module's exports that calls
 * `load` on first use and forwards every reflective operation to what it returned. With
 * `plainExports`, it answers `__esModule` (webpack's interop test) as undefined without loading:
 * for Node's built-ins, whose exports are a plain object.
 */
export const STAND_IN_HELPER = `function __dhashStandIn(load, plainExports = false) {
  let real;
  const module = () => (real ??= load());
  return new Proxy({}, {
    get: (_, key) => (plainExports && key === '__esModule' ? undefined : module()[key]),
    set: (_, key, value) => { module()[key] = value; return true; },
    has: (_, key) => key in module(),
    ownKeys: () => Reflect.ownKeys(module()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(module(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
`;

/**
 * Defined in the entry, on its require function (after STAND_IN_HELPER): the namespace of module
 * `id` as a stand-in that evaluates the module on first use, loading the package's file first when
 * its modules are not installed yet.
 */
export function lazyModuleHelper(packageName) {
  return `__nccwpck_require__.dhashLazy = (id) =>
  __dhashStandIn(() => {
    if (!(id in __nccwpck_require__.m))
      Object.assign(__nccwpck_require__.m, __dhashLoadChunk(${JSON.stringify(lazyFile(packageName))}).modules);
    return __nccwpck_require__(id);
  });
`;
}
