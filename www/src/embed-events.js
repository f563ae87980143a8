// What the element tells the page it lives on. Every event is a CustomEvent that
// bubbles and crosses the shadow boundary (`composed`), and no detail ever
// carries an answer or a note: the page sees the profile and indices only when
// it asked with `share-result` and the person was told before they started.

export const EVENTS = Object.freeze({
  ready: "burnout-check:ready",
  complete: "burnout-check:complete",
  saved: "burnout-check:saved",
  error: "burnout-check:error",
});

const INDICES = ["strain", "wear", "load", "mismatch", "compensation"];

/** Dispatches `type` on `el` with a frozen copy of `detail`. */
export function emit(el, type, detail) {
  el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: deepFreeze(detail) }));
}

/**
 * The `burnout-check:complete` detail. `shared` says whether the person was told
 * this page would see the result; only then are the profile and indices added,
 * copied field by field so nothing else from the assessment can slip through.
 */
export function completeDetail(form, assessment, shared) {
  const detail = { form, shared: !!shared };
  if (shared) {
    const indices = {};
    for (const id of INDICES) {
      const v = assessment?.indices?.[id];
      indices[id] = typeof v === "number" ? v : null;
    }
    detail.result = { profile: String(assessment?.profile ?? ""), indices };
  }
  return detail;
}

/** An error detail: a stable `code` for the page's code and a message for its developers. */
export function errorDetail(code, error) {
  return { code, message: String(error?.message ?? error ?? "") };
}

// The smallest valid module: if compiling it fails, the page's policy (or the
// browser) forbids WebAssembly, whatever else went wrong.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** Why the core did not load: `unsupported`, `wasm-blocked` (CSP) or `load-failed`. */
export function classifyLoadFailure() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.Module !== "function") return "unsupported";
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch {
    return "wasm-blocked";
  }
  return "load-failed";
}

function deepFreeze(value) {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
