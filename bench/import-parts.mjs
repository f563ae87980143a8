// `node bench/import-parts.mjs`: where (d) of bench/run.mjs goes, in headless
// Chromium at 4x, over RUNS fresh pages (default 7; medians). For an export of
// 2,000 entries made by this checkout's core, the core's `importJson` alone, in
// a page where the element is ready, its history view was opened once and its
// import warm-up ran (as when the file dialog opens):
//   first     the first import in the page (into a namespace of its own)
//   second    the same file again into another namespace: code already run once
//   no-store  a third, with localStorage's setItem/getItem replaced by a Map
//   overview  `overview()` of the first store right after, and once more
//   open      a new store over the first one's 2,000 stored entries (reading them all)
// Prints figures; asserts nothing. Serves dist/ (run `npm run build` first), or DIST=<a copy of another build's dist/>.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { makeExport } from "./export.mjs";

const DIST = resolve(process.env.DIST ?? fileURLToPath(new URL("../dist", import.meta.url)));
const RUNS = Number(process.env.RUNS ?? 7);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

const server = createServer(async (req, res) => {
  let rel = decodeURIComponent((req.url ?? "/").split("?")[0]);
  if (rel.endsWith("/")) rel += "index.html";
  const file = normalize(join(DIST, rel));
  if (!file.startsWith(DIST + sep)) return res.writeHead(404).end();
  try {
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const { text } = await makeExport(2000);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const rows = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(base);
    await page.waitForFunction(() => document.querySelector("burnout-check")?._store);
    await page.evaluate((t) => { window.__export = t; }, text);
    rows.push(await page.evaluate(async () => {
      const el = document.querySelector("burnout-check");
      [...el.shadowRoot.querySelectorAll("nav button")].at(-1).click(); // its texts and code loaded
      await new Promise((r) => setTimeout(r, 500));
      el._warmImport?.(); // what the import's file dialog starts (older builds warmed when the history opened)
      await new Promise((r) => setTimeout(r, 1500));
      const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
      const text = window.__export;
      const first = new el._core.HistoryStore("parts-1");
      const out = { first: time(() => first.importJson(text)) };
      out.overview = time(() => first.overview());
      out["overview again"] = time(() => first.overview());
      // A new store over the 2,000 stored entries: what opening the page again reads.
      out.open = time(() => new el._core.HistoryStore("parts-1"));
      localStorage.clear();
      out.second = time(() => new el._core.HistoryStore("parts-2").importJson(text));
      localStorage.clear();
      const map = new Map();
      Storage.prototype.setItem = function (k, v) { map.set(k, String(v)); };
      Storage.prototype.getItem = function (k) { return map.has(k) ? map.get(k) : null; };
      out["no-store"] = time(() => new el._core.HistoryStore("parts-3").importJson(text));
      return out;
    }));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`importJson of 2,000 entries (an export of ${(text.length / 1e6).toFixed(2)} MB), 4x throttle, ${RUNS} pages, median (min-max) ms`);
for (const key of Object.keys(rows[0])) {
  const xs = rows.map((r) => r[key]);
  console.log(`  ${key.padEnd(15)} ${median(xs).toFixed(1).padStart(7)} (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})`);
}
