// The standalone page's first script: starts compiling the core while the
// element's modules are still loading, so the two overlap. An embedding page
// does not load this file; there the core is compiled when the element asks for it.

const url = new URL("../pkg/burnout_check_bg.wasm", import.meta.url).href;
if (typeof WebAssembly?.compileStreaming === "function") {
  const promise = WebAssembly.compileStreaming(fetch(url));
  promise.catch(() => {}); // core.js then fetches it again itself and reports what went wrong
  globalThis[Symbol.for("burnout-check.compiled")] = { url, promise };
}
