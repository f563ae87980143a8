// WCAG 2.2 AA in every state, checked by axe-core in real Chromium: every
// questionnaire step (with the open-question warning and the context step),
// the result (with support first, and with masking), the history (empty, with
// checks, time off, a change and an unreadable record), every dialog, the
// notices; in light and dark, in English, German and Spanish. The German and
// Spanish tours run 320 px wide (200 % zoom of a 640 px window, the reflow
// width) and also check that nothing scrolls sideways and nothing shows in English.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, openPage, useServerAndBrowser } from "./harness.mjs";
import { assertAccessible, assertNoFallback, overflow, seedHistory } from "./a11y-kit.mjs";

const env = useServerAndBrowser();

const NOW = new Date("2026-04-20T10:00:00+02:00");

/** A history with every kind of record: checks before and after time off, a change, a masking full check, one unreadable record. */
const HISTORY = {
  entries: [
    { date: "2026-02-23", level: "high", note: "Projekt X" },
    { date: "2026-03-09", level: "high" },
    { date: "2026-03-23", level: "low" },
    { date: "2026-04-08", level: "masking", form: "full" },
    { date: "2026-04-14", level: "high" },
  ],
  events: [
    { kind: "rest", start: "2026-03-12", end: "2026-03-20", type: "vacation", note: "Mallorca" },
    { kind: "rest", start: "2026-04-17", end: "2026-04-19", type: "weekend" },
    { kind: "change", date: "2026-04-01", what: "manager" },
  ],
  raw: { "burnout-check:entry:ebroken1": '{"id":"ebroken1","date":"2026-0' },
};

// Answers that make strain very high: support comes first on the result.
const pickHigh = (item) => (item.reverse ? 0 : 4);

/**
 * Walks every state once, calling `check(label)` in each. Starts from a page
 * already showing the start screen with HISTORY seeded.
 */
