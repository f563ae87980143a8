// Loads the wasm core once per page. Importing this file does nothing by itself;
// `loadCore` starts the download the first time an element asks for it.

import init, * as core from "../pkg/burnout_check.js";

// Relative to this module, so the element works wherever the files are hosted
// (the same place as `new URL("./pkg/burnout_check_bg.wasm", entry)`).
export const DEFAULT_WASM_URL = new URL("../pkg/burnout_check_bg.wasm", import.meta.url);

let loading = null;

/** The core's exports, once the wasm module is instantiated. */
export function loadCore(wasmUrl = DEFAULT_WASM_URL) {
  loading ??= init({ module_or_path: wasmUrl }).then(() => core);
  loading.catch(() => (loading = null)); // a failed download may be retried later
  return loading;
}
