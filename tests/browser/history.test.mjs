// The history over time: rest that did not last, and data that travels with the person.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { app, completeByClicking, gotoApp, openPage, questionnaireOf, setDate, strainPicker, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

// Local wall-clock times in Europe/Berlin (the harness's default time zone).
const at = (date, time = "10:00") => new Date(`${date}T${time}:00+01:00`);

async function quickCheck(page, pick) {
  await app(page).locator('input[name="form"][value="quick"]').check();
  await app(page).getByRole("button", { name: "Start" }).click();
  await completeByClicking(page, pick);
}

async function openHistory(page) {
  await app(page).getByRole("button", { name: "History", exact: true }).click();
  await app(page).locator("section.history").waitFor();
}

test("strain that drops after time off and comes back is read as relief that faded", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { time: at("2026-03-02") });
  await gotoApp(page, env.server.url);
  const items = (await questionnaireOf(page, "quick")).items;
  const strained = strainPicker(items, "high");
  const rested = strainPicker(items, "low");

  // Before: strained. Then log the vacation (7 to 21 March) in the history view.
  await quickCheck(page, strained);
  await openHistory(page);
  const rest = app(page).locator("form.rest-form");
  await rest.locator('input[name="start"]').fill("2026-03-07");
  await rest.locator('input[name="end"]').fill("2026-03-21");
  await rest.locator('select[name="type"]').selectOption("vacation");
  await rest.getByRole("button", { name: "Add" }).click();
  const event = app(page).locator("li.event.rest");
  await event.waitFor();
  assert.equal(await event.getAttribute("data-state"), "pending");
  assert.match(await event.textContent(), /Take a quick check again on Mar 22, 2026\./);

  // Just back: rested.
  await setDate(page, at("2026-03-24"));
  await gotoApp(page, env.server.url);
  await quickCheck(page, rested);

  // Three weeks later: the drain is back.
  await setDate(page, at("2026-04-14"));
  await gotoApp(page, env.server.url);
  await quickCheck(page, strained);
  await openHistory(page);

  assert.equal(await event.getAttribute("data-state"), "faded");
  assert.match(await event.locator(".state").textContent(), /The relief came and went/);
  assert.ok((await event.textContent()).length > 80, "the core's explanation is shown with the state");
  assert.equal(await app(page).locator("table.entries tbody tr").count(), 3);
  // Newest first, dated in the person's calendar.
  assert.deepEqual(await app(page).locator("table.entries tbody tr td:first-child").allTextContents(), ["Apr 14, 2026", "Mar 24, 2026", "Mar 2, 2026"]);
  // The trend chart marks the jump back up as beyond noise, in text as well as on the chart.
  assert.equal(await app(page).locator("svg.trend-chart .reliable-mark").count(), 1);
  assert.match(await app(page).locator(".trend-summary").textContent(), /larger than the usual noise/);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("an export imported into a fresh browser restores the same history, and a second import adds nothing", async () => {
  const first = await openPage(env.browser, env.server.url, { time: at("2026-05-04") });
  const page = first.page;
  await gotoApp(page, env.server.url);
  const items = (await questionnaireOf(page, "quick")).items;
  await quickCheck(page, strainPicker(items, "high"));
  await setDate(page, at("2026-05-11"));
  await gotoApp(page, env.server.url);
  await quickCheck(page, (id) => (id.length % 5));
  await openHistory(page);
  const change = app(page).locator("form.change-form");
  await change.locator('input[name="date"]').fill("2026-05-06");
  await change.locator('select[name="what"]').selectOption("manager");
  await change.locator('input[name="note"]').fill("new team lead");
  await change.getByRole("button", { name: "Add" }).click();
  await app(page).locator("li.event.change").waitFor();
  // The change shows the areas the checks on either side named.
  const areas = await app(page).locator("li.event.change .change-areas").textContent();
  assert.match(areas, /^Areas that stood out before: .+\. After: .+\.$/);
  assert.equal(areas, await page.evaluate(() => {
    // The check of May 4 before it, of May 11 after it: their own top areas.
    const el = document.querySelector("burnout-check");
    const [before, after] = el._store.load().entries;
    const names = (e) => (e.result.top_areas.length ? e.result.top_areas.map((id) => el._t(`area_${id}`)).join(", ") : el._t("no_areas"));
    return el._t("change_areas", { before: names(before), after: names(after) });
  }));
  const rowsBefore = await app(page).locator("table.entries tbody").textContent();
  const eventsBefore = await app(page).locator("ul.events").textContent();

  const [download] = await Promise.all([page.waitForEvent("download"), app(page).getByRole("button", { name: "Export JSON" }).click()]);
  assert.equal(download.suggestedFilename(), "burnout-check-2026-05-11.json");
  // Downloads disappear with their context: keep the bytes.
  const exported = await readFile(await download.path());
  assert.ok(JSON.parse(exported.toString("utf8")), "the export is JSON");
  const file = { name: "export.json", mimeType: "application/json", buffer: exported };

  const [csv] = await Promise.all([page.waitForEvent("download"), app(page).getByRole("button", { name: "Export CSV" }).click()]);
  const lines = (await readFile(await csv.path(), "utf8")).trim().split(/\r?\n/);
  assert.equal(lines.length, 4, "a header, one line per check and one per event");
  assert.equal(lines.filter((l) => l.startsWith("entry,")).length, 2);
  await first.context.close();

  const second = await openPage(env.browser, env.server.url, { time: at("2026-05-11") });
  const fresh = second.page;
  await gotoApp(fresh, env.server.url);
  await openHistory(fresh);
  assert.match(await app(fresh).locator(".empty").textContent(), /No saved checks yet/);
  await app(fresh).locator("input.import-file").setInputFiles(file);
  await app(fresh).locator(".flash").waitFor();
  assert.equal(await app(fresh).locator(".flash").textContent(), "Imported 2 checks and 1 events; 0 were already here.");
  assert.equal(await app(fresh).locator("table.entries tbody").textContent(), rowsBefore);
  assert.equal(await app(fresh).locator("ul.events").textContent(), eventsBefore);

  await app(fresh).locator("input.import-file").setInputFiles(file);
  await app(fresh).getByText("Imported 0 checks and 0 events").waitFor();
  assert.equal(await app(fresh).locator("table.entries tbody tr").count(), 2);
  assert.deepEqual(second.problems, { consoleErrors: [], foreignRequests: [] });
  await second.context.close();
});

