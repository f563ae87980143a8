// `npm run bench`: our page against the plain form (bench/plain.html) in headless
// Chromium with 4x CPU throttling, interleaved cold loads. Prints figures; asserts nothing.
//
//   (a) navigation start -> first screen usable (our start screen / the plain form),
//       and, on the next lines, to the frame after it (the first screen painted) and,
//       ours only, to the core loaded (the element's "ready"; Start pressed earlier waits for it)
//   (b) pressing the last "finish" after the last answer -> result in the DOM (laid out:
//       the element focuses its heading), and on the next line to the element's "saved"
//       (it stores the result once its frame is drawn)
//   (c) opening the history view holding 2,000 entries (ours only; after (d), in the
//       same page), and on the next lines to the frame after it (laid out and painted),
//       and the same in a new page over the 2,000 stored entries (the person coming back)
//   (d) importing an export of 2,000 entries through the history view (ours only;
//       its Import button clicked, the file chosen in the browser's file chooser
//       PICK after it opened), and on the next line to the frame after it
//   (e) JS heap after load (after a forced GC)
//
// RUNS=15 (default) sets the number of cold loads per page.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CSP } from "../scripts/serve.mjs";
import { makeExport } from "./export.mjs";
import { LISTEN, PAUSE, SETTLE, answerFullForm, firstUsable, importThroughDialog } from "./marks.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const RUNS = Number(process.env.RUNS ?? 15);
const ENTRIES = 2000;
const THROTTLE = 4;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json" };

// ---- one server for both pages: dist/ at /, bench/ at /bench/, the same headers as scripts/serve.mjs ----
function serve() {
  const server = createServer(async (req, res) => {
    let rel = decodeURIComponent((req.url ?? "/").split("?")[0]);
    if (rel.endsWith("/")) rel += "index.html";
    const base = rel.startsWith("/bench/") ? ROOT : join(ROOT, "dist");
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep)) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", "x-content-type-options": "nosniff" };
      if (extname(file) === ".html") headers["content-security-policy"] = CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

async function oursRun(browser, base, exportText) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.addInitScript(LISTEN);
  await page.goto(base + "/");
  const [a, p, k] = await firstUsable(page, true);
  const out = { a, p, k, e: await heap(cdp) };
  // Answer the full form through the screens (after SETTLE); time the last "finish".
  [out.b, out.s] = await answerFullForm(page);
  // Import 2,000 entries through the history view's Import button and file chooser.
  [out.d, out.dp] = await importThroughDialog(page, exportText);
  // Leave the history and open it again: 2,000 entries rendered from the store.
  [out.c, out.cp] = await page.evaluate(() => window.__openHistory());
  out.rows = await page.evaluate(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll("table.entries tbody tr").length);
  out.stored = await page.evaluate(() => { let n = 0; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); n += k.length + localStorage.getItem(k).length; } return n; });
  // The person comes back: a new page over the 2,000 stored entries, its core
  // ready, a moment on the start screen (SETTLE), then the history opened.
  await page.goto(base + "/");
  [, , out.nk] = await firstUsable(page, true);
  await page.waitForTimeout(SETTLE);
  [out.n, out.np] = await page.evaluate(() => window.__openHistory());
  await context.close();
  return out;
}

async function plainRun(browser, base) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.addInitScript(LISTEN);
  await page.goto(base + "/bench/plain.html");
  const [a, p] = await firstUsable(page);
  const out = { a, p, e: await heap(cdp) };
  await page.waitForTimeout(SETTLE);
  await page.waitForFunction(() => document.readyState === "complete");
  out.b = await page.evaluate(async (pause) => {
    const waitFor = window.__waitFor;
    let k = 0;
    for (const f of document.querySelectorAll("fieldset")) f.querySelector("input").click(), k++;
    for (const f of document.querySelectorAll("fieldset[data-item]")) f.querySelector(`input[value="${k++ % 5}"]`).click();
    const result = document.getElementById("result");
    await new Promise((ok) => setTimeout(ok, pause));
    const t0 = performance.now();
    document.querySelector("button[type=submit]").click();
    const t1 = await waitFor(document.body, () => !result.hidden);
    return t1 - t0;
  }, PAUSE);
  await context.close();
  return out;
}

