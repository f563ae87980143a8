// Size budgets (budgets.json), checked by `npm test` after the build.
//
// Loads the standalone page in headless Chromium from scripts/serve.mjs and
// records every response the page itself receives until the start screen is
// usable (the service worker's background precache is not the page's load).
// Each file is gzipped at level 9, as a server would send it, and the sums are
// compared with the budgets. Prints a table; exits 1 when a budget is crossed.
//
// BUDGETS='{"wasm_gzip":1000}' overrides budgets.json (the test of this script uses it).

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const READY = "burnout-check section.start button[type=submit], burnout-check section.questions";

export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Every response of a cold load of `url` until the start screen is usable: [{ path, type, raw, gzip }]. */
export async function firstLoad(url) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    // The element says when its first screen is up; what the page starts fetching after that
    // (the views it loads when idle) is not the first load, however soon it arrives.
    await context.addInitScript(() => {
      document.addEventListener("burnout-check:ready", () => (globalThis.__readyAt ??= performance.now()), true);
    });
    const page = await context.newPage();
    const responses = [];
    let recording = true;
    // page events only: requests the service worker makes for its cache are not the page's.
    page.on("response", (r) => recording && r.url().startsWith("http") && responses.push(r));
    await page.goto(url);
    await page.locator(READY).first().waitFor({ state: "visible", timeout: 30000 });
    recording = false;
    const late = new Set(await page.evaluate(() => {
      const readyAt = globalThis.__readyAt ?? Infinity;
      return performance.getEntriesByType("resource").filter((e) => e.startTime > readyAt).map((e) => e.name);
    }));
    const files = [];
    for (const r of responses) {
      if (late.has(r.url())) continue;
      const body = await r.body().catch(() => Buffer.alloc(0));
      const u = new URL(r.url());
      files.push({ path: u.pathname + u.search, type: r.headers()["content-type"] ?? "", raw: body.length, gzip: gz(body) });
    }
    return files;
  } finally {
    await browser.close();
  }
}

/** The three measured figures from a list of files. */
export function figures(files) {
  const sum = (list) => list.reduce((n, f) => n + f.gzip, 0);
  const isJs = (f) => /javascript/.test(f.type) || /\.m?js$/.test(f.path.split("?")[0]);
  const isWasm = (f) => /wasm/.test(f.type) || f.path.split("?")[0].endsWith(".wasm");
  return { wasm_gzip: sum(files.filter(isWasm)), js_gzip: sum(files.filter(isJs)), first_load_gzip: sum(files) };
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
  console.log(`${pad("first load (until the start screen is usable)", 48)}${padL("raw", 10)}${padL("gzip -9", 10)}`);
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${pad(f.path, 46)}${padL(f.raw, 10)}${padL(f.gzip, 10)}`);
  }
  const total = files.reduce((n, f) => n + f.raw, 0);
  console.log(`  ${pad(`${files.length} files`, 46)}${padL(total, 10)}${padL(files.reduce((n, f) => n + f.gzip, 0), 10)}`);
  console.log("");
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
