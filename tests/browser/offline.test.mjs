// After one visit the check works with no network at all, and keeps what it
// saves: from dist/ (bundled, what is deployed) and from www/ (the sources).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { runInNewContext } from "node:vm";
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import { app, completeByClicking, gotoApp, launchBrowser, openPage, startServer } from "./harness.mjs";

for (const root of ["dist", "www"]) {
  test(`after the first load the page works offline and saves an assessment (${root}/)`, async () => {
    // Its own server, because this test stops it.
    const server = await startServer({ root });
    const browser = await launchBrowser();
    try {
      const { context, page, problems } = await openPage(browser, server.url);
      const open = openRequests(context);
      await gotoApp(page, server.url);
      await page.evaluate(() =>
        navigator.serviceWorker.ready.then(() =>
          navigator.serviceWorker.controller ? null : new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }))));
      assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the service worker controls the page");
      // The element fetches its views when the page is idle, perhaps before the
      // worker took control: cut the network only once they are here, or those
      // fetches fail (and are tried again later) with a console error.
      await page.waitForFunction(() => ["questions", "result", "history"].every((view) =>
        performance.getEntriesByType("resource").some((e) => e.name.endsWith(`/src/views/${view}.js`))));
      await open.none();

      await server.stop();
      await context.setOffline(true);
      await gotoApp(page, server.url);
      await app(page).locator('input[name="form"][value="quick"]').check();
      await app(page).getByRole("button", { name: "Start" }).click();
      await completeByClicking(page, () => 3);
      await app(page).getByRole("button", { name: "See history" }).click();
      await app(page).locator("section.history").waitFor();
      assert.equal(await app(page).locator("table.entries tbody tr").count(), 1);
      assert.equal(await app(page).locator(".badge").count(), 0, "the entry is saved, not only in memory");

      await page.reload();
      await app(page).locator("section.start").waitFor();
      await app(page).getByRole("button", { name: "History", exact: true }).click();
      // The view's code may still be on its way from the cache: its section first, drawn whole at once.
      await app(page).locator("section.history").waitFor();
      assert.equal(await app(page).locator("table.entries tbody tr").count(), 1);
      // A language that was never shown: its texts come from the cache too.
      await app(page).locator("select.language").selectOption("de");
      await app(page).getByRole("button", { name: "Verlauf", exact: true }).waitFor();
      assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
      await context.close();
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}

/**
 * Follows the requests of `context`; `none()` resolves once none has been open
 * for 300 ms (a module's imports are asked for only after it arrives).
 */
function openRequests(context) {
  const open = new Set();
  let last = Date.now();
  context.on("request", (r) => open.add(r));
  for (const done of ["requestfinished", "requestfailed"]) context.on(done, (r) => (open.delete(r), (last = Date.now())));
  return {
    async none() {
      while (open.size || Date.now() - last < 300) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/** The list pkg/precache.js of `root` gives the service worker. */
async function precached(root) {
  const self = {};
  runInNewContext(await readFile(`${root}pkg/precache.js`, "utf8"), { self });
  return [...self.ASSETS]; // an array of this realm, for deepEqual
}

async function walk(root, keep, dir = "") {
  const out = [];
  for (const d of await readdir(root + dir, { withFileTypes: true })) {
    const path = dir + d.name;
    if (d.isDirectory()) out.push(...(await walk(root, keep, `${path}/`)));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const PKG = ["pkg/burnout_check.js", "pkg/burnout_check_bg.wasm", "pkg/texts-de.json", "pkg/texts-en.json", "pkg/texts-es.json"];
/** www/ imports pkg/forms.js itself; dist/ has it inside a chunk. */
const PKG_OF = { dist: PKG, www: [...PKG, "pkg/forms.js"] };
const pageFile = (path) => /\.(html|js|css)$/.test(path) && path !== "sw.js" && !path.startsWith("demo/") && !path.startsWith("pkg/");

for (const root of ["dist", "www"]) {
  test(`the service worker precaches exactly the files ${root}/ serves`, async () => {
    const dir = fileURLToPath(new URL(`../../${root}/`, import.meta.url));
    const listed = await precached(dir);
    assert.ok(listed.includes("./"), "the page's own URL is cached for navigations");
    const files = [...(await walk(dir, pageFile)), ...PKG_OF[root]];
    assert.deepEqual(listed.filter((a) => a !== "./").sort(), files.sort());
  });
}

test("every module a dist/ script imports, and every script dist/index.html names, is precached", async () => {
  const dir = fileURLToPath(new URL("../../dist/", import.meta.url));
  const listed = new Set(await precached(dir));
  const html = await readFile(`${dir}index.html`, "utf8");
  for (const [, src] of html.matchAll(/(?:src|href)="([^"]+\.js)"/g)) assert.ok(listed.has(src), `index.html names ${src}`);
  for (const file of [...listed].filter((f) => f.endsWith(".js"))) {
    const code = await readFile(dir + file, "utf8");
    // Minified imports: from"./x.js", import"./x.js", import("./x.js").
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport\(?)\s*["'](\.\.?\/[^"']+)["']/g)) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      assert.ok(listed.has(target), `${file} imports ${spec} (${target}), not precached`);
    }
  }
});
