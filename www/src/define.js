// Registers the element. Safe to call more than once, and a host may pick its own tag.

import { BurnoutCheck } from "./element.js";

/**
 * Defines `<tag>` (default `burnout-check`) and returns its class. A second
 * call with a tag that is already defined changes nothing. `wasmUrl` says where
 * the core's .wasm file lives when it is not next to `pkg/` of this copy.
 */
export function define(tag = "burnout-check", { wasmUrl } = {}) {
  if (wasmUrl) BurnoutCheck.wasmUrl = new URL(wasmUrl, document.baseURI);
  const existing = customElements.get(tag);
  if (existing) return existing;
  try {
    customElements.define(tag, BurnoutCheck);
    return BurnoutCheck;
  } catch (e) {
    // One constructor can back only one tag: a second tag gets a subclass.
    if (e?.name !== "NotSupportedError") throw e;
    const Alias = class extends BurnoutCheck {};
    customElements.define(tag, Alias);
    return Alias;
  }
}

export { BurnoutCheck };
