// The interface texts come one language at a time: a first load fetches only
// the language it shows, and another is fetched when it is picked, before the
// screen changes (so it changes in one step, and focus stays on the picker).

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, gotoApp, openPage, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

/** The language files the page itself has asked for so far (the worker's precache is not the page's). */
function watchTexts(page) {
  const asked = [];
  page.on("request", (r) => {
    const m = new URL(r.url()).pathname.match(/\/src\/i18n\/(\w+)\.js$/);
    if (m) asked.push(m[1]);
  });
  return asked;
}

const heading = (page) => app(page).locator("main h2").first().textContent();

test("an English first load fetches the English texts only; a picked language arrives before the screen changes", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const asked = watchTexts(page);
  await gotoApp(page, env.server.url);
  assert.equal(await heading(page), "How have the past two weeks been?");
  assert.deepEqual(asked, ["en"]);

  await app(page).locator("select.language").selectOption("es");
  await app(page).getByRole("heading", { name: "¿Cómo han sido las últimas dos semanas?" }).waitFor();
  assert.deepEqual(asked, ["en", "es"]);
  assert.equal(await app(page).locator("button[type=submit]").first().textContent(), "Empezar");
  assert.equal(await page.evaluate(() => document.querySelector("burnout-check").shadowRoot.activeElement?.className), "language");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("a German browser gets the check in German on the first screen, without the Spanish texts", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { locale: "de-DE" });
  const asked = watchTexts(page);
  await gotoApp(page, env.server.url);
  assert.equal(await heading(page), "Wie waren die letzten zwei Wochen?");
  assert.ok(asked.includes("de") && !asked.includes("es"), `asked for ${asked}`);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
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
