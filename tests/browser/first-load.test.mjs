// The start screen arrives in a few scripts, all named by the page itself, so
// the browser fetches them at once instead of finding imports one level at a
// time (dist/ bundles the element's modules: scripts/dist.mjs). It needs no
// wasm: the core (its glue and the module) is fetched once the start screen is
// up, and Start pressed before the core is here says it is loading and waits.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, holdBack, openPage, useServerAndBrowser } from "./harness.mjs";
import { markStartScreen as MARK_START } from "../../scripts/budget.mjs";

const env = useServerAndBrowser();
/** dist/ has 3: page.js, burnout-check.js and the one chunk of the element's modules. www/, file for file, has 15. */
const MAX_SCRIPTS = 3;
/** The connections a browser opens to one host over HTTP/1.1: a file more waits for one to be free. */
const CONNECTIONS = 6;

const resources = (page) => page.evaluate(() =>
  performance.getEntriesByType("resource").map((e) => ({ path: new URL(e.name).pathname.slice(1), start: e.startTime })));

/** Holds the wasm back until `release()` (see `holdBack`). */
const holdWasm = (page) => holdBack(page, "**/pkg/burnout_check_bg.wasm");

test(`the start screen needs at most ${MAX_SCRIPTS} scripts, each named in the page, and no wasm: the core comes after it`, { skip: process.env.ROOT === "www" && "www/ is not bundled" }, async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  await context.addInitScript(MARK_START);
  await page.goto(env.server.url);
  await page.waitForFunction(() => globalThis.__readyAt !== undefined && globalThis.__startAt !== undefined);
  const { startAt, readyAt } = await page.evaluate(() => ({ startAt: globalThis.__startAt, readyAt: globalThis.__readyAt }));
  assert.ok(startAt < readyAt, `the start screen (${startAt} ms) before the core is ready (${readyAt} ms)`);
  const all = await resources(page);
  const before = all.filter((r) => r.start <= startAt).map((r) => r.path);
  const scripts = before.filter((p) => p.endsWith(".js"));
  assert.ok(scripts.includes("burnout-check.js"), `fetched ${scripts}`);
  assert.ok(scripts.length <= MAX_SCRIPTS, `${scripts.length} scripts before the start screen: ${scripts.join(", ")}`);
  assert.ok(before.length <= CONNECTIONS, `${before.length} files after the page before the start screen (${before.join(", ")}): within one round of connections`);
  assert.deepEqual(before.filter((p) => p.startsWith("pkg/burnout_check")), [], "neither the glue nor the wasm before the start screen");
  for (const core of ["pkg/burnout_check.js", "pkg/burnout_check_bg.wasm"]) {
    assert.ok(all.some((r) => r.path === core && r.start > startAt && r.start <= readyAt), `${core} fetched after the start screen, before ready`);
  }
  const named = await page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[rel="modulepreload"]')].map((e) => new URL(e.src || e.href).pathname.slice(1)));
  assert.deepEqual(scripts.filter((s) => !named.includes(s)), [], "every first-load script is a <script> or a modulepreload of index.html");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("the start screen works while the core is on its way: Start says it is loading, then the questions come", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" }); // the worker's fetches would pass the route by
  const wasm = await holdWasm(page);
  const ready = [];
  await page.exposeFunction("__ready", () => ready.push(Date.now()));
  await context.addInitScript(() => document.addEventListener("burnout-check:ready", () => globalThis.__ready(), true));
  await page.goto(env.server.url);
  const el = app(page);
  await el.locator("section.start").waitFor();
  // The counts come from pkg/forms.js, written by the build from the questionnaire.
  assert.match(await el.locator("label", { hasText: "Quick check" }).textContent(), /9 questions/);
  assert.match(await el.locator("label", { hasText: "Full check" }).textContent(), /33 questions/);
  assert.equal(await el.locator("header nav button[disabled]").count(), 2, "the navigation waits for the core");
  await el.locator('input[value="quick"]').check();
  await el.locator("section.start button[type=submit]").click();
  assert.equal(await el.locator("section.start .waiting[role=status]").textContent(), "Loading…");
  await page.waitForTimeout(300);
  assert.equal(await el.locator("fieldset[data-item]").count(), 0, "no question without the core");
  assert.deepEqual(ready, []);
  assert.equal(wasm.asked(), 1);
  wasm.release();
  await el.locator("fieldset[data-item]").first().waitFor();
  assert.equal(await el.locator("fieldset[data-item]").count(), 4, "the quick form's first screen");
  assert.equal(await el.locator(".waiting").count(), 0);
  assert.equal(ready.length, 1);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("with a saved draft the element says it is loading until the core resumes the check: the start screen never flashes", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  await page.goto(env.server.url);
  const el = app(page);
  await el.locator("header nav button:not([disabled])").first().waitFor();
  await el.locator('input[value="quick"]').check();
  await el.locator("section.start button[type=submit]").click();
  await el.locator("fieldset[data-item] input").first().check();
  await page.waitForFunction(() => localStorage.getItem("burnout-check:draft") !== null);
  const wasm = await holdWasm(page);
  await context.addInitScript(MARK_START);
  await page.reload();
  await el.locator("p[role=status]", { hasText: "Loading…" }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await el.locator("section.start").count(), 0);
  wasm.release();
  await el.locator("section.questions fieldset[data-item]").first().waitFor();
  assert.equal(await page.evaluate(() => globalThis.__startAt), undefined, "no start screen on the way");
  assert.equal(await el.locator("fieldset[data-item] input:checked").count(), 1, "the answer given is back");
  await context.close();
});

test("the language can be switched on the start screen before the core is here, and the pick is remembered once it is", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  const wasm = await holdWasm(page);
  await page.goto(env.server.url);
  const el = app(page);
  await el.locator("section.start").waitFor();
  await el.locator("select.language").selectOption("de");
  await el.getByRole("button", { name: "Los geht’s" }).waitFor();
  assert.match(await el.locator("section.start h2").textContent(), /zwei Wochen/);
  assert.equal(await page.evaluate(() => localStorage.getItem("burnout-check:lang")), null, "not yet: the store decides whether it may be kept");
  wasm.release();
  await el.locator("header nav button:not([disabled])").first().waitFor();
  await page.waitForFunction(() => localStorage.getItem("burnout-check:lang") === "de");
  assert.match(await el.locator("section.start h2").textContent(), /zwei Wochen/, "still German with the core");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});
