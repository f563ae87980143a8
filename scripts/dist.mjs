// Writes dist/, what is served and deployed: www/ with the element's modules
// bundled by esbuild, so the start screen needs 3 scripts instead of 15 (each
// a request, and a browser opens at most six HTTP/1.1 connections to a host).
//
// - The scripts pages and hosts load by URL keep their URLs: burnout-check.js
//   (the embed entry, which also exports `define` and `BurnoutCheck`), page.js,
//   frame.js, embed-host.js. So do the lazy views
//   (src/views/questions.js, result.js, history.js) and the languages
//   (src/i18n/<l>.js), now chunks loaded as before; code two of them share sits
//   in src/chunk-<hash>.js, one copy per page, so i18n.js's state stays one.
//   esbuild makes one chunk per set of entries that reach a module; every entry
//   but the languages is made to reach define.js (see ANCHOR), so the start
//   screen's modules (the element, its styles, the core's loader, i18n.js with
//   English, h.js, dates.js, prefs.js...) are one chunk, preloaded.
// - The core's glue (pkg/burnout_check.js) stays a module of its own, not
//   bundled: src/core.js imports it once the start screen is up, and again under
//   another URL for a fresh instance after a fault. pkg/forms.js (the question
//   counts the start screen shows) is bundled like any module.
// - `new URL("<relative>", import.meta.url)` and the glue's import are written
//   relative to the chunk the code lands in (import.meta.url is the chunk's URL).
// - Everything else is copied, scripts (the service worker, the demo) and style
//   sheets minified file by file. dist/index.html preloads the first screen's
//   files, as www/index.html does its own.
// www/ stays the readable source and still runs as it is (`ROOT=www npm run serve`).

import { build, transform } from "esbuild";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, extname, join, posix, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { PRECACHE } from "./postbuild.mjs";

const www = fileURLToPath(new URL("../www/", import.meta.url));
export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));

/**
 * What is bundled, each at its path in www/: the scripts pages load by URL, and
 * the views and languages the element imports when needed (so they keep their names).
 * embed-host.js imports nothing and is copied (minified) instead:
 * a copy of embed-host.js on a host's own origin must work alone.
 */
export const ENTRIES = [
  "burnout-check.js", "page.js", "frame.js",
  "src/views/questions.js", "src/views/result.js", "src/views/history.js",
  "src/i18n/de.js", "src/i18n/es.js",
];
/** The page whose first screen's files dist/ preloads, and the scripts it loads itself. */
const PAGE = { html: "index.html", scripts: ["page.js", "burnout-check.js"] };
/**
 * Every bundled entry but the languages also imports this module (added by the
 * bundle's plugin below, not in www/'s source). esbuild puts each module in the chunk
 * of the entries that reach it, so without this the start screen's modules came
 * in five chunks by who else used them (the views share h.js, dates.js, prefs.js,
 * i18n.js; page.js shares i18n.js): with every entry reaching define.js, and with it the
 * element and all it imports, they are one chunk. The start screen is then the page,
 * its style sheet, page.js, burnout-check.js and that chunk: within the six
 * connections a browser opens to one host over HTTP/1.1, where nine files made
 * the last two wait for a free one.
 */
const ANCHOR = "src/define.js";
/** The core's glue: never bundled (see src/core.js, `freshCore`). */
const GLUE = "pkg/burnout_check.js";
/** Stands for "the dist/ root, relative to this chunk" until the chunk's place is known. */
const ROOT_MARK = "__burnout_check_root__/";

const posixRel = (from, to) => relative(from, to).split(sep).join("/");

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

/**
 * `new URL("./x" or `../x${...}`, import.meta.url)` in `file` (a path in www/) with the
 * address written from the root (ROOT_MARK), checked to exist in www/ (its folder,
 * for a template), so a URL bundled into another folder's chunk still points where it did.
 */
function rootedUrls(source, file) {
  const from = posix.dirname(posixRel(www, file));
  const uses = source.split("import.meta.url").length - 1;
  let rooted = 0;
  const out = source.replace(/new URL\((["`])(\.\.?\/[^"`]*)\1, import\.meta\.url\)/g, (all, quote, rel) => {
    const target = posix.normalize(posix.join(from, rel));
    if (target.startsWith("../")) throw new Error(`${file}: ${rel} points outside www/`);
    const fixed = target.split(/[?$]/)[0];
    const mustExist = rel.includes("${") ? posix.dirname(fixed) : fixed;
    if (!existsSync(join(www, mustExist))) throw new Error(`${file}: ${rel} (${mustExist}) is not in www/; run the build's wasm steps first`);
    rooted++;
    return `new URL(${quote}${ROOT_MARK}${target}${quote}, import.meta.url)`;
  });
  // Any other use would be relative to whichever chunk the code lands in.
  if (rooted !== uses) throw new Error(`${file}: import.meta.url only as new URL("./relative", import.meta.url) in bundled code`);
  return out;
}

/** Reads www/'s modules for the bundle: marked CSS minified, relative URLs rooted, the glue left out. */
const wwwModules = {
  name: "burnout-check-www",
  setup(b) {
    b.onResolve({ filter: /burnout_check\.js$/ }, (args) => {
      const target = posixRel(www, join(args.resolveDir, args.path));
      if (target !== GLUE) return undefined;
      return { path: ROOT_MARK + GLUE, external: true };
    });
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      let contents = rootedUrls(await minifyMarkedCss(source, args.path), args.path);
      const rel = posixRel(www, args.path);
      if (ENTRIES.includes(rel) && !rel.startsWith("src/i18n/")) {
        contents += `\nimport ${JSON.stringify(posixRel(dirname(args.path), join(www, ANCHOR)).replace(/^(?!\.)/, "./"))};\n`;
      }
      return { contents, loader: "js" };
    });
  },
};

