// The texts come one language at a time: a first load fetches only the
// language it shows, and another is fetched when it is picked, before the
// screen changes (so it changes in one step, and focus stays on the picker).
// A language is two files: the element's (src/i18n/<l>.js) and the core's
// (pkg/texts-<l>.json). The core's English comes after the start screen, with
// the views that show its texts (and as the fallback of the other languages).

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, gotoApp, holdBack, openPage, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

/**
 * The language files the page itself has asked for so far (the worker's precache
 * is not the page's): "de" for the element's, "core:de" for the core's. English
 * comes with src/i18n.js (its own file in www/, bundled with it in dist/), so it is not counted.
 */
function watchTexts(page) {
  const asked = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    const ui = path.match(/\/src\/i18n\/(\w+)\.js$/);
    const core = path.match(/\/pkg\/texts-(\w+)\.json$/);
    if (ui && ui[1] !== "en") asked.push(ui[1]);
    if (core) asked.push(`core:${core[1]}`);
  });
  return asked;
}

/** The first question's text, after starting the quick check. */
async function firstQuestion(page) {
  await app(page).locator('input[value="quick"]').check();
  await app(page).locator("section.start button[type=submit]").click();
  return app(page).locator("fieldset[data-item] legend").first().textContent();
}

const heading = (page) => app(page).locator("main h2").first().textContent();

test("an English first load fetches the English texts only; a picked language arrives before the screen changes", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const asked = watchTexts(page);
  await gotoApp(page, env.server.url);
  assert.equal(await heading(page), "How have the past two weeks been?");
  assert.deepEqual(asked.filter((l) => l !== "core:en"), []);

  await app(page).locator("select.language").selectOption("es");
  await app(page).getByRole("heading", { name: "¿Cómo han sido las últimas dos semanas?" }).waitFor();
  assert.deepEqual(asked.filter((l) => l !== "core:en").sort(), ["core:es", "es"]);
  assert.equal(await app(page).locator("button[type=submit]").first().textContent(), "Empezar");
  assert.equal(await page.evaluate(() => document.querySelector("burnout-check").shadowRoot.activeElement?.className), "language");
  assert.match(await firstQuestion(page), /^1\. Me siento sin energía incluso después de dormir bien\./);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("a German browser gets the check in German on the first screen, without the Spanish texts", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { locale: "de-DE" });
  const asked = watchTexts(page);
  await gotoApp(page, env.server.url);
  assert.equal(await heading(page), "Wie waren die letzten zwei Wochen?");
  assert.ok(asked.includes("de") && asked.includes("core:de") && !asked.some((l) => l.endsWith("es")), `asked for ${asked}`);
  assert.equal(asked.filter((l) => l === "core:de").length, 1, `the core's table once, though the page and the element both ask: ${asked}`);
  assert.match(await firstQuestion(page), /^1\. Ich bin müde, auch wenn ich gut geschlafen habe\./);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("when the core's German texts cannot be fetched, the check is whole in English, not half German", async () => {
  // No service worker: its install fetches the table too, past page.route, and once it
  // controls the page it would serve the element's request from its cache.
  const { context, page } = await openPage(env.browser, env.server.url, { locale: "de-DE", serviceWorkers: "block" });
  await page.route("**/pkg/texts-de.json", (route) => route.abort());
  await gotoApp(page, env.server.url);
  assert.equal(await heading(page), "How have the past two weeks been?");
  assert.match(await firstQuestion(page), /^1\. I feel tired even after a good night's sleep\./);
  assert.deepEqual(await app(page).locator(".error:not([hidden]), [role=alert]:not([hidden])").evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200))), []);
  await context.close();
});

test("a host page that sets lang itself sees the new language once its texts are here", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await page.evaluate(() => document.querySelector("burnout-check").setAttribute("lang", "de-AT"));
  await app(page).getByRole("heading", { name: "Wie waren die letzten zwei Wochen?" }).waitFor();
  assert.equal(await app(page).locator("div.app").getAttribute("lang"), "de");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("the start screen needs none of the core's texts: its English table comes after, and Start pressed at once waits for it", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" }); // the worker's fetches would pass the route by
  const asked = watchTexts(page);
  const { release } = await holdBack(page, "**/pkg/texts-en.json");
  await gotoApp(page, env.server.url);
  assert.equal(await heading(page), "How have the past two weeks been?");
  // The counts come from the core without a table.
  assert.match(await app(page).locator("label", { hasText: "Quick check" }).textContent(), /9 questions/);
  await app(page).locator('input[value="quick"]').check();
  await app(page).locator("section.start button[type=submit]").click();
  await page.waitForTimeout(300);
  assert.equal(await app(page).locator("fieldset[data-item]").count(), 0, "no question without its text");
  release();
  assert.match(await app(page).locator("fieldset[data-item] legend").first().textContent(), /^1\. I feel tired even after a good night's sleep\./);
  assert.equal(asked.filter((l) => l === "core:en").length, 1);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("when the core's English texts cannot be fetched, Start says so, and works once they can", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" }); // the worker's fetches would pass the route by
  await page.route("**/pkg/texts-en.json", (route) => route.abort());
  await gotoApp(page, env.server.url);
  await app(page).locator('input[value="quick"]').check();
  await app(page).locator("section.start button[type=submit]").click();
  await app(page).locator("p.notice[role=alert]", { hasText: "That did not work:" }).waitFor();
  assert.equal(await app(page).locator("fieldset[data-item]").count(), 0);
  await page.unroute("**/pkg/texts-en.json");
  await app(page).locator("section.start button[type=submit]").click();
  assert.match(await app(page).locator("fieldset[data-item] legend").first().textContent(), /^1\. I feel tired even after a good night's sleep\./);
  await context.close();
});
