// Loads the wasm core once per page. Importing this file does nothing by itself;
// `loadCore` starts the download (the glue module and the wasm) the first time an
// element asks for it, which is once its start screen is up: the start screen
// needs neither.
//
// Every call into the core goes through a guard. The core reports bad input and
// storage trouble as typed errors (an Error with a string `kind`); anything else
// (a WebAssembly.RuntimeError from a trap, or the glue refusing an object a trap
// left borrowed) means this instance can no longer be trusted. The guard then
// calls `onFault` (the element starts a fresh instance) and throws a typed error
// of kind `trap`, so callers handle it like any other failure.

// Relative to this module, so the element works wherever the files are hosted
// (the same place as `new URL("./pkg/burnout_check_bg.wasm", entry)`).
export const DEFAULT_WASM_URL = new URL("../pkg/burnout_check_bg.wasm", import.meta.url);

let loading = null;
let instances = 0;

/** The core's exports, once the wasm module is instantiated (shared by every element on the page). */
export function loadCore(wasmUrl = DEFAULT_WASM_URL) {
  loading ??= import(new URL("../pkg/burnout_check.js", import.meta.url).href).then(async (core) => {
    await core.default({ module_or_path: wasmUrl });
    return { ...core, instance: ++instances };
  });
  loading.catch(() => (loading = null)); // a failed download may be retried later
  return loading;
}

/**
 * A new, separate instance of the core: the glue module is imported again under
 * another URL, so it gets its own wasm memory. The service worker ignores the
 * query, so this works offline too.
 */
export async function freshCore(wasmUrl = DEFAULT_WASM_URL) {
  const n = ++instances;
  const glue = await import(new URL(`../pkg/burnout_check.js?instance=${n}`, import.meta.url).href);
  await glue.default({ module_or_path: wasmUrl });
  return { ...glue, instance: n };
}

/** Whether `e` is one of the core's own errors (bad input, storage), not a fault inside it. */
export function isTypedError(e) {
  return e instanceof Error && typeof e.kind === "string";
}

/** The error a guarded call throws after a fault. */
function trapError(cause) {
  const e = new Error(`the calculation stopped unexpectedly (${cause?.message ?? String(cause)})`, { cause });
  e.kind = "trap";
  return e;
}

/**
 * On a guarded core, the unguarded exports: for work the person did not ask for
 * (the element's scoring warm-up), whose failure must not restart the core and
 * tell them so. A fault it leaves behind shows at the next guarded call.
 */
export const UNGUARDED = Symbol("unguarded");

/**
 * `raw` (a plain object of the core's exports, mutable: a test may replace an
 * export) with every function and every object a constructor returns guarded.
 */
export function guard(raw, onFault) {
  const call = (fn, self, args, construct) => {
    try {
      return construct ? wrapObject(Reflect.construct(fn, args)) : Reflect.apply(fn, self, args);
    } catch (e) {
      if (isTypedError(e)) throw e;
      onFault(e);
      throw trapError(e);
    }
  };
  const wrapFunction = (get, self) =>
    function guarded(...args) {
      return call(get(), self, args, new.target !== undefined);
    };
  const wrapObject = (obj) =>
    new Proxy(obj, {
      get(target, name) {
        const value = Reflect.get(target, name, target);
        return typeof value === "function" && name !== "constructor" ? wrapFunction(() => Reflect.get(target, name, target), target) : value;
      },
    });
  return new Proxy(raw, {
    get(target, name) {
      if (name === UNGUARDED) return target;
      const value = target[name];
      // Looked up at call time, so a replaced export is guarded too.
      return typeof value === "function" ? wrapFunction(() => target[name], target) : value;
    },
  });
}
