// The framed side of the iframe mode (embed.html). The widget runs on its own
// origin, so the host page's scripts cannot read its storage; the two talk only
// through postMessage, and only with the parent origin named in the fragment
// (`#origin=https://host.example`), which the browser enforces on delivery.
//
// Frame -> parent: { type: "burnout-check:size", height }
//                  { type: "burnout-check:event", name, detail }   (the element's events, already free of answers)
//                  { type: "burnout-check:reveal", top, height }    (a dialog opened here; please scroll it into view)
// Parent -> frame: { type: "burnout-check:hello" }                  (answered with a size message)

import { define } from "./src/define.js";
import { EVENTS } from "./src/embed-events.js";

const ATTRIBUTES = ["lang", "form", "storage-key", "theme", "crisis-resources"];

const sheet = new CSSStyleSheet();
// The frame is sized to the element's box, so nothing inside may stick out of it
// (an absolutely placed live region would otherwise make the frame scroll).
sheet.replaceSync("html, body { margin: 0; padding: 0; background: transparent; } burnout-check { margin: 0; position: relative; overflow: clip; }");
document.adoptedStyleSheets = [sheet];

const check = document.querySelector("burnout-check");
const params = new URLSearchParams(location.hash.slice(1));
const parentOrigin = trustedParentOrigin(params.get("origin"));

applySettings(params);
define("burnout-check", { wasmUrl: new URL("./pkg/burnout_check_bg.wasm", import.meta.url) });

if (parentOrigin) {
  check.recipient = new URL(parentOrigin).host;
  const post = (message) => window.parent.postMessage(message, parentOrigin);

  let lastHeight = 0;
  const sendSize = (force = false) => {
    const height = Math.ceil(check.getBoundingClientRect().height);
    if (height > 0 && (force || height !== lastHeight)) {
      lastHeight = height;
      post({ type: "burnout-check:size", height });
    }
  };
  new ResizeObserver(() => sendSize()).observe(check);

  for (const name of Object.values(EVENTS)) {
    check.addEventListener(name, (event) => post({ type: "burnout-check:event", name, detail: event.detail }));
  }

  // A modal dialog is centred in this frame's viewport, which may be far below
  // what the person sees; ask the host to bring it into view.
  const watchDialogs = () => {
    if (!check.shadowRoot) return;
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.localName === "dialog" && r.target.open) {
          const box = r.target.getBoundingClientRect();
          post({ type: "burnout-check:reveal", top: Math.round(box.top + window.scrollY), height: Math.round(box.height) });
        }
      }
    }).observe(check.shadowRoot, { subtree: true, attributes: true, attributeFilter: ["open"] });
  };
  customElements.whenDefined("burnout-check").then(watchDialogs);

  window.addEventListener("message", (event) => {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    if (event.data?.type === "burnout-check:hello") sendSize(true);
  });
} else {
  // Not framed by a named origin: nothing is shared, whatever the fragment asked.
  check.removeAttribute("share-result");
}

// The host may change settings later by changing the fragment (no reload).
window.addEventListener("hashchange", () => applySettings(new URLSearchParams(location.hash.slice(1))));

function applySettings(p) {
  for (const name of ATTRIBUTES) {
    const value = p.get(name);
    if (value === null) check.removeAttribute(name);
    else check.setAttribute(name, value); // attribute values are only ever read as text
  }
  if (p.has("share-result") && parentOrigin) check.setAttribute("share-result", "");
  else check.removeAttribute("share-result");
}

/**
 * The parent origin from the fragment, if it is a plain http(s) origin, this
 * document really is framed, and (where the browser tells us) the parent is
 * that origin. Otherwise null: no messages are sent at all.
 */
function trustedParentOrigin(value) {
  if (!value || window.parent === window) return null;
  let origin;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    origin = url.origin;
  } catch {
    return null;
  }
  if (origin !== value.replace(/\/$/, "")) return null;
  const actual = location.ancestorOrigins?.[0];
  if (actual && actual !== origin) return null;
  return origin;
}
