// Host pages for the embedding tests, served from a second origin (another
// port): tests/browser/hosts/ at `/`, with {{WIDGET}} in HTML replaced by the
// widget server's origin, and a same-origin copy of dist/ at `/bc/` (a page
// owner who copied the files). Host pages set their own CSP in <meta>.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { resultSaved } from "./harness.mjs";

const HOSTS = fileURLToPath(new URL("./hosts/", import.meta.url));
const WWW = fileURLToPath(new URL("../../dist/", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json" };

/** Starts the host server; `widget` is the widget server's base URL. Resolves to `{ url, origin, stop }`. */
export async function startHostServer(widget) {
  const widgetOrigin = new URL(widget).origin;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const [base, rel] = path.startsWith("/bc/") ? [WWW, path.slice(4)] : [HOSTS, path.slice(1)];
    const file = normalize(join(base, rel || "index.html"));
    if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return void res.writeHead(404).end();
    try {
      let body = await readFile(file);
      if (extname(file) === ".html") body = body.toString("utf8").replaceAll("{{WIDGET}}", widgetOrigin);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, origin: new URL(url).origin, stop: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Answers every question of the check shown in `check` (a locator for one
 * widget, inline or inside a frame) with `value`, and finishes.
 */
export async function finishCheck(check, value = 2) {
  for (let guard = 0; guard < 20; guard++) {
    const section = check.locator("section.questions");
    await section.waitFor();
    const page = await section.locator(".progress .muted").textContent();
    const sets = section.locator("fieldset[data-item]");
    const n = await sets.count();
    for (let i = 0; i < n; i++) await sets.nth(i).locator(`input[value="${value}"]`).check();
    await section.locator('button[type="submit"]').click();
    if (n === 0) break;
    await check.locator(`section.questions .progress .muted:not(:text-is("${page}"))`).waitFor();
  }
  await resultSaved(null, check); // shown, then stored (and its events sent)
}