async function files(dir) {
  const out = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

/** Bundles the entries into dist/; returns the www/ files bundled (not to be copied) and the metafile. */
async function bundle() {
  const result = await build({
    absWorkingDir: www,
    entryPoints: ENTRIES.map((e) => join(www, e)),
    outbase: www,
    outdir: DIST,
    entryNames: "[dir]/[name]",
    chunkNames: "src/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    legalComments: "none",
    charset: "utf8", // module scripts are always read as UTF-8; the German and Spanish texts stay readable and smaller
    metafile: true,
    write: false,
    plugins: [wwwModules],
    logLevel: "warning",
  });
  const outputs = {};
  for (const out of result.outputFiles) {
    const rel = posixRel(DIST, out.path);
    const up = posixRel(posix.dirname(`/${rel}`), "/") || ".";
    const code = out.text.split(ROOT_MARK).join(`${up}/`);
    if (code.includes(ROOT_MARK.slice(0, -1))) throw new Error(`${rel}: a root mark is left`);
    await mkdir(dirname(out.path), { recursive: true });
    await writeFile(out.path, code);
    outputs[rel] = code;
  }
  const bundled = new Set(Object.keys(result.metafile.inputs).map((p) => posixRel(www, join(www, p))));
  return { bundled, outputs, metafile: result.metafile };
}

/** The files `scripts` import statically, all the way down (what a first load needs at once), the glue included. */
function staticClosure(metafile, scripts) {
  const byRel = Object.fromEntries(Object.entries(metafile.outputs).map(([p, o]) => [posixRel(DIST, join(www, p)), o]));
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    for (const i of byRel[rel]?.imports ?? []) {
      if (i.kind !== "import-statement") continue;
      if (i.external) seen.add(GLUE);
      else visit(posixRel(DIST, join(www, i.path)));
    }
  };
  scripts.forEach(visit);
  return [...seen];
}

/** www/index.html's modulepreload links replaced by the bundled first screen's. */
function preloadFirstScreen(html, preloads) {
  const link = /^[ \t]*<link rel="modulepreload" href="[^"]+">\r?\n/gm;
  const at = html.search(link);
  if (at < 0) throw new Error(`www/${PAGE.html}: no <link rel="modulepreload"> to replace`);
  const indent = html.slice(at).match(/^[ \t]*/)[0];
  const links = preloads.map((p) => `${indent}<link rel="modulepreload" href="${p}">\n`).join("");
  const rest = html.replace(link, "");
  return rest.slice(0, at) + links + rest.slice(at);
}

async function main() {
  await rm(DIST, { recursive: true, force: true });
  const { bundled, outputs, metafile } = await bundle();
  let copiedBefore = 0;
  let copiedAfter = 0;
  for (const file of await files(www)) {
    const rel = posixRel(www, file);
    if (bundled.has(rel) || rel === PRECACHE) continue; // postbuild writes dist/'s own list
    const target = join(DIST, rel);
    await mkdir(dirname(target), { recursive: true });
    if (/\.(js|css)$/.test(file)) {
      const source = await readFile(file, "utf8");
      const code = await minify(source, rel);
      await writeFile(target, code);
      copiedBefore += Buffer.byteLength(source);
      copiedAfter += Buffer.byteLength(code);
    } else if (rel === PAGE.html) {
      const preloads = staticClosure(metafile, PAGE.scripts).filter((p) => !PAGE.scripts.includes(p) || p === "burnout-check.js");
      await writeFile(target, preloadFirstScreen(await readFile(file, "utf8"), preloads.sort()));
    } else {
      await cp(file, target);
    }
  }
  const sourceBytes = (await Promise.all([...bundled].map((f) => readFile(join(www, f))))).reduce((n, b) => n + b.length, 0);
  const bundleBytes = Object.values(outputs).reduce((n, c) => n + Buffer.byteLength(c), 0);
  const first = staticClosure(metafile, PAGE.scripts);
  console.error(
    `[burnout-check] dist/: ${bundled.size} modules bundled into ${Object.keys(outputs).length} files ` +
      `(${Math.round(sourceBytes / 1024)} -> ${Math.round(bundleBytes / 1024)} KB raw; the start screen's scripts: ${first.sort().join(", ")}); ` +
      `other scripts and styles ${Math.round(copiedBefore / 1024)} -> ${Math.round(copiedAfter / 1024)} KB`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
