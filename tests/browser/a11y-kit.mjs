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
 * `entries`: `[{ date, level: "high" | "low" | "mid" | "masking", form?: "quick" | "full", note? }]`; `events`: addEvent requests;
 * `raw`: extra localStorage keys written as they are (e.g. an unreadable entry).
 */
export async function seedHistory(page, { entries = [], events = [], raw = {}, namespace = "burnout-check" }) {
  await page.evaluate(async ({ entries, events, raw, namespace }) => {
    const core = await import("/pkg/burnout_check.js");
    await core.default({ module_or_path: "/pkg/burnout_check_bg.wasm" });
    if (!core.hasTexts("en")) core.setTexts(await (await fetch("/pkg/texts-en.json")).text());
    const store = new core.HistoryStore(namespace);
    const COMPENSATION = ["sustained_performance", "invisible_strain", "pushing_through"];
    for (const { date, level, note, form = "quick" } of entries) {
      const q = core.questionnaire({ form, locale: "en" });
      const answers = {};
      for (const item of q.items) {
        // "masking": still delivering (compensation high) under middling strain.
        const wantHigh = level === "high" || (level === "masking" && COMPENSATION.includes(item.construct));
        const mid = level === "mid" || (level === "masking" && !wantHigh);
        answers[item.id] = mid ? 2 : wantHigh !== item.reverse ? 4 : 0;
      }
      const request = { form, locale: "en", answers, context: { secondary: [] }, at: Date.parse(`${date}T10:00:00Z`), date };
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

/**
 * Fails when the element, rendered in `locale`, shows any English text of its
 * own (an interface string, a question, an answer label) or a raw key or an
 * unfilled placeholder. English strings that the locale shares word for word
 * (a brand, "Check") do not count.
 */
export async function assertNoFallback(page, locale, label) {
  const { TEXTS } = await import("./texts.mjs");
  const own = new Set(Object.values(TEXTS[locale]).flat());
  const english = Object.values(TEXTS.en).flat().filter((v) => !own.has(v));
  // Templates become patterns: "{n} of {total} answered" matches "3 of 9 answered".
  const escape = (s) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  const patterns = english.map((v) => new RegExp(`^${escape(v).replace(/\\?\{\w+\\?\}/g, ".+").replace(/\{\w+\}/g, ".+")}$`, "s"));
  const keys = new Set(Object.keys(TEXTS.en));
  const shown = await page.evaluate(async (locale) => {
    const core = await import("/pkg/burnout_check.js");
    await core.default({ module_or_path: "/pkg/burnout_check_bg.wasm" });
    for (const loc of ["en", locale]) {
      if (!core.hasTexts(loc)) core.setTexts(await (await fetch(`/pkg/texts-${loc}.json`)).text());
    }
    const coreEnglish = new Set();
    const coreOwn = new Set();
    for (const [loc, set] of [["en", coreEnglish], [locale, coreOwn]]) {
      for (const form of ["full", "quick"]) {
        const q = core.questionnaire({ form, locale: loc });
        for (const i of q.items) set.add(i.text);
        for (const p of q.scale) set.add(p.label);
        for (const c of q.context) { set.add(c.text); for (const o of c.options) set.add(o.label); }
      }
    }
    const root = document.querySelector("burnout-check").shadowRoot;
    const texts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (el?.closest('[lang]:not(.app)') && el.closest("[lang]").getAttribute("lang") !== locale) continue; // e.g. "English" in the picker
      const t = walker.currentNode.textContent.trim();
      if (t) texts.push(t);
    }
    for (const el of root.querySelectorAll("[aria-label], [data-label], [title]")) {
      for (const a of ["aria-label", "data-label", "title"]) if (el.hasAttribute(a)) texts.push(el.getAttribute(a));
    }
    return { texts, coreEnglish: [...coreEnglish].filter((t) => !coreOwn.has(t)) };
  }, locale);
  const problems = [];
  const coreEnglish = new Set(shown.coreEnglish);
  const functionWords = /\b(the|and|you|your|with|this|that|what|would|should|have|been)\b/i;
  for (const text of shown.texts) {
    if (keys.has(text)) problems.push(`raw key: ${text}`);
    else if (/\{\w+\}/.test(text)) problems.push(`unfilled placeholder: ${text}`);
    else if (coreEnglish.has(text)) problems.push(`English question text: ${text}`);
    else if (patterns.some((p) => p.test(text))) problems.push(`English interface text: ${text}`);
    else if (functionWords.test(text)) problems.push(`looks English: ${text}`);
  }
  assert.deepEqual(problems, [], `${label} in ${locale}`);
}