// ---- figures ----
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (v, unit) => (unit === "MB" ? (v / 1048576).toFixed(2) : v.toFixed(1));

async function main() {
  const { text, perEntryChars } = await makeExport(ENTRIES);
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"] });
  const ours = [], plain = [];
  try {
    await oursRun(browser, base, text); // warm-up (browser process, not the page's cache: every run is a new context)
    await plainRun(browser, base);
    // A run that fails (e.g. dist/ being rebuilt under it) is retried, at most 3 times in all.
    let retries = 0;
    const attempt = async (f) => {
      for (;;) {
        try {
          return await f();
        } catch (e) {
          if (++retries > 3) throw e;
          process.stderr.write(`\nretrying a failed run: ${String(e.message).split("\n")[0]}\n`);
        }
      }
    };
    for (let i = 0; i < RUNS; i++) {
      ours.push(await attempt(() => oursRun(browser, base, text)));
      plain.push(await attempt(() => plainRun(browser, base)));
      process.stderr.write(`\rrun ${i + 1}/${RUNS}`);
    }
    process.stderr.write("\n");
  } finally {
    await browser.close();
    server.close();
  }
  const rows = [
    ["a", "navigation start -> first screen usable", "ms"],
    ["p", "  ... and painted (the frame after)", "ms"],
    ["k", "  ... and the core loaded (element ready)", "ms"],
    ["b", "last answer -> result shown", "ms"],
    ["s", "  ... and stored (the element's \"saved\")", "ms"],
    ["c", `open history of ${ENTRIES} entries`, "ms"],
    ["cp", "  ... and painted (the frame after)", "ms"],
    ["n", "  ... in a new page over them", "ms"],
    ["np", "  ... and painted", "ms"],
    ["nk", "  (that page's core ready, from its start)", "ms"],
    ["d", `import ${ENTRIES} entries`, "ms"],
    ["dp", "  ... and painted (the frame after)", "ms"],
    ["e", "JS heap after load", "MB"],
  ];
  const cell = (list, k, unit) => {
    const xs = list.map((r) => r[k]).filter(Number.isFinite); // a figure a run could not take is left out, not NaN
    if (!xs.length) return "-".padStart(26);
    return `${fmt(median(xs), unit).padStart(8)} (${fmt(Math.min(...xs), unit)}-${fmt(Math.max(...xs), unit)})`.padStart(26);
  };
  console.log(`Chromium headless, CPU throttled ${THROTTLE}x, ${RUNS} interleaved cold loads each; median (min-max)\n`);
  console.log(`${"".padEnd(46)}${"ours".padStart(26)}${"plain form".padStart(26)}${"ours/plain".padStart(12)}`);
  for (const [k, label, unit] of rows) {
    const ratio = plain[0]?.[k] !== undefined ? (median(ours.map((r) => r[k])) / median(plain.map((r) => r[k]))).toFixed(2) + "x" : "-";
    console.log(`${k.length > 1 || ["p", "k", "s", "n"].includes(k) ? "   " : `(${k})`} ${`${label} [${unit}]`.padEnd(42)}${cell(ours, k, unit)}${cell(plain, k, unit)}${ratio.padStart(12)}`);
  }
  const chars = perEntryChars * ENTRIES;
  console.log(`\nhistory rows rendered for ${ENTRIES} entries: ${ours[0]?.rows} (the newest; "show more" adds the older ones a page at a time)`);
  console.log(`localStorage per full-form entry: ${Math.round(perEntryChars)} characters (key + value; ${Math.round(perEntryChars * 2)} bytes as UTF-16)`);
  console.log(`${ENTRIES} entries: ${(chars / 1e6).toFixed(2)} M characters = ${(chars * 2 / 1048576).toFixed(2)} MB as UTF-16; ` +
    `after the import the page held ${(ours[0]?.stored / 1e6).toFixed(2)} M characters in localStorage`);
  const quota = 5 * 1048576;
  const spare = (used) => (used <= quota ? `would hold them with ${((quota - used) / 1048576).toFixed(1)} MB to spare` : `would not hold them`);
  console.log(`(a 5 MB quota counted in UTF-16 bytes ${spare(chars * 2)}; counted in characters it ${spare(chars)})`);
}

await main();
