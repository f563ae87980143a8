// The host side of the iframe mode: <burnout-check-frame> frames embed.html from
// the widget's own origin, sizes the frame to its content and re-dispatches the
// widget's events on itself. The person's history stays in the widget's origin,
// out of reach of the host page's scripts.
//
//   <script type="module" src="https://widget.example/burnout-check/embed-host.js"></script>
//   <burnout-check-frame lang="de" form="quick"></burnout-check-frame>
//
// A copy of this file on the host's own origin works too: then give the frame's
// address in `src` (https://widget.example/burnout-check/embed.html).

const DEFAULT_SRC = new URL("./embed.html", import.meta.url);
const SETTINGS = ["lang", "form", "storage-key", "theme", "crisis-resources"];
const EVENT_NAMES = new Set(["burnout-check:ready", "burnout-check:complete", "burnout-check:saved", "burnout-check:error"]);
const MAX_HEIGHT = 20000;

/**
 * What the frame needs, and why:
 * allow-scripts: the widget is a script; allow-same-origin: keeps the widget's
 * real origin, so its localStorage works (the host is another origin, so this
 * grants nothing over the host); allow-forms: every button that moves the
 * check on submits a form, and dialogs close through <form method="dialog">;
 * allow-downloads: export to JSON/CSV; allow-modals: print();
 * allow-popups + allow-popups-to-escape-sandbox: the host's crisis links open
 * in a new, normal tab.
 */
export const SANDBOX = "allow-scripts allow-same-origin allow-forms allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox";

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(":host { display: block; } :host([hidden]) { display: none; } iframe { display: block; inline-size: 100%; block-size: 30rem; border: 0; color-scheme: normal; }");
  }
  return sheet;
}

export class BurnoutCheckFrame extends HTMLElement {
  static observedAttributes = [...SETTINGS, "share-result", "src", "title"];

  #iframe = null;
  #origin = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styles()];
    this.#iframe = document.createElement("iframe");
    this.#iframe.setAttribute("sandbox", SANDBOX);
    this.#iframe.setAttribute("referrerpolicy", "no-referrer");
    this.#iframe.setAttribute("part", "frame");
    root.append(this.#iframe);
    // Ask for the current size once the frame is there, in case a message came before we listened.
    this.#iframe.addEventListener("load", () => this.#iframe.contentWindow?.postMessage({ type: "burnout-check:hello" }, this.#origin));
  }

  /** The iframe element (for tests and for hosts that want to style or measure it). */
  get frame() {
    return this.#iframe;
  }

  connectedCallback() {
    window.addEventListener("message", this.#onMessage);
    this.#update();
  }

  disconnectedCallback() {
    window.removeEventListener("message", this.#onMessage);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#update();
  }

  #update() {
    const url = new URL(this.getAttribute("src") || DEFAULT_SRC, document.baseURI);
    const params = new URLSearchParams();
    params.set("origin", location.origin);
    // Language from the nearest `lang` when the element has none, as inline.
    const lang = this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang");
    for (const name of SETTINGS) {
      const value = name === "lang" ? lang : this.getAttribute(name);
      if (value) params.set(name, value);
    }
    if (this.hasAttribute("share-result")) params.set("share-result", "");
    url.hash = params.toString();
    this.#origin = url.origin;
    this.#iframe.title = this.getAttribute("title") || "Burnout check";
    if (this.#iframe.src !== url.href) this.#iframe.src = url.href; // a changed fragment does not reload
  }

  #onMessage = (event) => {
    // Only our own frame, from the origin we framed.
    if (event.source !== this.#iframe.contentWindow || event.origin !== this.#origin) return;
    const data = event.data;
    if (!data || typeof data !== "object") return;
    if (data.type === "burnout-check:size") {
      const height = Number(data.height);
      if (Number.isFinite(height) && height > 0) this.#iframe.style.blockSize = `${Math.min(Math.ceil(height), MAX_HEIGHT)}px`;
    } else if (data.type === "burnout-check:event" && EVENT_NAMES.has(data.name)) {
      this.dispatchEvent(new CustomEvent(data.name, { bubbles: true, composed: true, detail: data.detail ?? null }));
    } else if (data.type === "burnout-check:reveal") {
      const top = Number(data.top);
      const height = Number(data.height);
      if (!Number.isFinite(top) || !Number.isFinite(height)) return;
      const box = this.#iframe.getBoundingClientRect();
      const visibleTop = box.top + top;
      if (visibleTop < 0 || visibleTop + height > window.innerHeight) {
        window.scrollBy({ top: visibleTop - Math.max(0, (window.innerHeight - height) / 2) });
      }
    }
  };
}

if (!customElements.get("burnout-check-frame")) customElements.define("burnout-check-frame", BurnoutCheckFrame);
