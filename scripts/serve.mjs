// Serves dist/ (what `npm run build` writes: www/ minified) on loopback: the
// standalone page at http://127.0.0.1:8080/ (PORT overrides; ROOT=www serves the sources).
// No dependencies; same-origin only; no cookies; every response carries a strict CSP header.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL(`../${process.env.ROOT ?? "dist"}/`, import.meta.url)));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

async function resolveFile(urlPath, base = root) {
  let rel = decodeURIComponent(urlPath.split("?")[0]);
  if (rel.endsWith("/")) rel += "index.html";
  const file = normalize(join(base, rel));
  if (file !== base && !file.startsWith(base + sep)) return null; // no escaping the root
  try {
    const s = await stat(file);
    if (s.isDirectory()) return resolveFile(rel + "/", base);
    return file;
  } catch {
    return null;
  }
}

/**
 * Serves `root` (default dist/) on `listenPort`. `cors: true` lets pages on other
 * origins load the scripts and the wasm (`Access-Control-Allow-Origin: *` on
 * everything but HTML), as a CDN hosting the widget for other sites would.
 */
export function startServer(listenPort = port, { root: base = root, cors = false } = {}) {
  base = resolve(base);
  const server = createServer(async (req, res) => {
    try {
      const file = req.method === "GET" || req.method === "HEAD" ? await resolveFile(req.url ?? "/", base) : null;
      if (!file) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        return res.end("not found");
      }
      const body = await readFile(file);
      const headers = {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      };
      // Pages of the product get the strict policy; demo host pages set their own in <meta>.
      if (extname(file) === ".html" && !file.includes(`${sep}demo${sep}`)) headers["content-security-policy"] = CSP;
      if (cors && extname(file) !== ".html") headers["access-control-allow-origin"] = "*";
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(String(e?.message ?? e));
    }
  });
  return new Promise((ok) => server.listen(listenPort, host, () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await stat(join(root, "index.html")).then(() => true, () => false);
  if (!built) {
    console.error(`burnout-check: nothing to serve in ${root}: run \`npm run build\` first (or \`npm start\`, which builds).`);
    process.exit(1);
  }
  const server = await startServer(port, { cors: process.env.CORS === "1" });
  const { port: p } = server.address();
  console.log(`burnout-check: http://${host}:${p}/  (Ctrl+C to stop)`);
}
