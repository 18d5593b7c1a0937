// The wasm-inlined build of sql.js: the same API as 'sql.js', with the WebAssembly embedded in
// the JavaScript, so ncc bundles it without a separate .wasm asset.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
