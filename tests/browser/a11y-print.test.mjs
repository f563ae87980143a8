// The printed summary: one page about what would need to change, holding no
// more than the person ticked. Checked on paper: print media, a real PDF
// (its page count) and what is visible in it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, openPage, useServerAndBrowser } from "./harness.mjs";
import { go, seedHistory } from "./a11y-kit.mjs";

const env = useServerAndBrowser();

const NOW = new Date("2026-04-20T10:00:00+02:00");
const LONG_NOTE = "Ein langer Satz über die Woche, der sich wiederholt. ".repeat(9).trim();

const pdfPages = async (page, format = "A4") => (await page.pdf({ format })).toString("latin1").match(/\/Type\s*\/Page[^s]/g).length;

/** A year of quick checks, several rests and changes, long notes: the fullest history to print. */
function fullHistory() {
  const entries = [];
  for (let m = 5; m <= 12; m++) entries.push({ date: `2025-${String(m).padStart(2, "0")}-10`, level: m % 3 ? "high" : "mid", note: LONG_NOTE });
  entries.push({ date: "2026-01-12", level: "low" }, { date: "2026-02-16", level: "high", note: LONG_NOTE });
  entries.push({ date: "2026-03-30", level: "masking", form: "full", note: "Privat: nur für mich." });
  entries.push({ date: "2026-04-14", level: "high", note: "Private note, not for the meeting." });
  const events = [];
  for (let m = 6; m <= 12; m += 2) events.push({ kind: "rest", start: `2025-${String(m).padStart(2, "0")}-14`, end: `2025-${String(m).padStart(2, "0")}-21`, type: "vacation", note: LONG_NOTE });
  events.push({ kind: "change", date: "2026-01-05", what: "team", note: "Neues Team" }, { kind: "change", date: "2026-03-02", what: "hours", note: LONG_NOTE });
  return { entries, events };
}

async function openWith(history, options = {}) {
  const opened = await openPage(env.browser, env.server.url, { time: NOW, ...options });
  // window.print() opens no dialog in a test; count the calls instead.
  await opened.page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await opened.page.goto(env.server.url);
  await app(opened.page).locator("section.start").waitFor();
  await seedHistory(opened.page, history);
  await opened.page.reload();
  await app(opened.page).locator("section.start").waitFor();
  return opened;
}

/** Opens the print options, ticks exactly `include`, prints. */
async function printWith(page, include) {
  const el = app(page);
  await el.locator("button.print-button").click();
  const dialog = el.locator("dialog.print-dialog[open]");
  await dialog.waitFor();
  for (const box of await dialog.locator('input[type="checkbox"]').all()) {
    await box.setChecked(include.includes(await box.getAttribute("name")));
  }
  const printed = await page.evaluate(() => window.__printed);
  await dialog.locator("button[value=print]").click();
  assert.equal(await el.locator("dialog.print-dialog").evaluate((d) => d.open), false);
  // The dialog's close event (which prints) comes in a task after it closes.
  await page.waitForFunction((before) => window.__printed > before, printed);
}

test("the options start minimal, and the default printout of a result holds only the frame", async () => {
  const { context, page } = await openWith({ entries: [{ date: "2026-04-14", level: "high", note: "Private note, not for the meeting." }] });
  await go(page, "History", "section.history");
  await app(page).getByRole("button", { name: /^Show the check from/ }).click();
  await app(page).locator("section.result").waitFor();
  const el = app(page);

  // Nothing optional is ticked when the dialog opens; a screen shows no summary.
  await el.locator("button.print-button").click();
  const boxes = el.locator("dialog.print-dialog[open] input[type=checkbox]");
  assert.deepEqual(await boxes.evaluateAll((bs) => bs.map((b) => [b.name, b.checked])), [["scores", false], ["details", false], ["notes", false]],
    "with a single check there is no history to offer");
  await page.keyboard.press("Escape");
  assert.equal(await el.locator(".print-summary").isVisible(), false, "hidden on screen");

  // Printing without ticking anything.
  await printWith(page, []);
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: "print" });
  const summary = el.locator("section.result .print-summary");
  assert.equal(await summary.isVisible(), true);
  assert.equal(await el.locator("section.result .profile-title").isVisible(), false, "the screen's result is not printed");
  assert.equal(await el.locator("header").isVisible(), false);
  const text = await summary.textContent();
  assert.match(text, /What would need to change/);
  assert.match(text, /Where a change would help most/);
  assert.match(text, /To talk about/);
  assert.match(text, /not a diagnosis/);
  for (const absent of ["table.summary-scores", ".summary-explanation", ".summary-flags", ".summary-note", "svg.chart"]) {
    assert.equal(await summary.locator(absent).count(), 0, `${absent} is left out`);
  }
  assert.doesNotMatch(text, /Private note/);
  assert.doesNotMatch(text, /Strain \d+ of 100/);
  assert.equal(await pdfPages(page), 1);
  await context.close();
});

