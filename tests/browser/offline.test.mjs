// After one visit the check works with no network at all, and keeps what it saves.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { app, completeByClicking, gotoApp, launchBrowser, openPage, startServer } from "./harness.mjs";

test("after the first load the page works offline and saves an assessment", async () => {
  // Its own server, because this test stops it.
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { context, page, problems } = await openPage(browser, server.url);
    await gotoApp(page, server.url);
    await page.evaluate(() =>
      navigator.serviceWorker.ready.then(() =>
        navigator.serviceWorker.controller ? null : new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }))));
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the service worker controls the page");

    await server.stop();
    await context.setOffline(true);
    await gotoApp(page, server.url);
    await app(page).locator('input[name="form"][value="quick"]').check();
    await app(page).getByRole("button", { name: "Start" }).click();
    await completeByClicking(page, () => 3);
    await app(page).getByRole("button", { name: "See history" }).click();
    assert.equal(await app(page).locator("table.entries tbody tr").count(), 1);
    assert.equal(await app(page).locator(".badge").count(), 0, "the entry is saved, not only in memory");

    await page.reload();
    await app(page).locator("section.start").waitFor();
    await app(page).getByRole("button", { name: "History", exact: true }).click();
    assert.equal(await app(page).locator("table.entries tbody tr").count(), 1);
    assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("the service worker precaches exactly the files the page needs", async () => {
  const www = fileURLToPath(new URL("../../www/", import.meta.url));
  const sw = await readFile(`${www}sw.js`, "utf8");
  const listed = [...sw.match(/const ASSETS = \[([\s\S]*?)\];/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  const files = [];
  async function walk(dir, rel = "") {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const path = rel + d.name;
      if (d.isDirectory()) {
        if (path !== "demo" && path !== "pkg") await walk(`${dir}${d.name}/`, `${path}/`);
      } else if (/\.(html|js|css)$/.test(d.name) && path !== "sw.js") files.push(path);
    }
  }
  await walk(www);
  files.push("pkg/burnout_check.js", "pkg/burnout_check_bg.wasm", "pkg/texts-de.json", "pkg/texts-en.json", "pkg/texts-es.json");
  assert.deepEqual(listed.filter((a) => a !== "./").sort(), files.sort());
  assert.ok(listed.includes("./"), "the page's own URL is cached for navigations");
});
