// What a person and an embedding page can rely on: privacy, language, safety, embedding.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { app, completeByClicking, gotoApp, openPage, questionnaireOf, strainPicker, useServerAndBrowser } from "./harness.mjs";
import { LOCALES, TEXTS } from "./texts.mjs";

const WWW = fileURLToPath(new URL("../../www/", import.meta.url));

const env = useServerAndBrowser();

test("a whole journey makes no request to another origin, sets no cookie and logs no error", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { time: new Date("2026-02-10T09:00:00+01:00") });
  await gotoApp(page, env.server.url);
  await app(page).getByRole("button", { name: "Need help now?" }).click();
  await app(page).locator("dialog.crisis-dialog").getByRole("button", { name: "Close" }).click();
  await app(page).locator('input[name="form"][value="quick"]').check();
  await app(page).getByRole("button", { name: "Start" }).click();
  await completeByClicking(page, () => 2);
  await app(page).getByRole("button", { name: "See history" }).click();
  await app(page).locator("select.language").selectOption("es");
  await app(page).getByRole("button", { name: "Exportar CSV" }).click();
  await app(page).getByRole("button", { name: /^Ver el chequeo del/ }).click();
  await app(page).locator("section.result").waitFor();
  await page.reload();
  await app(page).locator("section.start").waitFor();

  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test("the language switch shows the check in German, questions included", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  assert.equal(await app(page).locator("main h2").textContent(), "How have the past two weeks been?");
  await app(page).locator("select.language").selectOption("de");
  await app(page).getByRole("heading", { name: "Wie waren die letzten zwei Wochen?" }).waitFor(); // its texts are fetched first
  assert.equal(await app(page).locator("main h2").textContent(), "Wie waren die letzten zwei Wochen?");
  assert.equal(await page.locator("burnout-check").getAttribute("lang"), "de");
  await app(page).locator('input[name="form"][value="quick"]').check();
  await app(page).getByRole("button", { name: "Los geht’s" }).click();
  await app(page).getByText("In den letzten zwei Wochen…").waitFor();
  const german = await app(page).locator("fieldset[data-item] legend").first().textContent();
  await app(page).locator("select.language").selectOption("en");
  const english = await app(page).locator("fieldset[data-item] legend").first().textContent();
  assert.notEqual(german, english, "the core's question text follows the language");
  assert.equal(await app(page).locator(".scale label").first().textContent(), "1never");
  await context.close();
});

test("a German browser gets the check in German on the standalone page", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { locale: "de-AT" });
  await gotoApp(page, env.server.url);
  assert.equal(await app(page).locator("main h2").textContent(), "Wie waren die letzten zwei Wochen?");
  await context.close();
});

test("every interface text exists in every language", () => {
  const keys = Object.keys(TEXTS.en).sort();
  for (const locale of LOCALES) {
    assert.deepEqual(Object.keys(TEXTS[locale]).sort(), keys, `${locale} has exactly the English keys`);
    for (const key of keys) {
      const v = TEXTS[locale][key];
      assert.ok(Array.isArray(v) ? v.length > 0 : typeof v === "string" && v.trim().length > 0, `${locale}.${key} is not empty`);
      // Placeholders must match, or a translation would print "{n}".
      const holes = (s) => JSON.stringify(s).match(/\{\w+\}/g)?.sort() ?? [];
      assert.deepEqual(holes(v), holes(TEXTS.en[key]), `${locale}.${key} placeholders`);
    }
  }
});

test("no source file builds markup from strings", async () => {
  const files = [];
  async function walk(dir) {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      if (d.isDirectory()) { if (d.name !== "pkg") await walk(`${dir}${d.name}/`); }
      else if (d.name.endsWith(".js")) files.push(`${dir}${d.name}`);
    }
  }
  await walk(WWW);
  for (const file of files) {
    const src = await readFile(file, "utf8");
    assert.doesNotMatch(src, /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write/, file);
  }
});