async function tour(page, check, { names }) {
  const el = app(page);
  await check("start");

  await el.locator("button.crisis").first().click();
  await el.locator("dialog.crisis-dialog[open]").waitFor();
  await check("crisis dialog");
  await page.keyboard.press("Escape");

  // Every questionnaire step of the full check; the first one also with its warning.
  await el.locator('input[name="form"][value="full"]').check();
  await el.locator("section.start button[type=submit]").click();
  const items = await page.evaluate(async () => {
    const core = await import("/pkg/burnout_check.js");
    await core.default({ module_or_path: "/pkg/burnout_check_bg.wasm" });
    if (!core.hasTexts("en")) core.setTexts(await (await fetch("/pkg/texts-en.json")).text());
    return core.questionnaire({ form: "full", locale: "en" }).items;
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  for (let step = 1; ; step++) {
    const section = el.locator("section.questions");
    await section.waitFor();
    const sets = section.locator("fieldset[data-item]");
    const n = await sets.count();
    if (n === 0) break;
    await check(`step ${step}`);
    if (step === 1) {
      await section.locator("button[type=submit]").click();
      await section.locator("#bc-open:not([hidden])").waitFor();
      await check("step 1 with the open-question warning");
    }
    for (let i = 0; i < n; i++) {
      const id = await sets.nth(i).getAttribute("data-item");
      await sets.nth(i).locator(`input[value="${pickHigh(byId.get(id))}"]`).check();
    }
    const before = await section.locator(".progress .muted").textContent();
    await section.locator("button[type=submit]").click();
    await page.waitForFunction((b) => document.querySelector("burnout-check").shadowRoot.querySelector(".progress .muted")?.textContent !== b, before);
  }
  await el.locator('input[name="ctx-duration"]').first().check();
  await check("context step");
  await el.locator("section.questions button[type=submit]").click();
  await el.locator("section.result aside.support").waitFor();
  await check("result with support first");

  await el.locator("section.result button.print-button").click();
  await el.locator("dialog.print-dialog[open]").waitFor();
  await check("print dialog");
  await page.keyboard.press("Escape");

  await el.getByRole("button", { name: names.history, exact: true }).click();
  await el.locator("section.history").waitFor();
  await check("history with checks, time off, a change and an unreadable record");

  // The masking full check from the history.
  await el.locator("table.entries tr", { hasText: names.fullForm }).locator("button").first().click();
  await el.locator('section.result li[data-flag="masking"]').waitFor();
  await check("result with masking");

  await el.getByRole("button", { name: names.history, exact: true }).click();
  await el.locator("section.history button.delete-all").click();
  await el.locator("dialog.confirm[open]").waitFor();
  await check("delete-all confirmation");
  await el.locator("dialog.confirm button[value=confirm]").click();
  await el.locator("section.history p.empty").waitFor();
  await check("empty history");
}

const NAMES = {
  en: { history: "History", fullForm: "Full check" },
  de: { history: "Verlauf", fullForm: "Ausführlicher Check" },
  es: { history: "Historial", fullForm: "Chequeo completo" },
};

/** Opens the page in `locale` with the history seeded and `theme` set as the brief's matrix says. */
async function openTour({ locale, colorScheme = "light", theme = null, width = 1280, dir = null }) {
  const opened = await openPage(env.browser, env.server.url, { locale, colorScheme, time: NOW, viewport: { width, height: 900 } });
  const { page } = opened;
  await page.goto(env.server.url);
  await app(page).locator("section.start").waitFor();
  await seedHistory(page, HISTORY);
  await page.reload();
  await app(page).locator("section.start").waitFor();
  await page.evaluate(({ theme, dir }) => {
    const el = document.querySelector("burnout-check");
    if (theme) el.setAttribute("theme", theme);
    if (dir) el.setAttribute("dir", dir);
  }, { theme, dir });
  return opened;
}

for (const variant of [
  { name: "English, light", locale: "en", colorScheme: "light" },
  { name: "English, dark by theme attribute", locale: "en", colorScheme: "light", theme: "dark" },
  { name: "German, dark by the system setting, 320 px", locale: "de", colorScheme: "dark", width: 320 },
  { name: "Spanish, light, 320 px", locale: "es", colorScheme: "light", width: 320 },
  { name: "Spanish, dark by theme attribute and system", locale: "es", colorScheme: "dark", theme: "dark" },
]) {
  test(`axe finds no WCAG 2.2 AA violation in any state: ${variant.name}`, async () => {
    const { context, page, problems } = await openTour(variant);
    const labels = [];
    await tour(page, async (label) => {
      labels.push(label);
      const where = `${variant.name}: ${label}`;
      await assertAccessible(page, where);
      if (variant.width <= 320) assert.equal(await overflow(page), null, `${where}: nothing scrolls sideways`);
      if (variant.locale !== "en") await assertNoFallback(page, variant.locale, where);
    }, { names: NAMES[variant.locale] });
    assert.ok(labels.length >= 17, `every state was visited (${labels.length})`);
    assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
    await context.close();
  });
}

test("axe finds no violation where storage is blocked: the notices on the result and the history", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { time: NOW });
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await page.goto(env.server.url);
  const el = app(page);
  await el.locator("section.start").waitFor();
  await el.locator('input[name="form"][value="quick"]').check();
  await el.locator("section.start button[type=submit]").click();
  for (;;) {
    const sets = el.locator("section.questions fieldset[data-item]");
    await el.locator("section.questions").waitFor();
    const n = await sets.count();
    for (let i = 0; i < n; i++) await sets.nth(i).locator('input[value="2"]').check();
    await el.locator("section.questions button[type=submit]").click();
    if (n === 0) break;
  }
  await el.locator("section.result .notice").first().waitFor();
  await assertAccessible(page, "result with the not-kept notice");
  await el.getByRole("button", { name: "History", exact: true }).click();
  await el.locator("section.history .notice").first().waitFor();
  await assertAccessible(page, "history with the not-kept notice");
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
