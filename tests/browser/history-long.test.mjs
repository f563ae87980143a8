// A long history stays quick to open: the newest rows first and older ones on
// request, the trend drawn as one line with the latest point marked, and a text
// alternative that names the latest values instead of reading out hundreds.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, openPage, useServerAndBrowser } from "./harness.mjs";
import { go, seedHistory } from "./a11y-kit.mjs";

const env = useServerAndBrowser();

const NOW = new Date("2026-04-20T10:00:00+02:00");
const COUNT = 120;

/** COUNT quick checks, one every three days up to a week before NOW, alternating levels. */
function longHistory() {
  const day = 86400000;
  const last = Date.UTC(2026, 3, 13);
  return Array.from({ length: COUNT }, (_, i) => ({
    date: new Date(last - (COUNT - 1 - i) * 3 * day).toISOString().slice(0, 10),
    level: ["low", "mid", "high"][i % 3],
  }));
}

async function openLong() {
  const opened = await openPage(env.browser, env.server.url, { time: NOW });
  await opened.page.goto(env.server.url);
  await app(opened.page).locator("section.start").waitFor();
  await seedHistory(opened.page, { entries: longHistory() });
  await opened.page.reload();
  await app(opened.page).locator("section.start").waitFor();
  await go(opened.page, "History", "section.history");
  return opened;
}

test("a long history shows its newest 20 checks, and older ones 20 at a time in place", async () => {
  const { context, page } = await openLong();
  const el = app(page);
  const rows = el.locator("table.entries tbody tr");
  assert.equal(await rows.count(), 20);
  assert.equal(await rows.first().locator("td").first().textContent(), "Apr 13, 2026", "newest first");
  assert.equal(await el.locator(".entries-shown").textContent(), "Showing the latest 20 of 120 checks.");

  const more = el.locator("button.show-more");
  assert.equal(await more.textContent(), "Show 20 older checks");
  await more.focus();
  await more.click();
  assert.equal(await rows.count(), 40);
  assert.equal(await more.evaluate((b) => b === b.getRootNode().activeElement), true, "focus stays on the button");
  assert.equal(await el.locator(".entries-shown").textContent(), "Showing the latest 40 of 120 checks.");
  for (const shown of [60, 80, 100]) {
    await more.click();
    assert.equal(await rows.count(), shown);
  }
  assert.equal(await more.textContent(), "Show 20 older checks");

  await more.click();
  assert.equal(await rows.count(), 120);
  assert.equal(await el.locator(".entries-more").isVisible(), false, "nothing more to show");
  assert.equal(await page.evaluate(() => document.querySelector("burnout-check").shadowRoot.activeElement?.closest("tr") !== null), true,
    "focus moves into the table when the button goes");

  // Deleting a row keeps the older rows open.
  await rows.nth(10).getByRole("button", { name: /^Delete/ }).click();
  await page.waitForFunction(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll("table.entries tbody tr").length === 119);
  await context.close();
});

test("the trend of a long history is one line with the latest point marked, and its title names the latest values", async () => {
  const { context, page } = await openLong();
  const chart = app(page).locator("svg.trend-chart");
  assert.equal(await chart.locator("polyline.trend-line").count(), 1);
  assert.equal(await chart.locator("g.point").count(), 1, "only the latest point is marked");
  const points = await chart.locator("polyline.trend-line").evaluate((l) => l.getAttribute("points").split(" ").length);
  assert.equal(points, COUNT, "the line still runs through every reading");
  const title = await chart.locator("title").textContent();
  assert.match(title, /The latest 12 of 120 checks: /);
  assert.match(title, /Apr 13, 2026: \d+$/, "ends with the newest value");
  assert.equal((title.match(/: \d+/g) ?? []).length, 12);
  // The newest value is the same in the chart's mark and the table's first row.
  const mark = await chart.locator("g.point .value-label").textContent();
  assert.equal(await app(page).locator("table.entries tbody tr").first().locator("td").nth(3).textContent(), mark);
  await context.close();
});