test("very high strain puts support first on the result, and the crisis list is always one click away", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  const items = (await questionnaireOf(page, "full")).items;
  await app(page).getByRole("button", { name: "Start" }).click();
  await completeByClicking(page, strainPicker(items, "high"));
  const support = app(page).locator("section.result aside.support");
  assert.equal(await support.isVisible(), true);
  assert.match(await support.textContent(), /112 in the EU/);
  assert.equal(await app(page).locator('li[data-flag="seek_support"]').count(), 1);
  // The support panel comes before the profile.
  assert.ok(await page.evaluate(() => {
    const root = document.querySelector("burnout-check").shadowRoot;
    return !!(root.querySelector("aside.support").compareDocumentPosition(root.querySelector(".profile-title")) & Node.DOCUMENT_POSITION_FOLLOWING);
  }));

  await app(page).getByRole("button", { name: "History", exact: true }).click();
  await app(page).getByRole("button", { name: "Need help now?" }).click();
  const dialog = app(page).locator("dialog.crisis-dialog");
  assert.equal(await dialog.evaluate((d) => d.open), true);
  assert.match(await dialog.textContent(), /911 in the US/);
  await page.keyboard.press("Escape");
  assert.equal(await dialog.evaluate((d) => d.open), false);

  // Printed, even this fullest result (six steps, three areas) is a one-page summary;
  // on paper the summary replaces the screen (what goes on it: a11y-print.test.mjs).
  await app(page).getByRole("button", { name: /^Show the check from/ }).click();
  await app(page).locator("section.result").waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await app(page).locator("header").isVisible(), false, "no navigation on paper");
  assert.equal(await app(page).locator("section.result .print-summary").isVisible(), true);
  const pdf = await page.pdf({ format: "A4" });
  assert.equal(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g).length, 1);
  await context.close();
});

test("the result has a chart readable without colour and a table with the same numbers", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await app(page).locator('input[name="form"][value="quick"]').check();
  await app(page).getByRole("button", { name: "Start" }).click();
  await completeByClicking(page, () => 2);
  const chart = app(page).locator("svg.indices-chart");
  assert.equal(await chart.getAttribute("role"), "img");
  const title = await chart.locator("title").textContent();
  assert.match(title, /Strain \d+/);
  assert.match(title, /Compensation not asked/, "a quick check says what it did not ask");
  const labels = await chart.locator(".value-label").allTextContents();
  const cells = await app(page).locator("details.table-alt td").allTextContents();
  assert.deepEqual(labels, cells);
  await context.close();
});

test("embedded from another folder, the element finds its core, follows the page's language and keeps its own history", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}demo/`);
  const demo = page.locator("burnout-check");
  await demo.locator("section.start").waitFor();
  assert.equal(await demo.locator("main h2").textContent(), "¿Cómo han sido las últimas dos semanas?");
  assert.equal(await demo.locator('input[name="form"]:checked').getAttribute("value"), "quick", "form attribute picks the default");
  await demo.getByRole("button", { name: "Empezar" }).click();
  await completeByClicking(page, () => 1);
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("demo-check:"))));
  assert.ok(await page.evaluate(() => !Object.keys(localStorage).some((k) => k.startsWith("burnout-check:"))));
  // The host's own crisis list replaces the built-in one.
  await demo.getByRole("button", { name: "¿Necesitas ayuda ya?" }).click();
  assert.equal(await page.getByText("Servicio de ejemplo: 000 000 000").isVisible(), true);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("define() tolerates a second registration and lets a host pick another tag", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  const result = await page.evaluate(async () => {
    const { define, BurnoutCheck } = await import("/burnout-check.js");
    const again = define();
    const other = define("my-check");
    return { same: again === customElements.get("burnout-check"), other: other.prototype instanceof BurnoutCheck || other === BurnoutCheck };
  });
  assert.deepEqual(result, { same: true, other: true });
  await context.close();
});
