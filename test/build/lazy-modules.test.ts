import { describe, expect, test } from '@jest/globals';
// @ts-expect-error -- a plain-JS build script without type declarations
import * as lazyModules from '../../build/lazy-modules.mjs';

// build/lazy-modules.mjs makes the bundle evaluate zod on first use: modules outside the package
// import it through a stand-in. Run on a bundle in webpack's shape, with a runtime like webpack's.
const { lazyPackage, lazyModuleHelper, STAND_IN_HELPER } = lazyModules as {
  lazyPackage: (
    files: Record<string, string>,
    name: string,
  ) => { files: Record<string, string>; lazyIds: string[]; replaced: number };
  lazyModuleHelper: (name: string) => string;
  STAND_IN_HELPER: string;
};

const chunk = `export const id = 7;
export const ids = [7];
export const modules = {

/***/ 100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
// EXPORTS
__webpack_require__.d(__webpack_exports__, { a: () => a });
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(101);
globalThis.evaluated.push(100);
const a = () => core.b() + 1;

/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
globalThis.evaluated.push(101);
__webpack_require__.d(__webpack_exports__, { b: () => b });
const b = () => 41;

/***/ }),

/***/ 200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, { run: () => run });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(100);
/* harmony import */ var _ours_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(101);
globalThis.evaluated.push(200);
const run = () => zod__WEBPACK_IMPORTED_MODULE_0__.a() + core.b() + _ours_js__WEBPACK_IMPORTED_MODULE_1__.c;

/***/ }),

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
globalThis.evaluated.push(201);
__webpack_require__.d(__webpack_exports__, { c: () => c });
const c = 1000;

/***/ })

};
`;

type Factory = (module: object, exports: object, require: unknown) => void;

/** The modules object of a file in a chunk's shape. */
function modulesOf(code: string): Record<string, Factory> {
  const body = code.slice(code.indexOf('export const modules = ') + 'export const modules = '.length).trim();
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundle text under test is code
  return new Function(`return ${body.replace(/;$/, '')}`)() as Record<string, Factory>;
}

/**
 * Evaluates module 200 of `files['7.index.js']` with a runtime like webpack's (the entry's loader
 * gives other files on request); returns its run(), the evaluation order and the files loaded.
 */
function load(files: Record<string, string>): { run: () => number; evaluated: number[]; loaded: string[] } {
  const evaluated: number[] = [];
  const loaded: string[] = [];
  (globalThis as { evaluated?: number[] }).evaluated = evaluated;
  const loadChunk = (name: string): { modules: Record<string, Factory> } => {
    loaded.push(name);
    return { modules: modulesOf(files[name]) };
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a runtime like webpack's, with the helper's text
  const require = new Function(
    'modules',
    '__dhashLoadChunk',
    `const cache = {};
    function __nccwpck_require__(id) {
      if (cache[id]) return cache[id];
      const exports = (cache[id] = {});
      modules[id]({}, exports, __nccwpck_require__);
      return exports;
    }
    __nccwpck_require__.m = modules;
    __nccwpck_require__.d = (exports, getters) => {
      for (const key in getters) Object.defineProperty(exports, key, { enumerable: true, get: getters[key] });
    };
    ${STAND_IN_HELPER}
    ${lazyModuleHelper('zod')}
    return __nccwpck_require__;`,
  )(modulesOf(files['7.index.js']), loadChunk) as (id: number) => { run: () => number };
  return { run: require(200).run, evaluated, loaded };
}

describe('lazy modules (build/lazy-modules.mjs)', () => {
  test('the bundle as ncc emits it evaluates zod when module 200 loads', () => {
    const { run, evaluated, loaded } = load({ '7.index.js': chunk });
    expect(evaluated).toEqual([101, 100, 201, 200]);
    expect(run()).toBe(42 + 41 + 1000);
    expect(loaded).toEqual([]);
  });

  test('made lazy, zod moves to its own file, which is loaded and evaluated on first use', () => {
    const { files, lazyIds, replaced } = lazyPackage({ '7.index.js': chunk }, 'zod');
    expect(lazyIds).toEqual(['100', '101']);
    expect(replaced).toBe(2);
    expect(Object.keys(files).sort()).toEqual(['7.index.js', 'lazy-zod.index.js']);
    // The package's modules, untouched, in their own file; our other imports as they were.
    expect(Object.keys(modulesOf(files['lazy-zod.index.js']))).toEqual(['100', '101']);
    expect(Object.keys(modulesOf(files['7.index.js']))).toEqual(['200', '201']);
    expect(files['lazy-zod.index.js']).toContain(
      'var core = __webpack_require__(101);\nglobalThis.evaluated.push(100);',
    );
    expect(files['7.index.js']).toContain(
      '_ours_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);',
    );
    const { run, evaluated, loaded } = load(files);
    expect(evaluated).toEqual([201, 200]);
    expect(loaded).toEqual([]);
    expect(run()).toBe(42 + 41 + 1000);
    expect(evaluated).toEqual([201, 200, 101, 100]);
    expect(run()).toBe(42 + 41 + 1000);
    expect(loaded).toEqual(['lazy-zod.index.js']);
  });

  test('the last module of a chunk moves too, and the chunk stays valid', () => {
    const reordered = chunk
      .replace(/\/\*{3}\/ 101:[\s\S]*?\/\*{3}\/ \}\),\n\n/, '')
      .replace(
        '/***/ })\n\n};',
        `/***/ }),\n\n${/\/\*{3}\/ 101:[\s\S]*?\/\*{3}\/ \}\)/.exec(chunk)![0]}\n\n};`,
      );
    // Module 101 is now the chunk's last (object keys would list it in number order).
    expect(reordered.indexOf('/***/ 101:')).toBeGreaterThan(reordered.indexOf('/***/ 201:'));
    expect(Object.keys(modulesOf(reordered))).toEqual(['100', '101', '200', '201']);
    const { files } = lazyPackage({ '7.index.js': reordered }, 'zod');
    expect(Object.keys(modulesOf(files['7.index.js']))).toEqual(['200', '201']);
    expect(load(files).run()).toBe(42 + 41 + 1000);
  });

  test('a bundle that uses the package other than by imports, or not in the expected shape, fails the build', () => {
    expect(() => lazyPackage({ '7.index.js': chunk.replaceAll('zod', 'other') }, 'zod')).toThrow(
      /no module of the bundle imports zod/,
    );
    const missing = chunk.replace('/***/ 101:', '/***/ 102:');
    expect(() => lazyPackage({ '7.index.js': missing }, 'zod')).toThrow(/module 101 of zod is in no file/);
    const inline = chunk.replace('const c = 1000;', 'const c = 1000 + __webpack_require__(101).b();');
    expect(() => lazyPackage({ '7.index.js': inline }, 'zod')).toThrow(
      /7\.index\.js: module 201 uses zod's module 101 other than by an import/,
    );
  });
});
