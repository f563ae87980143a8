// `BASE=/path/to/another/checkout node bench/compare.mjs`: (c) and (d) of bench/run.mjs
// (opening a history of 2,000 entries, importing them) for this checkout and another
// built one (`npm run build` there), alternately in one browser, CPU throttled 4x, so
// that a busy machine slows both alike. N=15 pairs by default. Prints medians and ranges.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CSP } from "../scripts/serve.mjs";
import { makeExport } from "./export.mjs";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };
const serve = async (root) => {
  const server = createServer(async (req, res) => {
    let rel = decodeURIComponent(req.url.split("?")[0]); if (rel.endsWith("/")) rel += "index.html";
    // The minified dist/ when the checkout has one (as bench/run.mjs serves), else www/.
    const file = normalize(join(root, existsSync(join(root, "dist")) ? "dist" : "www", rel));
    try { const body = await readFile(file); const h = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" }; if (extname(file) === ".html") h["content-security-policy"] = CSP; res.writeHead(200, h).end(body); } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return server;
};
const HERE = fileURLToPath(new URL("..", import.meta.url));
if (!process.env.BASE) throw new Error("BASE=/path/to/another/built/checkout is required");
const roots = { base: process.env.BASE, this: HERE };
const servers = {}; for (const [k, r] of Object.entries(roots)) servers[k] = await serve(r);
const { text } = await makeExport(2000);
const WAIT = `window.__waitFor = (root, test) => new Promise((ok) => { const now = test(); if (now) return ok(performance.now()); const mo = new MutationObserver(() => { if (test()) { mo.disconnect(); ok(performance.now()); } }); mo.observe(root, { childList: true, subtree: true, attributes: true }); });`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
let res = { base: { c: [], d: [] }, this: { c: [], d: [] } };
const run = async (which) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(WAIT);
  await page.goto(`http://127.0.0.1:${servers[which].address().port}/`);
  await page.waitForFunction(() => document.querySelector("burnout-check")?.shadowRoot?.querySelector("nav button:not([disabled])"));
  const d = await page.evaluate(async (text) => {
    const root = document.querySelector("burnout-check").shadowRoot;
    [...root.querySelectorAll("nav button")].at(-1).click();
    await window.__waitFor(root, () => root.querySelector("section.history input.import-file"));
    const input = root.querySelector("input.import-file");
    const dt = new DataTransfer(); dt.items.add(new File([text], "export.json", { type: "application/json" })); input.files = dt.files;
    const t0 = performance.now(); input.dispatchEvent(new Event("change"));
    const t1 = await window.__waitFor(root, () => root.querySelector("section.history .flash") && root.querySelector("table.entries tbody tr"));
    return t1 - t0;
  }, text);
  const c = await page.evaluate(async () => {
    const root = document.querySelector("burnout-check").shadowRoot;
    const nav = [...root.querySelectorAll("nav button")];
    nav[0].click(); await window.__waitFor(root, () => !root.querySelector("section.history"));
    const t0 = performance.now(); nav.at(-1).click();
    const t1 = await window.__waitFor(root, () => root.querySelector("section.history table.entries tbody tr"));
    return t1 - t0;
  });
  await context.close();
  res[which].c.push(c); res[which].d.push(d);
};
const N = Number(process.env.N ?? 15);
await run("base"); await run("this"); // warm-up
res = { base: { c: [], d: [] }, this: { c: [], d: [] } };
for (let i = 0; i < N; i++) { await run("base"); await run("this"); process.stderr.write(`\r${i + 1}/${N}`); }
await browser.close(); for (const s of Object.values(servers)) s.close();
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`\n${N} interleaved pairs, 4x throttle, median (min-max) ms`);
for (const k of ["base", "this"]) console.log(k.padEnd(6), "(c)", med(res[k].c).toFixed(0), `(${Math.min(...res[k].c).toFixed(0)}-${Math.max(...res[k].c).toFixed(0)})`, " (d)", med(res[k].d).toFixed(0), `(${Math.min(...res[k].d).toFixed(0)}-${Math.max(...res[k].d).toFixed(0)})`);
