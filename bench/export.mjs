// A history export made by this checkout's own module (Node, in-memory
// localStorage), shared by run.mjs and compare.mjs; also how many characters of
// localStorage each full-form entry took.

import { readFileSync } from "node:fs";

export async function makeExport(entries) {
  class MemStorage {
    m = new Map();
    getItem(k) { return this.m.has(k) ? this.m.get(k) : null; }
    setItem(k, v) { this.m.set(k, String(v)); }
    removeItem(k) { this.m.delete(k); }
    key(i) { return [...this.m.keys()][i] ?? null; }
    get length() { return this.m.size; }
  }
  const storage = new MemStorage();
  globalThis.Window = function Window() {};
  Object.defineProperty(globalThis.Window, Symbol.hasInstance, { value: () => true });
  Object.defineProperty(globalThis, "localStorage", { value: storage, configurable: true });
  const core = await import("../www/pkg/burnout_check.js");
  core.initSync({ module: readFileSync(new URL("../www/pkg/burnout_check_bg.wasm", import.meta.url)) });
  core.setTexts(readFileSync(new URL("../www/pkg/texts-en.json", import.meta.url), "utf8"));
  const ids = core.questionnaire({ form: "full" }).items.map((i) => i.id);
  const store = new core.HistoryStore("bench");
  const day = 86400000;
  const start = Date.UTC(2015, 0, 1);
  for (let n = 0; n < entries; n++) {
    // Weekly-ish checks over years; answers drift so results vary.
    const at = start + n * 2 * day + 9 * 3600000;
    const answers = Object.fromEntries(ids.map((id, k) => [id, (n + k * 3 + Math.floor(n / 50)) % 5]));
    store.save({ form: "full", locale: "en", answers, context: { duration: "6_12m", scope: "work", secondary: [] }, at, date: new Date(at).toISOString().slice(0, 10), note: n % 10 ? null : "a note of a few words" });
  }
  let chars = 0;
  for (const [k, v] of storage.m) if (k.startsWith("bench:e:")) chars += k.length + v.length;
  const text = store.exportJson();
  forgetBrowserGlobals();
  return { text, perEntryChars: chars / entries };
}

/**
 * Takes back the stand-ins for the browser that loading the core in Node needed:
 * left in place, a `Window` that every object is an instance of breaks
 * Playwright's own code in this process (its clicks and arguments to the page).
 * Also called after an older checkout's export.mjs, which left them.
 */
export function forgetBrowserGlobals() {
  delete globalThis.Window;
  delete globalThis.localStorage;
}
