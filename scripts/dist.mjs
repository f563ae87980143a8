// Writes dist/, what is served and deployed: www/ file for file (same names and
// folders, so every relative URL, `import.meta.url` and the service worker's
// list stay valid), with each script and style sheet minified by esbuild.
// www/ stays the readable source and still runs as it is.
//
// Minifying each file on its own, not bundling: the core's glue must stay a
// module of its own (src/core.js imports it again under another URL for a
// fresh instance after a fault), and the views and languages load lazily.
// Comments and whitespace are most of what it removes: the first load's
// scripts go from about 35 to 24 KB gzip.

import { transform } from "esbuild";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../www/", import.meta.url));
export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));

/** The same code, smaller. Classic scripts (the service worker) keep their top-level names. */
export async function minify(source, file) {
  const loader = extname(file) === ".css" ? "css" : "js";
  if (loader === "js") source = await minifyMarkedCss(source, file);
  const { code } = await transform(source, { loader, minify: true, legalComments: "none", sourcefile: file });
  return code;
}

/**
 * Style sheets kept in scripts (the element adopts its CSS from a string, see
 * src/styles.js) are marked `/* css *\/ \`...\`` and minified as CSS: a template
 * literal without `${}`, so its text is the sheet itself.
 */
async function minifyMarkedCss(source, file) {
  let out = "";
  let last = 0;
  for (const m of source.matchAll(/\/\* css \*\/ `((?:[^`\\$]|\\[\s\S])*)`/g)) {
    const css = m[1].replace(/\\([`\\$])/g, "$1");
    const { code } = await transform(css, { loader: "css", minify: true, sourcefile: `${file} (css)` });
    out += source.slice(last, m.index) + "`" + code.trim().replace(/[`\\$]/g, "\\$&") + "`";
    last = m.index + m[0].length;
  }
  return out + source.slice(last);
}

async function files(dir) {
  const out = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

async function main() {
  await rm(DIST, { recursive: true, force: true });
  let before = 0;
  let after = 0;
  for (const file of await files(www)) {
    const rel = relative(www, file);
    const target = join(DIST, rel);
    await mkdir(dirname(target), { recursive: true });
    if (/\.(js|css)$/.test(file)) {
      const source = await readFile(file, "utf8");
      const code = await minify(source, rel.split(sep).join("/"));
      await writeFile(target, code);
      before += Buffer.byteLength(source);
      after += Buffer.byteLength(code);
    } else {
      await cp(file, target);
    }
  }
  console.error(`[burnout-check] dist/: scripts and styles ${Math.round(before / 1024)} -> ${Math.round(after / 1024)} KB (raw)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
