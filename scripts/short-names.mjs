// Runs in scripts/build.sh after wasm-opt: gives the core's imports, their module
// and its exports one- or two-letter names, in the wasm (binaryen's
// --minify-imports-and-exports-and-modules) and in its JS glue alike.
//
// wasm-bindgen names each import after what it calls plus a hash
// (`__wbg_localStorage_6827cfe6db14a9f6`), 49 of them, and every name is written
// twice: in the wasm's import section and as a key in the glue. The hashes do not
// compress: the short names made the wasm 1.4 KB gzip smaller and the glue smaller too.
//
// The glue is rewritten where wasm-bindgen writes these names and nowhere else: the
// keys of the object `__wbg_get_imports` returns and its module key, and `wasm.<export>`.
// Anything else left behind fails the build here, not in a browser.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WASM = `${ROOT}www/pkg/burnout_check_bg.wasm`;
const GLUE = `${ROOT}www/pkg/burnout_check.js`;
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

const fail = (what) => {
  throw new Error(`scripts/short-names.mjs: ${what}`);
};
const escape = (s) => s.replace(/[$.*+?^()[\]{}|\\/]/g, "\\$&");
/** `name` as a whole identifier (not part of a longer one). */
const word = (name) => `(?<![\\w$])${escape(name)}(?![\\w$])`;

let glue = readFileSync(GLUE, "utf8");
const HASHED = /__wbg_[\w$]*_[0-9a-f]{16}\b/;
if (!glue.includes("function __wbg_get_imports()") || !HASHED.test(glue)) fail("www/pkg/burnout_check.js is not wasm-bindgen's glue, or was rewritten already");

// The map binaryen prints: { imports: [[module, name, new name]…], exports: [[name, new name]…] }.
const out = execFileSync(`${ROOT}node_modules/binaryen/bin/wasm-opt`,
  [...FEATURES, "--minify-imports-and-exports-and-modules", WASM, "-o", WASM], { encoding: "utf8" });
const map = JSON.parse(out.slice(out.indexOf("{")));
if (!map.imports?.length || !map.exports?.length) fail(`binaryen printed no names to map: ${out.slice(0, 200)}`);
// Renamed one after another below: no new name may be an old one.
const old = new Set([...map.imports.map(([, name]) => name), ...map.exports.map(([name]) => name)]);
for (const short of [...map.imports.map(([, , s]) => s), ...map.exports.map(([, s]) => s)]) if (old.has(short)) fail(`the new name ${short} is an old one`);

// Imports: each a key of the imports object, written once (`name: function…`).
const start = glue.indexOf("function __wbg_get_imports()");
const end = glue.indexOf("\n}\n", start);
let imports = glue.slice(start, end);
const modules = new Set(map.imports.map(([module]) => module));
for (const [, name, short] of map.imports) {
  const key = new RegExp(`^(\\s*)${escape(name)}:`, "m");
  if ((imports.match(new RegExp(word(name), "g")) ?? []).length !== 1 || !key.test(imports)) fail(`the import ${name} is not one key of the imports object`);
  imports = imports.replace(key, `$1${short}:`);
}
// Their module: binaryen names it "a" (one for all).
if (modules.size !== 1) fail(`imports from ${modules.size} modules`);
const [module] = modules;
const moduleKey = `${JSON.stringify(module)}:`;
if (imports.split(moduleKey).length !== 2) fail(`the module ${module} is not one key of the imports object`);
const wanted = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(WASM)));
const newModules = new Set(wanted.map((i) => i.module));
if (newModules.size !== 1) fail(`the wasm now imports from ${newModules.size} modules`);
const [newModule] = newModules;
imports = imports.replace(moduleKey, `${JSON.stringify(newModule)}:`);
glue = glue.slice(0, start) + imports + glue.slice(end);

// Exports: used as `wasm.<name>` only (the glue's own functions have the same names: left alone).
const exportsNow = new Set(map.exports.map(([, short]) => short));
for (const [name, short] of map.exports) glue = glue.replace(new RegExp(`(?<=wasm\\.)${escape(name)}(?![\\w$])`, "g"), short);
for (const [, name] of glue.matchAll(/wasm\.([\w$]+)/g)) if (!exportsNow.has(name)) fail(`the glue uses wasm.${name}, which the wasm does not export`);
if (HASHED.test(glue)) fail(`a hashed import name is left: ${glue.match(HASHED)[0]}`);
writeFileSync(GLUE, glue);

// Every import the wasm now asks for is one the glue gives.
const given = new Set(map.imports.map(([, , short]) => short));
for (const i of wanted) if (i.module !== newModule || !given.has(i.name)) fail(`the wasm imports ${i.module}.${i.name}, which the glue does not give`);
console.log(`[burnout-check] short names: ${map.imports.length} imports, ${map.exports.length} exports`);
