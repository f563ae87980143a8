// `BASE=/path/to/another/checkout node bench/compare.mjs`: (a) to (e) of
// bench/run.mjs (navigation start -> first screen usable; last answer -> result
// shown; opening a history of 2,000 entries; importing them; JS heap after load) for this checkout and another built one (`npm run
// build` there), alternately in one browser, CPU throttled 4x, so that a busy
// machine slows both alike. (a) of the plain form (bench/plain.html) is timed in
// the same rounds, for the ratio. N=15 rounds by default; ONLY=a skips (b), (c) and (d).
// (c) and (d) are also timed to the frame after (painted), as bench/run.mjs times them:
// work the view leaves to the browser's next frame shows there.
// BASE may also be a folder holding a copy of a built dist/. Prints medians and ranges.
// Each checkout imports an export its own core wrote (BASE's bench/export.mjs when it
// has one): the file a person would have exported from that version.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CSP } from "../scripts/serve.mjs";
import { forgetBrowserGlobals, makeExport } from "./export.mjs";
import { LISTEN, answerFullForm, firstUsable, importThroughDialog } from "./marks.mjs"; // (a), (b) and (d) as bench/run.mjs counts them

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };
const HERE = fileURLToPath(new URL("..", import.meta.url));
if (!process.env.BASE) throw new Error("BASE=/path/to/another/built/checkout is required");
const N = Number(process.env.N ?? 15);
const ONLY_A = process.env.ONLY === "a";

/** Serves `root`'s dist/ (else www/) at /, and this checkout's bench/ at /bench/. */
const serve = async (root) => {
  const server = createServer(async (req, res) => {
    let rel = decodeURIComponent(req.url.split("?")[0]);
    if (rel.endsWith("/")) rel += "index.html";
    // The minified dist/ when the checkout has one (as bench/run.mjs serves), else www/.
    const file = rel.startsWith("/bench/") ? normalize(join(HERE, rel)) : normalize(join(root, existsSync(join(root, "dist")) ? "dist" : "www", rel));
    try {
      const body = await readFile(file);
      const h = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" };
      if (extname(file) === ".html") h["content-security-policy"] = CSP;
      res.writeHead(200, h).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return server;
};

const roots = { base: process.env.BASE, this: HERE };
const servers = {};
for (const [k, r] of Object.entries(roots)) servers[k] = await serve(r);
const texts = { this: "", base: "" };
if (!ONLY_A) {
  texts.this = (await makeExport(2000)).text;
  const other = join(process.env.BASE, "bench/export.mjs");
  texts.base = existsSync(other) ? (await (await import(pathToFileURL(other).href)).makeExport(2000)).text : texts.this;
  forgetBrowserGlobals();
  for (const [k, t] of Object.entries(texts)) console.log(`${k}: an export of ${(t.length / 1e6).toFixed(2)} MB`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const runs = () => ({ a: [], p: [], b: [], c: [], cp: [], d: [], dp: [], e: [] });
const empty = () => ({ base: runs(), this: runs(), plain: { a: [], p: [], e: [] } });
let res = empty();

const run = async (which) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(LISTEN);
  const server = servers[which === "plain" ? "this" : which];
  await page.goto(`http://127.0.0.1:${server.address().port}/${which === "plain" ? "bench/plain.html" : ""}`);
  // (e) with our core loaded, as bench/run.mjs takes it.
  const [a, p] = await firstUsable(page, which !== "plain");
  res[which].a.push(a);
  res[which].p.push(p);
  await cdp.send("HeapProfiler.collectGarbage");
  res[which].e.push((await cdp.send("Runtime.getHeapUsage")).usedSize / 1048576);
  if (which === "plain" || ONLY_A) return context.close();
  await page.waitForFunction(() => document.querySelector("burnout-check")?.shadowRoot?.querySelector("nav button:not([disabled])"));
  res[which].b.push((await answerFullForm(page))[0]);
  const [d, dp] = await importThroughDialog(page, texts[which]);
  const [c, cp] = await page.evaluate(() => window.__openHistory());
  await context.close();
  const r = res[which];
  r.c.push(c); r.cp.push(cp); r.d.push(d); r.dp.push(dp);
};

// Warm-up, then rounds; the order within a round alternates, so neither build always goes first.
for (const w of ["base", "this", "plain"]) await run(w);
res = empty();
for (let i = 0; i < N; i++) {
  for (const w of i % 2 ? ["this", "base", "plain"] : ["base", "this", "plain"]) await run(w);
  process.stderr.write(`\r${i + 1}/${N}`);
}
await browser.close();
for (const s of Object.values(servers)) s.close();

const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const cell = (xs, digits = 0) => (xs.length ? `${med(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})` : "-");
console.log(`\n${N} interleaved rounds, 4x throttle, median (min-max) ms; (e) MB`);
for (const k of ["base", "this"]) {
  const ratio = (med(res[k].a) / med(res.plain.a)).toFixed(2);
  const painted = (med(res[k].p) / med(res.plain.p)).toFixed(2);
  console.log(k.padEnd(6), "(a)", cell(res[k].a), `${ratio}x plain`, " painted", cell(res[k].p), `${painted}x`, ONLY_A ? "" : ` (b) ${cell(res[k].b, 1)}  (c) ${cell(res[k].c)} painted ${cell(res[k].cp)}  (d) ${cell(res[k].d)} painted ${cell(res[k].dp)}`, ` (e) ${cell(res[k].e, 2)}`);
}
console.log("plain ", "(a)", cell(res.plain.a), " painted", cell(res.plain.p), ` (e) ${cell(res.plain.e, 2)}`);
