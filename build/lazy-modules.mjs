// Loads a bundled package's modules on first use instead of when a module importing it loads.
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
// What changes: in every module outside the package, `var x = __webpack_require__(<id>);` of one
// of the package's modules becomes `var x = __webpack_require__.dhashLazy(<id>);`. The package's
// own modules are left as they are. The entry defines dhashLazy on its require function (the one
// every chunk's modules receive). Anything not in the expected shape throws at build time.

const MODULE_START = /^\/\*\*\*\/ (\d+):$/gm;
const REQUIRE = /\b(?:__webpack_require__|__nccwpck_require__)\((\d+)\)/g;
const IMPORT = /var (\w+) = (__webpack_require__|__nccwpck_require__)\((\d+)\);/g;

/** The modules of one bundle file: id → their text (the marker to the next marker). */
function modulesOf(code) {
  const starts = [...code.matchAll(MODULE_START)];
  return starts.map((match, i) => ({
    id: match[1],
    start: match.index,
    end: i + 1 < starts.length ? starts[i + 1].index : code.length,
  }));
}

/** The ids an importing module names as the package: its harmony imports and concatenated externals. */
function rootIds(code, packageName) {
  const require = '(?:__webpack_require__|__nccwpck_require__)\\((\\d+)\\);';
  const variable = packageName.replace(/[^\w$]/g, '_');
  const path = packageName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const harmony = new RegExp(`/\\* harmony import \\*/ var ${variable}__WEBPACK_IMPORTED_MODULE_\\d+__ = ${require}`, 'g');
  const external = new RegExp(`// EXTERNAL MODULE: \\./node_modules/${path}/[^\\n]*\\nvar \\w+ = ${require}`, 'g');
  return [...code.matchAll(harmony), ...code.matchAll(external)].map((match) => match[1]);
}

/**
 * The files of one bundle (name → text) with the package's modules made lazy where modules outside
 * it import them; `lazyIds` lists the ids of the package's modules (for the build's log and tests).
 */
export function lazyPackage(files, packageName) {
  const bodies = new Map();
  for (const [name, code] of Object.entries(files))
    for (const module of modulesOf(code)) bodies.set(module.id, { name, ...module });
  const roots = new Set(Object.values(files).flatMap((code) => rootIds(code, packageName)));
  if (roots.size === 0) throw new Error(`lazy-modules: no module of the bundle imports ${packageName}`);
  // The package's modules: the roots and everything they require (a package never requires ours).
  const inPackage = new Set();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.pop();
    if (inPackage.has(id)) continue;
    const body = bodies.get(id);
    if (!body) throw new Error(`lazy-modules: module ${id} of ${packageName} is in no file of the bundle`);
    inPackage.add(id);
    const text = files[body.name].slice(body.start, body.end);
    for (const match of text.matchAll(REQUIRE)) pending.push(match[1]);
  }
  const out = {};
  let replaced = 0;
  for (const [name, code] of Object.entries(files)) {
    let result = '';
    let at = 0;
    for (const module of modulesOf(code)) {
      if (inPackage.has(module.id)) continue;
      const text = code.slice(module.start, module.end);
      const lazy = text.replace(IMPORT, (whole, variable, require, id) => {
        if (!inPackage.has(id)) return whole;
        replaced++;
        return `var ${variable} = ${require}.dhashLazy(${id});`;
      });
      result += code.slice(at, module.start) + lazy;
      at = module.end;
    }
    out[name] = result + code.slice(at);
  }
  if (replaced === 0) throw new Error(`lazy-modules: no import of ${packageName} was in the expected shape`);
  return { files: out, lazyIds: [...inPackage].sort(), replaced };
}

/**
 * Defined in the entry, on its require function: the namespace of module `id` as a stand-in that
 * evaluates the module on first use and forwards every reflective operation to it.
 */
export const LAZY_MODULE_HELPER = `__nccwpck_require__.dhashLazy = function (id) {
  let real;
  const module = () => (real ??= __nccwpck_require__(id));
  return new Proxy({}, {
    get: (_, key) => module()[key],
    has: (_, key) => key in module(),
    ownKeys: () => Reflect.ownKeys(module()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(module(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
};
`;
