import { describe, expect, test } from '@jest/globals';
// @ts-expect-error -- a plain-JS build script without type declarations
import * as lazyModules from '../../build/lazy-modules.mjs';

// build/lazy-modules.mjs makes the bundle evaluate zod on first use: modules outside the package
// import it through a stand-in. Run on a bundle in webpack's shape, with a runtime like webpack's.
const { lazyPackage, LAZY_MODULE_HELPER } = lazyModules as {
  lazyPackage: (
    files: Record<string, string>,
    name: string,
  ) => { files: Record<string, string>; lazyIds: string[]; replaced: number };
  LAZY_MODULE_HELPER: string;
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

/** Evaluates module 200 with a runtime like webpack's; returns its run() and the evaluation order. */
function load(code: string): { run: () => number; evaluated: number[] } {
  const evaluated: number[] = [];
  (globalThis as { evaluated?: number[] }).evaluated = evaluated;
  const body = code.slice(code.indexOf('export const modules = ') + 'export const modules = '.length).trim();
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundle text under test is code
  const modules = new Function(`return ${body.replace(/;$/, '')}`)() as Record<
    string,
    (module: object, exports: object, require: unknown) => void
  >;
  const cache: Record<string, object> = {};
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a runtime like webpack's, with the helper's text
  const require = new Function(
    'modules',
    'cache',
    `function __nccwpck_require__(id) {
      if (cache[id]) return cache[id];
      const exports = (cache[id] = {});
      modules[id]({}, exports, __nccwpck_require__);
      return exports;
    }
    __nccwpck_require__.d = (exports, getters) => {
      for (const key in getters) Object.defineProperty(exports, key, { enumerable: true, get: getters[key] });
    };
    ${LAZY_MODULE_HELPER}
    return __nccwpck_require__;`,
  )(modules, cache) as (id: number) => { run: () => number };
  return { run: require(200).run, evaluated };
}

describe('lazy modules (build/lazy-modules.mjs)', () => {
  test('the bundle as ncc emits it evaluates zod when module 200 loads', () => {
    const { run, evaluated } = load(chunk);
    expect(evaluated).toEqual([101, 100, 201, 200]);
    expect(run()).toBe(42 + 41 + 1000);
  });

  test('made lazy, zod is evaluated on first use and computes the same', () => {
    const { files, lazyIds, replaced } = lazyPackage({ '7.index.js': chunk }, 'zod');
    expect(lazyIds).toEqual(['100', '101']);
    expect(replaced).toBe(2);
    // The package's own modules are left as they are; our other imports too.
    expect(files['7.index.js']).toContain(
      'var core = __webpack_require__(101);\nglobalThis.evaluated.push(100);',
    );
    expect(files['7.index.js']).toContain(
      '_ours_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);',
    );
    const { run, evaluated } = load(files['7.index.js']);
    expect(evaluated).toEqual([201, 200]);
    expect(run()).toBe(42 + 41 + 1000);
    expect(evaluated).toEqual([201, 200, 101, 100]);
  });

  test('a bundle that does not import the package in the expected shape fails the build', () => {
    expect(() => lazyPackage({ 'index.js': chunk.replaceAll('zod', 'other') }, 'zod')).toThrow(
      /no module of the bundle imports zod/,
    );
    const missing = chunk.replace('/***/ 101:', '/***/ 102:');
    expect(() => lazyPackage({ 'index.js': missing }, 'zod')).toThrow(/module 101 of zod is in no file/);
  });
});
