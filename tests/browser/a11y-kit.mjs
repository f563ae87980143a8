// Helpers for the accessibility, language and print tests: axe-core run inside
// the page (it looks into the element's open shadow root), history seeded
// through the public HistoryStore API, and the small measurements the tests
// repeat (focus, horizontal overflow).

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { app } from "./harness.mjs";

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
let axeSource = null;

/** The WCAG 2.2 AA rule set, as axe tags it. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe over the whole document and fails with a readable list when any
 * rule is violated. axe is evaluated through the DevTools protocol
 * (`page.evaluate(source)`), which the page's CSP (script-src 'self') does not
 * govern, so the page keeps its real policy: no bypassCSP, no script tag.
 */
export async function assertAccessible(page, label) {
  axeSource ??= await readFile(AXE, "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary.replace(/\s+/g, " ")}`).join("\n")}`);
  }, WCAG_TAGS);
  assert.deepEqual(violations, [], `axe found violations in ${label}:\n${violations.join("\n")}`);
}

/** What has focus inside the element: a short description, or null when focus left it. */
export async function focused(page) {
  return page.evaluate(() => {
    const host = document.querySelector("burnout-check");
    if (document.activeElement !== host) return null;
    const el = host.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute("name"),
      value: el.value ?? null,
      text: el.textContent.trim().slice(0, 80),
      heading: /^H[1-6]$/.test(el.tagName),
      inDialog: !!el.closest("dialog"),
      visibleRing: el.matches(":focus-visible") ? getComputedStyle(el).outlineStyle !== "none" : null,
    };
  });
}

/**
 * Null when nothing needs horizontal scrolling: the page is no wider than the
 * viewport, and nothing in the element sticks out on either side (in a
 * right-to-left layout overflow goes to the left, where scrollWidth misses it).
 */
export async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const root = document.querySelector("burnout-check")?.shadowRoot;
    const out = [...(root?.querySelectorAll("*") ?? [])].filter((el) => {
      if (el.closest(".visually-hidden, dialog:not([open]), .print-summary")) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
    });
    if (doc.scrollWidth <= window.innerWidth && out.length === 0) return null;
    const name = (el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}`;
    return { scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, outside: out.slice(0, 5).map(name) };
  });
}

/**
 * Saves quick checks and events through the public HistoryStore (the same
 * module the element uses), then reloads so the element reads them.
 * `entries`: `[{ date, level: "high" | "low" | "mid", note? }]`; `events`: addEvent requests;
 * `raw`: extra localStorage keys written as they are (e.g. an unreadable entry).
 */
export async function seedHistory(page, { entries = [], events = [], raw = {}, namespace = "burnout-check" }) {
  await page.evaluate(async ({ entries, events, raw, namespace }) => {
    const core = await import("/pkg/burnout_check.js");
    await core.default({ module_or_path: "/pkg/burnout_check_bg.wasm" });
    const q = core.questionnaire({ form: "quick", locale: "en" });
    const store = new core.HistoryStore(namespace);
    for (const { date, level, note } of entries) {
      const answers = {};
      for (const item of q.items) {
        const high = level === "high" ? !item.reverse : item.reverse;
        answers[item.id] = level === "mid" ? 2 : high ? 4 : 0;
      }
      const request = { form: "quick", locale: "en", answers, context: { secondary: [] }, at: Date.parse(`${date}T10:00:00Z`), date };
      if (note) request.note = note;
      store.save(request);
    }
    for (const event of events) store.addEvent(event);
    for (const [key, value] of Object.entries(raw)) localStorage.setItem(key, value);
    store.free?.();
  }, { entries, events, raw, namespace });
}

/** Clicks a button of the element by its accessible name and waits for `section`. */
export async function go(page, name, section) {
  await app(page).getByRole("button", { name, exact: true }).click();
  if (section) await app(page).locator(section).waitFor();
}