test("a result with everything ticked, printed from the dark theme: black on white, still one page", async () => {
  const { context, page } = await openWith(fullHistory(), { colorScheme: "dark" });
  await page.evaluate(() => document.querySelector("burnout-check").setAttribute("theme", "dark"));
  await go(page, "History", "section.history");
  await app(page).getByRole("button", { name: /^Show the check from Apr 14, 2026/ }).click();
  await app(page).locator("section.result").waitFor();
  await printWith(page, ["scores", "details", "history", "notes"]);
  await page.emulateMedia({ media: "print" });
  const summary = app(page).locator("section.result .print-summary");
  assert.equal(await summary.getAttribute("data-include"), "scores details history notes");
  for (const present of ["table.summary-scores", ".summary-explanation", ".summary-note", "svg.trend-chart", ".summary-events"]) {
    assert.equal(await summary.locator(present).count(), 1, `${present} is included`);
  }
  assert.match(await summary.locator(".summary-note").textContent(), /Private note, not for the meeting\./);
  assert.equal(await summary.evaluate((s) => getComputedStyle(s).color), "rgb(0, 0, 0)", "dark text on paper");
  assert.equal(await summary.locator("svg.trend-chart .value-label").first().evaluate((t) => getComputedStyle(t).fill), "rgb(0, 0, 0)");
  assert.equal(await pdfPages(page), 1);
  assert.equal(await pdfPages(page, "Letter"), 1, "US Letter too");
  await context.close();
});

test("the history's summary: over time when ticked, notes only when ticked, the latest events only, one page", async () => {
  const { context, page } = await openWith(fullHistory());
  await go(page, "History", "section.history");
  const el = app(page);
  const summary = el.locator("section.history .print-summary");

  await printWith(page, ["history"]);
  await page.emulateMedia({ media: "print" });
  assert.equal(await el.locator("section.history table.entries").isVisible(), false);
  assert.equal(await summary.isVisible(), true);
  assert.match(await summary.locator(".summary-when").textContent(), /^Latest check: April 14, 2026/);
  assert.equal(await summary.locator("svg.trend-chart g.point").count(), 12);
  assert.equal(await summary.locator(".summary-events li").count(), 5, "the five latest events");
  assert.match(await summary.textContent(), /1 earlier entries not shown\./);
  assert.equal(await summary.locator(".summary-event-note").count(), 0, "notes were not ticked");
  assert.doesNotMatch(await summary.textContent(), /Neues Team|Private note/);
  assert.equal(await pdfPages(page), 1);

  // Everything, long notes included: still one page (notes are shortened on paper).
  await page.emulateMedia({ media: "screen" });
  await printWith(page, ["scores", "details", "history", "notes"]);
  await page.emulateMedia({ media: "print" });
  assert.ok(await summary.locator(".summary-event-note").count() >= 2);
  assert.match(await summary.textContent(), /Private note, not for the meeting\./);
  assert.equal(await pdfPages(page), 1);
  assert.equal(await pdfPages(page, "Letter"), 1, "US Letter too");
  assert.equal(await page.evaluate(() => window.__printed), 2);
  await context.close();
});

test("the summary is in the person's language, German included", async () => {
  const { context, page } = await openWith({ entries: [{ date: "2026-04-14", level: "high" }] }, { locale: "de-DE" });
  await app(page).locator("nav button").nth(1).click();
  await app(page).locator("section.history").waitFor();
  await printWith(page, ["scores"]);
  await page.emulateMedia({ media: "print" });
  const summary = app(page).locator("section.history .print-summary");
  assert.match(await summary.locator(".summary-title").textContent(), /^Was sich ändern müsste$/);
  assert.match(await summary.locator(".summary-when").textContent(), /^Letzter Check: 14\. April 2026/);
  assert.equal(await pdfPages(page), 1);
  await context.close();
});

test("the history's summary is made once the view is shown, or when the browser prints first, and reads the latest check only then", async () => {
  for (const print of ["print media", "beforeprint"]) {
    const { context, page } = await openWith(fullHistory());
    await page.waitForFunction(() => document.querySelector("burnout-check")._core);
    // No idle moment comes: only printing can make the summary.
    await page.evaluate(() => {
      window.requestIdleCallback = () => 0;
      const stores = document.querySelector("burnout-check")._unguardedCore.HistoryStore.prototype;
      const entry = stores.entry;
      window.__fetched = 0;
      stores.entry = function (...args) { window.__fetched += 1; return entry.apply(this, args); };
    });
    await go(page, "History", "section.history");
    const summary = app(page).locator("section.history .print-summary");
    assert.equal(await summary.evaluate((s) => s.childElementCount), 0, `${print}: not made while the view is shown`);
    assert.equal(await page.evaluate(() => window.__fetched), 0, `${print}: the latest check is not read yet`);
    if (print === "print media") await page.emulateMedia({ media: "print" });
    else await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await summary.locator(".summary-when").waitFor({ state: "attached" });
    assert.match(await summary.locator(".summary-when").textContent(), /^Latest check: April 14, 2026/);
    assert.equal(await page.evaluate(() => window.__fetched), 1, `${print}: read once`);
    if (print === "print media") {
      assert.equal(await summary.isVisible(), true);
      assert.equal(await pdfPages(page), 1);
    }
    await context.close();
  }

  // With an idle moment, it is there before anyone prints; a check deleted meanwhile (in another tab) is said on it.
  const { context, page } = await openWith(fullHistory());
  await go(page, "History", "section.history");
  const summary = app(page).locator("section.history .print-summary");
  await summary.locator(".summary-when").waitFor({ state: "attached" });
  await page.evaluate(() => {
    window.requestIdleCallback = () => 0;
    document.querySelector("burnout-check")._unguardedCore.HistoryStore.prototype.entry = () => null;
  });
  await go(page, "Check", "section.start");
  await go(page, "History", "section.history");
  await page.emulateMedia({ media: "print" });
  await summary.locator("p").first().waitFor();
  assert.equal(await summary.textContent(), "This summary could not be put together. Open your history again and print from there.");
  await context.close();
});