test("below a long history's entries, the events and data parts are laid out only near the screen, and keyboard focus reaches them", async () => {
  const { context, page } = await openLong();
  const el = app(page);
  await el.locator("table.entries tbody tr").first().waitFor();
  const laidOut = (selector) => el.locator(selector).evaluate((n) => n.checkVisibility({ contentVisibilityAuto: true }));
  // Two frames: the browser decides what is near the screen when it renders.
  const frames = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await frames();
  assert.equal(await laidOut("form.rest-form"), false, "the event forms are skipped while far below");
  assert.equal(await laidOut("button.delete-all"), false, "and so are the data actions");
  assert.equal(await laidOut("table.entries tbody tr:first-child"), true, "the rows are not");
  assert.equal(await el.locator("form.rest-form").count(), 1, "skipped, not missing: in the tree for screen readers and find in page");

  // Tab from the last control above them: focus goes on into the event form, which is then laid out and on screen.
  await el.locator("button.show-more").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.querySelector("burnout-check").shadowRoot.activeElement?.id), "bc-rest-start");
  await frames();
  assert.equal(await laidOut("form.rest-form"), true);
  assert.equal(await el.locator("#bc-rest-start").isVisible(), true);
  const box = await el.locator("#bc-rest-start").boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, "scrolled into view");
  // The part clips what it paints: its padding holds the focus ring of a control at its edge.
  const [ring, padding] = await el.locator("#bc-rest-start").evaluate((input) => {
    const style = getComputedStyle(input);
    const part = getComputedStyle(input.closest(".later"));
    return [parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset), Math.min(parseFloat(part.paddingInlineStart), parseFloat(part.paddingInlineEnd))];
  });
  assert.ok(ring > 0 && padding >= ring, `room for the focus ring (${ring}px) inside the part (${padding}px)`);
  await context.close();
});

test("the result view does not read the history until the print options are opened", async () => {
  const { context, page } = await openLong();
  await app(page).getByRole("button", { name: /^Show the check from/ }).first().click();
  await app(page).locator("section.result").waitFor();
  const dialog = app(page).locator("dialog.print-dialog");
  assert.equal(await dialog.locator("input[type=checkbox]").count(), 0, "the options are built when asked for");
  await app(page).locator("button.print-button").click();
  assert.deepEqual(await dialog.locator("input[type=checkbox]").evaluateAll((bs) => bs.map((b) => b.name)), ["scores", "details", "history", "notes"]);
  await page.keyboard.press("Escape");
  await context.close();
});

test("an import's file dialog warms the core's import once, while idle, storing nothing", async () => {
  const opened = await openPage(env.browser, env.server.url, { time: NOW });
  const { context, page } = opened;
  await page.goto(env.server.url);
  await app(page).locator("section.start").waitFor();
  await seedHistory(page, { entries: longHistory() });
  await page.reload();
  await app(page).locator("section.start").waitFor();
  await page.waitForFunction(() => document.querySelector("burnout-check")._core);
  // Count the calls and what each imported (the core's exports may be replaced by a test).
  await page.evaluate(() => {
    const stores = document.querySelector("burnout-check")._unguardedCore.HistoryStore;
    const warmUp = stores.warmUp;
    window.__warmed = [];
    stores.warmUp = function (...args) {
      const added = warmUp.apply(this, args);
      window.__warmed.push(added);
      return added;
    };
  });
  const snapshot = () => page.evaluate(() => Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]));
  const before = await snapshot();
  await go(page, "History", "section.history");
  await page.waitForTimeout(2500); // past whenIdle's timeout: opening the history warms nothing
  assert.deepEqual(await page.evaluate(() => window.__warmed), [], "a page whose history is only looked at is spared it");

  // The Import button opens the browser's file dialog; the warm-up runs while it is open.
  const chooser = page.waitForEvent("filechooser");
  await app(page).locator("button.import-json").click();
  await chooser; // (left unanswered, as when the person cancels)
  await page.waitForFunction(() => window.__warmed.length > 0, null, { timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.__warmed), [400], "the made-up history was imported, in memory");
  assert.deepEqual(await snapshot(), before, "nothing stored, nothing removed");
  assert.equal(await app(page).locator("table.entries tbody tr").count(), 20, "the person's history is as it was");
  assert.deepEqual(await app(page).locator(".core-restarted, .flash, .error").evaluateAll((ns) => ns.filter((n) => !n.hidden).map((n) => n.textContent)), [],
    "no notice, no error");

  // Opening the dialog again, after leaving the history and coming back, does not warm it again.
  await go(page, "Check", "section.start");
  await go(page, "History", "section.history");
  const again = page.waitForEvent("filechooser");
  await app(page).locator("button.import-json").click();
  await again;
  await page.waitForTimeout(2500);
  assert.deepEqual(await page.evaluate(() => window.__warmed), [400], "once per page");
  await context.close();
});
