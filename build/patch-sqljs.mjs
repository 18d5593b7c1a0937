// sql.js sets `module = undefined` before its Emscripten code runs, and that code then tests
// `typeof module !== "undefined"` — which webpack (inside ncc) folds to `true`, so a bundle throws
// "Cannot set properties of undefined (setting 'exports')" on the first database open.
// The folded test is put back to what it evaluates to at run time: false.
const FOLDED = /true&&\(module\.exports=([A-Za-z_$][\w$]*)\)/g;

/** Returns the bundle with the folded sql.js module check undone; throws if it is ambiguous. */
export function patchSqlJsModuleCheck(code, label = 'bundle') {
  const matches = code.match(FOLDED) ?? [];
  if (matches.length === 0) return code;
  if (matches.length !== 1)
    throw new Error(`${label}: expected one folded sql.js module check, found ${matches.length}`);
  return code.replace(FOLDED, 'false&&(module.exports=$1)');
}
