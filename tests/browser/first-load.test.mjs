// The start screen arrives in a few scripts, all named by the page itself, so
// the browser fetches them at once instead of finding imports one level at a
// time (dist/ bundles the element's modules: scripts/dist.mjs).

import { test } from "node:test";
import assert from "node:assert/strict";
import { gotoApp, openPage, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
/** dist/ has 9: src/early.js, page.js, burnout-check.js, the core's glue and 5 shared chunks. www/, file for file, has 17. */
const MAX_SCRIPTS = 9;

/** The scripts the page fetched before its element said it is ready (later ones are the views it loads when idle). */
async function firstLoadScripts(page) {
  return page.evaluate(() => {
    const readyAt = globalThis.__readyAt;
    return performance.getEntriesByType("resource")
      .filter((e) => e.startTime <= readyAt && new URL(e.name).pathname.endsWith(".js"))
      .map((e) => new URL(e.name).pathname.slice(1));
  });
}

test(`the start screen needs at most ${MAX_SCRIPTS} scripts, each named in the page`, { skip: process.env.ROOT === "www" && "www/ is not bundled" }, async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  await context.addInitScript(() => document.addEventListener("burnout-check:ready", () => (globalThis.__readyAt ??= performance.now()), true));
  await gotoApp(page, env.server.url);
  await page.waitForFunction(() => globalThis.__readyAt !== undefined);
  const scripts = await firstLoadScripts(page);
  assert.ok(scripts.includes("burnout-check.js") && scripts.includes("pkg/burnout_check.js"), `fetched ${scripts}`);
  assert.ok(scripts.length <= MAX_SCRIPTS, `${scripts.length} scripts before the start screen: ${scripts.join(", ")}`);
  const named = await page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[rel="modulepreload"]')].map((e) => new URL(e.src || e.href).pathname.slice(1)));
  assert.deepEqual(scripts.filter((s) => !named.includes(s)), [], "every first-load script is a <script> or a modulepreload of index.html");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});
