// Size budgets (budgets.json), checked by `npm test` after the build.
//
// Loads the standalone page in headless Chromium from scripts/serve.mjs and
// records every response the page itself receives: the first load, until the
// start screen is usable, and then the core (its glue and the wasm), which the
// element fetches once the start screen is up, until it says it is ready (the
// service worker's background precache is not the page's load). Each file is
// gzipped at level 9, as a server would send it, and the sums are compared with
// the budgets. Prints two tables; exits 1 when a budget is crossed.
//
// BUDGETS='{"wasm_gzip":1000}' overrides budgets.json (the test of this script uses it).

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * An init script (the page's CSP forbids eval): `__startAt` when the start screen's
 * button is first in the element's tree, `__readyAt` when the element says it is ready.
 */
export function markStartScreen() {
  customElements.whenDefined("burnout-check").then(() => {
    const root = document.querySelector("burnout-check")?.shadowRoot;
    if (!root) return;
    const seen = () => root.querySelector("section.start button[type=submit]") && (globalThis.__startAt ??= performance.now());
    if (!seen()) new MutationObserver(seen).observe(root, { childList: true, subtree: true });
  });
  document.addEventListener("burnout-check:ready", () => (globalThis.__readyAt ??= performance.now()), true);
}

/** The network counts as quiet once no request of the page has been open for this long. */
const QUIET_MS = 500;

/**
 * The responses of a cold load of `url`, each `{ path, type, raw, gzip }`: `first`,
 * those asked for before the start screen was up, and `core`, those asked for
 * after it until the element said it is ready (the core). What the page fetches
 * after that (the views it loads when idle) is neither, however soon it arrives.
 *
 * Each file is placed by when the page asked for it (its resource timing entry),
 * read only once every response has ended and the network is quiet: the browser
 * adds an entry when a body ends, so a file still arriving would have none, and
 * taking its start as 0 once put a file fetched after ready into the first load.
 */
export async function firstLoad(url) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addInitScript(markStartScreen);
    const page = await context.newPage();
    const responses = [];
    const open = new Set();
    let lastChange = Date.now();
    const settle = (request) => open.delete(request) && (lastChange = Date.now());
    // page events only: requests the service worker makes for its cache are not the page's.
    page.on("request", (request) => request.url().startsWith("http") && open.add(request) && (lastChange = Date.now()));
    page.on("requestfinished", settle);
    page.on("requestfailed", settle);
    page.on("response", (r) => r.url().startsWith("http") && responses.push(r));
    await page.goto(url);
    await page.waitForFunction(() => globalThis.__startAt !== undefined && globalThis.__readyAt !== undefined, null, { timeout: 30000 });
    const quietBy = Date.now() + 30000;
    while (open.size > 0 || Date.now() - lastChange < QUIET_MS) {
      if (Date.now() > quietBy) throw new Error(`the page's network did not settle: ${[...open].map((r) => r.url()).join(", ")}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
    // Quiet, so every response has ended (requestfinished or requestfailed).
    const navigation = (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame();
    const names = responses.filter((r) => !navigation(r)).map((r) => r.url());
    // Each ended response has its entry, though the page may add it a moment after the network says so.
    await page.waitForFunction((list) => list.every((n) => performance.getEntriesByName(n, "resource").length > 0), names, { timeout: 10000 })
      .catch(async () => {
        const have = new Set(await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name)));
        throw new Error(`no resource timing entry for ${names.filter((n) => !have.has(n)).join(", ")}`);
      });
    const started = new Map(await page.evaluate(() => performance.getEntriesByType("resource").map((e) => [e.name, e.startTime])));
    const { startAt, readyAt } = await page.evaluate(() => ({ startAt: globalThis.__startAt, readyAt: globalThis.__readyAt }));
    const first = [];
    const core = [];
    for (const r of responses) {
      const at = navigation(r) ? 0 : started.get(r.url()); // the page itself has no resource entry: it came first
      if (at > readyAt) continue;
      const body = await r.body().catch(() => Buffer.alloc(0));
      const u = new URL(r.url());
      (at > startAt ? core : first).push({ path: u.pathname + u.search, type: r.headers()["content-type"] ?? "", raw: body.length, gzip: gz(body) });
    }
    return { first, core };
  } finally {
    await browser.close();
  }
}

/** The measured figures: the wasm wherever it came, the first load's JS and whole, and everything until ready. */
export function figures({ first, core }) {
  const sum = (list) => list.reduce((n, f) => n + f.gzip, 0);
  const isJs = (f) => /javascript/.test(f.type) || /\.m?js$/.test(f.path.split("?")[0]);
  const isWasm = (f) => /wasm/.test(f.type) || f.path.split("?")[0].endsWith(".wasm");
  return {
    wasm_gzip: sum([...first, ...core].filter(isWasm)),
    js_gzip: sum(first.filter(isJs)),
    first_load_gzip: sum(first),
    with_core_gzip: sum(first) + sum(core),
  };
}

export function loadBudgets() {
  const file = JSON.parse(readFileSync(fileURLToPath(new URL("../budgets.json", import.meta.url)), "utf8"));
  const over = process.env.BUDGETS ? JSON.parse(process.env.BUDGETS) : {};
  return { ...file, ...over };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);

async function main() {
  const budgets = loadBudgets();
  const server = await startServer(0);
  let files;
  try {
    files = await firstLoad(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    server.close();
  }
  const table = (title, list) => {
    console.log(`${pad(title, 48)}${padL("raw", 10)}${padL("gzip -9", 10)}`);
    for (const f of [...list].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${pad(f.path, 46)}${padL(f.raw, 10)}${padL(f.gzip, 10)}`);
    console.log(`  ${pad(`${list.length} files`, 46)}${padL(list.reduce((n, f) => n + f.raw, 0), 10)}${padL(list.reduce((n, f) => n + f.gzip, 0), 10)}`);
    console.log("");
  };
  table("first load (until the start screen is usable)", files.first);
  table("then the core (until the element is ready)", files.core);
  const got = figures(files);
  let failed = false;
  for (const [name, limit] of Object.entries(budgets)) {
    if (name.startsWith("_")) continue; // comments
    const value = got[name];
    if (value === undefined) {
      console.log(`FAIL ${pad(name, 16)} unknown budget (known: ${Object.keys(got).join(", ")})`);
      failed = true;
      continue;
    }
    const ok = value <= limit;
    failed ||= !ok;
    console.log(`${ok ? "PASS" : "FAIL"} ${pad(name, 16)} ${padL(kb(value), 9)} of ${padL(kb(limit), 9)}  (${value} / ${limit} bytes)`);
  }
  if (failed) {
    console.log("\nA size budget is crossed (budgets.json). Find what grew: twiggy or a section dump of www/pkg/burnout_check_bg.wasm.");
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