test("a malformed import shows the core's error and changes nothing", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  await app(page).locator("input.import-file").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"nope": 1}') });
  const flash = app(page).locator(".flash[role=alert]");
  await flash.waitFor();
  assert.match(await flash.textContent(), /^Could not import this file: \S/);
  assert.equal(await app(page).locator("table.entries").count(), 0);
  await context.close();
});

test("one entry can be deleted, and everything after a confirmation", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { time: at("2026-06-01") });
  await gotoApp(page, env.server.url);
  const items = (await questionnaireOf(page, "quick")).items;
  await quickCheck(page, strainPicker(items, "low"));
  await app(page).getByRole("button", { name: "New check" }).click();
  await quickCheck(page, strainPicker(items, "high"));
  await openHistory(page);
  const rows = app(page).locator("table.entries tbody tr");
  assert.equal(await rows.count(), 2);
  await rows.first().getByRole("button", { name: /^Delete the check from/ }).click();
  await page.waitForFunction(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll("table.entries tbody tr").length === 1);

  await app(page).getByRole("button", { name: "Delete everything" }).click();
  const dialog = app(page).locator("dialog.confirm");
  assert.equal(await dialog.evaluate((d) => d.open), true);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await rows.count(), 1);
  await app(page).getByRole("button", { name: "Delete everything" }).click();
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await app(page).locator(".empty").waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("burnout-check:")).length), 0);
  await context.close();
});

test("a check saved in another tab appears in an open history without a reload", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  const other = await context.newPage();
  await gotoApp(other, env.server.url);
  await quickCheck(other, () => 2);
  await app(page).locator("table.entries tbody tr").waitFor();
  assert.equal(await app(page).locator("table.entries tbody tr").count(), 1);
  await context.close();
});

test("when storage is blocked, the person is told history cannot be kept and can export the result", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await gotoApp(page, env.server.url);
  await quickCheck(page, () => 3);
  const result = app(page).locator("section.result");
  assert.match(await result.locator(".notice").textContent(), /history cannot be kept here|could not be saved/i);
  const [download] = await Promise.all([page.waitForEvent("download"), result.getByRole("button", { name: "Export this result" }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.ok(JSON.stringify(exported).includes('"quick"'), "the export holds the check");
  await openHistory(page);
  assert.match(await app(page).locator("section.history .notice").first().textContent(), /^History cannot be kept here: \S/);
  assert.equal(await app(page).locator("table.entries tbody tr").count(), 1, "kept in memory for this page");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});
